namespace LrSchedules.Shapes;

/// <summary>An inverse time decay: the rate falls as <c>1 / (1 + decayRate · t / decaySteps)</c>.</summary>
/// <remarks>
/// <para><c>lr(t) = initial / (1 + decayRate · p)</c> with <c>p = t / decaySteps</c>, or <c>p = floor(t / decaySteps)</c>
/// when <see cref="Staircase"/>.</para>
/// <para>Matches Keras <c>InverseTimeDecay(initial_learning_rate, decay_steps, decay_rate, staircase)</c>
/// (<c>keras/src/optimizers/schedules/learning_rate_schedule.py</c>: <c>p = step / decay_steps</c>, floored when
/// <c>staircase</c>, then <c>initial_learning_rate / (1 + decay_rate * p)</c>). Keras computes in the dtype of
/// <c>initial_learning_rate</c>, float32 by default, so its values agree with these to float32 precision; Keras also
/// accepts a fractional <c>decay_steps</c>, which has no equivalent here.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class InverseTimeSchedule : LearningRateSchedule
{
    internal InverseTimeSchedule(double initialLearningRate, long decaySteps, double decayRate, bool staircase)
    {
        InitialLearningRate = initialLearningRate;
        DecaySteps = decaySteps;
        DecayRate = decayRate;
        Staircase = staircase;
    }

    /// <summary>Gets the learning rate at step 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Gets the number of steps that make one unit of time.</summary>
    public long DecaySteps { get; }

    /// <summary>Gets the rate at which the denominator grows per <see cref="DecaySteps"/> steps; ≥ 0.</summary>
    public double DecayRate { get; }

    /// <summary>Gets a value indicating whether time is floored, so the rate changes only every <see cref="DecaySteps"/> steps.</summary>
    public bool Staircase { get; }

    internal override double Evaluate(double position)
    {
        double time = position / DecaySteps;
        if (Staircase)
        {
            time = Math.Floor(time);
        }

        return InitialLearningRate / (1.0 + (DecayRate * time));
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Between(0.0, InitialLearningRate);
}
