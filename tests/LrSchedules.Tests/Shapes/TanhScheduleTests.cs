using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class TanhScheduleTests
{
    // timm TanhLRScheduler(t_initial=50, lb=-7, ub=3, lr_min=1e-5) on base_lr 0.1 (cycle_limit defaults to 1).
    private readonly TanhSchedule _schedule = (TanhSchedule)Schedule.Tanh(0.1, 1e-5, 50);

    /// <summary>timm's expression: <c>lr_min + 0.5 * (lr_max - lr_min) * (1 - math.tanh(lb * (1. - tr) + ub * tr))</c>.</summary>
    private static double Timm(double lrMax, double lrMin, double tCur, double tI, double lb = -7.0, double ub = 3.0)
    {
        double tr = tCur / tI;
        return lrMin + (0.5 * (lrMax - lrMin) * (1 - Math.Tanh((lb * (1.0 - tr)) + (ub * tr))));
    }

    [Fact]
    public void Tanh_starts_just_below_the_initial_rate()
    {
        _schedule.ShouldHaveRate(0, Timm(0.1, 1e-5, 0, 50));
        _schedule.GetLearningRate(0).Should().BeApproximately(0.1, 1e-6).And.BeLessThan(0.1);
    }

    [Fact]
    public void Tanh_follows_timm_up_to_the_end_of_the_cycle_then_holds_the_floor()
    {
        _schedule.ShouldHaveRate(1, Timm(0.1, 1e-5, 1, 50));
        _schedule.ShouldHaveRate(25, Timm(0.1, 1e-5, 25, 50));
        _schedule.ShouldHaveRate(49, Timm(0.1, 1e-5, 49, 50));
        _schedule.ShouldHaveRate(50, 1e-5);
        _schedule.ShouldHaveRate(51, 1e-5);
        _schedule.ShouldHaveRate(long.MaxValue, 1e-5);
    }

    [Fact]
    public void Tanh_restarts_with_longer_cycles_and_lower_peaks()
    {
        var schedule = Schedule.Tanh(0.1, 0.001, 10, -6.0, 2.0, 2.0, 0.5, null);
        schedule.ShouldHaveRate(9, Timm(0.1, 0.001, 9, 10, -6.0, 2.0));
        schedule.ShouldHaveRate(10, Timm(0.05, 0.001, 0, 20, -6.0, 2.0));
        schedule.ShouldHaveRate(11, Timm(0.05, 0.001, 1, 20, -6.0, 2.0));
        schedule.ShouldHaveRate(30, Timm(0.025, 0.001, 0, 40, -6.0, 2.0));
        schedule.GetLearningRate(long.MaxValue).Should().BeInRange(0.0, 0.1);
    }

    [Fact]
    public void Tanh_is_continuous_between_steps() =>
        _schedule.GetLearningRate(12.5).Should().Be(Timm(0.1, 1e-5, 12.5, 50));

    [Fact]
    public void Tanh_exposes_its_parameters()
    {
        var schedule = (TanhSchedule)Schedule.Tanh(0.1, 0.001, 10, -6.0, 2.0, 2.0, 0.5, 4);
        schedule.InitialLearningRate.Should().Be(0.1);
        schedule.PeriodSteps.Should().Be(10);
        schedule.FinalLearningRate.Should().Be(0.001);
        schedule.LowerBound.Should().Be(-6.0);
        schedule.UpperBound.Should().Be(2.0);
        schedule.PeriodMultiplier.Should().Be(2.0);
        schedule.RestartDecay.Should().Be(0.5);
        schedule.CycleLimit.Should().Be(4);
    }

    [Fact]
    public void Tanh_stays_in_range_for_any_finite_position()
    {
        foreach (LearningRateSchedule schedule in new LearningRateSchedule[]
                 {
                     _schedule,
                     Schedule.Tanh(0.1, 0.001, 1, periodMultiplier: 1.5, restartDecay: 0.8, cycleLimit: null),
                     Schedule.Tanh(0.1, 0.001, 3, periodMultiplier: 1e300, cycleLimit: null),
                 })
        {
            foreach (double position in new[] { 0.0, 1e-300, 0.7, 1e15, 1e19, 1e200, 1e308, double.MaxValue })
            {
                schedule.GetLearningRate(position).Should().BeInRange(0.0, 0.1, $"at {position}");
            }
        }
    }

    [Fact]
    public void Tanh_keeps_the_contract()
    {
        ScheduleContract.Holds(_schedule, [49, 50, 51]);
        ScheduleContract.Holds(Schedule.Tanh(0.1, 0.001, 10, periodMultiplier: 1.5, restartDecay: 0.8, cycleLimit: null));
    }

    [Theory]
    [InlineData(-0.1, 50, 0.0, -7.0, 3.0, 1.0, 1.0, 1, "initialLearningRate")]
    [InlineData(double.NaN, 50, 0.0, -7.0, 3.0, 1.0, 1.0, 1, "initialLearningRate")]
    [InlineData(0.1, 0, 0.0, -7.0, 3.0, 1.0, 1.0, 1, "periodSteps")]
    [InlineData(0.1, 50, -1e-5, -7.0, 3.0, 1.0, 1.0, 1, "finalLearningRate")]
    [InlineData(0.1, 50, double.PositiveInfinity, -7.0, 3.0, 1.0, 1.0, 1, "finalLearningRate")]
    [InlineData(0.1, 50, 0.0, double.NaN, 3.0, 1.0, 1.0, 1, "lowerBound")]
    [InlineData(0.1, 50, 0.0, double.NegativeInfinity, 3.0, 1.0, 1.0, 1, "lowerBound")]
    [InlineData(0.1, 50, 0.0, -7.0, -7.0, 1.0, 1.0, 1, "upperBound")]
    [InlineData(0.1, 50, 0.0, -7.0, -8.0, 1.0, 1.0, 1, "upperBound")]
    [InlineData(0.1, 50, 0.0, -7.0, double.NaN, 1.0, 1.0, 1, "upperBound")]
    [InlineData(0.1, 50, 0.0, -7.0, double.PositiveInfinity, 1.0, 1.0, 1, "upperBound")]
    [InlineData(0.1, 50, 0.0, -7.0, 3.0, 0.9, 1.0, 1, "periodMultiplier")]
    [InlineData(0.1, 50, 0.0, -7.0, 3.0, 1.0, 0.0, 1, "restartDecay")]
    [InlineData(0.1, 50, 0.0, -7.0, 3.0, 1.0, 1.1, 1, "restartDecay")]
    [InlineData(0.1, 50, 0.0, -7.0, 3.0, 1.0, 1.0, 0, "cycleLimit")]
    public void Tanh_rejects_bad_input(
        double initial, long period, double final, double lowerBound, double upperBound, double multiplier, double decay, int? limit, string parameter) =>
        FluentActions.Invoking(() => Schedule.Tanh(initial, final, period, lowerBound, upperBound, multiplier, decay, limit))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter)
            .WithMessage($"*{parameter} must be*but was*");

    [Fact]
    public void Tanh_rejects_an_upper_bound_not_above_the_lower_one_naming_the_lower_one() =>
        FluentActions.Invoking(() => Schedule.Tanh(0.1, 0.0, 50, -7.0, -8.0))
            .Should().Throw<ScheduleArgumentException>()
            .Which.Requirement.Should().Be("a finite number > lowerBound (-7)");
}
