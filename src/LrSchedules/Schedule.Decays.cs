using LrSchedules.Internal;

namespace LrSchedules;

// Factories of the decay shapes: exponential, linear, polynomial, inverse time, inverse square root, periodic cosine
// and piecewise (constant and interpolated).
public static partial class Schedule
{
    /// <summary>Creates an exponential decay: the rate is multiplied by <paramref name="decayFactor"/> every <paramref name="transitionSteps"/> steps, from <paramref name="transitionBegin"/> on.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0 and up to <paramref name="transitionBegin"/>; finite and ≥ 0.</param>
    /// <param name="decayFactor">The factor per <paramref name="transitionSteps"/> steps (PyTorch's <c>gamma</c>, optax's <c>decay_rate</c>); finite and &gt; 0. Above 1 (a growth) only
    /// with a <paramref name="finalLearningRate"/> to cap it, because otherwise the rate grows without bound and overflows to
    /// infinity at large steps.</param>
    /// <param name="transitionSteps">The number of steps per factor of <paramref name="decayFactor"/>; &gt; 0. Defaults to 1 (PyTorch's <c>ExponentialLR</c>).</param>
    /// <param name="transitionBegin">The step at which the decay starts; ≥ 0. Defaults to 0.</param>
    /// <param name="staircase">Whether the exponent is floored, so the rate changes only every <paramref name="transitionSteps"/> steps. Defaults to <see langword="false"/>.</param>
    /// <param name="finalLearningRate">optax's <c>end_value</c>: a floor when <paramref name="decayFactor"/> &lt; 1, a ceiling
    /// otherwise, applied at every step; finite and ≥ 0, or <see langword="null"/> (the default) for none.</param>
    /// <returns>The exponential decay.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it, or <paramref name="decayFactor"/> &gt; 1 without a <paramref name="finalLearningRate"/>.</exception>
    public static LearningRateSchedule Exponential(double initialLearningRate, double decayFactor, long transitionSteps = 1, long transitionBegin = 0, bool staircase = false, double? finalLearningRate = null)
    {
        Preconditions.NonNegative(initialLearningRate);
        Preconditions.Positive(decayFactor);
        Preconditions.Positive(transitionSteps);
        Preconditions.NonNegative(transitionBegin);
        if (finalLearningRate is double final)
        {
            Preconditions.NonNegative(final, nameof(finalLearningRate));
        }
        else if (decayFactor > 1.0)
        {
            throw Preconditions.OutOfRange(
                nameof(decayFactor),
                decayFactor,
                "<= 1 when no finalLearningRate caps the growth (above 1 the learning rate grows without bound and overflows to infinity at large steps; pass finalLearningRate to cap it)");
        }

        return new ExponentialSchedule(initialLearningRate, decayFactor, transitionSteps, transitionBegin, staircase, finalLearningRate)
            .Declared(nameof(Exponential), initialLearningRate, decayFactor, transitionSteps, transitionBegin, staircase, finalLearningRate);
    }

    /// <summary>Creates a straight line from <paramref name="initialLearningRate"/> to <paramref name="finalLearningRate"/> over <paramref name="totalSteps"/>, then holds the final rate.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0; finite and ≥ 0.</param>
    /// <param name="finalLearningRate">The learning rate at <paramref name="totalSteps"/> and after; finite and ≥ 0. May be above the initial rate.</param>
    /// <param name="totalSteps">The number of steps from the initial to the final rate; &gt; 0.</param>
    /// <returns>The straight line.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule Linear(double initialLearningRate, double finalLearningRate, long totalSteps) =>
        new LinearSchedule(
            Preconditions.NonNegative(initialLearningRate),
            Preconditions.NonNegative(finalLearningRate),
            Preconditions.Positive(totalSteps))
            .Declared(nameof(Linear), initialLearningRate, finalLearningRate, totalSteps);

