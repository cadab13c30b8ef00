namespace LrSchedules.Porting;

/// <summary>
/// optax's <c>optax/schedules</c>, value for value: each method is the schedule function of that name with its
/// parameters C#-cased (<c>init_value</c> → <c>initValue</c>) and its defaults. optax schedules carry every value
/// themselves; nothing is read from an optimizer.
/// </summary>
/// <remarks>
/// <para>Origin: <c>optax/schedules/_schedule.py</c> and <c>_join.py</c> of google-deepmind/optax at commit
/// 2edbcbe2390da13983b92cbef94ac0460ecde1c5 (the golden file records optax 0.2.8 with jax x64). Values match optax
/// with <c>jax_enable_x64</c>; float32 optax differs by about 1e-7 relative.</para>
/// <para>optax's silent fall-backs are reproduced, not rejected: a non-positive <c>transition_steps</c> (and, for
/// exponential decay, a <c>decay_rate</c> of 0) gives a constant <c>init_value</c>; a negative <c>transition_begin</c>
/// counts as 0. What optax leaves undefined (unsorted or negative boundaries, a join whose counts do not match) is
/// rejected.</para>
/// </remarks>
[ConfigurationFactories(Prefix = "optax", SnakeCaseNames = true)]
public static class Optax
{
    /// <summary><c>constant_schedule(value)</c>.</summary>
    /// <remarks><para><expression>Schedule.Constant(value)</expression></para><para>Origin: <c>_schedule.py</c> <c>constant_schedule</c> (commit 2edbcbe2).</para></remarks>
    /// <param name="value">The rate; finite and ≥ 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException"><paramref name="value"/> is out of range.</exception>
    public static LearningRateSchedule ConstantSchedule(double value) =>
        Schedule.Constant(value).Ported()
            .Declared(nameof(ConstantSchedule), value);

    /// <summary><c>polynomial_schedule(init_value, end_value, power, transition_steps, transition_begin=0)</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Polynomial(initValue, endValue, transitionSteps, power).Delay(transitionBegin)</expression> (<expression>Schedule.Linear</expression> when <c>power = 1</c>)</para>
    /// <para>Origin: <c>_schedule.py</c> <c>polynomial_schedule</c> (commit 2edbcbe2): <c>(init − end)(1 − c/T)^power + end</c>
    /// with <c>c = clip(count − begin, 0, T)</c>. Fall-backs reproduced: <c>T ≤ 0</c> → constant <c>init_value</c>;
    /// <c>begin &lt; 0</c> → 0.</para>
    /// </remarks>
    /// <param name="initValue">The value up to <paramref name="transitionBegin"/>; finite and ≥ 0.</param>
    /// <param name="endValue">The value from <c>transitionBegin + transitionSteps</c> on; finite and ≥ 0.</param>
    /// <param name="power">The exponent; finite and &gt; 0.</param>
    /// <param name="transitionSteps">The length of the transition; ≤ 0 gives a constant.</param>
    /// <param name="transitionBegin">The step at which it starts; negative counts as 0. Defaults to 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule PolynomialSchedule(double initValue, double endValue, double power, long transitionSteps, long transitionBegin = 0) =>
        Polynomial(initValue, endValue, power, transitionSteps, transitionBegin).Ported()
            .Declared(nameof(PolynomialSchedule), initValue, endValue, power, transitionSteps, transitionBegin);

    /// <summary><c>linear_schedule(init_value, end_value, transition_steps, transition_begin=0)</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Linear(initValue, endValue, transitionSteps).Delay(transitionBegin)</expression></para>
    /// <para>Origin: <c>_schedule.py</c> <c>linear_schedule</c> (commit 2edbcbe2), <c>polynomial_schedule</c> with power 1 and its fall-backs.</para>
    /// </remarks>
    /// <param name="initValue">The value up to <paramref name="transitionBegin"/>; finite and ≥ 0.</param>
    /// <param name="endValue">The value from <c>transitionBegin + transitionSteps</c> on; finite and ≥ 0.</param>
    /// <param name="transitionSteps">The length of the line; ≤ 0 gives a constant.</param>
    /// <param name="transitionBegin">The step at which it starts; negative counts as 0. Defaults to 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule LinearSchedule(double initValue, double endValue, long transitionSteps, long transitionBegin = 0) =>
        Polynomial(initValue, endValue, 1.0, transitionSteps, transitionBegin).Ported()
            .Declared(nameof(LinearSchedule), initValue, endValue, transitionSteps, transitionBegin);

