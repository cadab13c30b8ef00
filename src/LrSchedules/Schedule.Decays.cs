using LrSchedules.Internal;

namespace LrSchedules;

// Factories of the decay shapes: exponential, linear, polynomial, inverse time, inverse square root, periodic cosine
// and piecewise (constant and interpolated).
public static partial class Schedule
{
    /// <summary>Creates an exponential decay: the rate is multiplied by <paramref name="decayRate"/> every <paramref name="transitionSteps"/> steps, from <paramref name="transitionBegin"/> on.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0 and up to <paramref name="transitionBegin"/>; finite and ≥ 0.</param>
    /// <param name="decayRate">The factor per <paramref name="transitionSteps"/> steps; finite and &gt; 0. Above 1 (a growth) only
    /// with a <paramref name="finalLearningRate"/> to cap it, because otherwise the rate grows without bound and overflows to
    /// infinity at large steps.</param>
    /// <param name="transitionSteps">The number of steps per factor of <paramref name="decayRate"/>; &gt; 0. Defaults to 1 (PyTorch's <c>ExponentialLR</c>).</param>
    /// <param name="transitionBegin">The step at which the decay starts; ≥ 0. Defaults to 0.</param>
    /// <param name="staircase">Whether the exponent is floored, so the rate changes only every <paramref name="transitionSteps"/> steps. Defaults to <see langword="false"/>.</param>
    /// <param name="finalLearningRate">optax's <c>end_value</c>: a floor when <paramref name="decayRate"/> &lt; 1, a ceiling
    /// otherwise, applied at every step; finite and ≥ 0, or <see langword="null"/> (the default) for none.</param>
    /// <returns>An <see cref="ExponentialSchedule"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it, or <paramref name="decayRate"/> &gt; 1 without a <paramref name="finalLearningRate"/>.</exception>
    public static ExponentialSchedule Exponential(double initialLearningRate, double decayRate, long transitionSteps = 1, long transitionBegin = 0, bool staircase = false, double? finalLearningRate = null)
    {
        Preconditions.NonNegative(initialLearningRate);
        Preconditions.Positive(decayRate);
        Preconditions.Positive(transitionSteps);
        Preconditions.NonNegative(transitionBegin);
        if (finalLearningRate is double final)
        {
            Preconditions.NonNegative(final, nameof(finalLearningRate));
        }
        else if (decayRate > 1.0)
        {
            throw Preconditions.OutOfRange(
                nameof(decayRate),
                decayRate,
                "<= 1 when no finalLearningRate caps the growth (above 1 the learning rate grows without bound and overflows to infinity at large steps; pass finalLearningRate to cap it)");
        }

        return new(initialLearningRate, decayRate, transitionSteps, transitionBegin, staircase, finalLearningRate);
    }

    /// <summary>Creates a straight line from <paramref name="initialLearningRate"/> to <paramref name="finalLearningRate"/> over <paramref name="totalSteps"/>, then holds the final rate.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0; finite and ≥ 0.</param>
    /// <param name="finalLearningRate">The learning rate at <paramref name="totalSteps"/> and after; finite and ≥ 0. May be above the initial rate.</param>
    /// <param name="totalSteps">The number of steps from the initial to the final rate; &gt; 0.</param>
    /// <returns>A <see cref="LinearSchedule"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it.</exception>
    public static LinearSchedule Linear(double initialLearningRate, double finalLearningRate, long totalSteps) =>
        new(
            Preconditions.NonNegative(initialLearningRate),
            Preconditions.NonNegative(finalLearningRate),
            Preconditions.Positive(totalSteps));