    /// <summary>Creates a polynomial decay from <paramref name="initialLearningRate"/> to <paramref name="finalLearningRate"/> over <paramref name="totalSteps"/>, then holds the final rate.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0; finite and ≥ 0.</param>
    /// <param name="finalLearningRate">The learning rate at <paramref name="totalSteps"/> and after; finite and ≥ 0.</param>
    /// <param name="totalSteps">The number of steps from the initial to the final rate; &gt; 0.</param>
    /// <param name="power">The power of the polynomial; finite and &gt; 0. 1 is a straight line.</param>
    /// <returns>The polynomial decay.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule Polynomial(double initialLearningRate, double finalLearningRate, long totalSteps, double power) =>
        new PolynomialSchedule(
            Preconditions.NonNegative(initialLearningRate),
            Preconditions.NonNegative(finalLearningRate),
            Preconditions.Positive(totalSteps),
            Preconditions.Positive(power))
            .Declared(nameof(Polynomial), initialLearningRate, finalLearningRate, totalSteps, power);

    /// <summary>Creates a polynomial decay from <paramref name="initialLearningRate"/> to 0 over <paramref name="totalSteps"/>, then 0: PyTorch's <c>PolynomialLR(total_iters, power)</c>.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0 (PyTorch's base learning rate); finite and ≥ 0.</param>
    /// <param name="totalSteps">The number of steps to reach 0 (PyTorch's <c>total_iters</c>); &gt; 0.</param>
    /// <param name="power">The power of the polynomial; finite and &gt; 0.</param>
    /// <returns>The polynomial decay to 0.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule Polynomial(double initialLearningRate, long totalSteps, double power) =>
        new PolynomialSchedule(
            Preconditions.NonNegative(initialLearningRate),
            0.0,
            Preconditions.Positive(totalSteps),
            Preconditions.Positive(power))
            .Declared(nameof(Polynomial), initialLearningRate, totalSteps, power);

    /// <summary>Creates an inverse time decay, Keras' <c>InverseTimeDecay</c>: <c>initial / (1 + decayRate · t / decaySteps)</c>.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0; finite and ≥ 0.</param>
    /// <param name="decaySteps">The number of steps that make one unit of time; &gt; 0.</param>
    /// <param name="decayRate">The growth of the denominator per unit of time, an additive rate (Keras' <c>decay_rate</c>), unlike the multiplicative <c>decayFactor</c> of the other decays; finite and ≥ 0 (0 is constant).</param>
    /// <param name="staircase">Whether time is floored, so the rate changes only every <paramref name="decaySteps"/> steps. Defaults to <see langword="false"/>.</param>
    /// <returns>The inverse time decay.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule InverseTime(double initialLearningRate, long decaySteps, double decayRate, bool staircase = false) =>
        new InverseTimeSchedule(
            Preconditions.NonNegative(initialLearningRate),
            Preconditions.Positive(decaySteps),
            Preconditions.NonNegative(decayRate),
            staircase)
            .Declared(nameof(InverseTime), initialLearningRate, decaySteps, decayRate, staircase);

    /// <summary>Creates an inverse square-root decay: <c>initial / √((t + timescale) / timescale)</c>.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0; finite and ≥ 0.</param>
    /// <param name="timescale">The number of steps after which the rate has fallen by a factor √2; &gt; 0. Hugging Face's
    /// default is its number of warmup steps, or 10 000 without warmup.</param>
    /// <returns>The inverse square-root decay.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule InverseSquareRoot(double initialLearningRate, long timescale) =>
        new InverseSquareRootSchedule(
            Preconditions.NonNegative(initialLearningRate),
            Preconditions.Positive(timescale))
            .Declared(nameof(InverseSquareRoot), initialLearningRate, timescale);

    /// <summary>Creates a periodic cosine that does not stop at <paramref name="totalSteps"/>: PyTorch's <c>CosineAnnealingLR</c> and Hugging Face's cosine after warmup.</summary>
    /// <param name="initialLearningRate">The learning rate at step 0 and at each crest; finite and ≥ 0.</param>
    /// <param name="finalLearningRate">The learning rate at each trough; finite and ≥ 0.</param>
    /// <param name="totalSteps">The number of steps in which the wave completes <paramref name="cycles"/> periods; &gt; 0.</param>
    /// <param name="cycles">The number of periods in <paramref name="totalSteps"/>; finite and &gt; 0. Defaults to 0.5: one
    /// decay from the initial to the final rate at <paramref name="totalSteps"/>, rising again after it.</param>
    /// <returns>The periodic cosine.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule CosineWave(double initialLearningRate, double finalLearningRate, long totalSteps, double cycles = 0.5) =>
        new CosineWaveSchedule(
            Preconditions.NonNegative(initialLearningRate),
            Preconditions.Positive(totalSteps),
            Preconditions.NonNegative(finalLearningRate),
            Preconditions.Positive(cycles))
            .Declared(nameof(CosineWave), initialLearningRate, finalLearningRate, totalSteps, cycles);

