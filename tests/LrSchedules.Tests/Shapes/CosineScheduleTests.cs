using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class CosineScheduleTests
{
    private readonly CosineSchedule _schedule = (CosineSchedule)Schedule.Cosine(0.1, 0.001, 100);

    [Fact]
    public void Cosine_starts_at_the_initial_rate() => _schedule.ShouldHaveRate(0, 0.1);

    [Fact]
    public void Cosine_is_halfway_at_half_the_steps() =>
        _schedule.ShouldHaveRate(50, 0.001 + (0.099 * 0.5), ScheduleAssertions.Tight);

    [Fact]
    public void Cosine_follows_the_formula_around_the_end()
    {
        _schedule.ShouldHaveRate(99, 0.001 + (0.099 * 0.5 * (1 + Math.Cos(Math.PI * 99 / 100))), ScheduleAssertions.Tight);
        _schedule.ShouldHaveRate(100, 0.001);
        _schedule.ShouldHaveRate(101, 0.001);
        _schedule.ShouldHaveRate(long.MaxValue, 0.001);
    }

    [Fact]
    public void Cosine_raises_the_factor_to_the_exponent()
    {
        var schedule = Schedule.Cosine(1.0, 0.0, 10, 2.0);
        double factor = 0.5 * (1 + Math.Cos(Math.PI * 3 / 10));
        schedule.ShouldHaveRate(3, factor * factor, ScheduleAssertions.Tight);
    }

    [Fact]
    public void Cosine_keeps_the_contract() => ScheduleContract.Holds(_schedule);

    [Theory]
    [InlineData(-0.1, 100, 0.0, 1.0, "initialLearningRate")]
    [InlineData(0.1, 0, 0.0, 1.0, "totalSteps")]
    [InlineData(0.1, 100, -0.001, 1.0, "finalLearningRate")]
    [InlineData(0.1, 100, double.NaN, 1.0, "finalLearningRate")]
    [InlineData(0.1, 100, 0.0, 0.0, "exponent")]
    [InlineData(0.1, 100, 0.0, double.PositiveInfinity, "exponent")]
    public void Cosine_rejects_bad_input(double initial, long totalSteps, double final, double exponent, string parameter) =>
        FluentActions.Invoking(() => Schedule.Cosine(initial, final, totalSteps, exponent))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
}
