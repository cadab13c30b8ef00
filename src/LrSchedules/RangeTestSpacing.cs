namespace LrSchedules;

/// <summary>How the learning rate of a range-test sweep (<see cref="Schedule.RangeTestSweep"/>) rises from its start to its end.</summary>
public enum RangeTestSpacing
{
    /// <summary>Evenly on a log scale: <c>start · (end / start)^(t / n)</c> (fastai <c>SchedExp</c>, torch-lr-finder <c>step_mode="exp"</c>).</summary>
    Exponential = 0,

    /// <summary>Evenly on a linear scale: <c>start + (t / n) · (end − start)</c> (fastai <c>SchedLin</c>, torch-lr-finder <c>step_mode="linear"</c>).</summary>
    Linear = 1,
}
