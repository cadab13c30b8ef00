namespace LrSchedules.Shapes;

/// <summary>
/// The learning rate of a range test (Smith 2015): a rise from a tiny to a huge rate over a fixed number of steps,
/// evenly on a log scale or on a linear one, then the end rate.
/// </summary>
/// <remarks>
/// <para>For <c>p = t / n</c> with <c>t &lt; n</c>: exponential <c>lr(t) = start · (end / start)^p</c>, linear
/// <c>lr(t) = start + p · (end − start)</c>; from <c>t = n</c> on, exactly <c>end</c>.</para>
/// <para>Both are evaluated in the order of fastai's <c>sched_exp(start, end, pos)</c> and <c>sched_lin</c>
/// (<c>fastai/callback/schedule.py</c>), whose <c>LRFinder</c> sets <c>pos = train_iter / num_it</c> before batch
/// <c>train_iter</c>: step <c>t</c> of this schedule with <c>n = num_it</c> is fastai's rate of batch <c>t</c>, to the
/// last bit. fastai never reaches <c>end</c> (its last batch is <c>t = n − 1</c>). torch-lr-finder's
/// <c>ExponentialLR</c> and <c>LinearLR</c> (<c>torch_lr_finder/lr_finder.py</c>) divide by <c>num_iter − 1</c>
/// instead, so that their last step is at <c>end_lr</c>: they are this schedule with <c>n = num_iter − 1</c> (the same
/// exponent <c>t / (num_iter − 1)</c>; torch-lr-finder's linear form is <c>base + r · (end − base)</c>, the same
/// expression).</para>
/// <para>When <c>end / start</c> overflows (a sweep wider than double's range), the exponential form is evaluated as
/// <c>exp(ln start + p · (ln end − ln start))</c> (exactly <c>start</c> at step 0), capped at <c>end</c>, so that it stays finite; every other sweep is
/// evaluated as above, bit for bit.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class RangeTestSweepSchedule : LearningRateSchedule
{
    private readonly double _ratio;
    private readonly bool _overflows;
    private readonly double _logInitial;
    private readonly double _logSpan;

    internal RangeTestSweepSchedule(double initialLearningRate, double finalLearningRate, long totalSteps, RangeTestSpacing spacing)
    {
        InitialLearningRate = initialLearningRate;
        FinalLearningRate = finalLearningRate;
        TotalSteps = totalSteps;
        Spacing = spacing;
        _ratio = finalLearningRate / initialLearningRate;

        // Found by the configuration fuzzer: end / start overflows when the sweep spans more than double's range
        // (1e-7 to 1e308), and start · ∞^p was +∞. Then the rate is read on the log scale, which stays finite.
        _overflows = double.IsPositiveInfinity(_ratio);
        _logInitial = Math.Log(initialLearningRate);
        _logSpan = Math.Log(finalLearningRate) - _logInitial;
    }

    public double InitialLearningRate { get; }

    public double FinalLearningRate { get; }

    public long TotalSteps { get; }

    public RangeTestSpacing Spacing { get; }

    internal override double Evaluate(double position)
    {
        if (position >= TotalSteps)
        {
            return FinalLearningRate;
        }

        double progress = position / TotalSteps;
        if (Spacing != RangeTestSpacing.Exponential)
        {
            return InitialLearningRate + (progress * (FinalLearningRate - InitialLearningRate));
        }

        return _overflows
            ? progress == 0.0 ? InitialLearningRate : Math.Min(Math.Exp(_logInitial + (progress * _logSpan)), FinalLearningRate)
            : Math.Min(InitialLearningRate * Math.Pow(_ratio, progress), double.MaxValue);
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Between(InitialLearningRate, FinalLearningRate);
}
