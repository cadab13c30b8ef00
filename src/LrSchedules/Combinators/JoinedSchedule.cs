using System.Collections.ObjectModel;
using LrSchedules.Internal;

namespace LrSchedules.Combinators;

/// <summary>Schedules used one after another, each from its own step 0, switching at boundary steps.</summary>
/// <remarks>
/// <para>With schedules <c>s₀ … sₙ</c> and boundaries <c>b₁ &lt; … &lt; bₙ</c> (and <c>b₀ = 0</c>):
/// <c>lr(t) = sₖ(t − bₖ)</c> for <c>bₖ ≤ t &lt; bₖ₊₁</c>. At a boundary the next schedule takes over at its own
/// step 0.</para>
/// <para>Matches optax <c>join_schedules(schedules, boundaries)</c> (<c>optax/schedules/_join.py</c>:
/// <c>output = jnp.where(step &lt; boundary, output, schedule(step - boundary))</c>) and PyTorch
/// <c>SequentialLR(schedulers, milestones)</c> (<c>torch/optim/lr_scheduler.py</c>: at step 0 only the first scheduler
/// makes its initial step; in <c>step()</c>, <c>idx = bisect_right(self._milestones, self.last_epoch)</c> and, exactly at
/// a milestone, <c>scheduler._update_lr(0)</c> restarts the next scheduler at its epoch 0).</para>
/// <para>A join whose first schedule is itself a join is flattened into one list when it is built, which changes no
/// value: <c>Schedule.Join([Schedule.Join([a, b], [10]), c], [50])</c> holds three schedules and two boundaries. Each query is a binary search over
/// the boundaries: O(log n), allocation-free. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class JoinedSchedule : LearningRateSchedule
{
    private readonly LearningRateSchedule[] _schedules;
    private readonly long[] _boundaries;
    private readonly double[] _searchBoundaries;

    private JoinedSchedule(LearningRateSchedule[] schedules, long[] boundaries)
    {
        _schedules = schedules;
        Depth = Composition.Over(schedules, "schedules");
        _boundaries = boundaries;
        _searchBoundaries = Array.ConvertAll(boundaries, b => (double)b);
        Schedules = new ReadOnlyCollection<ILearningRateSchedule>(Array.ConvertAll(schedules, Children.Original));
        Boundaries = new ReadOnlyCollection<long>((long[])boundaries.Clone());
    }

    /// <summary>Gets the schedules in the order they are used; <c>Schedules[k]</c> starts at <c>Boundaries[k − 1]</c> (the first at step 0).</summary>
    public IReadOnlyList<ILearningRateSchedule> Schedules { get; }

    /// <summary>Gets the steps at which the next schedule takes over; strictly increasing, one fewer than <see cref="Schedules"/>.</summary>
    public IReadOnlyList<long> Boundaries { get; }

    /// <summary>
    /// Builds a join from validated input, flattening a first schedule that is itself a join: only its parts that
    /// start before the first boundary can ever be reached, and they are evaluated at the same positions as before.
    /// </summary>
    internal static JoinedSchedule Create(LearningRateSchedule[] schedules, long[] boundaries)
    {
        if (schedules[0] is not JoinedSchedule head)
        {
            return new JoinedSchedule(schedules, boundaries);
        }

        if (boundaries.Length == 0)
        {
            return head;
        }

        // Parts of the head that start before the first boundary: part 0 and every part whose boundary is below it.
        int kept = 1;
        while (kept <= head._boundaries.Length && head._boundaries[kept - 1] < boundaries[0])
        {
            kept++;
        }

        var flatSchedules = new LearningRateSchedule[kept + schedules.Length - 1];
        Array.Copy(head._schedules, flatSchedules, kept);
        Array.Copy(schedules, 1, flatSchedules, kept, schedules.Length - 1);

        var flatBoundaries = new long[kept - 1 + boundaries.Length];
        Array.Copy(head._boundaries, flatBoundaries, kept - 1);
        Array.Copy(boundaries, 0, flatBoundaries, kept - 1, boundaries.Length);

        return new JoinedSchedule(flatSchedules, flatBoundaries);
    }

    internal override double Evaluate(double position)
    {
        int index = SortedSearch.CountAtOrBelow(_searchBoundaries, position);
        return index == 0
            ? _schedules[0].Evaluate(position)
            : _schedules[index].Evaluate(position - _searchBoundaries[index - 1]);
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Union(_schedules);
}
