using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class InverseSquareRootScheduleTests
{
    private readonly InverseSquareRootSchedule _schedule = (InverseSquareRootSchedule)Schedule.InverseSquareRoot(0.1, timescale: 10);

    /// <summary>Hugging Face's multiplier after warmup, at its global step: 1 / sqrt((step + timescale − warmup) / timescale).</summary>
    private static double HuggingFace(double baseRate, long warmupSteps, long timescale, long step) =>
        baseRate * (1.0 / Math.Sqrt((double)(step + (timescale - warmupSteps)) / timescale));

    [Fact]
    public void InverseSquareRoot_starts_at_the_initial_rate_and_halves_at_three_timescales()
    {
        _schedule.ShouldHaveRate(0, 0.1);
        _schedule.ShouldHaveRate(30, 0.05);
        _schedule.ShouldHaveRate(90, 0.1 / Math.Sqrt(10), ScheduleAssertions.Tight);
    }

    [Fact]
    public void InverseSquareRoot_falls_by_root_two_at_one_timescale()
    {
        _schedule.ShouldHaveRate(9, 0.1 / Math.Sqrt(1.9), ScheduleAssertions.Tight);
        _schedule.ShouldHaveRate(10, 0.1 / Math.Sqrt(2.0), ScheduleAssertions.Tight);
        _schedule.ShouldHaveRate(11, 0.1 / Math.Sqrt(2.1), ScheduleAssertions.Tight);
        _schedule.GetLearningRate(2.5).Should().Be(0.1 * (1.0 / Math.Sqrt(1.25)));
    }

    [Fact]
    public void InverseSquareRoot_is_hugging_face_after_its_warmup_at_the_local_step()
    {
        // get_inverse_sqrt_schedule(num_warmup_steps=10) (timescale defaults to 10), and an explicit timescale.
        foreach ((long warmup, long timescale) in new[] { (10L, 10L), (10L, 10_000L), (100L, 7L) })
        {
            var schedule = Schedule.InverseSquareRoot(0.1, timescale);
            foreach (long step in new[] { warmup, warmup + 1, warmup + 99, warmup + 12_345 })
            {
                schedule.ShouldHaveRate(step - warmup, HuggingFace(0.1, warmup, timescale, step));
            }
        }
    }

    [Fact]
    public void InverseSquareRoot_stays_positive_and_finite_at_huge_steps()
    {
        _schedule.ShouldHaveRate(long.MaxValue, 0.1 * (1.0 / Math.Sqrt(((double)long.MaxValue + 10) / 10)));
        _schedule.GetLearningRate(long.MaxValue).Should().BePositive();
    }

    [Fact]
    public void InverseSquareRoot_keeps_the_contract() => ScheduleContract.Holds(_schedule);

    [Fact]
    public void InverseSquareRoot_exposes_its_parameters()
    {
        _schedule.InitialLearningRate.Should().Be(0.1);
        _schedule.Timescale.Should().Be(10);
    }

    [Theory]
    [InlineData(-0.1, 10, "initialLearningRate")]
    [InlineData(double.NaN, 10, "initialLearningRate")]
    [InlineData(double.PositiveInfinity, 10, "initialLearningRate")]
    [InlineData(0.1, 0, "timescale")]
    [InlineData(0.1, -10, "timescale")]
    public void InverseSquareRoot_rejects_bad_input(double initial, long timescale, string parameter) =>
        FluentActions.Invoking(() => Schedule.InverseSquareRoot(initial, timescale))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
}
