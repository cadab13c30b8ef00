using LrSchedules.Internal;

namespace LrSchedules.Shapes;

/// <summary>A cyclical learning rate: triangles between an initial and a peak rate (PyTorch's <c>CyclicLR</c>).</summary>
/// <remarks>
/// <para>With <c>N = stepsUp + stepsDown</c> and <c>ρ = stepsUp / N</c>, at step <c>t</c>:</para>
/// <para><c>cycle = floor(1 + t / N)</c>, <c>x = 1 + t / N − cycle</c>, <c>s = x / ρ</c> if <c>x ≤ ρ</c> else
/// <c>(x − 1) / (ρ − 1)</c>, and <c>lr(t) = initial + (peak − initial) · s · scale</c>, where <c>scale</c> is 1
/// (<see cref="CyclicMode.Triangular"/>), <c>1 / 2^(cycle − 1)</c> (<see cref="CyclicMode.Triangular2"/>, a function of
/// the cycle) or <c>decayFactor^t</c> (<see cref="CyclicMode.ExponentialRange"/>, a function of the step: PyTorch's
/// <c>scale_mode = "iterations"</c>).</para>
/// <para>Matches PyTorch <c>CyclicLR(base_lr, max_lr, step_size_up, step_size_down, mode, gamma)</c>
/// (<c>torch/optim/lr_scheduler.py</c>, <c>get_lr</c>) as <c>Cyclic(base_lr, max_lr, step_size_up, step_size_down, mode, gamma)</c>,
/// in the same floating-point order (<c>total_size</c> and <c>step_ratio</c> are computed from the step sizes as floats, as
/// PyTorch does). <c>decayFactor</c> is used only by <see cref="CyclicMode.ExponentialRange"/>. PyTorch's custom
/// <c>scale_fn</c>/<c>scale_mode</c> are not modelled; momentum cycling is its own schedule,
/// <see cref="Schedule.CyclicMomentum"/>. Past cycle 1024, PyTorch's
/// <c>1 / (2.0 ** (x - 1))</c> raises <c>OverflowError</c> in <see cref="CyclicMode.Triangular2"/>; here the scale is 0 there
/// (the true value is below 2^−1023) and the rate is the initial rate. Past about 2^53 / N cycles the position within a cycle
/// is limited by double precision, as in PyTorch.</para>
/// <para>A peak below the initial rate is allowed, as in PyTorch: the triangles then point down. Every value lies between
/// the two rates.</para>
/// <para>Each query is O(1), allocation-free. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class CyclicSchedule : LearningRateSchedule
{
    private readonly double _totalSize;
    private readonly double _stepRatio;
    private readonly SaturatingPower _two = new(2.0);
    private readonly SaturatingPower _decay;

    internal CyclicSchedule(double initialLearningRate, double peakLearningRate, long stepsUp, long stepsDown, CyclicMode mode, double decayFactor)
    {
        InitialLearningRate = initialLearningRate;
        PeakLearningRate = peakLearningRate;
        StepsUp = stepsUp;
        StepsDown = stepsDown;
        Mode = mode;
        DecayFactor = decayFactor;

        // PyTorch: step_size_up = float(step_size_up); self.total_size = step_size_up + step_size_down;
        // self.step_ratio = step_size_up / self.total_size.
        _totalSize = (double)stepsUp + (double)stepsDown;
        _stepRatio = stepsUp / _totalSize;
        _decay = new SaturatingPower(decayFactor);
    }

    /// <summary>Gets the rate at the start and end of every cycle (PyTorch's <c>base_lr</c>).</summary>
    public double InitialLearningRate { get; }

    /// <summary>Gets the rate at the top of the first triangle (PyTorch's <c>max_lr</c>).</summary>
    public double PeakLearningRate { get; }

    /// <summary>Gets the number of steps from the initial to the peak rate (PyTorch's <c>step_size_up</c>).</summary>
    public long StepsUp { get; }

    /// <summary>Gets the number of steps from the peak back to the initial rate (PyTorch's <c>step_size_down</c>, defaulting to <see cref="StepsUp"/>).</summary>
    public long StepsDown { get; }

    /// <summary>Gets how the amplitude changes from cycle to cycle.</summary>
    public CyclicMode Mode { get; }

    /// <summary>Gets the per-step amplitude factor of <see cref="CyclicMode.ExponentialRange"/> (PyTorch's <c>gamma</c>).</summary>
    public double DecayFactor { get; }

    internal override double Evaluate(double position)
    {
        double cycle = Math.Floor(1 + (position / _totalSize));
        double x = 1.0 + (position / _totalSize) - cycle;
        // Stryker disable once Equality : at x == _stepRatio both branches give exactly 1 (x / r and (x − 1) / (r − 1) divide equal operands; r == 1 only where x < 1 = r always)
        double scaleFactor = x <= _stepRatio ? x / _stepRatio : (x - 1) / (_stepRatio - 1);
        double baseHeight = (PeakLearningRate - InitialLearningRate) * scaleFactor;
        double scale = Mode switch
        {
            CyclicMode.Triangular => 1.0,
            CyclicMode.Triangular2 => 1 / _two.Pow(cycle - 1),
            _ => _decay.Pow(position),
        };
        return InitialLearningRate + (baseHeight * scale);
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Between(InitialLearningRate, PeakLearningRate);
}
