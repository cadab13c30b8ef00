namespace LrSchedules.Porting;

/// <summary>
/// OLMo-core's schedulers (<c>olmo_core/optim/scheduler.py</c>), value for value: each a function of the optimizer's
/// learning rate (<c>initial_lr</c>, here <c>lr</c>), the current step and the horizon <c>t_max</c>, with the
/// scheduler's fields C#-cased (<c>warmup_fraction</c> → <c>warmupFraction</c>) and their defaults.
/// </summary>
/// <remarks>
/// <para>Origin: <c>src/olmo_core/optim/scheduler.py</c> of allenai/OLMo-core at commit
/// fa6c5014c9f6e9ee789da2d9c20d5126fee8df0d (version 2.5.0), every <c>get_lr</c> transcribed verbatim.</para>
/// <para><b>Step convention.</b> The value at LrSchedules step <c>c</c> is <c>get_lr(lr, c, t_max)</c>: OLMo's
/// <c>current</c>. OLMo's trainer increments <c>global_step</c> before the optimizer step, so its first optimizer step
/// uses <c>current = 1</c>: read <c>GetLearningRate(k + 1)</c> for the <c>k</c>-th (0-based) optimizer step of an OLMo
/// run. In token units (<c>units="tokens"</c>), step means tokens seen and <c>t_max</c> is <c>max_tokens</c>.</para>
/// <para>Fractions of <c>t_max</c> become steps with Python's <c>round()</c>, half to even on the binary64 product
/// (<c>round(1000 · 0.0125) = round(12.5) = 12</c>), as OLMo does at every call. Exactly one of a count and its
/// fraction is required, as in OLMo (whose <c>decay_fraction</c> defaults to 0.1, so passing <c>decay</c> needs
/// <c>decayFraction: null</c>, as there). OLMo's asserts (<c>0 ≤ min &lt; initial_lr</c> in its warmup and decay
/// helpers) are checked once, here. The deprecated aliases (<c>warmup_steps</c>, <c>decay_steps</c>) are not
/// parameters.</para>
/// <para>Divergences: past <c>t_max</c>, where WSD's, PowerLR's and CosWithWarmupAndLinearDecay's tails keep falling
/// below their floor (and below 0) and SequentialScheduler asserts, the rate holds its value at <c>t_max</c> (except a
/// SequentialScheduler <c>override_decay</c> started by <c>t_max</c>, which runs on to its end rate); where OLMo divides
/// 0 by 0 at <c>current = 0</c> with a warmup of 0 (its trainer never asks), the warmup reads 0/0 as 0.
/// ComposableScheduler and WSDS ignore <c>t_max</c>, as in OLMo, and take none.</para>
/// </remarks>
[ConfigurationFactories(Prefix = "olmo_core.optim.scheduler", Alias = "olmo_core")]
public static class OlmoCore
{
    private static LearningRateSchedule Build(OlmoRule rule, double lr, long tMax, LearningRateSchedule? expression = null)
    {
        Preconditions.NonNegative(lr);
        Preconditions.Positive(tMax);
        rule.Validate(lr, tMax);
        return new OlmoSchedule(rule, lr, tMax, expression);
    }

    /// <summary>The scheduler's own <c>t_max</c> field: null, or &gt; 0.</summary>
    private static long? SchedulerTMax(long? schedulerTMax)
    {
        if (schedulerTMax is long field)
        {
            Preconditions.Positive(field, nameof(schedulerTMax));
        }

        return schedulerTMax;
    }

    /// <summary><c>ConstantScheduler</c> (<c>"constant"</c>): <c>initial_lr</c>.</summary>
    /// <remarks><para><expression>Schedule.Constant(lr)</expression></para><para>Origin: <c>ConstantScheduler.get_lr</c> (commit fa6c5014).</para></remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and ≥ 0.</param>
    /// <param name="tMax">The horizon (the trainer's <c>max_steps</c>); &gt; 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range.</exception>
    public static LearningRateSchedule ConstantScheduler(double lr, long tMax) =>
        Build(new OlmoConstant(), lr, tMax)
            .Declared(nameof(ConstantScheduler), lr, tMax);

    /// <summary><c>ConstantWithWarmup(warmup=None, warmup_fraction=None, warmup_min_lr=0.0)</c>: a linear warmup, inclusive of its last step, then <c>initial_lr</c>.</summary>
    /// <remarks>
    /// <para><expression>OLMo's get_lr: current ≤ warmup ? warmup_min_lr + (lr − warmup_min_lr)·current / warmup : lr</expression></para>
    /// <para>Origin: <c>ConstantWithWarmup.get_lr</c> (commit fa6c5014). The test is inclusive (<c>≤</c>).</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and &gt; <paramref name="warmupMinLr"/>.</param>
    /// <param name="tMax">The horizon; &gt; 0.</param>
    /// <param name="warmup">The warmup in steps; ≥ 0, or null with <paramref name="warmupFraction"/>.</param>
    /// <param name="warmupFraction">The warmup as a fraction of <paramref name="tMax"/>; in [0, 1], or null with <paramref name="warmup"/>.</param>
    /// <param name="warmupMinLr">The rate at step 0; ≥ 0. Defaults to 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or not exactly one of the warmup pair is given.</exception>
    public static LearningRateSchedule ConstantWithWarmup(double lr, long tMax, long? warmup = null, double? warmupFraction = null, double warmupMinLr = 0.0)
    {
        OlmoRule.CountOrFraction(warmup, warmupFraction, nameof(warmup), nameof(warmupFraction));
        return Build(new OlmoConstantWithWarmup(warmup, warmupFraction, warmupMinLr), lr, tMax)
            .Declared(nameof(ConstantWithWarmup), lr, tMax, warmup, warmupFraction, warmupMinLr);
    }

