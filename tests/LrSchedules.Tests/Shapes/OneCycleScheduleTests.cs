using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class OneCycleScheduleTests
{
    // PyTorch OneCycleLR(max_lr=0.1, total_steps=100) with its defaults: pct_start 0.3, 'cos', div 25, final_div 1e4.
    private readonly OneCycleSchedule _schedule = (OneCycleSchedule)Schedule.OneCycle(0.1, 100);

    // PyTorch: "end_step": float(pct_start * self.total_steps) - 1 — 0.3 * 100 is 30.000000000000004 in doubles.
    private static readonly double FirstEnd = (0.3 * 100) - 1;

    // PyTorch: group["initial_lr"] = max_lrs[idx] / div_factor; group["min_lr"] = group["initial_lr"] / final_div_factor.
    private static readonly double Initial = 0.1 / 25;
    private static readonly double Min = Initial / 1e4;

    /// <summary>PyTorch's <c>_annealing_cos</c>: <c>end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)</c>.</summary>
    private static double Cos(double start, double end, double pct) => end + ((start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1));

    /// <summary>PyTorch's <c>_annealing_linear</c>: <c>(end - start) * pct + start</c>.</summary>
    private static double Linear(double start, double end, double pct) => ((end - start) * pct) + start;

    [Fact]
    public void OneCycle_starts_at_peak_over_the_initial_divisor()
    {
        // PyTorch's cosine at pct 0 is 0.1 + (0.004 - 0.1) / 2.0 * 2 = 0.0040000000000000036, not 0.004.
        _schedule.ShouldHaveRate(0, Cos(Initial, 0.1, 0.0));
        _schedule.GetLearningRate(0).Should().BeApproximately(Initial, 1e-17);
        _schedule.InitialLearningRate.Should().Be(Initial);
        _schedule.FinalLearningRate.Should().Be(Min);
    }

    [Fact]
    public void OneCycle_rises_to_the_peak_at_the_first_phase_end()
    {
        _schedule.ShouldHaveRate(1, Cos(Initial, 0.1, 1 / FirstEnd));
        _schedule.ShouldHaveRate(28, Cos(Initial, 0.1, 28 / FirstEnd));
        _schedule.ShouldHaveRate(29, Cos(Initial, 0.1, 29 / FirstEnd));
        _schedule.GetLearningRate(29).Should().BeApproximately(0.1, 1e-15);
    }

    [Fact]
    public void OneCycle_anneals_to_the_final_rate_at_total_steps_minus_one_and_holds_it()
    {
        _schedule.ShouldHaveRate(30, Cos(0.1, Min, (30 - FirstEnd) / (99 - FirstEnd)));
        _schedule.ShouldHaveRate(98, Cos(0.1, Min, (98 - FirstEnd) / (99 - FirstEnd)));
        _schedule.ShouldHaveRate(99, Min);
        _schedule.ShouldHaveRate(100, Min);
        _schedule.ShouldHaveRate(101, Min);
        _schedule.ShouldHaveRate(long.MaxValue, Min);
    }

    [Fact]
    public void OneCycle_three_phase_goes_back_to_the_initial_rate_before_the_final_anneal()
    {
        // OneCycleLR(max_lr=0.1, total_steps=100, pct_start=0.25, anneal_strategy='linear', div_factor=10,
        // final_div_factor=100, three_phase=True): phases end at 24, 48 and 99.
        var schedule = Schedule.OneCycle(0.1, 100, 0.25, Curve.Linear, 10.0, 100.0, threePhase: true);
        double initial = 0.1 / 10, min = initial / 100;
        schedule.ShouldHaveRate(0, initial);
        schedule.ShouldHaveRate(23, Linear(initial, 0.1, 23.0 / 24));
        schedule.ShouldHaveRate(24, Linear(initial, 0.1, 1.0));
        schedule.ShouldHaveRate(25, Linear(0.1, initial, 1.0 / 24));
        schedule.ShouldHaveRate(48, Linear(0.1, initial, 1.0));
        schedule.ShouldHaveRate(49, Linear(initial, min, 1.0 / 51));
        schedule.ShouldHaveRate(99, Linear(initial, min, 1.0));
        schedule.ShouldHaveRate(100, Linear(initial, min, 1.0));
        schedule.ShouldHaveRate(long.MaxValue, Linear(initial, min, 1.0));
    }

    [Fact]
    public void OneCycle_takes_a_zero_length_first_phase_as_complete_where_PyTorch_divides_by_zero()
    {
        // total_steps=10, pct_start=0.1: the first phase ends at 0.0, and PyTorch computes 0 / 0 at step 0.
        var schedule = Schedule.OneCycle(1.0, 10, 0.1);
        schedule.ShouldHaveRate(0, 1.0);
        schedule.ShouldHaveRate(1, Cos(1.0, 1.0 / 25 / 1e4, 1.0 / 9));
        schedule.GetLearningRate(1e-9).Should().BeApproximately(1.0, 1e-15);
    }

    [Fact]
    public void OneCycle_skips_the_first_phase_when_it_ends_before_step_zero()
    {
        // pct_start = 0: the first phase ends at -1 and step 0 is already 1 / total_steps into the anneal.
        var schedule = Schedule.OneCycle(1.0, 10, 0.0);
        schedule.ShouldHaveRate(0, Cos(1.0, 1.0 / 25 / 1e4, 1.0 / 10));
        schedule.ShouldHaveRate(9, 1.0 / 25 / 1e4);
    }

    [Fact]
    public void OneCycle_of_one_step_is_the_final_rate()
    {
        Schedule.OneCycle(1.0, 1).ShouldHaveRate(0, 1.0 / 25 / 1e4);
        Schedule.OneCycle(1.0, 1).ShouldHaveRate(long.MaxValue, 1.0 / 25 / 1e4);
        Schedule.OneCycle(1.0, 1, 1.0).ShouldHaveRate(0, 1.0);
    }

    [Fact]
    public void OneCycle_three_phase_with_a_long_warmup_is_still_in_its_second_phase_at_the_end()
    {
        // pct_start 0.75 of 100: phases end at 74, 148 and 99; PyTorch picks the first phase whose end is >= the step.
        var schedule = Schedule.OneCycle(1.0, 100, 0.75, Curve.Linear, threePhase: true);
        double secondEnd = (2 * 0.75 * 100) - 2;
        schedule.ShouldHaveRate(98, Linear(1.0, 1.0 / 25, (98 - 74.0) / (secondEnd - 74.0)));
        schedule.ShouldHaveRate(99, Linear(1.0, 1.0 / 25, (99 - 74.0) / (secondEnd - 74.0)));
        schedule.ShouldHaveRate(500, Linear(1.0, 1.0 / 25, (99 - 74.0) / (secondEnd - 74.0)));
    }

    [Fact]
    public void OneCycle_is_continuous_between_steps()
    {
        _schedule.GetLearningRate(10.5).Should().Be(Cos(Initial, 0.1, 10.5 / FirstEnd));
        _schedule.GetLearningRate(98.5).Should().Be(Cos(0.1, Min, (98.5 - FirstEnd) / (99 - FirstEnd)));
        _schedule.GetLearningRate(99.5).Should().Be(Min);
    }

    [Fact]
    public void OneCycle_exposes_its_parameters()
    {
        var schedule = (OneCycleSchedule)Schedule.OneCycle(0.1, 100, 0.25, Curve.Linear, 10.0, 100.0, true);
        schedule.PeakLearningRate.Should().Be(0.1);
        schedule.TotalSteps.Should().Be(100);
        schedule.WarmupFraction.Should().Be(0.25);
        schedule.Curve.Should().Be(Curve.Linear);
        schedule.InitialDivisor.Should().Be(10.0);
        schedule.FinalDivisor.Should().Be(100.0);
        schedule.ThreePhase.Should().BeTrue();
    }

    [Fact]
    public void OneCycle_stays_in_range_for_any_finite_position()
    {
        foreach (LearningRateSchedule schedule in new LearningRateSchedule[]
                 {
                     _schedule,
                     Schedule.OneCycle(0.1, long.MaxValue, 0.5, Curve.Linear, threePhase: true),
                 })
        {
            foreach (double position in new[] { 0.0, 1e-300, 0.7, 1e15, 1e19, 1e200, 1e308, double.MaxValue })
            {
                schedule.GetLearningRate(position).Should().BeInRange(0.0, 0.1, $"at {position}");
            }
        }
    }

    [Fact]
    public void OneCycle_keeps_the_contract()
    {
        ScheduleContract.Holds(_schedule, [28, 29, 30, 98, 99, 100]);
        ScheduleContract.Holds(Schedule.OneCycle(0.1, 100, 0.25, Curve.Linear, 10.0, 100.0, true), [23, 24, 25, 47, 48, 49]);
        ScheduleContract.Holds(Schedule.OneCycle(0.1, 10, 0.1));
        ScheduleContract.Holds(Schedule.OneCycle(0.1, long.MaxValue, 0.5, Curve.Linear, threePhase: true));
    }

    [Theory]
    [InlineData(-0.1, 100, 0.3, Curve.Cosine, 25.0, 1e4, "peakLearningRate")]
    [InlineData(double.NaN, 100, 0.3, Curve.Cosine, 25.0, 1e4, "peakLearningRate")]
    [InlineData(double.PositiveInfinity, 100, 0.3, Curve.Cosine, 25.0, 1e4, "peakLearningRate")]
    [InlineData(0.1, 0, 0.3, Curve.Cosine, 25.0, 1e4, "totalSteps")]
    [InlineData(0.1, -100, 0.3, Curve.Cosine, 25.0, 1e4, "totalSteps")]
    [InlineData(0.1, 100, -0.1, Curve.Cosine, 25.0, 1e4, "warmupFraction")]
    [InlineData(0.1, 100, 1.1, Curve.Cosine, 25.0, 1e4, "warmupFraction")]
    [InlineData(0.1, 100, double.NaN, Curve.Cosine, 25.0, 1e4, "warmupFraction")]
    [InlineData(0.1, 100, 0.3, Curve.OneMinusSquareRoot, 25.0, 1e4, "curve")]
    [InlineData(0.1, 100, 0.3, (Curve)7, 25.0, 1e4, "curve")]
    [InlineData(0.1, 100, 0.3, Curve.Cosine, 0.0, 1e4, "initialDivisor")]
    [InlineData(0.1, 100, 0.3, Curve.Cosine, -25.0, 1e4, "initialDivisor")]
    [InlineData(0.1, 100, 0.3, Curve.Cosine, double.NaN, 1e4, "initialDivisor")]
    [InlineData(0.1, 100, 0.3, Curve.Cosine, double.PositiveInfinity, 1e4, "initialDivisor")]
    [InlineData(1e300, 100, 0.3, Curve.Cosine, 1e-10, 1e4, "initialDivisor")]
    [InlineData(0.1, 100, 0.3, Curve.Cosine, 25.0, 0.0, "finalDivisor")]
    [InlineData(0.1, 100, 0.3, Curve.Cosine, 25.0, double.NaN, "finalDivisor")]
    [InlineData(0.1, 100, 0.3, Curve.Cosine, 25.0, -1e4, "finalDivisor")]
    [InlineData(0.1, 100, 0.3, Curve.Cosine, 25.0, double.PositiveInfinity, "finalDivisor")]
    [InlineData(1.0, 100, 0.3, Curve.Cosine, 1.0, 1e-310, "finalDivisor")]
    public void OneCycle_rejects_bad_input(
        double peak, long totalSteps, double fraction, Curve curve, double initialDivisor, double finalDivisor, string parameter) =>
        FluentActions.Invoking(() => Schedule.OneCycle(peak, totalSteps, fraction, curve, initialDivisor, finalDivisor))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter)
            .WithMessage($"*{parameter} must be*but was*");

    [Fact]
    public void OneCycle_divisor_rejections_say_which_division_overflowed()
    {
        FluentActions.Invoking(() => Schedule.OneCycle(1e300, 100, 0.3, Curve.Cosine, 1e-10, 1e4))
            .Should().Throw<ScheduleArgumentException>()
            .Which.Requirement.Should().Be("large enough that peakLearningRate / initialDivisor is finite");
        FluentActions.Invoking(() => Schedule.OneCycle(1.0, 100, 0.3, Curve.Cosine, 1.0, 1e-310))
            .Should().Throw<ScheduleArgumentException>()
            .Which.Requirement.Should().Be("large enough that peakLearningRate / initialDivisor / finalDivisor is finite");
    }

    [Fact]
    public void OneCycle_rejects_a_final_divisor_of_zero_as_not_positive_before_dividing_by_it()
    {
        var rejection = FluentActions.Invoking(() => Schedule.OneCycle(0.1, 100, finalDivisor: 0.0))
            .Should().Throw<ScheduleArgumentException>().Which;
        rejection.ParamName.Should().Be("finalDivisor");
        rejection.ActualValue.Should().Be(0.0);
        rejection.Requirement.Should().Be("a finite number > 0");
    }
}
