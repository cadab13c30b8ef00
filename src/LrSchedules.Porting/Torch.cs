namespace LrSchedules.Porting;

/// <summary>
/// PyTorch's <c>torch.optim.lr_scheduler</c>, value for value: each method is the scheduler of that name with its
/// parameters (C#-cased: <c>T_max</c> → <c>tMax</c>, <c>eta_min</c> → <c>etaMin</c>) and its defaults, and the
/// optimizer's learning rate as <c>lr</c> where the scheduler reads it from the optimizer (its <c>initial_lr</c>).
/// </summary>
/// <remarks>
/// <para>Origin: <c>torch/optim/lr_scheduler.py</c> of pytorch/pytorch at commit
/// 008f727ece1520e12c25089a7969d5b8fca75f8e (the golden file records torch 2.11). The value at step <c>t</c> is the rate
/// after construction and <c>t</c> calls of <c>scheduler.step()</c>: the rate used by optimizer step <c>t</c>.</para>
/// <para>Common divergences: <c>last_epoch</c> (resuming) is not a parameter, every rate is a single number (one
/// parameter group), and what PyTorch computes recursively (<c>get_lr</c>) is computed in closed form, equal up to
/// rounding (about 1e-16 relative per step).</para>
/// </remarks>
[ConfigurationFactories(Prefix = "torch.optim.lr_scheduler", Alias = "torch")]
public static class Torch
{
    private static readonly HashSet<string> Multiplicative =
        [nameof(StepLR), nameof(MultiStepLR), nameof(ConstantLR), nameof(LinearLR), nameof(ExponentialLR), nameof(PolynomialLR), nameof(MultiplicativeLR)];

    /// <summary>The most steps <see cref="MultiplicativeLR(double, Func{long, double}, long)"/> precomputes.</summary>
    public const long MultiplicativeTableCap = 10_000_000;

    /// <summary><c>LambdaLR(optimizer, lr_lambda)</c>: <c>lr · lr_lambda(t)</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.FromFunction(t =&gt; lr * lrLambda(t))</expression></para>
    /// <para>Origin: <c>torch/optim/lr_scheduler.py</c> <c>LambdaLR.get_lr</c> (commit 008f727e). The delegate must be pure:
    /// the schedule calls it on every query, and a negative, NaN or infinite product makes that query throw.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and ≥ 0.</param>
    /// <param name="lrLambda">The factor at each step (<c>lr_lambda</c>); pure.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lrLambda"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException"><paramref name="lr"/> is negative, NaN or infinite.</exception>
    [NotConfigurable("takes a delegate (lr_lambda), which configuration cannot express")]
    public static LearningRateSchedule LambdaLR(double lr, Func<long, double> lrLambda)
    {
        Preconditions.NonNegative(lr);
        Preconditions.NotNull(lrLambda);
        return Schedule.FromFunction(step => lr * lrLambda(step)).Ported()
            .Declared(nameof(LambdaLR), lr, lrLambda);
    }

    /// <summary><c>MultiplicativeLR(optimizer, lr_lambda)</c> with a constant factor: <c>lr · lr_lambda^t</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Exponential(lr, lrLambda)</expression></para>
    /// <para>Origin: <c>MultiplicativeLR.get_lr</c> (commit 008f727e): <c>lr(0) = lr</c>, <c>lr(t) = lr(t − 1) · λ(t)</c>.
    /// With a constant <c>λ</c> the running product is the closed form <c>lr · λ^t</c>, valid at every step. PyTorch
    /// accepts a factor above 1; so does this method only while the product stays finite, which the core's
    /// <see cref="Schedule.Exponential"/> cannot promise: a factor above 1 is rejected.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="lrLambda">The factor applied at every step after step 0; in (0, 1].</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule MultiplicativeLR(double lr, double lrLambda) =>
        Schedule.Exponential(lr, lrLambda).Ported()
            .Declared(nameof(MultiplicativeLR), lr, lrLambda);

    /// <summary><c>MultiplicativeLR(optimizer, lr_lambda)</c> with a factor per step: <c>lr · Π_{k=1..t} lr_lambda(k)</c>, precomputed.</summary>
    /// <remarks>
    /// <para><expression>Schedule.PiecewiseConstant([lr, lr·λ(1), lr·λ(1)·λ(2), …], [1, 2, …, totalSteps])</expression></para>
    /// <para>Origin: <c>MultiplicativeLR.get_lr</c> (commit 008f727e): <c>λ(0)</c> is never applied and each step multiplies
    /// the previous rate, a running product over all earlier steps with no closed form. <b>How it keeps the per-step
    /// contract:</b> the product is computed once, here, for steps 0 … <paramref name="totalSteps"/> (at most
    /// <see cref="MultiplicativeTableCap"/> steps, 8 bytes each), in PyTorch's order; a query is then a binary search, pure
    /// and allocation-free. <b>Divergence:</b> past <paramref name="totalSteps"/> the rate holds at its value at
    /// <paramref name="totalSteps"/> (PyTorch would keep multiplying). The delegate is called only here.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="lrLambda">The factor of each step (<c>lr_lambda</c>), called for steps 1 … <paramref name="totalSteps"/>; each product must stay finite and ≥ 0.</param>
    /// <param name="totalSteps">The last step precomputed (not an origin parameter: the table's length); in [0, <see cref="MultiplicativeTableCap"/>].</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lrLambda"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it, or a product is negative, NaN or infinite (the index names the step).</exception>
    [NotConfigurable("takes a delegate (lr_lambda), which configuration cannot express; the constant-factor overload is configurable")]
    public static LearningRateSchedule MultiplicativeLR(double lr, Func<long, double> lrLambda, long totalSteps)
    {
        Preconditions.NonNegative(lr);
        Preconditions.NotNull(lrLambda);
        if (totalSteps < 0 || totalSteps > MultiplicativeTableCap)
        {
            throw Preconditions.OutOfRange(nameof(totalSteps), totalSteps, $"in [0, {MultiplicativeTableCap}] (the steps precomputed)");
        }

        var rates = new double[totalSteps + 1];
        var boundaries = new long[totalSteps];
        rates[0] = lr;
        for (long step = 1; step <= totalSteps; step++)
        {
            double rate = rates[step - 1] * lrLambda(step);
            if (!(rate >= 0.0) || double.IsPositiveInfinity(rate))
            {
                throw Preconditions.OutOfRange(nameof(lrLambda), rate, "a factor whose running product stays finite and >= 0", checked((int)step));
            }

            rates[step] = rate;
            boundaries[step - 1] = step;
        }

        return Schedule.PiecewiseConstant(rates, boundaries).Ported()
            .Declared(nameof(MultiplicativeLR), lr, lrLambda, totalSteps);
    }

