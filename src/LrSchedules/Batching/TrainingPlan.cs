using System.Globalization;
using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>
/// A dataset size, a batch-size schedule and a last-batch policy, resolved into the clocks of every optimizer step: its
/// batch size, the samples seen before it, its epoch (whole and fractional) and its index in the epoch; and back, the
/// first step of an epoch and the step at which a number of samples have been seen.
/// </summary>
/// <remarks>
/// <para><b>How epochs count.</b> An epoch is one pass over the <c>N = </c><see cref="DatasetSize"/> samples. Each step
/// draws the next <c>B</c> samples of the pass, where <c>B</c> is the batch size the schedule gives that step; the batch
/// size of a step is decided before the step draws, from its step index, from the samples seen before it, or from its
/// epoch. With <see cref="LastBatch.Keep"/> a step draws <c>min(B, remaining)</c>, so the last step of an epoch may be
/// smaller, and the step after the pass is complete starts the next epoch. With <see cref="LastBatch.Drop"/> a step
/// draws exactly <c>B</c>: when fewer than <c>B</c> samples of the pass remain, they are dropped and the step starts the
/// next epoch. So at a constant batch size an epoch takes <c>ceil(N / B)</c> or <c>floor(N / B)</c> steps.</para>
/// <para><b>Changes inside an epoch.</b> A schedule on steps or on samples seen can change the batch size in the middle of
/// an epoch: the epoch goes on with the new size, and it ends when its pass is complete (keep) or when fewer samples than
/// the new size remain (drop). A schedule on epochs changes the batch size only at the first step of an epoch; the
/// previous epoch ends by its own batch size.</para>
/// <para><b>Fractional epoch.</b> <c>epoch + samples of the epoch drawn before the step / N</c>: the position in the
/// pass over the data. It is the clock a schedule written in epochs is read on (<see cref="PerStep"/>); it stays
/// meaningful when the batch changes inside an epoch. With <see cref="LastBatch.Drop"/> it reaches
/// <c>epoch + (N − dropped) / N</c> at the last step of an epoch and the next epoch starts at a whole number.
/// <b>Samples seen</b> counts the samples actually drawn (dropped samples are not seen).</para>
/// <para><b>Phases.</b> The construction walks the schedule's changes once and keeps a sorted table of
/// <see cref="Phases"/>, each a run of steps at one batch size whose clocks are arithmetic. Every query is a binary
/// search over the phases and a few integer operations: O(log phases), no allocation, exact at any step up to
/// <see cref="long.MaxValue"/>. Samples seen is computed in 128-bit integers and saturates at <see cref="long.MaxValue"/>
/// in <see cref="GetSamplesSeen"/> (only for steps past <c>long.MaxValue / B</c>); the construction rejects a schedule
/// whose changes lie past <see cref="long.MaxValue"/> steps or samples.</para>
/// <para>Every process that builds a plan from the same inputs gets the same plan: data-parallel workers need not
/// communicate. Immutable and thread-safe.</para>
/// <para>Public because a training loop asks it for each step's batch size, epoch and samples seen.</para>
/// </remarks>
[ConfigurationFactories]
public sealed partial class TrainingPlan
{
    private readonly TrainingPhase[] _phases;
    private readonly System.Collections.ObjectModel.ReadOnlyCollection<TrainingPhase> _phasesView;
    private readonly long[] _firstSteps;
    private readonly long[] _samplesSeen;

    internal TrainingPlan(long datasetSize, BatchSizeSchedule batchSizeSchedule, LastBatch lastBatch, SequenceLengths? sequenceLengths = null)
    {
        DatasetSize = datasetSize;
        BatchSizeSchedule = batchSizeSchedule;
        LastBatch = lastBatch;
        _sequenceLengths = RequireTokensClock(batchSizeSchedule, sequenceLengths);
        _phases = BuildPhases();
        _phasesView = Array.AsReadOnly(_phases);
        _firstSteps = Array.ConvertAll(_phases, p => p.FirstStep);
        _samplesSeen = Array.ConvertAll(_phases, p => p.SamplesSeen);
    }

    /// <summary>Gets the number of samples in one pass over the training set.</summary>
    public long DatasetSize { get; }

    /// <summary>Gets the batch-size schedule the plan resolves.</summary>
    public BatchSizeSchedule BatchSizeSchedule { get; }

    /// <summary>Gets what an epoch does with a last, partial batch.</summary>
    public LastBatch LastBatch { get; }

