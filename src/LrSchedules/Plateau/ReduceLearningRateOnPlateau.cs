using System.Globalization;
using LrSchedules.Internal;

namespace LrSchedules.Plateau;

/// <summary>
/// Reduces the learning rate by a factor when a reported metric stops improving: PyTorch <c>ReduceLROnPlateau</c>
/// over any underlying schedule.
/// </summary>
/// <remarks>
/// <para><b>Mutable and not thread-safe</b>, unlike every other schedule in this library: each
/// <see cref="Report(double)"/> changes the rates returned afterwards. Create one instance per training run (with
/// <see cref="ScheduleExtensions.ReduceOnPlateau"/>), call it from one thread, and save
/// <see cref="ExportState"/> with the checkpoint; an instance rebuilt from that state continues exactly as the original
/// would have.</para>
/// <para><b>Reports.</b> <see cref="Report(double)"/> follows PyTorch's <c>step(metrics)</c>
/// (<c>torch/optim/lr_scheduler.py</c>) line by line:</para>
/// <code>
/// if self._is_better(current, self.best): self.best = current; self.num_bad_epochs = 0
/// else: self.num_bad_epochs += 1
/// if self.in_cooldown: self.cooldown_counter -= 1; self.num_bad_epochs = 0  # ignore any bad epochs in cooldown
/// if self.num_bad_epochs &gt; self.patience: self._reduce_lr(epoch); self.cooldown_counter = self.cooldown; self.num_bad_epochs = 0
/// </code>
/// <para>where <c>best</c> starts at +∞ (<see cref="PlateauMode.Min"/>) or −∞ (<see cref="PlateauMode.Max"/>) and
/// <c>_is_better(a, best)</c> is <c>a &lt; best * (1 - threshold)</c>, <c>a &lt; best - threshold</c>,
/// <c>a &gt; best * (threshold + 1)</c> or <c>a &gt; best + threshold</c> for the four combinations of
/// <see cref="ReduceOnPlateauOptions.Mode"/> and <see cref="ReduceOnPlateauOptions.ThresholdMode"/>. A NaN metric is
/// never better (every comparison with NaN is false, as in PyTorch): it counts as a report without improvement, so a
/// diverging run is slowed down rather than stopped by an exception. Infinite metrics compare as the IEEE values they
/// are. The first <see cref="ReduceOnPlateauOptions.IgnoredReports"/> reports (0 by default, as in PyTorch) only advance the
/// step: the code above runs from the next one on (timm's <c>PlateauLRScheduler</c> warmup).</para>
/// <para><b>Rates.</b> After <c>k</c> reductions the rate at step <c>t</c> of the underlying schedule <c>s</c> is, with
/// <c>f = Factor</c> and <c>m = MinimumLearningRate</c>:</para>
/// <list type="bullet">
/// <item><description><c>s(t)</c> when <c>k = 0</c>;</description></item>
/// <item><description><c>max(s(t) · fᵏ, m)</c> when <c>s(t) &gt; m</c>, and <c>s(t)</c> when <c>s(t) ≤ m</c>: the floor stops
/// the reductions at <c>m</c> but never raises a rate the underlying schedule itself puts below <c>m</c> (PyTorch never
/// raises a rate either: its <c>new_lr = max(old_lr * self.factor, self.min_lrs[i])</c> is kept only when
/// <c>old_lr - new_lr &gt; self.eps</c>).</description></item>
/// </list>
/// <para>So the reductions are a multiplier on the underlying schedule, and a warmup under plateau control works:
/// <c>Schedule.Constant(0.1).WithLinearWarmup(5).ReduceOnPlateau()</c> warms up over steps 0–4 and is reduced afterwards
/// by the metrics it is given (a reduction during the warmup scales the rest of the warmup too).</para>
/// <para><b>Epsilon.</b> A due reduction is made only when it lowers the rate of the step whose metric was just
/// reported (step <see cref="ReportCount"/> − 1 after the call, i.e. the rate that was in effect when the metric was
/// measured, PyTorch's <c>old_lr</c>) by more than <see cref="ReduceOnPlateauOptions.Epsilon"/>; otherwise it is
/// skipped, but the cooldown still starts and the count of bad reports is still reset, as in PyTorch.</para>
/// <para><b>PyTorch equality.</b> With a <see cref="Schedule.Constant"/> schedule underneath (PyTorch's situation, base rate
/// <c>b</c>) the rate is kept exactly as PyTorch keeps the optimizer's <c>lr</c> — the reductions are applied one by one to
/// the rate, <c>max(lr · f, m)</c> each — so every value equals PyTorch's bit for bit. The same holds from the step at
/// which a schedule of the porting package starts holding one rate (timm's <c>PlateauLRScheduler</c> after its warmup).
/// Over other schedules the multiplier <c>fᵏ</c> (itself a running product of <c>f</c>) is applied to <c>s(t)</c> at
/// each query, which can differ from reducing one rate one multiplication at a time in the last bits (a few ulps after
/// a few reductions).</para>
/// <para><b>Clock.</b> The current step is the number of reports (<see cref="ReportCount"/>): read
/// <see cref="CurrentLearningRate"/>, run the step (or epoch), report its metric. If you report less often than the
/// underlying schedule's clock advances (e.g. once per epoch over a schedule in optimizer steps), read the rate with
/// <see cref="GetLearningRate(long)"/> at your own step; the floor applies at every step, while the epsilon test of a
/// reduction reads the underlying schedule at step <see cref="ReportCount"/> − 1 of its clock.</para>
/// </remarks>
public sealed partial class ReduceLearningRateOnPlateau : IMetricDrivenSchedule
{
    private readonly LearningRateSchedule _schedule;
    private readonly bool _holds;
    private readonly long _holdsFrom;
    private readonly double _factor;
    private readonly double _minimum;
    private readonly double _epsilon;
    private readonly double _threshold;
    private readonly double _relativeEpsilon;
    private readonly bool _minimize;
    private readonly bool _relative;
    private readonly int _patience;
    private readonly int _cooldown;
    private readonly int _ignoredReports;

