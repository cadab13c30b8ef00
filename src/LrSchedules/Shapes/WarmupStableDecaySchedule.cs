namespace LrSchedules.Shapes;

/// <summary>Warmup–stable–decay (WSD, "trapezoidal"): ramp up, hold the peak, ramp down, then hold a floor (Hugging Face's <c>get_wsd_schedule</c>).</summary>
/// <remarks>
/// <para>With <c>W = warmupSteps</c>, <c>S = stableSteps</c>, <c>D = decaySteps</c> and <c>r = finalRatio</c>, the rate is
/// <c>peak · f(t)</c> where</para>
/// <list type="bullet">
/// <item><description><c>t &lt; W</c>: <c>f = g_w(t / W) · (1 − r) + r</c>, <c>g_w</c> per <see cref="WarmupCurve"/>: <c>p</c>,
/// <c>½ (1 − cos(π p))</c> or <c>1 − √(1 − p)</c>. The warmup starts at <c>r · peak</c>, not at 0;</description></item>
/// <item><description><c>W ≤ t &lt; W + S</c>: <c>f = 1</c>;</description></item>
/// <item><description><c>W + S ≤ t &lt; W + S + D</c>: <c>f = g_d((t − W − S) / D) · (1 − r) + r</c>, <c>g_d</c> per
/// <see cref="DecayCurve"/>: <c>1 − p</c>, <c>½ (1 + cos(π · cycles · 2 · p))</c>, <c>1 − √p</c> or <c>2 · 0.5^p − 1</c>
/// (Megatron-LM's exponential anneal, which Hugging Face does not have);</description></item>
/// <item><description><c>t ≥ W + S + D</c>: <c>f = r</c>, held forever.</description></item>
/// </list>
/// <para>Matches Hugging Face <c>get_wsd_schedule(num_warmup_steps, num_decay_steps, num_training_steps, num_stable_steps,
/// warmup_type, decay_type, min_lr_ratio, num_cycles)</c> (<c>src/transformers/optimization.py</c>,
/// <c>_get_wsd_scheduler_lambda</c>) as <c>WarmupStableDecay(base_lr, num_warmup_steps, num_stable_steps, num_decay_steps,
/// decay_type, min_lr_ratio, warmup_type, num_cycles)</c>, the lambda's branches and floating-point order included. When
/// only <c>num_training_steps</c> is given, Hugging Face uses <c>num_stable_steps = num_training_steps - num_warmup_steps -
/// num_decay_steps</c>; when both are given, <c>num_stable_steps</c> wins and <c>num_training_steps</c> is ignored. Note
/// from the lambda: the warmup too is lifted by the ratio (<c>factor = factor * (1.0 - min_lr_ratio) + min_lr_ratio</c> in
/// the warmup branch), and after the decay it returns <c>min_lr_ratio</c>, whatever <c>num_training_steps</c> says. With a
/// cosine decay and <c>cycles</c> other than ½ the decay does not end at the floor, so the rate jumps to
/// <c>r · peak</c> at <c>W + S + D</c>, as in Hugging Face.</para>
/// <para>Between whole steps each phase's formula is read at the fractional position.</para>
/// <para>Each query is O(1), allocation-free. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class WarmupStableDecaySchedule : LearningRateSchedule
{
    private readonly double _warmupEnd;
    private readonly double _stableEnd;
    private readonly double _decayEnd;

    internal WarmupStableDecaySchedule(
        double peakLearningRate,
        long warmupSteps,
        long stableSteps,
        long decaySteps,
        Curve decayCurve,
        double finalRatio,
        Curve warmupCurve,
        double cycles)
    {
        PeakLearningRate = peakLearningRate;
        WarmupSteps = warmupSteps;
        StableSteps = stableSteps;
        DecaySteps = decaySteps;
        DecayCurve = decayCurve;
        FinalRatio = finalRatio;
        WarmupCurve = warmupCurve;
        Cycles = cycles;
        _warmupEnd = warmupSteps;
        _stableEnd = warmupSteps + stableSteps;
        _decayEnd = warmupSteps + stableSteps + decaySteps;
    }

    /// <summary>Gets the rate of the stable phase (Hugging Face's base learning rate).</summary>
    public double PeakLearningRate { get; }

    /// <summary>Gets the number of warmup steps; 0 for none.</summary>
    public long WarmupSteps { get; }

    /// <summary>Gets the number of steps at the peak rate.</summary>
    public long StableSteps { get; }

    /// <summary>Gets the number of decay steps.</summary>
    public long DecaySteps { get; }

    /// <summary>Gets the curve of the decay (Hugging Face's <c>decay_type</c>).</summary>
    public Curve DecayCurve { get; }

    /// <summary>Gets the floor as a fraction of the peak: the rate at step 0 and from the end of the decay on (Hugging Face's <c>min_lr_ratio</c>).</summary>
    public double FinalRatio { get; }

    /// <summary>Gets the curve of the warmup (Hugging Face's <c>warmup_type</c>).</summary>
    public Curve WarmupCurve { get; }

    /// <summary>Gets the number of cosine waves over the decay when <see cref="DecayCurve"/> is <see cref="Curve.Cosine"/> (Hugging Face's <c>num_cycles</c>); ½ is one half-wave down.</summary>
    public double Cycles { get; }

    /// <summary>Gets the first step of the final, constant phase: <c>WarmupSteps + StableSteps + DecaySteps</c>.</summary>
    public long TotalSteps => WarmupSteps + StableSteps + DecaySteps;

    internal override double Evaluate(double position)
    {
        if (position < _warmupEnd)
        {
            double progress = position / _warmupEnd;
            double factor = WarmupCurve switch
            {
                Curve.Linear => progress,
                Curve.Cosine => 0.5 * (1.0 - Math.Cos(Math.PI * progress)),
                _ => 1.0 - Math.Sqrt(1.0 - progress),
            };
            return PeakLearningRate * Math.Max(0.0, (factor * (1.0 - FinalRatio)) + FinalRatio);
        }

        if (position < _stableEnd)
        {
            // Stryker disable once Arithmetic : x * 1.0 and x / 1.0 are both exactly x
            return PeakLearningRate * 1.0;
        }

        if (position < _decayEnd)
        {
            double progress = (position - _stableEnd) / DecaySteps;
            double factor = DecayCurve switch
            {
                Curve.Linear => 1.0 - progress,
                Curve.Cosine => 0.5 * (1.0 + Math.Cos(FiniteAngle(Math.PI * Cycles * 2.0 * progress))),
                Curve.Exponential => (2.0 * Math.Pow(0.5, progress)) - 1.0,
                _ => 1.0 - Math.Sqrt(progress),
            };
            return PeakLearningRate * Math.Max(0.0, (factor * (1.0 - FinalRatio)) + FinalRatio);
        }

        return PeakLearningRate * FinalRatio;
    }

    /// <summary>An angle too large for a double reads as a whole number of turns, so the rate stays finite.</summary>
    private static double FiniteAngle(double angle) => double.IsFinite(angle) ? angle : 0.0;

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Between(PeakLearningRate * FinalRatio, PeakLearningRate);
}