    /// <summary><c>StepLR(optimizer, step_size, gamma=0.1)</c>: <c>lr · gamma^⌊t / step_size⌋</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Step(lr, stepSize, gamma)</expression></para>
    /// <para>Origin: <c>StepLR</c> (commit 008f727e). PyTorch raises ZeroDivisionError for <c>step_size = 0</c> at the first step; here it is rejected at construction.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="stepSize">The period of the decay (<c>step_size</c>); &gt; 0.</param>
    /// <param name="gamma">The factor per period; finite and &gt; 0. Defaults to 0.1.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule StepLR(double lr, long stepSize, double gamma = 0.1) =>
        Schedule.Step(lr, stepSize, gamma).Ported()
            .Declared(nameof(StepLR), lr, stepSize, gamma);

    /// <summary><c>MultiStepLR(optimizer, milestones, gamma=0.1)</c>: <c>lr · gamma^(milestones ≤ t)</c>, a milestone listed twice decaying twice.</summary>
    /// <remarks>
    /// <para><expression>Schedule.MultiStep(lr, sorted milestones, gamma)</expression>, or, with repeated milestones,
    /// <expression>Schedule.PiecewiseConstant(rates, distinct milestones)</expression></para>
    /// <para>Origin: <c>MultiStepLR</c> (commit 008f727e): the milestones are a <c>Counter</c>, so a repeat counts twice
    /// (reproduced); PyTorch does not sort them and its docs require increasing ones: they are sorted here. A negative
    /// milestone, which PyTorch never reaches, is rejected.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="milestones">The steps at which the rate is multiplied by <paramref name="gamma"/>; each ≥ 0.</param>
    /// <param name="gamma">The factor per milestone; finite and &gt; 0. Defaults to 0.1.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="milestones"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule MultiStepLR(double lr, IEnumerable<long> milestones, double gamma = 0.1)
    {
        long[] copy = Preconditions.NotNull(milestones).ToArray();
        return CountedMilestones(lr, copy, gamma, nameof(milestones)).Ported()
            .Declared(nameof(MultiStepLR), lr, copy, gamma);
    }

    /// <summary>Milestones that count as often as they are listed (PyTorch's <c>Counter</c>, timm's <c>bisect_right</c>).</summary>
    internal static LearningRateSchedule CountedMilestones(double lr, long[] milestones, double gamma, string paramName)
    {
        Preconditions.NonNegative(lr);
        Preconditions.Positive(gamma);
        for (int i = 0; i < milestones.Length; i++)
        {
            if (milestones[i] < 0)
            {
                throw Preconditions.OutOfRange(paramName, milestones[i], "a step >= 0", i);
            }
        }

        long[] sorted = milestones.Order().ToArray();
        long[] distinct = sorted.Distinct().ToArray();
        if (distinct.Length == sorted.Length && (sorted.Length == 0 || sorted[0] > 0))
        {
            return Schedule.MultiStep(lr, sorted, gamma);
        }

        // Repeats multiply once per listing; a milestone 0 applies from step 0.
        int zeros = sorted.Count(m => m == 0);
        long[] boundaries = distinct.Where(m => m > 0).ToArray();
        var rates = new double[boundaries.Length + 1];
        rates[0] = lr * Math.Pow(gamma, zeros);
        for (int i = 0; i < boundaries.Length; i++)
        {
            int repeats = sorted.Count(m => m == boundaries[i]);
            rates[i + 1] = rates[i] * Math.Pow(gamma, repeats);
        }

        return Schedule.PiecewiseConstant(rates, boundaries);
    }

    /// <summary><c>ConstantLR(optimizer, factor=1/3, total_iters=5)</c>: <c>lr · factor</c> for <c>t &lt; total_iters</c>, then <c>lr</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Constant(lr).WithConstantWarmup(lr * factor, totalIters, WarmupPlacement.Overlay)</expression></para>
    /// <para>Origin: <c>ConstantLR</c> (commit 008f727e), validation <c>0 ≤ factor ≤ 1</c> as there. Quirk reproduced:
    /// with <c>total_iters = 0</c> PyTorch's <c>get_lr</c> applies the factor at step 0 and never lifts it, so the rate is
    /// <c>lr · factor</c> for ever (<expression>Schedule.Constant(lr * factor)</expression>).</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="factor">The factor during the first steps; in [0, 1]. Defaults to 1/3.</param>
    /// <param name="totalIters">The steps the factor applies (<c>total_iters</c>); ≥ 0. Defaults to 5.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule ConstantLR(double lr, double factor = 1.0 / 3, long totalIters = 5)
    {
        Preconditions.NonNegative(lr);
        Preconditions.InClosedRange(factor, 0.0, 1.0);
        Preconditions.NonNegative(totalIters);
        LearningRateSchedule expression = totalIters == 0
            ? Schedule.Constant(lr * factor)
            : Schedule.Constant(lr).WithConstantWarmup(lr * factor, totalIters, WarmupPlacement.Overlay);
        return expression.Ported().Declared(nameof(ConstantLR), lr, factor, totalIters);
    }

