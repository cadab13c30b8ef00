using System.Globalization;
using LrSchedules.Internal;

namespace LrSchedules;

/// <content>Factories that combine several schedules; the single-schedule combinators are on <see cref="ScheduleExtensions"/>.</content>
public static partial class Schedule
{
    /// <summary>Uses schedules one after another, each from its own step 0, switching at the given boundary steps.</summary>
    /// <param name="schedules">The schedules, in order; at least one, none null. Schedule <c>k</c> is used for <c>boundaries[k − 1] ≤ t &lt; boundaries[k]</c>.</param>
    /// <param name="boundaries">The steps at which the next schedule takes over; one fewer than <paramref name="schedules"/>, &gt; 0 and strictly increasing.</param>
    /// <returns>A <see cref="JoinedSchedule"/>: <c>sₖ(t − boundaries[k − 1])</c> (optax <c>join_schedules</c>, PyTorch <c>SequentialLR</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedules"/>, one of its elements or <paramref name="boundaries"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A boundary is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="schedules"/> is empty, the counts do not match, or <paramref name="boundaries"/> is not strictly increasing.</exception>
    public static JoinedSchedule Join(IEnumerable<ILearningRateSchedule> schedules, IEnumerable<long> boundaries)
    {
        LearningRateSchedule[] parts = Children.FromMany(schedules, nameof(schedules));
        long[] switches = Preconditions.StrictlyIncreasing(boundaries, 1);
        if (switches.Length != parts.Length - 1)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"boundaries must have one element fewer than schedules, but there are {parts.Length} schedules and {switches.Length} boundaries."),
                nameof(boundaries));
        }

        return JoinedSchedule.Create(parts, switches);
    }

    /// <summary>Multiplies schedules step by step.</summary>
    /// <param name="schedules">The factors, in order; at least one, none null. A schedule starting at 1 acts as a multiplier (PyTorch <c>ChainedScheduler</c>).</param>
    /// <returns>A <see cref="ProductSchedule"/>: <c>s₀(t) · s₁(t) · …</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedules"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="schedules"/> is empty.</exception>
    public static ProductSchedule Product(params ILearningRateSchedule[] schedules) =>
        ProductSchedule.Create(Children.FromMany(schedules, nameof(schedules)));

    /// <summary>Multiplies schedules step by step.</summary>
    /// <param name="schedules">The factors, in order; at least one, none null. A schedule starting at 1 acts as a multiplier (PyTorch <c>ChainedScheduler</c>).</param>
    /// <returns>A <see cref="ProductSchedule"/>: <c>s₀(t) · s₁(t) · …</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedules"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="schedules"/> is empty.</exception>
    public static ProductSchedule Product(IEnumerable<ILearningRateSchedule> schedules) =>
        ProductSchedule.Create(Children.FromMany(schedules, nameof(schedules)));
}
