namespace LrSchedules.Shapes;

/// <summary>
/// The momentum (or β1) that PyTorch's <c>OneCycleLR</c> and <c>CyclicLR</c> cycle inversely to the learning rate
/// (<c>cycle_momentum=True</c>): a one-cycle or cyclic curve from the maximum momentum down to the minimum and back.
/// </summary>
/// <remarks>
/// Built by <see cref="Schedule.OneCycleMomentum"/> and <see cref="Schedule.CyclicMomentum"/>, which validate the
/// momenta in [0, 1). The curve is the rate's own shape with the momenta in place of the rates (PyTorch's phase table
/// and anneal functions, or its triangle and scale functions), so it matches PyTorch bit for bit; this type keeps it
/// apart from a learning rate. Immutable and thread-safe; a query allocates nothing.
/// </remarks>
internal sealed class CycledMomentumSchedule : LearningRateSchedule
{
    private readonly LearningRateSchedule _shape;

    internal CycledMomentumSchedule(LearningRateSchedule shape, double minimumMomentum, double maximumMomentum)
    {
        _shape = shape;
        MinimumMomentum = minimumMomentum;
        MaximumMomentum = maximumMomentum;
    }

    /// <summary>Gets the momentum at the learning rate's peak (PyTorch's <c>base_momentum</c>).</summary>
    internal double MinimumMomentum { get; }

    /// <summary>Gets the momentum where the learning rate is lowest (PyTorch's <c>max_momentum</c>).</summary>
    internal double MaximumMomentum { get; }

    internal override double Evaluate(double position) => _shape.Evaluate(position);

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Between(MinimumMomentum, MaximumMomentum);
}