    private static LearningRateSchedule Polynomial(double init, double end, double power, long transitionSteps, long transitionBegin)
    {
        if (transitionSteps <= 0)
        {
            return Schedule.Constant(init);
        }

        LearningRateSchedule schedule = power == 1.0
            ? Schedule.Linear(init, end, transitionSteps)
            : Schedule.Polynomial(init, end, transitionSteps, power);
        return transitionBegin > 0 ? schedule.Delay(transitionBegin) : schedule;
    }

    /// <summary><c>exponential_decay(init_value, transition_steps, decay_rate, transition_begin=0, staircase=False, end_value=None)</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Exponential(initValue, decayRate, transitionSteps, transitionBegin, staircase, endValue)</expression></para>
    /// <para>Origin: <c>_schedule.py</c> <c>exponential_decay</c> (commit 2edbcbe2). <c>end_value</c> is a floor when
    /// <c>decay_rate &lt; 1</c> and a ceiling otherwise. Fall-backs reproduced: <c>T ≤ 0</c> or <c>decay_rate = 0</c> →
    /// constant; <c>begin &lt; 0</c> → 0. Rejected: a negative rate (NaN in optax), a growth without <c>end_value</c>.</para>
    /// </remarks>
    /// <param name="initValue">The value up to <paramref name="transitionBegin"/>; finite and ≥ 0.</param>
    /// <param name="transitionSteps">The steps per factor of <paramref name="decayRate"/>; ≤ 0 gives a constant.</param>
    /// <param name="decayRate">The factor per <paramref name="transitionSteps"/>; ≥ 0 (0 gives a constant).</param>
    /// <param name="transitionBegin">The step at which the decay starts; negative counts as 0. Defaults to 0.</param>
    /// <param name="staircase">Whether the exponent is floored. Defaults to false.</param>
    /// <param name="endValue">A floor (decay) or ceiling (growth); null for none.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule ExponentialDecay(double initValue, long transitionSteps, double decayRate, long transitionBegin = 0, bool staircase = false, double? endValue = null) =>
        Exponential(initValue, transitionSteps, decayRate, transitionBegin, staircase, endValue).Ported()
            .Declared(nameof(ExponentialDecay), initValue, transitionSteps, decayRate, transitionBegin, staircase, endValue);

    private static LearningRateSchedule Exponential(double init, long transitionSteps, double decayRate, long transitionBegin, bool staircase, double? end)
    {
        if (transitionSteps <= 0 || decayRate == 0.0)
        {
            return Schedule.Constant(init);
        }

        return Schedule.Exponential(init, decayRate, transitionSteps, Math.Max(0, transitionBegin), staircase, end);
    }

    /// <summary><c>cosine_decay_schedule(init_value, decay_steps, alpha=0.0, exponent=1.0)</c>: a half cosine to <c>alpha · init_value</c>, held after.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Cosine(initValue, alpha * initValue, decaySteps, exponent)</expression></para>
    /// <para>Origin: <c>_schedule.py</c> <c>cosine_decay_schedule</c> (commit 2edbcbe2). <c>alpha</c> is a fraction of
    /// <c>init_value</c>, not a rate.</para>
    /// </remarks>
    /// <param name="initValue">The value at step 0; finite and ≥ 0.</param>
    /// <param name="decaySteps">The length of the decay; &gt; 0.</param>
    /// <param name="alpha">The final value as a fraction of <paramref name="initValue"/>; finite and ≥ 0. Defaults to 0.</param>
    /// <param name="exponent">The exponent of the cosine factor; finite and &gt; 0. Defaults to 1.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule CosineDecaySchedule(double initValue, long decaySteps, double alpha = 0.0, double exponent = 1.0) =>
        Schedule.Cosine(initValue, alpha * initValue, decaySteps, exponent).Ported()
            .Declared(nameof(CosineDecaySchedule), initValue, decaySteps, alpha, exponent);

