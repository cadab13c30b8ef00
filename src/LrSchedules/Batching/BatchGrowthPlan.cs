using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>
/// "Don't decay the learning rate, increase the batch size": a training plan in which the batch grows wherever a source
/// schedule decays, and a learning rate that carries what the batch cannot, so that the SGD noise scale is the source's at
/// every step.
/// </summary>
/// <remarks>
/// <para>Built by <see cref="BatchSchedule.IncreaseBatchSizeInsteadOfDecay"/> from a source schedule <c>lr</c> written
/// in epochs or samples seen, for batch size <c>B0 = </c><see cref="InitialBatchSize"/> and momentum <c>m0</c>. With
/// <c>c = </c><see cref="LearningRateScale"/><c> · (1 − m0) / (1 − m1)</c> (1 unless a variant is asked for), the batch
/// size of epoch <c>e</c> is <c>B(e) = min(Bmax, round(B0 · c · lr(0) / lr(x_e)))</c>, where <c>x_e</c> is the position of
/// the first step of epoch <c>e</c> on the source's clock, <c>round</c> is <see cref="Granularity"/> and
/// <c>Bmax = </c><see cref="MaximumBatchSize"/>; the batch changes only at the first step of an epoch. The learning rate
/// of step <c>t</c> is <c>lr'(t) = lr(x(t)) · B(t) / B0 · (1 − m1) / (1 − m0)</c>, so the noise scale
/// <c>g = lr' · N / (B (1 − m1))</c> equals the source's <c>lr · N / (B0 (1 − m0))</c> at every step, the rounding of
/// the batch size included: the rate takes up whatever the rounded batch does not. Inside an epoch the rate follows the
/// source (a cosine keeps decaying between two batch changes).</para>
/// <para>Smith, Kindermans, Ying and Le, "Don't Decay the Learning Rate, Increase the Batch Size" (ICLR 2018,
/// arXiv:1711.00489): the same accuracy after the same epochs with far fewer parameter updates
/// (<see cref="GetTotalSteps"/> against <see cref="GetSourceTotalSteps"/>). Their variants: a larger initial rate with a
/// proportionally larger batch (<see cref="LearningRateScale"/> &gt; 1, <c>B ∝ lr</c>), and a larger momentum with
/// <c>B ∝ 1 / (1 − m)</c> (<see cref="IncreasedMomentum"/> &gt; <see cref="Momentum"/>).</para>
/// <para>The batch sizes are computed at the first <see cref="Epochs"/> epochs; after them the last batch size is kept
/// and the rate alone follows the source, so the identity still holds. Immutable and thread-safe.</para>
/// <para>Public because a loop reads both the batch sizes (<see cref="Plan"/>) and the rates (<see cref="LearningRate"/>) from it.</para>
/// </remarks>
public sealed class BatchGrowthPlan
{
    private readonly TrainingClockSchedule _sourcePerStep;
    private readonly long _sourceStepsPerEpoch;

    internal BatchGrowthPlan(
        ILearningRateSchedule sourceAsGiven,
        LearningRateSchedule source,
        TrainingClock clock,
        TrainingPlan plan,
        long initialBatchSize,
        long maximumBatchSize,
        long epochs,
        BatchSizeGranularity granularity,
        double learningRateScale,
        double momentum,
        double increasedMomentum)
    {
        SourceLearningRate = sourceAsGiven;
        Clock = clock;
        Plan = plan;
        InitialBatchSize = initialBatchSize;
        MaximumBatchSize = maximumBatchSize;
        Epochs = epochs;
        Granularity = granularity;
        LearningRateScale = learningRateScale;
        Momentum = momentum;
        IncreasedMomentum = increasedMomentum;
        _sourcePerStep = plan.PerStepUnrecorded(source, clock);
        LearningRate = new BatchScaledSchedule(
            _sourcePerStep,
            new PowerBatchScalingRule(initialBatchSize, 1.0),
            (1.0 - increasedMomentum) / (1.0 - momentum));
        _sourceStepsPerEpoch = StepsPerEpoch(plan, initialBatchSize);
    }

    /// <summary>Gets the plan of batch sizes and clocks: batch sizes by epoch, queried per step.</summary>
    public TrainingPlan Plan { get; }

    /// <summary>Gets the learning rate of every step: <c>lr(x(t)) · B(t) / B0 · (1 − m1) / (1 − m0)</c>.</summary>
    public LearningRateSchedule LearningRate { get; }

