namespace LrSchedules.Porting;

/// <summary>
/// timm's <c>timm/scheduler</c>, value for value: each scheduler class with its parameters C#-cased
/// (<c>t_initial</c> → <c>tInitial</c>, <c>warmup_lr_init</c> → <c>warmupLrInit</c>) and its defaults, the optimizer's
/// learning rate as <c>lr</c>, plus <see cref="CreateSchedulerV2"/>'s arguments.
/// </summary>
/// <remarks>
/// <para>Origin: huggingface/pytorch-image-models at commit aa4b5850c1543fa488abf260f18390eda46cf85d (timm 1.0.29):
/// <c>timm/scheduler/scheduler.py</c>, <c>cosine_lr.py</c>, <c>tanh_lr.py</c>, <c>poly_lr.py</c>, <c>step_lr.py</c>,
/// <c>multistep_lr.py</c>, <c>plateau_lr.py</c>, <c>scheduler_factory.py</c>. The value at <c>t</c> is timm's
/// <c>_get_lr(t)</c>, where <c>t</c> is the epoch (<c>t_in_epochs=True</c>) or the update count; <c>t_in_epochs</c> and
/// <c>initialize</c> do not change the values and are accepted as given.</para>
/// <para>timm's learning-rate noise is random (a torch generator seeded per step): any <c>noise_range_t</c> other than
/// null is rejected; <c>noise_pct</c>, <c>noise_std</c> and <c>noise_seed</c> do nothing without it and are accepted.</para>
/// </remarks>
[ConfigurationFactories(Prefix = "timm.scheduler", Alias = "timm")]
public static class Timm
{
    private const string NoNoise = "null: timm's noise is random (a torch generator seeded per step) and has no closed form; noise_range_t is not supported";

    /// <summary>
    /// <c>CosineLRScheduler(optimizer, t_initial, lr_min=0, cycle_mul=1, cycle_decay=1, cycle_limit=1, warmup_t=0,
    /// warmup_lr_init=0, warmup_prefix=False, t_in_epochs=True, noise_range_t=None, noise_pct=0.67, noise_std=1.0,
    /// noise_seed=42, k_decay=1.0, initialize=True)</c>.
    /// </summary>
    /// <remarks>
    /// <para><expression>Schedule.CosineWarmRestarts(lr, lrMin, tInitial, cycleMul, cycleDecay, cycleLimit, kDecay).WithLinearWarmup(warmupT, warmupLrInit, warmupPrefix ? Prefix : Overlay)</expression></para>
    /// <para>Origin: <c>cosine_lr.py</c> (commit aa4b5850). After <c>cycle_limit</c> cycles the rate holds <c>lr_min</c>.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="tInitial">The first cycle's length; &gt; 0.</param>
    /// <param name="lrMin">The floor; finite and ≥ 0. Defaults to 0.</param>
    /// <param name="cycleMul">The growth of the cycle length; ≥ 1. Defaults to 1.</param>
    /// <param name="cycleDecay">The decay of the peak per cycle; in (0, 1]. Defaults to 1.</param>
    /// <param name="cycleLimit">The number of cycles; ≥ 1. Defaults to 1.</param>
    /// <param name="warmupT">The warmup; ≥ 0. Defaults to 0.</param>
    /// <param name="warmupLrInit">The warmup's start; finite and ≥ 0. Defaults to 0.</param>
    /// <param name="warmupPrefix">Whether the cosine starts after the warmup. Defaults to false.</param>
    /// <param name="tInEpochs">Whether timm steps it per epoch (no effect on the values). Defaults to true.</param>
    /// <param name="noiseRangeT">Must be null (noise is random).</param>
    /// <param name="noisePct">Unused without noise. Defaults to 0.67.</param>
    /// <param name="noiseStd">Unused without noise. Defaults to 1.</param>
    /// <param name="noiseSeed">Unused without noise. Defaults to 42.</param>
    /// <param name="kDecay">The k-decay exponent; &gt; 0. Defaults to 1.</param>
    /// <param name="initialize">Whether timm sets <c>initial_lr</c> (no effect on the values). Defaults to true.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or <paramref name="noiseRangeT"/> is given.</exception>
    public static LearningRateSchedule CosineLRScheduler(
        double lr, long tInitial, double lrMin = 0.0, double cycleMul = 1.0, double cycleDecay = 1.0, long cycleLimit = 1,
        long warmupT = 0, double warmupLrInit = 0.0, bool warmupPrefix = false, bool tInEpochs = true, double[]? noiseRangeT = null,
        double noisePct = 0.67, double noiseStd = 1.0, long noiseSeed = 42, double kDecay = 1.0, bool initialize = true)
    {
        Port.OnlyDefault(noiseRangeT is null, nameof(noiseRangeT), noiseRangeT, NoNoise);
        var cosine = Schedule.CosineWarmRestarts(lr, lrMin, tInitial, cycleMul, cycleDecay, Limit(cycleLimit), kDecay);
        return Warmup(cosine, warmupT, warmupLrInit, warmupPrefix).Ported()
            .Declared(nameof(CosineLRScheduler), lr, tInitial, lrMin, cycleMul, cycleDecay, cycleLimit, warmupT, warmupLrInit, warmupPrefix, tInEpochs, noiseRangeT, noisePct, noiseStd, noiseSeed, kDecay, initialize);
    }

