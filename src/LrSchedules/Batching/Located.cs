namespace LrSchedules.Batching;

/// <summary>Every clock of one step, as the plan computes it in one binary search.</summary>
internal readonly record struct Located(
    int Phase,
    long Epoch,
    long StepInEpoch,
    long SamplesSeenInEpoch,
    Int128 SamplesSeen,
    long BatchSize,
    long ScheduledBatchSize);
