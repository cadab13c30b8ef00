using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

/// <summary>
/// OLMo-core's <c>PowerLR</c> (<c>src/olmo_core/optim/scheduler.py</c>). Every expected value up to
/// <c>t_max</c> is OLMo's own, computed by a transcription of <c>get_lr</c> and cross-checked bit for bit
/// (/work/notes/shapes.md, tables B, B2, B3, B4, B5): the assertions are exact. Past <c>t_max</c> the rate holds at
/// the final rate, where OLMo's tail would keep falling (its value at <c>t_max + 1</c> is noted in each test).
/// </summary>
public class PowerScheduleTests
{
    [Fact]
    public void Power_matches_OLMo_bit_for_bit_with_its_defaults()
    {
        // B: PowerLR(warmup=10, decay=20, decay_fraction=None), b = -0.51, initial_lr 0.01, t_max 100.
        var schedule = Schedule.Power(0.0, 0.01, 0.0, 10, 100, 20);
        ((PowerSchedule)schedule).Exponent.Should().Be(-0.51, "OLMo's default b");
        schedule.ShouldHaveRate(0, 0.0);
        schedule.ShouldHaveRate(1, 0.001);
        schedule.ShouldHaveRate(5, 0.005);
        schedule.ShouldHaveRate(9, 0.009);
        schedule.ShouldHaveRate(10, 0.01);
        schedule.ShouldHaveRate(11, 0.009525542752640195);
        schedule.ShouldHaveRate(50, 0.004400735815123716);
        schedule.ShouldHaveRate(79, 0.0034850593899604814);
        schedule.ShouldHaveRate(80, 0.0034627736702773117);
        schedule.ShouldHaveRate(81, 0.003289634986763446);
        schedule.ShouldHaveRate(90, 0.0017313868351386558);
        schedule.ShouldHaveRate(99, 0.00017313868351386558);
        schedule.ShouldHaveRate(100, 0.0);

        // OLMo: -0.00017313868351386558 at 101 and -173138683.4965517 at 10^12; held at the final rate here.
        schedule.ShouldHaveRate(101, 0.0);
        schedule.ShouldHaveRate(1_000_000_000_000, 0.0);
        schedule.ShouldHaveRate(long.MaxValue, 0.0);
    }

    [Fact]
    public void Power_matches_OLMo_with_floors_and_another_exponent()
    {
        // B2: b = -0.5, warmup_min_lr 0.001, decay_min_lr 0.0005; the end of the warmup is an ulp above the peak, as in OLMo.
        var schedule = Schedule.Power(0.001, 0.01, 0.0005, 10, 100, 20, exponent: -0.5);
        schedule.ShouldHaveRate(0, 0.001);
        schedule.ShouldHaveRate(1, 0.0019000000000000002);
        schedule.ShouldHaveRate(5, 0.0055000000000000005);
        schedule.ShouldHaveRate(9, 0.0091);
        schedule.ShouldHaveRate(10, 0.010000000000000002);
        schedule.ShouldHaveRate(11, 0.009534625892455923);
        schedule.ShouldHaveRate(50, 0.00447213595499958);
        schedule.ShouldHaveRate(79, 0.0035578403348241);
        schedule.ShouldHaveRate(80, 0.003535533905932738);
        schedule.ShouldHaveRate(81, 0.0033837572106361013);
        schedule.ShouldHaveRate(90, 0.002017766952966369);
        schedule.ShouldHaveRate(99, 0.0006517766952966369);
        schedule.ShouldHaveRate(100, 0.0005);

        // OLMo: 0.0003482233047033631 at 101.
        schedule.ShouldHaveRate(101, 0.0005);
    }