    /// <summary>
    /// <c>TanhLRScheduler(optimizer, t_initial, lb=-7, ub=3, lr_min=0, cycle_mul=1, cycle_decay=1, cycle_limit=1,
    /// warmup_t=0, warmup_lr_init=0, warmup_prefix=False, t_in_epochs=True, noise_range_t=None, noise_pct=0.67,
    /// noise_std=1.0, noise_seed=42, initialize=True)</c>.
    /// </summary>
    /// <remarks>
    /// <para><expression>Schedule.Tanh(lr, lrMin, tInitial, lb, ub, cycleMul, cycleDecay, cycleLimit).WithLinearWarmup(warmupT, warmupLrInit, placement, target)</expression></para>
    /// <para>Origin: <c>tanh_lr.py</c> (commit aa4b5850). Quirk reproduced: without a prefix the warmup ramps to the tanh's
    /// value at <c>warmup_t</c>, not to <c>lr</c>.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="tInitial">The first cycle's length; &gt; 0.</param>
    /// <param name="lb">The tanh argument at a cycle's start. Defaults to −7.</param>
    /// <param name="ub">The tanh argument at a cycle's end; &gt; <paramref name="lb"/>. Defaults to 3.</param>
    /// <param name="lrMin">The floor; finite and ≥ 0. Defaults to 0.</param>
    /// <param name="cycleMul">The growth of the cycle length; ≥ 1. Defaults to 1.</param>
    /// <param name="cycleDecay">The decay of the peak per cycle; in (0, 1]. Defaults to 1.</param>
    /// <param name="cycleLimit">The number of cycles; ≥ 1. Defaults to 1.</param>
    /// <param name="warmupT">The warmup; ≥ 0. Defaults to 0.</param>
    /// <param name="warmupLrInit">The warmup's start; finite and ≥ 0. Defaults to 0.</param>
    /// <param name="warmupPrefix">Whether the tanh starts after the warmup. Defaults to false.</param>
    /// <param name="tInEpochs">No effect on the values. Defaults to true.</param>
    /// <param name="noiseRangeT">Must be null (noise is random).</param>
    /// <param name="noisePct">Unused without noise. Defaults to 0.67.</param>
    /// <param name="noiseStd">Unused without noise. Defaults to 1.</param>
    /// <param name="noiseSeed">Unused without noise. Defaults to 42.</param>
    /// <param name="initialize">No effect on the values. Defaults to true.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or <paramref name="noiseRangeT"/> is given.</exception>
    public static LearningRateSchedule TanhLRScheduler(
        double lr, long tInitial, double lb = -7.0, double ub = 3.0, double lrMin = 0.0, double cycleMul = 1.0, double cycleDecay = 1.0,
        long cycleLimit = 1, long warmupT = 0, double warmupLrInit = 0.0, bool warmupPrefix = false, bool tInEpochs = true,
        double[]? noiseRangeT = null, double noisePct = 0.67, double noiseStd = 1.0, long noiseSeed = 42, bool initialize = true)
    {
        Port.OnlyDefault(noiseRangeT is null, nameof(noiseRangeT), noiseRangeT, NoNoise);
        var tanh = Schedule.Tanh(lr, lrMin, tInitial, lb, ub, cycleMul, cycleDecay, Limit(cycleLimit));
        Preconditions.NonNegative(warmupT);
        double target = warmupPrefix ? lr : tanh.GetLearningRate(warmupT);
        return Warmup(tanh, warmupT, warmupLrInit, warmupPrefix, target).Ported()
            .Declared(nameof(TanhLRScheduler), lr, tInitial, lb, ub, lrMin, cycleMul, cycleDecay, cycleLimit, warmupT, warmupLrInit, warmupPrefix, tInEpochs, noiseRangeT, noisePct, noiseStd, noiseSeed, initialize);
    }

