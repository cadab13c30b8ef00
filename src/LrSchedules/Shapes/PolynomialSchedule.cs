namespace LrSchedules.Shapes;

/// <summary>A polynomial decay from an initial to a final learning rate over a number of steps, then the final rate.</summary>
/// <remarks>
/// <para><c>lr(t) = (initial − final) · (1 − min(t, totalSteps) / totalSteps)^power + final</c>.</para>
/// <para>Matches, evaluated in the same order:</para>
/// <list type="bullet">
/// <item><description>optax <c>polynomial_schedule(init_value, end_value, power, transition_steps)</c>
/// (<c>optax/schedules/_schedule.py</c>); its <c>transition_begin</c>, which holds <c>init_value</c> before the decay,
/// is the delay combinator.</description></item>
/// <item><description>Hugging Face <c>get_polynomial_decay_schedule_with_warmup(num_warmup_steps, num_training_steps,
/// lr_end, power)</c> (<c>src/transformers/optimization.py</c>) after its warmup: <c>Schedule.Polynomial(lr,
/// lrEnd, numTrainingSteps - numWarmupSteps, power)</c> behind a linear warmup from 0 of <c>numWarmupSteps</c>
/// (<c>WithLinearWarmup(numWarmupSteps, 0)</c>). Hugging Face requires <c>lr &gt; lr_end</c> and divides by zero when
/// <c>num_training_steps == num_warmup_steps</c>; here the total steps must be &gt; 0.</description></item>
/// <item><description>PyTorch <c>PolynomialLR(total_iters, power)</c> (<c>torch/optim/lr_scheduler.py</c>, closed form
/// <c>base_lr · (1 − min(total_iters, t) / total_iters)^power</c>), which always decays to 0:
/// <c>Schedule.Polynomial(baseLr, totalIters, power)</c>.</description></item>
/// <item><description>Keras <c>PolynomialDecay(initial_learning_rate, decay_steps, end_learning_rate, power,
/// cycle=False)</c> (<c>keras/src/optimizers/schedules/learning_rate_schedule.py</c>).</description></item>
/// </list>
/// <para>The final rate may also be above the initial one (a polynomial rise). Immutable and thread-safe.</para>
/// </remarks>
internal sealed class PolynomialSchedule : LearningRateSchedule
{
    internal PolynomialSchedule(double initialLearningRate, double finalLearningRate, long totalSteps, double power)
    {
        InitialLearningRate = initialLearningRate;
        FinalLearningRate = finalLearningRate;
        TotalSteps = totalSteps;
        Power = power;
    }

    /// <summary>Gets the learning rate at step 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Gets the learning rate at <see cref="TotalSteps"/> and after.</summary>
    public double FinalLearningRate { get; }

    /// <summary>Gets the number of steps from the initial to the final rate.</summary>
    public long TotalSteps { get; }

    /// <summary>Gets the power of the polynomial; 1 is a straight line.</summary>
    public double Power { get; }

    internal override double Evaluate(double position)
    {
        double remaining = 1.0 - (Math.Min(position, TotalSteps) / TotalSteps);
        // Stryker disable once Conditional : a fast path; Math.Pow(x, 1.0) is x exactly (IEEE 754 pow), so the general branch returns the same value
        double factor = Power == 1.0 ? remaining : Math.Pow(remaining, Power);
        return ((InitialLearningRate - FinalLearningRate) * factor) + FinalLearningRate;
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Between(InitialLearningRate, FinalLearningRate);
}
