using LrSchedules.Internal;
using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Batching;

public class TokenPlanTests
{
    /// <summary>1 000 sequences of 512 tokens, batch 10.</summary>
    private static readonly TrainingPlan Simple = BatchSchedule.TokenPlan(1_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Drop, 512);

    /// <summary>
    /// DeepSeek-V3 (arXiv:2412.19437, §4.2): "the batch size is gradually increased from 3072 to 15360 in the training of
    /// the first 469B tokens, and then keeps 15360", sequences of 4K tokens. The report does not give the shape of the
    /// ramp; here it is Megatron-style, four equal increments of 3072 at every quarter of 469B tokens. The dataset,
    /// 3 612 672 000 sequences (14.8T tokens), is a multiple of every batch size.
    /// </summary>
    private static readonly TrainingPlan DeepSeek = BatchSchedule.TokenPlan(
        184_320L * 19_600,
        BatchSchedule.Piecewise(
            3072,
            [new(117_250_000_000, 6144), new(234_500_000_000, 9216), new(351_750_000_000, 12288), new(469_000_000_000, 15360)],
            TrainingClock.Tokens),
        LastBatch.Drop,
        sequenceLength: 4096);

    [Fact]
    public void Tokens_seen_are_samples_seen_times_the_sequence_length()
    {
        Simple.CountsTokens.Should().BeTrue();
        Simple.SequenceLength.Should().Be(512);
        Simple.GetTokensSeen(0).Should().Be(0);
        Simple.GetTokensSeen(1).Should().Be(5_120);
        Simple.GetTokensSeen(99).Should().Be(99 * 5_120);
        Simple.GetTokensSeen(100).Should().Be(100 * 5_120, "epoch 1 starts; nothing was dropped");
        Simple.GetSequenceLength(12_345).Should().Be(512);
    }

    [Fact]
    public void First_step_with_tokens_seen_is_the_inverse()
    {
        Simple.GetFirstStepWithTokensSeen(0).Should().Be(0);
        Simple.GetFirstStepWithTokensSeen(1).Should().Be(1);
        Simple.GetFirstStepWithTokensSeen(5_120).Should().Be(1);
        Simple.GetFirstStepWithTokensSeen(5_121).Should().Be(2);
        Simple.GetFirstStepWithTokensSeen(1_000_000_000_000_000).Should().Be(195_312_500_000);
    }

    [Fact]
    public void DeepSeek_ramp_written_in_tokens_changes_batch_at_the_first_step_past_each_threshold()
    {
        // 117.25B tokens = 28 625 488.3 sequences: the first step with ≥ 28 625 489 samples seen at batch 3072 is
        // ceil(28 625 489 / 3072) = 9 319, which has seen 9 319 · 3072 · 4096 = 117 260 156 928 tokens (9 318: 117 247 574 016).
        DeepSeek.Phases.Select(p => (p.FirstStep, p.BatchSize)).Should().Equal(
            (0L, 3072L), (9_319L, 6144L), (13_978L, 9216L), (17_084L, 12288L), (19_414L, 15360L));
        DeepSeek.GetBatchSize(9_318).Should().Be(3072);
        DeepSeek.GetBatchSize(9_319).Should().Be(6144);
        DeepSeek.GetTokensSeen(9_318).Should().Be(117_247_574_016);
        DeepSeek.GetTokensSeen(9_319).Should().Be(117_260_156_928);
        DeepSeek.GetTokensSeen(19_414).Should().Be(469_028_044_800, "the ramp ends at the first step past 469B tokens");
        DeepSeek.GetFirstStepWithTokensSeen(469_000_000_000).Should().Be(19_414);
    }

    [Theory]
    [InlineData(14_800_000_000_000, 247_199, 14_800_021_094_400, 14_799_958_179_840)]
    [InlineData(1_000_000_000_000_000, 15_906_531, 1_000_000_003_768_320, 999_999_940_853_760)]
    [InlineData(100_000_000_000_000_000, 1_589_469_154, 100_000_000_062_259_200, 99_999_999_999_344_640)]
    public void DeepSeek_tokens_are_exact_far_past_ten_to_the_fifteen(long tokens, long step, long seenAtStep, long seenBefore)
    {
        // Expected values: an exact integer simulation of the plan (epochs of 235 200 steps at 15 360 after the ramp).
        DeepSeek.GetFirstStepWithTokensSeen(tokens).Should().Be(step);
        DeepSeek.GetTokensSeen(step).Should().Be(seenAtStep);
        DeepSeek.GetTokensSeen(step - 1).Should().Be(seenBefore);
    }

