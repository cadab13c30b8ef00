using LrSchedules.Internal;

namespace LrSchedules.Combinators;

/// <summary>A schedule kept between a minimum and a maximum learning rate.</summary>
/// <remarks>
/// <para><c>lr(t) = min(max(s(t), minimum), maximum)</c>.</para>
/// <para>A floor is the <c>min_lr</c> / <c>lr_min</c> / <c>end_value</c> lower bound many library schedules carry
/// (optax <c>exponential_decay(end_value=…)</c> clips the same way, <c>optax/schedules/_schedule.py</c>); a ceiling caps
/// a growing schedule. <see cref="ScheduleExtensions.WithFloor"/> has <see cref="Maximum"/> =
/// <see cref="double.PositiveInfinity"/> and <see cref="ScheduleExtensions.WithCeiling"/> has <see cref="Minimum"/> = 0.
/// A clamp of a clamp whose ranges overlap is merged into one when it is built, which changes no value:
/// <c>s.WithFloor(0.001).WithCeiling(0.1)</c> is <c>s.Clamp(0.001, 0.1)</c>. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class ClampedSchedule : LearningRateSchedule
{
    private readonly LearningRateSchedule _inner;

    private ClampedSchedule(LearningRateSchedule inner, double minimum, double maximum)
    {
        _inner = inner;
        Depth = Composition.Over(inner.Depth, "schedule");
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>Gets the clamped schedule, as it was given.</summary>
    public ILearningRateSchedule Inner => Children.Original(_inner);

    /// <summary>Gets the lowest value returned; 0 for a ceiling alone.</summary>
    public double Minimum { get; }

    /// <summary>Gets the highest value returned; <see cref="double.PositiveInfinity"/> for a floor alone.</summary>
    public double Maximum { get; }

    /// <summary>Builds a clamp from validated bounds, merging it with an inner clamp whose range overlaps.</summary>
    internal static ClampedSchedule Create(LearningRateSchedule inner, double minimum, double maximum)
    {
        if (inner is ClampedSchedule clamped)
        {
            // clamp[a, b](clamp[c, d](v)) = clamp[max(a, c), min(b, d)](v) whenever the two ranges overlap.
            double low = Math.Max(minimum, clamped.Minimum);
            double high = Math.Min(maximum, clamped.Maximum);
            if (low <= high)
            {
                return new ClampedSchedule(clamped._inner, low, high);
            }
        }

        return new ClampedSchedule(inner, minimum, maximum);
    }

    internal override double Evaluate(double position) => Math.Min(Math.Max(_inner.Evaluate(position), Minimum), Maximum);

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => _inner.Bounds is { } b
        ? new ValueBounds(Math.Min(Math.Max(b.Minimum, Minimum), Maximum), Math.Min(Math.Max(b.Maximum, Minimum), Maximum))
        : new ValueBounds(Minimum, Maximum);
}
