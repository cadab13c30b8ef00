using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

/// <summary>
/// Megatron-LM's weight-decay increment. Every expected value is printed by Reference/megatron_weight_decay.py, a
/// transcription of OptimizerParamScheduler.get_wd, and asserted to the last bit.
/// </summary>
public class WeightDecayIncreaseTests
{
    [Fact]
    public void Linear_increase_equals_megatron_bit_for_bit()
    {
        var weightDecay = Schedule.WeightDecayIncrease(0.01, 0.1, increaseSteps: 1000);

        weightDecay.ShouldHaveRate(0, 0.01);
        weightDecay.ShouldHaveRate(1, 0.01009);
        weightDecay.ShouldHaveRate(250, 0.0325);
        weightDecay.ShouldHaveRate(333, 0.039970000000000006);
        weightDecay.ShouldHaveRate(500, 0.05500000000000001);
        weightDecay.ShouldHaveRate(999, 0.09991);
        weightDecay.ShouldHaveRate(1000, 0.1);
        weightDecay.ShouldHaveRate(1001, 0.1);
    }

    [Fact]
    public void The_last_increase_step_is_megatrons_formula_not_the_final_value()
    {
        // Megatron returns end_wd only for num_steps > wd_incr_steps; at num_steps == wd_incr_steps it computes
        // start_wd + 1.0 * (end_wd - start_wd), which for 0.001 → 0.01 is 0.010000000000000002, an ulp above end_wd.
        var weightDecay = Schedule.WeightDecayIncrease(0.001, 0.01, increaseSteps: 1000);

        weightDecay.ShouldHaveRate(999, 0.009991);
        weightDecay.ShouldHaveRate(1000, 0.010000000000000002);
        weightDecay.ShouldHaveRate(1001, 0.01);
    }

    [Fact]
    public void Cosine_increase_equals_megatron_bit_for_bit()
    {
        var weightDecay = Schedule.WeightDecayIncrease(0.01, 0.1, increaseSteps: 1000, Curve.Cosine);

        weightDecay.ShouldHaveRate(0, 0.01);
        weightDecay.ShouldHaveRate(1, 0.010000222065916381);
        weightDecay.ShouldHaveRate(250, 0.023180194846605363);
        weightDecay.ShouldHaveRate(333, 0.03245920185876805);
        weightDecay.ShouldHaveRate(500, 0.05500000000000001);
        weightDecay.ShouldHaveRate(999, 0.09999977793408363);
        weightDecay.ShouldHaveRate(1000, 0.1);
        weightDecay.ShouldHaveRate(1001, 0.1);
    }

    [Fact]
    public void The_final_weight_decay_is_held_to_the_largest_step()
    {
        var weightDecay = Schedule.WeightDecayIncrease(0.01, 0.1, increaseSteps: 1000, Curve.Cosine);

        weightDecay.ShouldHaveRate(long.MaxValue, 0.1);
        ScheduleContract.Holds(weightDecay, [999, 1000, 1001]);
        ScheduleContract.Holds(Schedule.WeightDecayIncrease(0.0, 0.0, 1));
    }

    [Fact]
    public void Equal_initial_and_final_weight_decay_is_megatrons_constant_style()
    {
        var weightDecay = Schedule.WeightDecayIncrease(0.05, 0.05, increaseSteps: 10, Curve.Cosine);

        weightDecay.ShouldHaveRate(0, 0.05);
        weightDecay.ShouldHaveRate(7, 0.05);
        weightDecay.ShouldHaveRate(11, 0.05);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_negative_or_non_finite_initial_weight_decay_is_rejected(double bad)
    {
        var exception = FluentActions.Invoking(() => Schedule.WeightDecayIncrease(bad, 0.1, 10)).Should().Throw<ScheduleArgumentException>().Which;
        exception.ParamName.Should().Be("initialWeightDecay");
        exception.ActualValue.Should().Be(bad);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_negative_or_non_finite_final_weight_decay_is_rejected_as_such(double bad)
    {
        // Checked before the comparison with the initial weight decay, which a NaN or an infinity would pass.
        var exception = FluentActions.Invoking(() => Schedule.WeightDecayIncrease(0.0, bad, 10)).Should().Throw<ScheduleArgumentException>().Which;
        exception.ParamName.Should().Be("finalWeightDecay");
        exception.ActualValue.Should().Be(bad);
        exception.Requirement.Should().Be("a finite number >= 0");
    }

    [Fact]
    public void A_final_weight_decay_below_the_initial_is_rejected_as_megatron_asserts()
    {
        var exception = FluentActions.Invoking(() => Schedule.WeightDecayIncrease(0.1, 0.05, 10)).Should().Throw<ScheduleArgumentException>().Which;
        exception.ParamName.Should().Be("finalWeightDecay");
        exception.ActualValue.Should().Be(0.05);
        exception.Requirement.Should().Be(">= initialWeightDecay = 0.1");
    }

    [Fact]
    public void Zero_increase_steps_and_a_curve_other_than_linear_or_cosine_are_rejected()
    {
        FluentActions.Invoking(() => Schedule.WeightDecayIncrease(0.0, 0.1, 0)).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("increaseSteps");
        FluentActions.Invoking(() => Schedule.WeightDecayIncrease(0.0, 0.1, 10, Curve.Exponential)).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("curve");
        FluentActions.Invoking(() => Schedule.WeightDecayIncrease(0.0, 0.1, 10, (Curve)5)).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("curve");
    }
}
