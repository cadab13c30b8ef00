using LrSchedules.Internal;

namespace LrSchedules.Combinators;

/// <summary>A schedule multiplied by a constant factor.</summary>
/// <remarks>
/// <para><c>lr(t) = factor · s(t)</c>, saturating at <see cref="double.MaxValue"/> rather than overflowing.</para>
/// <para>This is PyTorch's base learning rate applied to a multiplier (<c>LambdaLR</c>: <c>base_lr * lmbda(self.last_epoch)</c>,
/// <c>torch/optim/lr_scheduler.py</c>) and optax's <c>scale_by_schedule</c> with a constant: write a shape with initial
/// rate 1 and scale it by the base rate. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class ScaledSchedule : LearningRateSchedule
{
    private readonly LearningRateSchedule _inner;

    internal ScaledSchedule(LearningRateSchedule inner, double factor)
    {
        _inner = inner;
        Depth = Composition.Over(inner.Depth, "schedule");
        Factor = factor;
    }

    /// <summary>Gets the scaled schedule, as it was given.</summary>
    public ILearningRateSchedule Inner => Children.Original(_inner);

    /// <summary>Gets the factor every value is multiplied by; finite and ≥ 0.</summary>
    public double Factor { get; }

    internal override double Evaluate(double position) => Math.Min(Factor * _inner.Evaluate(position), double.MaxValue);

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => _inner.Bounds is { } b ? new ValueBounds(Factor * b.Minimum, Math.Min(Factor * b.Maximum, double.MaxValue)) : null;
}
