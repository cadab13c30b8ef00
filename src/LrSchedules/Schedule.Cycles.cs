using LrSchedules.Internal;

namespace LrSchedules;

/// <content>Cyclical shapes: warm restarts (cosine, tanh, polynomial), one-cycle, cyclic triangles and warmup–stable–decay.</content>
public static partial class Schedule
{
    /// <summary>
    /// Creates cosine annealing with warm restarts (SGDR): each cycle is half a cosine wave from its peak to
    /// <paramref name="finalLearningRate"/>; each cycle is <paramref name="periodMultiplier"/> times longer and its peak
    /// <paramref name="restartDecay"/> times lower than the one before.
    /// </summary>
    /// <param name="initialLearningRate">The learning rate at step 0, the peak of cycle 0; finite and ≥ 0.</param>
    /// <param name="finalLearningRate">The rate each cycle anneals to and the rate after the last cycle (<c>eta_min</c>, <c>lr_min</c>); finite and ≥ 0.</param>
    /// <param name="periodSteps">The length of cycle 0 in steps (PyTorch's <c>T_0</c>, timm's <c>t_initial</c>); &gt; 0.</param>
    /// <param name="periodMultiplier">The growth of the cycle length (<c>T_mult</c>, <c>cycle_mul</c>); finite and ≥ 1. Defaults to 1.</param>
    /// <param name="restartDecay">The decay of the peak at each restart (<c>cycle_decay</c>); in (0, 1]. Defaults to 1.</param>
    /// <param name="cycleLimit">The number of cycles after which the rate stays at <paramref name="finalLearningRate"/>; ≥ 1, or null (the default) for unlimited restarts as in PyTorch. timm's default is 1.</param>
    /// <param name="kDecay">The k-decay exponent applied to the position in the cycle and to its length (<c>k_decay</c>); finite and &gt; 0. Defaults to 1.</param>
    /// <returns>The cosine with warm restarts.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule CosineWarmRestarts(
        double initialLearningRate,
        double finalLearningRate,
        long periodSteps,
        double periodMultiplier = 1.0,
        double restartDecay = 1.0,
        int? cycleLimit = null,
        double kDecay = 1.0)
    {
        Preconditions.NonNegative(initialLearningRate);
        Preconditions.NonNegative(finalLearningRate);
        var cycles = RestartCycles.Create(periodSteps, periodMultiplier, restartDecay, cycleLimit);
        Preconditions.Positive(kDecay);
        return new CosineWarmRestartsSchedule(initialLearningRate, cycles, finalLearningRate, kDecay)
            .Declared(nameof(CosineWarmRestarts), initialLearningRate, finalLearningRate, periodSteps, periodMultiplier, restartDecay, cycleLimit, kDecay);
    }

    /// <summary>
    /// Creates a hyperbolic-tangent decay from <paramref name="initialLearningRate"/> towards
    /// <paramref name="finalLearningRate"/> over <paramref name="periodSteps"/>, with optional restarts (timm's <c>TanhLRScheduler</c>).
    /// </summary>
    /// <param name="initialLearningRate">The peak of cycle 0 (timm's base learning rate); finite and ≥ 0.</param>
    /// <param name="finalLearningRate">The rate the curve approaches and the rate after the last cycle (<c>lr_min</c>); finite and ≥ 0.</param>
    /// <param name="periodSteps">The length of cycle 0 in steps (<c>t_initial</c>); &gt; 0.</param>
    /// <param name="lowerBound">The argument of tanh at the start of a cycle (<c>lb</c>); finite. Defaults to −7.</param>
    /// <param name="upperBound">The argument of tanh at the end of a cycle (<c>ub</c>); finite and &gt; <paramref name="lowerBound"/>. Defaults to 3.</param>
    /// <param name="periodMultiplier">The growth of the cycle length (<c>cycle_mul</c>); finite and ≥ 1. Defaults to 1.</param>
    /// <param name="restartDecay">The decay of the peak at each restart (<c>cycle_decay</c>); in (0, 1]. Defaults to 1.</param>
    /// <param name="cycleLimit">The number of cycles after which the rate stays at <paramref name="finalLearningRate"/>; ≥ 1, or null for unlimited restarts. Defaults to 1, as in timm.</param>
    /// <returns>The hyperbolic-tangent decay.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule Tanh(
        double initialLearningRate,
        double finalLearningRate,
        long periodSteps,
        double lowerBound = -7.0,
        double upperBound = 3.0,
        double periodMultiplier = 1.0,
        double restartDecay = 1.0,
        int? cycleLimit = 1)
    {
        Preconditions.NonNegative(initialLearningRate);
        Preconditions.NonNegative(finalLearningRate);
        var cycles = RestartCycles.Create(periodSteps, periodMultiplier, restartDecay, cycleLimit);
        Preconditions.Finite(lowerBound);
        if (!(upperBound > lowerBound) || double.IsPositiveInfinity(upperBound))
        {
            throw Preconditions.OutOfRange(
                nameof(upperBound),
                upperBound,
                $"a finite number > lowerBound ({Preconditions.Format(lowerBound)})");
        }

        return new TanhSchedule(initialLearningRate, cycles, finalLearningRate, lowerBound, upperBound)
            .Declared(nameof(Tanh), initialLearningRate, finalLearningRate, periodSteps, lowerBound, upperBound, periodMultiplier, restartDecay, cycleLimit);
    }

    /// <summary>
    /// Creates a polynomial decay from <paramref name="initialLearningRate"/> to <paramref name="finalLearningRate"/> over
    /// <paramref name="periodSteps"/>, with optional restarts (timm's <c>PolyLRScheduler</c>).
    /// </summary>
    /// <param name="initialLearningRate">The learning rate at step 0, the peak of cycle 0; finite and ≥ 0.</param>
    /// <param name="finalLearningRate">The rate each cycle decays to and the rate after the last cycle (<c>lr_min</c>); finite and ≥ 0.</param>
    /// <param name="periodSteps">The length of cycle 0 in steps (<c>t_initial</c>); &gt; 0.</param>
    /// <param name="power">The exponent of the decay (<c>power</c>; timm's default is 0.5, 1 is linear); finite and &gt; 0.</param>
    /// <param name="periodMultiplier">The growth of the cycle length (<c>cycle_mul</c>); finite and ≥ 1. Defaults to 1.</param>
    /// <param name="restartDecay">The decay of the peak at each restart (<c>cycle_decay</c>); in (0, 1]. Defaults to 1.</param>
    /// <param name="cycleLimit">The number of cycles after which the rate stays at <paramref name="finalLearningRate"/>; ≥ 1, or null for unlimited restarts. Defaults to 1, as in timm.</param>
    /// <param name="kDecay">The k-decay exponent applied to the position in the cycle and to its length (<c>k_decay</c>); finite and &gt; 0. Defaults to 1.</param>
    /// <returns>The polynomial decay with restarts.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule PolynomialWarmRestarts(
        double initialLearningRate,
        double finalLearningRate,
        long periodSteps,
        double power,
        double periodMultiplier = 1.0,
        double restartDecay = 1.0,
        int? cycleLimit = 1,
        double kDecay = 1.0)
    {
        Preconditions.NonNegative(initialLearningRate);
        Preconditions.NonNegative(finalLearningRate);
        var cycles = RestartCycles.Create(periodSteps, periodMultiplier, restartDecay, cycleLimit);
        Preconditions.Positive(power);
        Preconditions.Positive(kDecay);
        return new PolynomialWarmRestartsSchedule(initialLearningRate, cycles, power, finalLearningRate, kDecay)
            .Declared(nameof(PolynomialWarmRestarts), initialLearningRate, finalLearningRate, periodSteps, power, periodMultiplier, restartDecay, cycleLimit, kDecay);
    }

    /// <summary>
    /// Creates the 1cycle policy of PyTorch's <c>OneCycleLR</c>: from <c>peak / initialDivisor</c> up to
    /// <paramref name="peakLearningRate"/> over the first <paramref name="warmupFraction"/> of
    /// <paramref name="totalSteps"/>, then down to <c>peak / initialDivisor / finalDivisor</c> at step
    /// <c>totalSteps − 1</c>, held after.
    /// </summary>
    /// <param name="peakLearningRate">The highest rate (PyTorch's <c>max_lr</c>); finite and ≥ 0.</param>
    /// <param name="totalSteps">The number of steps of the cycle (<c>total_steps</c>, or <c>epochs · steps_per_epoch</c>); &gt; 0.</param>
    /// <param name="warmupFraction">The fraction of the steps spent rising (<c>pct_start</c>); in [0, 1]. Defaults to 0.3.</param>
    /// <param name="curve">The annealing curve (<c>anneal_strategy</c>): <see cref="Curve.Cosine"/> (<c>"cos"</c>, the default) or <see cref="Curve.Linear"/> (<c>"linear"</c>).</param>
    /// <param name="initialDivisor">The initial rate is <c>peak / initialDivisor</c> (<c>div_factor</c>); finite and &gt; 0. Defaults to 25.</param>
    /// <param name="finalDivisor">The final rate is <c>initial / finalDivisor</c> (<c>final_div_factor</c>); finite and &gt; 0. Defaults to 1e4.</param>
    /// <param name="threePhase">Whether to come back down to the initial rate before annealing to the final rate (<c>three_phase</c>). Defaults to false.</param>
    /// <returns>The one-cycle schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it, or a divisor is so small that a rate overflows.</exception>
    public static LearningRateSchedule OneCycle(
        double peakLearningRate,
        long totalSteps,
        double warmupFraction = 0.3,
        Curve curve = Curve.Cosine,
        double initialDivisor = 25.0,
        double finalDivisor = 1e4,
        bool threePhase = false)
    {
        Preconditions.NonNegative(peakLearningRate);
        Preconditions.Positive(totalSteps);
        Preconditions.InClosedRange(warmupFraction, 0.0, 1.0);
        Preconditions.OneOf(curve, [Curve.Linear, Curve.Cosine]);
        Preconditions.Positive(initialDivisor);
        Preconditions.Positive(finalDivisor);

        // PyTorch: group["initial_lr"] = max_lrs[idx] / div_factor; group["min_lr"] = group["initial_lr"] / final_div_factor.
        double initialLearningRate = peakLearningRate / initialDivisor;
        if (!double.IsFinite(initialLearningRate))
        {
            throw Preconditions.OutOfRange(nameof(initialDivisor), initialDivisor, "large enough that peakLearningRate / initialDivisor is finite");
        }

        double finalLearningRate = initialLearningRate / finalDivisor;
        if (!double.IsFinite(finalLearningRate))
        {
            throw Preconditions.OutOfRange(nameof(finalDivisor), finalDivisor, "large enough that peakLearningRate / initialDivisor / finalDivisor is finite");
        }

        return new OneCycleSchedule(
            peakLearningRate,
            totalSteps,
            warmupFraction,
            curve,
            initialDivisor,
            finalDivisor,
            threePhase,
            initialLearningRate,
            finalLearningRate)
            .Declared(nameof(OneCycle), peakLearningRate, totalSteps, warmupFraction, curve, initialDivisor, finalDivisor, threePhase);
    }

    /// <summary>
    /// Creates PyTorch's cyclical learning rate (<c>CyclicLR</c>): triangles from <paramref name="initialLearningRate"/> up to
    /// <paramref name="peakLearningRate"/> in <paramref name="stepsUp"/> steps and back in <paramref name="stepsDown"/> steps,
    /// their amplitude scaled per <paramref name="mode"/>.
    /// </summary>
    /// <param name="initialLearningRate">The rate at the start of every cycle (<c>base_lr</c>); finite and ≥ 0.</param>
    /// <param name="peakLearningRate">The rate at the top of the first triangle (<c>max_lr</c>); finite and ≥ 0.</param>
    /// <param name="stepsUp">The steps of the rising half (<c>step_size_up</c>); &gt; 0.</param>
    /// <param name="stepsDown">The steps of the falling half (<c>step_size_down</c>); &gt; 0, or null (the default) for <paramref name="stepsUp"/>.</param>
    /// <param name="mode">How the amplitude changes (<c>mode</c>). Defaults to <see cref="CyclicMode.Triangular"/>.</param>
    /// <param name="decayFactor">The per-step amplitude factor of <see cref="CyclicMode.ExponentialRange"/> (<c>gamma</c>); in (0, 1]. Defaults to 1.</param>
    /// <returns>The cyclical schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule Cyclic(
        double initialLearningRate,
        double peakLearningRate,
        long stepsUp,
        long? stepsDown = null,
        CyclicMode mode = CyclicMode.Triangular,
        double decayFactor = 1.0)
    {
        Preconditions.NonNegative(initialLearningRate);
        Preconditions.NonNegative(peakLearningRate);
        return CyclicShape(initialLearningRate, peakLearningRate, stepsUp, stepsDown, mode, decayFactor)
            .Declared(nameof(Cyclic), initialLearningRate, peakLearningRate, stepsUp, stepsDown, mode, decayFactor);
    }

    /// <summary>Validates the triangle of <see cref="Cyclic"/> (and <see cref="CyclicMomentum"/>) and builds it between two values the caller has checked.</summary>
    private static CyclicSchedule CyclicShape(double initialValue, double peakValue, long stepsUp, long? stepsDown, CyclicMode mode, double decayFactor)
    {
        Preconditions.Positive(stepsUp);
        long down = stepsDown is long given ? Preconditions.Positive(given, nameof(stepsDown)) : stepsUp;
        Preconditions.Defined(mode);
        Preconditions.InRange(decayFactor, 0.0, false, 1.0, true);
        return new CyclicSchedule(initialValue, peakValue, stepsUp, down, mode, decayFactor);
    }

    /// <summary>
    /// Creates Hugging Face's warmup–stable–decay schedule (<c>get_wsd_schedule</c>): a warmup from
    /// <c>finalRatio · peak</c> to <paramref name="peakLearningRate"/>, a stable phase at the peak, a decay to
    /// <c>finalRatio · peak</c>, then that floor for ever.
    /// </summary>
    /// <param name="peakLearningRate">The rate of the stable phase (the optimizer's base learning rate); finite and ≥ 0.</param>
    /// <param name="warmupSteps">The steps of the warmup (<c>num_warmup_steps</c>); ≥ 0.</param>
    /// <param name="stableSteps">The steps at the peak (<c>num_stable_steps</c>, or <c>num_training_steps − num_warmup_steps − num_decay_steps</c>); ≥ 0.</param>
    /// <param name="decaySteps">The steps of the decay (<c>num_decay_steps</c>); &gt; 0.</param>
    /// <param name="decayCurve">The decay curve (<c>decay_type</c>): linear, cosine, 1 − √p or <see cref="Curve.Exponential"/>
    /// (Megatron-LM's, which Hugging Face does not have). Defaults to <see cref="Curve.Cosine"/>, as in Hugging Face.</param>
    /// <param name="finalRatio">The floor as a fraction of the peak (<c>min_lr_ratio</c>); in [0, 1]. Defaults to 0.</param>
    /// <param name="warmupCurve">The warmup curve (<c>warmup_type</c>): linear, cosine or 1 − √(1 − p). Defaults to <see cref="Curve.Linear"/>, as in Hugging Face.</param>
    /// <param name="cycles">The number of cosine waves over a cosine decay (<c>num_cycles</c>); finite and &gt; 0. Defaults to 0.5.</param>
    /// <returns>The warmup–stable–decay schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it, or the three phases together exceed <see cref="long.MaxValue"/> steps.</exception>
