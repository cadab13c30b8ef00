using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>
/// Entry points for measuring the batch size instead of guessing it: the gradient noise scale estimator, AdaScale and
/// the adaptive batch-size controller.
/// </summary>
/// <remarks>
/// All three are arithmetic on squared gradient norms that the training loop measures and reports; none touches a
/// tensor or an optimizer. They are mutable (they accumulate what is reported), deterministic, and save their state as
/// versioned JSON.
/// </remarks>
public static class AdaptiveBatching
{
    /// <summary>The default smoothing of the noise-scale averages, 0.99 (EleutherAI gpt-neox's default <c>beta</c>).</summary>
    public const double DefaultSmoothing = 0.99;

    /// <summary>Creates an estimator of the gradient noise scale <c>B_simple = tr(Σ) / |G|²</c> (McCandlish et al. 2018, appendix A).</summary>
    /// <param name="smoothing">The factor <c>β</c> of the exponential averages over measurements; in [0, 1). Defaults to 0.99.</param>
    /// <returns>An estimator with no measurements; see <see cref="GradientNoiseScale"/>.</returns>
    /// <exception cref="ScheduleArgumentException"><paramref name="smoothing"/> is not in [0, 1).</exception>
    public static GradientNoiseScale NoiseScale(double smoothing = DefaultSmoothing) =>
        new GradientNoiseScale(Preconditions.InRange(smoothing, 0.0, true, 1.0, false))
            .Declared(nameof(NoiseScale), smoothing);

    /// <summary>Creates AdaScale over a schedule tuned at a base batch size, with the gain measured by <paramref name="statistics"/>.</summary>
    /// <param name="statistics">The noise-scale estimator the training loop updates; its <c>|G|²</c> and <c>tr(Σ)</c> give the gain.</param>
    /// <param name="schedule">The learning-rate schedule tuned at <paramref name="baseBatchSize"/>, in base-batch steps; read on the progress clock.</param>
    /// <param name="baseBatchSize">The batch size <c>B0</c> the schedule was tuned at; &gt; 0.</param>
    /// <param name="totalSteps">The schedule's length in base-batch steps; training is over when the progress reaches it; &gt; 0.</param>
    /// <returns>An <see cref="Batching.AdaScale"/> at progress 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statistics"/> or <paramref name="schedule"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">A batch size or length is out of range.</exception>
    public static AdaScale AdaScale(GradientNoiseScale statistics, ILearningRateSchedule schedule, long baseBatchSize, long totalSteps) =>
        new Batching.AdaScale(
            Preconditions.NotNull(statistics),
            LearningRateSchedule.From(schedule, nameof(schedule)),
            Preconditions.Positive(baseBatchSize),
            Preconditions.Positive(totalSteps))
            .Declared(nameof(AdaScale), statistics, schedule, baseBatchSize, totalSteps);
}