    /// <summary>
    /// <c>PolyLRScheduler(optimizer, t_initial, power=0.5, lr_min=0, cycle_mul=1, cycle_decay=1, cycle_limit=1,
    /// warmup_t=0, warmup_lr_init=0, warmup_prefix=False, t_in_epochs=True, noise_range_t=None, noise_pct=0.67,
    /// noise_std=1.0, noise_seed=42, k_decay=1.0, initialize=True)</c>.
    /// </summary>
    /// <remarks>
    /// <para><expression>Schedule.PolynomialWarmRestarts(lr, lrMin, tInitial, power, cycleMul, cycleDecay, cycleLimit, kDecay).WithLinearWarmup(warmupT, warmupLrInit, placement)</expression></para>
    /// <para>Origin: <c>poly_lr.py</c> (commit aa4b5850).</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="tInitial">The first cycle's length; &gt; 0.</param>
    /// <param name="power">The exponent; &gt; 0. Defaults to 0.5.</param>
    /// <param name="lrMin">The floor; finite and ≥ 0. Defaults to 0.</param>
    /// <param name="cycleMul">The growth of the cycle length; ≥ 1. Defaults to 1.</param>
    /// <param name="cycleDecay">The decay of the peak per cycle; in (0, 1]. Defaults to 1.</param>
    /// <param name="cycleLimit">The number of cycles; ≥ 1. Defaults to 1.</param>
    /// <param name="warmupT">The warmup; ≥ 0. Defaults to 0.</param>
    /// <param name="warmupLrInit">The warmup's start; finite and ≥ 0. Defaults to 0.</param>
    /// <param name="warmupPrefix">Whether the decay starts after the warmup. Defaults to false.</param>
    /// <param name="tInEpochs">No effect on the values. Defaults to true.</param>
    /// <param name="noiseRangeT">Must be null (noise is random).</param>
    /// <param name="noisePct">Unused without noise. Defaults to 0.67.</param>
    /// <param name="noiseStd">Unused without noise. Defaults to 1.</param>
    /// <param name="noiseSeed">Unused without noise. Defaults to 42.</param>
    /// <param name="kDecay">The k-decay exponent; &gt; 0. Defaults to 1.</param>
    /// <param name="initialize">No effect on the values. Defaults to true.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or <paramref name="noiseRangeT"/> is given.</exception>
    public static LearningRateSchedule PolyLRScheduler(
        double lr, long tInitial, double power = 0.5, double lrMin = 0.0, double cycleMul = 1.0, double cycleDecay = 1.0, long cycleLimit = 1,
        long warmupT = 0, double warmupLrInit = 0.0, bool warmupPrefix = false, bool tInEpochs = true, double[]? noiseRangeT = null,
        double noisePct = 0.67, double noiseStd = 1.0, long noiseSeed = 42, double kDecay = 1.0, bool initialize = true)
    {
        Port.OnlyDefault(noiseRangeT is null, nameof(noiseRangeT), noiseRangeT, NoNoise);
        var poly = Schedule.PolynomialWarmRestarts(lr, lrMin, tInitial, power, cycleMul, cycleDecay, Limit(cycleLimit), kDecay);
        return Warmup(poly, warmupT, warmupLrInit, warmupPrefix).Ported()
            .Declared(nameof(PolyLRScheduler), lr, tInitial, power, lrMin, cycleMul, cycleDecay, cycleLimit, warmupT, warmupLrInit, warmupPrefix, tInEpochs, noiseRangeT, noisePct, noiseStd, noiseSeed, kDecay, initialize);
    }

    /// <summary>
    /// <c>StepLRScheduler(optimizer, decay_t, decay_rate=1.0, warmup_t=0, warmup_lr_init=0, warmup_prefix=True,
    /// t_in_epochs=True, noise_range_t=None, noise_pct=0.67, noise_std=1.0, noise_seed=42, initialize=True)</c>.
    /// </summary>
    /// <remarks>
    /// <para><expression>Schedule.Step(lr, decayT, decayRate).WithLinearWarmup(warmupT, warmupLrInit, placement)</expression></para>
    /// <para>Origin: <c>step_lr.py</c> (commit aa4b5850); <c>warmup_prefix</c> defaults to true here. Divergence: timm types
    /// <c>decay_t</c> as a float; a fractional period has no whole-step equivalent and is rejected (the type is a step count).</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="decayT">The decay period; &gt; 0.</param>
    /// <param name="decayRate">The factor per period; &gt; 0. Defaults to 1 (no decay).</param>
    /// <param name="warmupT">The warmup; ≥ 0. Defaults to 0.</param>
    /// <param name="warmupLrInit">The warmup's start; finite and ≥ 0. Defaults to 0.</param>
    /// <param name="warmupPrefix">Whether the decay starts after the warmup. Defaults to true.</param>
    /// <param name="tInEpochs">No effect on the values. Defaults to true.</param>
    /// <param name="noiseRangeT">Must be null (noise is random).</param>
    /// <param name="noisePct">Unused without noise. Defaults to 0.67.</param>
    /// <param name="noiseStd">Unused without noise. Defaults to 1.</param>
    /// <param name="noiseSeed">Unused without noise. Defaults to 42.</param>
    /// <param name="initialize">No effect on the values. Defaults to true.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or <paramref name="noiseRangeT"/> is given.</exception>
    public static LearningRateSchedule StepLRScheduler(
        double lr, long decayT, double decayRate = 1.0, long warmupT = 0, double warmupLrInit = 0.0, bool warmupPrefix = true,
        bool tInEpochs = true, double[]? noiseRangeT = null, double noisePct = 0.67, double noiseStd = 1.0, long noiseSeed = 42, bool initialize = true)
    {
        Port.OnlyDefault(noiseRangeT is null, nameof(noiseRangeT), noiseRangeT, NoNoise);
        return Warmup(Schedule.Step(lr, decayT, decayRate), warmupT, warmupLrInit, warmupPrefix).Ported()
            .Declared(nameof(StepLRScheduler), lr, decayT, decayRate, warmupT, warmupLrInit, warmupPrefix, tInEpochs, noiseRangeT, noisePct, noiseStd, noiseSeed, initialize);
    }