    /// <summary><c>warmup_constant_schedule(init_value, peak_value, warmup_steps)</c>: a line to the peak, held after.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Linear(initValue, peakValue, warmupSteps)</expression></para>
    /// <para>Origin: <c>_schedule.py</c> <c>warmup_constant_schedule</c> (commit 2edbcbe2). Quirk reproduced:
    /// <c>warmup_steps ≤ 0</c> gives a constant <c>init_value</c>, not the peak.</para>
    /// </remarks>
    /// <param name="initValue">The value at step 0; finite and ≥ 0.</param>
    /// <param name="peakValue">The value from <paramref name="warmupSteps"/> on; finite and ≥ 0.</param>
    /// <param name="warmupSteps">The length of the warmup; ≤ 0 gives a constant <paramref name="initValue"/>.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule WarmupConstantSchedule(double initValue, double peakValue, long warmupSteps) =>
        Polynomial(initValue, peakValue, 1.0, warmupSteps, 0).Ported()
            .Declared(nameof(WarmupConstantSchedule), initValue, peakValue, warmupSteps);

    /// <summary><c>warmup_cosine_decay_schedule(init_value, peak_value, warmup_steps, decay_steps, end_value=0.0, exponent=1.0)</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Join([Schedule.Linear(initValue, peakValue, warmupSteps), Schedule.Cosine(peakValue, peakValue == 0 ? 0 : endValue, decaySteps − warmupSteps, exponent)], [warmupSteps])</expression></para>
    /// <para>Origin: <c>_schedule.py</c> <c>warmup_cosine_decay_schedule</c> (commit 2edbcbe2). <c>decay_steps</c> includes
    /// the warmup. Quirks reproduced: with <c>peak_value = 0</c> the end is 0 whatever <c>end_value</c>; with
    /// <c>warmup_steps = 0</c> the cosine starts at step 0. A negative warmup is rejected (optax shifts the cosine).</para>
    /// </remarks>
    /// <param name="initValue">The value at step 0; finite and ≥ 0.</param>
    /// <param name="peakValue">The value at the end of the warmup; finite and ≥ 0.</param>
    /// <param name="warmupSteps">The length of the warmup; ≥ 0.</param>
    /// <param name="decaySteps">The total length, warmup included; &gt; <paramref name="warmupSteps"/>.</param>
    /// <param name="endValue">The final value; finite and ≥ 0. Defaults to 0.</param>
    /// <param name="exponent">The exponent of the cosine factor; finite and &gt; 0. Defaults to 1.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule WarmupCosineDecaySchedule(double initValue, double peakValue, long warmupSteps, long decaySteps, double endValue = 0.0, double exponent = 1.0) =>
        WarmupCosine(initValue, peakValue, warmupSteps, decaySteps, endValue, exponent).Ported()
            .Declared(nameof(WarmupCosineDecaySchedule), initValue, peakValue, warmupSteps, decaySteps, endValue, exponent);

    private static LearningRateSchedule WarmupCosine(double init, double peak, long warmup, long decaySteps, double end, double exponent)
    {
        Preconditions.NonNegative(warmup, "warmupSteps");
        if (decaySteps <= warmup)
        {
            throw Preconditions.OutOfRange("decaySteps", decaySteps, $"> warmupSteps ({warmup}) (optax: the cosine requires positive decay_steps)");
        }

        var cosine = Schedule.Cosine(peak, peak == 0.0 ? 0.0 : end, decaySteps - warmup, exponent);
        return LinearWarmup(cosine, warmup, init, peak);
    }

    private static LearningRateSchedule LinearWarmup(LearningRateSchedule schedule, long warmup, double init, double peak) =>
        warmup <= 0 ? schedule : Schedule.Join([Schedule.Linear(init, peak, warmup), schedule], [warmup]);

