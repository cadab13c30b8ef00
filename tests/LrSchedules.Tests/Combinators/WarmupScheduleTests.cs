using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Combinators;

public class WarmupScheduleTests
{
    private static readonly CosineSchedule Cosine = (CosineSchedule)Schedule.Cosine(0.1, 0.001, 900);

    [Fact]
    public void Linear_warmup_reads_like_the_math_and_hands_over_to_the_schedule_at_its_step_zero()
    {
        var schedule = Cosine.WithLinearWarmup(100);

        schedule.ShouldHaveRate(0, 0.0);
        schedule.ShouldHaveRate(1, 0.1 * (1 / 100.0));
        schedule.ShouldHaveRate(50, 0.1 * (50 / 100.0));
        schedule.ShouldHaveRate(99, 0.1 * (99 / 100.0));
        schedule.ShouldHaveRate(100, 0.1);
        schedule.ShouldHaveRate(101, Cosine.GetLearningRate(1));
        schedule.ShouldHaveRate(550, Cosine.GetLearningRate(450));
        schedule.ShouldHaveRate(999, Cosine.GetLearningRate(899));
        schedule.ShouldHaveRate(1_000, 0.001);
        schedule.ShouldHaveRate(1_001, 0.001);
        schedule.ShouldHaveRate(1_000_000_000_000, 0.001);
        schedule.ShouldHaveRate(long.MaxValue, 0.001);
    }

    [Fact]
    public void Linear_warmup_from_zero_is_hugging_face_bit_for_bit()
    {
        // transformers: lr = base_lr * float(current_step) / float(max(1, num_warmup_steps)) while warming up.
        var schedule = Schedule.Constant(0.1).WithLinearWarmup(10);
        for (long step = 0; step < 10; step++)
        {
            schedule.ShouldHaveRate(step, 0.1 * (step / 10.0));
        }

        schedule.ShouldHaveRate(10, 0.1);
        schedule.ShouldHaveRate(11, 0.1);
    }

    [Fact]
    public void Linear_warmup_starts_at_the_initial_rate()
    {
        var schedule = Schedule.Constant(0.1).WithLinearWarmup(10, initialLearningRate: 0.001);

        schedule.ShouldHaveRate(0, 0.001);
        schedule.ShouldHaveRate(9, 0.001 + (0.099 * 0.9), ScheduleAssertions.Tight);
        schedule.ShouldHaveRate(10, 0.1);
    }

    [Fact]
    public void Overlay_warmup_replaces_the_first_steps_and_the_schedule_keeps_its_count()
    {
        // timm CosineLRScheduler(t_initial=50, lr_min=1e-4, warmup_t=5, warmup_lr_init=1e-5), warmup_prefix=False.
        var cosine = Schedule.Cosine(0.1, 1e-4, 50);
        var schedule = cosine.WithLinearWarmup(5, 1e-5, WarmupPlacement.Overlay);

        schedule.ShouldHaveRate(0, 1e-5);
        schedule.ShouldHaveRate(1, 1e-5 + ((0.1 - 1e-5) * 0.2));
        schedule.ShouldHaveRate(4, 1e-5 + ((0.1 - 1e-5) * 0.8));
        schedule.ShouldHaveRate(5, cosine.GetLearningRate(5));
        schedule.ShouldHaveRate(6, cosine.GetLearningRate(6));
        schedule.ShouldHaveRate(50, 1e-4);
        schedule.ShouldHaveRate(long.MaxValue, 1e-4);
    }

    [Fact]
    public void Prefix_warmup_shifts_the_schedule_by_the_warmup()
    {
        var step = Schedule.Step(0.1, stepSize: 10, decayFactor: 0.5);
        var schedule = step.WithLinearWarmup(3, 0.01);

        schedule.ShouldHaveRate(2, 0.01 + ((0.1 - 0.01) * (2 / 3.0)));
        schedule.ShouldHaveRate(3, 0.1);
        schedule.ShouldHaveRate(12, 0.1);
        schedule.ShouldHaveRate(13, 0.05);
        schedule.ShouldHaveRate(14, 0.05);
    }

