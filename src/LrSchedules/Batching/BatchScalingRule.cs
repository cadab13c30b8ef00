using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>
/// How the learning rate changes with the batch size, relative to a reference batch size: a factor
/// <see cref="GetScale"/> that multiplies the rate tuned at <see cref="ReferenceBatchSize"/>.
/// </summary>
/// <remarks>
/// <para>Create rules with <see cref="BatchScaling"/>: <see cref="BatchScaling.LinearScaling"/>, <see cref="BatchScaling.SquareRootScaling"/>,
/// <see cref="BatchScaling.PowerScaling"/> and <see cref="BatchScaling.SaturatingScaling"/>.
/// Apply one to a whole schedule against a plan's batch sizes with
/// <see cref="TrainingPlan.ScaleLearningRate"/>. The reference rate is the rate you tuned at the reference batch size:
/// pass it to <see cref="GetLearningRate"/>, or let it be the value of the schedule being scaled.</para>
/// <para>Immutable and thread-safe.</para>
/// <para>Public because it is what the <see cref="BatchScaling"/> rules return and what <see cref="TrainingPlan.ScaleLearningRate"/> takes; its concrete forms are internal.</para>
/// </remarks>
public abstract class BatchScalingRule
{
    private protected BatchScalingRule(long referenceBatchSize) => ReferenceBatchSize = referenceBatchSize;

    /// <summary>Gets the batch size at which the factor is 1.</summary>
    public long ReferenceBatchSize { get; }

    /// <summary>Gets the factor that multiplies the reference learning rate at <paramref name="batchSize"/>.</summary>
    /// <param name="batchSize">The batch size; &gt; 0.</param>
    /// <returns>The factor; 1 at <see cref="ReferenceBatchSize"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is 0 or negative.</exception>
    public double GetScale(long batchSize) => Scale(Preconditions.Positive(batchSize));

    /// <summary>Gets the learning rate at <paramref name="batchSize"/> from the one tuned at <see cref="ReferenceBatchSize"/>.</summary>
    /// <param name="referenceLearningRate">The learning rate at <see cref="ReferenceBatchSize"/>; finite and ≥ 0.</param>
    /// <param name="batchSize">The batch size; &gt; 0.</param>
    /// <returns><c>referenceLearningRate · GetScale(batchSize)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it.</exception>
    public double GetLearningRate(double referenceLearningRate, long batchSize) =>
        Preconditions.NonNegative(referenceLearningRate) * GetScale(batchSize);

    /// <summary>The factor at a batch size the caller guarantees to be &gt; 0.</summary>
    internal abstract double Scale(long batchSize);
}
