using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>A learning-rate schedule written in epochs or in samples seen, read at every step of a <see cref="TrainingPlan"/>.</summary>
/// <remarks>
/// <para><c>lr'(t) = lr(x(t))</c>, where <c>x(t)</c> is, by <see cref="Clock"/>: the fractional epoch of step <c>t</c>
/// (<c>epoch + samples of the epoch drawn before t / N</c>), the samples or the tokens seen before step <c>t</c>, or <c>t</c> itself.
/// At a fractional step <c>t + f</c> the position moves on by <c>f</c> times the samples step <c>t</c> draws, so the
/// schedule is continuous wherever the source is.</para>
/// <para>This is how a schedule from a paper in epochs (step decay at epochs 30, 60, 80; cosine over 90 epochs) stays
/// right when the batch size, and so the number of steps per epoch, changes. Each query is one binary search over the
/// plan's phases: O(log phases), allocation-free. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class TrainingClockSchedule : LearningRateSchedule
{
    private readonly LearningRateSchedule _schedule;

    internal TrainingClockSchedule(TrainingPlan plan, LearningRateSchedule schedule, TrainingClock clock)
    {
        Plan = plan;
        _schedule = schedule;
        Depth = Composition.Over(schedule.Depth, "learningRate");
        Clock = clock;
    }

    /// <summary>Gets the plan whose clocks convert steps to positions.</summary>
    public TrainingPlan Plan { get; }

    /// <summary>Gets the schedule that is read, written on <see cref="Clock"/>.</summary>
    public ILearningRateSchedule Schedule => Children.Original(_schedule);

    /// <summary>Gets the clock <see cref="Schedule"/> is written on.</summary>
    public TrainingClock Clock { get; }

    internal override double Evaluate(double position) => _schedule.Evaluate(GetPosition(position));

    /// <summary>The rate at a step ≥ 0 that the caller has already located in the plan (Epochs or Samples clock).</summary>
    internal double Evaluate(double position, long step, in Located at) => _schedule.Evaluate(GetPosition(position, step, at));

    /// <summary>The position on <see cref="Clock"/> of a (fractional) step ≥ 0.</summary>
    internal double GetPosition(double position)
    {
        if (Clock == TrainingClock.Steps)
        {
            return position;
        }

        long step = Preconditions.ToStep(position);
        return GetPosition(position, step, Plan.Locate(step));
    }

    /// <summary>
    /// The position on <see cref="Clock"/> (Epochs or Samples) of a (fractional) step ≥ 0 that the caller has already
    /// located in the plan, so that a caller that needs the phase too searches the plan once.
    /// </summary>
    internal double GetPosition(double position, long step, in Located at)
    {
        // Stryker disable once Equality : at position == 2^63 = (double)long.MaxValue, step is long.MaxValue and position - step is 0 as well
        double fraction = position >= long.MaxValue ? 0.0 : position - step;
        double drawn = fraction * at.BatchSize;
        return Clock switch
        {
            TrainingClock.Epochs => at.Epoch + ((at.SamplesSeenInEpoch + drawn) / Plan.DatasetSize),
            TrainingClock.Tokens => Plan.TokensPosition(at, drawn),
            _ => (double)at.SamplesSeen + drawn,
        };
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => _schedule.Bounds;
}