    /// <summary>
    /// <c>WSD(warmup=None, warmup_fraction=None, decay=None, decay_fraction=0.1, warmup_min_lr=0.0, decay_min_lr=0.0)</c>:
    /// warmup (inclusive), stable at <c>initial_lr</c>, then a line over the last <c>decay</c> steps to <c>decay_min_lr</c> at <c>t_max</c>.
    /// </summary>
    /// <remarks>
    /// <para><expression>OLMo's get_lr: warmup if current ≤ W; decay_min_lr + (lr − decay_min_lr)·min(t_max − current, D)/D if current ≥ t_max − D; else lr</expression></para>
    /// <para>Origin: <c>WSD.get_lr</c> (commit fa6c5014). The warmup is tested first (a tail overlapping it loses). Past
    /// <c>t_max</c> the rate holds <c>decay_min_lr</c> (OLMo extrapolates below it).</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and above both floors.</param>
    /// <param name="tMax">The horizon; &gt; 0.</param>
    /// <param name="warmup">The warmup in steps; or null with <paramref name="warmupFraction"/>.</param>
    /// <param name="warmupFraction">The warmup as a fraction of <paramref name="tMax"/>; or null.</param>
    /// <param name="decay">The decay in steps; or null with <paramref name="decayFraction"/>.</param>
    /// <param name="decayFraction">The decay as a fraction of <paramref name="tMax"/>; null when <paramref name="decay"/> is given. Defaults to 0.1.</param>
    /// <param name="warmupMinLr">The rate at step 0. Defaults to 0.</param>
    /// <param name="decayMinLr">The rate at <paramref name="tMax"/>. Defaults to 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or not exactly one of a count and its fraction is given.</exception>
    public static LearningRateSchedule WSD(double lr, long tMax, long? warmup = null, double? warmupFraction = null, long? decay = null, double? decayFraction = 0.1, double warmupMinLr = 0.0, double decayMinLr = 0.0)
    {
        OlmoRule.CountOrFraction(warmup, warmupFraction, nameof(warmup), nameof(warmupFraction));
        OlmoRule.CountOrFraction(decay, decayFraction, nameof(decay), nameof(decayFraction));
        return Build(new OlmoWsd(warmup, warmupFraction, decay, decayFraction, warmupMinLr, decayMinLr), lr, tMax)
            .Declared(nameof(WSD), lr, tMax, warmup, warmupFraction, decay, decayFraction, warmupMinLr, decayMinLr);
    }

    /// <summary>
    /// <c>PowerLR(b=-0.51, warmup=None, warmup_fraction=None, warmup_min_lr=0.0, decay=None, decay_fraction=0.1,
    /// decay_min_lr=0.0)</c>: warmup, the power law <c>lr·(current/warmup)^b</c>, then a linear tail to <c>decay_min_lr</c>.
    /// </summary>
    /// <remarks>
    /// <para><expression>Schedule.Power(warmupMinLr, lr, decayMinLr, W, tMax, D, b)</expression> (W and D resolved with Python's round)</para>
    /// <para>Origin: <c>PowerLR.get_lr</c> (commit fa6c5014); <c>b</c> must be negative, as there. OLMo's divisions by
    /// zero (a warmup or tail of 0 steps) are rejected. Past <c>t_max</c> the rate holds <c>decay_min_lr</c>.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and &gt; <paramref name="warmupMinLr"/>.</param>
    /// <param name="tMax">The horizon; &gt; 0.</param>
    /// <param name="b">The power-law exponent; &lt; 0. Defaults to −0.51.</param>
    /// <param name="warmup">The warmup in steps; ≥ 1, or null with <paramref name="warmupFraction"/>.</param>
    /// <param name="warmupFraction">The warmup as a fraction of <paramref name="tMax"/>; or null.</param>
    /// <param name="warmupMinLr">The rate at step 0. Defaults to 0.</param>
    /// <param name="decay">The tail in steps; or null with <paramref name="decayFraction"/>.</param>
    /// <param name="decayFraction">The tail as a fraction of <paramref name="tMax"/>; null when <paramref name="decay"/> is given. Defaults to 0.1.</param>
    /// <param name="decayMinLr">The rate at <paramref name="tMax"/>. Defaults to 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or not exactly one of a count and its fraction is given.</exception>
    public static LearningRateSchedule PowerLR(double lr, long tMax, double b = -0.51, long? warmup = null, double? warmupFraction = null, double warmupMinLr = 0.0, long? decay = null, double? decayFraction = 0.1, double decayMinLr = 0.0)
    {
        OlmoRule.CountOrFraction(warmup, warmupFraction, nameof(warmup), nameof(warmupFraction));
        OlmoRule.CountOrFraction(decay, decayFraction, nameof(decay), nameof(decayFraction));
        if (!(b < 0) || double.IsNegativeInfinity(b))
        {
            throw Preconditions.OutOfRange(nameof(b), b, "a finite number < 0 ('b' must be negative for a decaying power-law.)");
        }

        var rule = new OlmoPower(b, warmup, warmupFraction, warmupMinLr, decay, decayFraction, decayMinLr);
        Preconditions.Positive(tMax);
        Preconditions.NonNegative(lr);
        rule.Validate(lr, tMax);
        long w = warmup ?? Port.PythonRound(tMax * warmupFraction!.Value);
        long d = decay ?? Port.PythonRound(tMax * decayFraction!.Value);
        return Build(rule, lr, tMax, Schedule.Power(warmupMinLr, lr, decayMinLr, w, tMax, d, b))
            .Declared(nameof(PowerLR), lr, tMax, b, warmup, warmupFraction, warmupMinLr, decay, decayFraction, decayMinLr);
    }