    /// <summary>
    /// <c>MultiStepLRScheduler(optimizer, decay_t, decay_rate=1.0, warmup_t=0, warmup_lr_init=0, warmup_prefix=True,
    /// t_in_epochs=True, noise_range_t=None, noise_pct=0.67, noise_std=1.0, noise_seed=42, initialize=True)</c>.
    /// </summary>
    /// <remarks>
    /// <para><expression>Torch.MultiStepLR(lr, decayT − 1, decayRate).WithLinearWarmup(warmupT, warmupLrInit, placement)</expression></para>
    /// <para>Origin: <c>multistep_lr.py</c> (commit aa4b5850). Quirk reproduced: timm counts milestones with
    /// <c>bisect_right(decay_t, t + 1)</c>, so each decay applies one step before its milestone (a milestone 0 or 1 from
    /// step 0), and a repeated milestone decays twice.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="decayT">The milestones; each ≥ 0.</param>
    /// <param name="decayRate">The factor per milestone; &gt; 0. Defaults to 1.</param>
    /// <param name="warmupT">The warmup; ≥ 0. Defaults to 0.</param>
    /// <param name="warmupLrInit">The warmup's start; finite and ≥ 0. Defaults to 0.</param>
    /// <param name="warmupPrefix">Whether the decay starts after the warmup. Defaults to true.</param>
    /// <param name="tInEpochs">No effect on the values. Defaults to true.</param>
    /// <param name="noiseRangeT">Must be null (noise is random).</param>
    /// <param name="noisePct">Unused without noise. Defaults to 0.67.</param>
    /// <param name="noiseStd">Unused without noise. Defaults to 1.</param>
    /// <param name="noiseSeed">Unused without noise. Defaults to 42.</param>
    /// <param name="initialize">No effect on the values. Defaults to true.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decayT"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or <paramref name="noiseRangeT"/> is given.</exception>
    public static LearningRateSchedule MultiStepLRScheduler(
        double lr, IEnumerable<long> decayT, double decayRate = 1.0, long warmupT = 0, double warmupLrInit = 0.0, bool warmupPrefix = true,
        bool tInEpochs = true, double[]? noiseRangeT = null, double noisePct = 0.67, double noiseStd = 1.0, long noiseSeed = 42, bool initialize = true)
    {
        Port.OnlyDefault(noiseRangeT is null, nameof(noiseRangeT), noiseRangeT, NoNoise);
        long[] copy = Preconditions.NotNull(decayT).ToArray();
        long[] shifted = copy.Select(d => d < 0 ? d : Math.Max(0, d - 1)).ToArray();
        var decay = Torch.CountedMilestones(lr, shifted, decayRate, nameof(decayT));
        return Warmup(decay, warmupT, warmupLrInit, warmupPrefix).Ported()
            .Declared(nameof(MultiStepLRScheduler), lr, copy, decayRate, warmupT, warmupLrInit, warmupPrefix, tInEpochs, noiseRangeT, noisePct, noiseStd, noiseSeed, initialize);
    }

