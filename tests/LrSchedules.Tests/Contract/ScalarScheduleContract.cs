namespace LrSchedules.Tests.Contract;

/// <summary>
/// <see cref="ScheduleContract"/> for a <see cref="ScalarSchedule"/>: rejects negative steps, every value in the
/// hyper-parameter's range, pure, allocation-free and thread-safe — through the same checks, read via GetValue.
/// </summary>
public static class ScalarScheduleContract
{
    public static void Holds(ScalarSchedule schedule, double minimum, double maximumExclusive)
    {
        var query = new Query(schedule);
        long[] steps = ScheduleContract.ProbeSteps;
        ScheduleContract.RejectsNegativeSteps(query);
        ScheduleContract.IsFiniteAndNonNegative(query, steps);
        foreach (long step in steps)
        {
            double value = schedule.GetValue(step);
            value.Should().BeGreaterThanOrEqualTo(minimum, $"{schedule.GetType().Name} at step {step}");
            value.Should().BeLessThan(maximumExclusive, $"{schedule.GetType().Name} at step {step}");
        }

        ScheduleContract.IsPure(query, steps);
        ScheduleContract.AllocatesNothing(query, steps);
        ScheduleContract.IsThreadSafe(query, steps);
    }

    // Reads the typed schedule through the contract's interface; the adapter itself allocates nothing per query.
    private sealed class Query(ScalarSchedule schedule) : ILearningRateSchedule
    {
        public double GetLearningRate(long step) => schedule.GetValue(step);
    }
}
