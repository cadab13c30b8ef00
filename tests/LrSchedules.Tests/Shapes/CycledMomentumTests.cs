using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

/// <summary>
/// The momentum of PyTorch's OneCycleLR and CyclicLR. Every expected value is printed by Reference/cycled_momentum.py,
/// a line-by-line transcription of torch/optim/lr_scheduler.py, and asserted to the last bit.
/// </summary>
public class CycledMomentumTests
{
    private static void ShouldEqualTorch(ILearningRateSchedule momentum, params (long Step, double Value)[] expected)
    {
        foreach ((long step, double value) in expected)
        {
            momentum.ShouldHaveRate(step, value);
        }
    }

    [Fact]
    public void OneCycleMomentum_two_phases_cosine_equals_torch_bit_for_bit()
    {
        // OneCycleLR(total_steps=100), base_momentum 0.85, max_momentum 0.95: phase ends 29.000000000000004 and 99.
        var momentum = Schedule.OneCycleMomentum(0.85, 0.95, totalSteps: 100);

        ShouldEqualTorch(
            momentum,
            (0, 0.95),
            (1, 0.9497068978577179),
            (28, 0.850293102142282),
            (29, 0.85),
            (30, 0.8500503466729342),
            (31, 0.850201285300238),
            (50, 0.8706107373853763),
            (98, 0.9499496533270657),
            (99, 0.95));
    }

    [Fact]
    public void OneCycleMomentum_holds_the_maximum_from_total_steps_minus_one_on()
    {
        var momentum = Schedule.OneCycleMomentum(0.85, 0.95, totalSteps: 100);

        // PyTorch extrapolates at step 100 and raises after; the schedule holds its value at step 99.
        ShouldEqualTorch(momentum, (100, 0.95), (101, 0.95), (long.MaxValue, 0.95));
    }

    [Fact]
    public void OneCycleMomentum_three_phases_linear_equals_torch_bit_for_bit()
    {
        // pct_start 0.25: phases end at 24, 48 and 99; the third holds max_momentum.
        var momentum = Schedule.OneCycleMomentum(0.85, 0.95, totalSteps: 100, warmupFraction: 0.25, curve: Curve.Linear, threePhase: true);

        ShouldEqualTorch(
            momentum,
            (0, 0.95),
            (23, 0.8541666666666666),
            (24, 0.85),
            (25, 0.8541666666666666),
            (47, 0.9458333333333333),
            (48, 0.95),
            (49, 0.95),
            (98, 0.95),
            (99, 0.95));
    }

    [Fact]
    public void OneCycleMomentum_is_inverse_to_the_rate_lowest_where_the_rate_peaks()
    {
        var rate = Schedule.OneCycle(0.1, 100);
        var momentum = Schedule.OneCycleMomentum(0.85, 0.95, totalSteps: 100);

        long peak = Enumerable.Range(0, 100).MaxBy(s => rate.GetLearningRate(s));
        long trough = Enumerable.Range(0, 100).MinBy(s => momentum.GetLearningRate(s));
        trough.Should().Be(peak).And.Be(29);
    }

    [Fact]
    public void CyclicMomentum_triangular_equals_torch_bit_for_bit()
    {
        // CyclicLR(step_size_up=4, step_size_down=6), base_momentum 0.8, max_momentum 0.9.
        var momentum = Schedule.CyclicMomentum(0.8, 0.9, stepsUp: 4, stepsDown: 6);

        ShouldEqualTorch(
            momentum,
            (0, 0.9),
            (3, 0.8250000000000001),
            (4, 0.8),
            (5, 0.8166666666666667),
            (9, 0.8833333333333333),
            (10, 0.9),
            (14, 0.8),
            (1000, 0.9),
            (1003, 0.8250000000000007));
    }

    [Fact]
    public void CyclicMomentum_triangular2_halves_the_swing_each_cycle_like_torch()
    {
        var momentum = Schedule.CyclicMomentum(0.8, 0.9, stepsUp: 5, mode: CyclicMode.Triangular2);

        ShouldEqualTorch(
            momentum,
            (0, 0.9),
            (5, 0.8),
            (10, 0.9),
            (13, 0.87),
            (15, 0.8500000000000001),
            (20, 0.9),
            (25, 0.875));
    }

    [Fact]
    public void CyclicMomentum_exp_range_scales_the_swing_by_gamma_to_the_step_like_torch()
    {
        var momentum = Schedule.CyclicMomentum(0.85, 0.95, stepsUp: 5, mode: CyclicMode.ExponentialRange, decayFactor: 0.99);

        ShouldEqualTorch(
            momentum,
            (0, 0.95),
            (5, 0.8549009950099999),
            (7, 0.8940760791255805),
            (10, 0.95),
            (1002, 0.9499983075144165));
    }

    [Fact]
    public void Momentum_schedules_keep_the_schedule_contract()
    {
        ScheduleContract.Holds(Schedule.OneCycleMomentum(0.85, 0.95, totalSteps: 100), [28, 29, 30, 98, 99, 100]);
        ScheduleContract.Holds(Schedule.OneCycleMomentum(0.85, 0.95, totalSteps: 100, warmupFraction: 0.25, threePhase: true), [23, 24, 25, 47, 48, 49]);
        ScheduleContract.Holds(Schedule.CyclicMomentum(0.8, 0.9, stepsUp: 4, stepsDown: 6, mode: CyclicMode.Triangular2), [3, 4, 5, 9, 10]);
        ScheduleContract.Holds(Schedule.CyclicMomentum(0.85, 0.95, stepsUp: 5, mode: CyclicMode.ExponentialRange, decayFactor: 0.99));
    }