    private long _reportCount;
    private double _best;
    private long _badEpochs;
    private int _cooldownCounter;
    private long _reductions;
    private double _scale;
    private double _heldRate;

    internal ReduceLearningRateOnPlateau(LearningRateSchedule schedule, ReduceOnPlateauOptions options, ReduceOnPlateauState? state)
    {
        _schedule = schedule;
        Options = options;
        _factor = options.Factor;
        _minimum = options.MinimumLearningRate;
        _epsilon = options.Epsilon;
        _threshold = options.Threshold;
        _minimize = options.Mode == PlateauMode.Min;
        _relative = options.ThresholdMode == PlateauThresholdMode.Relative;
        _relativeEpsilon = _minimize ? 1.0 - options.Threshold : options.Threshold + 1.0;
        _patience = options.Patience;
        _cooldown = options.Cooldown;
        _ignoredReports = options.IgnoredReports;

        _best = _minimize ? double.PositiveInfinity : double.NegativeInfinity;
        _scale = 1.0;
        if (schedule is IHoldsRate held)
        {
            // A flag, not a sentinel step: long.MaxValue is itself a step, at which a schedule that holds nothing is still read.
            _holds = true;
            _holdsFrom = held.HoldsFrom;
            _heldRate = held.HeldRate;
        }

        if (state is { } restored)
        {
            Restore(restored);
        }
    }

    /// <summary>Gets the underlying schedule the reductions multiply, as it was given.</summary>
    public ILearningRateSchedule Inner => Children.Original(_schedule);

    /// <summary>Gets the options this instance was built with.</summary>
    public ReduceOnPlateauOptions Options { get; }

    /// <inheritdoc />
    public long ReportCount => _reportCount;

    /// <summary>Gets the best metric reported so far; ±∞ before the first improvement.</summary>
    public double Best => _best;

    /// <summary>Gets the number of reductions made so far.</summary>
    public long Reductions => _reductions;

    /// <summary>Gets the multiplier on the underlying schedule before the floor: <see cref="ReduceOnPlateauOptions.Factor"/> to the power <see cref="Reductions"/>.</summary>
    public double Scale => _scale;

    /// <inheritdoc />
    public double CurrentLearningRate => Rate(_reportCount);

