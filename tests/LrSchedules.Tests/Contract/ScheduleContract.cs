namespace LrSchedules.Tests.Contract;

/// <summary>
/// The promises of <see cref="ILearningRateSchedule"/>, checked the same way for every schedule: each shape's and
/// combinator's tests call <see cref="Holds"/> on the instances they build.
/// </summary>
public static class ScheduleContract
{
    /// <summary>Steps that exercise start, small, large and extreme indices.</summary>
    public static readonly long[] ProbeSteps =
    [
        0, 1, 2, 3, 5, 9, 10, 11, 29, 30, 31, 99, 100, 101, 999, 1_000, 1_001, 12_345, 1_000_000,
        1_000_000_000_000, 1L << 53, long.MaxValue / 2, long.MaxValue,
    ];

    /// <summary>Asserts the whole contract: rejects negative steps, finite and non-negative everywhere, pure, allocation-free, thread-safe.</summary>
    public static void Holds(ILearningRateSchedule schedule, IEnumerable<long>? extraSteps = null)
    {
        long[] steps = [.. ProbeSteps, .. extraSteps ?? []];

        RejectsNegativeSteps(schedule);
        IsFiniteAndNonNegative(schedule, steps);
        IsPure(schedule, steps);
        AllocatesNothing(schedule, steps);
        IsThreadSafe(schedule, steps);
        if (schedule is LearningRateSchedule continuous)
        {
            AgreesWithContinuousClock(continuous, steps);
        }
    }

    public static void RejectsNegativeSteps(ILearningRateSchedule schedule)
    {
        schedule.Invoking(s => s.GetLearningRate(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("step");
        schedule.Invoking(s => s.GetLearningRate(long.MinValue)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("step");
        if (schedule is LearningRateSchedule continuous)
        {
            foreach (double bad in new[] { -0.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            {
                continuous.Invoking(s => s.GetLearningRate(bad)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("position");
            }
        }
    }

    public static void IsFiniteAndNonNegative(ILearningRateSchedule schedule, IEnumerable<long> steps)
    {
        foreach (long step in steps)
        {
            double value = schedule.GetLearningRate(step);
            double.IsFinite(value).Should().BeTrue($"the rate at step {step} must be finite but was {value}");
            value.Should().BeGreaterThanOrEqualTo(0.0, $"the rate at step {step} must be non-negative");
        }
    }

    public static void IsPure(ILearningRateSchedule schedule, IReadOnlyList<long> steps)
    {
        double[] forward = steps.Select(schedule.GetLearningRate).ToArray();
        double[] backward = steps.Reverse().Select(schedule.GetLearningRate).Reverse().ToArray();
        backward.Should().Equal(forward, "a schedule is a pure function of the step: the order of queries must not matter");
    }

    public static void AllocatesNothing(ILearningRateSchedule schedule, long[] steps)
    {
        // Warm up so that JIT tiering and lazy initialisation are not counted.
        double sink = 0;
        for (int round = 0; round < 3; round++)
        {
            foreach (long step in steps)
            {
                sink += schedule.GetLearningRate(step);
            }
        }

        // The runtime itself may allocate once in a while on this thread (tiered JIT, on-stack replacement), so the
        // measurement is repeated and the smallest count kept: a query that allocates does so in every round.
        long fewest = long.MaxValue;
        for (int attempt = 0; attempt < 5 && fewest > 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int round = 0; round < 1_000; round++)
            {
                for (int i = 0; i < steps.Length; i++)
                {
                    sink += schedule.GetLearningRate(steps[i]);
                }

                sink += schedule.GetLearningRate(round);
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        fewest.Should().Be(0, $"querying {schedule.GetType().Name} must allocate nothing (sink {sink})");
    }

    public static void IsThreadSafe(ILearningRateSchedule schedule, long[] steps)
    {
        double[] expected = steps.Select(schedule.GetLearningRate).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            for (int round = 0; round < 200; round++)
            {
                for (int i = 0; i < steps.Length; i++)
                {
                    int index = (i + worker + round) % steps.Length;
                    double value = schedule.GetLearningRate(steps[index]);
                    if (!value.Equals(expected[index]))
                    {
                        failures.Add($"step {steps[index]}: {value} != {expected[index]}");
                    }
                }
            }
        });
        failures.Should().BeEmpty("concurrent queries must see the same values as sequential ones");
    }

    public static void AgreesWithContinuousClock(LearningRateSchedule schedule, IEnumerable<long> steps)
    {
        foreach (long step in steps)
        {
            schedule.GetLearningRate((double)step).Should().Be(
                schedule.GetLearningRate(step),
                $"at whole step {step} the continuous clock must agree with the step clock");
        }
    }
}
