using LrSchedules.Internal;

namespace LrSchedules.Batching;

// Goodput arithmetic, for a user choosing a batch size from a measured noise scale: Pollux's statistical efficiency and
// McCandlish et al.'s steps/examples trade-off. Pure functions: thread-safe, no allocation.
public static partial class AdaptiveBatching
{
    /// <summary>Gets Pollux's statistical efficiency of a batch size: <c>(φ + M0) / (φ + M)</c>.</summary>
    /// <param name="noiseScale">The gradient noise scale <c>φ</c>, in samples; ≥ 0, or +∞ (every batch size is fully efficient).</param>
    /// <param name="initialBatchSize">The batch size <c>M0</c> efficiency is relative to; &gt; 0.</param>
    /// <param name="batchSize">The batch size <c>M</c>; ≥ <paramref name="initialBatchSize"/>.</param>
    /// <returns>The efficiency in (0, 1]: 1 at <c>M = M0</c>, <c>M0/M</c> when <c>φ = 0</c>.</returns>
    /// <remarks>
    /// <para><b>Pollux</b> (Qiao et al., "Pollux: Co-adaptive Cluster Scheduling for Goodput-Optimized Deep Learning",
    /// OSDI 2021): the statistical efficiency of batch size <c>M</c> relative to the initial batch size
    /// <c>M0</c> is <c>(φ + M0) / (φ + M)</c>, where <c>φ</c> is the (preconditioned) gradient noise scale in samples — the
    /// progress per sample at <c>M</c> relative to <c>M0</c>, which equals AdaScale's gain divided by the scale,
    /// <c>r / S</c> with <c>S = M / M0</c>. Goodput is throughput times efficiency.</para>
    /// <para><b>The discrepancy.</b> adaptdl's <c>adaptdl/adaptdl/goodput.py</c>, <c>GoodputFunction.efficiency</c>, as stored
    /// at petuum/adaptdl commit 084518b8, computes <c>scale = batch_size * self._init_batch_size</c> and returns
    /// <c>gain / scale</c> with <c>gain = (var + sqr) / (var / scale + sqr)</c>: the scale is the product of the two batch
    /// sizes, not their ratio. Later versions of the same file (and its forks) write
    /// <c>scale = batch_size / self._init_batch_size</c>, which is the paper's form: with
    /// <c>φ = M0 · var / sqr</c>, <c>gain / scale = (var + sqr) / (var + scale · sqr) = (φ + M0) / (φ + M)</c>. This library
    /// follows the paper (the ratio); with the product, efficiency would not be 1 at <c>M = M0</c>. (A later adaptdl
    /// revision says so in a comment: "The following equals (PGNS + init_batch_size) / (PGNS + batch_size)".)</para>
    /// </remarks>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static double GetStatisticalEfficiency(double noiseScale, long initialBatchSize, long batchSize)
    {
        CheckNoiseScale(noiseScale);
        Preconditions.Positive(initialBatchSize);
        if (batchSize < initialBatchSize)
        {
            throw Preconditions.OutOfRange(nameof(batchSize), batchSize, $">= initialBatchSize = {Preconditions.Format(initialBatchSize)}");
        }

        return double.IsPositiveInfinity(noiseScale) ? 1.0 : (noiseScale + initialBatchSize) / (noiseScale + batchSize);
    }

    /// <summary>Gets Pollux's goodput: throughput times statistical efficiency.</summary>
    /// <param name="throughput">The samples processed per unit of time at <paramref name="batchSize"/>; finite and ≥ 0.</param>
    /// <param name="noiseScale">The gradient noise scale <c>φ</c>, in samples; ≥ 0, or +∞.</param>
    /// <param name="initialBatchSize">The batch size <c>M0</c>; &gt; 0.</param>
    /// <param name="batchSize">The batch size <c>M</c>; ≥ <paramref name="initialBatchSize"/>.</param>
    /// <returns><c>throughput · (φ + M0) / (φ + M)</c>: useful progress per unit of time, in <c>M0</c>-batch samples.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static double GetGoodput(double throughput, double noiseScale, long initialBatchSize, long batchSize) =>
        Preconditions.NonNegative(throughput) * GetStatisticalEfficiency(noiseScale, initialBatchSize, batchSize);

    /// <summary>Gets the optimizer steps needed at a batch size, from McCandlish et al.'s trade-off: <c>S = S_min + E_min / B</c>.</summary>
    /// <param name="minimumSteps"><c>S_min</c>, the steps needed with an infinite batch; finite and &gt; 0.</param>
    /// <param name="minimumExamples"><c>E_min</c>, the examples needed with a tiny batch; finite and &gt; 0.</param>
    /// <param name="batchSize">The batch size <c>B</c>; &gt; 0.</param>
    /// <returns>The steps <c>S</c> with <c>(S/S_min − 1)(B·S/E_min − 1) = 1</c>.</returns>
    /// <remarks>
    /// <para><b>McCandlish et al.</b> ("An Empirical Model of Large-Batch Training", arXiv:1812.06162): to reach a given loss, the optimizer steps <c>S</c> and training examples <c>E = B·S</c> at batch
    /// size <c>B</c> obey <c>(S/S_min − 1)(E/E_min − 1) = 1</c>, with <c>S_min</c> the steps at an infinite batch and
    /// <c>E_min</c> the examples at a tiny one; so <c>S = S_min + E_min/B</c>, <c>E = E_min + B·S_min</c>, and the
    /// critical batch size <c>B_crit = E_min / S_min</c> (≈ <c>B_noise</c>) costs twice the minimum of both.</para>
    /// </remarks>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static double GetStepsNeeded(double minimumSteps, double minimumExamples, long batchSize) =>
        Preconditions.Positive(minimumSteps) + (Preconditions.Positive(minimumExamples) / Preconditions.Positive(batchSize));

    /// <summary>Gets the training examples needed at a batch size, from McCandlish et al.'s trade-off: <c>E = E_min + B · S_min</c>.</summary>
    /// <param name="minimumSteps"><c>S_min</c>, the steps needed with an infinite batch; finite and &gt; 0.</param>
    /// <param name="minimumExamples"><c>E_min</c>, the examples needed with a tiny batch; finite and &gt; 0.</param>
    /// <param name="batchSize">The batch size <c>B</c>; &gt; 0.</param>
    /// <returns>The examples <c>E = B · S</c> with <c>(S/S_min − 1)(E/E_min − 1) = 1</c>.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static double GetExamplesNeeded(double minimumSteps, double minimumExamples, long batchSize) =>
        Preconditions.Positive(minimumExamples) + (Preconditions.Positive(batchSize) * Preconditions.Positive(minimumSteps));

    /// <summary>Gets the critical batch size of McCandlish et al.'s trade-off: <c>B_crit = E_min / S_min</c>, where both costs are twice their minimum.</summary>
    /// <param name="minimumSteps"><c>S_min</c>; finite and &gt; 0.</param>
    /// <param name="minimumExamples"><c>E_min</c>; finite and &gt; 0.</param>
    /// <returns><c>E_min / S_min</c>, in samples; McCandlish et al. find <c>B_crit ≈ B_noise</c>.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static double GetCriticalBatchSize(double minimumSteps, double minimumExamples) =>
        Preconditions.Positive(minimumExamples) / Preconditions.Positive(minimumSteps);

    private static void CheckNoiseScale(double noiseScale)
    {
        if (!(noiseScale >= 0.0))
        {
            throw Preconditions.OutOfRange(nameof(noiseScale), noiseScale, "a noise scale >= 0 (+infinity allowed)");
        }
    }
}
