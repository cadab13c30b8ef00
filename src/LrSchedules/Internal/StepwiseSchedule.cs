namespace LrSchedules.Internal;

/// <summary>
/// Adapts a user implementation of <see cref="ILearningRateSchedule"/>, which is defined only at whole steps, to the
/// continuous clock: the value at a fractional position is the value at the whole step at or before it.
/// </summary>
internal sealed class StepwiseSchedule : LearningRateSchedule
{
    private readonly ILearningRateSchedule _inner;

    internal StepwiseSchedule(ILearningRateSchedule inner) => _inner = inner;

    /// <summary>Gets the user schedule this adapter reads, so that combinators can expose it as it was given.</summary>
    internal ILearningRateSchedule Inner => _inner;

    internal override double Evaluate(double position) =>
        Preconditions.CheckUserRate(_inner.GetLearningRate(Preconditions.ToStep(position)), position, _inner);

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => null;
}
