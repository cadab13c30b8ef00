namespace LrSchedules.Shapes;

/// <summary>A straight line from an initial to a final learning rate over a number of steps, then the final rate.</summary>
/// <remarks>
/// <para><c>lr(t) = (initial − final) · (1 − min(t, totalSteps) / totalSteps) + final</c>.</para>
/// <para>Matches optax <c>linear_schedule(init_value, end_value, transition_steps)</c> (<c>optax/schedules/_schedule.py</c>,
/// which is <c>polynomial_schedule</c> with <c>power=1</c>; the expression is evaluated in the same order, so the values
/// are equal to the last bit). optax's <c>transition_begin</c> is a delay that holds <c>init_value</c> before the line
/// starts: add it with the delay combinator. PyTorch <c>LinearLR(start_factor, end_factor, total_iters)</c>
/// (<c>torch/optim/lr_scheduler.py</c>, closed form <c>base_lr · (start + (end − start) · min(total_iters, t) /
/// total_iters)</c>) is <c>Schedule.Linear(baseLr * startFactor, baseLr * endFactor, totalIters)</c>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class LinearSchedule : LearningRateSchedule
{
    internal LinearSchedule(double initialLearningRate, double finalLearningRate, long totalSteps)
    {
        InitialLearningRate = initialLearningRate;
        FinalLearningRate = finalLearningRate;
        TotalSteps = totalSteps;
    }

    /// <summary>Gets the learning rate at step 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Gets the learning rate at <see cref="TotalSteps"/> and after.</summary>
    public double FinalLearningRate { get; }

    /// <summary>Gets the number of steps from the initial to the final rate.</summary>
    public long TotalSteps { get; }

    internal override double Evaluate(double position)
    {
        double remaining = 1.0 - (Math.Min(position, TotalSteps) / TotalSteps);
        return ((InitialLearningRate - FinalLearningRate) * remaining) + FinalLearningRate;
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Between(InitialLearningRate, FinalLearningRate);
}
