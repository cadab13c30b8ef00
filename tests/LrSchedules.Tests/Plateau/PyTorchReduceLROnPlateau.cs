namespace LrSchedules.Tests.Plateau;

/// <summary>
/// A line-by-line port of PyTorch <c>ReduceLROnPlateau.step</c>, <c>_reduce_lr</c> and <c>_is_better</c>
/// (<c>torch/optim/lr_scheduler.py</c>) for one parameter group: the reference the library is held to.
/// </summary>
internal sealed class PyTorchReduceLROnPlateau(double lr, ReduceOnPlateauOptions o)
{
    private double _best = o.Mode == PlateauMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
    private int _numBadEpochs;
    private int _cooldownCounter;

    public double Lr { get; private set; } = lr;

    public void Step(double current)
    {
        if (IsBetter(current, _best))
        {
            _best = current;
            _numBadEpochs = 0;
        }
        else
        {
            _numBadEpochs += 1;
        }

        if (_cooldownCounter > 0)
        {
            _cooldownCounter -= 1;
            _numBadEpochs = 0; // ignore any bad epochs in cooldown
        }

        if (_numBadEpochs > o.Patience)
        {
            double oldLr = Lr;
            double newLr = Math.Max(oldLr * o.Factor, o.MinimumLearningRate);
            if (oldLr - newLr > o.Epsilon)
            {
                Lr = newLr;
            }

            _cooldownCounter = o.Cooldown;
            _numBadEpochs = 0;
        }
    }

    private bool IsBetter(double a, double best) => (o.Mode, o.ThresholdMode) switch
    {
        (PlateauMode.Min, PlateauThresholdMode.Relative) => a < best * (1.0 - o.Threshold),
        (PlateauMode.Min, PlateauThresholdMode.Absolute) => a < best - o.Threshold,
        (PlateauMode.Max, PlateauThresholdMode.Relative) => a > best * (o.Threshold + 1.0),
        _ => a > best + o.Threshold,
    };
}
