using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class InverseTimeScheduleTests
{
    // keras.optimizers.schedules.InverseTimeDecay(0.1, decay_steps=10, decay_rate=0.5)
    private readonly InverseTimeSchedule _schedule = (InverseTimeSchedule)Schedule.InverseTime(0.1, decaySteps: 10, decayRate: 0.5);
    private readonly InverseTimeSchedule _stairs = (InverseTimeSchedule)Schedule.InverseTime(0.1, decaySteps: 10, decayRate: 0.5, staircase: true);

    [Fact]
    public void InverseTime_decays_as_one_over_time()
    {
        _schedule.ShouldHaveRate(0, 0.1);
        _schedule.ShouldHaveRate(1, 0.1 / (1.0 + (0.5 * 0.1)));
        _schedule.ShouldHaveRate(9, 0.1 / (1.0 + (0.5 * 0.9)));
        _schedule.ShouldHaveRate(10, 0.1 / 1.5);
        _schedule.ShouldHaveRate(11, 0.1 / (1.0 + (0.5 * 1.1)));
        _schedule.ShouldHaveRate(30, 0.04, ScheduleAssertions.Tight);
        _schedule.GetLearningRate(5.0 / 3).Should().Be(0.1 / (1.0 + (0.5 * (5.0 / 3 / 10))));
    }

    [Fact]
    public void InverseTime_staircase_changes_only_every_decay_steps()
    {
        _stairs.ShouldHaveRate(0, 0.1);
        _stairs.ShouldHaveRate(9, 0.1);
        _stairs.ShouldHaveRate(10, 0.1 / 1.5);
        _stairs.ShouldHaveRate(11, 0.1 / 1.5);
        _stairs.ShouldHaveRate(19, 0.1 / 1.5);
        _stairs.ShouldHaveRate(20, 0.05);
    }

    [Fact]
    public void InverseTime_stays_positive_and_finite_at_huge_steps()
    {
        _schedule.ShouldHaveRate(long.MaxValue, 0.1 / (1.0 + (0.5 * ((double)long.MaxValue / 10))));
        _schedule.GetLearningRate(long.MaxValue).Should().BePositive();
        _stairs.GetLearningRate(long.MaxValue).Should().BePositive();
    }

    [Fact]
    public void InverseTime_with_a_zero_rate_is_constant() =>
        Schedule.InverseTime(0.2, 5, 0.0).ShouldHaveRate(long.MaxValue, 0.2);

    [Fact]
    public void InverseTime_keeps_the_contract()
    {
        ScheduleContract.Holds(_schedule);
        ScheduleContract.Holds(_stairs, [19, 20, 21]);
    }

    [Fact]
    public void InverseTime_exposes_its_parameters()
    {
        _stairs.InitialLearningRate.Should().Be(0.1);
        _stairs.DecaySteps.Should().Be(10);
        _stairs.DecayRate.Should().Be(0.5);
        _stairs.Staircase.Should().BeTrue();
    }

    [Theory]
    [InlineData(-0.1, 10, 0.5, "initialLearningRate")]
    [InlineData(double.NaN, 10, 0.5, "initialLearningRate")]
    [InlineData(0.1, 0, 0.5, "decaySteps")]
    [InlineData(0.1, -10, 0.5, "decaySteps")]
    [InlineData(0.1, 10, -0.5, "decayRate")]
    [InlineData(0.1, 10, double.NaN, "decayRate")]
    [InlineData(0.1, 10, double.PositiveInfinity, "decayRate")]
    public void InverseTime_rejects_bad_input(double initial, long decaySteps, double decayRate, string parameter) =>
        FluentActions.Invoking(() => Schedule.InverseTime(initial, decaySteps, decayRate))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
}
