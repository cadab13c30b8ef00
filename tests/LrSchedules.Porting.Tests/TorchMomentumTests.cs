using LrSchedules.Tests.Contract;

namespace LrSchedules.Porting.Tests;

/// <summary>
/// <see cref="Torch.GetMomentum"/>: the momentum PyTorch's OneCycleLR and CyclicLR cycle beside the rate. Every expected
/// value is one printed by tests/LrSchedules.Tests/Shapes/Reference/cycled_momentum.py, a line-by-line transcription of
/// the momentum branches of torch/optim/lr_scheduler.py, asserted to the last bit.
/// </summary>
public class TorchMomentumTests
{
    private static MomentumSchedule MomentumOf(ILearningRateSchedule scheduler)
    {
        MomentumSchedule? momentum = Torch.GetMomentum(scheduler);
        momentum.Should().NotBeNull("the scheduler cycles the momentum");
        return momentum!;
    }

    private static void ShouldEqualTorch(MomentumSchedule momentum, params (long Step, double Value)[] expected)
    {
        foreach ((long step, double value) in expected)
        {
            momentum.GetValue(step).Should().Be(value, $"the momentum at step {step}");
        }
    }

    [Fact]
    public void OneCycleLR_momentum_two_phases_cosine_equals_torch_at_the_boundaries_and_holds_past_the_end()
    {
        // OneCycleLR(max_lr=0.1, total_steps=100): base_momentum 0.85, max_momentum 0.95; the first phase ends at 29.000000000000004.
        LearningRateSchedule rate = Torch.OneCycleLR(0.1, totalSteps: 100);
        MomentumSchedule momentum = MomentumOf(rate);

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

        // PyTorch raises past total_steps; like the rate, the momentum holds its last value.
        ShouldEqualTorch(momentum, (100, 0.95), (101, 0.95), (long.MaxValue, 0.95));
        rate.GetLearningRate(29).Should().Be(0.1, "the momentum is lowest where the rate peaks");
    }

