namespace LrSchedules.Shapes;

/// <summary>
/// Megatron-LM's warmup–stable–decay (<c>lr_decay_style = "WSD"</c>): a linear warmup from an initial rate to the peak,
/// the peak, an anneal over the last <c>decaySteps</c> steps to the final rate, then the final rate.
/// </summary>
/// <remarks>
/// <para>With <c>W = warmupSteps</c>, <c>T = totalSteps</c> (Megatron's <c>lr_decay_steps</c>, warmup included),
/// <c>S = decaySteps</c> (<c>wsd_decay_steps</c>), initial <c>I</c> (<c>init_lr</c>), peak <c>P</c> (<c>max_lr</c>) and final
/// <c>F</c> (<c>min_lr</c>), in Megatron's order of tests and floating-point operations:</para>
/// <list type="bullet">
/// <item><description><c>W &gt; 0</c> and <c>t ≤ W</c> (inclusive): <c>I + ((P − I) · t) / W</c>;</description></item>
/// <item><description><c>t ≥ T</c>: <c>F</c> (Megatron tests <c>t &gt; T</c>, and its anneal gives <c>F</c> at <c>t = T</c>);</description></item>
/// <item><description><c>t ≤ T − S</c>: <c>F + 1 · (P − F)</c> (the stable phase, computed like the anneal, so it may
/// differ from <c>P</c> by an ulp, as in Megatron);</description></item>
/// <item><description>otherwise, with <c>r = (t − (T − S)) / S</c> in (0, 1]: <c>F + c(r) · (P − F)</c>, <c>c</c> per
/// <see cref="DecayCurve"/>: <c>1 − r</c>, <c>0.5 · (cos(π r) + 1)</c>, <c>1 − √r</c> or <c>2 · 0.5^r − 1</c>
/// (<see cref="Curve.Exponential"/>, Megatron's default). At <c>t = T</c> every curve gives <c>c = 0</c>, so the rate is
/// <c>F</c> exactly.</description></item>
/// </list>
/// <para>Origin: NVIDIA Megatron-LM <c>megatron/core/optimizer_param_scheduler.py</c>,
/// <c>OptimizerParamScheduler.get_lr</c> (read at commit 3d87bfc1b71cbb6473da1a4142ed5d99773ff701). Divergences, all
/// rejected at construction where Megatron accepts them: a negative initial rate; <c>decaySteps</c> of 0 (Megatron then
/// jumps from the peak to the floor at <c>T + 1</c>) or above <c>T − W</c> (Megatron then starts the anneal inside the
/// warmup); a fractional warmup (Megatron's <c>lr_warmup_fraction · lr_decay_steps</c> is not rounded; here every
/// length is a whole number of steps). Megatron counts samples in its training loop; this schedule counts whatever the
/// caller counts.</para>
/// <para>Between whole steps each phase's formula is read at the fractional position. Each query is O(1),
/// allocation-free. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class MegatronWarmupStableDecaySchedule : LearningRateSchedule
{
    private readonly double _delta;
    private readonly double _annealStart;

    internal MegatronWarmupStableDecaySchedule(
        double initialLearningRate,
        double peakLearningRate,
        double finalLearningRate,
        long warmupSteps,
        long totalSteps,
        long decaySteps,
        Curve decayCurve)
    {
        InitialLearningRate = initialLearningRate;
        PeakLearningRate = peakLearningRate;
        FinalLearningRate = finalLearningRate;
        WarmupSteps = warmupSteps;
        TotalSteps = totalSteps;
        DecaySteps = decaySteps;
        DecayCurve = decayCurve;
        _delta = peakLearningRate - finalLearningRate;
        _annealStart = totalSteps - decaySteps;
    }

    /// <summary>Gets the rate at step 0, where the warmup starts (Megatron's <c>init_lr</c>).</summary>
    public double InitialLearningRate { get; }

    /// <summary>Gets the rate at the end of the warmup and through the stable phase (Megatron's <c>max_lr</c>).</summary>
    public double PeakLearningRate { get; }

    /// <summary>Gets the rate at <see cref="TotalSteps"/> and after (Megatron's <c>min_lr</c>).</summary>
    public double FinalLearningRate { get; }

    /// <summary>Gets the number of warmup steps (Megatron's <c>lr_warmup_steps</c>); 0 for none.</summary>
    public long WarmupSteps { get; }

    /// <summary>Gets the step at which the final rate is reached, warmup included (Megatron's <c>lr_decay_steps</c>).</summary>
    public long TotalSteps { get; }

    /// <summary>Gets the number of anneal steps at the end (Megatron's <c>wsd_decay_steps</c>).</summary>
    public long DecaySteps { get; }

    /// <summary>Gets the anneal curve (Megatron's <c>lr_wsd_decay_style</c>).</summary>
    public Curve DecayCurve { get; }

    internal override double Evaluate(double position)
    {
        if (WarmupSteps > 0 && position <= WarmupSteps)
        {
            return InitialLearningRate + ((PeakLearningRate - InitialLearningRate) * position / WarmupSteps);
        }

        // Megatron tests t > T; at t = T its anneal gives F exactly (c = 0), and so does this test. It also holds where
        // T − S and T are one double (above 2^53, an anneal shorter than the spacing of doubles), where the anneal would
        // read position T as the start of the anneal and return the peak at T and after.
        if (position >= TotalSteps)
        {
            return FinalLearningRate;
        }

        double coefficient = 1.0;
        // Stryker disable once Equality : at position == _annealStart the ratio is 0 and every curve gives coefficient 1 (1 − 0, ½(cos 0 + 1), 1 − √0, 2 · 0.5^0 − 1), the value of the stable phase
        if (position > _annealStart)
        {
            double ratio = (position - _annealStart) / DecaySteps;
            coefficient = DecayCurve switch
            {
                Curve.Linear => 1.0 - ratio,
                Curve.Cosine => 0.5 * (Math.Cos(Math.PI * ratio) + 1.0),
                Curve.OneMinusSquareRoot => 1.0 - Math.Sqrt(ratio),
                _ => (2.0 * Math.Pow(0.5, ratio)) - 1.0,
            };
        }

        return FinalLearningRate + (coefficient * _delta);
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Between(InitialLearningRate, PeakLearningRate, FinalLearningRate);
}
