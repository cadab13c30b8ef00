namespace LrSchedules.Batching;

/// <summary>A change of batch size at a threshold on a <see cref="TrainingClock"/>: from the first step at or past <see cref="Threshold"/>, the batch size is <see cref="BatchSize"/>.</summary>
/// <remarks>Immutable. Used both to describe the changes of <see cref="BatchSchedule.Piecewise"/> and to list the changes of any <see cref="BatchSizeSchedule"/>. Public because a caller writes the changes of <see cref="BatchSchedule.Piecewise"/> with it and reads them back.</remarks>
public readonly struct BatchSizeChange : IEquatable<BatchSizeChange>
{
    /// <summary>Initializes a change; the values are checked by the factory that receives it.</summary>
    /// <param name="threshold">The position on the schedule's clock at which the change takes effect.</param>
    /// <param name="batchSize">The batch size from <paramref name="threshold"/> on.</param>
    public BatchSizeChange(long threshold, long batchSize)
    {
        Threshold = threshold;
        BatchSize = batchSize;
    }

    /// <summary>Gets the position on the schedule's clock (a step, an epoch or a number of samples seen) at which the change takes effect.</summary>
    public long Threshold { get; }

    /// <summary>Gets the batch size from <see cref="Threshold"/> on.</summary>
    public long BatchSize { get; }

    /// <summary>Compares two changes by value.</summary>
    public static bool operator ==(BatchSizeChange left, BatchSizeChange right) => left.Equals(right);

    /// <summary>Compares two changes by value.</summary>
    public static bool operator !=(BatchSizeChange left, BatchSizeChange right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(BatchSizeChange other) => Threshold == other.Threshold && BatchSize == other.BatchSize;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BatchSizeChange other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Threshold, BatchSize);

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Threshold} -> {BatchSize}");
}
