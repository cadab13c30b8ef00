using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class FunctionScheduleTests
{
    private static double Halving(long step) => 1.0 / (1.0 + step);

    [Fact]
    public void FromFunction_of_steps_returns_the_delegate_value()
    {
        var schedule = (FunctionSchedule)Schedule.FromFunction(Halving);
        schedule.ShouldHaveRate(0, 1.0);
        schedule.ShouldHaveRate(3, 0.25);
        schedule.IsContinuous.Should().BeFalse();
    }

    [Fact]
    public void FromFunction_of_steps_is_stepwise_between_steps() =>
        Schedule.FromFunction(Halving).GetLearningRate(3.75).Should().Be(0.25);

    [Fact]
    public void FromFunction_of_positions_is_continuous()
    {
        var schedule = (FunctionSchedule)Schedule.FromFunction((double position) => 1.0 / (1 + position));
        schedule.GetLearningRate(1.0).Should().Be(0.5);
        schedule.GetLearningRate(3.0).Should().Be(0.25);
        schedule.GetLearningRate(0.25).Should().Be(0.8);
        schedule.IsContinuous.Should().BeTrue();
    }

    [Fact]
    public void FromFunction_keeps_the_contract() => ScheduleContract.Holds(Schedule.FromFunction(Halving));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-0.1)]
    public void FromFunction_fails_the_query_when_the_delegate_breaks_the_contract(double bad)
    {
        var schedule = Schedule.FromFunction((long step) => step < 3 ? 0.1 : bad);
        schedule.ShouldHaveRate(2, 0.1);
        schedule.Invoking(s => s.GetLearningRate(3)).Should().Throw<InvalidOperationException>()
            .WithMessage("*FunctionSchedule returned*at position 3*finite number >= 0*");
    }

    [Fact]
    public void A_user_schedule_inside_a_combinator_is_checked_too()
    {
        var warmed = new NegativeAfter(5).WithLinearWarmup(0);
        warmed.Invoking(s => s.GetLearningRate(6)).Should().Throw<InvalidOperationException>()
            .WithMessage("*NegativeAfter returned -1 at position 6*");
    }

    private sealed class NegativeAfter(long step) : ILearningRateSchedule
    {
        public double GetLearningRate(long query) => query > step ? -1.0 : 0.1;
    }

    [Fact]
    public void FromFunction_rejects_null()
    {
        FluentActions.Invoking(() => Schedule.FromFunction((Func<long, double>)null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("learningRateAtStep");
        FluentActions.Invoking(() => Schedule.FromFunction((Func<double, double>)null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("learningRateAtPosition");
    }
}
