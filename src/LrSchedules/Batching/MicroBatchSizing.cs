namespace LrSchedules.Batching;

/// <summary>How a <see cref="DataParallelPlan"/> chooses the micro-batch size of each step.</summary>
public enum MicroBatchSizing
{
    /// <summary>
    /// The largest micro-batch size ≤ the limit that divides the per-worker batch exactly, so the fewest accumulation steps:
    /// every batch that is a multiple of the worker count can be split.
    /// </summary>
    Largest = 0,

    /// <summary>
    /// The micro-batch size is always the limit, as in Megatron-LM (<c>--micro-batch-size</c>): every batch must be a
    /// multiple of workers × micro-batch size, and the accumulation steps change with the batch.
    /// </summary>
    Fixed = 1,
}
