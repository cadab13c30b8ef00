using System.Text.Json;
using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>
/// AdaScale (Johnson, Agrawal, Gu and Guestrin, ICML 2020): scales the learning rate of a schedule tuned at a reference batch
/// size by the measured gain of a bigger batch, and reads the schedule on a scale-invariant progress clock.
/// </summary>
/// <remarks>
/// <para><b>Gain.</b> At scale <c>S = B / B0</c>, with <c>σ² = tr(Σ) / B0</c> the gradient variance at the reference batch
/// size and <c>μ² = |G|²</c> the squared norm of the true gradient, both from a <see cref="GradientNoiseScale"/>:</para>
/// <code>
/// r = (σ² + μ²) / (σ²/S + μ²),   1 ≤ r ≤ S
/// </code>
/// <para><c>r = S</c> when the gradient is all noise (a batch <c>S</c> times bigger is worth <c>S</c> small steps),
/// <c>r = 1</c> when it has none. Equivalently, with <c>B_noise = tr(Σ)/|G|²</c>,
/// <c>r = (1 + B_noise/B0) / (1 + B_noise/B)</c>: the ratio of the best rates of McCandlish et al. at <c>B</c> and
/// <c>B0</c>.</para>
/// <para><b>Rate and clock.</b> A step at batch size <c>B</c> uses the rate <c>r · lr(τ)</c>, where <c>lr</c> is the
/// schedule tuned at <c>B0</c> and <c>τ</c> the progress, then advances <c>τ += r</c> (<see cref="Advance"/>). So
/// <c>τ</c> counts reference-batch steps' worth of progress, and training is over when <c>τ</c> reaches the schedule's length
/// (<see cref="IsComplete"/>): at <c>S = 1</c> this is the schedule itself step by step.</para>
/// <para><b>Origin.</b> adaptdl's <c>adaptdl/adaptdl/torch/scaling_rules.py</c>: <c>AdaScale.calculate_lr_factors</c>
/// (<c>var = max(var_avg, 1e-6)</c>, <c>sqr = max(sqr_avg, 0)</c>, <c>(var + sqr) / (var / scale + sqr)</c>) and
/// <c>GradientNoiseScale.run_step</c> (<c>progress += gain(scale)</c> after the optimizer step), with adaptdl's
/// <c>var_avg</c> being <c>tr(Σ)/B0</c> (its <c>grad_var</c> is multiplied by <c>scale = B / B0</c>) and its
/// <c>sqr_avg</c> being <c>|G|²</c>. As in adaptdl, the floor <c>1e-6</c> on <c>σ²</c> is absolute (in the units of the
/// squared gradient), and before the first measurement the statistics are adaptdl's initial ones,
/// <c>sqr_avg = 1</c> and <c>var_avg = 0</c>, so the gain is <c>(1e-6 + 1) / (1e-6/S + 1)</c>, within 1e-6 of 1.
/// Divergences: the gain is clamped to [1, S] (only rounding can leave that interval); the schedule is read at the
/// fractional <c>τ</c> when it is a <see cref="LearningRateSchedule"/> (at <c>floor(τ)</c> for a user implementation of
/// <see cref="ILearningRateSchedule"/>), where adaptdl leaves the base rate to the user's own scheduler.</para>
/// <para><b>Mutable and not thread-safe</b> (it holds <see cref="Progress"/>); deterministic. Save
/// <see cref="ExportStateJson"/> with the checkpoint, together with the statistics' own state.</para>
/// </remarks>
public sealed class AdaScale
{
    /// <summary>adaptdl's floor on the variance <c>σ²</c>.</summary>
    public const double VarianceFloor = 1e-6;

    private const string StateType = "AdaScale";
    private const int StateVersion = 1;

    private readonly LearningRateSchedule _schedule;
    private double _progress;

    internal AdaScale(GradientNoiseScale statistics, LearningRateSchedule learningRate, long referenceBatchSize, long totalSteps)
    {
        Statistics = statistics;
        _schedule = learningRate;
        ReferenceBatchSize = referenceBatchSize;
        TotalSteps = totalSteps;
    }

    /// <summary>Gets the estimator whose <c>|G|²</c> and <c>tr(Σ)</c> the gain is computed from.</summary>
    public GradientNoiseScale Statistics { get; }

    /// <summary>Gets the learning-rate schedule tuned at <see cref="ReferenceBatchSize"/>, read on the progress clock <c>τ</c>.</summary>
    public ILearningRateSchedule LearningRate => Children.Original(_schedule);

    /// <summary>Gets the batch size <c>B0</c> the schedule was tuned at: scale 1.</summary>
    public long ReferenceBatchSize { get; }

    /// <summary>Gets the schedule's length in steps of the reference batch size: training is over when <see cref="Progress"/> reaches it.</summary>
    public long TotalSteps { get; }

    /// <summary>Gets the scale-invariant progress <c>τ</c>: the sum of the gains of the steps taken so far.</summary>
    public double Progress => _progress;

