using DigitsTraining.Training;
using LrSchedules;
using LrSchedules.Batching;

namespace DigitsTraining.Experiments;

/// <summary>
/// Measuring the batch size instead of guessing it (issue 12), on the data of <see cref="SmithExperiment"/> (20% noisy
/// labels, 45 epochs, rate 0.1 at batch 10 divided by 5 at epochs 15, 27, 37): the gradient noise scale measured through
/// training, and the adaptive batch-size controller against the step-decay baseline and the Smith plan.
/// </summary>
/// <remarks>
/// <para>Every run here measures the noise scale the same way: each batch is split into two halves, and
/// <see cref="GradientNoiseScale.UpdateFromParts"/> gets the squared norms of the two halves' mean gradients and of the
/// whole batch's (the micro-batch form, <c>B_small = B/2</c>, <c>B_big = B</c>), smoothing 0.99. The measurement does
/// not change the updates: <c>decay-lr</c> and <c>increase-batch</c> here make exactly the updates of the
/// <c>smith</c> experiment's runs of the same names.</para>
/// <para>The controller's settings were fixed before the first run and are not tuned: initial batch 10 (the rate's
/// reference), batch in [10, 250] (Smith's ceiling) in multiples of 10, one decision at the first step of each epoch,
/// the batch set to the measured <c>B_noise</c> (<c>k = 1</c>, McCandlish et al.'s critical batch), growing only; the
/// rate is the baseline's step decay read on the epoch clock, scaled at each change by the linear rule
/// (<c>adaptive</c>, the rule for SGD) or by AdaScale's gain at the measured noise scale (<c>adaptive-gain</c>).</para>
/// </remarks>
internal static class AdaptiveExperiment
{
    public const string Name = "adaptive";
    public const int MinimumBatchSize = 10;
    public const int MaximumBatchSize = SmithExperiment.MaxBatchSize;
    public const int Granularity = 10;

    public static Experiment Create() => new(
        Name,
        $"{SmithExperiment.LabelNoise * 100:0}% noisy labels; the noise scale measured through training; the batch set to the measured B_noise each epoch (in [{MinimumBatchSize}, {MaximumBatchSize}], growing only) against the step-decay baseline and the Smith plan",
        SmithExperiment.LabelNoise,
        [Measured(SmithExperiment.DecayLearningRate()), Measured(SmithExperiment.IncreaseBatchSize()), Controlled("adaptive", AdaptiveRateRule.Linear), Controlled("adaptive-gain", AdaptiveRateRule.Gain)]);

    /// <summary>A variant of the smith experiment with the noise scale measured alongside; its updates are unchanged.</summary>
    internal static Variant Measured(Variant variant) => variant with
    {
        Description = variant.Description + "; noise scale measured (halves of each batch, AdaptiveBatching.NoiseScale())",
        CreateDrivers = trainingSize => variant.CreateDrivers(trainingSize) with { Observer = new NoiseMeter() },
    };

    /// <summary>The controller-driven run: batch size and rate from <see cref="AdaptiveBatchSizeController"/>.</summary>
    internal static Variant Controlled(string name, AdaptiveRateRule rule) => new(
        name,
        null,
        $"AdaptiveBatching.Controller(Decay on epochs, N, initial {MinimumBatchSize}, min {MinimumBatchSize}, max {MaximumBatchSize}, each epoch, {rule}, multiples of {Granularity}, k = 1, grow only), reporting the measured noise scale after every step",
        trainingSize =>
        {
            AdaptiveBatchSizeController controller = AdaptiveBatching.Controller(
                SmithExperiment.Decay(),
                trainingSize,
                initialBatchSize: MinimumBatchSize,
                minimumBatchSize: MinimumBatchSize,
                maximumBatchSize: MaximumBatchSize,
                decisionIntervalSteps: 0,
                rateRule: rule,
                granularity: BatchSizeGranularity.MultipleOf(Granularity),
                growOnly: true,
                clock: TrainingClock.Epochs);
            var run = new ControllerRun(controller, SmithExperiment.Epochs);
            return new RunDrivers(run, run, run);
        });
}

/// <summary>
/// AdaScale (Johnson et al. 2020) at scale <c>S = k</c> (batch <c>10·k</c>) against the batch-10 baseline at the same
/// number of epochs, on the smith data: the baseline's step decay, written for batch 10 in epochs, read on AdaScale's
/// scale-invariant clock and multiplied by the measured gain. At <c>k = 1</c> the gain is exactly 1 and the run is the
/// baseline itself.
/// </summary>
internal static class AdaScaleExperiment
{
    public const string Name = "adascale";

    public static Experiment Create() => new(
        Name,
        $"{SmithExperiment.LabelNoise * 100:0}% noisy labels; AdaScale at S = 4 and 8 (batch 40, 80) against batch 10 (S = 1) for {SmithExperiment.Epochs} epochs",
        SmithExperiment.LabelNoise,
        [Scaled(1), Scaled(4), Scaled(8)]);

