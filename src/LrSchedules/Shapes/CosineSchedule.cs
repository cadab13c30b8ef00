namespace LrSchedules.Shapes;

/// <summary>Half a cosine wave from an initial to a final learning rate, then the final rate.</summary>
/// <remarks>
/// <para><c>lr(t) = final + (initial − final) · c^exponent</c> with <c>c = ½ (1 + cos(π · min(t, totalSteps) / totalSteps))</c>.</para>
/// <para>Matches optax <c>cosine_decay_schedule(init_value, decay_steps, alpha, exponent)</c>
/// (<c>optax/schedules/_schedule.py</c>) with <c>final = alpha · init_value</c>, and PyTorch
/// <c>CosineAnnealingLR(T_max, eta_min)</c> (<c>torch/optim/lr_scheduler.py</c>) up to <c>T_max</c>. Past
/// <c>totalSteps</c> it holds the final rate, as optax does; for PyTorch's and Hugging Face's continuation of the wave
/// past the end use <c>Schedule.CosineWave</c>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class CosineSchedule : LearningRateSchedule
{
    internal CosineSchedule(double initialLearningRate, long totalSteps, double finalLearningRate, double exponent)
    {
        InitialLearningRate = initialLearningRate;
        TotalSteps = totalSteps;
        FinalLearningRate = finalLearningRate;
        Exponent = exponent;
    }

    /// <summary>Gets the learning rate at step 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Gets the number of steps from the initial to the final rate.</summary>
    public long TotalSteps { get; }

    /// <summary>Gets the learning rate at <see cref="TotalSteps"/> and after.</summary>
    public double FinalLearningRate { get; }

    /// <summary>Gets the power the cosine factor is raised to (optax's <c>exponent</c>); 1 is the plain cosine.</summary>
    public double Exponent { get; }

    internal override double Evaluate(double position)
    {
        double progress = Math.Min(position, TotalSteps) / TotalSteps;
        double cosine = 0.5 * (1.0 + Math.Cos(Math.PI * progress));
        // Stryker disable once Conditional : a fast path; Math.Pow(x, 1.0) is x exactly (IEEE 754 pow), so the general branch returns the same value
        double factor = Exponent == 1.0 ? cosine : Math.Pow(cosine, Exponent);
        return FinalLearningRate + ((InitialLearningRate - FinalLearningRate) * factor);
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Between(InitialLearningRate, FinalLearningRate);
}