    /// <summary>
    /// <c>PlateauLRScheduler(optimizer, decay_rate=0.1, patience_t=10, threshold=1e-4, cooldown_t=0, warmup_t=0,
    /// warmup_lr_init=0, lr_min=0, mode="max", noise_range_t=None, noise_type="normal", noise_pct=0.67, noise_std=1.0,
    /// noise_seed=None, initialize=True)</c>: PyTorch's plateau controller, <c>mode="max"</c> by default, behind timm's warmup.
    /// </summary>
    /// <remarks>
    /// <para><expression>warmupT = 0: Torch.ReduceLROnPlateau(lr, mode, decayRate, patienceT, threshold, "rel", cooldownT, lrMin); warmupT &gt; 0: timm's warmup (warmupLrInit + min(t, warmupT) · (lr − warmupLrInit) / warmupT).ReduceOnPlateau(new ReduceOnPlateauOptions { Mode, Factor = decayRate, Patience = patienceT, Threshold, Cooldown = cooldownT, MinimumLearningRate = lrMin, IgnoredReports = warmupT })</expression></para>
    /// <para>Origin: <c>plateau_lr.py</c> (commit aa4b5850), as <c>train.py</c> calls it: <c>lr_scheduler.step(epoch + 1, metric)</c>
    /// at the end of each epoch. Report <c>n</c> here is timm's <c>step(n, metric)</c>, and the rate at step <c>t</c> is the
    /// optimizer's after <c>t</c> of them. With <c>warmup_t = W &gt; 0</c> timm starts at <c>warmup_lr_init</c>, sets
    /// <c>warmup_lr_init + n · s</c> with <c>s = (lr − warmup_lr_init) / W</c> at <c>step(n)</c> for <c>n ≤ W</c> and drops
    /// those metrics (its inner <c>ReduceLROnPlateau</c> never sees them); from report <c>W + 1</c> on, torch's controller
    /// compares the metrics and reduces the optimizer's rate, which is the warmup's last value
    /// <c>warmup_lr_init + W · s</c>. This port computes the warmup in timm's arithmetic, ignores the first <c>W</c>
    /// reports (<see cref="ReduceOnPlateauOptions.IgnoredReports"/>) and reduces the held rate one multiplication at a
    /// time as torch does: every rate equals timm's bit for bit.</para>
    /// <para>Divergences: a step with <c>metric=None</c> (timm's <c>train.py</c> on epochs without validation) has no
    /// equivalent: every report carries a metric. A negative <c>warmup_t</c> (which timm takes as a warmup that never
    /// ends) is rejected, and so is one above <c>int.MaxValue</c>.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="decayRate">The reduction factor; in (0, 1). Defaults to 0.1.</param>
    /// <param name="patienceT">The bad reports tolerated; ≥ 0. Defaults to 10.</param>
    /// <param name="threshold">The relative threshold; finite and ≥ 0. Defaults to 1e-4.</param>
    /// <param name="cooldownT">The reports ignored after a reduction; ≥ 0. Defaults to 0.</param>
    /// <param name="warmupT">The warmup in reports (epochs), whose metrics are dropped; in [0, int.MaxValue]. Defaults to 0.</param>
    /// <param name="warmupLrInit">The warmup's start; finite and ≥ 0. Defaults to 0.</param>
    /// <param name="lrMin">The floor. Defaults to 0.</param>
    /// <param name="mode">"min" or "max". Defaults to "max".</param>
    /// <param name="noiseRangeT">Must be null (noise is random).</param>
    /// <param name="noiseType">Unused without noise. Defaults to "normal".</param>
    /// <param name="noisePct">Unused without noise. Defaults to 0.67.</param>
    /// <param name="noiseStd">Unused without noise. Defaults to 1.</param>
    /// <param name="noiseSeed">Unused without noise.</param>
    /// <param name="initialize">No effect on the values. Defaults to true.</param>
    /// <returns>A new controller (one per training run).</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or noise is given.</exception>
    public static ReduceLearningRateOnPlateau PlateauLRScheduler(
        double lr, double decayRate = 0.1, long patienceT = 10, double threshold = 1e-4, long cooldownT = 0, long warmupT = 0,
        double warmupLrInit = 0.0, double lrMin = 0.0, string mode = "max", double[]? noiseRangeT = null, string noiseType = "normal",
        double noisePct = 0.67, double noiseStd = 1.0, long? noiseSeed = null, bool initialize = true) =>
        Plateau(lr, decayRate, patienceT, threshold, cooldownT, warmupT, warmupLrInit, lrMin, mode, noiseRangeT, (nameof(warmupT), nameof(warmupLrInit), nameof(lrMin), nameof(mode), nameof(patienceT), nameof(noiseRangeT)))
            .Redeclared(nameof(PlateauLRScheduler), lr, decayRate, patienceT, threshold, cooldownT, warmupT, warmupLrInit, lrMin, mode, noiseRangeT, noiseType, noisePct, noiseStd, noiseSeed, initialize);

