namespace LrSchedules.Tests.Contract;

/// <summary>Exact-value helpers: a schedule's value at a step, to the last bit or to a tight relative tolerance.</summary>
public static class ScheduleAssertions
{
    /// <summary>Relative tolerance for values computed along a different but equivalent floating-point path.</summary>
    public const double Tight = 1e-12;

    public static void ShouldHaveRate(this ILearningRateSchedule schedule, long step, double expected, double relativeTolerance = 0.0)
    {
        double actual = schedule.GetLearningRate(step);
        if (relativeTolerance == 0.0)
        {
            actual.Should().Be(expected, $"the rate at step {step}");
        }
        else
        {
            actual.Should().BeApproximately(expected, (Math.Abs(expected) * relativeTolerance) + 1e-300, $"the rate at step {step}");
        }
    }

    public static void ShouldHaveRates(this ILearningRateSchedule schedule, params (long Step, double Rate)[] expected)
    {
        foreach ((long step, double rate) in expected)
        {
            schedule.ShouldHaveRate(step, rate, Tight);
        }
    }
}
