using LrSchedules.Internal;

namespace LrSchedules;

/// <summary>
/// Factories for every learning-rate shape. Each validates its arguments once, here, and returns an immutable,
/// thread-safe schedule whose queries allocate nothing.
/// </summary>
/// <remarks>
/// Terms used the same way by every factory (the glossary in CONTRIBUTING.md): the <i>initial</i> learning rate is the
/// value at step 0, the <i>peak</i> the highest value a shape reaches, the <i>final</i> the value it ends at and holds;
/// <i>total steps</i> is the number of steps a shape takes from its initial to its final value; <i>warmup steps</i> is
/// the length of a warmup; a <i>decay factor</i> multiplies the rate. Parameters come in that order: rates, then
/// lengths, then options. Every factory returns a <see cref="LearningRateSchedule"/>: the concrete shapes are internal,
/// because a training loop only ever queries a schedule. Combine shapes with the extension methods on
/// <see cref="ScheduleExtensions"/>.
/// </remarks>
[ConfigurationFactories]
public static partial class Schedule
{
    /// <summary>Creates a schedule with the same learning rate at every step.</summary>
    /// <param name="learningRate">The learning rate; finite and ≥ 0.</param>
    /// <returns>The constant schedule.</returns>
    /// <exception cref="ScheduleArgumentException"><paramref name="learningRate"/> is negative, NaN or infinite.</exception>
    public static LearningRateSchedule Constant(double learningRate) =>
        new ConstantSchedule(Preconditions.NonNegative(learningRate))
            .Declared(nameof(Constant), learningRate);

    /// <summary>Creates a step decay: the rate is multiplied by <paramref name="decayFactor"/> every <paramref name="stepSize"/> steps.</summary>
    /// <remarks><c>lr(t) = initialLearningRate · decayFactor^floor(t / stepSize)</c> (PyTorch <c>StepLR</c>, timm <c>StepLRScheduler</c>).</remarks>
    /// <param name="initialLearningRate">The learning rate of the first <paramref name="stepSize"/> steps; finite and ≥ 0.</param>
    /// <param name="stepSize">The number of steps between decays; &gt; 0.</param>
    /// <param name="decayFactor">The factor applied at each decay (PyTorch's <c>gamma</c>); in (0, 1], so the rate stays finite at every step.</param>
    /// <returns>The step decay.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule Step(double initialLearningRate, long stepSize, double decayFactor) =>
        new StepDecaySchedule(
            Preconditions.NonNegative(initialLearningRate),
            Preconditions.Positive(stepSize),
            Preconditions.InRange(decayFactor, 0.0, false, 1.0, true))
            .Declared(nameof(Step), initialLearningRate, stepSize, decayFactor);

    /// <summary>Creates a multi-step decay: the rate is multiplied by <paramref name="decayFactor"/> at each milestone.</summary>
    /// <remarks><c>lr(t) = initialLearningRate · decayFactor^k</c>, <c>k</c> the number of milestones ≤ <c>t</c> (PyTorch <c>MultiStepLR</c>).</remarks>
    /// <param name="initialLearningRate">The learning rate before the first milestone; finite and ≥ 0.</param>
    /// <param name="milestones">The steps at which the rate decays; ≥ 0 and strictly increasing. May be empty.</param>
    /// <param name="decayFactor">The factor applied at each milestone (PyTorch's <c>gamma</c>); finite and &gt; 0.</param>
    /// <returns>The multi-step decay.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="milestones"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it, or <paramref name="milestones"/> is not strictly increasing (<see cref="ScheduleArgumentException.Index"/> names the element).</exception>
    public static LearningRateSchedule MultiStep(double initialLearningRate, IEnumerable<long> milestones, double decayFactor)
    {
        Preconditions.NonNegative(initialLearningRate);
        long[] milestoneCopy = Preconditions.StrictlyIncreasing(milestones, 0);
        Preconditions.Positive(decayFactor);
        return new MultiStepSchedule(initialLearningRate, milestoneCopy, decayFactor)
            .Declared(nameof(MultiStep), initialLearningRate, milestoneCopy, decayFactor);
    }

    /// <summary>Creates a cosine decay from <paramref name="initialLearningRate"/> to <paramref name="finalLearningRate"/> over <paramref name="totalSteps"/>, then holds the final rate.</summary>
    /// <remarks><c>lr(t) = final + (initial − final) · (½ (1 + cos(π · min(t, T) / T)))^exponent</c> (optax <c>cosine_decay_schedule</c>, whose <c>alpha</c> is <c>final / initial</c>).</remarks>
    /// <param name="initialLearningRate">The learning rate at step 0; finite and ≥ 0.</param>
    /// <param name="finalLearningRate">The learning rate at <paramref name="totalSteps"/> and after; finite and ≥ 0.</param>
    /// <param name="totalSteps">The number of steps from the initial to the final rate; &gt; 0.</param>
    /// <param name="exponent">The power of the cosine factor (optax's <c>exponent</c>); finite and &gt; 0. Defaults to 1.</param>
    /// <returns>The cosine decay.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule Cosine(double initialLearningRate, double finalLearningRate, long totalSteps, double exponent = 1.0) =>
        new CosineSchedule(
            Preconditions.NonNegative(initialLearningRate),
            Preconditions.Positive(totalSteps),
            Preconditions.NonNegative(finalLearningRate),
            Preconditions.Positive(exponent))
            .Declared(nameof(Cosine), initialLearningRate, finalLearningRate, totalSteps, exponent);

    /// <summary>Creates a schedule from a delegate of the whole step.</summary>
    /// <param name="learningRateAtStep">Returns the learning rate for a step; must be pure, thread-safe and allocation-free.</param>
    /// <returns>A schedule that reads the delegate at <c>floor(position)</c> between steps.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="learningRateAtStep"/> is null.</exception>
    [NotConfigurable("takes a delegate, which configuration cannot express")]
    public static LearningRateSchedule FromFunction(Func<long, double> learningRateAtStep) =>
        new FunctionSchedule(Preconditions.NotNull(learningRateAtStep))
            .Declared(nameof(FromFunction), learningRateAtStep);

    /// <summary>Creates a schedule from a delegate of a continuous position (a whole value is a step).</summary>
    /// <param name="learningRateAtPosition">Returns the learning rate at a position ≥ 0; must be pure, thread-safe and allocation-free.</param>
    /// <returns>A continuous schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="learningRateAtPosition"/> is null.</exception>
    [NotConfigurable("takes a delegate, which configuration cannot express")]
    public static LearningRateSchedule FromFunction(Func<double, double> learningRateAtPosition) =>
        new FunctionSchedule(Preconditions.NotNull(learningRateAtPosition))
            .Declared(nameof(FromFunction), learningRateAtPosition);
}
