using DigitsTraining.Training;
using LrSchedules;

namespace DigitsTraining.Experiments;

/// <summary>
/// Scaling the learning rate with the batch size: the linear rule with gradual warmup (Goyal et al.,
/// arXiv:1706.02677), the square-root rule (Krizhevsky 2014; Hoffer et al. 2017), and no scaling, for batches
/// 10·k with k in {1, 2, 4, 8}.
/// </summary>
/// <remarks>
/// Clean labels; 60 epochs; base rate 0.05 at batch 10, divided by 5 at epochs 30, 45 and 55. The variants that scale
/// the rate (linear and square root, each behind a 5-epoch warmup) are added to <see cref="Create"/> once the library
/// has the scaling rules and the warmup combinator (see the sample's README).
/// </remarks>
internal static class ScalingExperiment
{
    public const string Name = "scaling";
    public const int Epochs = 60;
    public const double BaseLearningRate = 0.05;
    public const int BaseBatchSize = 10;
    public const double DecayFactor = 5.0;
    public const int WarmupEpochs = 5;

    /// <summary>Gets the epochs at whose start the rate is divided by <see cref="DecayFactor"/>.</summary>
    public static IReadOnlyList<int> MilestoneEpochs { get; } = [30, 45, 55];

    /// <summary>Gets the batch multiples: each variant runs at batch <c>10·k</c>.</summary>
    public static IReadOnlyList<int> BatchMultiples { get; } = [1, 2, 4, 8];

    public static Experiment Create() => new(
        Name,
        $"clean labels; base rate {BaseLearningRate} at batch {BaseBatchSize}, ÷{DecayFactor} at epochs {string.Join(", ", MilestoneEpochs)}; batch {BaseBatchSize}·k",
        0.0,
        [.. BatchMultiples.Select(NoScaling)]);

    /// <summary>No scaling: batch 10·k with the base rate 0.05 and the same epoch milestones.</summary>
    internal static Variant NoScaling(int k) => new(
        "none",
        k,
        $"batch {BaseBatchSize}·k, base rate unchanged; Schedule.MultiStep({BaseLearningRate}, epochs {string.Join("/", MilestoneEpochs)} in steps, 1/{DecayFactor})",
        trainingSize =>
        {
            var plan = new FixedBatchPlan(BaseBatchSize * k, trainingSize, Epochs);
            return new RunDrivers(DecaySchedule(BaseLearningRate, plan), plan);
        });

    /// <summary>The experiment's decay in steps of <paramref name="plan"/>: <paramref name="initialLearningRate"/> divided by 5 at each milestone epoch.</summary>
    internal static MultiStepSchedule DecaySchedule(double initialLearningRate, IBatchPlan plan) =>
        Schedule.MultiStep(initialLearningRate, MilestoneEpochs.Select(plan.EpochStartStep), 1.0 / DecayFactor);
}