    /// <summary><c>LinearWithWarmup(alpha_f=0.1, t_max=None, warmup=None, warmup_fraction=None, warmup_min_lr=0.0)</c>: warmup, then a line to <c>alpha_f · lr</c> at <c>t_max</c>, held.</summary>
    /// <remarks>
    /// <para><expression>OLMo's get_lr: warmup if current &lt; W; alpha_f·lr if current ≥ t_max; else lr − (lr − alpha_f·lr)·(current − W)/(t_max − W)</expression></para>
    /// <para>Origin: <c>LinearWithWarmup.get_lr</c> (commit fa6c5014). The warmup test is strict (<c>&lt;</c>). The scheduler's own <c>t_max</c> field is <paramref name="schedulerTMax"/>: when set, <c>get_lr</c> replaces the
    /// <c>t_max</c> it is passed with it first thing (<c>t_max = t_max if self.t_max is None else self.t_max</c>), so it also
    /// resolves <paramref name="warmupFraction"/> and wins inside <see cref="SequentialScheduler"/> (which passes
    /// <c>min(t_max, schedulers_max[k])</c>), as in OLMo.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and ≥ 0.</param>
    /// <param name="tMax">The horizon; &gt; 0.</param>
    /// <param name="alphaF">The floor as a fraction of <paramref name="lr"/>; ≥ 0. Defaults to 0.1.</param>
    /// <param name="warmup">The warmup in steps; or null with <paramref name="warmupFraction"/>.</param>
    /// <param name="warmupFraction">The warmup as a fraction of <paramref name="tMax"/>; or null.</param>
    /// <param name="warmupMinLr">The rate at step 0. Defaults to 0.</param>
    /// <param name="schedulerTMax">The scheduler's own <c>t_max</c> field (JSON <c>scheduler_t_max</c>); &gt; 0, or null (the default) for the trainer's <paramref name="tMax"/>.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or not exactly one of the warmup pair is given.</exception>
    public static LearningRateSchedule LinearWithWarmup(double lr, long tMax, double alphaF = 0.1, long? warmup = null, double? warmupFraction = null, double warmupMinLr = 0.0, [ConfigurationName("scheduler_t_max")] long? schedulerTMax = null)
    {
        OlmoRule.CountOrFraction(warmup, warmupFraction, nameof(warmup), nameof(warmupFraction));
        return Build(new OlmoLinear(alphaF, warmup, warmupFraction, warmupMinLr, SchedulerTMax(schedulerTMax)), lr, tMax)
            .Declared(nameof(LinearWithWarmup), lr, tMax, alphaF, warmup, warmupFraction, warmupMinLr, schedulerTMax);
    }

