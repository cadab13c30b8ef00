using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>A learning-rate schedule scaled at every step by a batch-size scaling rule at that step's batch size.</summary>
/// <remarks>
/// <para><c>lr'(t) = lr(x(t)) · Rule.GetScale(B(t)) · Multiplier</c>, where <c>x(t)</c> is the position of step <c>t</c> on
/// <see cref="Clock"/> (as <see cref="TrainingClockSchedule"/> reads it) and <c>B(t)</c> is the scheduled batch size of
/// step <c>t</c> in <see cref="Plan"/>. The source schedule is the one for the rule's reference batch size; the rate then
/// follows the batch step by step. The last, smaller batch of an epoch (with <see cref="LastBatch.Keep"/>) uses the
/// scheduled batch size, as training code that sets the rate once per step does.</para>
/// <para>A rule whose factor is infinite at a batch size of the plan is rejected when the schedule is built; a finite
/// product that overflows saturates at <see cref="double.MaxValue"/>, as <see cref="ScheduleExtensions.Scale"/> does.
/// The scale of each phase is computed once, at construction: a query is one binary search, O(log phases),
/// allocation-free. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class BatchScaledSchedule : LearningRateSchedule
{
    private readonly TrainingClockSchedule _source;
    private readonly double[] _scales;

    internal BatchScaledSchedule(TrainingClockSchedule source, BatchScalingRule rule, double multiplier)
    {
        _source = source;
        Depth = Composition.Over(source.Depth, "learningRate");
        Rule = rule;
        Multiplier = multiplier;
        IReadOnlyList<TrainingPhase> phases = source.Plan.Phases;
        _scales = new double[phases.Count];
        for (int i = 0; i < _scales.Length; i++)
        {
            _scales[i] = rule.Scale(phases[i].BatchSize) * multiplier;
            if (!double.IsFinite(_scales[i]))
            {
                // Found by the configuration fuzzer: PowerScaling with exponent 2^31 gave an infinite rate.
                throw Preconditions.OutOfRange(
                    "rule",
                    rule.Scale(phases[i].BatchSize),
                    $"a finite factor at every batch size of the plan (at batch size {Preconditions.Format(phases[i].BatchSize)})");
            }
        }
    }

    /// <summary>Gets the plan that gives the batch size of each step.</summary>
    public TrainingPlan Plan => _source.Plan;

    /// <summary>Gets the schedule that is scaled, written for <see cref="BatchScalingRule.ReferenceBatchSize"/> on <see cref="Clock"/>.</summary>
    public ILearningRateSchedule Schedule => _source.Schedule;

    /// <summary>Gets the clock <see cref="Schedule"/> is written on.</summary>
    public TrainingClock Clock => _source.Clock;

    /// <summary>Gets the rule that turns a batch size into a factor.</summary>
    public BatchScalingRule Rule { get; }

    /// <summary>Gets a constant factor applied on top of the rule: 1, except in the momentum variant of <see cref="BatchSchedule.IncreaseBatchSizeInsteadOfDecay"/>, where it is <c>(1 − increased momentum) / (1 − momentum)</c>.</summary>
    public double Multiplier { get; }

    internal override double Evaluate(double position)
    {
        long step = Preconditions.ToStep(position);
        if (_source.Clock == TrainingClock.Steps)
        {
            return Math.Min(_source.Evaluate(position) * _scales[Plan.PhaseOf(step)], double.MaxValue);
        }

        // One search of the plan gives both the source's position and the phase (Located.Phase is PhaseOf(step)).
        Located at = Plan.Locate(step);
        return Math.Min(_source.Evaluate(position, step, at) * _scales[at.Phase], double.MaxValue);
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds =>
        _source.Bounds is { } bounds
            ? new ValueBounds(bounds.Minimum * _scales.Min(), Math.Min(bounds.Maximum * _scales.Max(), double.MaxValue))
            : null;
}
