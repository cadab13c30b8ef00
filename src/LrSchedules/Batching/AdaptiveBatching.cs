using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>
/// Entry points for measuring the batch size instead of guessing it: the gradient noise scale estimator, AdaScale, the
/// adaptive batch-size controller, and the goodput arithmetic for choosing a batch size from a measured noise scale.
/// </summary>
/// <remarks>
/// All three are arithmetic on squared gradient norms that the training loop measures and reports; none touches a
/// tensor or an optimizer. They are mutable (they accumulate what is reported), deterministic, and save their state as
/// versioned JSON.
/// </remarks>
public static partial class AdaptiveBatching
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
    /// <param name="learningRate">The learning-rate schedule tuned at <paramref name="referenceBatchSize"/>, in steps of that batch size; read on the progress clock.</param>
    /// <param name="referenceBatchSize">The batch size <c>B0</c> the schedule was tuned at; &gt; 0.</param>
    /// <param name="totalSteps">The schedule's length in steps of the reference batch size; training is over when the progress reaches it; &gt; 0.</param>
    /// <returns>An <see cref="Batching.AdaScale"/> at progress 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statistics"/> or <paramref name="learningRate"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">A batch size or length is out of range.</exception>
    public static AdaScale AdaScale(GradientNoiseScale statistics, ILearningRateSchedule learningRate, long referenceBatchSize, long totalSteps) =>
        new Batching.AdaScale(
            Preconditions.NotNull(statistics),
            LearningRateSchedule.From(learningRate, nameof(learningRate)),
            Preconditions.Positive(referenceBatchSize),
            Preconditions.Positive(totalSteps))
            .Declared(nameof(AdaScale), statistics, learningRate, referenceBatchSize, totalSteps);

    /// <summary>Creates the adaptive batch-size controller: the batch size set from the measured noise scale at decision points, the rate scaled at each change.</summary>
    /// <param name="learningRate">The learning-rate schedule tuned at <paramref name="initialBatchSize"/>, written on <paramref name="clock"/>.</param>
    /// <param name="datasetSize">The number of samples in one epoch; ≥ <paramref name="maximumBatchSize"/>.</param>
    /// <param name="initialBatchSize">The batch size before the first change, <c>B0</c>; in [<paramref name="minimumBatchSize"/>, <paramref name="maximumBatchSize"/>] and allowed by <paramref name="granularity"/>.</param>
    /// <param name="minimumBatchSize">The smallest batch size a decision may set; &gt; 0 and allowed by <paramref name="granularity"/>.</param>
    /// <param name="maximumBatchSize">The largest batch size a decision may set; ≥ <paramref name="minimumBatchSize"/> and allowed by <paramref name="granularity"/>.</param>
    /// <param name="decisionIntervalSteps">The steps between decision points, ≥ 1; or 0 for a decision at the first step of each epoch.</param>
    /// <param name="rateRule">How the rate is scaled at a change: linear (SGD, the default), square root (Adam) or AdaScale's gain.</param>
    /// <param name="granularity">The batch sizes a decision may set; <see cref="BatchSizeGranularity.Any"/> when null.</param>
    /// <param name="noiseScaleMultiplier">The factor <c>k</c>: the target batch size is <c>k · B_noise</c>; finite and &gt; 0. Defaults to 1.</param>
    /// <param name="growOnly">Whether the batch size only grows (the default, as the critical batch size grows during training).</param>
    /// <param name="integerFactors">Whether the batch size changes only by whole factors, growths waiting for the epoch to divide into whole new batches (OLMo-core's rule).</param>
    /// <param name="lastBatch">What an epoch does with a last, partial batch; dropped by default.</param>
    /// <param name="clock">The clock <paramref name="learningRate"/> is written on; steps by default.</param>
    /// <returns>A controller at step 0 with the initial batch size; see <see cref="AdaptiveBatchSizeController"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="learningRate"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static AdaptiveBatchSizeController Controller(
        ILearningRateSchedule learningRate,
        long datasetSize,
        long initialBatchSize,
        long minimumBatchSize,
        long maximumBatchSize,
        long decisionIntervalSteps,
        AdaptiveRateRule rateRule = AdaptiveRateRule.Linear,
        BatchSizeGranularity? granularity = null,
        double noiseScaleMultiplier = 1.0,
        bool growOnly = true,
        bool integerFactors = false,
        LastBatch lastBatch = LastBatch.Drop,
        TrainingClock clock = TrainingClock.Steps)
    {
        LearningRateSchedule schedule = LearningRateSchedule.From(learningRate, nameof(learningRate));
        Preconditions.Positive(minimumBatchSize);
        if (maximumBatchSize < minimumBatchSize)
        {
            throw Preconditions.OutOfRange(nameof(maximumBatchSize), maximumBatchSize, $">= minimumBatchSize = {Preconditions.Format(minimumBatchSize)}");
        }

        if (initialBatchSize < minimumBatchSize || initialBatchSize > maximumBatchSize)
        {
            throw Preconditions.OutOfRange(nameof(initialBatchSize), initialBatchSize, $"in [minimumBatchSize, maximumBatchSize] = [{Preconditions.Format(minimumBatchSize)}, {Preconditions.Format(maximumBatchSize)}]");
        }

        if (datasetSize < maximumBatchSize)
        {
            throw Preconditions.OutOfRange(nameof(datasetSize), datasetSize, $">= maximumBatchSize = {Preconditions.Format(maximumBatchSize)}, so that every epoch has a full batch");
        }

        Preconditions.NonNegative(decisionIntervalSteps);
        Preconditions.Defined(rateRule);
        BatchSizeGranularity allowed = granularity ?? BatchSizeGranularity.Any;
        RequireAllowed(minimumBatchSize, allowed);
        RequireAllowed(maximumBatchSize, allowed);
        RequireAllowed(initialBatchSize, allowed);
        Preconditions.Positive(noiseScaleMultiplier);
        Preconditions.Defined(lastBatch);

        // Stryker disable once Statement : the last check; TrainingPlan.PerStep (in the constructor) rejects an undefined clock with the same parameter and requirement
        Preconditions.Defined(clock);
        return new AdaptiveBatchSizeController(
            schedule,
            datasetSize,
            initialBatchSize,
            minimumBatchSize,
            maximumBatchSize,
            decisionIntervalSteps,
            rateRule,
            allowed,
            noiseScaleMultiplier,
            growOnly,
            integerFactors,
            lastBatch,
            clock)
            .Declared(nameof(Controller), learningRate, datasetSize, initialBatchSize, minimumBatchSize, maximumBatchSize, decisionIntervalSteps, rateRule, granularity, noiseScaleMultiplier, growOnly, integerFactors, lastBatch, clock);
    }

    private static void RequireAllowed(long batchSize, BatchSizeGranularity granularity, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(batchSize))] string? paramName = null)
    {
        if (!granularity.Allows(batchSize))
        {
            throw Preconditions.OutOfRange(paramName, batchSize, $"allowed by the granularity ({granularity})");
        }
    }
}