    [Fact]
    public void Constant_warmup_with_overlay_is_pytorch_constant_lr()
    {
        // ConstantLR(factor=1/3, total_iters=5) on base rate 0.1.
        var schedule = Schedule.Constant(0.1).WithConstantWarmup(0.1 / 3, 5, WarmupPlacement.Overlay);

        schedule.ShouldHaveRate(0, 0.1 / 3);
        schedule.ShouldHaveRate(4, 0.1 / 3);
        schedule.ShouldHaveRate(5, 0.1);
        schedule.ShouldHaveRate(6, 0.1);
        schedule.ShouldHaveRate(long.MaxValue, 0.1);
    }

    [Fact]
    public void Constant_warmup_holds_its_rate_then_starts_the_schedule()
    {
        var step = Schedule.Step(0.1, stepSize: 10, decayFactor: 0.5);
        var prefix = step.WithConstantWarmup(0.01, 3);
        var overlay = step.WithConstantWarmup(0.01, 3, WarmupPlacement.Overlay);

        prefix.ShouldHaveRate(0, 0.01);
        prefix.ShouldHaveRate(2, 0.01);
        prefix.ShouldHaveRate(3, 0.1);
        prefix.ShouldHaveRate(13, 0.05);
        overlay.ShouldHaveRate(2, 0.01);
        overlay.ShouldHaveRate(3, 0.1);
        overlay.ShouldHaveRate(10, 0.05);
        prefix.GetLearningRate(2.5).Should().Be(0.01);
    }

    [Fact]
    public void Zero_warmup_steps_is_exactly_the_wrapped_schedule()
    {
        foreach (var schedule in new[]
                 {
                     Cosine.WithLinearWarmup(0), Cosine.WithLinearWarmup(0, 0.5, WarmupPlacement.Overlay),
                     Cosine.WithConstantWarmup(0.5, 0),
                 })
        {
            foreach (long step in ScheduleContract.ProbeSteps)
            {
                schedule.GetLearningRate(step).Should().Be(Cosine.GetLearningRate(step));
            }

            schedule.GetLearningRate(0.25).Should().Be(Cosine.GetLearningRate(0.25));
        }
    }

    [Fact]
    public void Warmup_is_continuous_between_steps()
    {
        var schedule = Schedule.Constant(0.1).WithLinearWarmup(10);
        schedule.GetLearningRate(2.5).Should().Be(0.1 * 0.25);
        schedule.GetLearningRate(12.5).Should().Be(0.1);
    }

    [Fact]
    public void Warmup_exposes_its_parameters()
    {
        var linear = (WarmupSchedule)Cosine.WithLinearWarmup(100, 0.002, WarmupPlacement.Overlay);
        linear.Inner.Should().BeSameAs(Cosine);
        linear.WarmupSteps.Should().Be(100);
        linear.Shape.Should().Be(WarmupShape.Linear);
        linear.Placement.Should().Be(WarmupPlacement.Overlay);
        linear.InitialLearningRate.Should().Be(0.002);
        linear.TargetLearningRate.Should().Be(0.1);

        var constant = (WarmupSchedule)Cosine.WithConstantWarmup(0.01, 5);
        constant.Shape.Should().Be(WarmupShape.Constant);
        constant.Placement.Should().Be(WarmupPlacement.Prefix);
        constant.InitialLearningRate.Should().Be(0.01);
        constant.TargetLearningRate.Should().Be(0.01);
    }

    [Fact]
    public void Warmup_of_a_user_schedule_targets_its_rate_at_step_zero_and_exposes_it_as_given()
    {
        var user = new UserSchedule();
        var schedule = (WarmupSchedule)user.WithLinearWarmup(4);

        schedule.Inner.Should().BeSameAs(user);
        schedule.TargetLearningRate.Should().Be(1.0);
        schedule.ShouldHaveRate(2, 0.5);
        schedule.ShouldHaveRate(4, 1.0);
        schedule.ShouldHaveRate(5, 0.5);
        ScheduleContract.Holds(schedule);
    }