    /// <summary>Creates a piecewise constant schedule: <c>learningRates[i]</c> for <c>boundaries[i − 1] ≤ t &lt; boundaries[i]</c>.</summary>
    /// <param name="learningRates">The rates, one more than <paramref name="boundaries"/>: the first before the first boundary,
    /// the last from the last boundary on; each finite and ≥ 0.</param>
    /// <param name="boundaries">The steps at which the rate changes; ≥ 0 and strictly increasing. May be empty.</param>
    /// <returns>The piecewise constant schedule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ScheduleArgumentException">A boundary is negative or out of order, a rate is negative, NaN or infinite
    /// (<see cref="ScheduleArgumentException.Index"/> names the element), or <paramref name="learningRates"/> does not hold one more value than <paramref name="boundaries"/>.</exception>
    public static LearningRateSchedule PiecewiseConstant(IEnumerable<double> learningRates, IEnumerable<long> boundaries)
    {
        double[] rateCopy = Preconditions.AllNonNegative(learningRates);
        long[] boundaryCopy = Preconditions.StrictlyIncreasing(boundaries, 0);
        Preconditions.Count(rateCopy.Length, boundaryCopy.Length + 1, nameof(learningRates), $"one more than the {boundaryCopy.Length} boundaries");
        return new PiecewiseConstantSchedule(boundaryCopy, rateCopy)
            .Declared(nameof(PiecewiseConstant), rateCopy, boundaryCopy);
    }

    /// <summary>Creates optax's <c>piecewise_constant_schedule</c>: the rate is multiplied by each scale from its boundary on.</summary>
    /// <param name="initialLearningRate">The learning rate before the first boundary; finite and ≥ 0.</param>
    /// <param name="boundariesAndScales">optax's <c>boundaries_and_scales</c>: pairs of a step (≥ 0, no step twice, any
    /// order) and the factor (finite and ≥ 0) multiplied into the rate at steps ≥ it. May be empty.</param>
    /// <returns>The piecewise constant schedule, with the sorted boundaries and the running products as rates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="boundariesAndScales"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it, a boundary repeats, or the product of the scales overflows.</exception>
    public static LearningRateSchedule PiecewiseConstant(double initialLearningRate, IEnumerable<KeyValuePair<long, double>> boundariesAndScales)
    {
        Preconditions.NonNegative(initialLearningRate);
        KeyValuePair<long, double>[] pairs = Preconditions.NotNull(boundariesAndScales).ToArray();
        (long[] boundaries, double[] learningRates) = KnotArguments.CumulativeScales(initialLearningRate, pairs, nameof(boundariesAndScales));
        return new PiecewiseConstantSchedule(boundaries, learningRates)
            .Declared(nameof(PiecewiseConstant), initialLearningRate, pairs);
    }

    /// <summary>Creates a schedule through knots <c>(positions[i], learningRates[i])</c>, interpolated between them and held before the first and after the last.</summary>
    /// <param name="learningRates">The learning rates at the knots, one per position; each finite and ≥ 0.</param>
    /// <param name="positions">The positions of the knots on the step clock; at least one, finite, strictly increasing (they may be negative or fractional).</param>
    /// <param name="curve">How the rate moves between two knots: <see cref="Curve.Linear"/> (the default) or <see cref="Curve.Cosine"/>.</param>
    /// <returns>The interpolated schedule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ScheduleArgumentException">A position or rate is outside the range given for it (<see cref="ScheduleArgumentException.Index"/> names the element), <paramref name="positions"/> is empty,
    /// two positions are too far apart for their difference to be finite, the counts differ, or <paramref name="curve"/> is not linear or cosine.</exception>
#pragma warning disable RS0026, RS0027 // Both overloads take three parameters (the signatures are fixed); neither can gain more positional ones.
    public static LearningRateSchedule PiecewiseInterpolated(IEnumerable<double> learningRates, IEnumerable<double> positions, Curve curve = Curve.Linear)
#pragma warning restore RS0026, RS0027
    {
        double[] rateCopy = Preconditions.AllNonNegative(learningRates);
        double[] positionCopy = Preconditions.StrictlyIncreasing(positions);
        if (positionCopy.Length == 0)
        {
            throw Preconditions.OutOfRange(nameof(positions), positionCopy.Length, "at least one knot long (the count is shown)");
        }

        KnotArguments.FiniteGaps(positionCopy, nameof(positions));
        Preconditions.Count(rateCopy.Length, positionCopy.Length, nameof(learningRates), $"one per each of the {positionCopy.Length} positions");
        Preconditions.OneOf(curve, InterpolationCurves);
        return new PiecewiseInterpolatedSchedule(positionCopy, rateCopy, curve)
            .Declared(nameof(PiecewiseInterpolated), rateCopy, positionCopy, curve);
    }