    [Fact]
    public void A_learning_rate_written_in_tokens_is_read_at_the_tokens_seen_before_each_step()
    {
        // Linear decay from 2.2e-4 to 2.2e-5 over the first 10^15 tokens, read per step.
        var decay = Schedule.Linear(2.2e-4, 2.2e-5, 1_000_000_000_000_000);
        LearningRateSchedule perStep = DeepSeek.PerStep(decay, TrainingClock.Tokens);

        perStep.ShouldHaveRate(0, 2.2e-4);
        perStep.ShouldHaveRate(9_319, decay.GetLearningRate(117_260_156_928.0));
        perStep.ShouldHaveRate(15_906_531, 2.2e-5);
        perStep.ShouldHaveRate(long.MaxValue, 2.2e-5);
        ScheduleContract.Holds(perStep, [9_318, 9_319, 19_414]);
    }

    [Fact]
    public void Sequence_length_changes_at_a_number_of_samples_seen_even_inside_a_step()
    {
        // 512 tokens for the first 105 samples, then 2048: step 10 draws samples 100–109, five of each length.
        TrainingPlan plan = BatchSchedule.TokenPlan(1_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Keep, 512, [new(105, 2048)]);

        plan.GetTokensSeen(10).Should().Be(100 * 512);
        plan.GetTokensSeen(11).Should().Be((105 * 512) + (5 * 2048));
        plan.GetTokensSeen(12).Should().Be((105 * 512) + (15 * 2048));
        plan.GetSequenceLength(10).Should().Be(512);
        plan.GetSequenceLength(11).Should().Be(2048);
        plan.GetFirstStepWithTokensSeen(105 * 512).Should().Be(11, "105 samples are seen only after step 10");
        plan.GetFirstStepWithTokensSeen((105 * 512) + 1).Should().Be(11);
        plan.GetFirstStepWithTokensSeen((105 * 512) + (5 * 2048) + 1).Should().Be(12);
        plan.SequenceLengthChanges.Should().Equal(new SequenceLengthChange(105, 2048));
    }

