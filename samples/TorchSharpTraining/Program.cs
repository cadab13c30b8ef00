using System.Globalization;
using System.IO.Compression;
using LrSchedules;
using LrSchedules.Batching;
using LrSchedules.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

// A 64-64-10 perceptron on the UCI digits with torch.optim.SGD, the learning rate of every step set from an
// LrSchedules schedule through LrSchedules.TorchSharp. The schedule is a pure function of the step, so the loop
// just applies it before each update: there is no scheduler state to step, save or keep in sync with the optimizer.
//
// Needs LibTorch (build with -p:WithLibTorch=true) and a Linux whose libstdc++ comes from GCC 13 or newer
// (GLIBCXX_3.4.32), or Windows/macOS. See README.md.

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

// The plan: 1400 samples a pass, batch 10, the last partial batch dropped (there is none here). The sampler draws each
// step's rows at the offset and size the plan gives, from a per-epoch order seeded by (seed, epoch).
TrainingPlan plan = BatchSchedule.Plan(TrainingRows, BatchSchedule.ConstantBatchSize(BatchSize), LastBatch.Drop);
var sampler = new PlannedBatchSampler(plan, seed: 0);

// The schedule, in optimizer steps: the rate divided by 5 at the start of epochs 15, 27 and 37.
ILearningRateSchedule schedule = Schedule.MultiStep(
    InitialLearningRate,
    milestoneEpochs.Select(e => plan.GetFirstStepOfEpoch(e)),
    decayFactor: 0.2);

// Every parameter group gets the schedule's rate and the momentum each step (beta2: or weightDecay: schedules, and
// per-group scales, go in the same way). The momentum is any schedule ended by AsMomentum(), which checks it lies in
// [0, 1) here, once. Apply allocates nothing and may be called for any step: resuming is Apply(t).
var groups = new ParamGroupScheduler(
    optimizer.ParamGroups,
    new HyperparameterSchedules(schedule, momentum: Schedule.Constant(Momentum).AsMomentum()));

long step = 0;
for (int epoch = 1; epoch <= Epochs; epoch++)
{
    model.train();
    double squaredGradientNorm = 0;
    long lastStep = plan.GetFirstStepOfEpoch(epoch);
    for (; step < lastStep; step++)
    {
        using var scope = torch.NewDisposeScope();
        groups.Apply(step);

        optimizer.zero_grad();
        Tensor loss = lossFunction.forward(model.forward(sampler.Take(step, trainX)), sampler.Take(step, trainY));
        loss.backward();
        squaredGradientNorm += model.SquaredGradientNorm();
        optimizer.step();
    }

    (double trainLoss, double trainAccuracy) = Evaluate(trainX, trainY);
    (_, double testAccuracy) = Evaluate(testX, testY);
    long epochSteps = plan.GetFirstStepOfEpoch(epoch) - plan.GetFirstStepOfEpoch(epoch - 1);
    Console.WriteLine(
        $"epoch {epoch,2}/{Epochs}  lr {optimizer.ParamGroups.First().LearningRate,-7:G4} updates {step,5}  " +
        $"mean |g|^2 {squaredGradientNorm / epochSteps:G4}  train loss {trainLoss:F4}  " +
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