    /// <summary>Creates optax's <c>piecewise_interpolate_schedule</c>: the running products of the scales, reached at their boundaries and interpolated from step 0.</summary>
    /// <param name="initialLearningRate">optax's <c>init_value</c>, the rate at step 0; finite and ≥ 0.</param>
    /// <param name="boundariesAndScales">optax's <c>boundaries_and_scales</c>: pairs of a step (≥ 0, no step twice, any order)
    /// and the factor (finite and ≥ 0) by which the rate at that step exceeds the rate at the previous boundary. May be empty (a constant).</param>
    /// <param name="curve">optax's <c>interpolate_type</c>: <see cref="Curve.Linear"/> (the default) or <see cref="Curve.Cosine"/>.</param>
    /// <returns>The interpolated schedule, with knots at 0 and at each boundary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="boundariesAndScales"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it, a boundary repeats, or the product of the scales overflows.</exception>
#pragma warning disable RS0026, RS0027 // Both overloads take three parameters (the signatures are fixed); neither can gain more positional ones.
    public static LearningRateSchedule PiecewiseInterpolated(double initialLearningRate, IEnumerable<KeyValuePair<long, double>> boundariesAndScales, Curve curve = Curve.Linear)
#pragma warning restore RS0026, RS0027
    {
        Preconditions.NonNegative(initialLearningRate);
        KeyValuePair<long, double>[] pairs = Preconditions.NotNull(boundariesAndScales).ToArray();
        Preconditions.OneOf(curve, InterpolationCurves);
        (long[] boundaries, double[] values) = KnotArguments.CumulativeScales(initialLearningRate, pairs, nameof(boundariesAndScales));

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
                throw Preconditions.OutOfRange(
                    nameof(boundariesAndScales),
                    boundaries[i + skip - 1],
                    $"a boundary that stays distinct from {Preconditions.Format(positions[i - 1])} as a double (they collide above 2^53)");
            }
        }

        return new PiecewiseInterpolatedSchedule(positions, learningRates, curve)
            .Declared(nameof(PiecewiseInterpolated), initialLearningRate, pairs, curve);
    }

    private static readonly Curve[] InterpolationCurves = [Curve.Linear, Curve.Cosine];

    /// <summary>
    /// Creates the power schedule of OLMo-core's <c>PowerLR</c> (IBM's power scheduler, Shen et al. 2024): a linear warmup
    /// from <paramref name="initialLearningRate"/> to <paramref name="peakLearningRate"/> over
    /// <paramref name="warmupSteps"/>, the power law <c>peak · (t / warmupSteps)^exponent</c>, then a straight line over
    /// the last <paramref name="decaySteps"/> steps before <paramref name="totalSteps"/> to
    /// <paramref name="finalLearningRate"/>, held after.
    /// </summary>
    /// <remarks>
    /// <para>OLMo's arithmetic, bit for bit up to <paramref name="totalSteps"/>: <c>I + ((P − I) · t) / W</c> for
    /// <c>t ≤ W</c>; <c>F + ((P_tail − F) · (T − t)) / D</c> from <c>T − D</c>, with <c>P_tail = P · ((T − D) / W)^b</c>;
    /// <c>P · (t / W)^b</c> between. Names: OLMo's <c>initial_lr</c> (the optimizer's rate) is the <i>peak</i> here and
    /// its <c>warmup_min_lr</c> the <i>initial</i> rate; <c>decay_min_lr</c> is the final rate, <c>warmup</c>,
    /// <c>t_max</c>, <c>decay</c> and <c>b</c> are <paramref name="warmupSteps"/>, <paramref name="totalSteps"/>,
    /// <paramref name="decaySteps"/> and <paramref name="exponent"/>. Divergence: past <c>t_max</c> OLMo's tail keeps
    /// falling below the final rate and below zero; here the rate holds at the final rate.</para>
    /// <para>Origin: <c>src/olmo_core/optim/scheduler.py</c>, <c>PowerLR.get_lr</c> (commit
    /// 73637f7b8222fdcc02da53c9542676b49f1ab5c8). OLMo's asserts and its divisions by zero are rejected here, at
    /// construction, as is a warmup overlapping the tail, which OLMo accepts.</para>
    /// </remarks>
    /// <param name="initialLearningRate">The rate at step 0 (OLMo's <c>warmup_min_lr</c>, 0 by default there); finite, ≥ 0 and &lt; <paramref name="peakLearningRate"/>.</param>
    /// <param name="peakLearningRate">The rate at the end of the warmup (OLMo's <c>initial_lr</c>); finite and &gt; <paramref name="initialLearningRate"/>.</param>
    /// <param name="finalLearningRate">The rate at <paramref name="totalSteps"/> and after (OLMo's <c>decay_min_lr</c>); finite, ≥ 0 and below the power-law rate where the tail starts.</param>
    /// <param name="warmupSteps">The steps of the warmup, inclusive of its last (OLMo's <c>warmup</c>); ≥ 1 and &lt; <paramref name="totalSteps"/>.</param>
    /// <param name="totalSteps">The step at which the final rate is reached (OLMo's <c>t_max</c>); &gt; 0.</param>
    /// <param name="decaySteps">The steps of the linear tail (OLMo's <c>decay</c>); ≥ 1 and ≤ <paramref name="totalSteps"/> − <paramref name="warmupSteps"/>.</param>
    /// <param name="exponent">The power-law exponent (OLMo's <c>b</c>); finite and &lt; 0. Defaults to −0.51, OLMo's default.</param>
    /// <returns>The power schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
