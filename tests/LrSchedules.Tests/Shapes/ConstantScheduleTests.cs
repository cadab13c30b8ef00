using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class ConstantScheduleTests
{
    [Fact]
    public void Constant_returns_the_same_rate_at_every_step()
    {
        var schedule = (ConstantSchedule)Schedule.Constant(0.3);

        schedule.ShouldHaveRate(0, 0.3);
        schedule.ShouldHaveRate(1, 0.3);
        schedule.ShouldHaveRate(1_000_000_000_000, 0.3);
        schedule.ShouldHaveRate(long.MaxValue, 0.3);
        schedule.LearningRate.Should().Be(0.3);
    }

    [Fact]
    public void Constant_keeps_the_contract() => ScheduleContract.Holds(Schedule.Constant(0.1));

    [Fact]
    public void Constant_accepts_zero() => Schedule.Constant(0.0).GetLearningRate(5).Should().Be(0.0);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Constant_rejects_a_bad_rate(double learningRate) =>
        FluentActions.Invoking(() => Schedule.Constant(learningRate))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate")
            .WithMessage("*learningRate must be a finite number >= 0*");
}
