using System.Globalization;
using System.Text;
using DigitsTraining.Training;
using LrSchedules;
using LrSchedules.Batching;
using LrSchedules.RangeTest;

namespace DigitsTraining.Experiments;

/// <summary>
/// <c>lr-find</c>: a learning-rate range test on the digits network (fastai's defaults: 1e-7 to 10 over 100 steps, the
/// quick experiment's batch 10 and momentum 0.9), then the quick experiment's training (cosine over 10 epochs) at each
/// rate the range test suggests, beside the hand-tuned 0.05.
/// </summary>
/// <remarks>
/// The sweep always runs its 100 planned steps, so that the recorded <c>lr-find-sweep.csv</c> is a complete sweep for
/// <c>lrs suggest</c> and <c>lrs plot</c>; the suggestions come from <see cref="FastaiRangeTest.Replay"/> and
/// <see cref="TorchLrFinderRangeTest.Replay"/>, each of which stops reading where its origin stops the test.
/// </remarks>
internal static class LrFindExperiment
{
    public const string Name = "lr-find";
    public const double InitialLearningRate = 1e-7;
    public const double FinalLearningRate = 10.0;
    public const int SweepSteps = 100;
    public const long SweepSeed = 0;
    public const string SweepFile = "lr-find-sweep.csv";

    /// <summary>The catalog entry: its variants are made by <see cref="Prepare"/> once the data is loaded.</summary>
    public static Experiment Create() => new(
        Name,
        $"range test {InitialLearningRate:G} → {FinalLearningRate:G} over {SweepSteps} steps at batch {QuickExperiment.BatchSize}, then the quick training at each suggested rate",
        0.0,
        [],
        DefaultSeeds: 3,
        DefaultLogEvery: 0)
    {
        Prepare = Prepare,
    };

    /// <summary>Runs the range test on <paramref name="training"/>, writes the sweep, and returns the experiment with one variant per suggested rate.</summary>
    public static Experiment Prepare(Dataset training, string outputDirectory, TextWriter console)
    {
        RangeTestPoint[] sweep = RunSweep(training, SweepSeed);
        Directory.CreateDirectory(outputDirectory);
        string file = Path.Combine(outputDirectory, SweepFile);
        File.WriteAllText(file, ToCsv(sweep));
        FastaiRangeTest fastai = FastaiRangeTest.Replay(sweep);
        TorchLrFinderRangeTest torch = TorchLrFinderRangeTest.Replay(sweep);
        console.WriteLine(Invariant($"   range test: {sweep.Length} steps written to {file}; fastai read {fastai.Points.Count} (diverged: {fastai.HasDiverged}), torch-lr-finder {torch.Points.Count} (diverged: {torch.HasDiverged})"));

        var variants = new List<Variant> { QuickAt("hand-tuned", QuickExperiment.InitialLearningRate) };
        foreach (RangeTestSuggestion suggestion in fastai.Suggest().Concat(torch.Suggest()))
        {
            console.WriteLine(Invariant($"   {suggestion.Method}: {(suggestion.LearningRate is { } r ? r.ToString("G6", CultureInfo.InvariantCulture) : "none (" + suggestion.Failure + ")")}"));
            if (suggestion.LearningRate is { } rate)
            {
                variants.Add(QuickAt(suggestion.Method, rate));
            }
        }

        return Create() with { Variants = variants, Prepare = null };
    }

    /// <summary>
    /// The range test's training: a new model from <paramref name="seed"/>, momentum SGD, batch 10 in the seed's shuffled
    /// order, the rate of step <c>i</c> from <see cref="Schedule.RangeTestSweep"/>; the loss of each step is the
    /// mini-batch loss before its update, as fastai and torch-lr-finder record it.
    /// </summary>
    public static RangeTestPoint[] RunSweep(Dataset training, long seed)
    {
        ArgumentNullException.ThrowIfNull(training);
        LearningRateSchedule rates = Schedule.RangeTestSweep(InitialLearningRate, FinalLearningRate, SweepSteps);
        var model = new Mlp(training.FeatureCount, Trainer.DefaultHidden, training.Classes, new Rng(seed, RngStreams.Initialisation));
        var optimizer = new MomentumSgd(model.Parameters, Trainer.DefaultMomentum);
        var shuffle = new Rng(seed, RngStreams.Shuffle);
        int[] order = [.. Enumerable.Range(0, training.Count)];
        int batch = QuickExperiment.BatchSize;
        int perEpoch = training.Count / batch;
        var points = new RangeTestPoint[SweepSteps];
        for (int step = 0; step < SweepSteps; step++)
        {
            if (step % perEpoch == 0)
            {
                shuffle.Shuffle(order.AsSpan());
            }

            double rate = rates.GetLearningRate(step);
            double loss = model.ForwardBackward(training, order.AsSpan(step % perEpoch * batch, batch));
            optimizer.Step(rate);
            points[step] = new RangeTestPoint(rate, loss);
        }

        return points;
    }

    /// <summary>The sweep as <c>lrs suggest</c> reads it: <c>learning_rate,loss</c>, numbers written round-trippably.</summary>
    public static string ToCsv(IEnumerable<RangeTestPoint> sweep)
    {
        var csv = new StringBuilder("learning_rate,loss\n");
        foreach (RangeTestPoint point in sweep)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{point.LearningRate:R},{point.Loss:R}\n");
        }

        return csv.ToString();
    }

    private static Variant QuickAt(string name, double rate) => new(
        name,
        null,
        Invariant($"batch {QuickExperiment.BatchSize}; Schedule.Cosine({rate:G6}, 0.0, total steps of {QuickExperiment.Epochs} epochs)"),
        trainingSize =>
        {
            TrainingPlan plan = BatchSchedule.Plan(trainingSize, BatchSchedule.ConstantBatchSize(QuickExperiment.BatchSize), LastBatch.Drop);
            return new RunDrivers(Schedule.Cosine(rate, 0.0, plan.GetFirstStepOfEpoch(QuickExperiment.Epochs)), new TrainingPlanBatches(plan, QuickExperiment.Epochs));
        });

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
