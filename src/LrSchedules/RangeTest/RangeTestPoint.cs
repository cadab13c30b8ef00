namespace LrSchedules.RangeTest;

/// <summary>One step of a learning-rate range test: the rate the step used and its loss (raw, or smoothed as a finder recorded it).</summary>
/// <param name="LearningRate">The learning rate of the step.</param>
/// <param name="Loss">The loss of the step: the raw loss when it is given to a finder, the smoothed loss in <see cref="ILearningRateRangeTest.Points"/>.</param>
public readonly record struct RangeTestPoint(double LearningRate, double Loss);