    /// <summary>
    /// <c>create_scheduler_v2(optimizer, sched="cosine", num_epochs=300, decay_epochs=90, decay_milestones=(90, 180, 270),
    /// cooldown_epochs=0, patience_epochs=10, decay_rate=0.1, min_lr=0, warmup_lr=1e-5, warmup_epochs=0,
    /// warmup_prefix=False, noise=None, noise_pct=0.67, noise_std=1, noise_seed=42, cycle_mul=1, cycle_decay=0.1,
    /// cycle_limit=1, k_decay=1.0, plateau_mode="max", step_on_epochs=True, updates_per_epoch=0)</c>: the scheduler and
    /// the number of epochs to train.
    /// </summary>
    /// <remarks>
    /// <para><expression>cosine → CosineLRScheduler, tanh → TanhLRScheduler, step → StepLRScheduler, multistep →
    /// MultiStepLRScheduler, poly → PolyLRScheduler (power = decay_rate), each with the factory's arguments; with
    /// step_on_epochs and updates_per_epoch &gt; 0, .PerEpoch(updatesPerEpoch); plateau → PlateauLRScheduler(lr, decayRate,
    /// patienceEpochs, cooldownT: 0, warmupT: warmupEpochs, warmupLrInit: warmupLr, lrMin: minLr, mode: plateauMode)</expression></para>
    /// <para>Origin: <c>scheduler_factory.py</c> <c>create_scheduler_v2</c> (commit aa4b5850). Quirks reproduced: the factory's
    /// defaults differ from the constructors' (<c>warmup_prefix=False</c> even for step and multistep, <c>cycle_decay=0.1</c>,
    /// <c>warmup_lr=1e-5</c>, <c>decay_rate</c> as poly's power); with <c>step_on_epochs=False</c> every epoch count is
    /// multiplied by <c>updates_per_epoch</c> and the schedule counts updates. This port returns a schedule on updates in
    /// both cases when <c>updates_per_epoch &gt; 0</c> (per epoch: each epoch's rate held for its updates,
    /// <see cref="ScheduleExtensions.PerEpoch"/>), and on epochs when it is 0. The epoch count is timm's: the cycle length
    /// plus <c>cooldown_epochs</c> for cosine, tanh and poly, else <c>num_epochs</c> (+ <c>warmup_epochs</c> with a prefix).
    /// "plateau" gives the metric-driven controller (<see cref="PortedScheduler.Plateau"/>), built as timm's branch builds it:
    /// <c>PlateauLRScheduler(optimizer, decay_rate=decay_rate, patience_t=patience_epochs, cooldown_t=0, warmup_lr_init=warmup_lr,
    /// warmup_t=warmup_epochs, lr_min=min_lr, mode=plateau_mode)</c> (<c>warmup_prefix</c> dropped, <c>cooldown_epochs</c>
    /// only counted), after timm's <c>assert step_on_epochs</c>; it counts reports, one per epoch, whatever
    /// <c>updates_per_epoch</c> is (timm's <c>step_update</c> does nothing for it). Every other name gives a schedule
    /// (<see cref="PortedScheduler.Schedule"/>).
    /// Divergences: an unknown <c>sched</c> (timm returns None) is rejected with the accepted names; a non-null <c>noise</c> is rejected.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="sched">"cosine", "tanh", "step", "multistep", "poly" or "plateau". Defaults to "cosine".</param>
    /// <param name="numEpochs">The epochs (<c>t_initial</c>). Defaults to 300.</param>
    /// <param name="decayEpochs">step's period. Defaults to 90.</param>
    /// <param name="decayMilestones">multistep's milestones; null for (90, 180, 270).</param>
    /// <param name="cooldownEpochs">Epochs added to the count (no effect on the rate). Defaults to 0.</param>
    /// <param name="patienceEpochs">plateau's patience (<c>patience_t</c>); ≥ 0. Defaults to 10.</param>
    /// <param name="decayRate">The step factor, or poly's power. Defaults to 0.1.</param>
    /// <param name="minLr">The floor (<c>lr_min</c>). Defaults to 0.</param>
    /// <param name="warmupLr">The warmup's start (<c>warmup_lr_init</c>). Defaults to 1e-5.</param>
    /// <param name="warmupEpochs">The warmup (<c>warmup_t</c>). Defaults to 0.</param>
    /// <param name="warmupPrefix">Whether the schedule starts after the warmup. Defaults to false.</param>
    /// <param name="noise">Must be null (noise is random).</param>
    /// <param name="noisePct">Unused without noise. Defaults to 0.67.</param>
    /// <param name="noiseStd">Unused without noise. Defaults to 1.</param>
    /// <param name="noiseSeed">Unused without noise. Defaults to 42.</param>
    /// <param name="cycleMul">The growth of the cycle length. Defaults to 1.</param>
    /// <param name="cycleDecay">The decay of the peak per cycle. Defaults to 0.1.</param>
    /// <param name="cycleLimit">The number of cycles. Defaults to 1.</param>
    /// <param name="kDecay">The k-decay exponent. Defaults to 1.</param>
    /// <param name="plateauMode">plateau's mode, "min" or "max". Defaults to "max".</param>
    /// <param name="stepOnEpochs">Whether timm steps the scheduler per epoch (else per update; rejected for plateau). Defaults to true.</param>
    /// <param name="updatesPerEpoch">The optimizer updates per epoch; required (&gt; 0) when <paramref name="stepOnEpochs"/> is false. Defaults to 0.</param>
    /// <returns>The schedule (on updates when <paramref name="updatesPerEpoch"/> &gt; 0, else on epochs) or, for plateau, the controller (on epochs), and the number of epochs to train.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, an unknown <paramref name="sched"/>, plateau per update, or noise.</exception>
    [ConfigurationName("create_scheduler_v2")]
    public static (PortedScheduler Scheduler, long NumEpochs) CreateSchedulerV2(
        double lr, string sched = "cosine", long numEpochs = 300, long decayEpochs = 90, IEnumerable<long>? decayMilestones = null,
        long cooldownEpochs = 0, long patienceEpochs = 10, double decayRate = 0.1, double minLr = 0.0, double warmupLr = 1e-5,
        long warmupEpochs = 0, bool warmupPrefix = false, double[]? noise = null, double noisePct = 0.67, double noiseStd = 1.0,
        long noiseSeed = 42, double cycleMul = 1.0, double cycleDecay = 0.1, long cycleLimit = 1, double kDecay = 1.0,
        string plateauMode = "max", bool stepOnEpochs = true, long updatesPerEpoch = 0)
    {
        Port.OneOf(sched, nameof(sched), "cosine", "tanh", "step", "multistep", "poly", "plateau");
        Port.OnlyDefault(noise is null, nameof(noise), noise, NoNoise);
        Preconditions.NonNegative(updatesPerEpoch);
        if (!stepOnEpochs && updatesPerEpoch == 0)
        {
            throw Preconditions.OutOfRange(nameof(updatesPerEpoch), updatesPerEpoch, "> 0 when stepOnEpochs is false (updates_per_epoch must be set to number of dataloader batches)");
        }

        long[]? givenMilestones = decayMilestones?.ToArray();
        object?[] call = [lr, sched, numEpochs, decayEpochs, givenMilestones, cooldownEpochs, patienceEpochs, decayRate, minLr, warmupLr, warmupEpochs,
            warmupPrefix, noise, noisePct, noiseStd, noiseSeed, cycleMul, cycleDecay, cycleLimit, kDecay, plateauMode, stepOnEpochs, updatesPerEpoch];
        if (sched == "plateau")
        {
            Port.OnlyDefault(stepOnEpochs, nameof(stepOnEpochs), stepOnEpochs, "true for plateau (timm asserts: Plateau LR only supports step per epoch.)");
            ReduceLearningRateOnPlateau plateau = Plateau(
                lr, decayRate, patienceEpochs, 1e-4, 0, warmupEpochs, warmupLr, minLr, plateauMode, noise,
                (nameof(warmupEpochs), nameof(warmupLr), nameof(minLr), nameof(plateauMode), nameof(patienceEpochs), nameof(noise)));
            long plateauEpochs = numEpochs + (warmupPrefix ? warmupEpochs : 0);
            return (new PortedScheduler(plateau.Redeclared(nameof(CreateSchedulerV2), call)).Declared(nameof(CreateSchedulerV2), call), plateauEpochs);
        }

        long[] milestones = givenMilestones ?? [90, 180, 270];
        long tInitial = numEpochs, warmupT = warmupEpochs, decayT = decayEpochs, cooldownT = cooldownEpochs;
        if (!stepOnEpochs)
        {
            // Found by the configuration fuzzer: an epoch count times updates_per_epoch past a long threw OverflowException.
            tInitial = Port.Times(tInitial, updatesPerEpoch, nameof(numEpochs), InUpdates);
            warmupT = Port.Times(warmupT, updatesPerEpoch, nameof(warmupEpochs), InUpdates);
            decayT = Port.Times(decayT, updatesPerEpoch, nameof(decayEpochs), InUpdates);
            milestones = milestones.Select(d => Port.Times(d, updatesPerEpoch, nameof(decayMilestones), InUpdates)).ToArray();
            cooldownT = Port.Times(cooldownT, updatesPerEpoch, nameof(cooldownEpochs), InUpdates);
        }

        LearningRateSchedule scheduler = sched switch
        {
            "cosine" => CosineLRScheduler(lr, tInitial, minLr, cycleMul, cycleDecay, cycleLimit, warmupT, warmupLr, warmupPrefix, stepOnEpochs, kDecay: kDecay),
            "tanh" => TanhLRScheduler(lr, tInitial, lrMin: minLr, cycleMul: cycleMul, cycleDecay: cycleDecay, cycleLimit: cycleLimit, warmupT: warmupT, warmupLrInit: warmupLr, warmupPrefix: warmupPrefix, tInEpochs: stepOnEpochs),
            "step" => StepLRScheduler(lr, decayT, decayRate, warmupT, warmupLr, warmupPrefix, stepOnEpochs),
            "multistep" => MultiStepLRScheduler(lr, milestones, decayRate, warmupT, warmupLr, warmupPrefix, stepOnEpochs),
            _ => PolyLRScheduler(lr, tInitial, decayRate, minLr, cycleMul, cycleDecay, cycleLimit, warmupT, warmupLr, warmupPrefix, stepOnEpochs, kDecay: kDecay),
        };

        long epochs;
        if (sched is "cosine" or "tanh" or "poly")
        {
            long cycles = Math.Max(1, cycleLimit);
            long length = cycleMul == 1.0
                ? Port.Times(cycles, tInitial, nameof(cycleLimit), stepOnEpochs ? "epochs: times numEpochs" : "updates: times numEpochs · updatesPerEpoch")
                : (long)Math.Floor(-tInitial * (Math.Pow(cycleMul, cycles) - 1) / (1 - cycleMul));
            epochs = length + (warmupPrefix ? warmupT : 0) + cooldownT;
            if (!stepOnEpochs)
            {
                epochs /= updatesPerEpoch;
            }
        }
        else
        {
            epochs = numEpochs + (warmupPrefix ? warmupEpochs : 0);
        }

        LearningRateSchedule result = stepOnEpochs && updatesPerEpoch > 0 ? scheduler.PerEpoch(updatesPerEpoch) : scheduler;
        return (new PortedScheduler(result.Ported().Declared(nameof(CreateSchedulerV2), call)).Declared(nameof(CreateSchedulerV2), call), epochs);
    }

