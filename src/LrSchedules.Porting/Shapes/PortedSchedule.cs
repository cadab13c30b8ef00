using LrSchedules.Internal;

namespace LrSchedules.Porting.Shapes;

/// <summary>
/// The schedule a porting method returns: the LrSchedules expression it built, under a fresh object, so that the
/// porting call (<c>Torch.OneCycleLR</c>, ...) is the one recorded for it by <see cref="FactoryCalls"/>. A core factory
/// result already carries its own record, and the first record wins; wrapping keeps both (the inner one is
/// <see cref="Expression"/>).
/// </summary>
/// <remarks>One virtual call per query; no allocation. Immutable and thread-safe.</remarks>
internal sealed class PortedSchedule : LearningRateSchedule
{
    internal PortedSchedule(LearningRateSchedule expression) => Expression = expression;

    /// <summary>Gets the LrSchedules expression the porting method built.</summary>
    public LearningRateSchedule Expression { get; }

    internal override double Evaluate(double position) => Expression.Evaluate(position);

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => Expression.Bounds;
}
