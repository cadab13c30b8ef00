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
    /// noise_seed=None, initialize=True)</c>: PyTorch's plateau controller, <c>mode="max"</c> by default.
    /// </summary>
    /// <remarks>
    /// <para><expression>Torch.ReduceLROnPlateau(lr, mode, decayRate, patienceT, threshold, "rel", cooldownT, lrMin)</expression></para>
    /// <para>Origin: <c>plateau_lr.py</c> (commit aa4b5850). Divergence: timm's warmup (<c>warmup_t &gt; 0</c>) drops the
    /// metrics reported during it, which the core's controller cannot do; it is rejected.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="decayRate">The reduction factor; in [0, 1). Defaults to 0.1.</param>
    /// <param name="patienceT">The bad reports tolerated; ≥ 0. Defaults to 10.</param>
    /// <param name="threshold">The relative threshold. Defaults to 1e-4.</param>
    /// <param name="cooldownT">The reports ignored after a reduction; ≥ 0. Defaults to 0.</param>
    /// <param name="warmupT">Must be 0.</param>
    /// <param name="warmupLrInit">Unused without a warmup. Defaults to 0.</param>
    /// <param name="lrMin">The floor. Defaults to 0.</param>
    /// <param name="mode">"min" or "max". Defaults to "max".</param>
    /// <param name="noiseRangeT">Must be null (noise is random).</param>
    /// <param name="noiseType">Unused without noise. Defaults to "normal".</param>
    /// <param name="noisePct">Unused without noise. Defaults to 0.67.</param>
    /// <param name="noiseStd">Unused without noise. Defaults to 1.</param>
    /// <param name="noiseSeed">Unused without noise.</param>
    /// <param name="initialize">No effect on the values. Defaults to true.</param>
    /// <returns>A new controller (one per training run).</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, a warmup or noise is given.</exception>
    public static ReduceLearningRateOnPlateau PlateauLRScheduler(
        double lr, double decayRate = 0.1, long patienceT = 10, double threshold = 1e-4, long cooldownT = 0, long warmupT = 0,
        double warmupLrInit = 0.0, double lrMin = 0.0, string mode = "max", double[]? noiseRangeT = null, string noiseType = "normal",
        double noisePct = 0.67, double noiseStd = 1.0, long? noiseSeed = null, bool initialize = true)
    {
        Port.OnlyDefault(noiseRangeT is null, nameof(noiseRangeT), noiseRangeT, NoNoise);
        Port.OnlyDefault(warmupT == 0, nameof(warmupT), warmupT, "0: timm's plateau warmup drops the metrics reported during it, which LrSchedules' controller cannot reproduce");
        return Torch.Plateau(lr, mode, decayRate, patienceT, threshold, "rel", cooldownT, lrMin, 1e-8)
            .Redeclared(nameof(PlateauLRScheduler), lr, decayRate, patienceT, threshold, cooldownT, warmupT, warmupLrInit, lrMin, mode, noiseRangeT, noiseType, noisePct, noiseStd, noiseSeed, initialize);
    }

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
    /// step_on_epochs and updates_per_epoch &gt; 0, .PerEpoch(updatesPerEpoch)</expression></para>
    /// <para>Origin: <c>scheduler_factory.py</c> <c>create_scheduler_v2</c> (commit aa4b5850). Quirks reproduced: the factory's
    /// defaults differ from the constructors' (<c>warmup_prefix=False</c> even for step and multistep, <c>cycle_decay=0.1</c>,
    /// <c>warmup_lr=1e-5</c>, <c>decay_rate</c> as poly's power); with <c>step_on_epochs=False</c> every epoch count is
    /// multiplied by <c>updates_per_epoch</c> and the schedule counts updates. This port returns a schedule on updates in
    /// both cases when <c>updates_per_epoch &gt; 0</c> (per epoch: each epoch's rate held for its updates,
    /// <see cref="ScheduleExtensions.PerEpoch"/>), and on epochs when it is 0. The epoch count is timm's: the cycle length
    /// plus <c>cooldown_epochs</c> for cosine, tanh and poly, else <c>num_epochs</c> (+ <c>warmup_epochs</c> with a prefix).
    /// Divergences: an unknown <c>sched</c> (timm returns None) is rejected with the accepted names; "plateau" is a
    /// metric-driven controller and is rejected naming <see cref="PlateauLRScheduler"/>; a non-null <c>noise</c> is rejected.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="sched">"cosine", "tanh", "step", "multistep" or "poly". Defaults to "cosine".</param>
    /// <param name="numEpochs">The epochs (<c>t_initial</c>). Defaults to 300.</param>
    /// <param name="decayEpochs">step's period. Defaults to 90.</param>
    /// <param name="decayMilestones">multistep's milestones; null for (90, 180, 270).</param>
    /// <param name="cooldownEpochs">Epochs added to the count (no effect on the rate). Defaults to 0.</param>
    /// <param name="patienceEpochs">plateau's patience (plateau is rejected). Defaults to 10.</param>
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
    /// <param name="plateauMode">plateau's mode (plateau is rejected). Defaults to "max".</param>
    /// <param name="stepOnEpochs">Whether timm steps the scheduler per epoch (else per update). Defaults to true.</param>
    /// <param name="updatesPerEpoch">The optimizer updates per epoch; required (&gt; 0) when <paramref name="stepOnEpochs"/> is false. Defaults to 0.</param>
    /// <returns>The schedule (on updates when <paramref name="updatesPerEpoch"/> &gt; 0, else on epochs) and the number of epochs to train.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, an unknown or plateau <paramref name="sched"/>, or noise.</exception>
    [ConfigurationName("create_scheduler_v2")]
    public static (LearningRateSchedule Scheduler, long NumEpochs) CreateSchedulerV2(
        double lr, string sched = "cosine", long numEpochs = 300, long decayEpochs = 90, IEnumerable<long>? decayMilestones = null,
        long cooldownEpochs = 0, long patienceEpochs = 10, double decayRate = 0.1, double minLr = 0.0, double warmupLr = 1e-5,
        long warmupEpochs = 0, bool warmupPrefix = false, double[]? noise = null, double noisePct = 0.67, double noiseStd = 1.0,
        long noiseSeed = 42, double cycleMul = 1.0, double cycleDecay = 0.1, long cycleLimit = 1, double kDecay = 1.0,
        string plateauMode = "max", bool stepOnEpochs = true, long updatesPerEpoch = 0)
    {
        Port.OneOf(sched, nameof(sched), "cosine", "tanh", "step", "multistep", "poly", "plateau");
        if (sched == "plateau")
        {
            throw Preconditions.OutOfRange(nameof(sched), sched, $"a pure schedule; call {nameof(Timm)}.{nameof(PlateauLRScheduler)} for the metric-driven controller");
        }

        Port.OnlyDefault(noise is null, nameof(noise), noise, NoNoise);
        Preconditions.NonNegative(updatesPerEpoch);
        if (!stepOnEpochs && updatesPerEpoch == 0)
        {
            throw Preconditions.OutOfRange(nameof(updatesPerEpoch), updatesPerEpoch, "> 0 when stepOnEpochs is false (updates_per_epoch must be set to number of dataloader batches)");
        }

        long[]? givenMilestones = decayMilestones?.ToArray();
        long[] milestones = givenMilestones ?? [90, 180, 270];
        long tInitial = numEpochs, warmupT = warmupEpochs, decayT = decayEpochs, cooldownT = cooldownEpochs;
        if (!stepOnEpochs)
        {
            tInitial = checked(tInitial * updatesPerEpoch);
            warmupT = checked(warmupT * updatesPerEpoch);
            decayT = checked(decayT * updatesPerEpoch);
            milestones = milestones.Select(d => checked(d * updatesPerEpoch)).ToArray();
            cooldownT = checked(cooldownT * updatesPerEpoch);
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
                ? checked(tInitial * cycles)
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
        return (result.Ported().Declared(
            nameof(CreateSchedulerV2), lr, sched, numEpochs, decayEpochs, givenMilestones, cooldownEpochs, patienceEpochs, decayRate, minLr, warmupLr, warmupEpochs,
            warmupPrefix, noise, noisePct, noiseStd, noiseSeed, cycleMul, cycleDecay, cycleLimit, kDecay, plateauMode, stepOnEpochs, updatesPerEpoch), epochs);
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
}