#pragma warning disable RS0026 // Two parameterizations of one shape (steps or OLMo's fractions); configuration tells them apart by their keys.
    public static LearningRateSchedule Power(
#pragma warning restore RS0026
        double initialLearningRate,
        double peakLearningRate,
        double finalLearningRate,
        long warmupSteps,
        long totalSteps,
        long decaySteps,
        double exponent = -0.51) =>
        CreatePower(initialLearningRate, peakLearningRate, finalLearningRate, warmupSteps, totalSteps, decaySteps, exponent, nameof(warmupSteps), warmupSteps, nameof(decaySteps), decaySteps)
            .Declared(nameof(Power), initialLearningRate, peakLearningRate, finalLearningRate, warmupSteps, totalSteps, decaySteps, exponent);

    /// <summary>
    /// Creates the power schedule of OLMo-core's <c>PowerLR</c> with its warmup and tail given as fractions of
    /// <paramref name="totalSteps"/> (<c>warmup_fraction</c>, <c>decay_fraction</c>), turned into steps as OLMo does:
    /// Python's <c>round(t_max * fraction)</c>, half to even on the double product.
    /// </summary>
    /// <remarks>
    /// The shape and its origin are those of the other overload. The fractions are resolved once, here, with
    /// <c>Math.Round(totalSteps * fraction)</c> (<see cref="MidpointRounding.ToEven"/>, the same integers as Python's
    /// <c>round()</c>: 250 · 0.05 = 12.5 → 12, 70 · 0.05 = 3.5 → 4); OLMo resolves them at every call from its trainer's
    /// horizon, which is the same number for a fixed horizon.
    /// </remarks>
    /// <param name="initialLearningRate">The rate at step 0 (OLMo's <c>warmup_min_lr</c>); finite, ≥ 0 and &lt; <paramref name="peakLearningRate"/>.</param>
    /// <param name="peakLearningRate">The rate at the end of the warmup (OLMo's <c>initial_lr</c>); finite and &gt; <paramref name="initialLearningRate"/>.</param>
    /// <param name="finalLearningRate">The rate at <paramref name="totalSteps"/> and after (OLMo's <c>decay_min_lr</c>); finite, ≥ 0 and below the power-law rate where the tail starts.</param>
    /// <param name="totalSteps">The step at which the final rate is reached (OLMo's <c>t_max</c>); &gt; 0.</param>
    /// <param name="warmupFraction">The warmup as a fraction of <paramref name="totalSteps"/> (OLMo's <c>warmup_fraction</c>); in [0, 1], rounding to at least 1 step.</param>
    /// <param name="decayFraction">The tail as a fraction of <paramref name="totalSteps"/> (OLMo's <c>decay_fraction</c>); in [0, 1], rounding to at least 1 step and leaving room for the warmup. Defaults to 0.1, OLMo's default.</param>
    /// <param name="exponent">The power-law exponent (OLMo's <c>b</c>); finite and &lt; 0. Defaults to −0.51, OLMo's default.</param>
    /// <returns>The power schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
