using LrSchedules.Batching;

namespace LrSchedules.Tests.Batching;

public class AdaptiveBatchSizeControllerTests
{
    /// <summary>N = 100, B0 = 10, batch in [10, 80], a decision every 5 steps, rate 1 tuned at B0.</summary>
    private static AdaptiveBatchSizeController Controller(
        long interval = 5,
        AdaptiveRateRule rule = AdaptiveRateRule.Linear,
        bool growOnly = true,
        bool integerFactors = false,
        ILearningRateSchedule? learningRate = null,
        TrainingClock clock = TrainingClock.Steps) =>
        AdaptiveBatching.Controller(
            learningRate ?? Schedule.Constant(1.0),
            datasetSize: 100,
            initialBatchSize: 10,
            minimumBatchSize: 10,
            maximumBatchSize: 80,
            decisionIntervalSteps: interval,
            rateRule: rule,
            growOnly: growOnly,
            integerFactors: integerFactors,
            clock: clock);

    private static void ReportMany(AdaptiveBatchSizeController controller, int count, double noiseScale)
    {
        for (int i = 0; i < count; i++)
        {
            controller.Report(noiseScale);
        }
    }

    [Fact]
    public void Before_any_report_the_batch_is_the_initial_one_at_the_tuned_rate()
    {
        AdaptiveBatchSizeController controller = Controller();

        controller.ReportCount.Should().Be(0);
        controller.CurrentBatchSize.Should().Be(10);
        controller.CurrentLearningRate.Should().Be(1.0);
        controller.Changes.Should().BeEmpty();
        controller.PendingBatchSize.Should().Be(0);
    }

    [Fact]
    public void Only_decision_points_change_the_batch_to_the_rounded_clamped_noise_scale()
    {
        AdaptiveBatchSizeController controller = Controller();

        ReportMany(controller, 4, 33.4); // steps 1–4: no decision point
        controller.CurrentBatchSize.Should().Be(10);
        controller.Report(7.0); // step 5 decides on 7: below the minimum, stays 10
        controller.CurrentBatchSize.Should().Be(10);
        ReportMany(controller, 4, 1000.0);
        controller.Report(33.4); // step 10 decides on 33.4 → 33

        controller.ReportCount.Should().Be(10);
        controller.CurrentBatchSize.Should().Be(33);
        controller.Changes.Should().Equal(new BatchSizeChange(10, 33));
        controller.CurrentLearningRate.Should().Be(33.0 / 10.0);
        controller.GetLearningRate(9).Should().Be(1.0);
        controller.GetBatchSize(9).Should().Be(10);
    }

    [Fact]
    public void An_infinite_noise_scale_gives_the_maximum_and_zero_the_minimum()
    {
        AdaptiveBatchSizeController controller = Controller(growOnly: false);

        ReportMany(controller, 5, double.PositiveInfinity);
        controller.CurrentBatchSize.Should().Be(80);
        ReportMany(controller, 5, 0.0);
        controller.CurrentBatchSize.Should().Be(10);
    }

    [Fact]
    public void Grow_only_keeps_the_batch_when_the_noise_scale_falls_and_otherwise_it_shrinks()
    {
        AdaptiveBatchSizeController growOnly = Controller();
        ReportMany(growOnly, 5, 40.0);
        ReportMany(growOnly, 5, 12.0);
        growOnly.CurrentBatchSize.Should().Be(40);
        growOnly.Changes.Should().HaveCount(1);

        AdaptiveBatchSizeController both = Controller(growOnly: false);
        ReportMany(both, 5, 40.0);
        ReportMany(both, 5, 12.0);
        both.CurrentBatchSize.Should().Be(12);
        both.Changes.Should().Equal(new BatchSizeChange(5, 40), new BatchSizeChange(10, 12));
        both.CurrentLearningRate.Should().Be(12.0 / 10.0);
    }