    /// <summary><c>InvSqrtWithWarmup(alpha_f=0.1, warmup=None, warmup_fraction=None, warmup_min_lr=0.0)</c>: warmup, then <c>eta_min + (lr − eta_min)·√(warmup / current)</c>, never ending.</summary>
    /// <remarks>
    /// <para><expression>OLMo's get_lr: warmup if current &lt; W; else alpha_f·lr + (lr − alpha_f·lr)·√(W / current)</expression></para>
    /// <para>Origin: <c>InvSqrtWithWarmup.get_lr</c> (commit fa6c5014). <c>t_max</c> only resolves the warmup fraction.
    /// The core's inverse square root (Hugging Face's form) has no floor, so OLMo's formula is computed as there.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and ≥ 0.</param>
    /// <param name="tMax">The horizon; &gt; 0.</param>
    /// <param name="alphaF">The floor as a fraction of <paramref name="lr"/>; ≥ 0. Defaults to 0.1.</param>
    /// <param name="warmup">The warmup in steps; or null with <paramref name="warmupFraction"/>.</param>
    /// <param name="warmupFraction">The warmup as a fraction of <paramref name="tMax"/>; or null.</param>
    /// <param name="warmupMinLr">The rate at step 0. Defaults to 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or not exactly one of the warmup pair is given.</exception>
    public static LearningRateSchedule InvSqrtWithWarmup(double lr, long tMax, double alphaF = 0.1, long? warmup = null, double? warmupFraction = null, double warmupMinLr = 0.0)
    {
        OlmoRule.CountOrFraction(warmup, warmupFraction, nameof(warmup), nameof(warmupFraction));
        return Build(new OlmoInvSqrt(alphaF, warmup, warmupFraction, warmupMinLr), lr, tMax)
            .Declared(nameof(InvSqrtWithWarmup), lr, tMax, alphaF, warmup, warmupFraction, warmupMinLr);
    }

    /// <summary><c>CosWithWarmup(warmup=None, warmup_fraction=None, alpha_f=0.1, t_max=None, warmup_min_lr=0.0)</c>: warmup, then a half cosine to <c>alpha_f · lr</c> at <c>t_max</c>, held.</summary>
    /// <remarks>
    /// <para><expression>OLMo's get_lr: warmup if current &lt; W; eta_min if current ≥ t_max; else eta_min + (lr − eta_min)(1 + cos(π(current − W)/(t_max − W)))/2</expression></para>
    /// <para>Origin: <c>CosWithWarmup.get_lr</c> (commit fa6c5014). The scheduler's own <c>t_max</c> field is <paramref name="schedulerTMax"/>: when set, <c>get_lr</c> replaces the
    /// <c>t_max</c> it is passed with it first thing (<c>t_max = t_max if self.t_max is None else self.t_max</c>), so it also
    /// resolves <paramref name="warmupFraction"/> and wins inside <see cref="SequentialScheduler"/> (which passes
    /// <c>min(t_max, schedulers_max[k])</c>), as in OLMo.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and ≥ 0.</param>
    /// <param name="tMax">The horizon; &gt; 0.</param>
    /// <param name="warmup">The warmup in steps; or null with <paramref name="warmupFraction"/>.</param>
    /// <param name="warmupFraction">The warmup as a fraction of <paramref name="tMax"/>; or null.</param>
    /// <param name="alphaF">The floor as a fraction of <paramref name="lr"/>; ≥ 0. Defaults to 0.1.</param>
    /// <param name="warmupMinLr">The rate at step 0. Defaults to 0.</param>
    /// <param name="schedulerTMax">The scheduler's own <c>t_max</c> field (JSON <c>scheduler_t_max</c>); &gt; 0, or null (the default) for the trainer's <paramref name="tMax"/>.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or not exactly one of the warmup pair is given.</exception>
    public static LearningRateSchedule CosWithWarmup(double lr, long tMax, long? warmup = null, double? warmupFraction = null, double alphaF = 0.1, double warmupMinLr = 0.0, [ConfigurationName("scheduler_t_max")] long? schedulerTMax = null)
    {
        OlmoRule.CountOrFraction(warmup, warmupFraction, nameof(warmup), nameof(warmupFraction));
        return Build(new OlmoCos(alphaF, warmup, warmupFraction, warmupMinLr, SchedulerTMax(schedulerTMax)), lr, tMax)
            .Declared(nameof(CosWithWarmup), lr, tMax, warmup, warmupFraction, alphaF, warmupMinLr, schedulerTMax);
    }

