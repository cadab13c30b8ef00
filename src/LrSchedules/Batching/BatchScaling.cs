using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>
/// How the learning rate, the optimizer's other hyper-parameters and the noise of SGD move with the batch size: scaling
/// rules to pick and apply to schedules, the Adam rule, momentum scaling and the SGD noise scale.
/// </summary>
/// <remarks>
/// <para>Terms: <c>B</c> is the global batch size (samples per step), <c>N</c> the dataset size, <c>m</c> the SGD momentum.
/// A rule is relative to a <i>reference batch size</i>, the one the learning rate was tuned at; the <i>reference
/// learning rate</i> is that rate. The <i>SGD noise scale</i> <c>g</c> (Smith and Le) and the <i>gradient noise
/// scale</i> <c>B_noise</c> (McCandlish et al.) are different quantities, named apart.</para>
/// </remarks>
[ConfigurationFactories]
public static partial class BatchScaling
{
    /// <summary>Creates the linear scaling rule: multiply the batch by <c>k</c>, multiply the rate by <c>k</c>.</summary>
    /// <param name="referenceBatchSize">The batch size the rate was tuned at; &gt; 0.</param>
    /// <returns>The power rule with exponent 1: <c>scale(B) = B / referenceBatchSize</c>.</returns>
    /// <remarks>Goyal et al. 2017, "Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour" (arXiv:1706.02677); it held
    /// up to <c>B = 8192</c> on ImageNet with a gradual warmup over the first 5 epochs.</remarks>
    /// <exception cref="ScheduleArgumentException"><paramref name="referenceBatchSize"/> is 0 or negative.</exception>
    public static BatchScalingRule LinearScaling(long referenceBatchSize) =>
        new PowerBatchScalingRule(Preconditions.Positive(referenceBatchSize), 1.0)
            .Declared(nameof(LinearScaling), referenceBatchSize);

    /// <summary>Creates the square-root scaling rule: multiply the batch by <c>k</c>, multiply the rate by <c>√k</c>.</summary>
    /// <param name="referenceBatchSize">The batch size the rate was tuned at; &gt; 0.</param>
    /// <returns>The power rule with exponent ½: <c>scale(B) = √(B / referenceBatchSize)</c>.</returns>
    /// <remarks>Krizhevsky 2014; Hoffer et al. 2017. The rule for adaptive optimizers (Granziol et al., arXiv:2006.09092).</remarks>
    /// <exception cref="ScheduleArgumentException"><paramref name="referenceBatchSize"/> is 0 or negative.</exception>
    public static BatchScalingRule SquareRootScaling(long referenceBatchSize) =>
        new PowerBatchScalingRule(Preconditions.Positive(referenceBatchSize), 0.5)
            .Declared(nameof(SquareRootScaling), referenceBatchSize);

    /// <summary>Creates a power scaling rule: multiply the batch by <c>k</c>, multiply the rate by <c>k^exponent</c>.</summary>
    /// <param name="referenceBatchSize">The batch size the rate was tuned at; &gt; 0.</param>
    /// <param name="exponent">The power; finite and &gt; 0 (1 is <see cref="LinearScaling"/>, 0.5 is <see cref="SquareRootScaling"/>).</param>
    /// <returns>The power rule: <c>scale(B) = (B / referenceBatchSize)^exponent</c>.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static BatchScalingRule PowerScaling(long referenceBatchSize, double exponent) =>
        new PowerBatchScalingRule(Preconditions.Positive(referenceBatchSize), Preconditions.Positive(exponent))
            .Declared(nameof(PowerScaling), referenceBatchSize, exponent);

    /// <summary>Creates the saturating rule of McCandlish et al. 2018: linear for small batches, flat past the gradient noise scale.</summary>
    /// <param name="referenceBatchSize">The batch size the rate was tuned at; &gt; 0.</param>
    /// <param name="gradientNoiseScale">The gradient noise scale <c>B_noise = tr(Σ) / |G|²</c>, in samples; finite and &gt; 0.</param>
    /// <returns>The saturating rule: <c>scale(B) = (1 + B_noise / referenceBatchSize) / (1 + B_noise / B)</c>, the ratio of <c>lr_max / (1 + B_noise / B)</c> at <c>B</c> and at the reference.</returns>
    /// <remarks>"An Empirical Model of Large-Batch Training" (arXiv:1812.06162).</remarks>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static BatchScalingRule SaturatingScaling(long referenceBatchSize, double gradientNoiseScale) =>
        new SaturatingBatchScalingRule(Preconditions.Positive(referenceBatchSize), Preconditions.Positive(gradientNoiseScale))
            .Declared(nameof(SaturatingScaling), referenceBatchSize, gradientNoiseScale);

