using System.Text.Json;
using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>
/// Estimates the gradient noise scale <c>B_simple = tr(Σ) / |G|²</c> during training from squared gradient norms
/// measured at two batch sizes (McCandlish et al. 2018, appendix A): the largest batch size that still pays off.
/// </summary>
/// <remarks>
/// <para><b>One measurement.</b> With <c>|G_small|²</c> the squared norm of a gradient averaged over <c>B_small</c>
/// samples (the mean over several such gradients when there are several) and <c>|G_big|²</c> the squared norm of the
/// gradient averaged over <c>B_big &gt; B_small</c> samples of the same step, the unbiased estimates are</para>
/// <code>
/// |G|²  ≈ (B_big·|G_big|² − B_small·|G_small|²) / (B_big − B_small)
/// tr(Σ) ≈ (|G_small|² − |G_big|²) / (1/B_small − 1/B_big)
/// </code>
/// <para>McCandlish, Kaplan, Amodei and the OpenAI Dota team, "An Empirical Model of Large-Batch Training"
/// (arXiv:1812.06162), appendix A.1. Either raw estimate can be negative when the norms are noisy.</para>
/// <para><b>Smoothing.</b> Each estimate is averaged over measurements separately, exponentially and bias-corrected:
/// after <c>k</c> measurements <c>m_k = β·m_(k−1) + (1 − β)·x_k</c> from <c>m_0 = 0</c>, and the smoothed value is
/// <c>m_k / (1 − β^k)</c>. Then <see cref="NoiseScale"/> <c>= max(tr(Σ), 0) / |G|²</c> of the smoothed values while the
/// smoothed <c>|G|²</c> is positive, and +∞ (noise dominates) while it is not, so a noisy negative estimate never gives NaN
/// or a negative scale. <c>k</c> counts measurements taken, not optimizer steps: a skipped measurement does not count.</para>
/// <para><b>Origin.</b> The arithmetic is EleutherAI gpt-neox's <c>megatron/gradient_noise_scale/gradient_noise_scale.py</c>
/// (<c>_update</c> and <c>ema</c>): both raw estimates computed with the operations in the order written there
/// (<c>1 / (B_big − B_small) · (B_big·|G_big|² − B_small·|G_small|²)</c> and
/// <c>1 / (1/B_small − 1/B_big) · (|G_small|² − |G_big|²)</c>), averaged separately, each bias-corrected, then divided.
/// <b>Mind the names in that file:</b> the variable it calls <c>noise</c> (and <c>ema_noise</c>) is the estimate of
/// <c>|G|²</c>, the signal, and the one it calls <c>scale</c> (<c>ema_scale</c>) is the estimate of <c>tr(Σ)</c>, the noise;
/// its <c>noise_scale = scale / noise</c> is therefore <c>tr(Σ) / |G|²</c>, as here. Divergences: gpt-neox bias-corrects
/// with <c>1 − β^(i+1)</c> where <c>i</c> counts every micro-step (so after its first measurement, at <c>i = n − 1</c>, the
/// correction is <c>1 − β^n</c>, not <c>1 − β</c>); here <c>i + 1</c> is the number of measurements. gpt-neox computes in
/// float32 and neither clamps nor guards the division (a negative <c>noise</c> gives a negative scale); here everything
/// is double and the clamp and +∞ above apply.</para>
/// <para><b>Three ways to measure</b>, all O(1) state updates that allocate nothing:</para>
/// <list type="bullet">
/// <item><description><see cref="UpdateFromParts"/>: data-parallel training — each worker's squared norm of its local
/// gradient (batch <c>b</c>) before the all-reduce and the squared norm of the all-reduced gradient (batch <c>W·b</c>);
/// all-reduce the <c>W</c> local norms (one extra number) and every worker holds the same inputs and so the same
/// estimate. The same call serves gradient accumulation: the squared norms of the <c>A</c> micro-batch gradients and of
/// the accumulated one. This is adaptdl's estimator with <c>count &gt; 1</c>
/// (<c>adaptdl/adaptdl/torch/gradient_noise_scale.py</c>, <c>_final_callback</c>).</description></item>
/// <item><description><see cref="UpdateFromConsecutiveBatches"/>: one process without accumulation has only one
/// gradient per step, so two consecutive steps' gradients stand in for two parts of a batch of <c>2b</c>: adaptdl's
/// differenced fallback (<c>local_sqr = (|g_prev|² + |g|²)/2</c>, <c>total_sqr = |(g_prev + g)/2|²</c>,
/// <c>count = 2</c>). The two gradients come from different parameters, so the estimate is biased; as adaptdl does, the
/// averages restart (<see cref="MeasurementCount"/> back to 0) at the first unbiased measurement after biased ones
/// (<see cref="IsBiased"/>).</description></item>
/// <item><description><see cref="Update"/>: the two batch sizes and squared norms directly (what
/// <c>lrs noise-scale</c> reads from a log).</description></item>
/// </list>
/// <para>Adaptdl itself smooths with <c>θ = 0.999^scale</c> per measurement (a rate that depends on the batch); this
/// type smooths with a fixed <see cref="Smoothing"/> per measurement, as gpt-neox does (default 0.99).</para>
/// <para>A measurement with a NaN or infinite squared norm (a mixed-precision overflow), or whose raw estimates overflow,
/// is skipped and changes nothing: the update returns <see langword="false"/> (gpt-neox and adaptdl skip such steps too).
/// Everything else about a measurement is checked and rejected with <see cref="ScheduleArgumentException"/>.</para>
/// <para><b>Mutable and not thread-safe</b>: one instance per training run, updated from one thread. Deterministic: the
/// same measurements give the same estimates bit for bit on every machine. Save <see cref="ExportStateJson"/> with a
/// checkpoint and <see cref="ImportStateJson"/> it to continue exactly.</para>
/// </remarks>
public sealed class GradientNoiseScale
{
    private const string StateType = "GradientNoiseScale";
    private const int StateVersion = 1;