    /// <summary><c>HalfCosWithWarmup(warmup=None, warmup_fraction=None, alpha_f=0.1, t_max=None, warmup_min_lr=0.0)</c>: warmup to the midpoint, then the second half of a cosine.</summary>
    /// <remarks>
    /// <para><expression>OLMo's get_lr: warmup to (lr + eta_min)/2 if current &lt; W; eta_min if current ≥ t_max; else eta_min + (lr − eta_min)(1 + cos(π(current − W + T′)/(2T′)))/2 with T′ = t_max − W</expression></para>
    /// <para>Origin: <c>HalfCosWithWarmup.get_lr</c> (commit fa6c5014). Quirk reproduced: it warms up to the midpoint
    /// <c>eta_min + (lr − eta_min)/2</c>, not to <c>lr</c>. The scheduler's own <c>t_max</c> field is <paramref name="schedulerTMax"/>: when set, <c>get_lr</c> replaces the
    /// <c>t_max</c> it is passed with it first thing (<c>t_max = t_max if self.t_max is None else self.t_max</c>), so it also
    /// resolves <paramref name="warmupFraction"/> and wins inside <see cref="SequentialScheduler"/> (which passes
    /// <c>min(t_max, schedulers_max[k])</c>), as in OLMo. Python's integers do not
    /// overflow: <c>2·(t_max − warmup)</c> is formed in 128 bits, for a <c>t_max</c> near <see cref="long.MaxValue"/>.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and ≥ 0.</param>
    /// <param name="tMax">The horizon; &gt; 0.</param>
    /// <param name="warmup">The warmup in steps; or null with <paramref name="warmupFraction"/>.</param>
    /// <param name="warmupFraction">The warmup as a fraction of <paramref name="tMax"/>; or null.</param>
    /// <param name="alphaF">The floor as a fraction of <paramref name="lr"/>; ≥ 0. Defaults to 0.1.</param>
    /// <param name="warmupMinLr">The rate at step 0. Defaults to 0.</param>
    /// <param name="schedulerTMax">The scheduler's own <c>t_max</c> field (JSON <c>scheduler_t_max</c>); &gt; 0, or null (the default) for the trainer's <paramref name="tMax"/>.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or not exactly one of the warmup pair is given.</exception>
    public static LearningRateSchedule HalfCosWithWarmup(double lr, long tMax, long? warmup = null, double? warmupFraction = null, double alphaF = 0.1, double warmupMinLr = 0.0, [ConfigurationName("scheduler_t_max")] long? schedulerTMax = null)
    {
        OlmoRule.CountOrFraction(warmup, warmupFraction, nameof(warmup), nameof(warmupFraction));
        return Build(new OlmoHalfCos(alphaF, warmup, warmupFraction, warmupMinLr, SchedulerTMax(schedulerTMax)), lr, tMax)
            .Declared(nameof(HalfCosWithWarmup), lr, tMax, warmup, warmupFraction, alphaF, warmupMinLr, schedulerTMax);
    }

    /// <summary>
    /// <c>CosWithWarmupAndLinearDecay(warmup=None, warmup_fraction=None, alpha_f=0.1, t_max=None, warmup_min_lr=0.0,
    /// decay=None, decay_fraction=0.1, decay_min_lr=0.0)</c>: <see cref="CosWithWarmup"/> cut at <c>t_max − decay</c>,
    /// then a line to <c>decay_min_lr</c>.
    /// </summary>
    /// <remarks>
    /// <para><expression>OLMo's get_lr: current ≥ t_max − D ? decay_min_lr + (cos(t_max − D) − decay_min_lr)·min(t_max − current, D)/D : CosWithWarmup</expression></para>
    /// <para>Origin: <c>CosWithWarmupAndLinearDecay.get_lr</c> (commit fa6c5014). Quirks reproduced: the decay test comes
    /// before the warmup's; the scheduler's own <c>t_max</c> field (<paramref name="schedulerTMax"/>, inherited from
    /// <c>CosWithWarmup</c>) is read only inside the cosine (<c>super().get_lr</c>: its warmup fraction, its length and
    /// where it reaches <c>eta_min</c>), while the decay's length (<paramref name="decayFraction"/> of it), where the
    /// tail starts (<c>t_max − decay</c>) and where it ends use the <c>t_max</c> passed in (<paramref name="tMax"/>, or
    /// the segment's inside <see cref="SequentialScheduler"/>). So with a field shorter than <c>t_max − decay</c> the
    /// cosine reaches <c>eta_min</c> and holds it until the tail; with a longer one the tail starts from a cosine not yet
    /// at its floor. Divergence: past <c>t_max</c> the rate holds <c>decay_min_lr</c>.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and ≥ 0.</param>
    /// <param name="tMax">The horizon; &gt; 0.</param>
    /// <param name="warmup">The warmup in steps; or null with <paramref name="warmupFraction"/>.</param>
    /// <param name="warmupFraction">The warmup as a fraction of <paramref name="tMax"/>; or null.</param>
    /// <param name="alphaF">The cosine's floor as a fraction of <paramref name="lr"/>; ≥ 0. Defaults to 0.1.</param>
    /// <param name="warmupMinLr">The rate at step 0. Defaults to 0.</param>
    /// <param name="decay">The tail in steps; or null with <paramref name="decayFraction"/>.</param>
    /// <param name="decayFraction">The tail as a fraction of <paramref name="tMax"/>; null when <paramref name="decay"/> is given. Defaults to 0.1.</param>
    /// <param name="decayMinLr">The rate at <paramref name="tMax"/>. Defaults to 0.</param>
    /// <param name="schedulerTMax">The scheduler's own <c>t_max</c> field (JSON <c>scheduler_t_max</c>), read by the cosine only; &gt; 0, or null (the default) for <paramref name="tMax"/>.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or not exactly one of a count and its fraction is given.</exception>
    public static LearningRateSchedule CosWithWarmupAndLinearDecay(double lr, long tMax, long? warmup = null, double? warmupFraction = null, double alphaF = 0.1, double warmupMinLr = 0.0, long? decay = null, double? decayFraction = 0.1, double decayMinLr = 0.0, [ConfigurationName("scheduler_t_max")] long? schedulerTMax = null)
    {
        OlmoRule.CountOrFraction(warmup, warmupFraction, nameof(warmup), nameof(warmupFraction));
        OlmoRule.CountOrFraction(decay, decayFraction, nameof(decay), nameof(decayFraction));
        return Build(new OlmoCosLinearDecay(alphaF, warmup, warmupFraction, warmupMinLr, SchedulerTMax(schedulerTMax), decay, decayFraction, decayMinLr), lr, tMax)
            .Declared(nameof(CosWithWarmupAndLinearDecay), lr, tMax, warmup, warmupFraction, alphaF, warmupMinLr, decay, decayFraction, decayMinLr, schedulerTMax);
    }

