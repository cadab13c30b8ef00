using LrSchedules.Internal;

namespace LrSchedules;

/// <summary>
/// Factories for every learning-rate shape. Each validates its arguments once, here, and returns an immutable,
/// thread-safe schedule whose queries allocate nothing.
/// </summary>
/// <remarks>
/// Terms used the same way by every factory: the <i>initial</i> learning rate is the value at step 0, the <i>peak</i>
/// the highest value a shape reaches, the <i>final</i> the value it ends at and holds; <i>total steps</i> is the number
/// of steps a shape takes from its initial to its final value; <i>warmup steps</i> is the length of a warmup. Combine
/// shapes with the extension methods on <see cref="ScheduleExtensions"/>.
/// </remarks>
[ConfigurationFactories]
public static partial class Schedule
{
    /// <summary>Creates a schedule with the same learning rate at every step.</summary>
    /// <param name="learningRate">The learning rate; finite and ≥ 0.</param>
    /// <returns>A <see cref="ConstantSchedule"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is negative, NaN or infinite.</exception>
    public static ConstantSchedule Constant(double learningRate) =>
        new(Preconditions.NonNegative(learningRate));

    /// <summary>Creates a step decay: the rate is multiplied by <paramref name="decayRate"/> every <paramref name="stepSize"/> steps.</summary>
    /// <param name="initialLearningRate">The learning rate of the first <paramref name="stepSize"/> steps; finite and ≥ 0.</param>
    /// <param name="stepSize">The number of steps between decays; &gt; 0.</param>
    /// <param name="decayRate">The factor applied at each decay; in (0, 1], so the rate stays finite at every step.</param>
    /// <returns>A <see cref="StepDecaySchedule"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it.</exception>
    public static StepDecaySchedule Step(double initialLearningRate, long stepSize, double decayRate) =>
        new(
            Preconditions.NonNegative(initialLearningRate),
            Preconditions.Positive(stepSize),
            Preconditions.InRange(decayRate, 0.0, false, 1.0, true));

    /// <summary>Creates a multi-step decay: the rate is multiplied by <paramref name="decayRate"/> at each milestone.</summary>
    /// <param name="initialLearningRate">The learning rate before the first milestone; finite and ≥ 0.</param>
    /// <param name="milestones">The steps at which the rate decays; ≥ 0 and strictly increasing. May be empty.</param>
    /// <param name="decayRate">The factor applied at each milestone; finite and &gt; 0.</param>
    /// <returns>A <see cref="MultiStepSchedule"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="milestones"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it.</exception>
    /// <exception cref="ArgumentException"><paramref name="milestones"/> is not strictly increasing.</exception>
    public static MultiStepSchedule MultiStep(double initialLearningRate, IEnumerable<long> milestones, double decayRate) =>
        new(
            Preconditions.NonNegative(initialLearningRate),
            Preconditions.StrictlyIncreasing(milestones, 0),
            Preconditions.Positive(decayRate));

    /// <summary>Creates a cosine decay from <paramref name="initialLearningRate"/> to <paramref name="finalLearningRate"/> over <paramref name="totalSteps"/>, then holds the final rate.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0; finite and ≥ 0.</param>
    /// <param name="totalSteps">The number of steps from the initial to the final rate; &gt; 0.</param>
    /// <param name="finalLearningRate">The learning rate at <paramref name="totalSteps"/> and after; finite and ≥ 0. Defaults to 0.</param>
    /// <param name="exponent">The power of the cosine factor (optax's <c>exponent</c>); finite and &gt; 0. Defaults to 1.</param>
    /// <returns>A <see cref="CosineSchedule"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it.</exception>
    public static CosineSchedule Cosine(double initialLearningRate, long totalSteps, double finalLearningRate = 0.0, double exponent = 1.0) =>
        new(
            Preconditions.NonNegative(initialLearningRate),
            Preconditions.Positive(totalSteps),
            Preconditions.NonNegative(finalLearningRate),
            Preconditions.Positive(exponent));

    /// <summary>Creates a schedule from a delegate of the whole step.</summary>
    /// <param name="learningRateAtStep">Returns the learning rate for a step; must be pure, thread-safe and allocation-free.</param>
    /// <returns>A <see cref="FunctionSchedule"/> that reads the delegate at <c>floor(position)</c> between steps.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="learningRateAtStep"/> is null.</exception>
    [NotConfigurable("takes a delegate, which configuration cannot express")]
    public static FunctionSchedule FromFunction(Func<long, double> learningRateAtStep) =>
        new(Preconditions.NotNull(learningRateAtStep));

    /// <summary>Creates a schedule from a delegate of a continuous position (a whole value is a step).</summary>
    /// <param name="learningRateAtPosition">Returns the learning rate at a position ≥ 0; must be pure, thread-safe and allocation-free.</param>
    /// <returns>A continuous <see cref="FunctionSchedule"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="learningRateAtPosition"/> is null.</exception>
    [NotConfigurable("takes a delegate, which configuration cannot express")]
    public static FunctionSchedule FromFunction(Func<double, double> learningRateAtPosition) =>
        new(Preconditions.NotNull(learningRateAtPosition));
}
