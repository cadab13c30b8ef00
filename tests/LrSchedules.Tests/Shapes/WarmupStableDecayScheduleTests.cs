using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class WarmupStableDecayScheduleTests
{
    // Hugging Face get_wsd_schedule(num_warmup_steps=10, num_decay_steps=20, num_stable_steps=50, min_lr_ratio=0.1,
    // decay_type="linear") on base_lr 0.1: warmup 0..9, stable 10..59, decay 60..79, floor from 80.
    private readonly WarmupStableDecaySchedule _linear = (WarmupStableDecaySchedule)Schedule.WarmupStableDecay(0.1, 10, 50, 20, Curve.Linear, 0.1);

    // The same with the defaults: cosine decay, min_lr_ratio 0.
    private readonly WarmupStableDecaySchedule _cosine = (WarmupStableDecaySchedule)Schedule.WarmupStableDecay(0.1, 10, 50, 20);

    /// <summary>The lambda's lift by the ratio: <c>factor * (1.0 - min_lr_ratio) + min_lr_ratio</c>, times the base rate.</summary>
    private static double Lifted(double peak, double factor, double ratio) => peak * Math.Max(0.0, (factor * (1.0 - ratio)) + ratio);

    [Fact]
    public void WarmupStableDecay_stays_finite_when_the_cosine_angle_overflows() =>
        ScheduleContract.IsFiniteAndNonNegative(
            Schedule.WarmupStableDecay(0.1, 0, 0, 1_000_000, Curve.Cosine, cycles: 1e308),
            ScheduleContract.ProbeSteps);

    [Fact]
    public void WarmupStableDecay_warms_up_from_the_floor_not_from_zero()
    {
        _linear.ShouldHaveRate(0, 0.1 * 0.1);
        _linear.ShouldHaveRate(1, Lifted(0.1, 1.0 / 10, 0.1));
        _linear.ShouldHaveRate(9, Lifted(0.1, 9.0 / 10, 0.1));
        _cosine.ShouldHaveRate(0, 0.0);
        _cosine.ShouldHaveRate(9, 0.1 * (9.0 / 10));
    }

    [Fact]
    public void WarmupStableDecay_holds_the_peak_through_the_stable_phase()
    {
        _linear.ShouldHaveRate(10, 0.1);
        _linear.ShouldHaveRate(11, 0.1);
        _linear.ShouldHaveRate(59, 0.1);
    }

    [Fact]
    public void WarmupStableDecay_decays_then_holds_the_floor_for_ever()
    {
        _linear.ShouldHaveRate(60, Lifted(0.1, 1.0, 0.1));
        _linear.ShouldHaveRate(61, Lifted(0.1, 1.0 - (1.0 / 20), 0.1));
        _linear.ShouldHaveRate(79, Lifted(0.1, 1.0 - (19.0 / 20), 0.1));
        _linear.ShouldHaveRate(80, 0.1 * 0.1);
        _linear.ShouldHaveRate(81, 0.1 * 0.1);
        _linear.ShouldHaveRate(long.MaxValue, 0.1 * 0.1);

        _cosine.ShouldHaveRate(60, 0.1 * (0.5 * (1.0 + Math.Cos(Math.PI * 0.5 * 2.0 * 0.0))));
        _cosine.ShouldHaveRate(70, 0.1 * (0.5 * (1.0 + Math.Cos(Math.PI * 0.5 * 2.0 * (10.0 / 20)))));
        _cosine.ShouldHaveRate(79, 0.1 * (0.5 * (1.0 + Math.Cos(Math.PI * 0.5 * 2.0 * (19.0 / 20)))));
        _cosine.ShouldHaveRate(80, 0.0);
        _cosine.ShouldHaveRate(long.MaxValue, 0.0);
    }

    [Fact]
    public void WarmupStableDecay_follows_the_other_ramp_shapes()
    {
        var schedule = Schedule.WarmupStableDecay(1.0, 10, 0, 10, Curve.OneMinusSquareRoot, 0.2, Curve.Cosine);
        schedule.ShouldHaveRate(3, Lifted(1.0, 0.5 * (1.0 - Math.Cos(Math.PI * (3.0 / 10))), 0.2));
        schedule.ShouldHaveRate(10, Lifted(1.0, 1.0 - Math.Sqrt(0.0), 0.2));
        schedule.ShouldHaveRate(14, Lifted(1.0, 1.0 - Math.Sqrt(4.0 / 10), 0.2));
        schedule.ShouldHaveRate(20, 0.2);

        var sqrtWarmup = Schedule.WarmupStableDecay(1.0, 10, 5, 10, warmupCurve: Curve.OneMinusSquareRoot);
        sqrtWarmup.ShouldHaveRate(3, 1.0 - Math.Sqrt(1.0 - (3.0 / 10)));
    }

    [Fact]
    public void WarmupStableDecay_jumps_to_the_floor_when_the_cosine_does_not_end_there()
    {
        // num_cycles = 1: a full wave back up to the peak; the lambda returns min_lr_ratio once the decay is over.
        var schedule = Schedule.WarmupStableDecay(1.0, 0, 0, 10, Curve.Cosine, 0.0, cycles: 1.0);
        schedule.ShouldHaveRate(5, 0.5 * (1.0 + Math.Cos(Math.PI * 1.0 * 2.0 * 0.5)));
        schedule.ShouldHaveRate(9, 0.5 * (1.0 + Math.Cos(Math.PI * 1.0 * 2.0 * 0.9)));
        schedule.ShouldHaveRate(10, 0.0);
    }

    [Fact]
    public void WarmupStableDecay_without_warmup_or_stable_phase_starts_with_the_decay()
    {
        var schedule = Schedule.WarmupStableDecay(0.5, 0, 0, 4, Curve.Linear);
        schedule.ShouldHaveRate(0, 0.5);
        schedule.ShouldHaveRate(1, 0.5 * 0.75);
        schedule.ShouldHaveRate(4, 0.0);
    }

    [Fact]
    public void WarmupStableDecay_is_continuous_between_steps()
    {
        _linear.GetLearningRate(4.5).Should().Be(Lifted(0.1, 4.5 / 10, 0.1));
        _linear.GetLearningRate(59.5).Should().Be(0.1);
        _linear.GetLearningRate(70.5).Should().Be(Lifted(0.1, 1.0 - (10.5 / 20), 0.1));
        _linear.GetLearningRate(79.999).Should().BeApproximately(0.01, 1e-5);
    }

    [Fact]
    public void WarmupStableDecay_exposes_its_parameters()
    {
        var schedule = (WarmupStableDecaySchedule)Schedule.WarmupStableDecay(0.1, 10, 50, 20, Curve.OneMinusSquareRoot, 0.1, Curve.Cosine, 1.5);
        schedule.PeakLearningRate.Should().Be(0.1);
        schedule.WarmupSteps.Should().Be(10);
        schedule.StableSteps.Should().Be(50);
        schedule.DecaySteps.Should().Be(20);
        schedule.DecayCurve.Should().Be(Curve.OneMinusSquareRoot);
        schedule.FinalRatio.Should().Be(0.1);
        schedule.WarmupCurve.Should().Be(Curve.Cosine);
        schedule.Cycles.Should().Be(1.5);
        schedule.TotalSteps.Should().Be(80);
    }

    [Fact]
    public void WarmupStableDecay_stays_in_range_for_any_finite_position()
    {
        foreach (LearningRateSchedule schedule in new LearningRateSchedule[]
                 {
                     _linear,
                     _cosine,
                     Schedule.WarmupStableDecay(0.1, long.MaxValue / 2, 0, long.MaxValue / 2, Curve.OneMinusSquareRoot, 0.5, Curve.OneMinusSquareRoot),
                 })
        {
            foreach (double position in new[] { 0.0, 1e-300, 0.7, 1e15, 1e19, 1e200, 1e308, double.MaxValue })
            {
                schedule.GetLearningRate(position).Should().BeInRange(0.0, 0.1, $"at {position}");
            }
        }
    }

    [Fact]
    public void WarmupStableDecay_keeps_the_contract()
    {
        ScheduleContract.Holds(_linear, [9, 10, 59, 60, 79, 80, 81]);
        ScheduleContract.Holds(_cosine);
        ScheduleContract.Holds(Schedule.WarmupStableDecay(1.0, 10, 0, 10, Curve.OneMinusSquareRoot, 0.2, Curve.OneMinusSquareRoot));
        ScheduleContract.Holds(Schedule.WarmupStableDecay(1.0, long.MaxValue / 2, 0, long.MaxValue / 2, Curve.Cosine, 1.0, Curve.Cosine, 3.0));
    }

    [Fact]
    public void WarmupStableDecay_holds_the_floor_at_the_end_when_the_decay_is_shorter_than_the_spacing_of_doubles()
    {
        // W + S = long.MaxValue − 1 and W + S + D = long.MaxValue are both 2^63 as doubles; from W + S + D on the rate is
        // peak · r, held for ever.
        var schedule = Schedule.WarmupStableDecay(1.0, 1, long.MaxValue - 2, 1, Curve.Linear, 0.5);
        schedule.ShouldHaveRate(1L << 62, 1.0);
        schedule.ShouldHaveRate(long.MaxValue, 0.5);
    }

    [Fact]
    public void WarmupStableDecay_accepts_phases_that_sum_to_long_MaxValue() =>
        ((WarmupStableDecaySchedule)Schedule.WarmupStableDecay(1.0, 1, long.MaxValue - 2, 1)).TotalSteps.Should().Be(long.MaxValue);

    [Theory]
    [InlineData(-0.1, 10, 50, 20, Curve.Cosine, 0.0, Curve.Linear, 0.5, "peakLearningRate")]
    [InlineData(double.NaN, 10, 50, 20, Curve.Cosine, 0.0, Curve.Linear, 0.5, "peakLearningRate")]
    [InlineData(double.PositiveInfinity, 10, 50, 20, Curve.Cosine, 0.0, Curve.Linear, 0.5, "peakLearningRate")]
    [InlineData(0.1, -1, 50, 20, Curve.Cosine, 0.0, Curve.Linear, 0.5, "warmupSteps")]
    [InlineData(0.1, 10, -1, 20, Curve.Cosine, 0.0, Curve.Linear, 0.5, "stableSteps")]
    [InlineData(0.1, 10, long.MaxValue - 20, 20, Curve.Cosine, 0.0, Curve.Linear, 0.5, "stableSteps")]
    [InlineData(0.1, 10, 50, 0, Curve.Cosine, 0.0, Curve.Linear, 0.5, "decaySteps")]
    [InlineData(0.1, 10, 50, -20, Curve.Cosine, 0.0, Curve.Linear, 0.5, "decaySteps")]
    [InlineData(0.1, 10, 50, 20, (Curve)9, 0.0, Curve.Linear, 0.5, "decayCurve")]
    [InlineData(0.1, 10, 50, 20, Curve.Cosine, -0.1, Curve.Linear, 0.5, "finalRatio")]
    [InlineData(0.1, 10, 50, 20, Curve.Cosine, 1.1, Curve.Linear, 0.5, "finalRatio")]
    [InlineData(0.1, 10, 50, 20, Curve.Cosine, double.NaN, Curve.Linear, 0.5, "finalRatio")]
    [InlineData(0.1, 10, 50, 20, Curve.Cosine, 0.0, (Curve)(-1), 0.5, "warmupCurve")]
    [InlineData(0.1, 10, 50, 20, Curve.Cosine, 0.0, Curve.Linear, 0.0, "cycles")]
    [InlineData(0.1, 10, 50, 20, Curve.Cosine, 0.0, Curve.Linear, -0.5, "cycles")]
    [InlineData(0.1, 10, 50, 20, Curve.Cosine, 0.0, Curve.Linear, double.NaN, "cycles")]
    [InlineData(0.1, 10, 50, 20, Curve.Cosine, 0.0, Curve.Linear, double.PositiveInfinity, "cycles")]
    public void WarmupStableDecay_rejects_bad_input(
        double peak, long warmup, long stable, long decay, Curve decayShape, double ratio, Curve warmupShape, double cycles, string parameter) =>
        FluentActions.Invoking(() => Schedule.WarmupStableDecay(peak, warmup, stable, decay, decayShape, ratio, warmupShape, cycles))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter)
            .WithMessage($"*{parameter} must be*but was*");

    [Fact]
    public void WarmupStableDecay_rejects_phases_past_long_MaxValue_saying_so() =>
        FluentActions.Invoking(() => Schedule.WarmupStableDecay(1.0, 1, long.MaxValue - 1, 1))
            .Should().Throw<ScheduleArgumentException>()
            .Which.Requirement.Should().Be("small enough that warmupSteps + stableSteps + decaySteps <= long.MaxValue");
}