    [Fact]
    public void The_noise_scale_multiplier_and_the_granularity_shape_the_target()
    {
        AdaptiveBatchSizeController controller = AdaptiveBatching.Controller(
            Schedule.Constant(1.0), 128, 8, 8, 64, 5, granularity: BatchSizeGranularity.PowerOfTwo, noiseScaleMultiplier: 2.0);

        ReportMany(controller, 5, 11.0); // 2 · 11 = 22 → 16 (boundary 16·√2 ≈ 22.6)
        controller.CurrentBatchSize.Should().Be(16);
        ReportMany(controller, 5, 11.5); // 23 → 32
        controller.CurrentBatchSize.Should().Be(32);
    }

    [Fact]
    public void The_clocks_stay_exact_after_changes_decided_at_run_time()
    {
        AdaptiveBatchSizeController controller = Controller();
        ReportMany(controller, 10, 33.0); // step 5 → 33 (mid epoch 0: 50 samples drawn)

        // Epoch 0: steps 0–4 draw 50, step 5 draws 33 (83); 17 left < 33, dropped: step 6 starts epoch 1.
        controller.GetPosition(5).Should().Be(controller.Plan.GetPosition(5));
        controller.GetPosition(5).SamplesSeen.Should().Be(50);
        controller.GetPosition(6).Epoch.Should().Be(1);
        controller.GetPosition(6).SamplesSeen.Should().Be(83);
        controller.GetPosition(6).StepInEpoch.Should().Be(0);
        controller.GetPosition(9).Epoch.Should().Be(2);
        controller.GetPosition(9).SamplesSeen.Should().Be(83 + 99);
        controller.GetPosition(1_000_000).BatchSize.Should().Be(33);
    }

    [Fact]
    public void Decisions_each_epoch_come_at_the_first_step_of_every_epoch()
    {
        AdaptiveBatchSizeController controller = Controller(interval: 0);

        ReportMany(controller, 9, 25.0);
        controller.CurrentBatchSize.Should().Be(10);
        controller.Report(25.0); // step 10: first step of epoch 1
        controller.CurrentBatchSize.Should().Be(25);
        ReportMany(controller, 3, 50.0); // steps 11–13 in epoch 1 (4 steps of 25)
        controller.CurrentBatchSize.Should().Be(25);
        controller.Report(50.0); // step 14: first step of epoch 2
        controller.CurrentBatchSize.Should().Be(50);
        controller.Changes.Should().Equal(new BatchSizeChange(10, 25), new BatchSizeChange(14, 50));
    }

    [Fact]
    public void Integer_factors_grow_by_a_whole_factor_and_wait_until_the_epoch_divides_into_new_batches()
    {
        AdaptiveBatchSizeController controller = Controller(interval: 3, integerFactors: true);

        ReportMany(controller, 3, 45.0); // step 3: 45 → factor 4 → 40; 30 samples drawn, 30 mod 40 ≠ 0: waits
        controller.CurrentBatchSize.Should().Be(10);
        controller.PendingBatchSize.Should().Be(40);
        controller.Report(45.0); // step 4: 40 samples drawn, divisible: applied

        controller.CurrentBatchSize.Should().Be(40);
        controller.PendingBatchSize.Should().Be(0);
        controller.Changes.Should().Equal(new BatchSizeChange(4, 40));
        controller.CurrentLearningRate.Should().Be(4.0);
    }

    [Fact]
    public void Integer_factors_with_powers_of_two_take_the_largest_power_of_two_factor()
    {
        AdaptiveBatchSizeController controller = AdaptiveBatching.Controller(
            Schedule.Constant(1.0), 128, 8, 8, 64, 5, granularity: BatchSizeGranularity.PowerOfTwo, integerFactors: true);

        ReportMany(controller, 5, 40.0); // → 32, factor 4; 40 samples drawn: waits
        controller.PendingBatchSize.Should().Be(32);
        ReportMany(controller, 2, 40.0); // steps 6, 7: 48, 56 drawn
        controller.CurrentBatchSize.Should().Be(8);
        controller.Report(40.0); // step 8: 64 drawn

        controller.Changes.Should().Equal(new BatchSizeChange(8, 32));
    }