    /// <summary>Gets the runs of steps at one batch size, by first step; the last one never ends.</summary>
    public IReadOnlyList<TrainingPhase> Phases => _phasesView;

    /// <summary>Gets every clock of a step at once.</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <returns>The step's epoch, index in the epoch, samples seen, batch size and fractional epoch.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public TrainingPosition GetPosition(long step)
    {
        Located at = Locate(CheckStep(step));
        return new TrainingPosition(
            step,
            at.Epoch,
            at.StepInEpoch,
            Saturate(at.SamplesSeen),
            at.SamplesSeenInEpoch,
            at.BatchSize,
            at.ScheduledBatchSize,
            FractionalEpoch(at));
    }

    /// <summary>Gets the number of samples a step draws: its scheduled batch size, or the rest of the epoch for the last step of an epoch when the last batch is kept.</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <returns>The samples the step draws, &gt; 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public long GetBatchSize(long step)
    {
        CheckStep(step);

        // With the last partial batch dropped, every step of a phase draws the phase's batch size (Locate's answer
        // too), so the epoch arithmetic and its 64-bit division are not needed.
        // Stryker disable once Conditional : a fast path; with LastBatch.Drop, Locate returns the phase's batch size too
        return LastBatch == LastBatch.Drop ? _phases[PhaseOf(step)].BatchSize : Locate(step).BatchSize;
    }

    /// <summary>Gets the batch size the schedule gives a step (equal to <see cref="GetBatchSize"/> except at the last step of an epoch when the last batch is kept).</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <returns>The scheduled batch size.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public long GetScheduledBatchSize(long step) => _phases[PhaseOf(CheckStep(step))].BatchSize;

    /// <summary>Gets the samples drawn by all steps before <paramref name="step"/>.</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <returns>The samples seen before the step; <see cref="long.MaxValue"/> if there are more.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public long GetSamplesSeen(long step) => Saturate(Locate(CheckStep(step)).SamplesSeen);

    /// <summary>Gets the zero-based epoch a step belongs to.</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <returns>The epoch.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public long GetEpoch(long step) => Locate(CheckStep(step)).Epoch;

    /// <summary>Gets the fractional epoch of a step: <c>epoch + samples of the epoch drawn before the step / DatasetSize</c>.</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <returns>The fractional epoch; a whole number at the first step of an epoch.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public double GetFractionalEpoch(long step) => FractionalEpoch(Locate(CheckStep(step)));

    /// <summary>Gets the zero-based index of a step within its epoch.</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <returns>The index in the epoch; 0 at the first step of an epoch.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public long GetStepInEpoch(long step) => Locate(CheckStep(step)).StepInEpoch;

    /// <summary>Gets the first step of an epoch; for epoch <c>e</c> it is also the number of steps (parameter updates) that the epochs before <c>e</c> take.</summary>
    /// <param name="epoch">The zero-based epoch; ≥ 0.</param>
    /// <returns>The first step of <paramref name="epoch"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is negative, or its first step is past <see cref="long.MaxValue"/>.</exception>
    public long GetFirstStepOfEpoch(long epoch)
    {
        Preconditions.NonNegative(epoch);
        int index = PhaseStartingAtOrBeforeEpoch(epoch);
        Int128 step = FirstStepOfEpoch(_phases[index], epoch);
        if (step > long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                nameof(epoch),
                epoch,
                $"epoch must start at a step <= long.MaxValue but epoch {epoch.ToString(CultureInfo.InvariantCulture)} starts at step {step.ToString(CultureInfo.InvariantCulture)}.");
        }