    /// <summary>
    /// <see cref="PlateauLRScheduler"/>'s controller; <paramref name="names"/> are the calling method's parameters for the
    /// warmup, its start, the floor, the mode, the patience and the noise (<see cref="CreateSchedulerV2"/> names them differently).
    /// </summary>
    private static ReduceLearningRateOnPlateau Plateau(
        double lr, double decayRate, long patienceT, double threshold, long cooldownT, long warmupT, double warmupLrInit, double lrMin, string mode,
        double[]? noise, (string Warmup, string WarmupLr, string Floor, string Mode, string Patience, string Noise) names)
    {
        Port.OnlyDefault(noise is null, names.Noise, noise, NoNoise);
        if (warmupT < 0 || warmupT > int.MaxValue)
        {
            throw Preconditions.OutOfRange(names.Warmup, warmupT, "in [0, int.MaxValue]");
        }

        Preconditions.NonNegative(lr);
        Preconditions.NonNegative(warmupLrInit, names.WarmupLr);
        LearningRateSchedule? warmup = warmupT == 0 ? null : new TimmPlateauWarmup(lr, warmupT, warmupLrInit);
        return Torch.Plateau(
            lr, mode, decayRate, patienceT, threshold, "rel", cooldownT, lrMin, 1e-8, warmup, (int)warmupT,
            PlateauNames.Torch with { Mode = names.Mode, Factor = nameof(decayRate), Patience = names.Patience, Cooldown = nameof(cooldownT), MinLr = names.Floor });
    }

    private static int? Limit(long cycleLimit)
    {
        if (cycleLimit < 1 || cycleLimit > int.MaxValue)
        {
            throw Preconditions.OutOfRange(nameof(cycleLimit), cycleLimit, "in [1, int.MaxValue]");
        }

        return (int)cycleLimit;
    }

    private static LearningRateSchedule Warmup(LearningRateSchedule schedule, long warmupT, double warmupLrInit, bool warmupPrefix, double? target = null)
    {
        Preconditions.NonNegative(warmupT);
        Preconditions.NonNegative(warmupLrInit);
        return warmupT == 0
            ? schedule
            : schedule.WithLinearWarmup(warmupT, warmupLrInit, warmupPrefix ? WarmupPlacement.Prefix : WarmupPlacement.Overlay, target);
    }

    /// <summary>What an epoch count times <c>updates_per_epoch</c> counts, for <see cref="Port.Times"/>'s message.</summary>
    private const string InUpdates = "updates: times updatesPerEpoch";
}
