using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Batching;

public class GoyalRecipeTests
{
    // Goyal et al.'s ImageNet setting: 0.1 at batch 256, trained at 8192 (k = 32), decays at epochs 30, 60, 80.
    private const long ImageNetSize = 1_281_167;
    private const long StepsPerEpoch = ImageNetSize / 8192; // 156 with the last partial batch dropped

    private static readonly TrainingPlan Plan =
        BatchSchedule.Plan(ImageNetSize, BatchSchedule.ConstantBatchSize(8192), LastBatch.Drop);

    private static readonly MultiStepSchedule PerEpoch = (MultiStepSchedule)Schedule.MultiStep(0.1, [30, 60, 80], 0.1);

    private readonly WarmupSchedule _recipe = (WarmupSchedule)BatchScaling.LinearScalingWithWarmup(PerEpoch, referenceBatchSize: 256, Plan);

    [Fact]
    public void Recipe_warms_up_from_the_base_rate_to_k_times_it_over_five_epochs()
    {
        const long warmup = 5 * StepsPerEpoch;
        _recipe.WarmupSteps.Should().Be(warmup);
        _recipe.ShouldHaveRate(0, 0.1);
        _recipe.ShouldHaveRate(warmup / 2, 0.1 + ((3.2 - 0.1) * 0.5), ScheduleAssertions.Tight);
        _recipe.ShouldHaveRate(warmup - 1, 0.1 + ((3.2 - 0.1) * (warmup - 1) / warmup), ScheduleAssertions.Tight);
        _recipe.ShouldHaveRate(warmup, 3.2, ScheduleAssertions.Tight);
        _recipe.ShouldHaveRate(warmup + 1, 3.2, ScheduleAssertions.Tight);
    }

    [Fact]
    public void Recipe_keeps_the_decays_at_the_epochs_they_were_written_for()
    {
        _recipe.ShouldHaveRate((30 * StepsPerEpoch) - 1, 3.2, ScheduleAssertions.Tight);
        _recipe.ShouldHaveRate(30 * StepsPerEpoch, 0.32, ScheduleAssertions.Tight);
        _recipe.ShouldHaveRate(60 * StepsPerEpoch, 0.032, ScheduleAssertions.Tight);
        _recipe.ShouldHaveRate(80 * StepsPerEpoch, 0.0032, ScheduleAssertions.Tight);
        _recipe.ShouldHaveRate(1_000_000_000_000, 0.0032, ScheduleAssertions.Tight);
    }

    [Fact]
    public void Recipe_is_continuous_at_the_end_of_warmup_when_the_schedule_decays_during_it()
    {
        var cosine = Schedule.Cosine(0.1, 0.0, 90);
        var recipe = (WarmupSchedule)BatchScaling.LinearScalingWithWarmup(cosine, 256, Plan);
        long warmup = 5 * StepsPerEpoch;
        double scaledAtEnd = 32 * cosine.GetLearningRate(5.0);
        recipe.TargetLearningRate.Should().BeApproximately(scaledAtEnd, 1e-15);
        recipe.ShouldHaveRate(warmup, scaledAtEnd, ScheduleAssertions.Tight);
    }

    [Fact]
    public void Recipe_without_warmup_is_the_linear_rule_alone() =>
        BatchScaling.LinearScalingWithWarmup(PerEpoch, 256, Plan, warmupEpochs: 0).ShouldHaveRate(0, 3.2, ScheduleAssertions.Tight);

    [Fact]
    public void Recipe_keeps_the_contract() => ScheduleContract.Holds(_recipe);

    [Fact]
    public void Recipe_rejects_bad_input()
    {
        FluentActions.Invoking(() => BatchScaling.LinearScalingWithWarmup(null!, 256, Plan))
            .Should().Throw<ArgumentNullException>().WithParameterName("learningRate");
        FluentActions.Invoking(() => BatchScaling.LinearScalingWithWarmup(PerEpoch, 256, null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("plan");
        FluentActions.Invoking(() => BatchScaling.LinearScalingWithWarmup(PerEpoch, 0, Plan))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("referenceBatchSize");
        var negativeWarmup = FluentActions.Invoking(() => BatchScaling.LinearScalingWithWarmup(PerEpoch, 256, Plan, warmupEpochs: -1))
            .Should().Throw<ScheduleArgumentException>().Which;
        (negativeWarmup.ParamName, negativeWarmup.ActualValue, negativeWarmup.Requirement).Should().Be(("warmupEpochs", (object)-1L, ">= 0"));
        FluentActions.Invoking(() => BatchScaling.LinearScalingWithWarmup(PerEpoch, 256, Plan, warmupEpochs: long.MaxValue))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("warmupEpochs");
    }

    [Fact]
    public void Recipe_reports_a_null_schedule_before_the_arguments_after_it() =>
        FluentActions.Invoking(() => BatchScaling.LinearScalingWithWarmup(null!, 0, Plan, warmupEpochs: -1))
            .Should().Throw<ArgumentNullException>().WithParameterName("learningRate");

    [Fact]
    public void Warmup_past_the_epochs_the_plan_can_count_is_rejected_with_the_reason()
    {
        // 2^62 samples at 1 per step: epoch 2 would start at step 2^63, past long.MaxValue.
        TrainingPlan plan = BatchSchedule.Plan(1L << 62, BatchSchedule.ConstantBatchSize(1), LastBatch.Drop);
        var rejection = FluentActions.Invoking(() => BatchScaling.LinearScalingWithWarmup(PerEpoch, 1, plan, warmupEpochs: 2))
            .Should().Throw<ScheduleArgumentException>().Which;
        rejection.ParamName.Should().Be("warmupEpochs");
        rejection.Requirement.Should().StartWith("an epoch whose first step the plan can count (epoch must start at a step <= long.MaxValue but epoch 2 starts at step 9223372036854775808.");
    }
}
