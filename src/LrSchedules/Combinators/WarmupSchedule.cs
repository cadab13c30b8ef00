using LrSchedules.Internal;

namespace LrSchedules.Combinators;

/// <summary>A warmup in front of (or over the start of) another schedule.</summary>
/// <remarks>
/// <para>With <c>W = WarmupSteps</c>, <c>a = InitialLearningRate</c>, <c>b = TargetLearningRate</c> and <c>s</c> the
/// wrapped schedule:</para>
/// <list type="bullet">
/// <item><description><c>lr(t) = a + (b − a) · (t / W)</c> for <c>t &lt; W</c>;</description></item>
/// <item><description><c>lr(t) = s(t − W)</c> for <c>t ≥ W</c> with <see cref="WarmupPlacement.Prefix"/>, <c>s(t)</c> with <see cref="WarmupPlacement.Overlay"/>.</description></item>
/// </list>
/// <para>A linear warmup has <c>b = s(0)</c>, the wrapped schedule's rate at its own step 0, unless a target is given
/// explicitly (timm's <c>TanhLRScheduler</c> ramps to the rate at <c>warmup_t</c> with <c>warmup_prefix=False</c> and
/// to the base rate with <c>warmup_prefix=True</c>, <c>timm/scheduler/tanh_lr.py</c>), and reaches it at step
/// <c>W</c>; a constant warmup has <c>b = a</c> and holds <c>a</c>. With <c>W = 0</c> there is no warmup and every
/// value is exactly the wrapped schedule's.</para>
/// <para>Matches, with <see cref="WarmupPlacement.Prefix"/>: Hugging Face's warmups
/// (<c>src/transformers/optimization.py</c>: <c>float(current_step) / float(max(1, num_warmup_steps))</c> times the
/// base rate; bit for bit when <c>a = 0</c>), optax <c>warmup_constant_schedule</c>,
/// <c>warmup_cosine_decay_schedule</c> and <c>warmup_exponential_decay_schedule</c>
/// (<c>optax/schedules/_schedule.py</c>: <c>join_schedules([linear_schedule(init_value, peak_value, warmup_steps), …],
/// [warmup_steps])</c>) and timm with <c>warmup_prefix=True</c>. With <see cref="WarmupPlacement.Overlay"/>: timm's
/// default <c>warmup_prefix=False</c> (<c>timm/scheduler/cosine_lr.py</c>:
/// <c>self.warmup_lr_init + t * s</c> with <c>s = (v - warmup_lr_init) / self.warmup_t</c>) and, as a constant warmup,
/// PyTorch <c>ConstantLR(factor, total_iters)</c> = <c>Schedule.Constant(base).WithConstantWarmup(base * factor, total_iters)</c>
/// (<c>torch/optim/lr_scheduler.py</c>: <c>base_lr * (self.factor + (self.last_epoch &gt;= self.total_iters) * (1 - self.factor))</c>).
/// The four libraries round <c>a + (b − a) · t / W</c> in different orders; the values agree to within an ulp or two.</para>
/// <para>An overlaid warmup over an overlaid warmup that is no longer is built as one node, which changes no value: from
/// step <c>W</c> on both read the schedule underneath at the same position. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class WarmupSchedule : LearningRateSchedule
{
    private readonly LearningRateSchedule _inner;
    private readonly double _warmupSteps;
    private readonly bool _prefix;

    internal WarmupSchedule(LearningRateSchedule inner, long warmupSteps, WarmupShape shape, double initialLearningRate, WarmupPlacement placement, double? targetLearningRate = null, string paramName = "schedule")
    {
        _warmupSteps = warmupSteps;
        _prefix = placement == WarmupPlacement.Prefix;
        WarmupSteps = warmupSteps;
        Shape = shape;
        Placement = placement;
        InitialLearningRate = initialLearningRate;
        TargetLearningRate = shape == WarmupShape.Linear ? targetLearningRate ?? inner.Evaluate(0.0) : initialLearningRate;

        // An overlaid warmup hides an overlaid warmup no longer than itself: from its last step on, both read the
        // schedule underneath at the same position, so the inner one is never reached (its value at step 0, the target
        // above, was read first).
        while (!_prefix && inner is WarmupSchedule { _prefix: false } overlaid && overlaid.WarmupSteps <= warmupSteps)
        {
            inner = overlaid._inner;
        }

        _inner = inner;
        Depth = Composition.Over(inner.Depth, paramName);
    }

    /// <summary>Gets the schedule that follows (or is overlaid by) the warmup, as it was given; for an overlaid warmup over a shorter overlaid warmup, the schedule under both.</summary>
    public ILearningRateSchedule Inner => Children.Original(_inner);

    /// <summary>Gets the number of warmup steps; 0 means no warmup.</summary>
    public long WarmupSteps { get; }

    /// <summary>Gets how the rate moves during the warmup.</summary>
    public WarmupShape Shape { get; }

    /// <summary>Gets whether the wrapped schedule starts after the warmup or keeps its own step count under it.</summary>
    public WarmupPlacement Placement { get; }

    /// <summary>Gets the learning rate at step 0: where a linear warmup starts, or the rate a constant warmup holds.</summary>
    public double InitialLearningRate { get; }

    /// <summary>
    /// Gets the rate the warmup heads for, reached at step <see cref="WarmupSteps"/>: for a linear warmup the target
    /// given to <see cref="ScheduleExtensions.WithLinearWarmup"/>, by default the wrapped schedule's rate at its own
    /// step 0; <see cref="InitialLearningRate"/> for a constant warmup.
    /// </summary>
    public double TargetLearningRate { get; }

    internal override double Evaluate(double position)
    {
        if (position < _warmupSteps)
        {
            return InitialLearningRate + ((TargetLearningRate - InitialLearningRate) * (position / _warmupSteps));
        }

        return _inner.Evaluate(_prefix ? position - _warmupSteps : position);
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Union(_inner.Bounds, ValueBounds.Between(InitialLearningRate, TargetLearningRate));
}