    /// <summary>
    /// <c>WSDS(period_lengths, period_lr_multipliers=None, warmup=None, warmup_fraction=None, decay=None,
    /// decay_fraction=None, warmup_min_lr=0.0, decay_min_lr=0.0)</c>: warmup–stable–decay, simplified, over periods.
    /// </summary>
    /// <remarks>
    /// <para><expression>OLMo's get_lr: a warmup taken out of the first period, then per period a plateau at lr·multiplier and a line over its last D steps to decay_min_lr</expression></para>
    /// <para>Origin: <c>WSDS</c> (commit fa6c5014): its validation (exactly one of each pair, no default for
    /// <c>decay_fraction</c>, fractions of each period: <c>int(round(fraction · L))</c>, the warmup a fraction of the
    /// <i>first</i> period) and its period search. Quirks reproduced: <c>t_max</c> is ignored; the step at a period's end
    /// is that period's <c>decay_min_lr</c>, so position 0 of every later period is skipped; after the last period the
    /// rate is <c>decay_min_lr</c>. A query is a binary search over the precomputed period ends.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and above the floors.</param>
    /// <param name="periodLengths">The periods' lengths; each &gt; 0, at least one.</param>
    /// <param name="periodLrMultipliers">Each period's peak as a multiple of <paramref name="lr"/>; each &gt; 0, one per period, or null for 1.</param>
    /// <param name="warmup">The warmup in steps; or null with <paramref name="warmupFraction"/>.</param>
    /// <param name="warmupFraction">The warmup as a fraction of the first period; or null.</param>
    /// <param name="decay">Each period's decay in steps; or null with <paramref name="decayFraction"/>.</param>
    /// <param name="decayFraction">Each period's decay as a fraction of its length; or null.</param>
    /// <param name="warmupMinLr">The rate at step 0. Defaults to 0.</param>
    /// <param name="decayMinLr">The rate each decay ends at; ≥ 0. Defaults to 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="periodLengths"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is out of range (OLMo's messages), or not exactly one of a count and its fraction is given.</exception>
    public static LearningRateSchedule WSDS(double lr, IEnumerable<long> periodLengths, IEnumerable<double>? periodLrMultipliers = null, long? warmup = null, double? warmupFraction = null, long? decay = null, double? decayFraction = null, double warmupMinLr = 0.0, double decayMinLr = 0.0)
    {
        long[] lengths = Preconditions.NotNull(periodLengths).ToArray();
        if (lengths.Length == 0)
        {
            throw Preconditions.OutOfRange(nameof(periodLengths), "[]", "at least one period ('period_lengths' must be provided and non-empty.)");
        }

        for (int i = 0; i < lengths.Length; i++)
        {
            if (lengths[i] <= 0)
            {
                throw Preconditions.OutOfRange(nameof(periodLengths), lengths[i], "> 0 (All entries in 'period_lengths' must be > 0.)", i);
            }
        }

        double[]? multipliers = periodLrMultipliers?.ToArray();
        if (multipliers is not null)
        {
            if (multipliers.Length != lengths.Length)
            {
                throw Preconditions.OutOfRange(nameof(periodLrMultipliers), multipliers.Length, $"one per period ({lengths.Length}) ('period_lr_multipliers' length must match 'period_lengths' length.)");
            }

            for (int i = 0; i < multipliers.Length; i++)
            {
                if (!(multipliers[i] > 0) || double.IsPositiveInfinity(multipliers[i]))
                {
                    throw Preconditions.OutOfRange(nameof(periodLrMultipliers), multipliers[i], "a finite number > 0 (All entries in 'period_lr_multipliers' must be > 0.)", i);
                }
            }
        }

        OlmoRule.CountOrFraction(warmup, warmupFraction, nameof(warmup), nameof(warmupFraction));
        OlmoRule.CountOrFraction(decay, decayFraction, nameof(decay), nameof(decayFraction));
        Preconditions.NonNegative(decayMinLr);
        long horizon = 0;
        for (int i = 0; i < lengths.Length; i++)
        {
            horizon = lengths[i] <= long.MaxValue - horizon
                ? horizon + lengths[i]
                : throw Preconditions.OutOfRange(nameof(periodLengths), lengths[i], $"lengths whose sum fits a long (the periods before sum to {Preconditions.Format(horizon)})", i);
        }

        return Build(new OlmoWsds(lengths, multipliers, warmup, warmupFraction, decay, decayFraction, warmupMinLr, decayMinLr), lr, horizon)
            .Declared(nameof(WSDS), lr, lengths, multipliers, warmup, warmupFraction, decay, decayFraction, warmupMinLr, decayMinLr);
    }

