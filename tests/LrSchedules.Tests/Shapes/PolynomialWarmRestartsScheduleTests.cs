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
    public void PolynomialWarmRestarts_applies_k_decay_to_position_and_length_separately()
    {
        // timm's t ** k / T ** k: 1 - 8^2 / 10^2 = 0.36, where 1 - (8 / 10)^2 would give 0.3599999999999999 (python3).
        var schedule = Schedule.PolynomialWarmRestarts(1.0, 0.0, 10, 1.0, cycleLimit: null, kDecay: 2.0);
        schedule.ShouldHaveRate(8, Timm(1.0, 0.0, 8, 10, 1.0, 2.0));
        schedule.ShouldHaveRate(18, Timm(1.0, 0.0, 8, 10, 1.0, 2.0));
        schedule.ShouldHaveRate(8, 0.36);
    }

    [Fact]
    public void PolynomialWarmRestarts_with_equal_cycles_finds_the_cycle_of_a_step_past_2_to_the_53()
    {
        // Equal cycles (m = 1), peaks decaying by 0.99 so that the cycle shows. Step 60749157277898184 = 17 · P − 4 for
        // P = 3573479839876364: timm's t // t_initial = 16 and t_curr = P − 4 (Python integers), though the double quotient
        // step / P rounds up to 17. lr = 0.99^16 · (1 − (P − 4) / P) = 9.453080219655469e-16 (python3).
        const long period = 3_573_479_839_876_364;
        var schedule = Schedule.PolynomialWarmRestarts(1.0, 0.0, period, 1.0, restartDecay: 0.99, cycleLimit: null);
        (60_749_157_277_898_184.0 / period).Should().Be(17.0, "the quotient rounds up to the next cycle");
        schedule.ShouldHaveRate(60_749_157_277_898_184, Math.Pow(0.99, 16) * (1.0 - ((period - 4.0) / period)));
        schedule.ShouldHaveRate(60_749_157_277_898_184, 9.453080219655469e-16);

        // Past 2^53 a start is the double P · i (documented): for P = 3009037071469939 the double 484.0 · P is the step
        // 1456373942591450368 (108 below the integer 484 · P), so that step restarts cycle 484 at its peak 0.99^484, though
        // the quotient step / P rounds down to 483.
        const long other = 3_009_037_071_469_939;
        (484.0 * other).Should().Be(1_456_373_942_591_450_368.0);
        Math.Floor(1_456_373_942_591_450_368.0 / other).Should().Be(483.0);
        Schedule.PolynomialWarmRestarts(1.0, 0.0, other, 1.0, restartDecay: 0.99, cycleLimit: null)
            .ShouldHaveRate(1_456_373_942_591_450_368, Math.Pow(0.99, 484));
    }

    [Fact]
    public void PolynomialWarmRestarts_ends_a_cycle_at_the_final_rate_where_rounding_makes_the_position_longer_than_the_cycle()
    {
        // m = 1.1, P = 1: timm's starts S_2 = 2.1 and S_3 = 3.310000000000001. The last double before S_3 is in cycle 2 and
        // lies S_3⁻ − S_2 = 1.2100000000000004 into it, more than its length 1.1^2 = 1.2100000000000002 (python3). The
        // progress is capped at 1, so the rate is lr_min (timm's (1 − t / T) ** 0.5 of a negative number is complex).
        double s2 = (1.0 - Math.Pow(1.1, 2)) / (1.0 - 1.1);
        double s3 = (1.0 - Math.Pow(1.1, 3)) / (1.0 - 1.1);
        double position = Math.BitDecrement(s3);
        (position - s2).Should().BeGreaterThan(Math.Pow(1.1, 2));
        var schedule = Schedule.PolynomialWarmRestarts(0.1, 0.001, 1, 0.5, 1.1, cycleLimit: null);
        schedule.GetLearningRate(position).Should().Be(0.001);
        schedule.GetLearningRate(s3).Should().Be(0.1);
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
