namespace LrSchedules.Porting;

/// <summary>
/// OLMo-core's <c>ComposableSchedulerStage(duration, shape="linear", start_lr=None, start_lr_fraction=None, end_lr=None,
/// end_lr_fraction=None)</c>: one stage of <see cref="OlmoCore.ComposableScheduler"/>, going from its start rate to its
/// end rate over <c>duration</c> steps, linearly or along a half cosine.
/// </summary>
/// <remarks>
/// <para>The start rate is <c>start_lr</c>, or <c>start_lr_fraction · lr</c>, or, when neither is given, the previous
/// stage's end rate (<c>lr</c> for the first stage); the end rate is <c>end_lr</c> or <c>end_lr_fraction · lr</c>
/// (<c>_resolve_stage_start</c>, <c>_resolve_lr_from_initial</c>). With <c>k</c> the step within the stage: linear
/// <c>s + (e − s)·k / duration</c>, cosine <c>e + (s − e)(1 + cos(π·k / duration)) / 2</c> (<c>_interpolate_lr</c>).</para>
/// <para>Origin: <c>ComposableSchedulerStage</c> in <c>src/olmo_core/optim/scheduler.py</c> of allenai/OLMo-core at commit
/// fa6c5014c9f6e9ee789da2d9c20d5126fee8df0d; its <c>__post_init__</c> checks are made here, at construction, with OLMo's
/// messages. Divergences: <c>shape</c> other than <c>"linear"</c> or <c>"cosine"</c> is rejected here (OLMo raises
/// <c>NotImplementedError</c> when the stage is reached); the rates must be finite. Immutable: the properties have no
/// setters, so <c>with</c> cannot make an invalid stage.</para>
/// </remarks>
public sealed record ComposableSchedulerStage
{
    /// <summary>Initializes a new instance of the <see cref="ComposableSchedulerStage"/> class, as OLMo's <c>ComposableSchedulerStage(...)</c>.</summary>
    /// <param name="Duration">The stage's length in steps (<c>duration</c>); &gt; 0.</param>
    /// <param name="Shape">The interpolation (<c>shape</c>): <c>"linear"</c> or <c>"cosine"</c>. Defaults to <c>"linear"</c>.</param>
    /// <param name="StartLr">The start rate (<c>start_lr</c>); finite and ≥ 0, or null (then <paramref name="StartLrFraction"/>, or the previous stage's end rate).</param>
    /// <param name="StartLrFraction">The start rate as a fraction of the optimizer's <c>lr</c> (<c>start_lr_fraction</c>); finite and ≥ 0, or null; not with <paramref name="StartLr"/>.</param>
    /// <param name="EndLr">The end rate (<c>end_lr</c>); finite and ≥ 0, or null with <paramref name="EndLrFraction"/>.</param>
    /// <param name="EndLrFraction">The end rate as a fraction of the optimizer's <c>lr</c> (<c>end_lr_fraction</c>); finite and ≥ 0, or null with <paramref name="EndLr"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="Shape"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, both start rates are given, or not exactly one of the end rates is given.</exception>
    public ComposableSchedulerStage(long Duration, string Shape = "linear", double? StartLr = null, double? StartLrFraction = null, double? EndLr = null, double? EndLrFraction = null)
    {
        if (Duration <= 0)
        {
            throw Preconditions.OutOfRange(nameof(Duration), Duration, "> 0 ('duration' must be > 0 for every stage.)");
        }

        OlmoRule.IsCosine(Shape, nameof(Shape));
        if (StartLr.HasValue && StartLrFraction.HasValue)
        {
            throw Preconditions.OutOfRange(nameof(StartLrFraction), StartLrFraction, "null when StartLr is given (Specify at most one of 'start_lr' or 'start_lr_fraction' for a stage.)");
        }

        OlmoRule.NonNegativeOrNull(StartLr, nameof(StartLr), "'start_lr' must be >= 0.");
        OlmoRule.NonNegativeOrNull(StartLrFraction, nameof(StartLrFraction), "'start_lr_fraction' must be >= 0.");
        if (EndLr.HasValue == EndLrFraction.HasValue)
        {
            throw Preconditions.OutOfRange(nameof(EndLrFraction), EndLrFraction, "given when EndLr is not, and null when it is (Specify exactly one of 'end_lr' or 'end_lr_fraction' for each stage.)");
        }

        OlmoRule.NonNegativeOrNull(EndLr, nameof(EndLr), "'end_lr' must be >= 0.");
        OlmoRule.NonNegativeOrNull(EndLrFraction, nameof(EndLrFraction), "'end_lr_fraction' must be >= 0.");
        this.Duration = Duration;
        this.Shape = Shape;
        this.StartLr = StartLr;
        this.StartLrFraction = StartLrFraction;
        this.EndLr = EndLr;
        this.EndLrFraction = EndLrFraction;
    }

    /// <summary>Gets the stage's length in steps (<c>duration</c>).</summary>
    public long Duration { get; }

    /// <summary>Gets the interpolation: <c>"linear"</c> or <c>"cosine"</c> (<c>shape</c>).</summary>
    public string Shape { get; }

    /// <summary>Gets the start rate (<c>start_lr</c>), or null.</summary>
    public double? StartLr { get; }

    /// <summary>Gets the start rate as a fraction of the optimizer's <c>lr</c> (<c>start_lr_fraction</c>), or null.</summary>
    public double? StartLrFraction { get; }

    /// <summary>Gets the end rate (<c>end_lr</c>), or null.</summary>
    public double? EndLr { get; }

    /// <summary>Gets the end rate as a fraction of the optimizer's <c>lr</c> (<c>end_lr_fraction</c>), or null.</summary>
    public double? EndLrFraction { get; }
}
