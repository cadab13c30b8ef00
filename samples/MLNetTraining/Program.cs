using System.Globalization;
using DigitsTraining.Training;
using LrSchedules;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

// ML.NET's averaged perceptron on a binary task of the UCI digits ("is it a 3 or an 8, or another digit?" is too easy
// for a linear model; we ask "is the digit odd?"), one epoch per Fit, each Fit continuing from the previous model.
// Each epoch's learning rate comes from an LrSchedules schedule, read at the epoch index; a constant rate is the
// baseline. ML.NET offers no per-step hook for these trainers (see README.md): the rate can change only between Fits.
//
//   dotnet run --project samples/MLNetTraining -c Release [--epochs N] [--data path/to/digits.csv.gz]

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

int epochs = 20;
string path = Digits.DefaultPath;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--epochs" when i + 1 < args.Length && int.TryParse(args[i + 1], out int parsed) && parsed > 0:
            epochs = parsed;
            i++;
            break;
        case "--data" when i + 1 < args.Length:
            path = args[++i];
            break;
        default:
            Console.Error.WriteLine($"unknown or incomplete argument '{args[i]}'; usage: [--epochs N] [--data path]");
            return 2;
    }
}

const double PeakRate = 1.0;
(Dataset training, Dataset test) = Digits.Split(Digits.Load(path));
DigitRow[] trainRows = ToRows(training), testRows = ToRows(test);

// The schedule is written in epochs: a cosine from the peak rate to 1 % of it over the run. ML.NET requires a rate
// > 0, which the final rate keeps.
ILearningRateSchedule schedule = Schedule.Cosine(initialLearningRate: PeakRate, totalSteps: epochs, finalLearningRate: 0.01 * PeakRate);
ILearningRateSchedule constant = Schedule.Constant(PeakRate);

// Each run has its own MLContext with the same seed, so both see the same shuffle of every epoch: only the rate differs.
var scheduled = new EpochTrainer(seed: 0, trainRows, testRows);
var baseline = new EpochTrainer(seed: 0, trainRows, testRows);
Console.WriteLine($"Averaged perceptron, digits odd vs even: {training.Count} training and {test.Count} test rows, {epochs} epochs, one Fit each");
Console.WriteLine("epoch  rate (cosine)  test acc (cosine)  test acc (constant 1.0)");
for (int epoch = 0; epoch < epochs; epoch++)
{
    double rate = schedule.GetLearningRate(epoch);
    double scheduledAccuracy = scheduled.TrainOneEpoch(rate);
    double baselineAccuracy = baseline.TrainOneEpoch(constant.GetLearningRate(epoch));
    Console.WriteLine($"{epoch + 1,5}  {rate,13:F4}  {100 * scheduledAccuracy,16:F2}%  {100 * baselineAccuracy,22:F2}%");
}

Console.WriteLine($"final test accuracy: cosine {100 * scheduled.LastAccuracy:F2}%, constant {100 * baseline.LastAccuracy:F2}%");
return 0;

static DigitRow[] ToRows(Dataset data) =>
    Enumerable.Range(0, data.Count).Select(i => new DigitRow
    {
        Features = data.Features.Row(i).Select(v => (float)v).ToArray(),
        Label = data.Labels[i] % 2 == 1,
    }).ToArray();

/// <summary>One digit: 64 pixels scaled to [0, 1] and whether the digit is odd.</summary>
internal sealed class DigitRow
{
    [VectorType(Digits.Pixels)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}

/// <summary>Trains the averaged perceptron one epoch per Fit, each Fit starting from the previous model.</summary>
internal sealed class EpochTrainer
{
    private readonly MLContext _ml;
    private readonly IDataView _trainData;
    private readonly IDataView _testData;
    private BinaryPredictionTransformer<LinearBinaryModelParameters>? _model;

    public EpochTrainer(int seed, DigitRow[] trainRows, DigitRow[] testRows)
    {
        _ml = new MLContext(seed);
        _trainData = _ml.Data.LoadFromEnumerable(trainRows);
        _testData = _ml.Data.LoadFromEnumerable(testRows);
    }

    public double LastAccuracy { get; private set; }

    /// <summary>Runs one pass over the training data at <paramref name="learningRate"/> and returns the test accuracy.</summary>
    public double TrainOneEpoch(double learningRate)
    {
        var trainer = _ml.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options
        {
            LearningRate = (float)learningRate,
            DecreaseLearningRate = false,
            NumberOfIterations = 1,
            Shuffle = true,
        });

        // The continuation: Fit(data, previous parameters) starts from the previous epoch's weights and bias.
        _model = _model is null ? trainer.Fit(_trainData) : trainer.Fit(_trainData, _model.Model);
        LastAccuracy = _ml.BinaryClassification.EvaluateNonCalibrated(_model.Transform(_testData)).Accuracy;
        return LastAccuracy;
    }
}