#pragma warning disable RS0026 // Two parameterizations of one shape; configuration tells them apart by their keys.
    public static LearningRateSchedule WarmupStableDecay(
#pragma warning restore RS0026
        double peakLearningRate,
        long warmupSteps,
        long stableSteps,
        long decaySteps,
        Curve decayCurve = Curve.Cosine,
        double finalRatio = 0.0,
        Curve warmupCurve = Curve.Linear,
        double cycles = 0.5)
    {
        Preconditions.NonNegative(peakLearningRate);
        Preconditions.NonNegative(warmupSteps);
        Preconditions.NonNegative(stableSteps);
        Preconditions.Positive(decaySteps);
        if (stableSteps > long.MaxValue - warmupSteps - decaySteps)
        {
            throw Preconditions.OutOfRange(nameof(stableSteps), stableSteps, "small enough that warmupSteps + stableSteps + decaySteps <= long.MaxValue");
        }

        Preconditions.Defined(decayCurve);
        Preconditions.InClosedRange(finalRatio, 0.0, 1.0);
        Preconditions.OneOf(warmupCurve, [Curve.Linear, Curve.Cosine, Curve.OneMinusSquareRoot]);
        Preconditions.Positive(cycles);
        return new WarmupStableDecaySchedule(peakLearningRate, warmupSteps, stableSteps, decaySteps, decayCurve, finalRatio, warmupCurve, cycles)
            .Declared(nameof(WarmupStableDecay), peakLearningRate, warmupSteps, stableSteps, decaySteps, decayCurve, finalRatio, warmupCurve, cycles);
    }

    /// <summary>
    /// Creates Megatron-LM's warmup–stable–decay schedule (<c>lr_decay_style = "WSD"</c>): a linear warmup from
    /// <paramref name="initialLearningRate"/> to <paramref name="peakLearningRate"/> over <paramref name="warmupSteps"/>,
    /// the peak, then an anneal over the last <paramref name="decaySteps"/> steps before <paramref name="totalSteps"/> to
    /// <paramref name="finalLearningRate"/>, held after.
    /// </summary>
    /// <remarks>
    /// <para>Megatron's arithmetic, bit for bit: <c>I + ((P − I) · t) / W</c> for <c>t ≤ W</c>, then
    /// <c>F + c(r) · (P − F)</c> with <c>c = 1</c> up to step <c>T − S</c> and, for <c>r = (t − (T − S)) / S</c>,
    /// <c>c = 2 · 0.5^r − 1</c> for <see cref="Curve.Exponential"/> (Megatron's default), <c>1 − r</c>,
    /// <c>0.5 · (cos(π r) + 1)</c> or <c>1 − √r</c>; <c>F</c> after <c>T</c>. The Hugging Face parameterization (a
    /// floor as a ratio of the peak, stable steps instead of total steps) is the other overload; its arithmetic differs
    /// from Megatron's by an ulp in places, so use this one to reproduce a Megatron run.</para>
    /// <para>Origin: <c>megatron/core/optimizer_param_scheduler.py</c>, <c>OptimizerParamScheduler.get_lr</c> (commit
    /// 3d87bfc1b71cbb6473da1a4142ed5d99773ff701); names: <c>init_lr</c> (<c>--lr-warmup-init</c>), <c>max_lr</c>,
    /// <c>min_lr</c>, <c>lr_warmup_steps</c>, <c>lr_decay_steps</c>, <c>wsd_decay_steps</c>, <c>lr_wsd_decay_style</c>.
    /// Divergences, rejected here where Megatron accepts them: a negative initial rate, <c>wsd_decay_steps</c> of 0 or
    /// above <c>lr_decay_steps − lr_warmup_steps</c>, and a fractional warmup (<c>lr_warmup_fraction · lr_decay_steps</c>,
    /// which Megatron does not round).</para>
    /// </remarks>
    /// <param name="initialLearningRate">The rate at step 0, where the warmup starts (<c>init_lr</c>); finite, ≥ 0 and ≤ <paramref name="peakLearningRate"/>.</param>
    /// <param name="peakLearningRate">The rate at the end of the warmup and through the stable phase (<c>max_lr</c>); finite and ≥ 0.</param>
    /// <param name="finalLearningRate">The rate at <paramref name="totalSteps"/> and after (<c>min_lr</c>); finite, ≥ 0 and ≤ <paramref name="peakLearningRate"/>.</param>
    /// <param name="warmupSteps">The steps of the warmup, inclusive of its last (<c>lr_warmup_steps</c>); ≥ 0 and &lt; <paramref name="totalSteps"/>. 0: no warmup.</param>
    /// <param name="totalSteps">The step at which the final rate is reached, warmup included (<c>lr_decay_steps</c>); &gt; 0.</param>
    /// <param name="decaySteps">The anneal steps at the end (<c>wsd_decay_steps</c>); ≥ 1 and ≤ <paramref name="totalSteps"/> − <paramref name="warmupSteps"/>.</param>
    /// <param name="decayCurve">The anneal curve (<c>lr_wsd_decay_style</c>). Defaults to <see cref="Curve.Exponential"/>, as in Megatron-LM's configuration.</param>
    /// <returns>The warmup–stable–decay schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