    /// <summary>Scales Adam's learning rate, betas and epsilon from one batch size to another by the square-root rule of Malladi et al. 2022.</summary>
    /// <param name="learningRate">The learning rate at <paramref name="referenceBatchSize"/>; finite and ≥ 0.</param>
    /// <param name="beta1">The first-moment decay at <paramref name="referenceBatchSize"/>; in [0, 1).</param>
    /// <param name="beta2">The second-moment decay at <paramref name="referenceBatchSize"/>; in [0, 1).</param>
    /// <param name="epsilon">The stability constant at <paramref name="referenceBatchSize"/>; finite and ≥ 0.</param>
    /// <param name="referenceBatchSize">The batch size the hyper-parameters were tuned at; &gt; 0.</param>
    /// <param name="batchSize">The new batch size; &gt; 0, and small enough that both scaled betas stay ≥ 0: <c>batchSize ≤ referenceBatchSize / (1 − beta)</c>.</param>
    /// <returns>With <c>κ = batchSize / referenceBatchSize</c>: rate <c>lr · √κ</c>, betas <c>1 − κ · (1 − β)</c>, epsilon <c>ε / √κ</c>.</returns>
    /// <remarks>Malladi, Lyu, Panigrahi and Arora, "On the SDEs and Scaling Rules for Adaptive Gradient Algorithms"
    /// (NeurIPS 2022, arXiv:2205.10287), the square-root scaling rule for Adam and RMSprop. At the reference batch size
    /// every value comes back unchanged.</remarks>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static AdamHyperparameters ScaleAdam(double learningRate, double beta1, double beta2, double epsilon, long referenceBatchSize, long batchSize)
    {
        Preconditions.NonNegative(learningRate);
        Preconditions.InRange(beta1, 0.0, true, 1.0, false);
        Preconditions.InRange(beta2, 0.0, true, 1.0, false);
        Preconditions.NonNegative(epsilon);
        Preconditions.Positive(referenceBatchSize);
        Preconditions.Positive(batchSize);
        if (batchSize == referenceBatchSize)
        {
            return new AdamHyperparameters(learningRate, beta1, beta2, epsilon);
        }

        double ratio = (double)batchSize / referenceBatchSize;
        double largestRatio = 1.0 / (1.0 - Math.Min(beta1, beta2));
        if (ratio > largestRatio)
        {
            throw Preconditions.OutOfRange(
                nameof(batchSize),
                batchSize,
                $"<= referenceBatchSize / (1 - min(beta1, beta2)) = {Preconditions.Format(referenceBatchSize * largestRatio)}, so that 1 - (batchSize / referenceBatchSize) * (1 - beta) stays >= 0 for both betas");
        }

        double root = Math.Sqrt(ratio);
        return new AdamHyperparameters(
            learningRate * root,
            Math.Max(0.0, 1.0 - (ratio * (1.0 - beta1))),
            Math.Max(0.0, 1.0 - (ratio * (1.0 - beta2))),
            epsilon / root);
    }

    /// <summary>Gets the SGD momentum that keeps the noise scale when the batch size changes and the learning rate does not.</summary>
    /// <param name="momentum">The momentum at <paramref name="referenceBatchSize"/>; in [0, 1).</param>
    /// <param name="referenceBatchSize">The batch size <paramref name="momentum"/> was tuned at; &gt; 0.</param>
    /// <param name="batchSize">The new batch size; ≥ <c>(1 − momentum) · referenceBatchSize</c>, so that the new momentum is ≥ 0.</param>
    /// <returns><c>1 − (1 − momentum) · referenceBatchSize / batchSize</c>: the noise scale <c>g = lr · N / (B · (1 − m))</c> is unchanged, i.e. <c>B ∝ 1 / (1 − m)</c>.</returns>
    /// <remarks>Smith and Le 2018 (arXiv:1710.06451); used in Smith et al. 2017 (arXiv:1711.00489) to grow the batch
    /// by raising the momentum, at slightly lower accuracy than raising the rate.</remarks>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static double ScaleMomentum(double momentum, long referenceBatchSize, long batchSize)
    {
        Preconditions.InRange(momentum, 0.0, true, 1.0, false);
        Preconditions.Positive(referenceBatchSize);
        Preconditions.Positive(batchSize);
        if (batchSize == referenceBatchSize)
        {
            return momentum;
        }

        double damping = (1.0 - momentum) * referenceBatchSize / batchSize;
        if (damping > 1.0)
        {
            throw Preconditions.OutOfRange(
                nameof(batchSize),
                batchSize,
                $">= (1 - momentum) * referenceBatchSize = {Preconditions.Format((1.0 - momentum) * referenceBatchSize)}, so that the new momentum is >= 0");
        }

        return 1.0 - damping;
    }

