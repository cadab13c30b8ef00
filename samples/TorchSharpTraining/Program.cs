using System.Globalization;
using System.IO.Compression;
using LrSchedules;
using TorchSharp;
using static TorchSharp.torch;

// A 64-64-10 perceptron on the UCI digits with torch.optim.SGD, the learning rate of every step set from an
// LrSchedules schedule. The schedule is a pure function of the step, so the loop just asks it before each update:
// there is no scheduler object to step, save or keep in sync with the optimizer.
//
// Needs TorchSharp-cpu and a Linux whose libstdc++ comes from GCC 13 or newer (GLIBCXX_3.4.32), or Windows/macOS.
// See README.md.

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

const int Epochs = 45;
const int BatchSize = 10;
const double InitialLearningRate = 0.1;
const double Momentum = 0.9;
const int TrainingRows = 1400;
int[] milestoneEpochs = [15, 27, 37];

torch.manual_seed(0);

// Data: 64 pixel counts and a label per line; pixels divided by 16; a fixed permutation splits 1400 / 397.
string path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "Data", "digits.csv.gz");
(float[] pixels, long[] labels) = LoadDigits(path);
int rows = labels.Length;
Tensor features = torch.tensor(pixels, [rows, 64]) / 16.0f;
Tensor targets = torch.tensor(labels);
Tensor permutation = torch.randperm(rows, generator: new Generator(20_171_101));
Tensor trainIndex = permutation[..TrainingRows];
Tensor testIndex = permutation[TrainingRows..];
Tensor trainX = features.index_select(0, trainIndex), trainY = targets.index_select(0, trainIndex);
Tensor testX = features.index_select(0, testIndex), testY = targets.index_select(0, testIndex);

var model = nn.Sequential(
    ("fc1", nn.Linear(64, 64)),
    ("relu", nn.ReLU()),
    ("fc2", nn.Linear(64, 10)));
var lossFunction = nn.CrossEntropyLoss();
var optimizer = torch.optim.SGD(model.parameters(), InitialLearningRate, momentum: Momentum);

// The schedule, in optimizer steps: the rate divided by 5 at the start of epochs 15, 27 and 37.
int stepsPerEpoch = TrainingRows / BatchSize; // the last partial batch is dropped
ILearningRateSchedule schedule = Schedule.MultiStep(
    InitialLearningRate,
    milestoneEpochs.Select(e => (long)e * stepsPerEpoch),
    decayFactor: 0.2);

long step = 0;
for (int epoch = 1; epoch <= Epochs; epoch++)
{
    model.train();
    Tensor order = torch.randperm(TrainingRows);
    double learningRate = double.NaN;
    for (int batch = 0; batch < stepsPerEpoch; batch++, step++)
    {
        using var scope = torch.NewDisposeScope();

        // The one line a trainer needs: every parameter group gets the schedule's rate for this step.
        learningRate = schedule.GetLearningRate(step);
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }

        Tensor index = order.narrow(0, batch * BatchSize, BatchSize);
        optimizer.zero_grad();
        Tensor loss = lossFunction.forward(model.forward(trainX.index_select(0, index)), trainY.index_select(0, index));
        loss.backward();
        optimizer.step();
    }

    (double trainLoss, double trainAccuracy) = Evaluate(trainX, trainY);
    (_, double testAccuracy) = Evaluate(testX, testY);
    Console.WriteLine(
        $"epoch {epoch,2}/{Epochs}  lr {learningRate,-7:G4} updates {step,5}  train loss {trainLoss:F4}  " +
        $"train acc {100 * trainAccuracy:F2}%  test acc {100 * testAccuracy:F2}%");
}

(double Loss, double Accuracy) Evaluate(Tensor x, Tensor y)
{
    using var scope = torch.NewDisposeScope();
    using var noGrad = torch.no_grad();
    model.eval();
    Tensor logits = model.forward(x);
    double loss = lossFunction.forward(logits, y).item<float>();
    double correct = logits.argmax(1).eq(y).sum().item<long>();
    return (loss, correct / y.shape[0]);
}

static (float[] Pixels, long[] Labels) LoadDigits(string path)
{
    var pixels = new List<float>();
    var labels = new List<long>();
    using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
    while (reader.ReadLine() is { Length: > 0 } line)
    {
        string[] fields = line.Split(',');
        pixels.AddRange(fields[..64].Select(f => float.Parse(f, CultureInfo.InvariantCulture)));
        labels.Add((long)float.Parse(fields[64], CultureInfo.InvariantCulture));
    }

    return ([.. pixels], [.. labels]);
}
