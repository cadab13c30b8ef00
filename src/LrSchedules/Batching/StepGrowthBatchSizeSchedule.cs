namespace LrSchedules.Batching;

/// <summary>Multiplies the batch size by a growth factor at each of a list of milestones, rounded to a granularity and capped by a maximum.</summary>
/// <remarks>
/// <para><c>B = min(maximumBatchSize, round(initialBatchSize · growthFactor^k))</c>, where <c>k</c> is the number of
/// milestones ≤ the position and <c>round</c> is <see cref="BatchSizeGranularity.Round"/>. The power is taken from the
/// exact product, not from the previous rounded size, so rounding errors do not accumulate.</para>
/// <para>This is the batch-size side of "Don't Decay the Learning Rate, Increase the Batch Size" (Smith, Kindermans,
/// Ying and Le 2017, arXiv:1711.00489), where the batch grows by the factor the learning rate would have been divided by.
/// Once the batch reaches <see cref="MaximumBatchSize"/>, later milestones change nothing.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class StepGrowthBatchSizeSchedule : BatchSizeSchedule
{
    private readonly long[] _milestones;
    private readonly System.Collections.ObjectModel.ReadOnlyCollection<long> _milestonesView;

    internal StepGrowthBatchSizeSchedule(
        long initialBatchSize,
        double growthFactor,
        long[] milestones,
        TrainingClock clock,
        long maximumBatchSize,
        BatchSizeGranularity granularity)
        : base(clock, initialBatchSize, Grow(initialBatchSize, growthFactor, milestones, maximumBatchSize, granularity))
    {
        GrowthFactor = growthFactor;
        _milestones = milestones;
        _milestonesView = Array.AsReadOnly(_milestones);
        Granularity = granularity;
        MaximumBatchSize = maximumBatchSize;
    }

    /// <summary>Gets the factor the batch size is multiplied by at each milestone; &gt; 1.</summary>
    public double GrowthFactor { get; }

    /// <summary>Gets the positions on <see cref="BatchSizeSchedule.Clock"/> at which the batch grows, strictly increasing.</summary>
    public IReadOnlyList<long> Milestones => _milestonesView;

    /// <summary>Gets the granularity each grown batch size is rounded to.</summary>
    public BatchSizeGranularity Granularity { get; }

    /// <summary>Gets the ceiling of the batch size.</summary>
    public long MaximumBatchSize { get; }

    private static BatchSizeChange[] Grow(long initial, double factor, long[] milestones, long maximum, BatchSizeGranularity granularity)
    {
        var changes = new BatchSizeChange[milestones.Length];
        double exact = initial;
        for (int i = 0; i < milestones.Length; i++)
        {
            exact *= factor;
            long batchSize = exact >= maximum ? maximum : Math.Min(maximum, granularity.RoundUnchecked(exact));
            changes[i] = new BatchSizeChange(milestones[i], batchSize);
        }

        return changes;
    }
}
