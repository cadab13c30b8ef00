using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

/// <summary>
/// Megatron-LM's warmup–stable–decay (<c>megatron/core/optimizer_param_scheduler.py</c>, <c>get_lr</c> with
/// <c>lr_decay_style = "WSD"</c>). Every expected value is Megatron's own, computed by a transcription of
/// <c>get_lr</c> and cross-checked bit for bit (/work/notes/shapes.md, tables A, A2, A4, A5): the assertions are exact.
/// </summary>
public class MegatronWarmupStableDecayScheduleTests
{
    // Set A: init_lr 1e-05, max_lr 0.003, min_lr 0.0003, lr_warmup_steps 10, lr_decay_steps 100, wsd_decay_steps 20.
    private static LearningRateSchedule SetA(Curve curve) => Schedule.WarmupStableDecay(1e-05, 0.003, 0.0003, 10, 100, 20, curve);

    [Fact]
    public void Exponential_anneal_matches_Megatron_bit_for_bit()
    {
        var schedule = Schedule.WarmupStableDecay(1e-05, 0.003, 0.0003, 10, 100, 20);
        ((MegatronWarmupStableDecaySchedule)schedule).DecayCurve.Should().Be(Curve.Exponential, "Megatron's configuration default");
        schedule.ShouldHaveRate(0, 1e-05);
        schedule.ShouldHaveRate(1, 0.00030900000000000003);
        schedule.ShouldHaveRate(5, 0.001505);
        schedule.ShouldHaveRate(9, 0.002701);
        schedule.ShouldHaveRate(10, 0.003);
        schedule.ShouldHaveRate(11, 0.003);
        schedule.ShouldHaveRate(50, 0.003);
        schedule.ShouldHaveRate(79, 0.003);
        schedule.ShouldHaveRate(80, 0.003);
        schedule.ShouldHaveRate(81, 0.0028160561761941664);
        schedule.ShouldHaveRate(85, 0.0021408406423700584);
        schedule.ShouldHaveRate(90, 0.0014183766184073568);
        schedule.ShouldHaveRate(95, 0.0008108592105073467);
        schedule.ShouldHaveRate(99, 0.00039521529437171947);
        schedule.ShouldHaveRate(100, 0.0003);
        schedule.ShouldHaveRate(101, 0.0003);
        schedule.ShouldHaveRate(1_000_000_000_000, 0.0003);
        schedule.ShouldHaveRate(long.MaxValue, 0.0003);
    }

    [Theory]
    [InlineData(Curve.Linear, 0.002865, 0.002325, 0.00165, 0.000975, 0.0004350000000000001)]
    [InlineData(Curve.Cosine, 0.002983379259803436, 0.002604594154601839, 0.00165, 0.0006954058453981609, 0.00031662074019656413)]
    [InlineData(Curve.OneMinusSquareRoot, 0.002396261646075057, 0.00165, 0.0010908116907963215, 0.0006617314097820158, 0.0003683655269015799)]
    public void The_other_anneal_curves_match_Megatron_bit_for_bit(Curve curve, double at81, double at85, double at90, double at95, double at99)
    {
        var schedule = SetA(curve);
        schedule.ShouldHaveRate(80, 0.003);
        schedule.ShouldHaveRate(81, at81);
        schedule.ShouldHaveRate(85, at85);
        schedule.ShouldHaveRate(90, at90);
        schedule.ShouldHaveRate(95, at95);
        schedule.ShouldHaveRate(99, at99);
        schedule.ShouldHaveRate(100, 0.0003);
        schedule.ShouldHaveRate(101, 0.0003);
    }

    [Fact]
    public void Without_warmup_the_anneal_is_the_coefficient_two_halves_to_the_r_minus_one()
    {
        // Set A2: init 0, max 1, min 0, no warmup, lr_decay_steps 8, wsd_decay_steps 4: the rate is 2 · 0.5^r − 1 itself.
        var schedule = Schedule.WarmupStableDecay(0.0, 1.0, 0.0, 0, 8, 4, Curve.Exponential);
        schedule.ShouldHaveRate(0, 1.0);
        schedule.ShouldHaveRate(3, 1.0);
        schedule.ShouldHaveRate(4, 1.0);
        schedule.ShouldHaveRate(5, 0.681792830507429);
        schedule.ShouldHaveRate(6, 0.41421356237309515);
        schedule.ShouldHaveRate(7, 0.18920711500272103);
        schedule.ShouldHaveRate(8, 0.0);
        schedule.ShouldHaveRate(9, 0.0);
        schedule.ShouldHaveRate(1_000_000_000_000, 0.0);
    }