    /// <inheritdoc />
    public double GetLearningRate(long step)
    {
        if (step < 0)
        {
            Preconditions.ThrowNegativeStep(step);
        }

        return Rate(step);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException"><see cref="ReportCount"/> is already <see cref="long.MaxValue"/>.</exception>
    public void Report(double metric)
    {
        if (_reportCount == long.MaxValue)
        {
            throw new InvalidOperationException("No more metrics can be reported: ReportCount has reached long.MaxValue.");
        }

        long step = _reportCount++;
        if (step < _ignoredReports)
        {
            return;
        }

        if (IsBetter(metric))
        {
            _best = metric;
            _badEpochs = 0;
        }
        else
        {
            _badEpochs++;
        }

        if (_cooldownCounter > 0)
        {
            _cooldownCounter--;
            _badEpochs = 0;
        }

        if (_badEpochs > _patience)
        {
            TryReduce(step);
            _cooldownCounter = _cooldown;
            _badEpochs = 0;
        }
    }

    /// <summary>Returns the state to save with a checkpoint; an immutable snapshot.</summary>
    /// <returns>The counters, best value and number of reductions.</returns>
    public ReduceOnPlateauState ExportState() => new(_reportCount, _best, _badEpochs, _cooldownCounter, _reductions);

    private double Rate(long step)
    {
        if (_holds && step >= _holdsFrom)
        {
            return _heldRate;
        }

        // Before the first reduction the scale is exactly 1, and Reduced(rate, 1) is rate itself.
        return Reduced(_schedule.Evaluate(step), _scale);
    }

    private double Reduced(double rate, double scale) => rate <= _minimum ? rate : Math.Max(rate * scale, _minimum);

    private bool IsBetter(double metric) => (_minimize, _relative) switch
    {
        (true, true) => metric < _best * _relativeEpsilon,
        (true, false) => metric < _best - _threshold,
        (false, true) => metric > _best * _relativeEpsilon,
        (false, false) => metric > _best + _threshold,
    };

    private void TryReduce(long step)
    {
        double oldRate;
        double newRate;
        // Stryker disable once Equality : "step > _holdsFrom" is equivalent: no reduction precedes a report at HoldsFrom (a constant holds from report 0; the timm warmup holds from the report after the ones it ignores), so the held rate is the schedule's rate there and both branches give the same difference. "step < _holdsFrom" is killed by Epsilon_is_compared_with_the_rate_torch_holds_reduced_one_multiplication_at_a_time
        if (_holds && step >= _holdsFrom)
        {
            // PyTorch _reduce_lr, on the optimizer's rate itself.
            oldRate = _heldRate;
            newRate = Math.Max(oldRate * _factor, _minimum);
        }
        else
        {
            double rate = _schedule.Evaluate(step);
            oldRate = Reduced(rate, _scale);
            newRate = Reduced(rate, _scale * _factor);
        }

        if (oldRate - newRate > _epsilon)
        {
            Accept();
        }
    }

    private void Accept()
    {
        _reductions++;
        _scale *= _factor;
        if (_holds)
        {
            // As PyTorch's new_lr when the reduction is made on the held rate (then it lies above the floor); never raised.
            _heldRate = Reduced(_heldRate, _factor);
        }
    }

    private void Restore(ReduceOnPlateauState state)
    {
        var errors = new List<string>();
        if (state.ReportCount < 0)
        {
            errors.Add(Error(nameof(state.ReportCount), state.ReportCount, ">= 0"));
        }

        if (double.IsNaN(state.Best))
        {
            errors.Add(Error(nameof(state.Best), state.Best, "a number (±infinity before the first report)"));
        }

        if (state.BadEpochs < 0 || state.BadEpochs > _patience)
        {
            errors.Add(Error(nameof(state.BadEpochs), state.BadEpochs, $"in [0, Patience = {_patience.ToString(CultureInfo.InvariantCulture)}]"));
        }

        if (state.CooldownCounter < 0 || state.CooldownCounter > _cooldown)
        {
            errors.Add(Error(nameof(state.CooldownCounter), state.CooldownCounter, $"in [0, Cooldown = {_cooldown.ToString(CultureInfo.InvariantCulture)}]"));
        }

        if (state.Reductions < 0 || state.Reductions > CountedReports(state.ReportCount))
        {
            errors.Add(Error(nameof(state.Reductions), state.Reductions, _ignoredReports == 0 ? "in [0, ReportCount]" : "in [0, ReportCount - IgnoredReports]"));
        }

        if (errors.Count > 0)
        {
            throw Preconditions.OutOfRange(nameof(state), state, $"a state this schedule can resume from ({string.Join(" ", errors)})");
        }

        _reportCount = state.ReportCount;
        _best = state.Best;
        _badEpochs = state.BadEpochs;
        _cooldownCounter = state.CooldownCounter;

        // Replay the accepted reductions in the order they were made, so that the rates are the original's bit for bit.
        // Once nothing changes any more (the multiplier has underflowed and the rate sits on its floor), later
        // reductions could not have been accepted, so the replay stops there.
        for (long i = 0; i < state.Reductions; i++)
        {
            double scale = _scale;
            double rate = _heldRate;
            Accept();
            if (_scale == scale && _heldRate == rate)
            {
                _reductions = state.Reductions;
                break;
            }
        }
    }

    /// <summary>The reports of <paramref name="reportCount"/> that were compared, each of which can have made one reduction.</summary>
    private long CountedReports(long reportCount) => Math.Max(reportCount - _ignoredReports, 0);

    private static string Error(string field, object value, string requirement) =>
        string.Create(CultureInfo.InvariantCulture, $"{nameof(ReduceOnPlateauState)}.{field} must be {requirement} but was {Preconditions.Format(value)}.");
}
