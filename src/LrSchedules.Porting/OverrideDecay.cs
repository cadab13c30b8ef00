namespace LrSchedules.Porting;

/// <summary>
/// OLMo-core's <c>OverrideDecay(start, duration, shape="linear", end_lr=None, end_lr_fraction=None)</c>: the late-stage
/// decay override of <see cref="OlmoCore.SequentialScheduler"/> and <see cref="OlmoCore.ComposableScheduler"/>.
/// From <c>start</c> on, the main schedule is bypassed: the rate goes from what the main schedule gives at <c>start</c>
/// to the end rate over <c>duration</c> steps (linear or cosine), then holds the end rate.
/// </summary>
/// <remarks>
/// <para>Over the override, with <c>s</c> the main schedule's rate at <c>start</c>, <c>e</c> = <c>end_lr</c> or
/// <c>end_lr_fraction · lr</c> and <c>k = current − start</c>: linear <c>s + (e − s)·k / duration</c>, cosine
/// <c>e + (s − e)(1 + cos(π·k / duration)) / 2</c> for <c>k &lt; duration</c>; <c>e</c> from <c>k = duration</c> on
/// (<c>_interpolate_lr</c>, <c>_resolve_override_decay_end</c>).</para>
/// <para>Origin: <c>OverrideDecay</c> in <c>src/olmo_core/optim/scheduler.py</c> of allenai/OLMo-core at commit
/// fa6c5014c9f6e9ee789da2d9c20d5126fee8df0d; its <c>__post_init__</c> checks are made here, at construction, with OLMo's
/// messages. Divergences: <c>shape</c> other than <c>"linear"</c> or <c>"cosine"</c> is rejected here (OLMo raises
/// <c>NotImplementedError</c> at the first step of the override); the rates must be finite. Immutable: the properties
/// have no setters, so <c>with</c> cannot make an invalid override.</para>
/// <para>In configuration, an object of the snake_case keys:
/// <c>"override_decay": {"start": 900, "duration": 100, "shape": "cosine", "end_lr_fraction": 0}</c>.</para>
/// </remarks>
public sealed record OverrideDecay
{
    /// <summary>Initializes a new instance of the <see cref="OverrideDecay"/> class, as OLMo's <c>OverrideDecay(...)</c>.</summary>
    /// <param name="Start">The step the override starts at (<c>start</c>); ≥ 0.</param>
    /// <param name="Duration">The steps from its start rate to its end rate (<c>duration</c>); &gt; 0.</param>
    /// <param name="Shape">The interpolation (<c>shape</c>): <c>"linear"</c> or <c>"cosine"</c>. Defaults to <c>"linear"</c>.</param>
    /// <param name="EndLr">The end rate (<c>end_lr</c>); finite and ≥ 0, or null with <paramref name="EndLrFraction"/>.</param>
    /// <param name="EndLrFraction">The end rate as a fraction of the optimizer's <c>lr</c> (<c>end_lr_fraction</c>); finite and ≥ 0, or null with <paramref name="EndLr"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="Shape"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or not exactly one of <paramref name="EndLr"/> and <paramref name="EndLrFraction"/> is given.</exception>
    public OverrideDecay(long Start, long Duration, string Shape = "linear", double? EndLr = null, double? EndLrFraction = null)
    {
        if (Start < 0)
        {
            throw Preconditions.OutOfRange(nameof(Start), Start, ">= 0 ('start' must be >= 0 for override decay.)");
        }

        if (Duration <= 0)
        {
            throw Preconditions.OutOfRange(nameof(Duration), Duration, "> 0 ('duration' must be > 0 for override decay.)");
        }

        OlmoRule.IsCosine(Shape, nameof(Shape));
        if (EndLr.HasValue == EndLrFraction.HasValue)
        {
            throw Preconditions.OutOfRange(nameof(EndLrFraction), EndLrFraction, "given when EndLr is not, and null when it is (Specify exactly one of 'end_lr' or 'end_lr_fraction' for override decay.)");
        }

        OlmoRule.NonNegativeOrNull(EndLr, nameof(EndLr), "'end_lr' must be >= 0 for override decay.");
        OlmoRule.NonNegativeOrNull(EndLrFraction, nameof(EndLrFraction), "'end_lr_fraction' must be >= 0 for override decay.");
        this.Start = Start;
        this.Duration = Duration;
        this.Shape = Shape;
        this.EndLr = EndLr;
        this.EndLrFraction = EndLrFraction;
    }

    /// <summary>Gets the step the override starts at (<c>start</c>).</summary>
    public long Start { get; }

    /// <summary>Gets the override's length in steps (<c>duration</c>).</summary>
    public long Duration { get; }

    /// <summary>Gets the interpolation: <c>"linear"</c> or <c>"cosine"</c> (<c>shape</c>).</summary>
    public string Shape { get; }

    /// <summary>Gets the end rate (<c>end_lr</c>), or null.</summary>
    public double? EndLr { get; }

    /// <summary>Gets the end rate as a fraction of the optimizer's <c>lr</c> (<c>end_lr_fraction</c>), or null.</summary>
    public double? EndLrFraction { get; }

    /// <summary>The arithmetic of this override.</summary>
    internal OlmoOverrideDecay ToRule() => new(Start, Duration, Shape == "cosine", EndLr, EndLrFraction);
}
