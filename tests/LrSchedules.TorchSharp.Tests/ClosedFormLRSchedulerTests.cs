using TorchSharp.Modules;

namespace LrSchedules.TorchSharp.Tests;

public class ClosedFormLRSchedulerTests
{
    // lr(t) = 0.5 + 0.25 t; momentum(t) = 0.5 + 0.125 t, in [0, 1) up to t = 3.
    private static readonly AffineSchedule Rate = new(0.5, 0.25);

    private static SGD.ParamGroup SgdGroup(double rate) =>
        new() { Options = new SGD.Options { LearningRate = rate, InitialLearningRate = rate, momentum = 0.9, weight_decay = 0.0 } };

    [Fact]
    public void Construction_sets_step_0_and_each_step_call_moves_one_step()
    {
        var head = SgdGroup(0.1);
        var backbone = SgdGroup(0.01);
        var scheduler = new ClosedFormLRScheduler(
            new GroupsOnlyOptimizer(head, backbone), new HyperparameterSchedules(Rate), learningRateScales: [1.0, 0.5]);

        scheduler.CurrentStep.Should().Be(0);
        head.LearningRate.Should().Be(0.5);
        backbone.LearningRate.Should().Be(0.25);

        scheduler.step();
        scheduler.step();

        scheduler.CurrentStep.Should().Be(2);
        head.LearningRate.Should().Be(1.0);
        backbone.LearningRate.Should().Be(0.5);
        head.InitialLearningRate.Should().Be(0.1);
    }

    [Fact]
    public void Get_last_lr_follows_every_step()
    {
        var scheduler = new ClosedFormLRScheduler(
            new GroupsOnlyOptimizer(SgdGroup(0.1), SgdGroup(0.1)), new HyperparameterSchedules(Rate), learningRateScales: [1.0, 2.0]);

        scheduler.get_last_lr().Should().Equal(0.5, 1.0);
        scheduler.step();
        scheduler.get_last_lr().Should().Equal(0.75, 1.5);
    }

    [Fact]
    public void Resuming_at_a_step_sets_what_an_uninterrupted_run_has_there()
    {
        var runGroup = SgdGroup(0.1);
        var run = new ClosedFormLRScheduler(
            new GroupsOnlyOptimizer(runGroup), new HyperparameterSchedules(Rate, momentum: new AffineSchedule(0.5, 0.125).AsMomentum()));
        for (int i = 0; i < 3; i++)
        {
            run.step();
        }

        var resumedGroup = SgdGroup(0.1);
        var resumed = new ClosedFormLRScheduler(
            new GroupsOnlyOptimizer(resumedGroup), new HyperparameterSchedules(Rate, momentum: new AffineSchedule(0.5, 0.125).AsMomentum()), startStep: 3);

        resumed.CurrentStep.Should().Be(3);
        resumedGroup.Options.LearningRate.Should().Be(runGroup.Options.LearningRate).And.Be(1.25);
        resumedGroup.Options.momentum.Should().Be(runGroup.Options.momentum).And.Be(0.875);
    }

    [Fact]
    public void Step_with_an_epoch_and_StepTo_jump_to_that_step()
    {
        var group = SgdGroup(0.1);
        var scheduler = new ClosedFormLRScheduler(new GroupsOnlyOptimizer(group), new HyperparameterSchedules(Rate));

        scheduler.step(10);
        group.LearningRate.Should().Be(3.0);
        scheduler.step(current: 123.0, epoch: 2);
        group.LearningRate.Should().Be(1.0);
        scheduler.step(current: 123.0);
        scheduler.CurrentStep.Should().Be(3);
        scheduler.StepTo(4_000_000_000);
        scheduler.CurrentStep.Should().Be(4_000_000_000);
        group.LearningRate.Should().Be(1_000_000_000.5);
    }

    [Fact]
    public void The_protected_step_count_is_current_step_plus_one_saturated_at_int_MaxValue()
    {
        var stepCount = typeof(global::TorchSharp.torch.optim.lr_scheduler.LRScheduler)
            .GetField("_step_count", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
        var scheduler = new ClosedFormLRScheduler(new GroupsOnlyOptimizer(SgdGroup(0.1)), new HyperparameterSchedules(Rate), startStep: 41);

        stepCount.IsFamily.Should().BeTrue("_step_count is the one protected field of TorchSharp's LRScheduler");
        stepCount.GetValue(scheduler).Should().Be(42);
        scheduler.step();
        stepCount.GetValue(scheduler).Should().Be(43);
        scheduler.StepTo(int.MaxValue - 1L);
        stepCount.GetValue(scheduler).Should().Be(int.MaxValue);
        scheduler.StepTo(5_000_000_000);
        stepCount.GetValue(scheduler).Should().Be(int.MaxValue);
    }

    [Fact]
    public void Step_allocates_nothing()
    {
        var group = SgdGroup(0.1);
        var scheduler = new ClosedFormLRScheduler(
            new GroupsOnlyOptimizer(group, SgdGroup(0.1)), new HyperparameterSchedules(Rate, weightDecay: new AffineSchedule(0.0, 0.5).AsWeightDecay()));

        ParamGroupSchedulerTests.AllocatesNothing(_ => scheduler.step());
        ParamGroupSchedulerTests.AllocatesNothing(scheduler.StepTo);
    }

    [Fact]
    public void Negative_steps_are_rejected()
    {
        var scheduler = new ClosedFormLRScheduler(new GroupsOnlyOptimizer(SgdGroup(0.1)), new HyperparameterSchedules(Rate));

        FluentActions.Invoking(() => scheduler.StepTo(-1)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("step");
        FluentActions.Invoking(() => scheduler.step(-2)).Should().Throw<ArgumentOutOfRangeException>().Which.ActualValue.Should().Be(-2L);
        FluentActions.Invoking(() => new ClosedFormLRScheduler(new GroupsOnlyOptimizer(SgdGroup(0.1)), new HyperparameterSchedules(Rate), startStep: -1))
            .Should().Throw<ArgumentOutOfRangeException>();
        scheduler.CurrentStep.Should().Be(0);
    }

    [Fact]
    public void Step_past_long_MaxValue_is_rejected()
    {
        var scheduler = new ClosedFormLRScheduler(
            new GroupsOnlyOptimizer(SgdGroup(0.1)), new HyperparameterSchedules(new AffineSchedule(0.5, 0.0)), startStep: long.MaxValue);

        FluentActions.Invoking(() => scheduler.step()).Should().Throw<InvalidOperationException>();
        scheduler.CurrentStep.Should().Be(long.MaxValue);
    }

    [Fact]
    public void A_null_optimizer_is_rejected()
    {
        FluentActions.Invoking(() => new ClosedFormLRScheduler(null!, new HyperparameterSchedules(Rate)))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("optimizer");
    }
}
