using System.Globalization;
using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>
/// A training plan split over data-parallel workers: for every step, the global batch as
/// <c>workers × accumulation steps × micro-batch size</c>, exactly.
/// </summary>
/// <remarks>
/// <para>Every batch the plan can draw is checked at construction: each phase's scheduled batch size and, when the last
/// batch is kept, the smaller last batch of its epochs. A batch that cannot be split exactly is rejected there, with the
/// step, the epoch and the numbers, rather than discovered hours into a run. With
/// <see cref="MicroBatchSizing.Largest"/> the micro-batch size is the largest divisor of the per-worker batch that is
/// ≤ <see cref="MaximumMicroBatchSize"/>; with <see cref="MicroBatchSizing.Fixed"/> it is always
/// <see cref="MaximumMicroBatchSize"/>, as in Megatron-LM.</para>
/// <para>The split depends only on the plan and the three numbers: every worker that builds the plan from the same
/// inputs computes the same split at every step, without communicating. Each query is one binary search, O(log phases),
/// allocation-free. Immutable and thread-safe.</para>
/// <para>Public because each worker asks it for the split of its step.</para>
/// </remarks>
public sealed class DataParallelPlan
{
    private readonly DataParallelSplit[] _full;
    private readonly DataParallelSplit[] _headPartial;
    private readonly DataParallelSplit[] _epochPartial;

    internal DataParallelPlan(TrainingPlan plan, int workers, long maximumMicroBatchSize, MicroBatchSizing sizing)
    {
        Plan = plan;
        Workers = workers;
        MaximumMicroBatchSize = maximumMicroBatchSize;
        Sizing = sizing;

        IReadOnlyList<TrainingPhase> phases = plan.Phases;
        var batches = new List<(int Phase, int Kind, long BatchSize, long Step, long Epoch)>();
        for (int i = 0; i < phases.Count; i++)
        {
            TrainingPhase phase = phases[i];
            Int128 end = i + 1 < phases.Count ? phases[i + 1].FirstStep : (Int128)long.MaxValue + 1;
            // Stryker disable once Conditional : with LastBatch.Drop a phase's HeadSamples is HeadSteps · BatchSize, so the remainder is 0 either way
            long headPartial = plan.LastBatch == LastBatch.Keep ? phase.HeadSamples % phase.BatchSize : 0;
            long epochPartial = plan.LastBatch == LastBatch.Keep ? plan.DatasetSize % phase.BatchSize : 0;

            // The first step that draws a full batch: the phase's first step, unless that step is already the short end of its epoch.
            bool headHasFull = phase.HeadSteps > 1 || headPartial == 0;
            Int128 fullStep = headHasFull ? phase.FirstStep : (Int128)phase.FirstStep + phase.HeadSteps;
            if (fullStep < end)
            {
                batches.Add((i, 0, phase.BatchSize, (long)fullStep, headHasFull ? phase.Epoch : phase.Epoch + 1));
            }

            Int128 headPartialStep = (Int128)phase.FirstStep + phase.HeadSteps - 1;
            if (headPartial != 0 && headPartialStep < end)
            {
                batches.Add((i, 1, headPartial, (long)headPartialStep, phase.Epoch));
            }

            Int128 epochPartialStep = (Int128)phase.FirstStep + phase.HeadSteps + phase.StepsPerEpoch - 1;
            // Stryker disable once Equality : at epochPartialStep == end the batch is never drawn; whenever the batches before it in this table split, epoch phase.Epoch (drawn whole by this phase and earlier ones) and BatchSize do, so N mod BatchSize does too and neither the rejection nor the greatest common divisor changes
            if (epochPartial != 0 && epochPartialStep < end)
            {
                // Stryker disable once Arithmetic : the epoch is only shown when this batch is the first rejected, and it never is: epoch phase.Epoch is drawn whole by this phase and earlier ones, so if those batches split, N and N mod BatchSize do too
                batches.Add((i, 2, epochPartial, (long)epochPartialStep, phase.Epoch + 1));
            }
        }

        long divisor = batches.Aggregate(0L, (gcd, batch) => GreatestCommonDivisor(gcd, batch.BatchSize));
        _full = new DataParallelSplit[phases.Count];
        _headPartial = new DataParallelSplit[phases.Count];
        _epochPartial = new DataParallelSplit[phases.Count];
        foreach ((int phase, int kind, long batchSize, long step, long epoch) in batches)
        {
            DataParallelSplit split = Split(batchSize, step, epoch, divisor);
            DataParallelSplit[] table = kind switch { 0 => _full, 1 => _headPartial, _ => _epochPartial };
            table[phase] = split;
        }
    }