    /// <summary>Gets the schedule that was transformed, written on <see cref="Clock"/> for <see cref="InitialBatchSize"/>: the very object passed to <see cref="BatchSchedule.IncreaseBatchSizeInsteadOfDecay"/>.</summary>
    public ILearningRateSchedule SourceLearningRate { get; }

    /// <summary>Gets the clock <see cref="SourceLearningRate"/> is written on: epochs or samples seen.</summary>
    public TrainingClock Clock { get; }

    /// <summary>Gets <c>B0</c>: the batch size the source schedule is for.</summary>
    public long InitialBatchSize { get; }

    /// <summary>Gets the ceiling of the batch size; past it the learning rate decays instead.</summary>
    public long MaximumBatchSize { get; }

    /// <summary>Gets the number of epochs at whose start the batch size is computed; later epochs keep the last one.</summary>
    public long Epochs { get; }

    /// <summary>Gets the batch sizes allowed.</summary>
    public BatchSizeGranularity Granularity { get; }

    /// <summary>Gets the factor by which the initial rate and the batch size are both raised (<c>B ∝ lr</c>); 1 for the plain transform.</summary>
    public double LearningRateScale { get; }

    /// <summary>Gets the momentum <c>m0</c> the source schedule is for.</summary>
    public double Momentum { get; }

    /// <summary>Gets the momentum <c>m1</c> to train with; equal to <see cref="Momentum"/> unless the momentum variant is used.</summary>
    public double IncreasedMomentum { get; }

    /// <summary>Gets the number of parameter updates in the first <paramref name="epochs"/> epochs of this plan.</summary>
    /// <param name="epochs">A number of epochs; ≥ 0.</param>
    /// <returns>The first step of epoch <paramref name="epochs"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is negative, or the count is past <see cref="long.MaxValue"/>.</exception>
    public long GetTotalSteps(long epochs) => Plan.GetFirstStepOfEpoch(epochs);

    /// <summary>Gets the number of parameter updates the source schedule takes for the same epochs at its constant batch size <see cref="InitialBatchSize"/>.</summary>
    /// <param name="epochs">A number of epochs; ≥ 0.</param>
    /// <returns><c>epochs · steps per epoch at B0</c>, for comparison with <see cref="GetTotalSteps"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is negative, or the count is past <see cref="long.MaxValue"/>.</exception>
    public long GetSourceTotalSteps(long epochs) => SourceTotalSteps(epochs, _sourceStepsPerEpoch);

    /// <summary>The steps of one epoch of <paramref name="plan"/>'s dataset at the constant batch size <paramref name="batchSize"/>.</summary>
    internal static long StepsPerEpoch(TrainingPlan plan, long batchSize) =>
        plan.LastBatch == LastBatch.Keep ? TrainingPhase.CeilingDivide(plan.DatasetSize, batchSize) : plan.DatasetSize / batchSize;

    /// <summary><c>epochs · stepsPerEpoch</c>, rejected when it does not fit in a long.</summary>
    internal static long SourceTotalSteps(long epochs, long stepsPerEpoch)
    {
        Preconditions.NonNegative(epochs);
        Int128 steps = (Int128)epochs * stepsPerEpoch;
        return steps <= long.MaxValue
            ? (long)steps
            : throw Preconditions.OutOfRange(nameof(epochs), epochs, $"<= {Preconditions.Format(long.MaxValue / stepsPerEpoch)}, so that the number of steps fits in a long");
    }

    /// <summary>Gets the SGD noise scale of a step of this plan: <c>lr'(t) · N / (B(t) · (1 − m1))</c>.</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <returns>The noise scale, equal to <see cref="GetSourceSgdNoiseScale"/> up to floating-point rounding.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public double GetSgdNoiseScale(long step) =>
        LearningRate.GetLearningRate(step) * Plan.DatasetSize / (Plan.GetScheduledBatchSize(step) * (1.0 - IncreasedMomentum));

    /// <summary>Gets the SGD noise scale of the source schedule at the same point of training: <c>lr(x(t)) · N / (B0 · (1 − m0))</c>.</summary>
    /// <param name="step">The zero-based step of this plan; ≥ 0. Its position <c>x(t)</c> on the source's clock is taken from <see cref="Plan"/>.</param>
    /// <returns>The noise scale the source schedule has at the same epoch or number of samples seen.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public double GetSourceSgdNoiseScale(long step) =>
        _sourcePerStep.GetLearningRate(step) * Plan.DatasetSize / (InitialBatchSize * (1.0 - Momentum));
}