    [Fact]
    public void OneCycleLR_momentum_three_phases_linear_follows_the_rates_anneal_strategy_and_phases()
    {
        MomentumSchedule momentum = MomentumOf(Torch.OneCycleLR(0.1, totalSteps: 100, pctStart: 0.25, annealStrategy: "linear", threePhase: true));

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
            (99, 0.95),
            (100, 0.95),
            (long.MaxValue, 0.95));
    }

    [Fact]
    public void OneCycleLR_momentum_counts_epochs_times_steps_per_epoch_when_total_steps_is_not_given()
    {
        MomentumSchedule momentum = MomentumOf(Torch.OneCycleLR(0.1, epochs: 10, stepsPerEpoch: 10));

        ShouldEqualTorch(momentum, (0, 0.95), (28, 0.850293102142282), (29, 0.85), (30, 0.8500503466729342), (99, 0.95), (100, 0.95));
    }

    [Fact]
    public void OneCycleLR_momentum_uses_the_schedulers_own_momenta()
    {
        // base 0.8, max 0.9 instead of the defaults: 0.9 at the ends, 0.8 at the rate's peak (step 29).
        MomentumSchedule momentum = MomentumOf(Torch.OneCycleLR(0.1, totalSteps: 100, baseMomentum: 0.8, maxMomentum: 0.9));

        momentum.GetValue(0).Should().Be(0.9);
        momentum.GetValue(29).Should().Be(0.8);
        momentum.GetValue(99).Should().Be(0.9);
    }

    [Fact]
    public void CyclicLR_momentum_triangular_equals_torch_at_the_boundaries_and_far_out()
    {
        // CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=4, step_size_down=6): base_momentum 0.8, max_momentum 0.9.
        MomentumSchedule momentum = MomentumOf(Torch.CyclicLR(0.001, 0.1, stepSizeUp: 4, stepSizeDown: 6));

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
        momentum.GetValue(long.MaxValue).Should().Be(Schedule.CyclicMomentum(0.8, 0.9, 4, 6).GetLearningRate(long.MaxValue));
    }

    [Fact]
    public void CyclicLR_momentum_triangular2_halves_its_swing_each_cycle_like_torch()
    {
        MomentumSchedule momentum = MomentumOf(Torch.CyclicLR(0.001, 0.1, stepSizeUp: 5, mode: "triangular2"));

        ShouldEqualTorch(momentum, (0, 0.9), (5, 0.8), (10, 0.9), (13, 0.87), (15, 0.8500000000000001), (20, 0.9), (25, 0.875));
    }

    [Fact]
    public void CyclicLR_momentum_exp_range_scales_its_swing_by_gamma_to_the_step_like_torch()
    {
        MomentumSchedule momentum = MomentumOf(Torch.CyclicLR(0.001, 0.1, stepSizeUp: 5, mode: "exp_range", gamma: 0.99, baseMomentum: 0.85, maxMomentum: 0.95));

        ShouldEqualTorch(momentum, (0, 0.95), (5, 0.8549009950099999), (7, 0.8940760791255805), (10, 0.95), (1002, 0.9499983075144165));
    }

    [Fact]
    public void CyclicLR_momentum_with_a_scale_fn_applies_it_as_torch_does_per_cycle_or_per_iteration()
    {
        // PyTorch's triangular2 is scale_fn(x) = 1 / 2^(x − 1) on the cycle, exp_range gamma^x on the iteration: the
        // same scale functions given as scale_fn reproduce the values of those modes.
        MomentumSchedule byCycle = MomentumOf(Torch.CyclicLR(0.001, 0.1, stepSizeUp: 5, scaleFn: x => 1 / Math.Pow(2.0, x - 1), scaleMode: "cycle"));
        MomentumSchedule byIteration = MomentumOf(Torch.CyclicLR(
            0.001, 0.1, stepSizeUp: 5, scaleFn: x => Math.Pow(0.99, x), scaleMode: "iterations", baseMomentum: 0.85, maxMomentum: 0.95));

        ShouldEqualTorch(byCycle, (0, 0.9), (5, 0.8), (10, 0.9), (13, 0.87), (15, 0.8500000000000001), (20, 0.9), (25, 0.875));
        ShouldEqualTorch(byIteration, (0, 0.95), (5, 0.8549009950099999), (7, 0.8940760791255805), (10, 0.95), (1002, 0.9499983075144165));
    }

    [Fact]
    public void A_scale_fn_that_drives_the_momentum_to_one_is_reported_at_the_query()
    {
        // max_momentum − 0.1 · scale_factor · (−2): 0.94 at step 1 (scale factor 0.2), 1.02 at step 3 (0.6).
        MomentumSchedule momentum = MomentumOf(Torch.CyclicLR(0.0, 0.0, stepSizeUp: 5, scaleFn: _ => -2.0));

        momentum.GetValue(1).Should().BeApproximately(0.94, 1e-15);
        momentum.Invoking(m => m.GetValue(3)).Should().Throw<InvalidOperationException>().WithMessage("*at step 3*");
    }

    [Fact]
    public void Ported_momenta_keep_the_typed_schedule_contract()
    {
        ScalarScheduleContract.Holds(MomentumOf(Torch.OneCycleLR(0.1, totalSteps: 100, threePhase: true)), 0.85, 1.0);
        ScalarScheduleContract.Holds(MomentumOf(Torch.CyclicLR(0.001, 0.1, stepSizeUp: 4, stepSizeDown: 6, mode: "exp_range", gamma: 0.99)), 0.8, 1.0);
    }

    [Fact]
    public void Without_cycle_momentum_there_is_no_momentum()
    {
        Torch.GetMomentum(Torch.OneCycleLR(0.1, totalSteps: 100, cycleMomentum: false)).Should().BeNull();
        Torch.GetMomentum(Torch.CyclicLR(0.001, 0.1, cycleMomentum: false)).Should().BeNull();
    }

    [Fact]
    public void A_schedule_oneCycleLR_or_cyclicLR_did_not_return_has_no_momentum()
    {
        LearningRateSchedule oneCycle = Torch.OneCycleLR(0.1, totalSteps: 100);

        Torch.GetMomentum(Torch.StepLR(0.1, 10)).Should().BeNull("StepLR cycles no momentum");
        Torch.GetMomentum(Schedule.OneCycle(0.1, 100)).Should().BeNull("the core's one-cycle is not a ported scheduler");
        Torch.GetMomentum(Torch.SequentialLR([oneCycle, Torch.ConstantLR(0.004, 1.0)], [100])).Should().BeNull("a sequence is a new schedule");
        Torch.GetMomentum(oneCycle.Scale(0.5)).Should().BeNull("a combinator builds a new schedule");
        Torch.GetMomentum(new UserSchedule()).Should().BeNull("a user's own schedule was built by no factory");
    }

    [Theory]
    [InlineData(1.0, 0.95, "baseMomentum", 1.0)]
    [InlineData(0.85, -0.1, "maxMomentum", -0.1)]
    public void A_momentum_outside_zero_one_is_rejected_when_read_naming_the_schedulers_parameter(double baseMomentum, double maxMomentum, string parameter, double value)
    {
        // The rate does not depend on the momenta, so the rate's method accepts them as PyTorch does.
        LearningRateSchedule oneCycle = Torch.OneCycleLR(0.1, totalSteps: 100, baseMomentum: baseMomentum, maxMomentum: maxMomentum);
        LearningRateSchedule cyclic = Torch.CyclicLR(0.001, 0.1, baseMomentum: baseMomentum, maxMomentum: maxMomentum);

        foreach (LearningRateSchedule scheduler in new[] { oneCycle, cyclic })
        {
            FluentActions.Invoking(() => Torch.GetMomentum(scheduler)).Should().Throw<ScheduleArgumentException>()
                .Where(e => e.ParamName == parameter && Equals(e.ActualValue, value));
        }
    }

    [Fact]
    public void A_null_scheduler_is_rejected()
    {
        FluentActions.Invoking(() => Torch.GetMomentum(null!)).Should().Throw<ArgumentNullException>().WithParameterName("scheduler");
    }

    private sealed class UserSchedule : ILearningRateSchedule
    {
        public double GetLearningRate(long step) => 0.1;
    }
}