    /// <summary><c>LinearLR(optimizer, start_factor=1/3, end_factor=1.0, total_iters=5)</c>: a line from <c>lr · start_factor</c> to <c>lr · end_factor</c> over <c>total_iters</c>, held after.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Linear(lr * startFactor, lr * endFactor, totalIters)</expression></para>
    /// <para>Origin: <c>LinearLR</c> (commit 008f727e), validation as there (<c>0 &lt; start_factor ≤ 1</c>,
    /// <c>0 ≤ end_factor ≤ 1</c>). Quirk reproduced: with <c>total_iters = 0</c> <c>get_lr</c> holds
    /// <c>lr · start_factor</c> for ever (<expression>Schedule.Constant(lr * startFactor)</expression>).</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="startFactor">The factor at step 0; in (0, 1]. Defaults to 1/3.</param>
    /// <param name="endFactor">The factor from <paramref name="totalIters"/> on; in [0, 1]. Defaults to 1.</param>
    /// <param name="totalIters">The length of the line; ≥ 0. Defaults to 5.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule LinearLR(double lr, double startFactor = 1.0 / 3, double endFactor = 1.0, long totalIters = 5)
    {
        Preconditions.NonNegative(lr);
        Preconditions.InRange(startFactor, 0.0, false, 1.0, true);
        Preconditions.InClosedRange(endFactor, 0.0, 1.0);
        Preconditions.NonNegative(totalIters);
        LearningRateSchedule expression = totalIters == 0
            ? Schedule.Constant(lr * startFactor)
            : Schedule.Linear(lr * startFactor, lr * endFactor, totalIters);
        return expression.Ported().Declared(nameof(LinearLR), lr, startFactor, endFactor, totalIters);
    }

    /// <summary><c>ExponentialLR(optimizer, gamma)</c>: <c>lr · gamma^t</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Exponential(lr, gamma)</expression></para>
    /// <para>Origin: <c>ExponentialLR</c> (commit 008f727e). Divergence: PyTorch accepts <c>gamma &gt; 1</c> (a growth that
    /// overflows to infinity); it is rejected here.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="gamma">The factor per step; in (0, 1].</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule ExponentialLR(double lr, double gamma) =>
        Schedule.Exponential(lr, gamma).Ported()
            .Declared(nameof(ExponentialLR), lr, gamma);

    /// <summary><c>PolynomialLR(optimizer, total_iters=5, power=1.0)</c>: <c>lr · (1 − min(t, total_iters) / total_iters)^power</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Polynomial(lr, 0, totalIters, power)</expression></para>
    /// <para>Origin: <c>PolynomialLR</c> (commit 008f727e). Quirk reproduced: with <c>total_iters = 0</c> <c>get_lr</c>
    /// keeps <c>lr</c> for ever (<expression>Schedule.Constant(lr)</expression>).</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="totalIters">The steps to 0; ≥ 0. Defaults to 5.</param>
    /// <param name="power">The exponent; finite and &gt; 0. Defaults to 1.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule PolynomialLR(double lr, long totalIters = 5, double power = 1.0)
    {
        Preconditions.NonNegative(totalIters);
        LearningRateSchedule expression = totalIters == 0
            ? Schedule.Constant(lr)
            : Schedule.Polynomial(lr, 0.0, totalIters, power);
        return expression.Ported().Declared(nameof(PolynomialLR), lr, totalIters, power);
    }

    /// <summary><c>CosineAnnealingLR(optimizer, T_max, eta_min=0.0)</c>: <c>eta_min + (lr − eta_min)(1 + cos(π t / T_max)) / 2</c>, a wave that goes on past <c>T_max</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.CosineWave(lr, etaMin, tMax, 0.5)</expression></para>
    /// <para>Origin: <c>CosineAnnealingLR</c> (commit 008f727e). Quirk reproduced: PyTorch's recursive form follows the
    /// periodic cosine past <c>T_max</c>, back up to <c>lr</c> at <c>2·T_max</c> (use <see cref="Schedule.Cosine"/> to hold
    /// <c>eta_min</c> instead).</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="tMax">The half-period (<c>T_max</c>); &gt; 0.</param>
    /// <param name="etaMin">The trough (<c>eta_min</c>); finite and ≥ 0. Defaults to 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule CosineAnnealingLR(double lr, [ConfigurationName("T_max")] long tMax, double etaMin = 0.0) =>
        Schedule.CosineWave(lr, etaMin, tMax, 0.5).Ported()
            .Declared(nameof(CosineAnnealingLR), lr, tMax, etaMin);