    /// <summary><c>ExponentialScheduler(lr_min=1e-9)</c> (<c>"exponential"</c>): grows from <c>lr_min</c> at 0 to <c>lr</c> at <c>t_max</c>, held after.</summary>
    /// <remarks>
    /// <para><expression>OLMo's get_lr: lr if current ≥ t_max; lr_min if current = 0; else lr_min·(lr / lr_min)^(current / t_max)</expression></para>
    /// <para>Origin: <c>ExponentialScheduler.get_lr</c> (commit fa6c5014); <c>lr_min</c> must be positive, as there. An
    /// LR-range-test shape: it rises.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate, reached at <paramref name="tMax"/>; finite and ≥ 0.</param>
    /// <param name="tMax">The horizon; &gt; 0.</param>
    /// <param name="lrMin">The rate at step 0; &gt; 0. Defaults to 1e-9.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range.</exception>
    public static LearningRateSchedule ExponentialScheduler(double lr, long tMax, double lrMin = 1e-9) =>
        Build(new OlmoExponential(lrMin), lr, tMax)
            .Declared(nameof(ExponentialScheduler), lr, tMax, lrMin);

    /// <summary>
    /// <c>SequentialScheduler(schedulers, schedulers_max, override_decay=None)</c> (<c>"sequential"</c>): each scheduler for
    /// its segment, starting from the previous one's final rate; optionally, from <c>override_decay.start</c> on, a decay
    /// from the rate there to the override's end rate.
    /// </summary>
    /// <remarks>
    /// <para><expression>OLMo's _sequential_lr: scheduler k on (its start rate, current − previous segments, min(t_max, max_k))</expression></para>
    /// <para><expression>OLMo's get_lr with override_decay: current &lt; start ? _sequential_lr(lr, current, t_max) : _interpolate_lr(shape, _sequential_lr(lr, start, t_max), end, current − start, duration) while current − start &lt; duration, else end (end = end_lr or end_lr_fraction·lr)</expression></para>
    /// <para>Origin: <c>SequentialScheduler._sequential_lr</c> (commit fa6c5014). <paramref name="schedulers"/> are schedules
    /// built by the other <see cref="OlmoCore"/> methods: their rules are used, and their own <c>lr</c> and <c>t_max</c>
    /// ignored, as OLMo passes its own. Quirks reproduced: <c>schedulers_max</c> are segment lengths, not boundaries; the
    /// boundary step belongs to the earlier scheduler; each later scheduler starts from the previous one's final rate
    /// (<c>get_lr(lr, max, max)</c>) and counts its own steps from 0; a <c>schedulers_max</c> as long as
    /// <c>schedulers</c> has its last entry ignored.</para>
    /// <para><paramref name="overrideDecay"/> is ported from <c>SequentialScheduler.get_lr</c>, <c>_interpolate_lr</c> and
    /// <c>_resolve_override_decay_end</c>: from its <c>start</c> the schedulers are bypassed; the rate goes from
    /// <c>_sequential_lr(lr, start, t_max)</c> to the end rate over <c>duration</c> steps and holds the end rate after
    /// <c>start + duration</c>; <c>t_max</c> is not read while the override is active (OLMo warns so once).</para>
    /// <para>Past <c>t_max</c> OLMo asserts (<c>0 &lt;= current &lt;= t_max</c>), with or without an override. Divergence
    /// (a choice, every value up to <c>t_max</c> being OLMo's): past <c>t_max</c> the rate holds its value at
    /// <c>t_max</c>, except that an override that has started by <c>t_max</c> (<c>start ≤ t_max</c>) runs on past it to
    /// its end rate and holds that, since the override is defined by <c>start</c> and <c>duration</c> alone; an override
    /// starting after <c>t_max</c> is never reached, as in an OLMo run of <c>t_max</c> steps.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and ≥ 0.</param>
    /// <param name="tMax">The horizon of the whole sequence; &gt; the sum of <paramref name="schedulersMax"/>.</param>
    /// <param name="schedulers">Schedules built by <see cref="OlmoCore"/> methods; at least one.</param>
    /// <param name="schedulersMax">The segment lengths of all schedulers but the last; each ≥ 1.</param>
    /// <param name="overrideDecay">The late-stage decay override (<c>override_decay</c>), or null (the default) for none.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException">An argument or a scheduler is null.</exception>
    /// <exception cref="ScheduleArgumentException">A scheduler was not built by <see cref="OlmoCore"/>, the counts do not match, a segment breaks an OLMo assert, or the override's end rate is not finite.</exception>
    public static LearningRateSchedule SequentialScheduler(double lr, long tMax, IEnumerable<ILearningRateSchedule> schedulers, IEnumerable<long> schedulersMax, OverrideDecay? overrideDecay = null)
    {
        ILearningRateSchedule[] children = Preconditions.NotNull(schedulers).ToArray();
        long[] maxes = Preconditions.NotNull(schedulersMax).ToArray();
        if (maxes.Length == children.Length && maxes.Length > 0)
        {
            maxes = maxes[..^1];
        }

        if (children.Length == 0 || maxes.Length + 1 != children.Length)
        {
            throw Preconditions.OutOfRange(nameof(schedulersMax), maxes.Length, $"one fewer than the schedulers ({children.Length}), at least one scheduler (Max steps must be set for all schedulers except the last when using 'SequentialScheduler')");
        }

        var rules = new OlmoRule[children.Length];
        for (int i = 0; i < children.Length; i++)
        {
            rules[i] = Preconditions.NotNull(children[i], nameof(schedulers)) is OlmoSchedule olmo
                ? olmo.Rule
                : throw Preconditions.OutOfRange(nameof(schedulers), children[i].GetType().Name, "a schedule built by an OlmoCore method", i);
        }

        for (int i = 0; i < maxes.Length; i++)
        {
            if (maxes[i] < 1)
            {
                throw Preconditions.OutOfRange(nameof(schedulersMax), maxes[i], ">= 1", i);
            }
        }

        return Build(new OlmoSequential(rules, maxes, overrideDecay?.ToRule()), lr, tMax)
            .Declared(nameof(SequentialScheduler), lr, tMax, children, maxes, overrideDecay);
    }

