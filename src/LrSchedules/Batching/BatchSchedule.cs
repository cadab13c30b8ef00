using System.Globalization;
using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>
/// Factories for batch-size schedules and the plans that resolve them into the clocks of every step. Each validates its
/// arguments once, here, and returns an immutable, thread-safe object whose queries allocate nothing.
/// </summary>
/// <remarks>
/// <para>Terms used the same way by every factory: the <i>initial</i> batch size is the one at position 0, the
/// <i>final</i> the one a ramp ends at, the <i>maximum</i> a ceiling; the <i>dataset size</i> <c>N</c> is the number of
/// samples in one epoch; <i>samples seen</i> counts the samples drawn by earlier steps. A batch-size schedule is written
/// on one <see cref="TrainingClock"/>; <see cref="Plan"/> turns it into a <see cref="TrainingPlan"/> that answers for
/// every step.</para>
/// </remarks>
[ConfigurationFactories]
public static partial class BatchSchedule
{
    /// <summary>Creates a schedule with the same batch size at every step.</summary>
    /// <param name="batchSize">The batch size; &gt; 0.</param>
    /// <returns>The batch-size schedule.</returns>
    /// <exception cref="ScheduleArgumentException"><paramref name="batchSize"/> is 0 or negative.</exception>
    public static BatchSizeSchedule ConstantBatchSize(long batchSize) =>
        new ConstantBatchSizeSchedule(Preconditions.Positive(batchSize))
            .Declared(nameof(ConstantBatchSize), batchSize);

    /// <summary>Creates a step growth: the batch size is multiplied by <paramref name="growthFactor"/> at each milestone, rounded to <paramref name="granularity"/> and capped at <paramref name="maximumBatchSize"/>.</summary>
    /// <param name="initialBatchSize">The batch size before the first milestone; &gt; 0, allowed by <paramref name="granularity"/> and ≤ <paramref name="maximumBatchSize"/>.</param>
    /// <param name="growthFactor">The factor applied at each milestone; finite and &gt; 1 (a schedule that does not grow is <see cref="ConstantBatchSize"/> or <see cref="Piecewise"/>).</param>
    /// <param name="milestones">The positions on <paramref name="clock"/> at which the batch grows; ≥ 1 and strictly increasing. May be empty.</param>
    /// <param name="clock">The clock the milestones are written on; epochs in Smith et al. 2017.</param>
    /// <param name="maximumBatchSize">The ceiling; allowed by <paramref name="granularity"/>.</param>
    /// <param name="granularity">The batch sizes allowed; <see cref="BatchSizeGranularity.Any"/> when null.</param>
    /// <returns>The batch-size schedule: <c>B = min(maximumBatchSize, round(initialBatchSize · growthFactor^k))</c> after <c>k</c> milestones.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="milestones"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    /// <exception cref="ScheduleArgumentException"><paramref name="milestones"/> is not strictly increasing.</exception>
    public static BatchSizeSchedule StepGrowth(
        long initialBatchSize,
        double growthFactor,
        IEnumerable<long> milestones,
        TrainingClock clock,
        long maximumBatchSize,
        BatchSizeGranularity? granularity = null)
    {
        granularity ??= BatchSizeGranularity.Any;
        Preconditions.Positive(initialBatchSize);
        Preconditions.InRange(growthFactor, 1.0, false, double.MaxValue, true);
        long[] milestoneCopy = Preconditions.StrictlyIncreasing(milestones, 1);
        Preconditions.Defined(clock);
        RequireAllowed(initialBatchSize, granularity);
        Preconditions.AtLeast(maximumBatchSize, initialBatchSize);
        RequireAllowed(maximumBatchSize, granularity);
        return new StepGrowthBatchSizeSchedule(initialBatchSize, growthFactor, milestoneCopy, clock, maximumBatchSize, granularity)
            .Declared(nameof(StepGrowth), initialBatchSize, growthFactor, milestoneCopy, clock, maximumBatchSize, granularity);
    }

    /// <summary>Creates Megatron-LM's linear ramp-up: the batch grows from <paramref name="initialBatchSize"/> to <paramref name="finalBatchSize"/> in steps of <paramref name="batchSizeIncrement"/>, spread evenly over <paramref name="rampSamples"/> samples seen.</summary>
    /// <param name="initialBatchSize">The batch size at the start; &gt; 0.</param>
    /// <param name="batchSizeIncrement">The amount each increment adds; &gt; 0 and a divisor of <c>finalBatchSize − initialBatchSize</c>.</param>
    /// <param name="rampSamples">The samples seen over which the batch ramps up; &gt; 0.</param>
    /// <param name="finalBatchSize">The batch size from <paramref name="rampSamples"/> samples on; &gt; <paramref name="initialBatchSize"/>, at most a million increments above it.</param>
    /// <returns>The batch-size schedule on <see cref="TrainingClock.Samples"/>.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static BatchSizeSchedule LinearRamp(long initialBatchSize, long batchSizeIncrement, long rampSamples, long finalBatchSize)
    {
        const long MostIncrements = 1_000_000;
        Preconditions.Positive(initialBatchSize);
        Preconditions.Positive(batchSizeIncrement);
        Preconditions.Positive(rampSamples);
        if (initialBatchSize == long.MaxValue)
        {
            // Found by the configuration fuzzer: initialBatchSize + 1 below overflowed.
            throw Preconditions.OutOfRange(nameof(initialBatchSize), initialBatchSize, "< long.MaxValue, so that the batch can grow");
        }

        Preconditions.AtLeast(finalBatchSize, initialBatchSize + 1);
        long difference = finalBatchSize - initialBatchSize;
        if (difference % batchSizeIncrement != 0)
        {
            throw Preconditions.OutOfRange(
                nameof(batchSizeIncrement),
                batchSizeIncrement,
                $"a divisor of finalBatchSize - initialBatchSize = {Preconditions.Format(difference)}");
        }

        if (difference / batchSizeIncrement > MostIncrements)
        {
            throw Preconditions.OutOfRange(
                nameof(batchSizeIncrement),
                batchSizeIncrement,
                $">= (finalBatchSize - initialBatchSize) / {Preconditions.Format(MostIncrements)} = {Preconditions.Format(difference / MostIncrements)}, so that the ramp has at most {Preconditions.Format(MostIncrements)} increments");
        }

        return new LinearRampBatchSizeSchedule(initialBatchSize, batchSizeIncrement, rampSamples, finalBatchSize)
            .Declared(nameof(LinearRamp), initialBatchSize, batchSizeIncrement, rampSamples, finalBatchSize);
    }

