namespace LrSchedules.Internal;

/// <summary>
/// Adapts a user implementation of <see cref="ILearningRateSchedule"/>, which is defined only at whole steps, to the
/// continuous clock: the value at a fractional position is the value at the whole step at or before it.
/// </summary>
internal sealed class StepwiseSchedule : LearningRateSchedule
{
    private readonly ILearningRateSchedule _inner;

    internal StepwiseSchedule(ILearningRateSchedule inner) => _inner = inner;

    internal override double Evaluate(double position) =>
        _inner.GetLearningRate(position >= long.MaxValue ? long.MaxValue : (long)position);
}
