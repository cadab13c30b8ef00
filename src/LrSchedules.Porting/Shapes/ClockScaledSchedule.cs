namespace LrSchedules.Porting.Shapes;

/// <summary>
/// Reads a schedule written on Megatron-LM's sample counter at iteration <c>k</c>: the inner schedule at
/// <c>k · globalBatchSize</c> (saturating at <see cref="long.MaxValue"/>), the samples consumed before iteration <c>k</c>
/// with a constant global batch. Piecewise constant between whole iterations, like Megatron's integer counter.
/// </summary>
/// <remarks>Pure, allocation-free, immutable and thread-safe.</remarks>
internal sealed class ClockScaledSchedule : LearningRateSchedule
{
    private readonly LearningRateSchedule _inner;
    private readonly long _samplesPerStep;

    internal ClockScaledSchedule(LearningRateSchedule inner, long samplesPerStep)
    {
        _inner = inner;
        _samplesPerStep = samplesPerStep;
    }

    internal override double Evaluate(double position)
    {
        long step = Preconditions.ToStep(position);
        long samples = step > long.MaxValue / _samplesPerStep ? long.MaxValue : step * _samplesPerStep;
        return _inner.Evaluate(samples);
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => _inner.Bounds;
}
