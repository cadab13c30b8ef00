using LrSchedules.Internal;

namespace LrSchedules.Shapes;

/// <summary>Hyperbolic-tangent decay with optional restarts (timm's <c>TanhLRScheduler</c>).</summary>
/// <remarks>
/// <para>Cycles are laid out as in <see cref="CosineWarmRestartsSchedule"/>: cycle <c>i</c> has length
/// <c>T_i = periodSteps · periodMultiplier^i</c> and peak <c>peak_i = initialLearningRate · restartDecay^i</c>. With
/// <c>r = t_cur / T_i</c>,</para>
/// <para><c>lr(t) = final + ½ (peak_i − final) (1 − tanh(lowerBound · (1 − r) + upperBound · r))</c>;</para>
/// <para>from the end of cycle <c>cycleLimit − 1</c> on (never, when <see cref="CycleLimit"/> is null) <c>lr(t) = final</c>.</para>
/// <para>The curve never quite reaches its end points: at step 0 it is <c>final + (peak − final) · (1 − tanh(−7)) / 2</c>,
/// about <c>peak − 8.3e−7 · (peak − final)</c> with the default bounds, and it drops to <c>final</c> only at the cycle limit.</para>
/// <para>Matches timm <c>TanhLRScheduler(t_initial, lb, ub, lr_min, cycle_mul, cycle_decay, cycle_limit)</c>
/// (<c>timm/scheduler/tanh_lr.py</c>) as <c>Tanh(base_lr, lr_min, t_initial, lb, ub, cycle_mul, cycle_decay, cycle_limit)</c>,
/// bit for bit away from cycle boundaries (see <see cref="CosineWarmRestartsSchedule"/> for where timm's
/// <c>math.log</c> cycle index falls one short). Its noise is not modelled. Its warmup with <c>warmup_prefix=True</c> is
/// <c>.WithLinearWarmup(warmup_t, warmup_lr_init, Prefix)</c>. With <c>warmup_prefix=False</c> (the default) timm ramps
/// towards the value at <c>warmup_t</c>, not at step 0 —
/// <c>t_v = self.base_values if self.warmup_prefix else self._get_lr(self.warmup_t)</c> — unlike its cosine and polynomial
/// schedulers, which ramp towards <c>base_values</c>; a warmup that overlays the schedule and ramps to its value at step 0
/// is therefore about 1e−6 relative off timm's during the warmup steps.</para>
/// <para>Each query is O(1), allocation-free. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class TanhSchedule : LearningRateSchedule
{
    private readonly RestartCycles _cycles;

    internal TanhSchedule(double initialLearningRate, RestartCycles cycles, double finalLearningRate, double lowerBound, double upperBound)
    {
        InitialLearningRate = initialLearningRate;
        _cycles = cycles;
        FinalLearningRate = finalLearningRate;
        LowerBound = lowerBound;
        UpperBound = upperBound;
    }

    /// <summary>Gets the peak of cycle 0 (timm's base learning rate); the curve starts just below it.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Gets the length of cycle 0, in steps (timm's <c>t_initial</c>).</summary>
    public double PeriodSteps => _cycles.PeriodSteps;

    /// <summary>Gets the learning rate the curve approaches, and holds after the last cycle (timm's <c>lr_min</c>).</summary>
    public double FinalLearningRate { get; }

    /// <summary>Gets the argument of tanh at the start of a cycle (timm's <c>lb</c>).</summary>
    public double LowerBound { get; }

    /// <summary>Gets the argument of tanh at the end of a cycle (timm's <c>ub</c>).</summary>
    public double UpperBound { get; }

    /// <summary>Gets the factor by which each cycle is longer than the one before (timm's <c>cycle_mul</c>).</summary>
    public double PeriodMultiplier => _cycles.PeriodMultiplier;

    /// <summary>Gets the factor by which each cycle's peak is lower than the one before (timm's <c>cycle_decay</c>).</summary>
    public double RestartDecay => _cycles.RestartDecay;

    /// <summary>Gets the number of cycles before the rate stays at <see cref="FinalLearningRate"/>; null for unlimited restarts.</summary>
    public int? CycleLimit => _cycles.CycleLimit;

    internal override double Evaluate(double position)
    {
        if (!_cycles.TryLocate(position, out double positionInCycle, out double cycleLength, out double peakScale))
        {
            return FinalLearningRate;
        }

        RestartCycles.Powers(positionInCycle, cycleLength, 1.0, out double numerator, out double denominator);
        double ratio = numerator / denominator;
        double peak = InitialLearningRate * peakScale;
        return FinalLearningRate
            + (0.5 * (peak - FinalLearningRate) * (1.0 - Math.Tanh((LowerBound * (1.0 - ratio)) + (UpperBound * ratio))));
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => _cycles.Bounds(InitialLearningRate, FinalLearningRate);
}
