namespace LrSchedules.Batching;

/// <summary>An explicit list of batch sizes: an initial batch size, then a new batch size at each threshold on one clock.</summary>
/// <remarks>
/// <para><c>B(x) = batchSize of the last change with threshold ≤ x</c>, or the initial batch size before the first change,
/// where <c>x</c> is a step, an epoch or a number of samples seen as <see cref="BatchSizeSchedule.Clock"/> says.</para>
/// <para>The batch-size counterpart of optax <c>piecewise_constant_schedule</c> with absolute values.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class PiecewiseBatchSizeSchedule : BatchSizeSchedule
{
    internal PiecewiseBatchSizeSchedule(long initialBatchSize, BatchSizeChange[] changes, TrainingClock clock)
        : base(clock, initialBatchSize, changes)
    {
    }
}
