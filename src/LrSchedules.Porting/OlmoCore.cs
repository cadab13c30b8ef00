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
/// below their floor (and below 0) and SequentialScheduler asserts, the rate holds its value at <c>t_max</c>; where
/// OLMo divides 0 by 0 at <c>current = 0</c> with a warmup of 0 (its trainer never asks), the warmup reads 0/0 as 0.</para>
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
    /// <para>Origin: <c>LinearWithWarmup.get_lr</c> (commit fa6c5014). The warmup test is strict (<c>&lt;</c>). The
    /// scheduler's own <c>t_max</c> field, when set, overrides the trainer's: pass it as <paramref name="tMax"/>.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and ≥ 0.</param>
    /// <param name="tMax">The horizon; &gt; 0.</param>
    /// <param name="alphaF">The floor as a fraction of <paramref name="lr"/>; ≥ 0. Defaults to 0.1.</param>
    /// <param name="warmup">The warmup in steps; or null with <paramref name="warmupFraction"/>.</param>
    /// <param name="warmupFraction">The warmup as a fraction of <paramref name="tMax"/>; or null.</param>
    /// <param name="warmupMinLr">The rate at step 0. Defaults to 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or not exactly one of the warmup pair is given.</exception>
    public static LearningRateSchedule LinearWithWarmup(double lr, long tMax, double alphaF = 0.1, long? warmup = null, double? warmupFraction = null, double warmupMinLr = 0.0)
    {
        OlmoRule.CountOrFraction(warmup, warmupFraction, nameof(warmup), nameof(warmupFraction));
        return Build(new OlmoLinear(alphaF, warmup, warmupFraction, warmupMinLr), lr, tMax)
            .Declared(nameof(LinearWithWarmup), lr, tMax, alphaF, warmup, warmupFraction, warmupMinLr);
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
    /// <para>Origin: <c>CosWithWarmup.get_lr</c> (commit fa6c5014). The scheduler's own <c>t_max</c> field, when set, is passed as <paramref name="tMax"/>.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and ≥ 0.</param>
    /// <param name="tMax">The horizon; &gt; 0.</param>
    /// <param name="warmup">The warmup in steps; or null with <paramref name="warmupFraction"/>.</param>
    /// <param name="warmupFraction">The warmup as a fraction of <paramref name="tMax"/>; or null.</param>
    /// <param name="alphaF">The floor as a fraction of <paramref name="lr"/>; ≥ 0. Defaults to 0.1.</param>
    /// <param name="warmupMinLr">The rate at step 0. Defaults to 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or not exactly one of the warmup pair is given.</exception>
    public static LearningRateSchedule CosWithWarmup(double lr, long tMax, long? warmup = null, double? warmupFraction = null, double alphaF = 0.1, double warmupMinLr = 0.0)
    {
        OlmoRule.CountOrFraction(warmup, warmupFraction, nameof(warmup), nameof(warmupFraction));
        return Build(new OlmoCos(alphaF, warmup, warmupFraction, warmupMinLr), lr, tMax)
            .Declared(nameof(CosWithWarmup), lr, tMax, warmup, warmupFraction, alphaF, warmupMinLr);
    }

    /// <summary><c>HalfCosWithWarmup(warmup=None, warmup_fraction=None, alpha_f=0.1, t_max=None, warmup_min_lr=0.0)</c>: warmup to the midpoint, then the second half of a cosine.</summary>
    /// <remarks>
    /// <para><expression>OLMo's get_lr: warmup to (lr + eta_min)/2 if current &lt; W; eta_min if current ≥ t_max; else eta_min + (lr − eta_min)(1 + cos(π(current − W + T′)/(2T′)))/2 with T′ = t_max − W</expression></para>
    /// <para>Origin: <c>HalfCosWithWarmup.get_lr</c> (commit fa6c5014). Quirk reproduced: it warms up to the midpoint
    /// <c>eta_min + (lr − eta_min)/2</c>, not to <c>lr</c>.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and ≥ 0.</param>
    /// <param name="tMax">The horizon; &gt; 0.</param>
    /// <param name="warmup">The warmup in steps; or null with <paramref name="warmupFraction"/>.</param>
    /// <param name="warmupFraction">The warmup as a fraction of <paramref name="tMax"/>; or null.</param>
    /// <param name="alphaF">The floor as a fraction of <paramref name="lr"/>; ≥ 0. Defaults to 0.1.</param>
    /// <param name="warmupMinLr">The rate at step 0. Defaults to 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or not exactly one of the warmup pair is given.</exception>
    public static LearningRateSchedule HalfCosWithWarmup(double lr, long tMax, long? warmup = null, double? warmupFraction = null, double alphaF = 0.1, double warmupMinLr = 0.0)
    {
        OlmoRule.CountOrFraction(warmup, warmupFraction, nameof(warmup), nameof(warmupFraction));
        return Build(new OlmoHalfCos(alphaF, warmup, warmupFraction, warmupMinLr), lr, tMax)
            .Declared(nameof(HalfCosWithWarmup), lr, tMax, warmup, warmupFraction, alphaF, warmupMinLr);
    }

    /// <summary>
    /// <c>CosWithWarmupAndLinearDecay(warmup=None, warmup_fraction=None, alpha_f=0.1, t_max=None, warmup_min_lr=0.0,
    /// decay=None, decay_fraction=0.1, decay_min_lr=0.0)</c>: <see cref="CosWithWarmup"/> cut at <c>t_max − decay</c>,
    /// then a line to <c>decay_min_lr</c>.
    /// </summary>
    /// <remarks>
    /// <para><expression>OLMo's get_lr: current ≥ t_max − D ? decay_min_lr + (cos(t_max − D) − decay_min_lr)·min(t_max − current, D)/D : CosWithWarmup</expression></para>
    /// <para>Origin: <c>CosWithWarmupAndLinearDecay.get_lr</c> (commit fa6c5014). Quirk reproduced: the decay test comes
    /// before the warmup's. Divergences: past <c>t_max</c> the rate holds <c>decay_min_lr</c>; a scheduler <c>t_max</c>
    /// field different from the trainer's (OLMo then uses the trainer's for the tail and the field's for the cosine) is
    /// not supported: one <paramref name="tMax"/>.</para>
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
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or not exactly one of a count and its fraction is given.</exception>
    public static LearningRateSchedule CosWithWarmupAndLinearDecay(double lr, long tMax, long? warmup = null, double? warmupFraction = null, double alphaF = 0.1, double warmupMinLr = 0.0, long? decay = null, double? decayFraction = 0.1, double decayMinLr = 0.0)
    {
        OlmoRule.CountOrFraction(warmup, warmupFraction, nameof(warmup), nameof(warmupFraction));
        OlmoRule.CountOrFraction(decay, decayFraction, nameof(decay), nameof(decayFraction));
        return Build(new OlmoCosLinearDecay(alphaF, warmup, warmupFraction, warmupMinLr, decay, decayFraction, decayMinLr), lr, tMax)
            .Declared(nameof(CosWithWarmupAndLinearDecay), lr, tMax, warmup, warmupFraction, alphaF, warmupMinLr, decay, decayFraction, decayMinLr);
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
        long horizon = lengths.Aggregate(0L, (sum, l) => checked(sum + l));
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
    /// <c>SequentialScheduler(schedulers, schedulers_max)</c> (<c>"sequential"</c>): each scheduler for its segment, starting
    /// from the previous one's final rate.
    /// </summary>
    /// <remarks>
    /// <para><expression>OLMo's _sequential_lr: scheduler k on (its start rate, current − previous segments, min(t_max, max_k))</expression></para>
    /// <para>Origin: <c>SequentialScheduler._sequential_lr</c> (commit fa6c5014). <paramref name="schedulers"/> are schedules
    /// built by the other <see cref="OlmoCore"/> methods: their rules are used, and their own <c>lr</c> and <c>t_max</c>
    /// ignored, as OLMo passes its own. Quirks reproduced: <c>schedulers_max</c> are segment lengths, not boundaries; the
    /// boundary step belongs to the earlier scheduler; each later scheduler starts from the previous one's final rate
    /// (<c>get_lr(lr, max, max)</c>) and counts its own steps from 0; a <c>schedulers_max</c> as long as
    /// <c>schedulers</c> has its last entry ignored. Past <c>t_max</c> (an assert in OLMo) the rate holds its value at
    /// <c>t_max</c>. Divergence: <c>override_decay</c> is not supported.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>initial_lr</c>); finite and ≥ 0.</param>
    /// <param name="tMax">The horizon of the whole sequence; &gt; the sum of <paramref name="schedulersMax"/>.</param>
    /// <param name="schedulers">Schedules built by <see cref="OlmoCore"/> methods; at least one.</param>
    /// <param name="schedulersMax">The segment lengths of all schedulers but the last; each ≥ 1.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException">An argument or a scheduler is null.</exception>
    /// <exception cref="ScheduleArgumentException">A scheduler was not built by <see cref="OlmoCore"/>, the counts do not match, or a segment breaks an OLMo assert.</exception>
    public static LearningRateSchedule SequentialScheduler(double lr, long tMax, IEnumerable<ILearningRateSchedule> schedulers, IEnumerable<long> schedulersMax)
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

        return Build(new OlmoSequential(rules, maxes), lr, tMax)
            .Declared(nameof(SequentialScheduler), lr, tMax, children, maxes);
    }
}