    [Fact]
    public void The_tail_starts_with_OLMos_tail_formula_not_the_power_law()
    {
        // b = -0.5, tail of 7: at t = T - D = 93 OLMo's _linear_decay gives 0 + (P_tail - 0) * 7 / 7 = 0.0032791291789197644,
        // an ulp below the power law there (0.01 * 9.3^-0.5 = 0.003279129178919765). Values from the transcription of get_lr.
        var schedule = Schedule.Power(0.0, 0.01, 0.0, 10, 100, 7, exponent: -0.5);
        schedule.ShouldHaveRate(11, 0.009534625892455923);
        schedule.ShouldHaveRate(92, 0.003296902366978935);
        schedule.ShouldHaveRate(93, 0.0032791291789197644);
        schedule.ShouldHaveRate(94, 0.0028106821533597985);
        schedule.ShouldHaveRate(99, 0.0004684470255599664);
        schedule.ShouldHaveRate(100, 0.0);
    }

    [Fact]
    public void Fractions_round_half_to_even_like_Pythons_round()
    {
        // B3: t_max 250, warmup_fraction 0.05 → 12.5 → 12 (half away from zero would give 13), decay_fraction 0.1 → 25.
        var b3 = Schedule.Power(0.0, 0.01, 0.0, 250, warmupFraction: 0.05);
        ((PowerSchedule)b3).WarmupSteps.Should().Be(12);
        ((PowerSchedule)b3).DecaySteps.Should().Be(25);
        b3.ShouldHaveRate(0, 0.0);
        b3.ShouldHaveRate(11, 0.009166666666666667);
        b3.ShouldHaveRate(12, 0.01);
        b3.ShouldHaveRate(13, 0.009600002050625034);
        b3.ShouldHaveRate(100, 0.003391426704128152);
        b3.ShouldHaveRate(224, 0.002247791093869509);
        b3.ShouldHaveRate(225, 0.0022426905405615568);
        b3.ShouldHaveRate(226, 0.0021529829189390944);
        b3.ShouldHaveRate(249, 8.970762162246227e-05);
        b3.ShouldHaveRate(250, 0.0);
        b3.ShouldHaveRate(251, 0.0);

        // B4: t_max 70 → warmup 3.5 → 4 (even), decay 7.
        var b4 = Schedule.Power(0.0, 0.01, 0.0, 70, 0.05);
        ((PowerSchedule)b4).WarmupSteps.Should().Be(4);
        b4.ShouldHaveRate(0, 0.0);
        b4.ShouldHaveRate(3, 0.0075);
        b4.ShouldHaveRate(4, 0.01);
        b4.ShouldHaveRate(5, 0.008924335595592385);
        b4.ShouldHaveRate(62, 0.0024713305277086883);
        b4.ShouldHaveRate(63, 0.0024512460980471956);
        b4.ShouldHaveRate(64, 0.002101068084040453);
        b4.ShouldHaveRate(69, 0.00035017801400674225);
        b4.ShouldHaveRate(70, 0.0);
        b4.ShouldHaveRate(71, 0.0);
    }

    [Theory]
    [InlineData(10, 0.25, 2)]
    [InlineData(10, 0.15, 2)]
    [InlineData(150, 0.07, 11)]
    [InlineData(90, 0.35, 31)]
    [InlineData(50, 0.55, 28)]
    public void A_fraction_rounds_the_double_product_as_Python_does(long totalSteps, double fraction, long expected)
    {
        // B5: round() sees the double product (150 * 0.07 = 10.500000000000002 → 11; 90 * 0.35 = 31.499999999999996 → 31).
        var schedule = (PowerSchedule)Schedule.Power(0.0, 1.0, 0.0, totalSteps, 0.0 + (1.0 / totalSteps), fraction);
        schedule.DecaySteps.Should().Be(expected);
    }

    [Fact]
    public void Keeps_the_contract()
    {
        ScheduleContract.Holds(Schedule.Power(0.0, 0.01, 0.0, 10, 100, 20), [9, 10, 11, 79, 80, 81, 99, 100, 101]);
        ScheduleContract.Holds(Schedule.Power(0.001, 0.01, 0.0005, 10, 100, 90, exponent: -2.0));
        ScheduleContract.Holds(Schedule.Power(0.0, 3e-4, 3e-5, 1_000_000_000_000, 0.01));
    }

