using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class FunctionScheduleTests
{
    private static double Halving(long step) => 1.0 / (1.0 + step);

    [Fact]
    public void FromFunction_of_steps_returns_the_delegate_value()
    {
        var schedule = Schedule.FromFunction(Halving);
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
        var schedule = Schedule.FromFunction((double position) => 1.0 / (1 + position));
        schedule.GetLearningRate(1.0).Should().Be(0.5);
        schedule.GetLearningRate(3.0).Should().Be(0.25);
        schedule.GetLearningRate(0.25).Should().Be(0.8);
        schedule.IsContinuous.Should().BeTrue();
    }

    [Fact]
    public void FromFunction_keeps_the_contract() => ScheduleContract.Holds(Schedule.FromFunction(Halving));

    [Fact]
    public void FromFunction_rejects_null()
    {
        FluentActions.Invoking(() => Schedule.FromFunction((Func<long, double>)null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("learningRateAtStep");
        FluentActions.Invoking(() => Schedule.FromFunction((Func<double, double>)null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("learningRateAtPosition");
    }
}
