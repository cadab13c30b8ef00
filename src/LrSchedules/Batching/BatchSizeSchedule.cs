using System.Globalization;
using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>
/// A batch size that is piecewise constant on one <see cref="TrainingClock"/>, with finitely many changes: the batch
/// size is <see cref="InitialBatchSize"/> until the first change, then the batch size of the last change reached.
/// </summary>
/// <remarks>
/// <para>A schedule on its own answers <see cref="GetBatchSize"/> at a position on its <see cref="Clock"/>. To know the
/// batch size, epoch and samples seen of every optimizer step, give it to a <see cref="TrainingPlan"/>
/// (<see cref="BatchSchedule.Plan"/>), which turns the changes into a sorted table of phases once.</para>
/// <para>Positions on each clock: a change at step <c>t</c> applies from step <c>t</c>; a change at epoch <c>e</c> applies
/// from the first step of epoch <c>e</c>; a change at <c>n</c> samples applies from the first step before which at least
/// <c>n</c> samples have been seen (Megatron-LM reads <c>consumed_samples</c> before each step the same way).</para>
/// <para>Build schedules with the factories on <see cref="BatchSchedule"/>. Each query is a binary search over the
/// changes: O(log n), allocation-free. Immutable and thread-safe.</para>
/// <para>Public because it is what the batch-size factories return and what <see cref="BatchSchedule.Plan"/> takes; its concrete forms are internal.</para>
/// </remarks>
public abstract class BatchSizeSchedule
{
    private readonly long[] _thresholds;
    private readonly long[] _batchSizes;
    private readonly BatchSizeChange[] _changes;
    private readonly System.Collections.ObjectModel.ReadOnlyCollection<BatchSizeChange> _changesView;

    /// <summary>Initializes the table from changes that the caller has validated: thresholds ≥ 1 and strictly increasing, batch sizes &gt; 0.</summary>
    private protected BatchSizeSchedule(TrainingClock clock, long initialBatchSize, IReadOnlyList<BatchSizeChange> changes)
    {
        Clock = clock;
        var thresholds = new List<long>(changes.Count);
        var batchSizes = new List<long>(changes.Count + 1) { initialBatchSize };
        var kept = new List<BatchSizeChange>(changes.Count);
        foreach (BatchSizeChange change in changes)
        {
            // A change to the batch size already in force is no change: the table holds only real ones.
            if (change.BatchSize != batchSizes[^1])
            {
                thresholds.Add(change.Threshold);
                batchSizes.Add(change.BatchSize);
                kept.Add(change);
            }
        }

        _thresholds = thresholds.ToArray();
        _batchSizes = batchSizes.ToArray();
        _changes = kept.ToArray();
        _changesView = Array.AsReadOnly(_changes);
        LargestBatchSize = _batchSizes.Max();
    }

    /// <summary>Gets the clock the changes are written on.</summary>
    public TrainingClock Clock { get; }

    /// <summary>Gets the batch size at position 0, before any change.</summary>
    public long InitialBatchSize => _batchSizes[0];

    /// <summary>Gets the largest batch size the schedule uses.</summary>
    public long LargestBatchSize { get; }

    /// <summary>Gets the changes of batch size, by strictly increasing threshold; each changes the batch size (changes to the size already in force are left out).</summary>
    public IReadOnlyList<BatchSizeChange> Changes => _changesView;

    /// <summary>The thresholds of <see cref="Changes"/>, for the plan's construction.</summary>
    internal long[] Thresholds => _thresholds;

    /// <summary>The batch size before the first change and after each change: one more than <see cref="Thresholds"/>.</summary>
    internal long[] BatchSizes => _batchSizes;

    /// <summary>Gets the batch size at a position on <see cref="Clock"/>.</summary>
    /// <param name="position">A step, an epoch or a number of samples seen, as <see cref="Clock"/> says; ≥ 0.</param>
    /// <returns>The batch size in force at <paramref name="position"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is negative.</exception>
    public long GetBatchSize(long position)
    {
        if (position < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(position),
                position,
                $"position must be >= 0 but was {position.ToString(CultureInfo.InvariantCulture)}.");
        }

        return _batchSizes[SortedSearch.CountAtOrBelow(_thresholds, position)];
    }
}