    [Theory]
    [InlineData(-0.001, 0.01, 0.0, 10, 100, 20, -0.51, "initialLearningRate")]
    [InlineData(0.01, 0.01, 0.0, 10, 100, 20, -0.51, "initialLearningRate")]
    [InlineData(0.0, double.NaN, 0.0, 10, 100, 20, -0.51, "peakLearningRate")]
    [InlineData(0.0, 0.01, -1e-9, 10, 100, 20, -0.51, "finalLearningRate")]
    [InlineData(0.0, 0.01, 0.005, 10, 100, 20, -0.51, "finalLearningRate")]
    [InlineData(0.0, 0.01, 0.0, 0, 100, 20, -0.51, "warmupSteps")]
    [InlineData(0.0, 0.01, 0.0, 100, 100, 20, -0.51, "warmupSteps")]
    [InlineData(0.0, 0.01, 0.0, 10, 0, 20, -0.51, "totalSteps")]
    [InlineData(0.0, 0.01, 0.0, 10, 100, 0, -0.51, "decaySteps")]
    [InlineData(0.0, 0.01, 0.0, 10, 100, 91, -0.51, "decaySteps")]
    [InlineData(0.0, 0.01, 0.0, 10, 100, 20, 0.0, "exponent")]
    [InlineData(0.0, 0.01, 0.0, 10, 100, 20, 0.5, "exponent")]
    [InlineData(0.0, 0.01, 0.0, 10, 100, 20, double.NegativeInfinity, "exponent")]
    public void Rejects_what_OLMo_asserts_or_divides_by_zero_on(
        double initial, double peak, double final, long warmupSteps, long totalSteps, long decaySteps, double exponent, string parameter) =>
        FluentActions.Invoking(() => Schedule.Power(initial, peak, final, warmupSteps, totalSteps, decaySteps, exponent))
            .Should().Throw<ScheduleArgumentException>().WithParameterName(parameter)
            .WithMessage($"{parameter} must be *but was *");

    [Theory]
    [InlineData(0.001, 0.1, "warmupFraction")]
    [InlineData(-0.1, 0.1, "warmupFraction")]
    [InlineData(0.05, 0.0, "decayFraction")]
    [InlineData(0.5, 0.6, "decayFraction")]
    [InlineData(0.05, double.NaN, "decayFraction")]
    public void Rejects_fractions_that_round_to_no_step_or_overlap_naming_the_fraction(double warmupFraction, double decayFraction, string parameter) =>
        FluentActions.Invoking(() => Schedule.Power(0.0, 0.01, 0.0, 100, warmupFraction, decayFraction))
            .Should().Throw<ScheduleArgumentException>().WithParameterName(parameter)
            .Which.ActualValue.Should().Be(parameter == "warmupFraction" ? warmupFraction : decayFraction);

    [Theory]
    [InlineData(0.01, 0.01, 0.0, 10, 100, 20, -0.51, "< peakLearningRate (0.01)")]
    [InlineData(0.0, 0.01, 0.0, 0, 100, 20, -0.51, "a warmup of at least 1 step and less than totalSteps (100); it gives 0 steps")]
    [InlineData(0.0, 0.01, 0.0, 10, 100, 91, -0.51, "a tail of at least 1 step that leaves the warmup whole, at most totalSteps - warmup = 90 steps; it gives 91 steps")]
    [InlineData(0.0, 0.01, 0.0, 10, 100, 20, 0.5, "a finite number < 0")]
    public void Rejections_state_the_requirement_with_the_bound_worked_out(
        double initial, double peak, double final, long warmupSteps, long totalSteps, long decaySteps, double exponent, string requirement) =>
        FluentActions.Invoking(() => Schedule.Power(initial, peak, final, warmupSteps, totalSteps, decaySteps, exponent))
            .Should().Throw<ScheduleArgumentException>()
            .Which.Requirement.Should().Be(requirement);