#pragma warning disable RS0026 // Two parameterizations of one shape (steps or OLMo's fractions); configuration tells them apart by their keys.
    public static LearningRateSchedule Power(
#pragma warning restore RS0026
        double initialLearningRate,
        double peakLearningRate,
        double finalLearningRate,
        long totalSteps,
        double warmupFraction,
        double decayFraction = 0.1,
        double exponent = -0.51)
    {
        Preconditions.InClosedRange(warmupFraction, 0.0, 1.0);
        Preconditions.InClosedRange(decayFraction, 0.0, 1.0);

        // Python's round(t_max * fraction): half to even, on the double product.
        long warmupSteps = (long)Math.Round(totalSteps * warmupFraction);
        long decaySteps = (long)Math.Round(totalSteps * decayFraction);
        return CreatePower(initialLearningRate, peakLearningRate, finalLearningRate, warmupSteps, totalSteps, decaySteps, exponent, nameof(warmupFraction), warmupFraction, nameof(decayFraction), decayFraction)
            .Declared(nameof(Power), initialLearningRate, peakLearningRate, finalLearningRate, totalSteps, warmupFraction, decayFraction, exponent);
    }

    private static PowerSchedule CreatePower(
        double initialLearningRate,
        double peakLearningRate,
        double finalLearningRate,
        long warmupSteps,
        long totalSteps,
        long decaySteps,
        double exponent,
        string warmupName,
        object warmupGiven,
        string decayName,
        object decayGiven)
    {
        Preconditions.NonNegative(initialLearningRate);
        Preconditions.NonNegative(peakLearningRate);
        if (!(initialLearningRate < peakLearningRate))
        {
            throw Preconditions.OutOfRange(nameof(initialLearningRate), initialLearningRate, $"< peakLearningRate ({Preconditions.Format(peakLearningRate)})");
        }

        Preconditions.NonNegative(finalLearningRate);
        Preconditions.Positive(totalSteps);
        if (warmupSteps < 1 || warmupSteps >= totalSteps)
        {
            throw Preconditions.OutOfRange(warmupName, warmupGiven, $"a warmup of at least 1 step and less than totalSteps ({Preconditions.Format(totalSteps)}); it gives {Preconditions.Format(warmupSteps)} steps");
        }

        if (decaySteps < 1 || decaySteps > totalSteps - warmupSteps)
        {
            throw Preconditions.OutOfRange(decayName, decayGiven, $"a tail of at least 1 step that leaves the warmup whole, at most totalSteps - warmup = {Preconditions.Format(totalSteps - warmupSteps)} steps; it gives {Preconditions.Format(decaySteps)} steps");
        }

        if (!(exponent < 0.0) || !double.IsFinite(exponent))
        {
            throw Preconditions.OutOfRange(nameof(exponent), exponent, "a finite number < 0");
        }

        double tailStart = PowerSchedule.TailStartRate(peakLearningRate, warmupSteps, totalSteps, decaySteps, exponent);
        if (!(finalLearningRate < tailStart))
        {
            throw Preconditions.OutOfRange(nameof(finalLearningRate), finalLearningRate, $"< the rate where the tail starts, peakLearningRate * ((totalSteps - decay) / warmup)^exponent = {Preconditions.Format(tailStart)}");
        }

        return new PowerSchedule(initialLearningRate, peakLearningRate, finalLearningRate, warmupSteps, totalSteps, decaySteps, exponent);
    }
}