    private long _count;
    private bool _biased;
    private double _squaredNormAverage;
    private double _traceAverage;

    internal GradientNoiseScale(double smoothing) => Smoothing = smoothing;

    /// <summary>Gets the factor <c>β</c> of the exponential averages, in [0, 1): the weight of the past at each measurement.</summary>
    /// <value>0.99 unless chosen otherwise; 0 keeps only the last measurement.</value>
    public double Smoothing { get; }

    /// <summary>Gets the number of measurements in the averages, <c>k</c>.</summary>
    public long MeasurementCount => _count;

    /// <summary>Gets a value indicating whether the averages come from consecutive batches (<see cref="UpdateFromConsecutiveBatches"/>), which are biased.</summary>
    public bool IsBiased => _biased;

    /// <summary>Gets the smoothed, bias-corrected estimate of <c>|G|²</c>, the squared norm of the true gradient; 0 before the first measurement. May be negative.</summary>
    public double GradientSquaredNorm => Corrected(_squaredNormAverage);

    /// <summary>Gets the smoothed, bias-corrected estimate of <c>tr(Σ)</c>, the trace of the per-sample gradient covariance; 0 before the first measurement. May be negative.</summary>
    public double CovarianceTrace => Corrected(_traceAverage);

    /// <summary>Gets the simple noise scale <c>B_simple</c>, in samples: the batch size around which a bigger batch stops paying off.</summary>
    /// <value><c>max(tr(Σ), 0) / |G|²</c> of the smoothed estimates while <see cref="GradientSquaredNorm"/> &gt; 0;
    /// +∞ otherwise, including before the first measurement. Never NaN, never negative.</value>
    public double NoiseScale
    {
        get
        {
            double squaredNorm = GradientSquaredNorm;
            return squaredNorm > 0.0 ? Math.Max(CovarianceTrace, 0.0) / squaredNorm : double.PositiveInfinity;
        }
    }

    /// <summary>Adds one measurement: squared gradient norms at a small and a big batch size of the same step.</summary>
    /// <param name="smallBatchSize"><c>B_small</c>, the samples the small gradient averages over; &gt; 0.</param>
    /// <param name="smallSquaredNorm"><c>|G_small|²</c> (the mean when several small gradients were measured); ≥ 0.</param>
    /// <param name="bigBatchSize"><c>B_big</c>, the samples the big gradient averages over; &gt; <paramref name="smallBatchSize"/>.</param>
    /// <param name="bigSquaredNorm"><c>|G_big|²</c>; ≥ 0.</param>
    /// <returns><see langword="true"/> when the measurement was taken; <see langword="false"/> when it was skipped because a norm is NaN or infinite or an estimate overflows.</returns>
    /// <exception cref="ScheduleArgumentException">A batch size is out of range, or a norm is negative.</exception>
    public bool Update(long smallBatchSize, double smallSquaredNorm, long bigBatchSize, double bigSquaredNorm)
    {
        Preconditions.Positive(smallBatchSize);
        if (bigBatchSize <= smallBatchSize)
        {
            throw Preconditions.OutOfRange(nameof(bigBatchSize), bigBatchSize, $"> smallBatchSize = {Preconditions.Format(smallBatchSize)}");
        }

        CheckNorm(smallSquaredNorm, nameof(smallSquaredNorm));
        CheckNorm(bigSquaredNorm, nameof(bigSquaredNorm));
        return Add(smallBatchSize, smallSquaredNorm, bigBatchSize, bigSquaredNorm, biased: false);
    }

