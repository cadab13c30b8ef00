using LrSchedules.Internal;

namespace LrSchedules.Shapes;

/// <summary>Polynomial decay with optional restarts (timm's <c>PolyLRScheduler</c>).</summary>
/// <remarks>
/// <para>Cycles are laid out as in <see cref="CosineWarmRestartsSchedule"/>: cycle <c>i</c> has length
/// <c>T_i = periodSteps · periodMultiplier^i</c> and peak <c>peak_i = initialLearningRate · restartDecay^i</c>. With
/// <c>t_cur</c> the steps since the cycle began and <c>k = kDecay</c>,</para>
/// <para><c>lr(t) = final + (peak_i − final) · (1 − t_cur^k / T_i^k)^power</c>;</para>
/// <para>from the end of cycle <c>cycleLimit − 1</c> on (never, when <see cref="CycleLimit"/> is null) <c>lr(t) = final</c>.</para>
/// <para>Matches timm <c>PolyLRScheduler(t_initial, power, lr_min, cycle_mul, cycle_decay, cycle_limit, k_decay)</c>
/// (<c>timm/scheduler/poly_lr.py</c>) as
/// <c>PolynomialWarmRestarts(base_lr, lr_min, t_initial, power, cycle_mul, cycle_decay, cycle_limit, k_decay)</c>, bit for
/// bit away from cycle boundaries (see <see cref="CosineWarmRestartsSchedule"/> for where timm's <c>math.log</c> cycle index
/// falls one short). timm's default <c>power</c> is 0.5 and its default <c>cycle_limit</c> 1. Its warmup is
/// <c>.WithLinearWarmup(warmup_t, warmup_lr_init, warmup_prefix ? Prefix : Overlay)</c> (it ramps to
/// <c>base_values</c>, the value at step 0); its noise is not modelled.</para>
/// <para>Each query is O(1), allocation-free. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class PolynomialWarmRestartsSchedule : LearningRateSchedule
{
    private readonly RestartCycles _cycles;

    internal PolynomialWarmRestartsSchedule(double initialLearningRate, RestartCycles cycles, double power, double finalLearningRate, double kDecay)
    {
        InitialLearningRate = initialLearningRate;
        _cycles = cycles;
        Power = power;
        FinalLearningRate = finalLearningRate;
        KDecay = kDecay;
    }

    /// <summary>Gets the learning rate at step 0, the peak of cycle 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Gets the length of cycle 0, in steps (timm's <c>t_initial</c>).</summary>
    public double PeriodSteps => _cycles.PeriodSteps;

    /// <summary>Gets the exponent of the decay; 1 is linear.</summary>
    public double Power { get; }

    /// <summary>Gets the learning rate each cycle decays to, and the rate held after the last cycle (timm's <c>lr_min</c>).</summary>
    public double FinalLearningRate { get; }

    /// <summary>Gets the factor by which each cycle is longer than the one before (timm's <c>cycle_mul</c>).</summary>
    public double PeriodMultiplier => _cycles.PeriodMultiplier;

    /// <summary>Gets the factor by which each cycle's peak is lower than the one before (timm's <c>cycle_decay</c>).</summary>
    public double RestartDecay => _cycles.RestartDecay;

    /// <summary>Gets the number of cycles before the rate stays at <see cref="FinalLearningRate"/>; null for unlimited restarts.</summary>
    public int? CycleLimit => _cycles.CycleLimit;

    /// <summary>Gets the k-decay exponent applied to both the position in the cycle and its length (timm's <c>k_decay</c>).</summary>
    public double KDecay { get; }

    internal override double Evaluate(double position)
    {
        if (!_cycles.TryLocate(position, out double positionInCycle, out double cycleLength, out double peakScale))
        {
            return FinalLearningRate;
        }

        RestartCycles.Powers(positionInCycle, cycleLength, KDecay, out double numerator, out double denominator);
        double peak = InitialLearningRate * peakScale;
        return FinalLearningRate + ((peak - FinalLearningRate) * Math.Pow(1.0 - (numerator / denominator), Power));
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => _cycles.Bounds(InitialLearningRate, FinalLearningRate);
}