    [Fact]
    public void Keeps_Megatrons_rounding_at_the_end_of_the_warmup_and_in_the_stable_phase()
    {
        // A4: the stable phase is min + 1 · (max − min), not max; A5: the last warmup step is init + (max − init) · W / W.
        var a4 = Schedule.WarmupStableDecay(0.001, 0.3, 0.03, 10, 100, 20, Curve.Exponential);
        a4.ShouldHaveRate(10, 0.3);
        a4.ShouldHaveRate(11, 0.30000000000000004);
        a4.ShouldHaveRate(80, 0.30000000000000004);
        a4.ShouldHaveRate(81, 0.2816056176194166);
        a4.ShouldHaveRate(100, 0.03);
        var a5 = Schedule.WarmupStableDecay(0.001, 0.01, 0.0, 10, 100, 20, Curve.Exponential);
        a5.ShouldHaveRate(9, 0.0091);
        a5.ShouldHaveRate(10, 0.010000000000000002);
        a5.ShouldHaveRate(11, 0.01);
        a5.ShouldHaveRate(80, 0.01);
        a5.ShouldHaveRate(81, 0.009318726578496913);
    }

    [Fact]
    public void The_Hugging_Face_form_accepts_the_exponential_decay_curve()
    {
        // peak 1, floor ratio 0: the factor is the rate, the same coefficients as Megatron's A2.
        var schedule = Schedule.WarmupStableDecay(1.0, 0, 4, 4, Curve.Exponential);
        schedule.ShouldHaveRate(3, 1.0);
        schedule.ShouldHaveRate(4, 1.0);
        schedule.ShouldHaveRate(5, 0.681792830507429);
        schedule.ShouldHaveRate(6, 0.41421356237309515);
        schedule.ShouldHaveRate(7, 0.18920711500272103);
        schedule.ShouldHaveRate(8, 0.0);
        schedule.ShouldHaveRate(long.MaxValue, 0.0);
        FluentActions.Invoking(() => Schedule.WarmupStableDecay(1.0, 2, 4, 4, Curve.Cosine, 0.0, Curve.Exponential))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("warmupCurve");
    }

    [Fact]
    public void Holds_the_final_rate_at_TotalSteps_when_the_anneal_is_shorter_than_the_spacing_of_doubles()
    {
        // T = long.MaxValue and S = 1: T − S and T are both 2^63 as doubles. Megatron (integer steps) is in the stable
        // phase at T − 2 and at min_lr at T; the rate at TotalSteps and after is the final rate.
        var schedule = Schedule.WarmupStableDecay(0.1, 0.9, 0.05, 10, long.MaxValue, 1, Curve.Linear);
        schedule.ShouldHaveRate(1L << 62, 0.05 + (1.0 * (0.9 - 0.05)));
        schedule.ShouldHaveRate(long.MaxValue, 0.05);
    }

    [Fact]
    public void Keeps_the_contract()
    {
        foreach (Curve curve in Enum.GetValues<Curve>())
        {
            ScheduleContract.Holds(SetA(curve), [79, 80, 81, 99, 100, 101]);
        }

        ScheduleContract.Holds(Schedule.WarmupStableDecay(0.0, 1.0, 0.0, 0, 8, 8));
    }