    /// <summary><c>CosineAnnealingWarmRestarts(optimizer, T_0, T_mult=1, eta_min=0.0)</c>: SGDR, each cycle <c>T_mult</c> times longer.</summary>
    /// <remarks>
    /// <para><expression>Schedule.CosineWarmRestarts(lr, etaMin, t0, tMult)</expression></para>
    /// <para>Origin: <c>CosineAnnealingWarmRestarts.step</c> (commit 008f727e), stepped without an epoch argument: the
    /// cycle is found in integer arithmetic, as PyTorch's counter does. Validation as there (<c>T_0 &gt; 0</c>,
    /// <c>T_mult ≥ 1</c>).</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="t0">The first cycle's length (<c>T_0</c>); &gt; 0.</param>
    /// <param name="tMult">The growth of the cycle length (<c>T_mult</c>); ≥ 1. Defaults to 1.</param>
    /// <param name="etaMin">The trough (<c>eta_min</c>); finite and ≥ 0. Defaults to 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule CosineAnnealingWarmRestarts(double lr, [ConfigurationName("T_0")] long t0, [ConfigurationName("T_mult")] long tMult = 1, double etaMin = 0.0)
    {
        Preconditions.AtLeast(tMult, 1);
        return Schedule.CosineWarmRestarts(lr, etaMin, t0, tMult).Ported()
            .Declared(nameof(CosineAnnealingWarmRestarts), lr, t0, tMult, etaMin);
    }

