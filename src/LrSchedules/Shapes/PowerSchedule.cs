namespace LrSchedules.Shapes;

/// <summary>
/// The power schedule of OLMo-core's <c>PowerLR</c> (IBM's power scheduler): a linear warmup to the peak, a power-law
/// decay <c>peak · (t / W)^b</c> with <c>b &lt; 0</c>, and a linear tail to the final rate over the last steps.
/// </summary>
/// <remarks>
/// <para>With warmup <c>W</c>, total <c>T</c>, tail <c>D</c>, exponent <c>b</c>, initial <c>I</c> (OLMo's
/// <c>warmup_min_lr</c>), peak <c>P</c> (OLMo's <c>initial_lr</c>, the optimizer's rate) and final <c>F</c> (OLMo's
/// <c>decay_min_lr</c>), in OLMo's order of tests and floating-point operations:</para>
/// <list type="bullet">
/// <item><description><c>t ≤ W</c>: <c>I + ((P − I) · t) / W</c>;</description></item>
/// <item><description><c>T − D ≤ t &lt; T</c>: <c>F + ((P_tail − F) · (T − t)) / D</c> with
/// <c>P_tail = P · ((T − D) / W)^b</c>, the power-law rate where the tail starts;</description></item>
/// <item><description>otherwise: <c>P · (t / W)^b</c>;</description></item>
/// <item><description><c>t ≥ T</c>: <c>F</c>.</description></item>
/// </list>
/// <para>Origin: allenai OLMo-core <c>src/olmo_core/optim/scheduler.py</c>, <c>PowerLR.get_lr</c> with
/// <c>_linear_warmup</c> and <c>_linear_decay</c> (read at commit 73637f7b8222fdcc02da53c9542676b49f1ab5c8); the shape
/// of Shen et al. 2024, "Power Scheduler" (arXiv:2408.13359), whose <c>a · t^b</c> is written here, as in OLMo, as
/// <c>P · (t / W)^b</c>, continuous at the end of the warmup. Divergence: past <c>T</c> OLMo's tail keeps falling
/// linearly, below the final rate and below zero (its trainer never asks); here the rate holds at <c>F</c>, which is
/// OLMo's own value at <c>t = T</c>. OLMo's asserts (<c>I &lt; P</c>, <c>F &lt; P_tail</c>) and its divisions by a zero
/// warmup or tail are rejected at construction, as is a warmup that overlaps the tail (OLMo accepts it and jumps above
/// the peak after the warmup).</para>
/// <para>Between whole steps each phase's formula is read at the fractional position. Each query is O(1),
/// allocation-free. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class PowerSchedule : LearningRateSchedule
{
    private readonly double _tailStart;

    internal PowerSchedule(
        double initialLearningRate,
        double peakLearningRate,
        double finalLearningRate,
        long warmupSteps,
        long totalSteps,
        long decaySteps,
        double exponent)
    {
        InitialLearningRate = initialLearningRate;
        PeakLearningRate = peakLearningRate;
        FinalLearningRate = finalLearningRate;
        WarmupSteps = warmupSteps;
        TotalSteps = totalSteps;
        DecaySteps = decaySteps;
        Exponent = exponent;
        _tailStart = totalSteps - decaySteps;
        TailStartLearningRate = TailStartRate(peakLearningRate, warmupSteps, totalSteps, decaySteps, exponent);
    }

    /// <summary>Gets the rate at step 0 (OLMo's <c>warmup_min_lr</c>).</summary>
    public double InitialLearningRate { get; }

    /// <summary>Gets the rate at the end of the warmup (OLMo's <c>initial_lr</c>, the optimizer's rate).</summary>
    public double PeakLearningRate { get; }

    /// <summary>Gets the rate at <see cref="TotalSteps"/> and after (OLMo's <c>decay_min_lr</c>).</summary>
    public double FinalLearningRate { get; }

    /// <summary>Gets the number of warmup steps (OLMo's <c>warmup</c>).</summary>
    public long WarmupSteps { get; }

    /// <summary>Gets the step at which the final rate is reached (OLMo's <c>t_max</c>).</summary>
    public long TotalSteps { get; }

    /// <summary>Gets the length of the linear tail (OLMo's <c>decay</c>).</summary>
    public long DecaySteps { get; }

    /// <summary>Gets the power-law exponent <c>b</c>, &lt; 0.</summary>
    public double Exponent { get; }

    /// <summary>Gets the power-law rate where the tail starts, <c>P · ((T − D) / W)^b</c>.</summary>
    public double TailStartLearningRate { get; }

    /// <summary>OLMo's <c>lr_start_tail = initial_lr * ((t_max - decay) / warmup) ** b</c>.</summary>
    internal static double TailStartRate(double peakLearningRate, long warmupSteps, long totalSteps, long decaySteps, double exponent) =>
        peakLearningRate * Math.Pow((double)(totalSteps - decaySteps) / warmupSteps, exponent);

    internal override double Evaluate(double position)
    {
        // Stryker disable once Equality : at position == TotalSteps the tail below gives F + ((P_tail − F) · 0) / D = F exactly (D ≥ 1, P_tail finite)
        if (position >= TotalSteps)
        {
            return FinalLearningRate;
        }

        if (position <= WarmupSteps)
        {
            return InitialLearningRate + ((PeakLearningRate - InitialLearningRate) * position / WarmupSteps);
        }

        if (position >= _tailStart)
        {
            return FinalLearningRate + ((TailStartLearningRate - FinalLearningRate) * (TotalSteps - position) / DecaySteps);
        }

        return PeakLearningRate * Math.Pow(position / WarmupSteps, Exponent);
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Between(InitialLearningRate, PeakLearningRate, FinalLearningRate, TailStartLearningRate);
}