    [Theory]
    [InlineData(-1e-5, 0.003, 0.0003, 10, 100, 20, "initialLearningRate")]
    [InlineData(0.004, 0.003, 0.0003, 10, 100, 20, "initialLearningRate")]
    [InlineData(1e-5, double.NaN, 0.0003, 10, 100, 20, "peakLearningRate")]
    [InlineData(1e-5, 0.003, 0.004, 10, 100, 20, "finalLearningRate")]
    [InlineData(1e-5, 0.003, double.PositiveInfinity, 10, 100, 20, "finalLearningRate")]
    [InlineData(1e-5, 0.003, -0.0003, 10, 100, 20, "finalLearningRate")]
    [InlineData(1e-5, 0.003, double.NaN, 10, 100, 20, "finalLearningRate")]
    [InlineData(1e-5, 0.003, 0.0003, -1, 100, 20, "warmupSteps")]
    [InlineData(1e-5, 0.003, 0.0003, 100, 100, 20, "warmupSteps")]
    [InlineData(1e-5, 0.003, 0.0003, 0, 0, 20, "totalSteps")]
    [InlineData(1e-5, 0.003, 0.0003, 10, 100, 0, "decaySteps")]
    [InlineData(1e-5, 0.003, 0.0003, 10, 100, 91, "decaySteps")]
    public void Rejects_bad_input_naming_the_parameter(
        double initial, double peak, double final, long warmupSteps, long totalSteps, long decaySteps, string parameter) =>
        FluentActions.Invoking(() => Schedule.WarmupStableDecay(initial, peak, final, warmupSteps, totalSteps, decaySteps, Curve.Exponential))
            .Should().Throw<ScheduleArgumentException>().WithParameterName(parameter)
            .WithMessage($"{parameter} must be *but was *");

    [Fact]
    public void Rejects_an_undefined_curve() =>
        FluentActions.Invoking(() => Schedule.WarmupStableDecay(0.0, 1.0, 0.0, 0, 8, 4, (Curve)9))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("decayCurve");

    [Theory]
    [InlineData(0.004, 0.003, 0.0003, 10, 100, 20, "<= peakLearningRate (0.003)")]
    [InlineData(1e-5, 0.003, 0.004, 10, 100, 20, "<= peakLearningRate (0.003)")]
    [InlineData(1e-5, 0.003, 0.0003, 100, 100, 20, "< totalSteps (100)")]
    [InlineData(1e-5, 0.003, 0.0003, 10, 100, 91, "in [1, totalSteps - warmupSteps = 90]")]
    [InlineData(1e-5, 0.003, -0.0003, 10, 100, 20, "a finite number >= 0")]
    public void Rejections_state_the_bound_from_the_other_arguments(
        double initial, double peak, double final, long warmupSteps, long totalSteps, long decaySteps, string requirement) =>
        FluentActions.Invoking(() => Schedule.WarmupStableDecay(initial, peak, final, warmupSteps, totalSteps, decaySteps, Curve.Exponential))
            .Should().Throw<ScheduleArgumentException>()
            .Which.Requirement.Should().Be(requirement);

    [Fact]
    public void An_initial_rate_equal_to_the_peak_is_accepted_and_makes_the_warmup_flat()
    {
        // I + ((P − I) · t) / W with I = P is P; linear anneal over the last 8 of 16 steps to 0.
        var schedule = Schedule.WarmupStableDecay(1.0, 1.0, 0.0, 4, 16, 8, Curve.Linear);

        schedule.ShouldHaveRate(0, 1.0);
        schedule.ShouldHaveRate(2, 1.0);
        schedule.ShouldHaveRate(4, 1.0);
        schedule.ShouldHaveRate(8, 1.0);
        schedule.ShouldHaveRate(12, 0.5);
        schedule.ShouldHaveRate(16, 0.0);
    }

    [Fact]
    public void A_final_rate_equal_to_the_peak_is_accepted_and_makes_the_anneal_flat()
    {
        // F + c · (P − F) with F = P is P for every c.
        var schedule = Schedule.WarmupStableDecay(0.0, 1.0, 1.0, 4, 16, 8, Curve.Linear);

        schedule.ShouldHaveRate(0, 0.0);
        schedule.ShouldHaveRate(2, 0.5);
        schedule.ShouldHaveRate(4, 1.0);
        schedule.ShouldHaveRate(12, 1.0);
        schedule.ShouldHaveRate(16, 1.0);
        schedule.ShouldHaveRate(long.MaxValue, 1.0);
    }

    [Fact]
    public void A_one_step_anneal_is_accepted_and_drops_to_the_final_rate_at_the_total_steps()
    {
        // wsd_decay_steps = 1: the stable phase lasts to step T − 1 = 15 (c = 1), and r = 1 at T = 16 (c = 1 − 1 = 0).
        var schedule = Schedule.WarmupStableDecay(0.0, 1.0, 0.25, 4, 16, 1, Curve.Linear);

        schedule.ShouldHaveRate(2, 0.5);
        schedule.ShouldHaveRate(14, 1.0);
        schedule.ShouldHaveRate(15, 1.0);
        schedule.ShouldHaveRate(16, 0.25);
        schedule.ShouldHaveRate(17, 0.25);
    }
}
