using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class StepDecayScheduleTests
{
    private readonly StepDecaySchedule _schedule = (StepDecaySchedule)Schedule.Step(0.1, stepSize: 30, decayFactor: 0.1);

    [Fact]
    public void Step_holds_the_initial_rate_until_the_first_boundary()
    {
        _schedule.ShouldHaveRate(0, 0.1);
        _schedule.ShouldHaveRate(29, 0.1);
    }

    [Fact]
    public void Step_decays_exactly_at_each_boundary()
    {
        _schedule.ShouldHaveRate(30, 0.1 * 0.1);
        _schedule.ShouldHaveRate(31, 0.1 * 0.1);
        _schedule.ShouldHaveRate(59, 0.1 * 0.1);
        _schedule.ShouldHaveRate(60, 0.1 * Math.Pow(0.1, 2));
    }

    [Fact]
    public void Step_reaches_zero_without_overflow_at_huge_steps()
    {
        _schedule.ShouldHaveRate(1_000_000_000_000, 0.0);
        _schedule.ShouldHaveRate(long.MaxValue, 0.0);
        Schedule.Step(0.1, 30, 1.0).ShouldHaveRate(long.MaxValue, 0.1);
    }

    [Fact]
    public void Step_with_a_factor_of_one_is_a_constant_that_passes_as_a_momentum()
    {
        // 0.9 · 1^k is 0.9 at every step: its greatest value is 0.9 (< 1), so the momentum range check accepts it.
        var momentum = Schedule.Step(0.9, 30, 1.0).AsMomentum();
        momentum.GetValue(0).Should().Be(0.9);
        momentum.GetValue(long.MaxValue).Should().Be(0.9);
    }

    [Fact]
    public void Step_keeps_the_contract() => ScheduleContract.Holds(_schedule);

    [Fact]
    public void Step_exposes_its_parameters()
    {
        _schedule.InitialLearningRate.Should().Be(0.1);
        _schedule.StepSize.Should().Be(30);
        _schedule.DecayFactor.Should().Be(0.1);
    }

    [Theory]
    [InlineData(-1.0, 30, 0.1, "initialLearningRate")]
    [InlineData(double.NaN, 30, 0.1, "initialLearningRate")]
    [InlineData(0.1, 0, 0.1, "stepSize")]
    [InlineData(0.1, -5, 0.1, "stepSize")]
    [InlineData(0.1, 30, 0.0, "decayFactor")]
    [InlineData(0.1, 30, 1.5, "decayFactor")]
    [InlineData(0.1, 30, double.NaN, "decayFactor")]
    public void Step_rejects_bad_input(double initial, long stepSize, double decayRate, string parameter) =>
        FluentActions.Invoking(() => Schedule.Step(initial, stepSize, decayRate))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
}