    /// <summary>Gets a value indicating whether <see cref="Progress"/> has reached <see cref="TotalSteps"/>.</summary>
    public bool IsComplete => _progress >= TotalSteps;

    /// <summary>Gets the gain <c>r</c> of a step at <paramref name="batchSize"/> from the current statistics.</summary>
    /// <param name="batchSize">The global batch size <c>B</c>; ≥ <see cref="ReferenceBatchSize"/>.</param>
    /// <returns><c>r = (σ² + μ²) / (σ²/S + μ²)</c> with <c>S = B / B0</c>, in [1, S].</returns>
    /// <exception cref="ScheduleArgumentException"><paramref name="batchSize"/> is below <see cref="ReferenceBatchSize"/>.</exception>
    public double GetGain(long batchSize) => Gain(Scale(batchSize));

    /// <summary>Gets the learning rate of a step at <paramref name="batchSize"/>: <c>r · lr(τ)</c>.</summary>
    /// <param name="batchSize">The global batch size <c>B</c>; ≥ <see cref="ReferenceBatchSize"/>.</param>
    /// <returns>The gain times the schedule at the current <see cref="Progress"/>.</returns>
    /// <exception cref="ScheduleArgumentException"><paramref name="batchSize"/> is below <see cref="ReferenceBatchSize"/>.</exception>
    public double GetLearningRate(long batchSize) => Gain(Scale(batchSize)) * _schedule.Evaluate(_progress);

    /// <summary>Advances the progress clock after a step at <paramref name="batchSize"/>: <c>τ += r</c>.</summary>
    /// <param name="batchSize">The global batch size of the step just taken; ≥ <see cref="ReferenceBatchSize"/>.</param>
    /// <returns>The gain <c>r</c> that was added.</returns>
    /// <exception cref="ScheduleArgumentException"><paramref name="batchSize"/> is below <see cref="ReferenceBatchSize"/>.</exception>
    public double Advance(long batchSize)
    {
        double gain = Gain(Scale(batchSize));
        _progress += gain;
        return gain;
    }

    /// <summary>Returns the progress as versioned JSON, to save with a checkpoint (the statistics save their own state).</summary>
    /// <returns>A JSON object: type, version, reference batch size, total steps and progress.</returns>
    public string ExportStateJson() => StateJson.Write(StateType, StateVersion, writer =>
    {
        writer.WriteNumber("referenceBatchSize", ReferenceBatchSize);
        writer.WriteNumber("totalSteps", TotalSteps);
        writer.WriteNumber("progress", _progress);
    });

    /// <summary>Restores the progress saved by <see cref="ExportStateJson"/>.</summary>
    /// <param name="json">The saved state.</param>
    /// <remarks>Everything is checked before anything changes: on an exception the instance is as it was.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">The JSON is malformed or truncated, is not this type's state or version,
    /// was saved with another reference batch size or length, or the progress is negative; the parameter names the field.</exception>
    public void ImportStateJson(string json)
    {
        using JsonDocument document = StateJson.Parse(json, StateType, StateVersion);
        JsonElement root = document.RootElement;
        long referenceBatchSize = StateJson.Long(root, "referenceBatchSize", 1);
        if (referenceBatchSize != ReferenceBatchSize)
        {
            throw StateJson.Mismatch("referenceBatchSize", referenceBatchSize, $"this instance's ReferenceBatchSize = {Preconditions.Format(ReferenceBatchSize)}");
        }

        long totalSteps = StateJson.Long(root, "totalSteps", 1);
        if (totalSteps != TotalSteps)
        {
            throw StateJson.Mismatch("totalSteps", totalSteps, $"this instance's TotalSteps = {Preconditions.Format(TotalSteps)}");
        }

        double progress = StateJson.Double(root, "progress");
        if (progress < 0.0)
        {
            throw StateJson.Mismatch("progress", progress, "a finite number >= 0");
        }

        _progress = progress;
    }

    private double Scale(long batchSize)
    {
        if (batchSize < ReferenceBatchSize)
        {
            throw Preconditions.OutOfRange(nameof(batchSize), batchSize, $">= the reference batch size {Preconditions.Format(ReferenceBatchSize)}");
        }

        return (double)batchSize / ReferenceBatchSize;
    }

    private double Gain(double scale)
    {
        // adaptdl's initial state before any measurement: sqr_avg = 1, var_avg = 0.
        bool measured = Statistics.MeasurementCount > 0;

        // Stryker disable once Conditional : before any measurement CovarianceTrace is 0 (GradientNoiseScale.Corrected), so trace / B0 is 0.0 as well
        double variance = Math.Max(measured ? Statistics.CovarianceTrace / ReferenceBatchSize : 0.0, VarianceFloor);
        double squaredNorm = Math.Max(measured ? Statistics.GradientSquaredNorm : 1.0, 0.0);
        double gain = (variance + squaredNorm) / ((variance / scale) + squaredNorm);
        return Math.Clamp(gain, 1.0, scale);
    }
}
