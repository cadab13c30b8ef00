using LrSchedules.Internal;

namespace LrSchedules.RangeTest;

/// <summary>
/// Replays a recorded sweep — each step's learning rate and raw loss — through fastai's and torch-lr-finder's range
/// tests, each with its own smoothing and stopping rule, and collects every suggestion.
/// </summary>
/// <remarks>The number of recorded steps is taken as the planned number of steps (fastai's <c>num_it</c>,
/// torch-lr-finder's <c>num_iter</c>). Each origin stops where it would have stopped; the steps after that are not read
/// by it.</remarks>
public static class RangeTestFinder
{
    /// <summary>Runs both origins' range tests over <paramref name="sweep"/>.</summary>
    /// <param name="sweep">The steps in order: the learning rate each used (finite and &gt; 0) and its raw loss (any value; NaN is a diverged step). At least one.</param>
    /// <returns>The two finished tests, whose <see cref="ILearningRateRangeTest.Points"/> are the smoothed curves, and their suggestions in the order <c>fastai.valley</c>, <c>fastai.slide</c>, <c>fastai.minimum</c>, <c>fastai.steep</c>, <c>torch_lr_finder.steepest</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sweep"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException"><paramref name="sweep"/> is empty, or a learning rate is not finite and &gt; 0.</exception>
    public static RangeTestReplay Replay(IEnumerable<RangeTestPoint> sweep)
    {
        RangeTestPoint[] steps = Preconditions.NotNull(sweep).ToArray();
        if (steps.Length == 0)
        {
            throw Preconditions.OutOfRange(nameof(sweep), "empty", "at least one step");
        }

        for (int i = 0; i < steps.Length; i++)
        {
            double rate = steps[i].LearningRate;
            if (!(rate > 0.0) || double.IsPositiveInfinity(rate))
            {
                throw Preconditions.OutOfRange(nameof(sweep), rate, "a learning rate that is a finite number > 0", i);
            }
        }

        var fastai = new FastaiRangeTest(steps.Length);
        var torch = new TorchLrFinderRangeTest(steps.Length);
        foreach (ILearningRateRangeTest test in (ILearningRateRangeTest[])[fastai, torch])
        {
            for (int i = 0; i < steps.Length && test.Record(steps[i].LearningRate, steps[i].Loss); i++)
            {
            }
        }

        return new RangeTestReplay(fastai, torch, [.. fastai.Suggest(), .. torch.Suggest()]);
    }
}
