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

    /// <summary>Creates a piecewise constant schedule: <c>learningRates[i]</c> for <c>boundaries[i − 1] ≤ t &lt; boundaries[i]</c>.</summary>
    /// <param name="boundaries">The steps at which the rate changes; ≥ 0 and strictly increasing. May be empty.</param>
    /// <param name="learningRates">The rates, one more than <paramref name="boundaries"/>: the first before the first boundary,
    /// the last from the last boundary on; each finite and ≥ 0.</param>
    /// <returns>A <see cref="PiecewiseConstantSchedule"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A boundary is negative, or a rate is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentException"><paramref name="boundaries"/> is not strictly increasing, or <paramref name="learningRates"/> does not hold one more value than <paramref name="boundaries"/>.</exception>
    public static PiecewiseConstantSchedule PiecewiseConstant(IEnumerable<long> boundaries, IEnumerable<double> learningRates)
    {
        long[] boundaryCopy = Preconditions.StrictlyIncreasing(boundaries, 0);
        double[] rateCopy = Preconditions.AllNonNegative(learningRates);
        KnotArguments.Count(rateCopy.Length, boundaryCopy.Length + 1, nameof(learningRates), $"one more than the {boundaryCopy.Length} boundaries");
        return new(boundaryCopy, rateCopy);
    }

    /// <summary>Creates optax's <c>piecewise_constant_schedule</c>: the rate is multiplied by each scale from its boundary on.</summary>
    /// <param name="initialLearningRate">The learning rate before the first boundary; finite and ≥ 0.</param>
    /// <param name="boundariesAndScales">optax's <c>boundaries_and_scales</c>: pairs of a step (≥ 0, no step twice, any
    /// order) and the factor (finite and ≥ 0) multiplied into the rate at steps ≥ it. May be empty.</param>
    /// <returns>A <see cref="PiecewiseConstantSchedule"/> with the sorted boundaries and the running products as rates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="boundariesAndScales"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it, or the product of the scales overflows.</exception>
    /// <exception cref="ArgumentException"><paramref name="boundariesAndScales"/> repeats a boundary.</exception>
    public static PiecewiseConstantSchedule PiecewiseConstant(double initialLearningRate, IEnumerable<KeyValuePair<long, double>> boundariesAndScales)
    {
        Preconditions.NonNegative(initialLearningRate);
        (long[] boundaries, double[] learningRates) = KnotArguments.CumulativeScales(initialLearningRate, boundariesAndScales);
        return new(boundaries, learningRates);
    }

    /// <summary>Creates a schedule through knots <c>(positions[i], learningRates[i])</c>, interpolated between them and held before the first and after the last.</summary>
    /// <param name="positions">The positions of the knots on the step clock; at least one, finite, strictly increasing (they may be negative or fractional).</param>
    /// <param name="learningRates">The learning rates at the knots, one per position; each finite and ≥ 0.</param>
    /// <param name="interpolation">How the rate moves between two knots. Defaults to <see cref="Interpolation.Linear"/>.</param>
    /// <returns>A <see cref="PiecewiseInterpolatedSchedule"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A position or rate is outside the range given for it, two positions are too far apart for their difference to be finite, or <paramref name="interpolation"/> is not defined.</exception>
    /// <exception cref="ArgumentException"><paramref name="positions"/> is empty or not strictly increasing, or <paramref name="learningRates"/> does not hold one value per position.</exception>
#pragma warning disable RS0027 // Both overloads take three parameters (the signatures are fixed); neither can gain more positional ones.
    public static PiecewiseInterpolatedSchedule PiecewiseInterpolated(IEnumerable<double> positions, IEnumerable<double> learningRates, Interpolation interpolation = Interpolation.Linear)
#pragma warning restore RS0027
    {
        double[] positionCopy = Preconditions.StrictlyIncreasing(positions);
        if (positionCopy.Length == 0)
        {
            throw new ArgumentException($"{nameof(positions)} must hold at least one knot but is empty.", nameof(positions));
        }

        KnotArguments.FiniteGaps(positionCopy, nameof(positions));
        double[] rateCopy = Preconditions.AllNonNegative(learningRates);
        KnotArguments.Count(rateCopy.Length, positionCopy.Length, nameof(learningRates), $"one per each of the {positionCopy.Length} positions");
        return new(positionCopy, rateCopy, Preconditions.Defined(interpolation));
    }

    /// <summary>Creates optax's <c>piecewise_interpolate_schedule</c>: the running products of the scales, reached at their boundaries and interpolated from step 0.</summary>
    /// <param name="interpolation">optax's <c>interpolate_type</c>: <see cref="Interpolation.Linear"/> or <see cref="Interpolation.Cosine"/>.</param>
    /// <param name="initialLearningRate">optax's <c>init_value</c>, the rate at step 0; finite and ≥ 0.</param>
    /// <param name="boundariesAndScales">optax's <c>boundaries_and_scales</c>: pairs of a step (≥ 0, no step twice, any order)
    /// and the factor (finite and ≥ 0) by which the rate at that step exceeds the rate at the previous boundary. May be empty (a constant).</param>
    /// <returns>A <see cref="PiecewiseInterpolatedSchedule"/> with knots at 0 and at each boundary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="boundariesAndScales"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it, or the product of the scales overflows.</exception>
    /// <exception cref="ArgumentException"><paramref name="boundariesAndScales"/> repeats a boundary.</exception>
    public static PiecewiseInterpolatedSchedule PiecewiseInterpolated(Interpolation interpolation, double initialLearningRate, IEnumerable<KeyValuePair<long, double>> boundariesAndScales)
    {
        Preconditions.Defined(interpolation);
        Preconditions.NonNegative(initialLearningRate);
        (long[] boundaries, double[] values) = KnotArguments.CumulativeScales(initialLearningRate, boundariesAndScales);

        // optax: bounds = (0,) + boundaries. A first boundary at 0 leaves the interval [0, 0) empty, so its knot
        // replaces the initial one.
        int skip = boundaries.Length > 0 && boundaries[0] == 0 ? 1 : 0;
        double[] positions = new double[boundaries.Length + 1 - skip];
        double[] learningRates = new double[positions.Length];
        for (int i = 0; i < positions.Length; i++)
        {
            positions[i] = i + skip == 0 ? 0.0 : boundaries[i + skip - 1];
            learningRates[i] = values[i + skip];
        }

        for (int i = 1; i < positions.Length; i++)
        {
            if (positions[i] <= positions[i - 1])
            {
                throw new ArgumentException(
                    $"{nameof(boundariesAndScales)} boundaries must stay distinct as doubles but {Preconditions.Format(positions[i - 1])} and {Preconditions.Format(positions[i])} collide above 2^53.",
                    nameof(boundariesAndScales));
            }
        }

        return new(positions, learningRates, interpolation);
    }
}