    internal static Variant Scaled(int scale) => new(
        "adascale",
        scale,
        $"AdaScale over plan10.PerStep(Decay, Epochs) (base batch {SmithExperiment.InitialBatchSize}, length {SmithExperiment.Epochs} epochs of batch {SmithExperiment.InitialBatchSize}) at batch {SmithExperiment.InitialBatchSize}·k; noise scale from halves of each batch",
        trainingSize =>
        {
            TrainingPlan basePlan = BatchSchedule.Plan(trainingSize, BatchSchedule.ConstantBatchSize(SmithExperiment.InitialBatchSize), LastBatch.Drop);
            GradientNoiseScale statistics = AdaptiveBatching.NoiseScale();
            AdaScale adaScale = AdaptiveBatching.AdaScale(
                statistics,
                basePlan.PerStep(SmithExperiment.Decay(), TrainingClock.Epochs),
                SmithExperiment.InitialBatchSize,
                basePlan.GetFirstStepOfEpoch(SmithExperiment.Epochs));
            TrainingPlan plan = BatchSchedule.Plan(trainingSize, BatchSchedule.ConstantBatchSize(SmithExperiment.InitialBatchSize * scale), LastBatch.Drop);
            var run = new AdaScaleRun(adaScale);
            return new RunDrivers(run, new TrainingPlanBatches(plan, SmithExperiment.Epochs), run);
        });
}

/// <summary>Measures the noise scale of a run without changing it.</summary>
internal sealed class NoiseMeter : IGradientObserver
{
    private readonly GradientNoiseScale _estimator = AdaptiveBatching.NoiseScale();

    public int Parts => 2;

    public double NoiseScale => _estimator.NoiseScale;

    public double? Progress => null;

    public void Observe(long step, int batchSize, ReadOnlySpan<double> partSquaredNorms, double wholeSquaredNorm) =>
        _estimator.UpdateFromParts(batchSize / Parts, partSquaredNorms, wholeSquaredNorm);

    public void AfterStep(long step, int batchSize)
    {
    }
}

/// <summary>
/// The trainer's view of an <see cref="AdaptiveBatchSizeController"/>: its rate and batch size per step, its plan's
/// epochs, and the measured noise scale reported after every step.
/// </summary>
internal sealed class ControllerRun(AdaptiveBatchSizeController controller, int epochs) : ILearningRateSchedule, IBatchPlan, IGradientObserver
{
    private readonly GradientNoiseScale _estimator = AdaptiveBatching.NoiseScale();

    public int Epochs => epochs;

    public int Parts => 2;

    public double NoiseScale => _estimator.NoiseScale;

    public double? Progress => null;

    public AdaptiveBatchSizeController Controller => controller;

    public double GetLearningRate(long step) => controller.GetLearningRate(step);

    /// <remarks>Exact for the epoch about to start: decisions come only at the first step of an epoch, so the changes made
    /// during the epoch cannot move its end.</remarks>
    public long EpochStartStep(int epoch) => controller.Plan.GetFirstStepOfEpoch(epoch);

    public int BatchSize(long step) => checked((int)controller.GetBatchSize(step));

    public void Observe(long step, int batchSize, ReadOnlySpan<double> partSquaredNorms, double wholeSquaredNorm) =>
        _estimator.UpdateFromParts(batchSize / Parts, partSquaredNorms, wholeSquaredNorm);

    public void AfterStep(long step, int batchSize)
    {
        if (step != controller.ReportCount)
        {
            throw new InvalidOperationException($"The controller is at step {controller.ReportCount}, the trainer at {step}.");
        }

        controller.Report(_estimator.NoiseScale);
    }
}

/// <summary>The trainer's view of <see cref="AdaScale"/>: the rate of the current step is <c>r · lr(τ)</c>, and τ advances after it.</summary>
internal sealed class AdaScaleRun(AdaScale adaScale) : ILearningRateSchedule, IGradientObserver
{
    private long _batchSize;

    public int Parts => 2;

    public double NoiseScale => adaScale.Statistics.NoiseScale;

    public double? Progress => adaScale.Progress;

    /// <remarks>Only the current step: the trainer asks after <see cref="Observe"/> has given this step's batch size.</remarks>
    public double GetLearningRate(long step) => adaScale.GetLearningRate(_batchSize);

    public void Observe(long step, int batchSize, ReadOnlySpan<double> partSquaredNorms, double wholeSquaredNorm)
    {
        _batchSize = batchSize;
        adaScale.Statistics.UpdateFromParts(batchSize / Parts, partSquaredNorms, wholeSquaredNorm);
    }

    public void AfterStep(long step, int batchSize) => adaScale.Advance(batchSize);
}
