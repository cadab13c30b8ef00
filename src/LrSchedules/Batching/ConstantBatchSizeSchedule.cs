namespace LrSchedules.Batching;

/// <summary>The same batch size at every step.</summary>
/// <remarks>
/// <para><c>B(t) = batchSize</c>. Its <see cref="BatchSizeSchedule.Clock"/> is <see cref="TrainingClock.Steps"/>; any clock gives the same answer.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class ConstantBatchSizeSchedule : BatchSizeSchedule
{
    internal ConstantBatchSizeSchedule(long batchSize)
        : base(TrainingClock.Steps, batchSize, [])
    {
    }

    /// <summary>Gets the batch size used at every step.</summary>
    public long BatchSize => InitialBatchSize;
}
