using LrSchedules.Internal;

namespace LrSchedules.Combinators;

/// <summary>A schedule that starts late, holding its initial value until it starts.</summary>
/// <remarks>
/// <para><c>lr(t) = s(0)</c> for <c>t &lt; steps</c>, then <c>lr(t) = s(t − steps)</c>.</para>
/// <para>This is optax's <c>transition_begin</c> (<c>optax/schedules/_schedule.py</c>: <c>polynomial_schedule</c> reads
/// <c>count - transition_begin</c> clipped at 0, and <c>exponential_decay</c> returns <c>init_value</c> while
/// <c>decreased_count &lt;= 0</c>): e.g. optax <c>linear_schedule(a, b, n, transition_begin=k)</c> is a linear schedule
/// delayed by <c>k</c>. With <c>steps = 0</c> every value is exactly the wrapped schedule's. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class DelayedSchedule : LearningRateSchedule
{
    private readonly LearningRateSchedule _inner;
    private readonly double _steps;

    internal DelayedSchedule(LearningRateSchedule inner, long steps)
    {
        _inner = inner;
        Depth = Composition.Over(inner.Depth, "schedule");
        _steps = steps;
        Steps = steps;
    }

    /// <summary>Gets the delayed schedule, as it was given.</summary>
    public ILearningRateSchedule Inner => Children.Original(_inner);

    /// <summary>Gets the number of steps the schedule is delayed by; ≥ 0.</summary>
    public long Steps { get; }

    // Stryker disable once Equality : at position == steps both branches pass +0.0 to the inner schedule (steps − steps is +0.0)
    internal override double Evaluate(double position) =>
        _inner.Evaluate(position <= _steps ? 0.0 : position - _steps);

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => _inner.Bounds;
}
