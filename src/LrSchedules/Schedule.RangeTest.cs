using LrSchedules.Internal;

namespace LrSchedules;

// Factory of the learning-rate range test's sweep; the finder that reads its losses is in LrSchedules.RangeTest.
public static partial class Schedule
{
    /// <summary>
    /// Creates the sweep of a learning-rate range test (Smith 2015, arXiv:1506.01186; fastai <c>lr_find</c>;
    /// torch-lr-finder): the rate rises from <paramref name="initialLearningRate"/> to <paramref name="finalLearningRate"/>
    /// over <paramref name="totalSteps"/> steps, then stays at the end rate. Feed the loss of each step to a finder in
    /// <c>LrSchedules.RangeTest</c> (<c>FastaiRangeTest</c>, <c>TorchLrFinderRangeTest</c>) to stop early and get a rate.
    /// </summary>
    /// <param name="initialLearningRate">The learning rate at step 0; finite and &gt; 0. fastai's default is 1e-7.</param>
    /// <param name="finalLearningRate">The learning rate at <paramref name="totalSteps"/> and after; finite and &gt; <paramref name="initialLearningRate"/>. fastai's and torch-lr-finder's default is 10.</param>
    /// <param name="totalSteps"><c>n</c>, the number of steps of the sweep; &gt; 0. fastai's <c>num_it</c> (default 100) gives its rates exactly; torch-lr-finder's <c>num_iter</c> is <c>n + 1</c>.</param>
    /// <param name="spacing">Whether the rate rises evenly on a log scale (the default, as both origins do by default) or on a linear one.</param>
    /// <returns>A schedule: <c>start · (end / start)^(t / n)</c> or <c>start + (t / n) · (end − start)</c> for <c>t &lt; n</c>, then <c>end</c>.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule RangeTestSweep(double initialLearningRate, double finalLearningRate, long totalSteps, RangeTestSpacing spacing = RangeTestSpacing.Exponential)
    {
        Preconditions.Positive(initialLearningRate);
        Preconditions.InRange(finalLearningRate, initialLearningRate, false, double.MaxValue, true);
        Preconditions.Positive(totalSteps);
        Preconditions.Defined(spacing);
        return new RangeTestSweepSchedule(initialLearningRate, finalLearningRate, totalSteps, spacing)
            .Declared(nameof(RangeTestSweep), initialLearningRate, finalLearningRate, totalSteps, spacing);
    }
}
