using TorchSharp.Modules;

namespace LrSchedules.TorchSharp.Tests;

public class CycledMomentumAdapterTests
{
    [Fact]
    public void OneCycle_with_cycled_momentum_sets_sgd_momentum_and_adam_beta1_as_pytorch_does()
    {
        // PyTorch OneCycleLR(max_lr=0.1, total_steps=100): at step 29 (the end of the first phase) the rate is at its
        // peak and the momentum at base_momentum; at step 99 the momentum is back at max_momentum.
        var schedules = new HyperparameterSchedules(
            Schedule.OneCycle(0.1, 100),
            momentum: Schedule.OneCycleMomentum(0.85, 0.95, totalSteps: 100).AsMomentum());
        var sgd = new SGD.ParamGroup { Options = new SGD.Options { LearningRate = 0.1, momentum = 0.9 } };
        var adam = new Adam.ParamGroup { Options = new Adam.Options { LearningRate = 0.1, beta1 = 0.9, beta2 = 0.999 } };
        var sgdScheduler = new ParamGroupScheduler([sgd], schedules);
        var adamScheduler = new ParamGroupScheduler([adam], schedules);

        sgdScheduler.Apply(29);
        adamScheduler.Apply(29);
        sgd.Options.momentum.Should().Be(0.85);
        adam.Options.beta1.Should().Be(0.85);
        adam.Options.beta2.Should().Be(0.999);
        sgd.Options.LearningRate.Should().Be(Schedule.OneCycle(0.1, 100).GetLearningRate(29));

        sgdScheduler.Apply(99);
        sgd.Options.momentum.Should().Be(0.95);
    }

    [Fact]
    public void A_momentum_that_can_reach_one_is_rejected_when_built_not_when_training_reaches_it()
    {
        // The range check moved from the query to construction: bounds of the expression are known.
        FluentActions.Invoking(() => new HyperparameterSchedules(Schedule.OneCycle(0.1, 100), momentum: Schedule.Linear(0.9, 1.0, 100).AsMomentum()))
            .Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("schedule");
        FluentActions.Invoking(() => Schedule.Constant(0.9999).AsBeta()).Should().NotThrow();
        FluentActions.Invoking(() => Schedule.Constant(1.0).AsBeta()).Should().Throw<ScheduleArgumentException>();
    }
}
