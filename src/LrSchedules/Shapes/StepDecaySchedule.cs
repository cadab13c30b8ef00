using LrSchedules.Internal;

namespace LrSchedules.Shapes;

/// <summary>Multiplies the learning rate by a decay rate every fixed number of steps.</summary>
/// <remarks>
/// <para><c>lr(t) = initialLearningRate · decayFactor^floor(t / stepSize)</c>.</para>
/// <para>Matches PyTorch <c>StepLR(step_size, gamma)</c> (<c>torch/optim/lr_scheduler.py</c>, <c>_get_closed_form_lr</c>)
/// and, behind its warmup, timm <c>StepLRScheduler(decay_t, decay_rate)</c> (<c>timm/scheduler/step_lr.py</c>).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class StepDecaySchedule : LearningRateSchedule
{
    private readonly double _stepSize;
    private readonly SaturatingPower _decay;

    internal StepDecaySchedule(double initialLearningRate, long stepSize, double decayFactor)
    {
        InitialLearningRate = initialLearningRate;
        StepSize = stepSize;
        DecayFactor = decayFactor;
        _stepSize = stepSize;
        _decay = new SaturatingPower(decayFactor);
    }

    /// <summary>Gets the learning rate of steps 0 to <see cref="StepSize"/> − 1.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Gets the number of steps between two decays.</summary>
    public long StepSize { get; }

    /// <summary>Gets the factor applied at each decay, in (0, 1].</summary>
    public double DecayFactor { get; }

    internal override double Evaluate(double position) =>
        InitialLearningRate * _decay.Pow(Math.Floor(position / _stepSize));

    /// <inheritdoc/>
    /// <remarks>The factor is in (0, 1]: the rate falls from the initial rate toward 0, or holds it (factor 1).</remarks>
    internal override ValueBounds? Bounds => ValueBounds.Between(InitialLearningRate, 0.0);
}
