using LrSchedules.Internal;

namespace LrSchedules.Shapes;

/// <summary>An exponential decay (or, capped, growth): the rate is multiplied by a decay rate every fixed number of steps, continuously or in stairs.</summary>
/// <remarks>
/// <para>With <c>e = t − transitionBegin</c> and <c>p = e / transitionSteps</c> (<c>floor(p)</c> when
/// <see cref="Staircase"/>):</para>
/// <para><c>v(t) = initial</c> when <c>e ≤ 0</c>, otherwise <c>initial · decayFactor^p</c>; then, when a final learning
/// rate is given, <c>lr(t) = max(v, final)</c> if <c>decayFactor &lt; 1</c> and <c>min(v, final)</c> otherwise.</para>
/// <para>Matches optax <c>exponential_decay(init_value, transition_steps, decay_rate, transition_begin, staircase,
/// end_value)</c> (<c>optax/schedules/_schedule.py</c>), including its clamp: the final rate is a floor when
/// <c>decay_rate &lt; 1</c> and a ceiling when <c>decay_rate ≥ 1</c>, and it is applied at every step, also before
/// <c>transition_begin</c> (a floor above the initial rate gives the floor everywhere). PyTorch
/// <c>ExponentialLR(gamma)</c> (<c>torch/optim/lr_scheduler.py</c>, closed form <c>base_lr · gamma^last_epoch</c>) is
/// <c>Schedule.Exponential(baseLr, gamma)</c>; Keras <c>ExponentialDecay(initial_learning_rate, decay_steps,
/// decay_rate, staircase)</c> (<c>keras/src/optimizers/schedules/learning_rate_schedule.py</c>) is
/// <c>Schedule.Exponential(initialLearningRate, decayFactor, decaySteps, staircase: staircase)</c>.</para>
/// <para>Stays finite up to <see cref="long.MaxValue"/>: a decay underflows to 0 (or its floor), a capped growth
/// overflows into its ceiling, and an initial rate of 0 stays 0 (where optax would compute <c>0 · ∞</c>).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class ExponentialSchedule : LearningRateSchedule
{
    private readonly double _transitionSteps;
    private readonly double _transitionBegin;
    private readonly SaturatingPower _decay;
    private readonly bool _clamped;
    private readonly double _final;

    internal ExponentialSchedule(double initialLearningRate, double decayFactor, long transitionSteps, long transitionBegin, bool staircase, double? finalLearningRate)
    {
        InitialLearningRate = initialLearningRate;
        DecayFactor = decayFactor;
        TransitionSteps = transitionSteps;
        TransitionBegin = transitionBegin;
        Staircase = staircase;
        FinalLearningRate = finalLearningRate;
        _transitionSteps = transitionSteps;
        _transitionBegin = transitionBegin;
        _decay = new SaturatingPower(decayFactor);
        _clamped = finalLearningRate.HasValue;
        _final = finalLearningRate.GetValueOrDefault();
    }

    /// <summary>Gets the learning rate up to <see cref="TransitionBegin"/>, before the clamp to <see cref="FinalLearningRate"/>.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Gets the factor applied per <see cref="TransitionSteps"/> steps; &gt; 1 only with a <see cref="FinalLearningRate"/>.</summary>
    public double DecayFactor { get; }

    /// <summary>Gets the number of steps over which the rate is multiplied once by <see cref="DecayFactor"/>.</summary>
    public long TransitionSteps { get; }

    /// <summary>Gets the step at which the decay starts; the initial rate is held until then.</summary>
    public long TransitionBegin { get; }

    /// <summary>Gets a value indicating whether the exponent is floored, so the rate changes only every <see cref="TransitionSteps"/> steps.</summary>
    public bool Staircase { get; }

    /// <summary>Gets the clamp: a floor when <see cref="DecayFactor"/> &lt; 1, a ceiling otherwise; <see langword="null"/> for none.</summary>
    public double? FinalLearningRate { get; }

    internal override double Evaluate(double position)
    {
        double elapsed = position - _transitionBegin;
        double value;

        // Stryker disable once Equality : at elapsed == 0 the decay branch gives InitialLearningRate · decayFactor^0 = InitialLearningRate · 1 (or 0 for a rate of 0), the same value
        if (elapsed <= 0.0)
        {
            value = InitialLearningRate;
        }
        else
        {
            double exponent = elapsed / _transitionSteps;
            if (Staircase)
            {
                exponent = Math.Floor(exponent);
            }

            // 0 · decayFactor^p is 0 even where the power overflows to infinity.
            value = InitialLearningRate == 0.0 ? 0.0 : InitialLearningRate * _decay.Pow(exponent);
        }

        if (_clamped)
        {
            value = DecayFactor < 1.0 ? Math.Max(value, _final) : Math.Min(value, _final);
        }

        return value;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Clamped, the rate moves from the initial rate toward the final one and stops there. Unclamped, the factor is ≤ 1
    /// (the factory rejects an uncapped growth) and <c>_final</c> is 0: the rate falls toward 0, or holds (factor 1).
    /// </remarks>
    internal override ValueBounds? Bounds => ValueBounds.Between(InitialLearningRate, _final);
}
