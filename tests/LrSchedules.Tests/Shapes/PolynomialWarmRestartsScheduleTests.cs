using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class PolynomialWarmRestartsScheduleTests
{
    // timm PolyLRScheduler(t_initial=50, power=0.9, lr_min=1e-4) on base_lr 0.1 (cycle_limit defaults to 1).
    private readonly PolynomialWarmRestartsSchedule _schedule = (PolynomialWarmRestartsSchedule)Schedule.PolynomialWarmRestarts(0.1, 1e-4, 50, 0.9);

    /// <summary>timm's expression: <c>lr_min + (lr_max - lr_min) * (1 - t_curr ** k / t_i ** k) ** self.power</c>.</summary>
    private static double Timm(double lrMax, double lrMin, double tCur, double tI, double power, double k = 1.0) =>
        lrMin + ((lrMax - lrMin) * Math.Pow(1 - (Math.Pow(tCur, k) / Math.Pow(tI, k)), power));

    [Fact]
    public void PolynomialWarmRestarts_starts_at_the_initial_rate() => _schedule.ShouldHaveRate(0, 0.1);

    [Fact]
    public void PolynomialWarmRestarts_follows_timm_to_the_end_then_holds_the_floor()
    {
        _schedule.ShouldHaveRate(1, Timm(0.1, 1e-4, 1, 50, 0.9));
        _schedule.ShouldHaveRate(49, Timm(0.1, 1e-4, 49, 50, 0.9));
        _schedule.ShouldHaveRate(50, 1e-4);
        _schedule.ShouldHaveRate(51, 1e-4);
        _schedule.ShouldHaveRate(long.MaxValue, 1e-4);
    }

    [Fact]
    public void PolynomialWarmRestarts_restarts_with_decayed_peaks_until_the_limit()
    {
        var schedule = Schedule.PolynomialWarmRestarts(0.1, 0.0, 10, 2.0, 3.0, 0.5, 2);
        schedule.ShouldHaveRate(9, Timm(0.1, 0.0, 9, 10, 2.0));
        schedule.ShouldHaveRate(10, 0.05);
        schedule.ShouldHaveRate(11, Timm(0.05, 0.0, 1, 30, 2.0));
        schedule.ShouldHaveRate(39, Timm(0.05, 0.0, 29, 30, 2.0));
        schedule.ShouldHaveRate(40, 0.0);
        schedule.ShouldHaveRate(long.MaxValue, 0.0);
    }

    [Fact]
    public void PolynomialWarmRestarts_applies_k_decay()
    {
        var schedule = Schedule.PolynomialWarmRestarts(1.0, 0.0, 10, 1.0, cycleLimit: null, kDecay: 0.5);
        schedule.ShouldHaveRate(4, Timm(1.0, 0.0, 4, 10, 1.0, 0.5));
        schedule.ShouldHaveRate(14, Timm(1.0, 0.0, 4, 10, 1.0, 0.5));
        schedule.ShouldHaveRate(1_000_000_000_004, Timm(1.0, 0.0, 4, 10, 1.0, 0.5));
        schedule.GetLearningRate(long.MaxValue).Should().BeInRange(0.0, 1.0);
    }

    [Fact]
    public void PolynomialWarmRestarts_is_continuous_between_steps() =>
        _schedule.GetLearningRate(49.5).Should().Be(Timm(0.1, 1e-4, 49.5, 50, 0.9));

    [Fact]
    public void PolynomialWarmRestarts_exposes_its_parameters()
    {
        var schedule = (PolynomialWarmRestartsSchedule)Schedule.PolynomialWarmRestarts(0.1, 0.001, 10, 2.0, 3.0, 0.5, null, 0.7);
        schedule.InitialLearningRate.Should().Be(0.1);
        schedule.PeriodSteps.Should().Be(10);
        schedule.Power.Should().Be(2.0);
        schedule.FinalLearningRate.Should().Be(0.001);
        schedule.PeriodMultiplier.Should().Be(3.0);
        schedule.RestartDecay.Should().Be(0.5);
        schedule.CycleLimit.Should().BeNull();
        schedule.KDecay.Should().Be(0.7);
    }

    [Fact]
    public void PolynomialWarmRestarts_stays_in_range_for_any_finite_position()
    {
        foreach (LearningRateSchedule schedule in new LearningRateSchedule[]
                 {
                     _schedule,
                     Schedule.PolynomialWarmRestarts(0.1, 0.001, 1, 0.5, 1.5, 0.8, null, 3.0),
                     Schedule.PolynomialWarmRestarts(0.1, 0.001, 3, 2.0, 2.0, 1.0, null),
                 })
        {
            foreach (double position in new[] { 0.0, 1e-300, 0.7, 1e15, 1e19, 1e200, 1e308, double.MaxValue })
            {
                schedule.GetLearningRate(position).Should().BeInRange(0.0, 0.1, $"at {position}");
            }
        }
    }

    [Fact]
    public void PolynomialWarmRestarts_keeps_the_contract()
    {
        ScheduleContract.Holds(_schedule, [49, 50, 51]);
        ScheduleContract.Holds(Schedule.PolynomialWarmRestarts(0.1, 0.001, 7, 0.5, 1.25, 0.9, null, 3.0));
    }

    [Theory]
    [InlineData(-0.1, 50, 0.9, 0.0, 1.0, 1.0, 1, 1.0, "initialLearningRate")]
    [InlineData(double.PositiveInfinity, 50, 0.9, 0.0, 1.0, 1.0, 1, 1.0, "initialLearningRate")]
    [InlineData(0.1, -1, 0.9, 0.0, 1.0, 1.0, 1, 1.0, "periodSteps")]
    [InlineData(0.1, 50, 0.0, 0.0, 1.0, 1.0, 1, 1.0, "power")]
    [InlineData(0.1, 50, -1.0, 0.0, 1.0, 1.0, 1, 1.0, "power")]
    [InlineData(0.1, 50, double.NaN, 0.0, 1.0, 1.0, 1, 1.0, "power")]
    [InlineData(0.1, 50, 0.9, -1.0, 1.0, 1.0, 1, 1.0, "finalLearningRate")]
    [InlineData(0.1, 50, 0.9, 0.0, 0.0, 1.0, 1, 1.0, "periodMultiplier")]
    [InlineData(0.1, 50, 0.9, 0.0, 1.0, -0.5, 1, 1.0, "restartDecay")]
    [InlineData(0.1, 50, 0.9, 0.0, 1.0, 1.0, 0, 1.0, "cycleLimit")]
    [InlineData(0.1, 50, 0.9, 0.0, 1.0, 1.0, 1, 0.0, "kDecay")]
    [InlineData(0.1, 50, 0.9, 0.0, 1.0, 1.0, 1, double.NaN, "kDecay")]
    public void PolynomialWarmRestarts_rejects_bad_input(
        double initial, long period, double power, double final, double multiplier, double decay, int? limit, double kDecay, string parameter) =>
        FluentActions.Invoking(() => Schedule.PolynomialWarmRestarts(initial, final, period, power, multiplier, decay, limit, kDecay))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter)
            .WithMessage($"*{parameter} must be*but was*");
}
