namespace LrSchedules.Shapes;

/// <summary>An inverse square-root decay: the rate falls as <c>1 / √(1 + t / timescale)</c>.</summary>
/// <remarks>
/// <para><c>lr(t) = initial / √((t + timescale) / timescale)</c>, computed as
/// <c>initial · (1 / √((t + timescale) / timescale))</c>, the order Hugging Face uses, so the values are equal to the
/// last bit.</para>
/// <para>Matches Hugging Face <c>get_inverse_sqrt_schedule(num_warmup_steps, timescale)</c>
/// (<c>src/transformers/optimization.py</c>) after its warmup. Its multiplier past the warmup is
/// <c>1 / sqrt((step + shift) / timescale)</c> with <c>shift = timescale − num_warmup_steps</c>, which is exactly this
/// shape read at the local step <c>step − num_warmup_steps</c>; during the warmup it is
/// <c>step / max(1, num_warmup_steps)</c>. So the whole Hugging Face schedule is
/// <c>Schedule.InverseSquareRoot(lr, timescale).WithLinearWarmup(numWarmupSteps, 0)</c>, where Hugging Face's default
/// timescale is <c>num_warmup_steps or 10_000</c> (10 000 when there is no warmup).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class InverseSquareRootSchedule : LearningRateSchedule
{
    internal InverseSquareRootSchedule(double initialLearningRate, long timescale)
    {
        InitialLearningRate = initialLearningRate;
        Timescale = timescale;
    }

    /// <summary>Gets the learning rate at step 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Gets the number of steps after which the rate has fallen by a factor √2.</summary>
    public long Timescale { get; }

    internal override double Evaluate(double position) =>
        InitialLearningRate * (1.0 / Math.Sqrt((position + Timescale) / Timescale));

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Between(0.0, InitialLearningRate);
}