    /// <summary><c>warmup_exponential_decay_schedule(init_value, peak_value, warmup_steps, transition_steps, decay_rate, transition_begin=0, staircase=False, end_value=None)</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Join([Schedule.Linear(initValue, peakValue, warmupSteps), ExponentialDecay(peakValue, …)], [warmupSteps])</expression></para>
    /// <para>Origin: <c>_schedule.py</c> <c>warmup_exponential_decay_schedule</c> (commit 2edbcbe2). The exponential's
    /// <c>transition_begin</c> counts from the end of the warmup; its fall-backs apply.</para>
    /// </remarks>
    /// <param name="initValue">The value at step 0; finite and ≥ 0.</param>
    /// <param name="peakValue">The value at the end of the warmup; finite and ≥ 0.</param>
    /// <param name="warmupSteps">The length of the warmup; ≥ 0.</param>
    /// <param name="transitionSteps">The steps per factor; ≤ 0 gives a constant peak.</param>
    /// <param name="decayRate">The factor per <paramref name="transitionSteps"/>; ≥ 0.</param>
    /// <param name="transitionBegin">The step after the warmup at which the decay starts. Defaults to 0.</param>
    /// <param name="staircase">Whether the exponent is floored. Defaults to false.</param>
    /// <param name="endValue">A floor (decay) or ceiling (growth); null for none.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule WarmupExponentialDecaySchedule(double initValue, double peakValue, long warmupSteps, long transitionSteps, double decayRate, long transitionBegin = 0, bool staircase = false, double? endValue = null)
    {
        Preconditions.NonNegative(warmupSteps);
        var decay = Exponential(peakValue, transitionSteps, decayRate, transitionBegin, staircase, endValue);
        return LinearWarmup(decay, warmupSteps, initValue, peakValue).Ported()
            .Declared(nameof(WarmupExponentialDecaySchedule), initValue, peakValue, warmupSteps, transitionSteps, decayRate, transitionBegin, staircase, endValue);
    }

    /// <summary><c>piecewise_constant_schedule(init_value, boundaries_and_scales=None)</c>: from each boundary on, the value is multiplied by its scale.</summary>
    /// <remarks>
    /// <para><expression>Schedule.PiecewiseConstant(initValue, boundariesAndScales)</expression></para>
    /// <para>Origin: <c>_schedule.py</c> <c>piecewise_constant_schedule</c> (commit 2edbcbe2); the scales are cumulative and
    /// non-negative, as there. In configuration the keys of the object are steps.</para>
    /// </remarks>
    /// <param name="initValue">The value before the first boundary; finite and ≥ 0.</param>
    /// <param name="boundariesAndScales">Step → scale; null or empty for a constant.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">A scale is negative, or a boundary is out of range.</exception>
    public static LearningRateSchedule PiecewiseConstantSchedule(double initValue, IReadOnlyDictionary<long, double>? boundariesAndScales = null)
    {
        KeyValuePair<long, double>[] pairs = boundariesAndScales?.ToArray() ?? [];
        return Schedule.PiecewiseConstant(initValue, pairs).Ported()
            .Declared(nameof(PiecewiseConstantSchedule), initValue, pairs);
    }

    /// <summary><c>piecewise_interpolate_schedule(interpolate_type, init_value, boundaries_and_scales=None)</c>: linear or cosine interpolation between cumulative scales.</summary>
    /// <remarks>
    /// <para><expression>Schedule.PiecewiseInterpolated(initValue, boundariesAndScales, linear → Curve.Linear | cosine → Curve.Cosine)</expression></para>
    /// <para>Origin: <c>_schedule.py</c> <c>piecewise_interpolate_schedule</c> (commit 2edbcbe2). Negative boundaries, which
    /// break optax's bounds, are rejected.</para>
    /// </remarks>
    /// <param name="interpolateType">"linear" or "cosine".</param>
    /// <param name="initValue">The value at step 0; finite and ≥ 0.</param>
    /// <param name="boundariesAndScales">Step → scale; null or empty for a constant.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule PiecewiseInterpolateSchedule(string interpolateType, double initValue, IReadOnlyDictionary<long, double>? boundariesAndScales = null)
    {
        Curve curve = Port.OneOf(interpolateType, nameof(interpolateType), "linear", "cosine") == "linear" ? Curve.Linear : Curve.Cosine;
        KeyValuePair<long, double>[] pairs = boundariesAndScales?.ToArray() ?? [];
        return Schedule.PiecewiseInterpolated(initValue, pairs, curve).Ported()
            .Declared(nameof(PiecewiseInterpolateSchedule), interpolateType, initValue, pairs);
    }