    [Fact]
    public void Integer_factors_shrink_to_the_smallest_whole_divisor_above_the_target()
    {
        AdaptiveBatchSizeController controller = Controller(growOnly: false, integerFactors: true);
        ReportMany(controller, 5, 40.0); // 40 = 10 · 4; 50 drawn, 50 mod 40 ≠ 0: waits until step 8 (80)
        ReportMany(controller, 3, 40.0);
        controller.CurrentBatchSize.Should().Be(40);

        ReportMany(controller, 2, 12.0); // step 10 decides: 40/2 = 20 ≥ 12, 40/3 not whole, 40/4 = 10 < 12

        controller.CurrentBatchSize.Should().Be(20);
    }

    [Theory]
    [InlineData(AdaptiveRateRule.Linear, 40, 4.0)]
    [InlineData(AdaptiveRateRule.SquareRoot, 40, 2.0)]
    [InlineData(AdaptiveRateRule.Gain, 30, 2.0)] // B_noise 30, B0 10, B 30: (1 + 3)/(1 + 1)
    public void Each_change_scales_the_rate_by_the_rule(AdaptiveRateRule rule, double noiseScale, double multiplier)
    {
        AdaptiveBatchSizeController controller = Controller(rule: rule, learningRate: Schedule.Constant(0.5));

        ReportMany(controller, 5, noiseScale);

        controller.CurrentLearningRate.Should().Be(0.5 * multiplier);
        controller.GetLearningRate(4).Should().Be(0.5);
    }

    [Fact]
    public void The_gain_rule_is_linear_at_an_infinite_noise_scale()
    {
        AdaptiveBatchSizeController controller = Controller(rule: AdaptiveRateRule.Gain);

        ReportMany(controller, 5, double.PositiveInfinity);

        controller.CurrentBatchSize.Should().Be(80);
        controller.CurrentLearningRate.Should().Be(8.0);
    }

    [Fact]
    public void The_rate_schedule_is_read_on_the_chosen_clock_of_the_run_own_plan()
    {
        AdaptiveBatchSizeController controller = Controller(learningRate: Schedule.Linear(1.0, 0.0, 10), clock: TrainingClock.Epochs);
        controller.GetLearningRate(5).Should().BeApproximately(0.95, 1e-15); // epoch 0.5

        ReportMany(controller, 10, 20.0); // step 5 → 20 (×2): steps 5, 6 draw 40 (90 in all), 10 left < 20: epoch 1 at step 7

        controller.GetPosition(7).Epoch.Should().Be(1);
        controller.GetPosition(7).StepInEpoch.Should().Be(0);
        controller.GetLearningRate(9).Should().BeApproximately((1.0 - 0.14) * 2.0, 1e-15); // epoch 1 + 40/100
    }

