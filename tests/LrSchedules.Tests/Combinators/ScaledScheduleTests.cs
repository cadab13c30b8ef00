using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Combinators;

public class ScaledScheduleTests
{
    private static readonly StepDecaySchedule Multiplier = (StepDecaySchedule)Schedule.Step(1.0, stepSize: 10, decayFactor: 0.5);

    [Fact]
    public void Scale_multiplies_every_value_by_the_factor()
    {
        var schedule = (ScaledSchedule)Multiplier.Scale(0.1);

        schedule.ShouldHaveRate(0, 0.1);
        schedule.ShouldHaveRate(9, 0.1);
        schedule.ShouldHaveRate(10, 0.1 * 0.5);
        schedule.ShouldHaveRate(11, 0.1 * 0.5);
        schedule.ShouldHaveRate(long.MaxValue, 0.0);
        schedule.Factor.Should().Be(0.1);
        schedule.Inner.Should().BeSameAs(Multiplier);
    }

    [Fact]
    public void Scale_saturates_instead_of_overflowing() =>
        Schedule.Constant(1e300).Scale(1e300).ShouldHaveRate(0, double.MaxValue);

    [Fact]
    public void Scale_by_zero_is_zero() => Multiplier.Scale(0.0).ShouldHaveRate(5, 0.0);

    [Fact]
    public void Scale_nested_to_depth_three_stays_exact()
    {
        var schedule = Multiplier.Scale(0.5).Scale(0.2).Scale(3.0);
        schedule.ShouldHaveRate(10, 3.0 * (0.2 * (0.5 * 0.5)));
        ScheduleContract.Holds(schedule);
    }

    [Fact]
    public void Scale_keeps_the_contract()
    {
        ScheduleContract.Holds(Multiplier.Scale(0.1), [9, 10, 11]);
        ScheduleContract.Holds(new UserSchedule().Scale(2.0));
    }

    [Fact]
    public void Scale_rejects_a_null_schedule() =>
        FluentActions.Invoking(() => ((ILearningRateSchedule)null!).Scale(2.0))
            .Should().Throw<ArgumentNullException>().WithParameterName("schedule");

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Scale_rejects_a_bad_factor(double factor) =>
        FluentActions.Invoking(() => Multiplier.Scale(factor))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("factor").WithMessage("*factor must be a finite number >= 0*");
}