    /// <summary>Creates a polynomial decay from <paramref name="initialLearningRate"/> to <paramref name="finalLearningRate"/> over <paramref name="totalSteps"/>, then holds the final rate.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0; finite and ≥ 0.</param>
    /// <param name="finalLearningRate">The learning rate at <paramref name="totalSteps"/> and after; finite and ≥ 0.</param>
    /// <param name="totalSteps">The number of steps from the initial to the final rate; &gt; 0.</param>
    /// <param name="power">The power of the polynomial; finite and &gt; 0. 1 is a straight line.</param>
    /// <returns>A <see cref="PolynomialSchedule"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it.</exception>
    public static PolynomialSchedule Polynomial(double initialLearningRate, double finalLearningRate, long totalSteps, double power) =>
        new(
            Preconditions.NonNegative(initialLearningRate),
            Preconditions.NonNegative(finalLearningRate),
            Preconditions.Positive(totalSteps),
            Preconditions.Positive(power));

    /// <summary>Creates a polynomial decay from <paramref name="initialLearningRate"/> to 0 over <paramref name="totalSteps"/>, then 0: PyTorch's <c>PolynomialLR(total_iters, power)</c>.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0 (PyTorch's base learning rate); finite and ≥ 0.</param>
    /// <param name="totalSteps">The number of steps to reach 0 (PyTorch's <c>total_iters</c>); &gt; 0.</param>
    /// <param name="power">The power of the polynomial; finite and &gt; 0.</param>
    /// <returns>A <see cref="PolynomialSchedule"/> whose final learning rate is 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it.</exception>
    public static PolynomialSchedule Polynomial(double initialLearningRate, long totalSteps, double power) =>
        Polynomial(initialLearningRate, 0.0, totalSteps, power);

    /// <summary>Creates an inverse time decay, Keras' <c>InverseTimeDecay</c>: <c>initial / (1 + decayRate · t / decaySteps)</c>.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0; finite and ≥ 0.</param>
    /// <param name="decaySteps">The number of steps that make one unit of time; &gt; 0.</param>
    /// <param name="decayRate">The growth of the denominator per unit of time; finite and ≥ 0 (0 is constant).</param>
    /// <param name="staircase">Whether time is floored, so the rate changes only every <paramref name="decaySteps"/> steps. Defaults to <see langword="false"/>.</param>
    /// <returns>An <see cref="InverseTimeSchedule"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it.</exception>
    public static InverseTimeSchedule InverseTime(double initialLearningRate, long decaySteps, double decayRate, bool staircase = false) =>
        new(
            Preconditions.NonNegative(initialLearningRate),
            Preconditions.Positive(decaySteps),
            Preconditions.NonNegative(decayRate),
            staircase);

    /// <summary>Creates an inverse square-root decay: <c>initial / √((t + timescale) / timescale)</c>.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0; finite and ≥ 0.</param>
    /// <param name="timescale">The number of steps after which the rate has fallen by a factor √2; &gt; 0. Hugging Face's
    /// default is its number of warmup steps, or 10 000 without warmup.</param>
    /// <returns>An <see cref="InverseSquareRootSchedule"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it.</exception>
    public static InverseSquareRootSchedule InverseSquareRoot(double initialLearningRate, long timescale) =>
        new(
            Preconditions.NonNegative(initialLearningRate),
            Preconditions.Positive(timescale));

    /// <summary>Creates a periodic cosine that does not stop at <paramref name="totalSteps"/>: PyTorch's <c>CosineAnnealingLR</c> and Hugging Face's cosine after warmup.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0 and at each crest; finite and ≥ 0.</param>
    /// <param name="totalSteps">The number of steps in which the wave completes <paramref name="cycles"/> periods; &gt; 0.</param>
    /// <param name="finalLearningRate">The learning rate at each trough; finite and ≥ 0. Defaults to 0.</param>
    /// <param name="cycles">The number of periods in <paramref name="totalSteps"/>; finite and &gt; 0. Defaults to 0.5: one
    /// decay from the initial to the final rate at <paramref name="totalSteps"/>, rising again after it.</param>
    /// <returns>A <see cref="CosineWaveSchedule"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it.</exception>
    public static CosineWaveSchedule CosineWave(double initialLearningRate, long totalSteps, double finalLearningRate = 0.0, double cycles = 0.5) =>
        new(
            Preconditions.NonNegative(initialLearningRate),
            Preconditions.Positive(totalSteps),
            Preconditions.NonNegative(finalLearningRate),
            Preconditions.Positive(cycles));
}