    /// <summary>
    /// Adds one measurement from the parts of a batch and the whole: per-worker squared norms and the squared norm of the
    /// all-reduced gradient, or per-micro-batch squared norms and the squared norm of the accumulated gradient.
    /// </summary>
    /// <param name="partBatchSize">The samples in each part (one worker's batch, or one micro-batch); &gt; 0.</param>
    /// <param name="partSquaredNorms">The squared norm of each part's mean gradient; at least 2, each ≥ 0.</param>
    /// <param name="wholeSquaredNorm">The squared norm of the mean of the parts' gradients; ≥ 0.</param>
    /// <returns><see langword="true"/> when the measurement was taken; <see langword="false"/> when it was skipped because a norm is NaN or infinite or an estimate overflows.</returns>
    /// <remarks>The same as <see cref="Update"/> with <c>B_small = partBatchSize</c>, <c>|G_small|²</c> the mean of
    /// <paramref name="partSquaredNorms"/> and <c>B_big = n·partBatchSize</c> for <c>n</c> parts. O(n) to add the norms,
    /// O(1) to update; no allocation. With data parallelism and accumulation together, pass either every micro-batch's
    /// norm (part = micro-batch) or every worker's accumulated norm (part = the worker's accumulated batch).</remarks>
    /// <exception cref="ScheduleArgumentException">A batch size or count is out of range, or a norm is negative.</exception>
    public bool UpdateFromParts(long partBatchSize, ReadOnlySpan<double> partSquaredNorms, double wholeSquaredNorm)
    {
        Preconditions.Positive(partBatchSize);
        if (partSquaredNorms.Length < 2)
        {
            throw Preconditions.OutOfRange(nameof(partSquaredNorms), partSquaredNorms.Length, "at least 2 parts (a count)");
        }

        long bigBatchSize;
        try
        {
            bigBatchSize = checked(partBatchSize * partSquaredNorms.Length);
        }
        catch (OverflowException)
        {
            throw Preconditions.OutOfRange(nameof(partBatchSize), partBatchSize, $"small enough that partBatchSize * {partSquaredNorms.Length} parts fits in a long");
        }

        double sum = 0.0;
        for (int i = 0; i < partSquaredNorms.Length; i++)
        {
            double norm = partSquaredNorms[i];
            if (norm < 0.0)
            {
                throw Preconditions.OutOfRange(nameof(partSquaredNorms), norm, "a squared norm >= 0", i);
            }

            sum += norm;
        }

        CheckNorm(wholeSquaredNorm, nameof(wholeSquaredNorm));
        return Add(partBatchSize, sum / partSquaredNorms.Length, bigBatchSize, wholeSquaredNorm, biased: false);
    }

    /// <summary>
    /// Adds one measurement from two consecutive steps' gradients when there is only one gradient per step (one process,
    /// no accumulation): adaptdl's differenced estimator, biased.
    /// </summary>
    /// <param name="batchSize">The batch size <c>b</c> of both steps; &gt; 0.</param>
    /// <param name="previousSquaredNorm"><c>|g_prev|²</c>, the previous step's gradient; ≥ 0.</param>
    /// <param name="currentSquaredNorm"><c>|g|²</c>, this step's gradient; ≥ 0.</param>
    /// <param name="averageSquaredNorm"><c>|(g_prev + g) / 2|²</c>, the squared norm of their average; ≥ 0.</param>
    /// <returns><see langword="true"/> when the measurement was taken; <see langword="false"/> when it was skipped because a norm is NaN or infinite or an estimate overflows.</returns>
    /// <remarks>The same as <see cref="Update"/> with <c>B_small = b</c>, <c>|G_small|² = (|g_prev|² + |g|²) / 2</c>,
    /// <c>B_big = 2b</c>, <c>|G_big|²</c> = <paramref name="averageSquaredNorm"/>. Sets <see cref="IsBiased"/>.</remarks>
    /// <exception cref="ScheduleArgumentException">The batch size is out of range, or a norm is negative.</exception>
    public bool UpdateFromConsecutiveBatches(long batchSize, double previousSquaredNorm, double currentSquaredNorm, double averageSquaredNorm)
    {
        Preconditions.Positive(batchSize);
        if (batchSize > long.MaxValue / 2)
        {
            throw Preconditions.OutOfRange(nameof(batchSize), batchSize, "<= long.MaxValue / 2");
        }

        CheckNorm(previousSquaredNorm, nameof(previousSquaredNorm));
        CheckNorm(currentSquaredNorm, nameof(currentSquaredNorm));
        CheckNorm(averageSquaredNorm, nameof(averageSquaredNorm));
        return Add(batchSize, (previousSquaredNorm + currentSquaredNorm) / 2.0, 2 * batchSize, averageSquaredNorm, biased: true);
    }

