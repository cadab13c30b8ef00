namespace LrSchedules.Porting.Shapes;

/// <summary>
/// The swing of PyTorch's <c>CyclicLR</c> with a custom <c>scale_fn</c>, shared by its rate and its cycled momentum:
/// <c>range · scale_factor · scale_fn(cycle or step)</c>, where the rate adds it to <c>base_lr</c> and the momentum
/// subtracts it from <c>max_momentum</c>.
/// </summary>
/// <remarks>
/// <para>Origin: <c>torch/optim/lr_scheduler.py</c> <c>CyclicLR.get_lr</c> (commit 008f727e): <c>cycle = floor(1 + t / total_size)</c>,
/// <c>x = 1 + t / total_size − cycle</c>, <c>scale_factor = x / step_ratio</c> rising, <c>(x − 1) / (step_ratio − 1)</c>
/// falling, <c>base_height = range · scale_factor</c>, times <c>scale_fn(cycle)</c> (<c>scale_mode="cycle"</c>) or
/// <c>scale_fn(t)</c> (<c>"iterations"</c>), in that order of operations.</para>
/// <para>Immutable; the caller's delegate must be pure. The lengths are validated by the caller.</para>
/// </remarks>
internal sealed class TorchCustomCycle
{
    private readonly double _totalSize;
    private readonly double _stepRatio;
    private readonly Func<double, double> _scaleFn;
    private readonly bool _byCycle;

    /// <summary>Initializes the swing of a cycle of <paramref name="stepSizeUp"/> rising and <paramref name="stepSizeDown"/> falling steps.</summary>
    internal TorchCustomCycle(long stepSizeUp, long? stepSizeDown, Func<double, double> scaleFn, string scaleMode)
    {
        double up = stepSizeUp;
        double down = stepSizeDown is long d ? d : up;
        _totalSize = up + down;
        _stepRatio = up / _totalSize;
        _scaleFn = scaleFn;
        _byCycle = scaleMode == "cycle";
    }

    /// <summary>PyTorch's <c>base_height · scale_fn(...)</c> at <paramref name="step"/> for a swing of <paramref name="range"/>.</summary>
    internal double Height(long step, double range)
    {
        double cycle = Math.Floor(1 + (step / _totalSize));
        double x = 1.0 + (step / _totalSize) - cycle;
        double scaleFactor = x <= _stepRatio ? x / _stepRatio : (x - 1) / (_stepRatio - 1);
        double baseHeight = range * scaleFactor;
        return baseHeight * _scaleFn(_byCycle ? cycle : step);
    }
}
