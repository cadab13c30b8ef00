using LrSchedules.Internal;

namespace LrSchedules;

/// <content>Factories that combine several schedules; the single-schedule combinators are on <see cref="ScheduleExtensions"/>.</content>
public static partial class Schedule
{
    /// <summary>Uses schedules one after another, each from its own step 0, switching at the given boundary steps.</summary>
    /// <param name="schedules">The schedules, in order; at least one, none null. Schedule <c>k</c> is used for <c>boundaries[k − 1] ≤ t &lt; boundaries[k]</c>.</param>
    /// <param name="boundaries">The steps at which the next schedule takes over; one fewer than <paramref name="schedules"/>, &gt; 0 and strictly increasing.</param>
    /// <returns>The joined schedule: <c>sₖ(t − boundaries[k − 1])</c> (optax <c>join_schedules</c>, PyTorch <c>SequentialLR</c>).
    /// A single schedule that is itself a join is returned as it is.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedules"/>, one of its elements or <paramref name="boundaries"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException"><paramref name="schedules"/> is empty, a boundary is not positive or out of order, or the counts do not match.</exception>
    public static LearningRateSchedule Join(IEnumerable<ILearningRateSchedule> schedules, IEnumerable<long> boundaries)
    {
        LearningRateSchedule[] parts = Children.FromMany(schedules, nameof(schedules));
        long[] switches = Preconditions.StrictlyIncreasing(boundaries, 1);
        Preconditions.Count(switches.Length, parts.Length - 1, nameof(boundaries), $"one fewer than the {parts.Length} schedules");
        return JoinedSchedule.Create(parts, switches)
            .Declared(nameof(Join), Children.Originals(parts), switches);
    }

    /// <summary>Multiplies schedules step by step.</summary>
    /// <param name="schedules">The factors, in order; at least one, none null. A schedule starting at 1 acts as a multiplier (PyTorch <c>ChainedScheduler</c>).</param>
    /// <returns>The product <c>s₀(t) · s₁(t) · …</c>. A single factor that is itself a product is returned as it is.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedules"/> or one of its elements is null.</exception>
    /// <exception cref="ScheduleArgumentException"><paramref name="schedules"/> is empty.</exception>
    public static LearningRateSchedule Product(params IEnumerable<ILearningRateSchedule> schedules)
    {
        LearningRateSchedule[] factors = Children.FromMany(schedules, nameof(schedules));
        return ProductSchedule.Create(factors)
            .Declared(nameof(Product), (object)Children.Originals(factors));
    }
}