    /// <summary>Gets the plan that gives the global batch size of each step.</summary>
    public TrainingPlan Plan { get; }

    /// <summary>Gets the number of data-parallel workers.</summary>
    public int Workers { get; }

    /// <summary>Gets the largest number of samples one worker processes in one forward-backward pass (the fixed micro-batch size with <see cref="MicroBatchSizing.Fixed"/>).</summary>
    public long MaximumMicroBatchSize { get; }

    /// <summary>Gets how the micro-batch size is chosen.</summary>
    public MicroBatchSizing Sizing { get; }

    /// <summary>Gets how a step's global batch is split over the workers and accumulation steps.</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <returns>The split, with <c>BatchSize = Workers · AccumulationSteps · MicroBatchSize</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public DataParallelSplit GetSplit(long step)
    {
        if (step < 0)
        {
            Preconditions.ThrowNegativeStep(step);
        }

        Located at = Plan.Locate(step);
        if (at.BatchSize == at.ScheduledBatchSize)
        {
            return _full[at.Phase];
        }

        DataParallelSplit head = _headPartial[at.Phase];
        return head.BatchSize == at.BatchSize ? head : _epochPartial[at.Phase];
    }

    private static long GreatestCommonDivisor(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    /// <summary>The largest divisor of <paramref name="value"/> that is ≤ <paramref name="limit"/>: O(√value).</summary>
    internal static long LargestDivisorAtMost(long value, long limit)
    {
        // Stryker disable once Equality,Block : a fast path; without it (or at limit == value) the loop below starts at co-divisor (value - 1) / limit + 1 = 1 and returns value too
        if (limit >= value)
        {
            return value;
        }

        // A divisor d ≥ √value pairs with a co-divisor value / d ≤ √value; d ≤ limit means the co-divisor is ≥ value / limit.
        // Stryker disable once Equality : stopping before c = value / c skips only c = ⌊√value⌋ with c · c ≤ value < c · (c + 1); c divides value only if value = c², and the search below then returns c = value / c as well
        for (long coDivisor = ((value - 1) / limit) + 1; coDivisor <= value / coDivisor; coDivisor++)
        {
            if (value % coDivisor == 0)
            {
                return value / coDivisor;
            }
        }

        // None in (√value, limit]: the answer is the largest divisor ≤ min(limit, √value). Math.Sqrt is within one of
        // √value, so the search starts at most two above ⌊√value⌋, where no divisor ≤ limit is left. (An exact integer
        // root, corrected by squaring, overflowed for value ≥ 3 037 000 499² and looped for ever.)
        // The search ends at 1 at the latest, which divides every value.
        for (long divisor = Math.Min(limit, (long)Math.Sqrt(value) + 1); ; divisor--)
        {
            if (value % divisor == 0)
            {
                return divisor;
            }
        }
    }

    private DataParallelSplit Split(long batchSize, long step, long epoch, long divisor)
    {
        string where = $"the batch of {Preconditions.Format(batchSize)} samples at step {Preconditions.Format(step)} (epoch {Preconditions.Format(epoch)})";
        if (Sizing == MicroBatchSizing.Fixed)
        {
            Int128 perPass = (Int128)Workers * MaximumMicroBatchSize;
            if (batchSize % perPass != 0)
            {
                throw Preconditions.OutOfRange(
                    "maximumMicroBatchSize",
                    MaximumMicroBatchSize,
                    $"such that workers x maximumMicroBatchSize = {Preconditions.Format(Workers)} x {Preconditions.Format(MaximumMicroBatchSize)} = {perPass.ToString(CultureInfo.InvariantCulture)} divides every batch of the plan when the micro-batch size is fixed ({where} is not a multiple of it; the batches of the plan have greatest common divisor {Preconditions.Format(divisor)})");
            }

            return new DataParallelSplit(batchSize, Workers, (long)(batchSize / perPass), MaximumMicroBatchSize);
        }

        if (batchSize % Workers != 0)
        {
            throw Preconditions.OutOfRange(
                "workers",
                Workers,
                $"a divisor of every batch of the plan ({where} is not a multiple of it; valid worker counts divide {Preconditions.Format(divisor)}, the greatest common divisor of the plan's batches)");
        }

        long perWorker = batchSize / Workers;
        long microBatchSize = LargestDivisorAtMost(perWorker, MaximumMicroBatchSize);
        return new DataParallelSplit(batchSize, Workers, perWorker / microBatchSize, microBatchSize);
    }

}