        return (long)step;
    }

    /// <summary>Gets the first step before which at least <paramref name="samplesSeen"/> samples have been seen.</summary>
    /// <param name="samplesSeen">A number of samples; ≥ 0.</param>
    /// <returns>The first step <c>t</c> with <c>GetSamplesSeen(t) ≥ samplesSeen</c>; 0 for 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samplesSeen"/> is negative.</exception>
    public long GetFirstStepWithSamplesSeen(long samplesSeen)
    {
        Preconditions.NonNegative(samplesSeen);
        int index = SortedSearch.CountAtOrBelow(_samplesSeen, samplesSeen) - 1;
        return FirstStepWithSamplesSeen(_phases[index], samplesSeen);
    }

    /// <summary>Reads a learning-rate schedule written in epochs or in samples seen at every step of this plan.</summary>
    /// <param name="learningRate">The schedule, whose positions are on <paramref name="clock"/>.</param>
    /// <param name="clock">The clock <paramref name="learningRate"/> is written on: <see cref="TrainingClock.Epochs"/> reads it at the fractional epoch of each step, <see cref="TrainingClock.Samples"/> at the samples seen before it, <see cref="TrainingClock.Tokens"/> at the tokens seen before it (a plan that counts tokens), <see cref="TrainingClock.Steps"/> at the step itself.</param>
    /// <returns>A schedule of the step that composes with every other schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="learningRate"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException"><paramref name="clock"/> is not a defined <see cref="TrainingClock"/>, or is <see cref="TrainingClock.Tokens"/> on a plan that does not count tokens.</exception>
    public LearningRateSchedule PerStep(ILearningRateSchedule learningRate, TrainingClock clock) =>
        PerStepUnrecorded(learningRate, clock)
            .Declared(nameof(PerStep), this, learningRate, clock);

    /// <summary>Scales a learning-rate schedule by a batch-size scaling rule at the batch size of every step, so the rate follows the batch.</summary>
    /// <param name="learningRate">The schedule, written for the rule's reference batch size, on <paramref name="clock"/>.</param>
    /// <param name="rule">The scaling rule (<see cref="BatchScaling"/>).</param>
    /// <param name="clock">The clock <paramref name="learningRate"/> is written on; steps by default.</param>
    /// <returns>The schedule <c>lr'(t) = lr(position of t) · rule.GetScale(B(t))</c> with <c>B(t)</c> the scheduled batch size of step <c>t</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="learningRate"/> or <paramref name="rule"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException"><paramref name="clock"/> is not a defined <see cref="TrainingClock"/>, <paramref name="rule"/>'s factor is infinite at a batch size of the plan, or the result would nest more than 1,000 schedules deep.</exception>
    public LearningRateSchedule ScaleLearningRate(ILearningRateSchedule learningRate, BatchScalingRule rule, TrainingClock clock = TrainingClock.Steps)
    {
        TrainingClockSchedule perStep = PerStepUnrecorded(learningRate, clock);
        Preconditions.NotNull(rule);
        return new BatchScaledSchedule(perStep, rule, 1.0)
            .Declared(nameof(ScaleLearningRate), this, learningRate, rule, clock);
    }

    /// <summary>The schedule of <see cref="PerStep"/>, without a factory call record (for the plans built on it).</summary>
    internal TrainingClockSchedule PerStepUnrecorded(ILearningRateSchedule learningRate, TrainingClock clock) =>
        new(this, LearningRateSchedule.From(learningRate, nameof(learningRate)), RequireClock(clock));

    /// <summary>The index of the phase that contains a step ≥ 0.</summary>
    internal int PhaseOf(long step) => SortedSearch.CountAtOrBelow(_firstSteps, step) - 1;

    /// <summary>Every clock of a step ≥ 0, in one binary search.</summary>
    internal Located Locate(long step)
    {
        int index = PhaseOf(step);
        return Locate(_phases[index], index, step);
    }

    internal double FractionalEpoch(in Located at) => at.Epoch + ((double)at.SamplesSeenInEpoch / DatasetSize);

    private static long CheckStep(long step)
    {
        if (step < 0)
        {
            Preconditions.ThrowNegativeStep(step);
        }

        return step;
    }

    // Stryker disable once Equality : at value == long.MaxValue both branches give long.MaxValue
    private static long Saturate(Int128 value) => value > long.MaxValue ? long.MaxValue : (long)value;

    private Located Locate(in TrainingPhase phase, int index, long step)
    {
        long offset = step - phase.FirstStep;
        long epoch;
        long stepInEpoch;
        long samplesInEpoch;
        Int128 samplesSeen;
        if (offset < phase.HeadSteps)
        {
            epoch = phase.Epoch;
            stepInEpoch = phase.StepInEpoch + offset;
            samplesInEpoch = phase.SamplesSeenInEpoch + (offset * phase.BatchSize);
            samplesSeen = (Int128)phase.SamplesSeen + (offset * phase.BatchSize);
        }
        else
        {
            long afterHead = offset - phase.HeadSteps;
            long epochs = afterHead / phase.StepsPerEpoch;
            stepInEpoch = afterHead - (epochs * phase.StepsPerEpoch);
            epoch = phase.Epoch + 1 + epochs;
            samplesInEpoch = stepInEpoch * phase.BatchSize;
            samplesSeen = (Int128)phase.SamplesSeen + phase.HeadSamples + ((Int128)epochs * phase.SamplesPerEpoch) + samplesInEpoch;
        }

        // With the last batch kept, the last step of an epoch draws what is left. With it dropped, every step of a phase has
        // at least its batch size left in the epoch (Start moves a phase to the next epoch when fewer remain, and a dataset
        // holds every batch size), so the minimum is the phase's batch size under both policies.
        long batchSize = Math.Min(phase.BatchSize, DatasetSize - samplesInEpoch);
        return new Located(index, epoch, stepInEpoch, samplesInEpoch, samplesSeen, batchSize, phase.BatchSize);
    }

    /// <summary>The first step of <paramref name="epoch"/>, for a phase that starts at or before it and is still in force there.</summary>
    /// <remarks>
    /// Every caller passes <c>epoch ≥ phase.Epoch</c>, and <c>epoch == phase.Epoch</c> only for a phase that starts that epoch
    /// (<see cref="PhaseStartingAtOrBeforeEpoch"/>; on the epoch clock every phase does): its head is then a whole epoch,
    /// <c>HeadSteps == StepsPerEpoch</c>, and the formula gives <c>FirstStep</c>.
    /// </remarks>
    private static Int128 FirstStepOfEpoch(in TrainingPhase phase, long epoch) =>
        (Int128)phase.FirstStep + phase.HeadSteps + ((Int128)(epoch - phase.Epoch - 1) * phase.StepsPerEpoch);

    /// <summary>The first step with at least <paramref name="samplesSeen"/> samples seen before it, by the arithmetic of one phase.</summary>
    private static long FirstStepWithSamplesSeen(in TrainingPhase phase, long samplesSeen)
    {
        // Samples seen only grow, by at least one per step, so the answer is at most samplesSeen and fits in a long.
        long needed = samplesSeen - phase.SamplesSeen;
        // Stryker disable once Equality : at needed == 0 the head branch below gives offset ceil(0 / B) = 0, the same first step
        if (needed <= 0)
        {
            return phase.FirstStep;
        }

        long offset;
        // Stryker disable once Equality,Conditional : at needed == HeadSamples both branches give offset HeadSteps (ceil(HeadSamples / B) = HeadSteps; after the head, rest = 0); with rest == 0, ceil(0 / B) = 0 too
        if (needed <= phase.HeadSamples)
        {
            offset = Math.Min(TrainingPhase.CeilingDivide(needed, phase.BatchSize), phase.HeadSteps);
        }
        else
        {
            long afterHead = needed - phase.HeadSamples;
            long epochs = afterHead / phase.SamplesPerEpoch;
            long rest = afterHead - (epochs * phase.SamplesPerEpoch);
            offset = phase.HeadSteps + (epochs * phase.StepsPerEpoch)
                + (rest == 0 ? 0 : Math.Min(TrainingPhase.CeilingDivide(rest, phase.BatchSize), phase.StepsPerEpoch));
        }

        return phase.FirstStep + offset;
    }

    /// <summary>The last phase whose first step is at or before the first step of <paramref name="epoch"/>: its (epoch, step in epoch) is ≤ (epoch, 0).</summary>
    private int PhaseStartingAtOrBeforeEpoch(long epoch)
    {
        int low = 0;
        int high = _phases.Length;
        while (low < high)
        {
            // Stryker disable once Bitwise : high >= low, so high - low >= 0 and >> and >>> shift the same bits
            int middle = low + ((high - low) >> 1);
            ref readonly TrainingPhase phase = ref _phases[middle];
            if (phase.Epoch < epoch || (phase.Epoch == epoch && phase.StepInEpoch == 0))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low - 1;
    }

    /// <summary>Walks the changes of the schedule once, turning each threshold into the step where it takes effect.</summary>
    private TrainingPhase[] BuildPhases()
    {
        long[] thresholds = BatchSizeSchedule.Thresholds;
        long[] batchSizes = BatchSizeSchedule.BatchSizes;
        var phases = new List<TrainingPhase>(batchSizes.Length);
        var entries = new List<Entry>(batchSizes.Length);
        var entry = new Entry(0, 0, 0, 0, 0);
        TrainingPhase current = Start(entry, batchSizes[0]);
        for (int i = 0; i < thresholds.Length; i++)
        {
            long step = StepOfThreshold(current, thresholds[i]);
            if (step > current.FirstStep)
            {
                phases.Add(current);
                entries.Add(entry);
                entry = After(current, phases.Count - 1, step - 1);
                current = Start(entry, batchSizes[i + 1]);
            }
            else if (phases.Count != 0 && phases[^1].BatchSize == batchSizes[i + 1])
            {
                // The phase in force would be empty (one step crossed several sample thresholds) and the size after it
                // is the size before it: the earlier phase simply goes on.
                current = phases[^1];
                entry = entries[^1];
                phases.RemoveAt(phases.Count - 1);
                // Stryker disable once Statement : entries[^1] is read only by a merge; after a merge the next threshold (larger, on a monotone clock) always ends the restored phase, which is appended again with its entry before entries is read
                entries.RemoveAt(entries.Count - 1);
            }
            else
            {
                // The phase in force would be empty: its batch size is never used.
                current = Start(entry, batchSizes[i + 1]);
            }
        }

        phases.Add(current);
        return phases.ToArray();
    }

    /// <summary>The phase that starts at <paramref name="entry"/> with <paramref name="batchSize"/>: when the last batch is dropped and fewer than <paramref name="batchSize"/> samples of the epoch remain, they are dropped and the phase starts the next epoch.</summary>
    private TrainingPhase Start(in Entry entry, long batchSize)
    {
        // At the start of an epoch all N samples remain, and N is at least every batch size: only a phase that starts inside
        // an epoch can find too few.
        bool endsEpoch = LastBatch == LastBatch.Drop && DatasetSize - entry.SamplesSeenInEpoch < batchSize;
        return endsEpoch
            ? new TrainingPhase(entry.Step, batchSize, entry.SamplesSeen, entry.Epoch + 1, 0, 0, DatasetSize, LastBatch)
            : new TrainingPhase(entry.Step, batchSize, entry.SamplesSeen, entry.Epoch, entry.StepInEpoch, entry.SamplesSeenInEpoch, DatasetSize, LastBatch);
    }

    /// <summary>The state after <paramref name="lastStep"/> of <paramref name="phase"/>, before the next batch size is known.</summary>
    private Entry After(in TrainingPhase phase, int index, long lastStep)
    {
        Located at = Locate(phase, index, lastStep);
        Int128 samplesSeen = at.SamplesSeen + at.BatchSize;
        if (samplesSeen > long.MaxValue)
        {
            throw Preconditions.OutOfRange(
                "batchSizeSchedule",
                BatchSizeSchedule,
                $"a schedule that changes batch size before long.MaxValue samples are seen ({samplesSeen.ToString(CultureInfo.InvariantCulture)} are seen by step {(lastStep + 1).ToString(CultureInfo.InvariantCulture)})");
        }

        // A change on the epoch clock comes at the first step of an epoch: what the last epoch left is dropped (or was all drawn).
        long samplesInEpoch = at.SamplesSeenInEpoch + at.BatchSize;
        return samplesInEpoch == DatasetSize || BatchSizeSchedule.Clock == TrainingClock.Epochs
            ? new Entry(lastStep + 1, (long)samplesSeen, at.Epoch + 1, 0, 0)
            : new Entry(lastStep + 1, (long)samplesSeen, at.Epoch, at.StepInEpoch + 1, samplesInEpoch);
    }

    /// <summary>The step at which a change at <paramref name="threshold"/> on the schedule's clock takes effect, by the arithmetic of the phase in force before it.</summary>
    private long StepOfThreshold(in TrainingPhase phase, long threshold)
    {
        switch (BatchSizeSchedule.Clock)
        {
            case TrainingClock.Steps:
                return Math.Max(threshold, phase.FirstStep);
            case TrainingClock.Samples:
                return FirstStepWithSamplesSeen(phase, threshold);
            case TrainingClock.Tokens:
                return FirstStepWithSamplesSeen(phase, _sequenceLengths!.SamplesFor(threshold));
            default:
                Int128 step = FirstStepOfEpoch(phase, threshold);
                if (step > long.MaxValue)
                {
                    throw Preconditions.OutOfRange(
                        "batchSizeSchedule",
                        BatchSizeSchedule,
                        $"a schedule that changes batch size at epochs starting before step long.MaxValue (epoch {threshold.ToString(CultureInfo.InvariantCulture)} starts at step {step.ToString(CultureInfo.InvariantCulture)})");
                }

                return (long)step;
        }
    }

    /// <summary>The clocks at the start of a phase, before the drop-last rule for its batch size is applied.</summary>
    private readonly record struct Entry(long Step, long SamplesSeen, long Epoch, long StepInEpoch, long SamplesSeenInEpoch);
}