    [Fact]
    public void Queries_hold_the_last_batch_up_to_the_largest_step_and_reject_negative_steps()
    {
        AdaptiveBatchSizeController controller = Controller(learningRate: Schedule.Linear(1.0, 0.5, 10));
        ReportMany(controller, 5, 40.0); // 40 from step 5, rate × 4

        controller.GetLearningRate(0).Should().Be(1.0);
        controller.GetBatchSize(4).Should().Be(10);
        controller.GetBatchSize(5).Should().Be(40);
        controller.GetBatchSize(long.MaxValue).Should().Be(40);
        controller.GetLearningRate(long.MaxValue).Should().Be(0.5 * 4.0);
        controller.GetLearningRate(10).Should().Be(0.5 * 4.0);
        controller.GetLearningRate(9).Should().BeApproximately(0.55 * 4.0, 1e-15);
        controller.GetPosition(long.MaxValue).BatchSize.Should().Be(40);
        ((Action)(() => controller.GetLearningRate(-1))).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("step");
        ((Action)(() => controller.GetPosition(-1))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Queries_and_reports_between_decisions_allocate_nothing()
    {
        AdaptiveBatchSizeController controller = Controller(interval: 1_000_000_000);
        ReportMany(controller, 3, 20.0);
        BatchAssertions.AllocatesNothing(() =>
        {
            controller.Report(20.0);
            return controller.CurrentBatchSize + (long)controller.CurrentLearningRate + controller.GetPosition(7).Epoch;
        });
    }

    [Fact]
    public void A_bad_report_is_rejected_and_changes_nothing()
    {
        AdaptiveBatchSizeController controller = Controller();
        foreach (double bad in new[] { double.NaN, -1.0, double.NegativeInfinity })
        {
            ScheduleArgumentException exception = ((Action)(() => controller.Report(bad))).Should().Throw<ScheduleArgumentException>().Which;
            exception.ParamName.Should().Be("statistic");
            exception.Requirement.Should().Be("a noise scale >= 0 (+infinity allowed)");
        }

        controller.ReportCount.Should().Be(0);
    }

    [Fact]
    public void Bad_arguments_are_rejected_naming_them()
    {
        ILearningRateSchedule rate = Schedule.Constant(1.0);
        Rejects(() => AdaptiveBatching.Controller(rate, 100, 10, 0, 80, 5), "minimumBatchSize");
        Rejects(() => AdaptiveBatching.Controller(rate, 100, 10, 10, 9, 5), "maximumBatchSize");
        Rejects(() => AdaptiveBatching.Controller(rate, 100, 81, 10, 80, 5), "initialBatchSize");
        Rejects(() => AdaptiveBatching.Controller(rate, 79, 10, 10, 80, 5), "datasetSize");
        Rejects(() => AdaptiveBatching.Controller(rate, 100, 10, 10, 80, -1), "decisionIntervalSteps");
        Rejects(() => AdaptiveBatching.Controller(rate, 100, 10, 10, 80, 5, (AdaptiveRateRule)7), "rateRule");
        Rejects(() => AdaptiveBatching.Controller(rate, 100, 16, 16, 48, 5, granularity: BatchSizeGranularity.PowerOfTwo), "maximumBatchSize");
        Rejects(() => AdaptiveBatching.Controller(rate, 100, 10, 10, 80, 5, noiseScaleMultiplier: 0.0), "noiseScaleMultiplier");
        Rejects(() => AdaptiveBatching.Controller(rate, 100, 10, 10, 80, 5, lastBatch: (LastBatch)5), "lastBatch");
        Rejects(() => AdaptiveBatching.Controller(rate, 100, 10, 10, 80, 5, clock: (TrainingClock)5), "clock");
        ((Action)(() => AdaptiveBatching.Controller(null!, 100, 10, 10, 80, 5))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("learningRate");
    }

    [Fact]
    public void Exported_state_continues_the_run_bit_for_bit_including_a_pending_change()
    {
        AdaptiveBatchSizeController original = Controller(interval: 3, rule: AdaptiveRateRule.Gain, integerFactors: true, growOnly: false, learningRate: Schedule.Linear(1.0, 0.1, 50));
        ReportMany(original, 3, 45.0); // pending 40
        string saved = original.ExportStateJson();

        AdaptiveBatchSizeController restored = Controller(interval: 3, rule: AdaptiveRateRule.Gain, integerFactors: true, growOnly: false, learningRate: Schedule.Linear(1.0, 0.1, 50));
        restored.ImportStateJson(saved);
        restored.PendingBatchSize.Should().Be(40);

        double[] noise = [45.0, 45.0, 17.3, 60.2, 60.2, 60.2, 3.0, 33.3, 33.3, 80.0, 80.0, 80.0, double.PositiveInfinity];
        foreach (double n in noise)
        {
            original.Report(n);
            restored.Report(n);
            BitConverter.DoubleToInt64Bits(restored.CurrentLearningRate).Should().Be(BitConverter.DoubleToInt64Bits(original.CurrentLearningRate));
            restored.CurrentBatchSize.Should().Be(original.CurrentBatchSize);
        }

        original.Changes.Should().HaveCountGreaterThan(1);
        restored.ExportStateJson().Should().Be(original.ExportStateJson());
        restored.GetPosition(1000).Should().Be(original.GetPosition(1000));
    }

    [Theory]
    [InlineData("maximumBatchSize", "\"maximumBatchSize\":80", "\"maximumBatchSize\":64", "json.configuration.maximumBatchSize")]
    [InlineData("rule", "\"rateRule\":\"Linear\"", "\"rateRule\":\"Gain\"", "json.configuration.rateRule")]
    [InlineData("batch", "\"batchSize\":40", "\"batchSize\":81", "json.changes[0].batchSize")]
    [InlineData("step", "\"step\":5", "\"step\":0", "json.changes[0].step")]
    [InlineData("future step", "\"step\":5", "\"step\":99", "json.changes[0].step")]
    [InlineData("multiplier", "\"rateMultiplier\":4", "\"rateMultiplier\":-4", "json.changes[0].rateMultiplier")]
    [InlineData("multiplier not the rule's", "\"rateMultiplier\":4", "\"rateMultiplier\":3.5", "json.changes[0].rateMultiplier")]
    [InlineData("a shrink under grow-only", "\"batchSize\":40", "\"batchSize\":10", "json.changes[0].batchSize")]
    [InlineData("count", "\"reportCount\":7", "\"reportCount\":-7", "json.reportCount")]
    [InlineData("version", "\"version\":1", "\"version\":9", "json.version")]
    [InlineData("truncated", ",\"pendingBatchSize\"", "", "json")]
    [InlineData("dataset", "\"datasetSize\":100", "\"datasetSize\":200", "json.configuration.datasetSize")]
    [InlineData("initial", "\"initialBatchSize\":10", "\"initialBatchSize\":20", "json.configuration.initialBatchSize")]
    [InlineData("integer factors", "\"integerFactors\":false", "\"integerFactors\":true", "json.configuration.integerFactors")]
    [InlineData("minimum", "\"minimumBatchSize\":10", "\"minimumBatchSize\":5", "json.configuration.minimumBatchSize")]
    [InlineData("interval", "\"decisionIntervalSteps\":5", "\"decisionIntervalSteps\":0", "json.configuration.decisionIntervalSteps")]
    [InlineData("granularity", "\"granularity\":\"multiples of 1\"", "\"granularity\":\"powers of two\"", "json.configuration.granularity")]
    [InlineData("noise multiplier", "\"noiseScaleMultiplier\":1", "\"noiseScaleMultiplier\":2", "json.configuration.noiseScaleMultiplier")]
    [InlineData("grow only", "\"growOnly\":true", "\"growOnly\":false", "json.configuration.growOnly")]
    [InlineData("last batch", "\"lastBatch\":\"Drop\"", "\"lastBatch\":\"Keep\"", "json.configuration.lastBatch")]
    [InlineData("clock", "\"clock\":\"Steps\"", "\"clock\":\"Epochs\"", "json.configuration.clock")]
    [InlineData("batch zero", "\"batchSize\":40", "\"batchSize\":0", "json.changes[0].batchSize")]
    [InlineData("multiplier a string", "\"rateMultiplier\":4", "\"rateMultiplier\":\"4\"", "json.changes[0].rateMultiplier")]
    [InlineData("pending batch too big", "\"pendingBatchSize\":0", "\"pendingBatchSize\":81", "json.pendingBatchSize")]
    [InlineData("pending noise negative", "\"pendingNoiseScale\":0", "\"pendingNoiseScale\":-1", "json.pendingNoiseScale")]
    [InlineData("pending noise -infinity", "\"pendingNoiseScale\":0", "\"pendingNoiseScale\":\"-Infinity\"", "json.pendingNoiseScale")]
    public void A_corrupt_or_mismatched_state_is_rejected_naming_the_field_and_nothing_changes(string what, string find, string replace, string field)
    {
        AdaptiveBatchSizeController source = Controller();
        ReportMany(source, 7, 40.0);
        string json = source.ExportStateJson();
        json.Should().Contain(find, what);
        string corrupt = replace.Length == 0 ? json[..json.IndexOf(find, StringComparison.Ordinal)] : json.Replace(find, replace, StringComparison.Ordinal);

        AdaptiveBatchSizeController target = Controller();
        ReportMany(target, 3, 20.0);
        string before = target.ExportStateJson();

        ((Action)(() => target.ImportStateJson(corrupt))).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be(field);
        target.ExportStateJson().Should().Be(before);
    }

    [Theory]
    [InlineData("\"step\":5", "\"step\":8", "json.changes[0].step", "<= reportCount = 7")]
    [InlineData("\"batchSize\":40", "\"batchSize\":81", "json.changes[0].batchSize", "in [10, 80] and allowed by the granularity (multiples of 1)")]
    [InlineData("\"batchSize\":40", "\"batchSize\":10", "json.changes[0].batchSize", "greater than the batch size before it, 10")]
    [InlineData("\"rateMultiplier\":4", "\"rateMultiplier\":3.5", "json.changes[0].rateMultiplier", "4, the Linear rule's factor at batch 40")]
    [InlineData("\"pendingNoiseScale\":0", "\"pendingNoiseScale\":-1", "json.pendingNoiseScale", "a noise scale >= 0 or \"Infinity\"")]
    public void A_rejected_state_says_what_the_field_must_be(string find, string replace, string field, string requirement)
    {
        AdaptiveBatchSizeController source = Controller();
        ReportMany(source, 7, 40.0); // change (5, 40), report count 7
        string json = source.ExportStateJson();
        json.Should().Contain(find);

        ScheduleArgumentException exception = ((Action)(() => Controller().ImportStateJson(json.Replace(find, replace, StringComparison.Ordinal))))
            .Should().Throw<ScheduleArgumentException>().Which;

        exception.ParamName.Should().Be(field);
        exception.Requirement.Should().Be(requirement);
    }

    [Fact]
    public void A_second_change_is_checked_against_the_first_not_the_initial_batch()
    {
        AdaptiveBatchSizeController growOnly = Controller();
        ReportMany(growOnly, 5, 40.0);
        ReportMany(growOnly, 5, 60.0); // changes (5, 40), (10, 60)
        string grown = growOnly.ExportStateJson();
        grown.Should().Contain("\"batchSize\":60");

        ScheduleArgumentException notGreater = ((Action)(() => Controller().ImportStateJson(grown.Replace("\"batchSize\":60", "\"batchSize\":40", StringComparison.Ordinal))))
            .Should().Throw<ScheduleArgumentException>().Which;
        notGreater.ParamName.Should().Be("json.changes[1].batchSize");
        notGreater.Requirement.Should().Be("greater than the batch size before it, 40");

        ScheduleArgumentException smaller = ((Action)(() => Controller().ImportStateJson(grown.Replace("\"batchSize\":60", "\"batchSize\":20", StringComparison.Ordinal))))
            .Should().Throw<ScheduleArgumentException>().Which;
        smaller.ParamName.Should().Be("json.changes[1].batchSize");
        smaller.Requirement.Should().Be("greater than the batch size before it, 40");

        AdaptiveBatchSizeController both = Controller(growOnly: false);
        ReportMany(both, 5, 40.0);
        ReportMany(both, 5, 12.0); // changes (5, 40), (10, 12)
        string shrunk = both.ExportStateJson();
        shrunk.Should().Contain("\"batchSize\":12");

        ScheduleArgumentException same = ((Action)(() => Controller(growOnly: false).ImportStateJson(shrunk.Replace("\"batchSize\":12", "\"batchSize\":40", StringComparison.Ordinal))))
            .Should().Throw<ScheduleArgumentException>().Which;
        same.ParamName.Should().Be("json.changes[1].batchSize");
        same.Requirement.Should().Be("different from the batch size before it, 40");
    }

    [Fact]
    public void A_gain_rule_state_needs_a_positive_rate_multiplier()
    {
        AdaptiveBatchSizeController source = Controller(rule: AdaptiveRateRule.Gain);
        ReportMany(source, 5, 30.0); // (1 + 30/10)/(1 + 30/30) = 2
        string json = source.ExportStateJson();
        json.Should().Contain("\"rateMultiplier\":2");

        ScheduleArgumentException exception = ((Action)(() => Controller(rule: AdaptiveRateRule.Gain).ImportStateJson(json.Replace("\"rateMultiplier\":2", "\"rateMultiplier\":0", StringComparison.Ordinal))))
            .Should().Throw<ScheduleArgumentException>().Which;

        exception.ParamName.Should().Be("json.changes[0].rateMultiplier");
        exception.Requirement.Should().Be("a finite number > 0");
    }

    [Fact]
    public void A_state_saved_at_the_decision_step_with_changes_to_the_maximum_and_the_minimum_imports()
    {
        AdaptiveBatchSizeController original = Controller(growOnly: false);
        ReportMany(original, 5, double.PositiveInfinity);
        ReportMany(original, 5, 0.0); // changes (5, 80), (10, 10): the last one at the report count

        AdaptiveBatchSizeController restored = Controller(growOnly: false);
        restored.ImportStateJson(original.ExportStateJson());

        restored.ReportCount.Should().Be(10);
        restored.Changes.Should().Equal(new BatchSizeChange(5, 80), new BatchSizeChange(10, 10));
        restored.CurrentBatchSize.Should().Be(10);
        restored.CurrentLearningRate.Should().Be(1.0);
        restored.GetLearningRate(9).Should().Be(8.0);
    }

    [Fact]
    public void No_report_is_taken_once_the_report_count_is_long_max_value()
    {
        AdaptiveBatchSizeController controller = Controller();
        string json = controller.ExportStateJson();
        json.Should().Contain("\"reportCount\":0");
        controller.ImportStateJson(json.Replace("\"reportCount\":0", "\"reportCount\":9223372036854775807", StringComparison.Ordinal));

        ((Action)(() => controller.Report(1.0))).Should().Throw<InvalidOperationException>()
            .WithMessage("No more statistics can be reported: ReportCount has reached long.MaxValue.");
        controller.ReportCount.Should().Be(long.MaxValue);
    }

    [Fact]
    public void Integer_factors_grow_by_the_whole_factor_not_a_power_of_two_when_any_batch_is_allowed()
    {
        AdaptiveBatchSizeController controller = Controller(integerFactors: true);

        ReportMany(controller, 5, 35.0); // 35 / 10 → factor 3 → 30; 50 drawn, 50 mod 30 ≠ 0: waits
        controller.PendingBatchSize.Should().Be(30);
        controller.Report(35.0); // step 6: 60 drawn, divisible by 30

        controller.Changes.Should().Equal(new BatchSizeChange(6, 30));
        controller.CurrentLearningRate.Should().Be(3.0);
    }

    [Theory]
    [InlineData(20.0, 20)] // 40/2 = 20 is the target itself
    [InlineData(10.0, 10)] // 40/4 = 10 is the minimum itself
    public void Integer_factors_shrink_to_a_divisor_equal_to_the_target(double noiseScale, long expected)
    {
        AdaptiveBatchSizeController controller = Controller(growOnly: false, integerFactors: true);
        ReportMany(controller, 8, 40.0); // 40 from step 8 (80 drawn)
        controller.CurrentBatchSize.Should().Be(40);

        ReportMany(controller, 2, noiseScale); // step 10 decides

        controller.Changes.Should().Equal(new BatchSizeChange(8, 40), new BatchSizeChange(10, expected));
        controller.CurrentBatchSize.Should().Be(expected);
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(6_917_529_027_641_081_856.0)] // exactly the maximum, 3 · 2^61
    public void A_maximum_batch_above_two_to_the_62_is_reached_exactly(double noiseScale)
    {
        const long maximum = 6_917_529_027_641_081_856; // past the 2^62 cap of rounding
        AdaptiveBatchSizeController controller = AdaptiveBatching.Controller(Schedule.Constant(1.0), long.MaxValue, 1, 1, maximum, 1, growOnly: false);

        controller.Report(noiseScale);

        controller.CurrentBatchSize.Should().Be(maximum);
        controller.Changes.Should().Equal(new BatchSizeChange(1, maximum));
    }

    [Fact]
    public void Limits_equal_to_each_other_and_to_the_dataset_are_accepted()
    {
        ILearningRateSchedule rate = Schedule.Constant(1.0);

        AdaptiveBatchSizeController atMaximum = AdaptiveBatching.Controller(rate, 80, 80, 10, 80, 5);
        atMaximum.CurrentBatchSize.Should().Be(80);
        atMaximum.DatasetSize.Should().Be(80);

        AdaptiveBatchSizeController fixedBatch = AdaptiveBatching.Controller(rate, 10, 10, 10, 10, 5);
        ReportMany(fixedBatch, 5, 1000.0);
        fixedBatch.CurrentBatchSize.Should().Be(10);
        fixedBatch.Changes.Should().BeEmpty();
    }

    [Fact]
    public void Bad_arguments_are_rejected_saying_what_they_must_be()
    {
        ILearningRateSchedule rate = Schedule.Constant(1.0);
        Rejects(() => AdaptiveBatching.Controller(rate, 100, 10, 0, 80, 5), "minimumBatchSize", "> 0");
        Rejects(() => AdaptiveBatching.Controller(rate, 100, 10, 10, 9, 5), "maximumBatchSize", ">= minimumBatchSize = 10");
        Rejects(() => AdaptiveBatching.Controller(rate, 100, 9, 10, 80, 5), "initialBatchSize", "in [minimumBatchSize, maximumBatchSize] = [10, 80]");
        Rejects(() => AdaptiveBatching.Controller(rate, 79, 10, 10, 80, 5), "datasetSize", ">= maximumBatchSize = 80, so that every epoch has a full batch");
        Rejects(() => AdaptiveBatching.Controller(rate, 100, 16, 12, 64, 5, granularity: BatchSizeGranularity.PowerOfTwo), "minimumBatchSize", "allowed by the granularity (powers of two)");
        Rejects(() => AdaptiveBatching.Controller(rate, 100, 24, 16, 64, 5, granularity: BatchSizeGranularity.PowerOfTwo), "initialBatchSize", "allowed by the granularity (powers of two)");

        // Both bad: the one declared first is named.
        Rejects(() => AdaptiveBatching.Controller(rate, 100, 10, 10, 80, 5, lastBatch: (LastBatch)5, clock: (TrainingClock)5), "lastBatch", "one of Keep, Drop");
    }

    private static void Rejects(Action act, string parameter, string requirement)
    {
        ScheduleArgumentException exception = act.Should().Throw<ScheduleArgumentException>().Which;
        exception.ParamName.Should().Be(parameter);
        exception.Requirement.Should().Be(requirement);
    }

    private static void Rejects(Action act, string parameter) =>
        act.Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be(parameter);
}