    /// <summary>Returns the complete state as versioned JSON, to save with a checkpoint.</summary>
    /// <returns>A JSON object: type, version, smoothing, measurement count, bias flag and both raw (uncorrected) averages, every double round-trippable.</returns>
    public string ExportStateJson() => StateJson.Write(StateType, StateVersion, writer =>
    {
        writer.WriteNumber("smoothing", Smoothing);
        writer.WriteNumber("measurementCount", _count);
        writer.WriteBoolean("biased", _biased);
        writer.WriteNumber("gradientSquaredNormAverage", _squaredNormAverage);
        writer.WriteNumber("covarianceTraceAverage", _traceAverage);
    });

    /// <summary>Replaces the state with one saved by <see cref="ExportStateJson"/>, so the estimates continue bit for bit.</summary>
    /// <param name="json">The saved state.</param>
    /// <remarks>Everything is checked before anything changes: on an exception the instance is as it was.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">The JSON is malformed or truncated, is not this type's state or version,
    /// was saved with a different <see cref="Smoothing"/>, or a field is missing or out of range; the parameter names the field
    /// (<c>json.measurementCount</c>, say).</exception>
    public void ImportStateJson(string json)
    {
        using JsonDocument document = StateJson.Parse(json, StateType, StateVersion);
        JsonElement root = document.RootElement;
        double smoothing = StateJson.Double(root, "smoothing");
        if (smoothing != Smoothing)
        {
            throw StateJson.Mismatch("smoothing", smoothing, $"this instance's Smoothing = {Preconditions.Format(Smoothing)}");
        }

        long count = StateJson.Long(root, "measurementCount", 0);
        bool biased = StateJson.Boolean(root, "biased");
        double squaredNorm = StateJson.Double(root, "gradientSquaredNormAverage");
        double trace = StateJson.Double(root, "covarianceTraceAverage");
        if (count == 0 && (squaredNorm != 0.0 || trace != 0.0 || biased))
        {
            throw StateJson.Mismatch("measurementCount", count, "> 0 when an average is not 0 or biased is true");
        }

        _count = count;
        _biased = biased;
        _squaredNormAverage = squaredNorm;
        _traceAverage = trace;
    }

    private static void CheckNorm(double norm, string paramName)
    {
        if (norm < 0.0 || double.IsNegativeInfinity(norm))
        {
            throw Preconditions.OutOfRange(paramName, norm, "a squared norm >= 0");
        }
    }

    private bool Add(long smallBatchSize, double smallSquaredNorm, long bigBatchSize, double bigSquaredNorm, bool biased)
    {
        double small = smallBatchSize;
        double big = bigBatchSize;

        // gpt-neox names this one "noise"; it estimates |G|².
        double squaredNorm = 1.0 / (big - small) * ((big * bigSquaredNorm) - (small * smallSquaredNorm));

        // gpt-neox names this one "scale"; it estimates tr(Σ).
        double trace = 1.0 / ((1.0 / small) - (1.0 / big)) * (smallSquaredNorm - bigSquaredNorm);
        if (!double.IsFinite(squaredNorm) || !double.IsFinite(trace))
        {
            return false;
        }

        if (_biased && !biased)
        {
            // adaptdl: the first unbiased measurement after biased ones restarts the averages.
            Restart();
        }

        double beta = Smoothing;
        double nextSquaredNorm = (beta * _squaredNormAverage) + ((1.0 - beta) * squaredNorm);
        double nextTrace = (beta * _traceAverage) + ((1.0 - beta) * trace);
        if (_count == long.MaxValue || !double.IsFinite(nextSquaredNorm) || !double.IsFinite(nextTrace))
        {
            return false;
        }

        _squaredNormAverage = nextSquaredNorm;
        _traceAverage = nextTrace;
        _count++;
        _biased = biased;
        return true;
    }

    private void Restart()
    {
        _count = 0;

        // Stryker disable once Boolean : Add sets _biased right after a restart (with zero averages and count 0 the measurement is always taken)
        _biased = false;
        _squaredNormAverage = 0.0;
        _traceAverage = 0.0;
    }

    private double Corrected(double average) =>
        _count == 0 ? 0.0 : average / (1.0 - Math.Pow(Smoothing, _count));
}