    /// <summary><c>cosine_onecycle_schedule(transition_steps, peak_value, pct_start=0.3, div_factor=25.0, final_div_factor=1e4)</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.PiecewiseInterpolated(peakValue / divFactor, { ⌊pctStart·T⌋: divFactor, T: 1 / (divFactor · finalDivFactor) }, Curve.Cosine)</expression></para>
    /// <para>Origin: <c>_schedule.py</c> <c>cosine_onecycle_schedule</c> (commit 2edbcbe2): Python's <c>int()</c> truncates the
    /// boundary; a later dictionary key replaces an equal earlier one (with <c>pct_start = 1</c> the peak is never
    /// reached), reproduced.</para>
    /// </remarks>
    /// <param name="transitionSteps">The length of the cycle; &gt; 0.</param>
    /// <param name="peakValue">The peak; finite and ≥ 0.</param>
    /// <param name="pctStart">The fraction rising; finite and ≥ 0. Defaults to 0.3.</param>
    /// <param name="divFactor">The initial value is <c>peak / div_factor</c>; &gt; 0. Defaults to 25.</param>
    /// <param name="finalDivFactor">The final value is the initial / <c>final_div_factor</c>; &gt; 0. Defaults to 1e4.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule CosineOnecycleSchedule(long transitionSteps, double peakValue, double pctStart = 0.3, double divFactor = 25.0, double finalDivFactor = 1e4)
    {
        Preconditions.Positive(transitionSteps);
        Preconditions.NonNegative(pctStart);
        Preconditions.Positive(divFactor);
        Preconditions.Positive(finalDivFactor);
        return Schedule.PiecewiseInterpolated(
                peakValue / divFactor,
                Scales((Port.PythonInt(pctStart * transitionSteps), divFactor), (transitionSteps, 1.0 / (divFactor * finalDivFactor))),
                Curve.Cosine)
            .Ported()
            .Declared(nameof(CosineOnecycleSchedule), transitionSteps, peakValue, pctStart, divFactor, finalDivFactor);
    }

    /// <summary><c>linear_onecycle_schedule(transition_steps, peak_value, pct_start=0.3, pct_final=0.85, div_factor=25.0, final_div_factor=1e4)</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.PiecewiseInterpolated(peakValue / divFactor, { ⌊pctStart·T⌋: divFactor, ⌊pctFinal·T⌋: 1 / divFactor, T: 1 / finalDivFactor }, Curve.Linear)</expression></para>
    /// <para>Origin: <c>_schedule.py</c> <c>linear_onecycle_schedule</c> (commit 2edbcbe2), with Python's truncation and
    /// dictionary-literal rules (reproduced; optax does not check <c>pct_start ≤ pct_final</c>, neither does this).</para>
    /// </remarks>
    /// <param name="transitionSteps">The length of the cycle; &gt; 0.</param>
    /// <param name="peakValue">The peak; finite and ≥ 0.</param>
    /// <param name="pctStart">The fraction rising; finite and ≥ 0. Defaults to 0.3.</param>
    /// <param name="pctFinal">The fraction at which the second phase ends; finite and ≥ 0. Defaults to 0.85.</param>
    /// <param name="divFactor">The initial value is <c>peak / div_factor</c>; &gt; 0. Defaults to 25.</param>
    /// <param name="finalDivFactor">The final value is the initial / <c>final_div_factor</c>; &gt; 0. Defaults to 1e4.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule LinearOnecycleSchedule(long transitionSteps, double peakValue, double pctStart = 0.3, double pctFinal = 0.85, double divFactor = 25.0, double finalDivFactor = 1e4)
    {
        Preconditions.Positive(transitionSteps);
        Preconditions.NonNegative(pctStart);
        Preconditions.NonNegative(pctFinal);
        Preconditions.Positive(divFactor);
        Preconditions.Positive(finalDivFactor);
        return Schedule.PiecewiseInterpolated(
                peakValue / divFactor,
                Scales(
                    (Port.PythonInt(pctStart * transitionSteps), divFactor),
                    (Port.PythonInt(pctFinal * transitionSteps), 1.0 / divFactor),
                    (transitionSteps, 1.0 / finalDivFactor)),
                Curve.Linear)
            .Ported()
            .Declared(nameof(LinearOnecycleSchedule), transitionSteps, peakValue, pctStart, pctFinal, divFactor, finalDivFactor);
    }

    /// <summary>A dictionary literal: later keys replace earlier equal ones.</summary>
    private static KeyValuePair<long, double>[] Scales(params (long Boundary, double Scale)[] entries)
    {
        var dictionary = new Dictionary<long, double>();
        foreach ((long boundary, double scale) in entries)
        {
            dictionary[boundary] = scale;
        }

        return dictionary.ToArray();
    }