    [Fact]
    public void Swapped_momenta_are_accepted_as_in_torch_and_move_with_the_rate()
    {
        var momentum = Schedule.OneCycleMomentum(0.95, 0.85, totalSteps: 100);

        momentum.ShouldHaveRate(0, 0.85);
        momentum.ShouldHaveRate(29, 0.95);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_momentum_outside_zero_one_is_rejected_naming_parameter_and_value(double bad)
    {
        var low = FluentActions.Invoking(() => Schedule.OneCycleMomentum(bad, 0.95, 100)).Should().Throw<ScheduleArgumentException>().Which;
        low.ParamName.Should().Be("minimumMomentum");
        low.ActualValue.Should().Be(bad);
        low.Requirement.Should().Be("in [0, 1)");

        var high = FluentActions.Invoking(() => Schedule.CyclicMomentum(0.8, bad, 4)).Should().Throw<ScheduleArgumentException>().Which;
        high.ParamName.Should().Be("maximumMomentum");
        high.ActualValue.Should().Be(bad);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Each_factory_checks_both_momenta_naming_the_one_outside_zero_one(double bad)
    {
        var oneCycleHigh = FluentActions.Invoking(() => Schedule.OneCycleMomentum(0.85, bad, 100)).Should().Throw<ScheduleArgumentException>().Which;
        oneCycleHigh.ParamName.Should().Be("maximumMomentum");
        oneCycleHigh.ActualValue.Should().Be(bad);
        oneCycleHigh.Requirement.Should().Be("in [0, 1)");

        var cyclicLow = FluentActions.Invoking(() => Schedule.CyclicMomentum(bad, 0.9, 4)).Should().Throw<ScheduleArgumentException>().Which;
        cyclicLow.ParamName.Should().Be("minimumMomentum");
        cyclicLow.ActualValue.Should().Be(bad);
        cyclicLow.Requirement.Should().Be("in [0, 1)");
    }

    [Fact]
    public void A_momentum_of_zero_is_accepted_at_either_end()
    {
        // [0, 1): momentum 0 is plain SGD. PyTorch accepts it for base_momentum and max_momentum alike.
        var oneCycle = Schedule.OneCycleMomentum(0.5, 0.0, totalSteps: 100);
        oneCycle.ShouldHaveRate(0, 0.0);
        oneCycle.ShouldHaveRate(29, 0.5);
        oneCycle.ShouldHaveRate(99, 0.0);

        // Triangle, step_size_up 4: max_momentum at steps 0 and 8, base_momentum at step 4.
        var toZero = Schedule.CyclicMomentum(0.0, 0.9, stepsUp: 4);
        toZero.ShouldHaveRate(0, 0.9);
        toZero.ShouldHaveRate(4, 0.0);
        toZero.ShouldHaveRate(8, 0.9);

        var fromZero = Schedule.CyclicMomentum(0.5, 0.0, stepsUp: 4);
        fromZero.ShouldHaveRate(0, 0.0);
        fromZero.ShouldHaveRate(4, 0.5);
        fromZero.ShouldHaveRate(8, 0.0);
    }

    [Fact]
    public void Bad_lengths_fractions_modes_and_decay_rates_are_rejected()
    {
        FluentActions.Invoking(() => Schedule.OneCycleMomentum(0.85, 0.95, 0)).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("totalSteps");
        FluentActions.Invoking(() => Schedule.OneCycleMomentum(0.85, 0.95, 100, warmupFraction: 1.5)).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("warmupFraction");
        FluentActions.Invoking(() => Schedule.OneCycleMomentum(0.85, 0.95, 100, curve: Curve.OneMinusSquareRoot)).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("curve");
        FluentActions.Invoking(() => Schedule.OneCycleMomentum(0.85, 0.95, 100, curve: (Curve)7)).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("curve");
        FluentActions.Invoking(() => Schedule.CyclicMomentum(0.8, 0.9, 0)).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("stepsUp");
        FluentActions.Invoking(() => Schedule.CyclicMomentum(0.8, 0.9, 4, stepsDown: 0)).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("stepsDown");
        FluentActions.Invoking(() => Schedule.CyclicMomentum(0.8, 0.9, 4, mode: (CyclicMode)9)).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("mode");
        FluentActions.Invoking(() => Schedule.CyclicMomentum(0.8, 0.9, 4, decayFactor: 0.0)).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("decayFactor");
    }

    [Fact]
    public void The_factory_call_is_recorded_for_configuration()
    {
        var momentum = Schedule.CyclicMomentum(0.8, 0.9, 4, 6, CyclicMode.Triangular2, 1.0);

        Internal.FactoryCalls.TryGetCall(momentum, out var call).Should().BeTrue();
        call!.Factory.Should().Be("CyclicMomentum");
        call.Arguments.Should().Equal(0.8, 0.9, 4L, (long?)6, CyclicMode.Triangular2, 1.0);
    }
}
