namespace LrSchedules.Batching;

/// <summary>
/// Megatron-LM's batch-size ramp-up: the batch grows from an initial to a final size in equal increments spread evenly over a
/// number of samples, then stays at the final size.
/// </summary>
/// <remarks>
/// <para>With <c>n = (finalBatchSize − initialBatchSize) / batchSizeIncrement</c> increments over <c>R = rampSamples</c>
/// samples, the batch size once <c>s</c> samples have been seen is
/// <c>initialBatchSize + floor(s / (R / n)) · batchSizeIncrement</c> for <c>s ≤ R</c> and <c>finalBatchSize</c> after,
/// so increment <c>k</c> applies from about <c>k · R / n</c> samples. The clock is <see cref="TrainingClock.Samples"/>.</para>
/// <para>Value-equal to Megatron-LM's <c>--rampup-batch-size &lt;start&gt; &lt;increment&gt; &lt;samples&gt;</c> with
/// <c>--global-batch-size</c> (<c>RampupBatchsizeNumMicroBatchesCalculator.update</c> in
/// <c>megatron/core/num_microbatches_calculator.py</c>), including its floating-point division
/// <c>int(consumed_samples / (R / n))</c>: where that division rounds just below a whole number (250 samples with
/// <c>R / n = 1000 / 60</c>), the increment comes one sample later than in exact arithmetic, as in Megatron. The thresholds
/// are found once, at construction. GPT-3 ramped its batch this way.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class LinearRampBatchSizeSchedule : BatchSizeSchedule
{
    internal LinearRampBatchSizeSchedule(long initialBatchSize, long batchSizeIncrement, long rampSamples, long finalBatchSize)
        : base(TrainingClock.Samples, initialBatchSize, Ramp(initialBatchSize, batchSizeIncrement, rampSamples, finalBatchSize))
    {
        BatchSizeIncrement = batchSizeIncrement;
        RampSamples = rampSamples;
        FinalBatchSize = finalBatchSize;
    }

    /// <summary>Gets the amount the batch size grows by at each increment.</summary>
    public long BatchSizeIncrement { get; }

    /// <summary>Gets the number of samples seen over which the batch grows from the initial to the final size.</summary>
    public long RampSamples { get; }

    /// <summary>Gets the batch size once <see cref="RampSamples"/> samples have been seen.</summary>
    public long FinalBatchSize { get; }

    private static List<BatchSizeChange> Ramp(long initial, long increment, long rampSamples, long final)
    {
        long increments = (final - initial) / increment;
        var changes = new List<BatchSizeChange>((int)increments);
        double samplesPerIncrement = rampSamples / (double)increments;
        for (long k = 1; k <= increments; k++)
        {
            // The first s with int(s / (R / n)) >= k in Megatron's double arithmetic (or R + 1, where s > R gives the
            // final size), found from the exact floor(k · R / n), which it differs from by at most a few samples. The two
            // walks reach that s from any start <= R + 1 (int(s / (R / n)) grows with s): the first climbs to it, or to
            // R + 1, the second comes down to it. They stop above 0: s = 0 gives int(-1 / (R / n)) <= 0 < k.
            long threshold = (long)((Int128)k * rampSamples / increments);
            while (threshold <= rampSamples && (long)(threshold / samplesPerIncrement) < k)
            {
                threshold++;
            }

            while ((long)((threshold - 1) / samplesPerIncrement) >= k)
            {
                threshold--;
            }

            var change = new BatchSizeChange(threshold, initial + (k * increment));

            // When the ramp is shorter than the number of increments, several share a threshold: the last one wins,
            // as Megatron's int(s / (R / n)) skips the sizes in between.
            if (changes.Count > 0 && changes[^1].Threshold == threshold)
            {
                changes[^1] = change;
            }
            else
            {
                changes.Add(change);
            }
        }

        return changes;
    }
}