    [Fact]
    public void Token_counts_past_long_max_value_saturate_at_queries_and_are_rejected_at_construction()
    {
        Simple.GetTokensSeen(long.MaxValue).Should().Be(long.MaxValue);

        // 2^40 tokens per sample: 2^23 samples are 2^63 tokens, one past long.MaxValue; 2^23 − 1 samples fit.
        FluentActions.Invoking(() => BatchSchedule.TokenPlan(1_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Drop, 1L << 40, [new(1L << 23, 1)]))
            .Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "sequenceLengthChanges" && e.Index == 0);
        TrainingPlan edge = BatchSchedule.TokenPlan(1_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Drop, 1L << 40, [new((1L << 23) - 1, 1)]);
        edge.GetFirstStepWithTokensSeen(long.MaxValue - (1L << 40) + 1).Should().Be(((1L << 23) - 1 + 9) / 10);
        edge.GetTokensSeen(1).Should().Be(10L << 40);
    }

    [Fact]
    public void Tokens_need_a_plan_that_counts_them()
    {
        TrainingPlan plain = BatchSchedule.Plan(1_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Drop);

        plain.CountsTokens.Should().BeFalse();
        plain.SequenceLength.Should().BeNull();
        FluentActions.Invoking(() => plain.GetTokensSeen(0)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => plain.PerStep(Schedule.Constant(0.1), TrainingClock.Tokens))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("clock");
        FluentActions.Invoking(() => BatchSchedule.Plan(1_000, BatchSchedule.Piecewise(10, [new(5_000, 20)], TrainingClock.Tokens), LastBatch.Drop))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("batchSizeSchedule");
    }

    [Fact]
    public void TokenPlan_rejects_bad_arguments_naming_them()
    {
        FluentActions.Invoking(() => BatchSchedule.TokenPlan(1_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Drop, 0))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("sequenceLength");
        FluentActions.Invoking(() => BatchSchedule.TokenPlan(1_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Drop, 512, [new(5, 1024), new(5, 2048)]))
            .Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "sequenceLengthChanges" && e.Index == 1);
        FluentActions.Invoking(() => BatchSchedule.TokenPlan(1_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Drop, 512, [new(5, 0)]))
            .Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "sequenceLengthChanges" && e.Index == 0);
        FluentActions.Invoking(() => BatchSchedule.TokenPlan(5, BatchSchedule.ConstantBatchSize(10), LastBatch.Drop, 512))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("datasetSize");
        FluentActions.Invoking(() => Simple.GetFirstStepWithTokensSeen(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tokensSeen");
    }

    [Fact]
    public void TokenPlan_records_the_call_that_built_it()
    {
        FactoryCalls.TryGetCall(Simple, out FactoryCall? call).Should().BeTrue();
        call!.Factory.Should().Be("TokenPlan");
        call.Arguments.Should().Equal(1_000L, Simple.BatchSizeSchedule, LastBatch.Drop, 512L, null);
    }

    [Fact]
    public void A_learning_rate_in_tokens_is_read_inside_a_step_at_the_tokens_drawn_so_far()
    {
        // Step 1.5 of Simple: 10 samples (5 120 tokens) seen, then half of the next 10 samples: 5 120 + 5 · 512 = 7 680.
        LearningRateSchedule perStep = Simple.PerStep(Schedule.FromFunction((double tokens) => 1.0 / (1.0 + tokens)), TrainingClock.Tokens);
        perStep.GetLearningRate(1.5).Should().Be(1.0 / 7_681.0);
    }

    [Fact]
    public void Tokens_add_up_over_several_sequence_length_changes()
    {
        // 100 tokens for samples 0-9, 200 for 10-29, 50 from 30; 10 samples per step.
        TrainingPlan plan = BatchSchedule.TokenPlan(1_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Keep, 100, [new(10, 200), new(30, 50)]);
        plan.GetTokensSeen(3).Should().Be((10 * 100) + (20 * 200));
        plan.GetTokensSeen(4).Should().Be((10 * 100) + (20 * 200) + (10 * 50));
        plan.GetFirstStepWithTokensSeen((10 * 100) + (20 * 200) + 1).Should().Be(4, "the 31st sample is drawn by step 3");
        plan.GetSequenceLength(3).Should().Be(50);
    }

    [Fact]
    public void A_change_whose_tokens_reach_exactly_long_MaxValue_is_accepted()
    {
        // long.MaxValue = 7 · 1 317 624 576 693 539 401: that many samples of 7 tokens.
        const long samples = 1_317_624_576_693_539_401;
        TrainingPlan plan = BatchSchedule.TokenPlan(1_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Drop, 7, [new(samples, 1)]);
        plan.GetFirstStepWithTokensSeen(long.MaxValue).Should().Be((samples + 9) / 10);
        plan.SequenceLengthChanges.Should().Equal(new SequenceLengthChange(samples, 1));
    }

    [Fact]
    public void Rejected_sequence_lengths_say_what_is_required()
    {
        FluentActions.Invoking(() => BatchSchedule.TokenPlan(1_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Drop, 512, [new(5, 1024), new(5, 2048)]))
            .Should().Throw<ScheduleArgumentException>().Which.Requirement
            .Should().Be("a SamplesSeen > 5 (the changes' samples seen are >= 1 and strictly increasing)");
        FluentActions.Invoking(() => BatchSchedule.TokenPlan(1_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Drop, 512, [new(5, -3)]))
            .Should().Throw<ScheduleArgumentException>().Which.Should().Match<ScheduleArgumentException>(e => e.Requirement == "a SequenceLength > 0" && (long)e.ActualValue! == -3);
        FluentActions.Invoking(() => BatchSchedule.TokenPlan(1_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Drop, 1L << 40, [new(1L << 23, 1)]))
            .Should().Throw<ScheduleArgumentException>().Which.Requirement
            .Should().Be("a SamplesSeen at which the tokens seen (9223372036854775808) fit in a long");
    }

    [Fact]
    public void Tokens_on_a_plan_without_them_are_rejected_saying_how_to_count_them()
    {
        TrainingPlan plain = BatchSchedule.Plan(1_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Drop);
        FluentActions.Invoking(() => plain.GetSequenceLength(0)).Should().Throw<InvalidOperationException>()
            .WithMessage("This plan does not count tokens: build it with BatchSchedule.TokenPlan and a sequence length.");
        FluentActions.Invoking(() => plain.PerStep(Schedule.Constant(0.1), TrainingClock.Tokens))
            .Should().Throw<ScheduleArgumentException>().Which.Requirement
            .Should().Be("Steps, Epochs or Samples: this plan has no sequence length to count tokens (build it with BatchSchedule.TokenPlan)");
        FluentActions.Invoking(() => BatchSchedule.Plan(1_000, BatchSchedule.Piecewise(10, [new(5_000, 20)], TrainingClock.Tokens), LastBatch.Drop))
            .Should().Throw<ScheduleArgumentException>().Which.Requirement
            .Should().Be("on steps, epochs or samples: a batch-size schedule on tokens needs a plan with a sequence length (BatchSchedule.TokenPlan)");
    }

    [Fact]
    public void TokenPlan_records_no_changes_as_null_and_given_changes_as_a_copy()
    {
        // Built here, not in a static field, so that each call is the one this test makes.
        BatchSizeSchedule batches = BatchSchedule.ConstantBatchSize(10);
        FactoryCalls.TryGetCall(BatchSchedule.TokenPlan(1_000, batches, LastBatch.Drop, 512), out FactoryCall? withoutChanges).Should().BeTrue();
        withoutChanges!.Arguments[^1].Should().BeNull();
        SequenceLengthChange[] given = [new(5, 1_024)];
        FactoryCalls.TryGetCall(BatchSchedule.TokenPlan(1_000, batches, LastBatch.Drop, 512, given), out FactoryCall? withChanges).Should().BeTrue();
        withChanges!.Arguments[^1].Should().BeOfType<SequenceLengthChange[]>().Which.Should().Equal(given).And.NotBeSameAs(given);
    }
}