    [Fact]
    public void A_final_rate_at_or_above_the_tail_start_is_rejected_naming_that_rate() =>
        // The tail starts at 0.01 · (80 / 10)^−0.51 ≈ 0.00346; 0.005 is above it.
        FluentActions.Invoking(() => Schedule.Power(0.0, 0.01, 0.005, 10, 100, 20))
            .Should().Throw<ScheduleArgumentException>()
            .Which.Requirement.Should().StartWith("< the rate where the tail starts, peakLearningRate * ((totalSteps - decay) / warmup)^exponent = 0.0034");

    [Theory]
    [InlineData(0L)]
    [InlineData(-100L)]
    public void Both_parameterizations_report_the_same_first_problem_of_several(long totalSteps)
    {
        // Initial rate above the peak and no steps: the step-count and the fraction overloads check in one order
        // (CreatePower), so both name the initial rate.
        FluentActions.Invoking(() => Schedule.Power(0.02, 0.01, 0.0, 10, totalSteps, 20))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("initialLearningRate");
        FluentActions.Invoking(() => Schedule.Power(0.02, 0.01, 0.0, totalSteps, 0.1, 0.2))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("initialLearningRate");
    }

    [Theory]
    [InlineData(0, 0.1, 0.1, "totalSteps", "> 0")]
    [InlineData(100, -0.1, 0.1, "warmupFraction", "in [0, 1]")]
    [InlineData(100, 0.05, 1.5, "decayFraction", "in [0, 1]")]
    [InlineData(100, 0.001, 0.1, "warmupFraction", "a warmup of at least 1 step and less than totalSteps (100); it gives 0 steps")]
    public void Fraction_rejections_check_the_range_before_the_rounding(long totalSteps, double warmupFraction, double decayFraction, string parameter, string requirement) =>
        FluentActions.Invoking(() => Schedule.Power(0.0, 0.01, 0.0, totalSteps, warmupFraction, decayFraction))
            .Should().Throw<ScheduleArgumentException>().WithParameterName(parameter)
            .Which.Requirement.Should().Be(requirement);

    [Fact]
    public void A_final_rate_equal_to_the_tail_start_is_rejected_and_one_just_below_accepted()
    {
        // P_tail = 1 · ((20 − 4) / 4)^−0.5 = 4^−0.5 = 0.5 exactly: the tail must fall, so F = 0.5 is rejected.
        var rejection = FluentActions.Invoking(() => Schedule.Power(0.0, 1.0, 0.5, 4, 20, 4, exponent: -0.5))
            .Should().Throw<ScheduleArgumentException>().Which;
        rejection.ParamName.Should().Be("finalLearningRate");
        rejection.ActualValue.Should().Be(0.5);

        var below = Schedule.Power(0.0, 1.0, 0.25, 4, 20, 4, exponent: -0.5);
        below.ShouldHaveRate(16, 0.5);
        below.ShouldHaveRate(18, 0.25 + ((0.5 - 0.25) * 2 / 4));
        below.ShouldHaveRate(20, 0.25);
    }

    [Fact]
    public void A_one_step_tail_is_accepted_and_falls_from_the_power_law_to_the_final_rate_in_one_step()
    {
        // decay = 1: the power law runs to T − 1 = 19, where P_tail = ((20 − 1) / 4)^−0.5; F from T = 20 on.
        var schedule = Schedule.Power(0.0, 1.0, 0.0, 4, 20, 1, exponent: -0.5);

        schedule.ShouldHaveRate(2, 0.5);
        schedule.ShouldHaveRate(4, 1.0);
        schedule.ShouldHaveRate(16, 0.5);
        schedule.ShouldHaveRate(19, Math.Pow(19.0 / 4.0, -0.5));
        schedule.ShouldHaveRate(20, 0.0);
        schedule.ShouldHaveRate(long.MaxValue, 0.0);
    }
}
