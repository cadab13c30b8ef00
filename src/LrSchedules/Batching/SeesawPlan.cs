using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>
/// Seesaw: a training plan in which, wherever a source schedule for Adam multiplies the rate by <c>α &lt; 1</c>, the
/// batch grows by <c>1/α</c> and the rate falls by <c>√α</c> only, so that the rate per square root of the batch is the
/// source's at every step.
/// </summary>
/// <remarks>
/// <para>Built by <see cref="BatchSchedule.Seesaw"/> from a source schedule <c>lr</c> written in epochs or samples
/// seen, for batch size <c>B0 = </c><see cref="InitialBatchSize"/>. The batch size of epoch <c>e</c> is
/// <c>B(e) = min(Bmax, round(B0 · lr(0) / lr(x_e)))</c>, where <c>x_e</c> is the position of the first step of epoch
/// <c>e</c> on the source's clock, <c>round</c> is <see cref="Granularity"/> and <c>Bmax = </c><see cref="MaximumBatchSize"/>
/// (the critical batch size) — the batch plan of <see cref="BatchSchedule.IncreaseBatchSizeInsteadOfDecay"/>, built by the
/// same code, so the three clocks (steps, samples seen, epochs) are exact in the same way. The learning rate of step
/// <c>t</c> is <c>lr'(t) = lr(x(t)) · √(B(t) / B0)</c> (<see cref="BatchScaling.SquareRootScaling"/> over the source read per
/// step).</para>
/// <para><b>The invariant:</b> <c>lr'(t) / √B(t) = lr(x(t)) / √B0</c> at every step, the rounding of the batch size
/// included (<see cref="GetRatePerRootBatch"/> equals <see cref="GetSourceRatePerRootBatch"/>). That is the step size
/// of normalized SGD, the paper's proxy for Adam, in its variance-dominated regime: where the source multiplies the
/// rate by α, the batch grows by <c>1/α</c> and the rate is multiplied by <c>√α</c> (the paper's rule: halve the rate
/// → multiply it by <c>1/√2</c> and double the batch). Once the batch reaches <see cref="MaximumBatchSize"/> it stays
/// there and the rate carries the rest of the decay (<c>lr' = lr(x) · √(Bmax / B0)</c> falls by the full α). Inside an
/// epoch the rate follows the source.</para>
/// <para>Meterez, Morwani, Wu, Oncescu, Pehlevan and Kakade, "Seesaw: Accelerating Training by Balancing Learning Rate
/// and Batch Size Scheduling" (arXiv:2510.14717, 2025): matched cosine decay at equal FLOPs with about 36% less
/// wall-clock time, below the critical batch size. For SGD the counterpart is Smith's transform
/// (<see cref="BatchGrowthPlan"/>: the rate held, the batch grown by the full <c>1/α</c>). The paper schedules a cosine
/// in discrete halvings; here the batch is recomputed at every epoch start, which keeps the invariant exactly.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class SeesawPlan
{
    private readonly TrainingClockSchedule _sourcePerStep;
    private readonly long _sourceStepsPerEpoch;

    internal SeesawPlan(ILearningRateSchedule sourceAsGiven, LearningRateSchedule source, TrainingClock clock, TrainingPlan plan, long initialBatchSize, long maximumBatchSize, long epochs, BatchSizeGranularity granularity)
    {
        SourceLearningRate = sourceAsGiven;
        Clock = clock;
        Plan = plan;
        InitialBatchSize = initialBatchSize;
        MaximumBatchSize = maximumBatchSize;
        Epochs = epochs;
        Granularity = granularity;
        _sourcePerStep = plan.PerStepUnrecorded(source, clock);
        LearningRate = new BatchScaledSchedule(_sourcePerStep, new PowerBatchScalingRule(initialBatchSize, 0.5), 1.0);
        _sourceStepsPerEpoch = BatchGrowthPlan.StepsPerEpoch(plan, initialBatchSize);
    }

    /// <summary>Gets the plan of batch sizes and clocks: batch sizes by epoch, queried per step.</summary>
    public TrainingPlan Plan { get; }

    /// <summary>Gets the learning rate of every step: <c>lr(x(t)) · √(B(t) / B0)</c>.</summary>
    public LearningRateSchedule LearningRate { get; }

    /// <summary>Gets the schedule that was transformed, written on <see cref="Clock"/> for <see cref="InitialBatchSize"/>.</summary>
    public ILearningRateSchedule SourceLearningRate { get; }

    /// <summary>Gets the clock <see cref="SourceLearningRate"/> is written on: epochs or samples seen.</summary>
    public TrainingClock Clock { get; }

    /// <summary>Gets <c>B0</c>: the batch size the source schedule is for.</summary>
    public long InitialBatchSize { get; }

    /// <summary>Gets the critical batch size: the batch grows no further, and past it the learning rate carries the decay.</summary>
    public long MaximumBatchSize { get; }

    /// <summary>Gets the number of epochs at whose start the batch size is computed; later epochs keep the last one.</summary>
    public long Epochs { get; }

    /// <summary>Gets the batch sizes allowed.</summary>
    public BatchSizeGranularity Granularity { get; }

    /// <summary>Gets the number of parameter updates in the first <paramref name="epochs"/> epochs of this plan.</summary>
    /// <param name="epochs">A number of epochs; ≥ 0.</param>
    /// <returns>The first step of epoch <paramref name="epochs"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is negative, or the count is past <see cref="long.MaxValue"/>.</exception>
    public long GetTotalSteps(long epochs) => Plan.GetFirstStepOfEpoch(epochs);

    /// <summary>Gets the number of parameter updates the source schedule takes for the same epochs at its constant batch size <see cref="InitialBatchSize"/>.</summary>
    /// <param name="epochs">A number of epochs; ≥ 0.</param>
    /// <returns><c>epochs · steps per epoch at B0</c>, for comparison with <see cref="GetTotalSteps"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is negative, or the count is past <see cref="long.MaxValue"/>.</exception>
    public long GetSourceTotalSteps(long epochs) => BatchGrowthPlan.SourceTotalSteps(epochs, _sourceStepsPerEpoch);

    /// <summary>Gets the quantity Seesaw keeps: the rate of a step of this plan over the square root of its batch size, <c>lr'(t) / √B(t)</c>.</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <returns>Equal to <see cref="GetSourceRatePerRootBatch"/> up to floating-point rounding.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public double GetRatePerRootBatch(long step) =>
        LearningRate.GetLearningRate(step) / Math.Sqrt(Plan.GetScheduledBatchSize(step));

    /// <summary>Gets the same quantity for the source schedule at the same point of training: <c>lr(x(t)) / √B0</c>.</summary>
    /// <param name="step">The zero-based step of this plan; ≥ 0. Its position <c>x(t)</c> on the source's clock is taken from <see cref="Plan"/>.</param>
    /// <returns>The source's rate per square root of its batch size at the same epoch or number of samples seen.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public double GetSourceRatePerRootBatch(long step) =>
        _sourcePerStep.GetLearningRate(step) / Math.Sqrt(InitialBatchSize);
}
