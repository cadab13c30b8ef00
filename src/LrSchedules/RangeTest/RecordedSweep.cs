using LrSchedules.Internal;

namespace LrSchedules.RangeTest;

/// <summary>A recorded sweep fed to a finder, as the finders' <c>Replay</c> methods read it.</summary>
internal static class RecordedSweep
{
    /// <summary>Copies and checks a recorded sweep: at least one step, every learning rate finite and &gt; 0 (losses may be anything).</summary>
    public static RangeTestPoint[] Validate(IEnumerable<RangeTestPoint> sweep)
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

        return steps;
    }

    /// <summary>Feeds the steps to <paramref name="test"/> until it stops or the steps run out; returns the test.</summary>
    public static T Feed<T>(T test, RangeTestPoint[] steps)
        where T : ILearningRateRangeTest
    {
        for (int i = 0; i < steps.Length && test.Record(steps[i].LearningRate, steps[i].Loss); i++)
        {
        }

        return test;
    }
}
