namespace LrSchedules.Porting.Tests;

/// <summary>Ported schedules declare their bounds too, so they convert to typed hyper-parameter schedules like the core's.</summary>
public class TypedHyperparameterTests
{
    [Fact]
    public void A_ported_torch_schedule_is_checked_at_construction()
    {
        LearningRateSchedule cosine = Torch.CosineAnnealingLR(0.95, 100, etaMin: 0.85);
        MomentumSchedule momentum = cosine.AsMomentum();
        momentum.GetValue(0).Should().Be(0.95);
        momentum.GetValue(50).Should().Be(cosine.GetLearningRate(50));

        // ConstantLR(1.2, factor 0.5) holds 0.6 for 5 steps, then 1.2: rejected before any step is read.
        FluentActions.Invoking(() => Torch.ConstantLR(1.2, 0.5).AsMomentum())
            .Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("schedule");
    }

    [Fact]
    public void A_megatron_weight_decay_read_per_iteration_converts_and_keeps_its_values()
    {
        MegatronSchedules schedules = Megatron.OptimizerParamScheduler(0.0, 3e-4, 3e-5, 10, 100, "cosine", 0.01, 0.1, 100, "cosine");
        MegatronSchedules perIteration = schedules.PerIteration(4);
        WeightDecaySchedule decay = perIteration.WeightDecay.AsWeightDecay();
        decay.GetValue(10).Should().Be(perIteration.WeightDecay.GetLearningRate(10));
        decay.GetValue(long.MaxValue).Should().Be(0.1);
        FluentActions.Invoking(() => perIteration.WeightDecay.Scale(10.0).AsBeta()).Should().Throw<ScheduleArgumentException>("0.1 · 10 = 1 is out of [0, 1)");
    }

    [Fact]
    public void An_olmo_rule_without_a_core_expression_is_checked_at_the_query()
    {
        MomentumSchedule momentum = OlmoCore.ConstantScheduler(1.0, 10).AsMomentum();

        momentum.Invoking(m => m.GetValue(3)).Should().Throw<InvalidOperationException>()
            .WithMessage("MomentumSchedule: the schedule returned 1 at step 3; every value must lie in [0, 1).");
        OlmoCore.ConstantScheduler(0.9, 10).AsMomentum().GetValue(3).Should().Be(0.9);
    }
}