    /// <summary>
    /// <c>CyclicLR(optimizer, base_lr, max_lr, step_size_up=2000, step_size_down=None, mode="triangular", gamma=1.0,
    /// scale_fn=None, scale_mode="cycle", cycle_momentum=True, base_momentum=0.8, max_momentum=0.9)</c>: triangles
    /// between <c>base_lr</c> and <c>max_lr</c>.
    /// </summary>
    /// <remarks>
    /// <para><expression>Schedule.Cyclic(baseLr, maxLr, stepSizeUp, stepSizeDown, mode, gamma)</expression>; with a
    /// <paramref name="scaleFn"/>, PyTorch's <c>get_lr</c> verbatim
    /// (<expression>Schedule.FromFunction(t =&gt; base + (max − base) · scale(t) · scaleFn(cycle or t))</expression>).</para>
    /// <para>Origin: <c>CyclicLR</c> (commit 008f727e). The optimizer's rate is not read (PyTorch overwrites it with
    /// <c>base_lr</c>). Quirk reproduced: without <c>scale_fn</c>, <c>scale_mode</c> is ignored (PyTorch forces "cycle" for
    /// the triangular modes and "iterations" for exp_range). The momentum arguments cycle the optimizer's momentum and
    /// do not change the rate; here they are validated as finite numbers only, and <see cref="GetMomentum"/> returns
    /// that momentum from this schedule.</para>
    /// </remarks>
    /// <param name="baseLr">The lower bound (<c>base_lr</c>); finite and ≥ 0.</param>
    /// <param name="maxLr">The upper bound (<c>max_lr</c>); finite and ≥ <paramref name="baseLr"/>.</param>
    /// <param name="stepSizeUp">The steps rising; &gt; 0. Defaults to 2000.</param>
    /// <param name="stepSizeDown">The steps falling; &gt; 0, or null for <paramref name="stepSizeUp"/>.</param>
    /// <param name="mode">"triangular", "triangular2" or "exp_range". Defaults to "triangular".</param>
    /// <param name="gamma">The base of exp_range's <c>gamma^t</c>; in (0, 1]. Defaults to 1.</param>
    /// <param name="scaleFn">A custom amplitude (<c>scale_fn</c>) replacing <paramref name="mode"/>; null for the mode's.</param>
    /// <param name="scaleMode">"cycle" or "iterations": what <paramref name="scaleFn"/> is given. Defaults to "cycle".</param>
    /// <param name="cycleMomentum">Whether PyTorch cycles the momentum (no effect on the rate; <see cref="GetMomentum"/> returns null when false). Defaults to true.</param>
    /// <param name="baseMomentum">The lower momentum (no effect on the rate; read by <see cref="GetMomentum"/>). Defaults to 0.8.</param>
    /// <param name="maxMomentum">The upper momentum (no effect on the rate; read by <see cref="GetMomentum"/>). Defaults to 0.9.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule CyclicLR(
        double baseLr,
        double maxLr,
        long stepSizeUp = 2000,
        long? stepSizeDown = null,
        string mode = "triangular",
        double gamma = 1.0,
        [NotConfigurable("a delegate (scale_fn), which configuration cannot express; the mode's amplitude is used")] Func<double, double>? scaleFn = null,
        string scaleMode = "cycle",
        bool cycleMomentum = true,
        double baseMomentum = 0.8,
        double maxMomentum = 0.9)
    {
        Preconditions.Finite(baseMomentum);
        Preconditions.Finite(maxMomentum);
        Port.OneOf(scaleMode, nameof(scaleMode), "cycle", "iterations");
        LearningRateSchedule expression;
        if (scaleFn is null)
        {
            expression = Schedule.Cyclic(baseLr, maxLr, stepSizeUp, stepSizeDown, CyclicModeOf(mode), gamma);
        }
        else
        {
            Preconditions.NonNegative(baseLr);
            if (!(maxLr >= baseLr) || double.IsPositiveInfinity(maxLr))
            {
                throw Preconditions.OutOfRange(nameof(maxLr), maxLr, $"finite and >= baseLr ({Port.Format(baseLr)})");
            }

            Preconditions.Positive(stepSizeUp);
            if (stepSizeDown is long down)
            {
                Preconditions.Positive(down, nameof(stepSizeDown));
            }

            var cycle = new TorchCustomCycle(stepSizeUp, stepSizeDown, scaleFn, scaleMode);
            expression = Schedule.FromFunction((long step) => baseLr + cycle.Height(step, maxLr - baseLr));
        }

        return expression.Ported().Declared(
            nameof(CyclicLR), baseLr, maxLr, stepSizeUp, stepSizeDown, mode, gamma, scaleFn, scaleMode, cycleMomentum, baseMomentum, maxMomentum);
    }

    /// <summary>
    /// <c>OneCycleLR(optimizer, max_lr, total_steps=None, epochs=None, steps_per_epoch=None, pct_start=0.3,
    /// anneal_strategy="cos", cycle_momentum=True, base_momentum=0.85, max_momentum=0.95, div_factor=25.0,
    /// final_div_factor=1e4, three_phase=False)</c>: the 1cycle policy.
    /// </summary>
    /// <remarks>
    /// <para><expression>Schedule.OneCycle(maxLr, totalSteps ?? epochs * stepsPerEpoch, pctStart, cos → Curve.Cosine | linear → Curve.Linear, divFactor, finalDivFactor, threePhase)</expression></para>
    /// <para>Origin: <c>OneCycleLR</c> (commit 008f727e), its validation and phase ends (<c>pct_start · total − 1</c>,
    /// real numbers). The optimizer's rate is not read (<c>initial_lr = max_lr / div_factor</c>). Divergences: PyTorch
    /// raises past <c>total_steps</c>; the core's one-cycle holds its final rate there (see <see cref="Schedule.OneCycle"/>).
    /// The momentum arguments do not change the rate; <see cref="GetMomentum"/> returns, from this schedule, the momentum
    /// PyTorch cycles with <c>cycle_momentum=True</c> (β1 for Adam).</para>
    /// </remarks>
    /// <param name="maxLr">The peak (<c>max_lr</c>); finite and ≥ 0.</param>
    /// <param name="totalSteps">The steps of the cycle; &gt; 0, or null to use <paramref name="epochs"/> · <paramref name="stepsPerEpoch"/>.</param>
    /// <param name="epochs">The epochs, with <paramref name="stepsPerEpoch"/>, when <paramref name="totalSteps"/> is null; &gt; 0.</param>
    /// <param name="stepsPerEpoch">The steps per epoch; &gt; 0.</param>
    /// <param name="pctStart">The fraction of the cycle rising; in [0, 1]. Defaults to 0.3.</param>
    /// <param name="annealStrategy">"cos" or "linear". Defaults to "cos".</param>
    /// <param name="cycleMomentum">Whether PyTorch cycles the momentum (no effect on the rate; <see cref="GetMomentum"/> returns null when false). Defaults to true.</param>
    /// <param name="baseMomentum">The lower momentum (no effect on the rate; read by <see cref="GetMomentum"/>). Defaults to 0.85.</param>
    /// <param name="maxMomentum">The upper momentum (no effect on the rate; read by <see cref="GetMomentum"/>). Defaults to 0.95.</param>
    /// <param name="divFactor">The initial rate is <c>max_lr / div_factor</c>; &gt; 0. Defaults to 25.</param>
    /// <param name="finalDivFactor">The final rate is the initial rate / <c>final_div_factor</c>; &gt; 0. Defaults to 1e4.</param>
    /// <param name="threePhase">Whether the rate comes back to the initial rate before the final anneal. Defaults to false.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it, or neither <paramref name="totalSteps"/> nor both <paramref name="epochs"/> and <paramref name="stepsPerEpoch"/> are given.</exception>
    public static LearningRateSchedule OneCycleLR(
        double maxLr,
        long? totalSteps = null,
        long? epochs = null,
        long? stepsPerEpoch = null,
        double pctStart = 0.3,
        string annealStrategy = "cos",
        bool cycleMomentum = true,
        double baseMomentum = 0.85,
        double maxMomentum = 0.95,
        double divFactor = 25.0,
        double finalDivFactor = 1e4,
        bool threePhase = false)
    {
        long total = OneCycleTotal(totalSteps, epochs, stepsPerEpoch);
        Preconditions.Finite(baseMomentum);
        Preconditions.Finite(maxMomentum);
        return Schedule.OneCycle(maxLr, total, pctStart, AnnealCurve(annealStrategy), divFactor, finalDivFactor, threePhase).Ported()
            .Declared(nameof(OneCycleLR), maxLr, totalSteps, epochs, stepsPerEpoch, pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor, threePhase);
    }

    /// <summary>
    /// The momentum PyTorch cycles beside the rate of a <see cref="OneCycleLR"/> or <see cref="CyclicLR"/> scheduler
    /// (<c>cycle_momentum=True</c>, the default): the <c>momentum</c> of each parameter group, or β1 (<c>betas[0]</c>) of
    /// an Adam-like optimizer, after each <c>scheduler.step()</c>; null when the scheduler cycles none.
    /// </summary>
    /// <remarks>
    /// <para>For a OneCycleLR, <expression>Schedule.OneCycleMomentum(baseMomentum, maxMomentum, totalSteps ?? epochs * stepsPerEpoch, pctStart, cos → Curve.Cosine | linear → Curve.Linear, threePhase).AsMomentum()</expression>;
    /// for a CyclicLR, <expression>Schedule.CyclicMomentum(baseMomentum, maxMomentum, stepSizeUp, stepSizeDown, mode, gamma).AsMomentum()</expression>,
    /// or with a <c>scaleFn</c> PyTorch's formula verbatim
    /// (<c>Schedule.FromFunction(t =&gt; maxMomentum − (maxMomentum − baseMomentum) · scale(t) · scaleFn(cycle or t)).AsMomentum()</c>).</para>
    /// <para>Origin: <c>torch/optim/lr_scheduler.py</c> (commit 008f727e), the momentum branches of <c>OneCycleLR.get_lr</c>
    /// (its phase table: <c>max_momentum → base_momentum</c> while the rate rises and back while it falls; with
    /// <c>three_phase</c>, <c>max_momentum</c> held in the last phase; annealed with the rate's <c>anneal_strategy</c>) and of
    /// <c>CyclicLR.get_lr</c> (<c>max_momentum − (max_momentum − base_momentum) · scale_factor · scale_fn(cycle or
    /// last_epoch)</c>). The arguments are the ones the scheduler was built with, read from its recorded call, so the two
    /// series agree on the length, phases, curve, mode and decay by construction; the values equal PyTorch's bit for bit
    /// (see <see cref="Schedule.OneCycleMomentum"/> and <see cref="Schedule.CyclicMomentum"/>), with the rate's
    /// divergence past <c>total_steps</c>: the one-cycle momentum holds <c>max_momentum</c> where PyTorch raises.</para>
    /// <para>Null for a scheduler built with <c>cycleMomentum: false</c> and for any schedule <see cref="OneCycleLR"/> or
    /// <see cref="CyclicLR"/> did not return (directly or through configuration naming them), including one composed from
    /// theirs: a combinator builds a new schedule. Divergence: PyTorch accepts any momentum number; a
    /// <see cref="MomentumSchedule"/> lies in [0, 1), so the scheduler's momenta are checked here, while the rate's
    /// method, whose values do not depend on them, checks only that they are finite.</para>
    /// <para>Each call builds a new schedule (call it once, beside the rate); it is pure, immutable, thread-safe and
    /// allocation-free per query like every schedule. With a <c>scaleFn</c>, its values are checked at each query.</para>
    /// </remarks>
    /// <param name="scheduler">A schedule returned by <see cref="OneCycleLR"/> or <see cref="CyclicLR"/>.</param>
    /// <returns>The momentum at every step (β1 for Adam), or null when <paramref name="scheduler"/> cycles none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheduler"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">The scheduler's <c>baseMomentum</c> or <c>maxMomentum</c> (the parameter named) lies outside [0, 1).</exception>
    [NotConfigurable("reads the momentum of a scheduler OneCycleLR or CyclicLR built; configuration describes that scheduler, and lrs table prints the momentum beside its rate")]
    public static MomentumSchedule? GetMomentum(ILearningRateSchedule scheduler)
    {
        Preconditions.NotNull(scheduler);
        if (!FactoryCalls.TryGetCall(scheduler, out FactoryCall? call))
        {
            return null;
        }

        // The positions are those of the Declared(...) calls of OneCycleLR and CyclicLR above.
        LearningRateSchedule? momentum = call switch
        {
            { Factory: nameof(OneCycleLR), Arguments: [_, var totalSteps, var epochs, var stepsPerEpoch, double pctStart, string annealStrategy, true, double baseMomentum, double maxMomentum, _, _, bool threePhase] } =>
                Schedule.OneCycleMomentum(
                    Preconditions.InRange(baseMomentum, 0.0, true, 1.0, false),
                    Preconditions.InRange(maxMomentum, 0.0, true, 1.0, false),
                    OneCycleTotal((long?)totalSteps, (long?)epochs, (long?)stepsPerEpoch),
                    pctStart,
                    AnnealCurve(annealStrategy),
                    threePhase),
            { Factory: nameof(CyclicLR), Arguments: [_, _, long stepSizeUp, var stepSizeDown, string mode, double gamma, var scaleFn, string scaleMode, true, double baseMomentum, double maxMomentum] } =>
                CyclicLRMomentum(
                    Preconditions.InRange(baseMomentum, 0.0, true, 1.0, false),
                    Preconditions.InRange(maxMomentum, 0.0, true, 1.0, false),
                    stepSizeUp,
                    (long?)stepSizeDown,
                    mode,
                    gamma,
                    (Func<double, double>?)scaleFn,
                    scaleMode),
            _ => null,
        };
        return momentum?.AsMomentum();
    }

    /// <summary>The momentum of a CyclicLR: the core's with the mode's amplitude, PyTorch's formula with a custom <c>scale_fn</c>.</summary>
    private static LearningRateSchedule CyclicLRMomentum(
        double baseMomentum, double maxMomentum, long stepSizeUp, long? stepSizeDown, string mode, double gamma, Func<double, double>? scaleFn, string scaleMode)
    {
        if (scaleFn is null)
        {
            return Schedule.CyclicMomentum(baseMomentum, maxMomentum, stepSizeUp, stepSizeDown, CyclicModeOf(mode), gamma);
        }

        var cycle = new TorchCustomCycle(stepSizeUp, stepSizeDown, scaleFn, scaleMode);
        return Schedule.FromFunction((long step) => maxMomentum - cycle.Height(step, maxMomentum - baseMomentum));
    }

    /// <summary>OneCycleLR's cycle length: <c>total_steps</c>, else <c>epochs · steps_per_epoch</c>, validated as there.</summary>
    private static long OneCycleTotal(long? totalSteps, long? epochs, long? stepsPerEpoch)
    {
        if (totalSteps is long given)
        {
            return Preconditions.Positive(given, nameof(totalSteps));
        }

        if (epochs is long e && stepsPerEpoch is long s)
        {
            return Port.Times(Preconditions.Positive(e, nameof(epochs)), Preconditions.Positive(s, nameof(stepsPerEpoch)), nameof(epochs), "steps: times stepsPerEpoch");
        }

        throw Preconditions.OutOfRange(nameof(totalSteps), totalSteps, "given, or both epochs and stepsPerEpoch given (You must define either total_steps OR (epochs AND steps_per_epoch))");
    }

    /// <summary>OneCycleLR's <c>anneal_strategy</c> as the core's curve.</summary>
    private static Curve AnnealCurve(string annealStrategy) =>
        Port.OneOf(annealStrategy, nameof(annealStrategy), "cos", "linear") == "cos" ? Curve.Cosine : Curve.Linear;

    /// <summary>CyclicLR's <c>mode</c> as the core's.</summary>
    private static CyclicMode CyclicModeOf(string mode) => Port.OneOf(mode, nameof(mode), "triangular", "triangular2", "exp_range") switch
    {
        "triangular" => CyclicMode.Triangular,
        "triangular2" => CyclicMode.Triangular2,
        _ => CyclicMode.ExponentialRange,
    };

    /// <summary><c>SequentialLR(optimizer, schedulers, milestones)</c>: scheduler <c>k</c> from milestone <c>k − 1</c> on, counting its own steps from 0.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Join(schedulers, milestones)</expression></para>
    /// <para>Origin: <c>SequentialLR.step</c> (commit 008f727e): at each milestone the next scheduler restarts at its own
    /// step 0 (<c>_update_lr(0)</c>). Validation as there (one more scheduler than milestones; a plateau scheduler cannot be
    /// passed, here by its type); unsorted milestones, which PyTorch accepts and mis-bisects, are rejected. Rejected
    /// because it has no closed form: a <see cref="MultiplicativeLR(double, Func{long, double}, long)"/> after the first,
    /// which PyTorch continues from the previous scheduler's last rate.</para>
    /// </remarks>
    /// <param name="schedulers">The schedulers, each built on the same <c>lr</c>.</param>
    /// <param name="milestones">The steps at which the next scheduler starts; strictly increasing, one fewer than <paramref name="schedulers"/>.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException">An argument or a scheduler is null.</exception>
    /// <exception cref="ScheduleArgumentException">The counts do not match, a milestone is out of order, or a later scheduler is a MultiplicativeLR.</exception>
    public static LearningRateSchedule SequentialLR(IEnumerable<ILearningRateSchedule> schedulers, IEnumerable<long> milestones)
    {
        ILearningRateSchedule[] children = Preconditions.NotNull(schedulers).ToArray();
        long[] bounds = Preconditions.NotNull(milestones).ToArray();
        for (int i = 1; i < children.Length; i++)
        {
            if (children[i] is not null && Port.BuiltBy(children[i]) == nameof(MultiplicativeLR))
            {
                throw Preconditions.OutOfRange(nameof(schedulers), nameof(MultiplicativeLR), "a scheduler with a closed form after the first (PyTorch continues a later MultiplicativeLR from the previous scheduler's last rate)", i);
            }
        }

        return Schedule.Join(children.Select(c => Port.Unwrapped(Preconditions.NotNull(c, nameof(schedulers)))).ToArray(), bounds).Ported()
            .Declared(nameof(SequentialLR), children, bounds);
    }

    /// <summary><c>ChainedScheduler(schedulers, optimizer=None)</c>: every scheduler steps on the rate the previous one wrote, a product of factors.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Product(schedulers[0], schedulers[1].Scale(1 / lr), …)</expression></para>
    /// <para>Origin: <c>ChainedScheduler.step</c> (commit 008f727e). The result is a product only for multiplicative
    /// (chainable) schedulers: StepLR, MultiStepLR, ConstantLR, LinearLR, ExponentialLR, PolynomialLR, MultiplicativeLR
    /// and CosineAnnealingLR with <c>eta_min = 0</c>. Each is built on <paramref name="lr"/>, so each after the first
    /// contributes its rate divided by <paramref name="lr"/>. An absolute Torch scheduler (LambdaLR, CyclicLR, OneCycleLR,
    /// CosineAnnealingWarmRestarts, CosineAnnealingLR with <c>eta_min ≠ 0</c>, SequentialLR, ChainedScheduler) is
    /// accepted only first, where PyTorch's overwrite and the product agree; a schedule not built by <see cref="Torch"/>
    /// is read as a rate on <paramref name="lr"/>.</para>
    /// </remarks>
    /// <param name="schedulers">The schedulers, each built on <paramref name="lr"/>; at least one.</param>
    /// <param name="lr">The optimizer's learning rate the schedulers were built on (PyTorch's <c>optimizer</c>); finite and ≥ 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException">An argument or a scheduler is null.</exception>
    /// <exception cref="ScheduleArgumentException">No scheduler is given, <paramref name="lr"/> is out of range, or an absolute scheduler is not first.</exception>
    public static LearningRateSchedule ChainedScheduler(IEnumerable<ILearningRateSchedule> schedulers, double lr)
    {
        ILearningRateSchedule[] children = Preconditions.NotNull(schedulers).ToArray();
        Preconditions.NonNegative(lr);
        if (children.Length == 0)
        {
            throw Preconditions.OutOfRange(nameof(schedulers), "[]", "at least one scheduler");
        }

        var factors = new ILearningRateSchedule[children.Length];
        for (int i = 0; i < children.Length; i++)
        {
            ILearningRateSchedule child = Port.Unwrapped(Preconditions.NotNull(children[i], nameof(schedulers)));
            if (i == 0)
            {
                factors[i] = child;
                continue;
            }

            if (FactoryCalls.TryGetCall(children[i], out FactoryCall? call) && IsAbsoluteTorchCall(call))
            {
                throw Preconditions.OutOfRange(nameof(schedulers), call.Factory, "a multiplicative scheduler after the first (an absolute one overwrites the rate in PyTorch)", i);
            }

            factors[i] = lr == 0.0 ? Schedule.Constant(0.0) : child.Scale(1.0 / lr);
        }

        return Schedule.Product(factors).Ported()
            .Declared(nameof(ChainedScheduler), children, lr);
    }

    private static bool IsAbsoluteTorchCall(FactoryCall call) => call.Factory switch
    {
        _ when Multiplicative.Contains(call.Factory) => false,
        nameof(CosineAnnealingLR) => call.Arguments[2] is double etaMin && etaMin != 0.0,
        nameof(LambdaLR) or nameof(CyclicLR) or nameof(OneCycleLR) or nameof(CosineAnnealingWarmRestarts) or nameof(SequentialLR) or nameof(ChainedScheduler) => true,
        _ => false,
    };

    /// <summary>
    /// <c>ReduceLROnPlateau(optimizer, mode="min", factor=0.1, patience=10, threshold=1e-4, threshold_mode="rel",
    /// cooldown=0, min_lr=0, eps=1e-8)</c>: the metric-driven controller.
    /// </summary>
    /// <remarks>
    /// <para><expression>Schedule.Constant(lr).ReduceOnPlateau(new ReduceOnPlateauOptions { Mode, Factor, Patience, Threshold, ThresholdMode, Cooldown, MinimumLearningRate = minLr, Epsilon = eps })</expression></para>
    /// <para>Origin: <c>ReduceLROnPlateau.step</c> (commit 008f727e). Read <see cref="ReduceLearningRateOnPlateau.CurrentLearningRate"/>
    /// before the step and <see cref="ReduceLearningRateOnPlateau.Report(double)"/> the metric after it, as
    /// <c>scheduler.step(metric)</c> does. Stateful: one instance per training run.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="mode">"min" or "max". Defaults to "min".</param>
    /// <param name="factor">The reduction factor; in (0, 1) (PyTorch also accepts 0, which would zero the rate at the first reduction). Defaults to 0.1.</param>
    /// <param name="patience">The bad reports tolerated; ≥ 0. Defaults to 10.</param>
    /// <param name="threshold">The significance threshold; finite and ≥ 0. Defaults to 1e-4.</param>
    /// <param name="thresholdMode">"rel" or "abs". Defaults to "rel".</param>
    /// <param name="cooldown">The reports ignored after a reduction; ≥ 0. Defaults to 0.</param>
    /// <param name="minLr">The floor (<c>min_lr</c>); finite and ≥ 0. Defaults to 0.</param>
    /// <param name="eps">The smallest change applied; finite and ≥ 0. Defaults to 1e-8.</param>
    /// <returns>A new controller.</returns>
    /// <exception cref="ScheduleArgumentException">A string is not one of the accepted names, or a number is out of range.</exception>
    public static ReduceLearningRateOnPlateau ReduceLROnPlateau(
        double lr,
        string mode = "min",
        double factor = 0.1,
        long patience = 10,
        double threshold = 1e-4,
        string thresholdMode = "rel",
        long cooldown = 0,
        double minLr = 0.0,
        double eps = 1e-8) =>
        Plateau(lr, mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps)
            .Redeclared(nameof(ReduceLROnPlateau), lr, mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);

    /// <summary>
    /// Builds PyTorch's plateau controller from its keyword arguments (shared with Hugging Face and timm): over
    /// <c>Schedule.Constant(lr)</c>, or over <paramref name="schedule"/> with the first <paramref name="ignoredReports"/>
    /// reports ignored (timm's warmup). A bad argument is reported under the calling method's parameter
    /// (<paramref name="names"/>; PyTorch's own by default).
    /// </summary>
    internal static ReduceLearningRateOnPlateau Plateau(
        double lr, string mode, double factor, long patience, double threshold, string thresholdMode, long cooldown, double minLr, double eps,
        LearningRateSchedule? schedule = null, int ignoredReports = 0, PlateauNames? names = null)
    {
        PlateauNames n = names ?? PlateauNames.Torch;
        Preconditions.NonNegative(lr);
        PlateauMode plateauMode = Port.OneOf(mode, n.Mode, "min", "max") == "min" ? PlateauMode.Min : PlateauMode.Max;
        PlateauThresholdMode relative = Port.OneOf(thresholdMode, n.ThresholdMode, "rel", "abs") == "rel"
            ? PlateauThresholdMode.Relative
            : PlateauThresholdMode.Absolute;
        Preconditions.InRange(factor, 0.0, false, 1.0, false, n.Factor);
        if (patience < 0 || patience > int.MaxValue)
        {
            throw Preconditions.OutOfRange(n.Patience, patience, "in [0, int.MaxValue]");
        }

        Preconditions.NonNegative(threshold, n.Threshold);
        if (cooldown < 0 || cooldown > int.MaxValue)
        {
            throw Preconditions.OutOfRange(n.Cooldown, cooldown, "in [0, int.MaxValue]");
        }

        Preconditions.NonNegative(minLr, n.MinLr);
        Preconditions.NonNegative(eps, n.Eps);
        return (schedule ?? Schedule.Constant(lr)).ReduceOnPlateau(new ReduceOnPlateauOptions
        {
            Mode = plateauMode,
            Factor = factor,
            Patience = (int)patience,
            Threshold = threshold,
            ThresholdMode = relative,
            Cooldown = (int)cooldown,
            MinimumLearningRate = minLr,
            Epsilon = eps,
            IgnoredReports = ignoredReports,
        });
    }
}

/// <summary>The parameters a porting method reports a bad plateau argument under (<see cref="Torch.Plateau"/>).</summary>
internal sealed record PlateauNames(string Mode, string Factor, string Patience, string Threshold, string ThresholdMode, string Cooldown, string MinLr, string Eps)
{
    /// <summary>Gets PyTorch's names, C#-cased.</summary>
    public static PlateauNames Torch { get; } = new("mode", "factor", "patience", "threshold", "thresholdMode", "cooldown", "minLr", "eps");

    /// <summary>Gets one name for every argument (a keyword dictionary).</summary>
    public static PlateauNames All(string name) => new(name, name, name, name, name, name, name, name);
}