    /// <summary>Gets the noise scale of SGD: <c>g = lr · N / (B · (1 − m))</c>.</summary>
    /// <param name="learningRate">The learning rate; finite and ≥ 0.</param>
    /// <param name="datasetSize">The number of training samples <c>N</c>; &gt; 0.</param>
    /// <param name="batchSize">The batch size <c>B</c>; &gt; 0.</param>
    /// <param name="momentum">The momentum <c>m</c>; in [0, 1). Defaults to 0 (plain SGD).</param>
    /// <returns>The scale of the random fluctuations of SGD. Schedules with the same <c>g</c> at every epoch reach about the same result.</returns>
    /// <remarks>Smith and Le, "A Bayesian Perspective on Generalization and Stochastic Gradient Descent" (ICLR 2018,
    /// arXiv:1710.06451), and Smith et al. 2017 (arXiv:1711.00489), in the form <c>g ≈ εN / (B(1 − m))</c> valid for
    /// <c>B ≪ N</c>.</remarks>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static double GetSgdNoiseScale(double learningRate, long datasetSize, long batchSize, double momentum = 0.0) =>
        Preconditions.NonNegative(learningRate) * Preconditions.Positive(datasetSize)
        / (Preconditions.Positive(batchSize) * (1.0 - Preconditions.InRange(momentum, 0.0, true, 1.0, false)));

    /// <summary>
    /// The recipe of Goyal et al. in one call: the linear scaling rule applied to a schedule tuned at a base batch size,
    /// with a gradual warmup from the base rate over the first epochs of the plan.
    /// </summary>
    /// <param name="learningRate">The schedule after warmup, as tuned at <paramref name="referenceBatchSize"/> (for instance
    /// <c>Schedule.MultiStep(0.1, [30, 60, 80], 0.1)</c> in epochs), on <paramref name="clock"/>. It keeps its own count
    /// under the warmup, so its milestones stay at the epochs they were written for.</param>
    /// <param name="referenceBatchSize">The batch size <paramref name="learningRate"/> was tuned at; &gt; 0.</param>
    /// <param name="plan">The plan at the target batch size (typically <c>BatchSchedule.Plan(datasetSize,
    /// BatchSchedule.ConstantBatchSize(targetBatchSize), LastBatch.Drop)</c>); the rate follows its batch size step by step.</param>
    /// <param name="warmupEpochs">The number of warmup epochs; ≥ 0. Defaults to 5, Goyal et al.'s choice; 0 means no warmup.</param>
    /// <param name="clock">The clock <paramref name="learningRate"/> is written on; epochs by default.</param>
    /// <returns>
    /// A warmup over the scaled schedule <c>s(t) = lr(x(t)) · B(t) / referenceBatchSize</c>: from <c>lr(0)</c>, the rate
    /// tuned at the base batch, linearly to <c>s(W)</c> at step <c>W</c>, the first step of epoch
    /// <paramref name="warmupEpochs"/>; then <c>s(t)</c>.
    /// </returns>
    /// <remarks>Goyal et al. 2017, "Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour" (arXiv:1706.02677),
    /// section 2.2: "we start from a learning rate of η and increment it by a constant amount at each iteration such that
    /// it reaches η̂ = kη after 5 epochs". The warmup's target is the scaled schedule's rate at the end of the warmup, so
    /// the rate is continuous there even when the schedule already decays during the warmup epochs.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="learningRate"/> or <paramref name="plan"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule LinearScalingWithWarmup(
        ILearningRateSchedule learningRate,
        long referenceBatchSize,
        TrainingPlan plan,
        long warmupEpochs = 5,
        TrainingClock clock = TrainingClock.Epochs)
    {
        Preconditions.NotNull(learningRate);
        Preconditions.Positive(referenceBatchSize);
        Preconditions.NotNull(plan);
        Preconditions.NonNegative(warmupEpochs);
        var scaled = new BatchScaledSchedule(
            plan.PerStepUnrecorded(learningRate, clock),
            new PowerBatchScalingRule(referenceBatchSize, 1.0),
            1.0);
        long warmupSteps;
        try
        {
            warmupSteps = plan.GetFirstStepOfEpoch(warmupEpochs);
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw Preconditions.OutOfRange(nameof(warmupEpochs), warmupEpochs, $"an epoch whose first step the plan can count ({exception.Message})");
        }

        double baseLearningRate = learningRate.GetLearningRate(0);
        return new WarmupSchedule(
            scaled,
            warmupSteps,
            WarmupShape.Linear,
            baseLearningRate,
            WarmupPlacement.Overlay,
            scaled.GetLearningRate(warmupSteps),
            nameof(learningRate))
            .Declared(nameof(LinearScalingWithWarmup), learningRate, referenceBatchSize, plan, warmupEpochs, clock);
    }
}