    /// <summary>
    /// <c>ComposableScheduler(stages, override_decay=None)</c> (<c>"composable"</c>): stages of given durations, each linear
    /// or cosine from its start rate to its end rate, the last end rate held; optionally a decay override.
    /// </summary>
    /// <remarks>
    /// <para><expression>OLMo's _main_schedule_lr: the stage k with S_k ≤ current &lt; S_k + duration_k (S_k the sum of the durations before it) gives _interpolate_lr(shape_k, start_k, end_k, current − S_k, duration_k); after the last stage, its end rate</expression></para>
    /// <para><expression>OLMo's get_lr with override_decay: current &lt; start ? _main_schedule_lr(lr, current) : _interpolate_lr(shape, _main_schedule_lr(lr, start), end, current − start, duration) while current − start &lt; duration, else end</expression></para>
    /// <para>Origin: <c>ComposableScheduler.get_lr</c> and <c>_main_schedule_lr</c> (commit fa6c5014), with
    /// <c>_resolve_stage_start</c> (a stage with neither start rate starts from the previous stage's end rate, the
    /// first from <c>lr</c>), <c>_resolve_lr_from_initial</c> and <c>_interpolate_lr</c>. As there, <c>t_max</c> is ignored:
    /// the schedule is defined by the stage durations alone, so it takes no <c>t_max</c> (OLMo warns once that it is
    /// ignored) and is defined at every step. OLMo's <c>'stages' must be specified and non-empty.</c> is checked here.
    /// Where OLMo walks the stages at every call, the stage ends are summed once, here, and a query binary-searches
    /// them: the same values, at a cost flat in the step. Divergences: a linear stage whose <c>(end − start)·k</c>
    /// overflows a double (rates near <see cref="double.MaxValue"/>) divides first; rates must be finite.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and ≥ 0.</param>
    /// <param name="stages">The stages, in order; at least one.</param>
    /// <param name="overrideDecay">The late-stage decay override (<c>override_decay</c>), or null (the default) for none.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stages"/> or a stage is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, there is no stage, the durations sum past <see cref="long.MaxValue"/>, or a rate (a fraction of <paramref name="lr"/>) is not finite.</exception>
    public static LearningRateSchedule ComposableScheduler(double lr, IEnumerable<ComposableSchedulerStage> stages, OverrideDecay? overrideDecay = null)
    {
        ComposableSchedulerStage[] list = Preconditions.NotNull(stages).ToArray();
        if (list.Length == 0)
        {
            throw Preconditions.OutOfRange(nameof(stages), "[]", "at least one stage ('stages' must be specified and non-empty.)");
        }

        for (int i = 0; i < list.Length; i++)
        {
            Preconditions.NotNull(list[i], nameof(stages));
        }

        var rule = new OlmoComposable(
            [.. list.Select(stage => stage.Duration)],
            [.. list.Select(stage => stage.Shape == "cosine")],
            [.. list.Select(stage => stage.StartLr)],
            [.. list.Select(stage => stage.StartLrFraction)],
            [.. list.Select(stage => stage.EndLr)],
            [.. list.Select(stage => stage.EndLrFraction)],
            overrideDecay?.ToRule());

        // t_max is ignored by the rule and never clamps (HoldsPastTMax is false): any positive horizon does.
        return Build(rule, lr, long.MaxValue)
            .Declared(nameof(ComposableScheduler), lr, list, overrideDecay);
    }
}
