namespace LrSchedules.Batching;

/// <summary>How one step's global batch is split over data-parallel workers and gradient-accumulation steps: <c>BatchSize = Workers · AccumulationSteps · MicroBatchSize</c>, exactly.</summary>
/// <remarks>Returned by <see cref="DataParallelPlan.GetSplit"/> without allocating. Immutable. Public because each worker sizes its micro-batches and accumulation loop from it.</remarks>
public readonly struct DataParallelSplit : IEquatable<DataParallelSplit>
{
    internal DataParallelSplit(long batchSize, int workers, long accumulationSteps, long microBatchSize)
    {
        BatchSize = batchSize;
        Workers = workers;
        AccumulationSteps = accumulationSteps;
        MicroBatchSize = microBatchSize;
    }

    /// <summary>Gets the global batch size of the step: the samples it draws over all workers.</summary>
    public long BatchSize { get; }

    /// <summary>Gets the number of data-parallel workers.</summary>
    public int Workers { get; }

    /// <summary>Gets the number of forward-backward passes each worker accumulates before the parameter update.</summary>
    public long AccumulationSteps { get; }

    /// <summary>Gets the samples of one forward-backward pass on one worker.</summary>
    public long MicroBatchSize { get; }

    /// <summary>Gets the samples each worker processes in the step: <c>AccumulationSteps · MicroBatchSize</c>.</summary>
    public long BatchSizePerWorker => AccumulationSteps * MicroBatchSize;

    /// <summary>Compares two splits by value.</summary>
    public static bool operator ==(DataParallelSplit left, DataParallelSplit right) => left.Equals(right);

    /// <summary>Compares two splits by value.</summary>
    public static bool operator !=(DataParallelSplit left, DataParallelSplit right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(DataParallelSplit other) =>
        BatchSize == other.BatchSize && Workers == other.Workers && AccumulationSteps == other.AccumulationSteps && MicroBatchSize == other.MicroBatchSize;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DataParallelSplit other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(BatchSize, Workers, AccumulationSteps, MicroBatchSize);

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"{BatchSize} = {Workers} workers x {AccumulationSteps} accumulation steps x {MicroBatchSize}");
}