    [Fact]
    public void Warmups_keep_the_contract()
    {
        ScheduleContract.Holds(Cosine.WithLinearWarmup(100), [99, 100, 101, 999, 1_000]);
        ScheduleContract.Holds(Cosine.WithLinearWarmup(100, 0.01, WarmupPlacement.Overlay), [99, 100, 101]);
        ScheduleContract.Holds(Cosine.WithConstantWarmup(0.02, 7), [6, 7, 8]);
        ScheduleContract.Holds(Cosine.WithLinearWarmup(0));
        ScheduleContract.Holds(Cosine.WithLinearWarmup(long.MaxValue), [long.MaxValue - 1]);
    }

    [Fact]
    public void Linear_warmup_heads_for_an_explicit_target_when_given()
    {
        // timm's TanhLRScheduler with warmup_prefix=False ramps to the rate at warmup_t, not at step 0.
        var tanh = Schedule.Tanh(0.1, 1e-5, 50);
        double target = tanh.GetLearningRate(5);
        var warmed = (WarmupSchedule)tanh.WithLinearWarmup(5, 1e-4, WarmupPlacement.Overlay, targetLearningRate: target);

        warmed.TargetLearningRate.Should().Be(target);
        warmed.ShouldHaveRate(0, 1e-4);
        warmed.ShouldHaveRate(4, 1e-4 + ((target - 1e-4) * (4 / 5.0)));
        warmed.ShouldHaveRate(5, target);
        warmed.ShouldHaveRate(6, tanh.GetLearningRate(6));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Linear_warmup_rejects_a_bad_target(double target) =>
        FluentActions.Invoking(() => Schedule.Constant(0.1).WithLinearWarmup(5, 0.0, WarmupPlacement.Prefix, target))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("targetLearningRate");

    [Fact]
    public void Warmup_rejects_a_null_schedule()
    {
        FluentActions.Invoking(() => ((ILearningRateSchedule)null!).WithLinearWarmup(10))
            .Should().Throw<ArgumentNullException>().WithParameterName("schedule");
        FluentActions.Invoking(() => ((ILearningRateSchedule)null!).WithConstantWarmup(0.1, 10))
            .Should().Throw<ArgumentNullException>().WithParameterName("schedule");
    }

    [Fact]
    public void Warmup_rejects_negative_warmup_steps()
    {
        FluentActions.Invoking(() => Cosine.WithLinearWarmup(-1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("warmupSteps").WithMessage("*>= 0*-1*");
        FluentActions.Invoking(() => Cosine.WithConstantWarmup(0.1, -1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("warmupSteps");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Warmup_rejects_a_bad_rate(double rate)
    {
        FluentActions.Invoking(() => Cosine.WithLinearWarmup(10, rate))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("initialLearningRate");
        FluentActions.Invoking(() => Cosine.WithConstantWarmup(rate, 10))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate");
    }

    [Fact]
    public void Warmup_rejects_an_undefined_placement()
    {
        FluentActions.Invoking(() => Cosine.WithLinearWarmup(10, 0.0, (WarmupPlacement)7))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("placement").WithMessage("*Prefix, Overlay*7*");
        FluentActions.Invoking(() => Cosine.WithConstantWarmup(0.0, 10, (WarmupPlacement)(-1)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("placement");
    }

    [Fact]
    public void An_overlaid_warmup_hides_overlaid_warmups_no_longer_than_itself()
    {
        var shorter = Cosine.WithLinearWarmup(5, 0.001, WarmupPlacement.Overlay);
        var outer = (WarmupSchedule)shorter.WithLinearWarmup(10, 0.002, WarmupPlacement.Overlay);
        outer.Inner.Should().BeSameAs(Cosine, "from step 10 on both warmups read the cosine at the same step");
        outer.TargetLearningRate.Should().Be(0.001, "the target is the hidden warmup's rate at step 0");

        var same = (WarmupSchedule)shorter.WithLinearWarmup(5, 0.002, WarmupPlacement.Overlay);
        same.Inner.Should().BeSameAs(Cosine);

        var longer = Cosine.WithLinearWarmup(20, 0.001, WarmupPlacement.Overlay);
        ((WarmupSchedule)longer.WithLinearWarmup(10, 0.002, WarmupPlacement.Overlay)).Inner.Should().BeSameAs(longer, "its steps 10 to 19 still show");
    }
}
