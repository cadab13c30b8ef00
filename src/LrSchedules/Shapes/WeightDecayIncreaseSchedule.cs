namespace LrSchedules.Shapes;

/// <summary>Megatron-LM's weight-decay increment: from an initial to a final weight decay over a number of steps, linear or along half a cosine, then held.</summary>
/// <remarks>Built by <see cref="Schedule.WeightDecayIncrease"/>, which documents the formula and its origin. Immutable and thread-safe; a query allocates nothing.</remarks>
internal sealed class WeightDecayIncreaseSchedule : LearningRateSchedule
{
    private readonly double _delta;

    internal WeightDecayIncreaseSchedule(double initialWeightDecay, double finalWeightDecay, long increaseSteps, Curve curve)
    {
        InitialWeightDecay = initialWeightDecay;
        FinalWeightDecay = finalWeightDecay;
        IncreaseSteps = increaseSteps;
        Curve = curve;

        // Megatron: delta_wd = end_wd - start_wd.
        _delta = finalWeightDecay - initialWeightDecay;
    }

    internal double InitialWeightDecay { get; }

    internal double FinalWeightDecay { get; }

    internal long IncreaseSteps { get; }

    internal Curve Curve { get; }

    internal override double Evaluate(double position)
    {
        // Megatron: if self.num_steps > self.wd_incr_steps: return end_wd.
        if (position > IncreaseSteps)
        {
            return FinalWeightDecay;
        }

        // incr_ratio = float(num_steps) / float(wd_incr_steps); linear: coeff = incr_ratio;
        // cosine: coeff = 0.5 * (math.cos(math.pi * (1 - incr_ratio)) + 1.0); return start_wd + coeff * delta_wd.
        double ratio = position / IncreaseSteps;
        double coefficient = Curve == Curve.Linear
            ? ratio
            : 0.5 * (Math.Cos(Math.PI * (1 - ratio)) + 1.0);
        return InitialWeightDecay + (coefficient * _delta);
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Between(InitialWeightDecay, FinalWeightDecay);
}
