namespace LrSchedules.Shapes;

/// <summary>The 1cycle policy: up from a low rate to a peak, then down far below the start (PyTorch's <c>OneCycleLR</c>).</summary>
/// <remarks>
/// <para>With <c>T = totalSteps</c>, <c>p = warmupFraction</c>, <c>initial = peak / initialDivisor</c> and
/// <c>min = initial / finalDivisor</c>, the phases end at these (floating-point) steps and rates:</para>
/// <list type="bullet">
/// <item><description>two phases (default): <c>p·T − 1</c> (initial → peak), <c>T − 1</c> (peak → min);</description></item>
/// <item><description><see cref="ThreePhase"/>: <c>p·T − 1</c> (initial → peak), <c>2·p·T − 2</c> (peak → initial),
/// <c>T − 1</c> (initial → min).</description></item>
/// </list>
/// <para>A step <c>t</c> belongs to the first phase whose end is ≥ <c>t</c> (the last phase otherwise), and inside a phase
/// from <c>s</c> to <c>e</c> the rate moves from its start to its end rate with progress <c>(t − s) / (e − s)</c>, along
/// <see cref="Curve"/>: cosine <c>end + (start − end) / 2 · (cos(π · pct) + 1)</c>, linear
/// <c>(end − start) · pct + start</c>. From step <c>T − 1</c> on the schedule holds its value at <c>T − 1</c> (normally
/// <c>min</c>).</para>
/// <para>Matches PyTorch <c>OneCycleLR(max_lr, total_steps, pct_start, anneal_strategy, div_factor, final_div_factor, three_phase)</c>
/// (<c>torch/optim/lr_scheduler.py</c>) as <c>OneCycle(max_lr, total_steps, pct_start, anneal_strategy == "cos" ? Cosine : Linear,
/// div_factor, final_div_factor, three_phase)</c>; PyTorch's alternative to <c>total_steps</c>, <c>epochs</c> and
/// <c>steps_per_epoch</c>, is <c>totalSteps = epochs · steps_per_epoch</c>. The phase ends are PyTorch's
/// (<c>"end_step": float(pct_start * self.total_steps) - 1</c>, <c>float(2 * pct_start * self.total_steps) - 2</c>,
/// <c>self.total_steps - 1</c>) and the phase is chosen as its <c>if step_num &lt;= end_step or i == len(self._schedule_phases) - 1</c>
/// does, so edge cases agree too: with <c>p·T &lt; 1</c> the first phase is skipped, and a three-phase schedule with
/// <c>p &gt; (T + 1) / (2T)</c> is still in its second phase at <c>T − 1</c>. Where PyTorch differs:</para>
/// <list type="bullet">
/// <item><description>PyTorch raises <c>ValueError("Tried to step … times")</c> past <c>total_steps</c>, and at step
/// <c>total_steps</c> itself extrapolates the last phase (progress &gt; 1: below <c>min</c>, even negative, with linear
/// annealing); this schedule holds the value at <c>T − 1</c> from there on.</description></item>
/// <item><description>When <c>p·T = 1</c> exactly (e.g. <c>T = 10, p = 0.1</c>) PyTorch divides 0 by 0 at step 0
/// (<c>pct = (step_num - start_step) / (end_step - start_step)</c>) and raises <c>ZeroDivisionError</c>; a phase of zero length
/// is taken as complete here, so step 0 is the peak, which is also the limit of the steps after it.</description></item>
/// <item><description>Momentum cycling (<c>cycle_momentum</c>) is not a learning rate: it is its own schedule,
/// <see cref="Schedule.OneCycleMomentum"/>.</description></item>
/// </list>
/// <para>optax's <c>cosine_onecycle_schedule</c> places its phases differently; it is not this shape.</para>
/// <para>Each query checks at most three phases: O(1), allocation-free. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class OneCycleSchedule : LearningRateSchedule
{
    private readonly double[] _phaseEnds;
    private readonly double[] _phaseStartRates;
    private readonly double[] _phaseEndRates;
    private readonly double _lastStep;
    private readonly double _heldRate;

    internal OneCycleSchedule(
        double peakLearningRate,
        long totalSteps,
        double warmupFraction,
        Curve curve,
        double initialDivisor,
        double finalDivisor,
        bool threePhase,
        double initialLearningRate,
        double finalLearningRate)
    {
        PeakLearningRate = peakLearningRate;
        TotalSteps = totalSteps;
        WarmupFraction = warmupFraction;
        Curve = curve;
        InitialDivisor = initialDivisor;
        FinalDivisor = finalDivisor;
        ThreePhase = threePhase;
        InitialLearningRate = initialLearningRate;
        FinalLearningRate = finalLearningRate;

        _lastStep = totalSteps - 1;
        if (threePhase)
        {
            _phaseEnds = [(warmupFraction * totalSteps) - 1, (2 * warmupFraction * totalSteps) - 2, _lastStep];
            _phaseStartRates = [initialLearningRate, peakLearningRate, initialLearningRate];
            _phaseEndRates = [peakLearningRate, initialLearningRate, finalLearningRate];
        }
        else
        {
            _phaseEnds = [(warmupFraction * totalSteps) - 1, _lastStep];
            _phaseStartRates = [initialLearningRate, peakLearningRate];
            _phaseEndRates = [peakLearningRate, finalLearningRate];
        }

        _heldRate = RateUpTo(_lastStep);
    }

    /// <summary>Gets the highest rate, reached at the end of the first phase (PyTorch's <c>max_lr</c>).</summary>
    public double PeakLearningRate { get; }

    /// <summary>Gets the number of steps of the cycle; the schedule holds its value from step <c>TotalSteps − 1</c> on.</summary>
    public long TotalSteps { get; }

    /// <summary>Gets the fraction of <see cref="TotalSteps"/> spent rising to the peak (PyTorch's <c>pct_start</c>).</summary>
    public double WarmupFraction { get; }

    /// <summary>Gets how the rate moves inside each phase (PyTorch's <c>anneal_strategy</c>).</summary>
    public Curve Curve { get; }

    /// <summary>Gets the divisor of the peak that gives the initial rate (PyTorch's <c>div_factor</c>).</summary>
    public double InitialDivisor { get; }

    /// <summary>Gets the divisor of the initial rate that gives the final rate (PyTorch's <c>final_div_factor</c>).</summary>
    public double FinalDivisor { get; }

    /// <summary>Gets a value indicating whether the rate returns to the initial rate before the final annealing (PyTorch's <c>three_phase</c>).</summary>
    public bool ThreePhase { get; }

    /// <summary>Gets the rate at step 0, <c>PeakLearningRate / InitialDivisor</c> (PyTorch's <c>initial_lr</c>).</summary>
    public double InitialLearningRate { get; }

    /// <summary>Gets the rate the last phase anneals to, <c>InitialLearningRate / FinalDivisor</c> (PyTorch's <c>min_lr</c>).</summary>
    public double FinalLearningRate { get; }

    internal override double Evaluate(double position)
    {
        // Stryker disable once Equality : a fast path; _heldRate is RateUpTo(_lastStep), so at position == _lastStep both branches give the same value
        return position >= _lastStep ? _heldRate : RateUpTo(position);
    }

    private double RateUpTo(double position)
    {
        double start = 0.0;
        // Stryker disable once Arithmetic : every position here is ≤ _lastStep = _phaseEnds[^1], so the loop returns through "position <= end" by the last phase; the index "last" never decides a value
        int last = _phaseEnds.Length - 1;
        for (int i = 0; i <= last; i++)
        {
            double end = _phaseEnds[i];
            if (position <= end || i == last)
            {
                // PyTorch divides by zero on a phase of zero length (only the first phase at step 0 can be one);
                // such a phase is complete.
                double progress = end == start ? 1.0 : (position - start) / (end - start);
                return Curve == Curve.Cosine
                    ? _phaseEndRates[i] + ((_phaseStartRates[i] - _phaseEndRates[i]) / 2.0 * (Math.Cos(Math.PI * progress) + 1))
                    : ((_phaseEndRates[i] - _phaseStartRates[i]) * progress) + _phaseStartRates[i];
            }

            start = end;
        }

        return _phaseEndRates[last];
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Between(InitialLearningRate, PeakLearningRate, FinalLearningRate);
}
