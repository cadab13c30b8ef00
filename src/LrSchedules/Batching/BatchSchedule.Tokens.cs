using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <content>Training plans that count tokens: samples × sequence length.</content>
public static partial class BatchSchedule
{
    /// <summary>
    /// Creates a training plan that also counts tokens — samples seen × sequence length — so that learning-rate and
    /// batch-size schedules can be written in tokens (<see cref="TrainingClock.Tokens"/>), as language-model training
    /// writes them (OLMo-core, Megatron-LM's step batch-size schedule, DeepSeek-V3's batch ramp).
    /// </summary>
    /// <param name="datasetSize">The number of samples (sequences) in one epoch; &gt; 0 and ≥ every batch size of <paramref name="batchSizeSchedule"/>.</param>
    /// <param name="batchSizeSchedule">The batch size, in samples, on steps, epochs, samples seen or tokens seen.</param>
    /// <param name="lastBatch">Whether the last, partial batch of an epoch is kept or dropped.</param>
    /// <param name="sequenceLength">The tokens per sample, from the first sample on; &gt; 0.</param>
    /// <param name="sequenceLengthChanges">Later sequence lengths, each from a number of samples seen on (a long-context phase, say); samples seen ≥ 1 and strictly increasing, lengths &gt; 0, and the tokens seen at every change within <see cref="long.MaxValue"/>. Null or empty for one length.</param>
    /// <returns>A <see cref="TrainingPlan"/> whose <see cref="TrainingPlan.GetTokensSeen"/> and <see cref="TrainingPlan.GetFirstStepWithTokensSeen"/> answer in O(log phases), exact in 64-bit integers (10^15 tokens and far beyond: up to <see cref="long.MaxValue"/>).</returns>
    /// <remarks>
    /// <para>Tokens seen before step <c>t</c> are <c>tokens(S(t))</c>, with <c>S(t)</c> the samples seen and
    /// <c>tokens(S) = c_i + (S − s_i) · L_i</c> on the run of samples from change <c>i</c> (<c>s_i</c> its samples seen,
    /// <c>c_i</c> the tokens up to it, <c>L_i</c> its length). A threshold of <c>T</c> tokens takes effect at the first
    /// step with <c>tokens(S(t)) ≥ T</c>, that is with <c>S(t) ≥ s_i + ceil((T − c_i) / L_i)</c>: integer arithmetic, no
    /// rounding.</para>
    /// <para>The token count at every sequence-length change is checked at construction: a count past
    /// <see cref="long.MaxValue"/> is rejected, not wrapped. Past the last change the count grows with the step and is
    /// computed in 128-bit integers, read saturated at <see cref="long.MaxValue"/> like samples seen.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="batchSizeSchedule"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static TrainingPlan TokenPlan(long datasetSize, BatchSizeSchedule batchSizeSchedule, LastBatch lastBatch, long sequenceLength, IEnumerable<SequenceLengthChange>? sequenceLengthChanges = null)
    {
        RequirePlanArguments(datasetSize, batchSizeSchedule, lastBatch);
        SequenceLengths lengths = SequenceLengths.Create(sequenceLength, sequenceLengthChanges);
        SequenceLengthChange[]? changes = sequenceLengthChanges is null ? null : [.. lengths.Changes];
        return new TrainingPlan(datasetSize, batchSizeSchedule, lastBatch, lengths)
            .Declared(nameof(TokenPlan), datasetSize, batchSizeSchedule, lastBatch, sequenceLength, changes);
    }
}
