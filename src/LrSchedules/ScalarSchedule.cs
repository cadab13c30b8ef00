using System.Runtime.CompilerServices;
using LrSchedules.Internal;

namespace LrSchedules;

/// <summary>
/// A schedule of a hyper-parameter other than the learning rate (momentum, Adam's β1 or β2, weight decay): any
/// learning-rate shape or combinator, checked against the hyper-parameter's range. Built by
/// <see cref="ScheduleExtensions.AsMomentum"/>, <see cref="ScheduleExtensions.AsBeta"/> and
/// <see cref="ScheduleExtensions.AsWeightDecay"/>.
/// </summary>
/// <remarks>
/// <para>
/// The range is checked once, at construction, against every value the schedule can take at any step ≥ 0: every shape
/// and combinator of this library knows its least and greatest value (exactly, or enclosed within a few units in the
/// last place for the shapes that interpolate). A schedule whose values are not known in advance — built by
/// <see cref="Schedule.FromFunction(Func{long, double})"/> or a user's own <see cref="ILearningRateSchedule"/>, or
/// combined from one (unless clamped into the range) — is checked at each query instead:
/// <see cref="GetValue"/> then throws <see cref="InvalidOperationException"/> naming the step and the value.
/// </para>
/// <para>
/// Deliberately not an <see cref="ILearningRateSchedule"/>: a momentum schedule cannot be passed where a learning rate
/// is expected. Compose with the learning-rate combinators first, then convert:
/// <c>Schedule.Cosine(0.95, 0.85, 1000).WithConstantWarmup(0.95, 100).AsMomentum()</c>.
/// Immutable, thread-safe; <see cref="GetValue"/> allocates nothing and costs the same at every step.
/// </para>
/// </remarks>
public abstract class ScalarSchedule
{
    private readonly LearningRateSchedule _schedule;
    private readonly ILearningRateSchedule? _user;
    private readonly bool _checkEachQuery;
    private readonly bool _belowOne;

    private protected ScalarSchedule(ILearningRateSchedule schedule, bool belowOne)
    {
        _schedule = LearningRateSchedule.From(schedule, nameof(schedule));
        _belowOne = belowOne;
        if (_schedule.Bounds is { } bounds)
        {
            // The least value of a rate schedule is ≥ 0 by construction; only the greatest can leave the range.
            if (belowOne && !(bounds.Maximum < 1.0))
            {
                throw Preconditions.OutOfRange(nameof(schedule), bounds.Maximum, "a schedule whose every value lies in [0, 1) (its greatest value is shown)");
            }
        }
        else
        {
            _checkEachQuery = true;

            // A user's own schedule is read directly, so that a bad value is reported against this hyper-parameter's
            // range (the core's adapter would call it a learning rate).
            _user = (_schedule as StepwiseSchedule)?.Inner;
        }
    }

    /// <summary>The schedule whose values this one returns (the object passed to the factory).</summary>
    public ILearningRateSchedule Schedule => Children.Original(_schedule);

    /// <summary>The value at a step: the wrapped schedule's value, which lies in the range.</summary>
    /// <param name="step">The optimizer step; ≥ 0.</param>
    /// <returns>The hyper-parameter's value at <paramref name="step"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">
    /// Only for a schedule whose values were not known at construction (see the remarks): its value at
    /// <paramref name="step"/> is outside the range.
    /// </exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double GetValue(long step)
    {
        if (_user is not null)
        {
            return GetUserValue(step);
        }

        double value = _schedule.GetLearningRate(step);
        if (_checkEachQuery && _belowOne && !(value < 1.0))
        {
            ThrowOutOfRange(step, value);
        }

        // A schedule built by FromFunction has its values checked finite and ≥ 0 by the core.
        return value;
    }

    private double GetUserValue(long step)
    {
        if (step < 0)
        {
            Preconditions.ThrowNegativeStep(step);
        }

        double value = _user!.GetLearningRate(step);
        if (!(value >= 0.0) || double.IsPositiveInfinity(value) || (_belowOne && !(value < 1.0)))
        {
            ThrowOutOfRange(step, value);
        }

        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowOutOfRange(long step, double value) =>
        throw new InvalidOperationException(
            $"{GetType().Name}: the schedule returned {Preconditions.Format(value)} at step " +
            $"{step.ToString(System.Globalization.CultureInfo.InvariantCulture)}; every value must " +
            $"{(_belowOne ? "lie in [0, 1)" : "be finite and >= 0")}.");
}
