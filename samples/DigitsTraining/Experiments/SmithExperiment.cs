using DigitsTraining.Training;
using LrSchedules;
using LrSchedules.Batching;

namespace DigitsTraining.Experiments;

/// <summary>
/// "Don't decay the learning rate, increase the batch size" (Smith, Kindermans, Ying and Le, arXiv:1711.00489,
/// ICLR 2018) on the digits: noisy labels make the training loss a visible measure of the noise of SGD.
/// </summary>
/// <remarks>
/// 20% of the training labels are replaced by random ones (fixed seed); 45 epochs; initial rate 0.1 at batch 10, the
/// rate divided by 5 at epochs 15, 27 and 37 (<see cref="Decay"/>, written in epochs). The baseline trains that decay at
/// batch 10; the paper's comparison hands the same decay to the library's
/// <see cref="BatchSchedule.IncreaseBatchSizeInsteadOfDecay"/>, which multiplies the batch by 5 instead, up to 250,
/// and leaves the rest of each factor to the rate.
/// </remarks>
internal static class SmithExperiment
{
    public const string Name = "smith";

    /// <summary>The name of the supplementary experiment: the same comparison from a five times smaller initial rate (not part of <c>all</c>).</summary>
    public const string LowRateName = "smith-low-rate";

    /// <summary>The initial rate of the supplementary experiment: the rate the baseline has from epoch 15 on.</summary>
    public const double LowInitialLearningRate = 0.02;
    public const int Epochs = 45;
    public const double InitialLearningRate = 0.1;
    public const int InitialBatchSize = 10;
    public const double DecayFactor = 5.0;
    public const int MaxBatchSize = 250;
    public const double LabelNoise = 0.2;

    /// <summary>Gets the epochs at whose start the baseline divides the rate by <see cref="DecayFactor"/>.</summary>
    public static IReadOnlyList<int> MilestoneEpochs { get; } = [15, 27, 37];

    /// <summary>The experiment of the issue: initial rate 0.1.</summary>
    public static Experiment Create() => Create(Name, InitialLearningRate, "");

    /// <summary>
    /// A supplementary experiment, not part of <c>all</c>: everything as in <see cref="Create()"/> but the initial rate,
    /// 0.02 instead of 0.1, to tell what the steadiness of the first 15 epochs at 0.1 does to the comparison.
    /// </summary>
    public static Experiment CreateLowRate() => Create(LowRateName, LowInitialLearningRate, "supplementary: ");

    private static Experiment Create(string name, double initialLearningRate, string prefix) => new(
        name,
        $"{prefix}{LabelNoise * 100:0}% noisy labels; rate {initialLearningRate} at batch {InitialBatchSize}, ÷{DecayFactor} at epochs {string.Join(", ", MilestoneEpochs)}, or the batch ×{DecayFactor} instead up to {MaxBatchSize}",
        LabelNoise,
        [DecayLearningRate(initialLearningRate), IncreaseBatchSize(initialLearningRate)]);

    /// <summary>The experiment's decay, written in epochs for batch 10: the initial rate (0.1), divided by 5 at the start of epochs 15, 27 and 37.</summary>
    internal static LearningRateSchedule Decay(double initialLearningRate = InitialLearningRate) =>
        Schedule.MultiStep(initialLearningRate, MilestoneEpochs.Select(e => (long)e), 1.0 / DecayFactor);

    /// <summary>The baseline: batch 10 throughout; the rate divided by 5 at the milestone epochs.</summary>
    internal static Variant DecayLearningRate(double initialLearningRate = InitialLearningRate) => new(
        "decay-lr",
        null,
        $"plan.PerStep(Schedule.MultiStep({initialLearningRate}, [{string.Join(", ", MilestoneEpochs)}], 1/{DecayFactor}), TrainingClock.Epochs) over BatchSchedule.Plan(N, BatchSchedule.ConstantBatchSize({InitialBatchSize}), LastBatch.Drop)",
        trainingSize =>
        {
            TrainingPlan plan = BatchSchedule.Plan(trainingSize, BatchSchedule.ConstantBatchSize(InitialBatchSize), LastBatch.Drop);
            return new RunDrivers(plan.PerStep(Decay(initialLearningRate), TrainingClock.Epochs), new TrainingPlanBatches(plan, Epochs));
        });

    /// <summary>
    /// Smith et al.'s schedule: the same decay handed to <see cref="BatchSchedule.IncreaseBatchSizeInsteadOfDecay"/>, so
    /// the batch grows 10 → 50 → 250 at epochs 15 and 27 with the rate at 0.1, and at epoch 37, where the batch is at
    /// its ceiling, the rate is divided by 5 instead.
    /// </summary>
    internal static Variant IncreaseBatchSize(double initialLearningRate = InitialLearningRate) => new(
        "increase-batch",
        null,
        $"BatchSchedule.IncreaseBatchSizeInsteadOfDecay(the same decay, TrainingClock.Epochs, N, LastBatch.Drop, initial batch {InitialBatchSize}, maximum batch {MaxBatchSize}, {Epochs} epochs): its Plan and LearningRate",
        trainingSize =>
        {
            BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(
                Decay(initialLearningRate),
                TrainingClock.Epochs,
                trainingSize,
                LastBatch.Drop,
                InitialBatchSize,
                MaxBatchSize,
                Epochs,
                momentum: Trainer.DefaultMomentum);
            return new RunDrivers(growth.LearningRate, new TrainingPlanBatches(growth.Plan, Epochs));
        });
}