#pragma warning disable RS0026 // Two parameterizations of one shape; configuration tells them apart by their keys.
    public static LearningRateSchedule WarmupStableDecay(
#pragma warning restore RS0026
        double initialLearningRate,
        double peakLearningRate,
        double finalLearningRate,
        long warmupSteps,
        long totalSteps,
        long decaySteps,
        Curve decayCurve = Curve.Exponential)
    {
        Preconditions.NonNegative(initialLearningRate);
        Preconditions.NonNegative(peakLearningRate);
        Preconditions.NonNegative(finalLearningRate);
        if (initialLearningRate > peakLearningRate)
        {
            throw Preconditions.OutOfRange(nameof(initialLearningRate), initialLearningRate, $"<= peakLearningRate ({Preconditions.Format(peakLearningRate)})");
        }

        if (finalLearningRate > peakLearningRate)
        {
            throw Preconditions.OutOfRange(nameof(finalLearningRate), finalLearningRate, $"<= peakLearningRate ({Preconditions.Format(peakLearningRate)})");
        }

        Preconditions.NonNegative(warmupSteps);
        Preconditions.Positive(totalSteps);
        if (warmupSteps >= totalSteps)
        {
            throw Preconditions.OutOfRange(nameof(warmupSteps), warmupSteps, $"< totalSteps ({Preconditions.Format(totalSteps)})");
        }

        if (decaySteps < 1 || decaySteps > totalSteps - warmupSteps)
        {
            throw Preconditions.OutOfRange(nameof(decaySteps), decaySteps, $"in [1, totalSteps - warmupSteps = {Preconditions.Format(totalSteps - warmupSteps)}]");
        }

        Preconditions.Defined(decayCurve);
        return new MegatronWarmupStableDecaySchedule(initialLearningRate, peakLearningRate, finalLearningRate, warmupSteps, totalSteps, decaySteps, decayCurve)
            .Declared(nameof(WarmupStableDecay), initialLearningRate, peakLearningRate, finalLearningRate, warmupSteps, totalSteps, decaySteps, decayCurve);
    }
}
