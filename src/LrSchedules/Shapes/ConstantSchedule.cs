namespace LrSchedules.Shapes;

/// <summary>The same learning rate at every step.</summary>
/// <remarks>
/// <para><c>lr(t) = learningRate</c>.</para>
/// <para>Matches optax <c>constant_schedule</c> (<c>optax/schedules/_schedule.py</c>) and Keras' constant learning rate.
/// PyTorch's <c>ConstantLR</c>, which holds a reduced rate for a number of steps, is
/// <c>Schedule.Constant(baseLr).WithConstantWarmup(baseLr * factor, totalIters)</c>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class ConstantSchedule : LearningRateSchedule, IHoldsRate
{
    internal ConstantSchedule(double learningRate) => LearningRate = learningRate;

    /// <summary>Gets the learning rate returned at every step.</summary>
    public double LearningRate { get; }

    /// <inheritdoc/>
    public long HoldsFrom => 0;

    /// <inheritdoc/>
    public double HeldRate => LearningRate;

    internal override double Evaluate(double position) => LearningRate;

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Exact([LearningRate]);
}
