using LrSchedules.Internal;

namespace LrSchedules.Shapes;

/// <summary>A schedule computed by a delegate the user supplies.</summary>
/// <remarks>
/// <para>The delegate must keep the <see cref="ILearningRateSchedule"/> contract: pure, thread-safe, allocation-free,
/// finite and non-negative. The library calls the delegate on every query; a value that is NaN, infinite or negative
/// makes that query throw <see cref="InvalidOperationException"/> naming the position and the value.
/// This is the escape hatch for shapes the library does not have (PyTorch's <c>LambdaLR</c>); prefer a built-in shape
/// when one fits, because it is validated, documented and cheaper to call.</para>
/// <para>Immutable and thread-safe if the delegate is.</para>
/// </remarks>
internal sealed class FunctionSchedule : LearningRateSchedule
{
    private readonly Func<long, double>? _ofStep;
    private readonly Func<double, double>? _ofPosition;

    internal FunctionSchedule(Func<long, double> ofStep) => _ofStep = ofStep;

    internal FunctionSchedule(Func<double, double> ofPosition) => _ofPosition = ofPosition;

    /// <summary>Gets a value indicating whether the delegate is defined between steps (<see cref="Func{T, TResult}"/> of <see cref="double"/>).</summary>
    public bool IsContinuous => _ofPosition is not null;

    internal override double Evaluate(double position) =>
        Preconditions.CheckUserRate(
            _ofPosition is not null ? _ofPosition(position) : _ofStep!(Preconditions.ToStep(position)),
            position,
            this);

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => null;
}