    /// <summary>Creates an explicit list of batch sizes: <paramref name="initialBatchSize"/>, then each change's batch size from its threshold on <paramref name="clock"/>.</summary>
    /// <param name="initialBatchSize">The batch size before the first change; &gt; 0.</param>
    /// <param name="changes">The changes; thresholds ≥ 1 and strictly increasing, batch sizes &gt; 0. May be empty.</param>
    /// <param name="clock">The clock the thresholds are written on: steps, epochs or samples seen.</param>
    /// <returns>The batch-size schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    /// <exception cref="ScheduleArgumentException">The thresholds of <paramref name="changes"/> are not strictly increasing.</exception>
    public static BatchSizeSchedule Piecewise(long initialBatchSize, IEnumerable<BatchSizeChange> changes, TrainingClock clock)
    {
        Preconditions.Positive(initialBatchSize);
        BatchSizeChange[] copy = Preconditions.NotNull(changes).ToArray();
        for (int i = 0; i < copy.Length; i++)
        {
            if (copy[i].Threshold < 1)
            {
                throw Preconditions.OutOfRange(nameof(changes), copy[i].Threshold, "a change whose Threshold is >= 1 (the batch size at 0 is initialBatchSize)", i);
            }

            if (copy[i].BatchSize < 1)
            {
                throw Preconditions.OutOfRange(nameof(changes), copy[i].BatchSize, "a change whose BatchSize is > 0", i);
            }

            if (i > 0 && copy[i].Threshold <= copy[i - 1].Threshold)
            {
                throw Preconditions.OutOfRange(
                    nameof(changes),
                    copy[i].Threshold,
                    $"a change whose Threshold is > changes[{i - 1}].Threshold = {Preconditions.Format(copy[i - 1].Threshold)} (strictly increasing)",
                    i);
            }
        }

        return new PiecewiseBatchSizeSchedule(initialBatchSize, copy, Preconditions.Defined(clock))
            .Declared(nameof(Piecewise), initialBatchSize, copy, clock);
    }

    /// <summary>Creates the training plan of a dataset and a batch-size schedule: the batch size, samples seen, epoch and step in epoch of every step, and back.</summary>
    /// <param name="datasetSize">The number of samples in one epoch; &gt; 0 and ≥ every batch size of <paramref name="batchSizeSchedule"/>.</param>
    /// <param name="batchSizeSchedule">The batch size on steps, epochs or samples seen.</param>
    /// <param name="lastBatch">Whether the last, partial batch of an epoch is kept (PyTorch's default) or dropped.</param>
    /// <returns>A <see cref="TrainingPlan"/>; see its remarks for how epochs count when the batch size changes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batchSizeSchedule"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it, or the schedule changes batch size past <see cref="long.MaxValue"/> steps or samples.</exception>
    public static TrainingPlan Plan(long datasetSize, BatchSizeSchedule batchSizeSchedule, LastBatch lastBatch)
    {
        RequirePlanArguments(datasetSize, batchSizeSchedule, lastBatch);
        return new TrainingPlan(datasetSize, batchSizeSchedule, lastBatch)
            .Declared(nameof(Plan), datasetSize, batchSizeSchedule, lastBatch);
    }

    /// <summary>Validates the arguments every plan factory shares, naming each as <see cref="Plan"/> declares it.</summary>
    private static void RequirePlanArguments(long datasetSize, BatchSizeSchedule batchSizeSchedule, LastBatch lastBatch)
    {
        Preconditions.Positive(datasetSize);
        Preconditions.NotNull(batchSizeSchedule);
        Preconditions.Defined(lastBatch);
        if (datasetSize < batchSizeSchedule.InitialBatchSize)
        {
            throw Preconditions.OutOfRange(
                nameof(datasetSize),
                datasetSize,
                $">= the initial batch size of batchSizeSchedule ({Preconditions.Format(batchSizeSchedule.InitialBatchSize)}), so that an epoch has at least one full batch");
        }

        if (datasetSize < batchSizeSchedule.LargestBatchSize)
        {
            throw Preconditions.OutOfRange(
                nameof(datasetSize),
                datasetSize,
                $">= the largest batch size of batchSizeSchedule ({Preconditions.Format(batchSizeSchedule.LargestBatchSize)}), so that every epoch has at least one full batch");
        }
    }

    private static void RequireAllowed(long batchSize, BatchSizeGranularity granularity, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(batchSize))] string? paramName = null)
    {
        if (!granularity.Allows(batchSize))
        {
            throw Preconditions.OutOfRange(paramName, batchSize, $"allowed by the granularity ({granularity})");
        }
    }

}
