namespace LrSchedules.Batching;

/// <summary>A change of sequence length at a number of samples seen: from the first sample at or past <see cref="SamplesSeen"/>, every sample has <see cref="SequenceLength"/> tokens.</summary>
/// <param name="SamplesSeen">The samples seen at which the change takes effect; ≥ 1 and strictly increasing across changes.</param>
/// <param name="SequenceLength">The tokens per sample from <paramref name="SamplesSeen"/> on; &gt; 0.</param>
/// <remarks>Immutable. Checked by the factory that receives it (<see cref="BatchSchedule.TokenPlan"/>).</remarks>
public readonly record struct SequenceLengthChange(long SamplesSeen, long SequenceLength);
