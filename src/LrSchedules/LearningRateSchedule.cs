using LrSchedules.Internal;

namespace LrSchedules;

/// <summary>
/// The base of every schedule built by this library: an immutable, thread-safe, closed-form function of the step
/// that can also be read at a fractional position between steps.
/// </summary>
/// <remarks>
/// <para>
/// Each shape is defined on a continuous clock: <see cref="GetLearningRate(double)"/> gives its value at any
/// non-negative position, and <see cref="GetLearningRate(long)"/> is that function read at whole steps. The continuous
/// form is what lets a schedule written in epochs be read at a fractional epoch (see
/// <see cref="ScheduleExtensions.PerEpoch"/>).
/// </para>
/// <para>
/// Instances are created only through <see cref="Schedule"/> and <see cref="ScheduleExtensions"/>; to supply a function
/// of your own, use <see cref="Schedule.FromFunction(Func{long, double})"/> or implement <see cref="ILearningRateSchedule"/>.
/// A user implementation of <see cref="ILearningRateSchedule"/> used inside a combinator is read as piecewise constant
/// between whole steps.
/// </para>
/// <para>Compositions nest at most 1,000 schedules deep: a combinator that would nest deeper is rejected when it is built,
/// with a <see cref="ScheduleArgumentException"/> that gives the depth and the limit, so that no query can overflow the
/// stack (see <see cref="ScheduleExtensions"/>).</para>
/// <para>Public because every factory returns it: the one type a training loop holds, queryable at whole steps and at fractional positions. The shapes themselves are internal.</para>
/// </remarks>
public abstract class LearningRateSchedule : ILearningRateSchedule
{
    private protected LearningRateSchedule()
    {
    }

    /// <inheritdoc />
    public double GetLearningRate(long step)
    {
        if (step < 0)
        {
            Preconditions.ThrowNegativeStep(step);
        }

        return Evaluate(step);
    }

    /// <summary>Gets the learning rate at a fractional position on the schedule's clock.</summary>
    /// <param name="position">A non-negative, finite position; whole values are steps.</param>
    /// <returns>The learning rate at <paramref name="position"/>; equal to <see cref="GetLearningRate(long)"/> at whole values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is negative, NaN or infinite.</exception>
    public double GetLearningRate(double position)
    {
        if (!(position >= 0.0) || double.IsPositiveInfinity(position))
        {
            Preconditions.ThrowBadPosition(position);
        }

        return Evaluate(position);
    }

    /// <summary>
    /// Evaluates the schedule at a position that the caller guarantees to be finite and non-negative.
    /// Combinators call this directly on their children so that the position is checked once, at the top.
    /// </summary>
    internal abstract double Evaluate(double position);

    /// <summary>
    /// The least and greatest value this schedule can return at any position ≥ 0 (or a conservative enclosure of them,
    /// see <see cref="ValueBounds"/>); null when unknown (a user's delegate or <see cref="ILearningRateSchedule"/>, or a
    /// composition containing one). Read once, at construction, by the typed hyper-parameter schedules.
    /// </summary>
    internal abstract ValueBounds? Bounds { get; }

    /// <summary>
    /// Gets how many schedules deep this one nests: 1 for a shape, 1 + the deepest child for a combinator; at most
    /// <see cref="Composition.MaxDepth"/>, so that <see cref="Evaluate"/> cannot overflow the stack.
    /// </summary>
    internal int Depth { get; private protected init; } = 1;

#pragma warning disable SA1401, CA1051 // A field, for Interlocked: written once by FactoryCalls.Declared.
    /// <summary>The factory call that built this schedule (see <see cref="FactoryCalls"/>); null until a factory records it.</summary>
    internal FactoryCall? Call;
#pragma warning restore SA1401, CA1051

    /// <summary>
    /// Returns <paramref name="schedule"/> as a <see cref="LearningRateSchedule"/>: itself when it is one, otherwise an
    /// adapter that reads it at <c>floor(position)</c>.
    /// </summary>
    internal static LearningRateSchedule From(ILearningRateSchedule schedule, string paramName)
    {
        Preconditions.NotNull(schedule, paramName);
        return schedule as LearningRateSchedule ?? new StepwiseSchedule(schedule);
    }
}