    /// <summary><c>join_schedules(schedules, boundaries)</c>: schedule <c>k</c> from boundary <c>k − 1</c> on, at its local step.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Join(schedules, boundaries)</expression></para>
    /// <para>Origin: <c>_join.py</c> <c>join_schedules</c> (commit 2edbcbe2). optax checks nothing and <c>zip</c> drops extra
    /// entries; here the counts must match (one boundary fewer) and the boundaries increase, as its docstring says.</para>
    /// </remarks>
    /// <param name="schedules">The schedules; at least one.</param>
    /// <param name="boundaries">The switch steps; strictly increasing, one fewer than <paramref name="schedules"/>.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ScheduleArgumentException">The counts do not match or a boundary is out of order.</exception>
    public static LearningRateSchedule JoinSchedules(IEnumerable<ILearningRateSchedule> schedules, IEnumerable<long> boundaries)
    {
        ILearningRateSchedule[] children = Preconditions.NotNull(schedules).ToArray();
        long[] bounds = Preconditions.NotNull(boundaries).ToArray();
        return Schedule.Join(children.Select(c => Port.Unwrapped(Preconditions.NotNull(c, nameof(schedules)))).ToArray(), bounds).Ported()
            .Declared(nameof(JoinSchedules), children, bounds);
    }

    /// <summary><c>sgdr_schedule(cosine_kwargs)</c>: one warmup-cosine per dictionary, joined at the running sums of <c>decay_steps</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Join([WarmupCosineDecaySchedule(**kwargs) for each], running sums of decay_steps)</expression></para>
    /// <para>Origin: <c>_schedule.py</c> <c>sgdr_schedule</c> (commit 2edbcbe2). After the last cycle its cosine holds its end value.</para>
    /// </remarks>
    /// <param name="cosineKwargs">The keyword arguments of each cycle's <see cref="WarmupCosineDecaySchedule"/>; at least one.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ScheduleArgumentException">The list is empty or a cycle's arguments are out of range.</exception>
    public static LearningRateSchedule SgdrSchedule(IEnumerable<WarmupCosineDecayKwargs> cosineKwargs)
    {
        WarmupCosineDecayKwargs[] cycles = Preconditions.NotNull(cosineKwargs).ToArray();
        if (cycles.Length == 0)
        {
            throw Preconditions.OutOfRange(nameof(cosineKwargs), "[]", "at least one cycle");
        }

        var schedules = new LearningRateSchedule[cycles.Length];
        var boundaries = new long[cycles.Length - 1];
        long step = 0;
        for (int i = 0; i < cycles.Length; i++)
        {
            WarmupCosineDecayKwargs k = Preconditions.NotNull(cycles[i], nameof(cosineKwargs));
            schedules[i] = WarmupCosine(k.InitValue, k.PeakValue, k.WarmupSteps, k.DecaySteps, k.EndValue, k.Exponent);
            step = checked(step + k.DecaySteps);
            if (i < boundaries.Length)
            {
                boundaries[i] = step;
            }
        }

        LearningRateSchedule expression = schedules.Length == 1 ? schedules[0] : Schedule.Join(schedules, boundaries);
        // One argument, the array of cycles: passed bare, the array would be taken for the params array of arguments.
        return expression.Ported().Declared(nameof(SgdrSchedule), new object?[] { cycles });
    }
}

/// <summary>The keyword arguments of one <c>sgdr_schedule</c> cycle: those of <see cref="Optax.WarmupCosineDecaySchedule"/>.</summary>
/// <param name="InitValue">The value at the cycle's step 0 (<c>init_value</c>).</param>
/// <param name="PeakValue">The value at the end of the cycle's warmup (<c>peak_value</c>).</param>
/// <param name="WarmupSteps">The cycle's warmup (<c>warmup_steps</c>).</param>
/// <param name="DecaySteps">The cycle's length, warmup included (<c>decay_steps</c>).</param>
/// <param name="EndValue">The cycle's final value (<c>end_value</c>). Defaults to 0.</param>
/// <param name="Exponent">The exponent of the cosine factor (<c>exponent</c>). Defaults to 1.</param>
public sealed record WarmupCosineDecayKwargs(double InitValue, double PeakValue, long WarmupSteps, long DecaySteps, double EndValue = 0.0, double Exponent = 1.0);
