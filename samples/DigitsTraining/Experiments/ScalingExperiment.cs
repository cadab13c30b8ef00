using DigitsTraining.Training;
using LrSchedules;
using LrSchedules.Batching;

namespace DigitsTraining.Experiments;

/// <summary>
/// Scaling the learning rate with the batch size: the linear rule with gradual warmup (Goyal et al.,
/// arXiv:1706.02677), the square-root rule (Krizhevsky 2014; Hoffer et al. 2017) behind the same warmup, and no
/// scaling, for batches 10·k with k in {1, 2, 4, 8}.
/// </summary>
/// <remarks>
/// Clean labels; 60 epochs; base rate 0.05 at batch 10, divided by 5 at epochs 30, 45 and 55 (<see cref="Decay"/>,
/// written in epochs, so the milestones stay at those epochs whatever the batch). Every variant trains on
/// <c>BatchSchedule.Plan(N, BatchSchedule.ConstantBatchSize(10·k), LastBatch.Drop)</c>; the rules come from
/// <see cref="BatchScaling"/>.
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
        [
            .. BatchMultiples.Select(NoScaling),
            .. BatchMultiples.Select(LinearWithWarmup),
            .. BatchMultiples.Select(SquareRootWithWarmup),
        ]);

    /// <summary>The experiment's decay, written in epochs for batch 10: 0.05, divided by 5 at the start of epochs 30, 45 and 55.</summary>
    internal static LearningRateSchedule Decay() =>
        Schedule.MultiStep(BaseLearningRate, MilestoneEpochs.Select(e => (long)e), 1.0 / DecayFactor);

    /// <summary>The plan of every run at batch 10·k: a constant batch, the last partial batch of each epoch dropped.</summary>
    internal static TrainingPlan Plan(int k, int trainingSize) =>
        BatchSchedule.Plan(trainingSize, BatchSchedule.ConstantBatchSize(BaseBatchSize * k), LastBatch.Drop);

    /// <summary>No scaling: batch 10·k with the base rate 0.05 and the same epoch milestones.</summary>
    internal static Variant NoScaling(int k) => new(
        "none",
        k,
        $"batch {BaseBatchSize}·k, base rate unchanged: plan.PerStep(Schedule.MultiStep({BaseLearningRate}, [{string.Join(", ", MilestoneEpochs)}], 1/{DecayFactor}), TrainingClock.Epochs)",
        trainingSize =>
        {
            TrainingPlan plan = Plan(k, trainingSize);
            return new RunDrivers(plan.PerStep(Decay(), TrainingClock.Epochs), new TrainingPlanBatches(plan, Epochs));
        });

    /// <summary>Goyal et al.'s recipe: the rate times k, reached by a linear warmup from 0.05 over the first 5 epochs.</summary>
    internal static Variant LinearWithWarmup(int k) => new(
        "linear-warmup",
        k,
        $"linear rule (rate ×k) with a {WarmupEpochs}-epoch linear warmup from {BaseLearningRate}: BatchScaling.LinearScalingWithWarmup(the same decay, {BaseBatchSize}, plan, {WarmupEpochs}, TrainingClock.Epochs)",
        trainingSize =>
        {
            TrainingPlan plan = Plan(k, trainingSize);
            LearningRateSchedule rate = BatchScaling.LinearScalingWithWarmup(Decay(), BaseBatchSize, plan, WarmupEpochs, TrainingClock.Epochs);
            return new RunDrivers(rate, new TrainingPlanBatches(plan, Epochs));
        });

    /// <summary>The square-root rule behind the same warmup: the rate times √k, reached linearly from 0.05 over the first 5 epochs.</summary>
    internal static Variant SquareRootWithWarmup(int k) => new(
        "sqrt-warmup",
        k,
        $"square-root rule (rate ×√k) with the same warmup: plan.ScaleLearningRate(the same decay, BatchScaling.SquareRootScaling({BaseBatchSize}), TrainingClock.Epochs).WithLinearWarmup(first step of epoch {WarmupEpochs}, {BaseLearningRate}, WarmupPlacement.Overlay, its rate there)",
        trainingSize =>
        {
            TrainingPlan plan = Plan(k, trainingSize);
            LearningRateSchedule scaled = plan.ScaleLearningRate(Decay(), BatchScaling.SquareRootScaling(BaseBatchSize), TrainingClock.Epochs);
            long warmupSteps = plan.GetFirstStepOfEpoch(WarmupEpochs);
            LearningRateSchedule rate = scaled.WithLinearWarmup(
                warmupSteps,
                BaseLearningRate,
                WarmupPlacement.Overlay,
                targetLearningRate: scaled.GetLearningRate(warmupSteps));
            return new RunDrivers(rate, new TrainingPlanBatches(plan, Epochs));
        });
}
