using FsCheck;
using LrSchedules.Tests.Contract;
using LrSchedules.Tests.Randomness;

namespace LrSchedules.Tests.Batching;

public class BatchGrowthPlanTests
{
    /// <summary>Smith et al. 2017: rate 0.1 divided by 5 at epochs 30, 45 and 55.</summary>
    private static readonly MultiStepSchedule StepDecay = (MultiStepSchedule)Schedule.MultiStep(0.1, [30, 45, 55], 0.2);

    public static TheoryData<LastBatch, long, long> SmithCases() => new()
    {
        // Last batch, granularity multiple, total steps for 60 epochs: 30 · 140 + 15 · 28 + 15 · steps per epoch at 250.
        { LastBatch.Drop, 1, 4_695 },
        { LastBatch.Drop, 10, 4_695 },
        { LastBatch.Keep, 5, 4_710 },
    };

    [Theory]
    [MemberData(nameof(SmithCases))]
    public void Step_decay_becomes_batches_10_50_250_250_with_rates_01_01_01_002(LastBatch lastBatch, long multiple, long totalSteps)
    {
        BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(
            StepDecay, TrainingClock.Epochs, datasetSize: 1_400, lastBatch, initialBatchSize: 10, maximumBatchSize: 250, epochs: 60,
            BatchSizeGranularity.MultipleOf(multiple));

        long[] epochs = [0, 29, 30, 44, 45, 54, 55, 59, 1_000];
        epochs.Select(growth.Plan.BatchSizeSchedule.GetBatchSize).Should().Equal(10, 10, 50, 50, 250, 250, 250, 250, 250);
        growth.Plan.Phases.Select(p => (p.FirstStep, p.BatchSize)).Should().Equal((0L, 10L), (4_200L, 50L), (4_620L, 250L));

        long[] firstSteps = [0, 30, 45, 55];
        double[] rates = firstSteps.Select(e => growth.LearningRate.GetLearningRate(growth.Plan.GetFirstStepOfEpoch(e))).ToArray();
        rates.Should().Equal([0.1, 0.1, 0.1, 0.02], (a, b) => Math.Abs(a - b) <= b * ScheduleAssertions.Tight);
        growth.LearningRate.ShouldHaveRate(growth.Plan.GetFirstStepOfEpoch(45) - 1, 0.1, ScheduleAssertions.Tight);

        growth.GetTotalSteps(60).Should().Be(totalSteps);
        growth.GetSourceTotalSteps(60).Should().Be(60 * 140);
    }

    [Theory]
    [InlineData(LastBatch.Drop)]
    [InlineData(LastBatch.Keep)]
    public void Step_decay_keeps_the_noise_scale_of_the_source_at_every_epoch(LastBatch lastBatch)
    {
        BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Epochs, 1_400, lastBatch, 10, 250, 60);
        for (long epoch = 0; epoch < 70; epoch++)
        {
            long step = growth.Plan.GetFirstStepOfEpoch(epoch);
            double source = BatchScaling.GetSgdNoiseScale(StepDecay.GetLearningRate(epoch), 1_400, 10);
            foreach (long s in new[] { step, step + 1 })
            {
                growth.GetSgdNoiseScale(s).Should().BeApproximately(source, source * ScheduleAssertions.Tight, $"epoch {epoch}, step {s}");
                growth.GetSourceSgdNoiseScale(s).Should().Be(source);
            }
        }
    }

    [Fact]
    public void A_rising_source_shrinks_the_batch_below_the_initial_one_with_the_same_noise_scale()
    {
        // Rate doubles at epoch 2: the batch halves, as B(e) = B0 · lr(0) / lr(e) says.
        var rising = Schedule.PiecewiseConstant([0.1, 0.2], [2]);
        BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(
            rising, TrainingClock.Epochs, datasetSize: 1000, LastBatch.Drop, initialBatchSize: 100, maximumBatchSize: 400, epochs: 4);

        long atEpoch2 = growth.Plan.GetFirstStepOfEpoch(2);
        growth.Plan.GetBatchSize(atEpoch2 - 1).Should().Be(100);
        growth.Plan.GetBatchSize(atEpoch2).Should().Be(50);
        growth.LearningRate.GetLearningRate(atEpoch2).Should().BeApproximately(0.1, 1e-15);
        growth.GetSgdNoiseScale(atEpoch2).Should().BeApproximately(growth.GetSourceSgdNoiseScale(atEpoch2), 1e-12);
    }

    [SeededProperty(MaxTest = 60)]
    public void Noise_scale_identity_holds_for_cosine_sources(PositiveInt totalEpochs, PositiveInt batch, PositiveInt growthLimit, PositiveInt datasetExtra, bool keep, byte finalPercent, byte granularityChoice)
    {
        long epochs = 2 + (totalEpochs.Get % 60);
        double initialRate = 0.4;
        CosineSchedule cosine = (CosineSchedule)Schedule.Cosine(initialRate, initialRate * (finalPercent % 20) / 100.0, epochs);
        CheckIdentity(cosine, TrainingClock.Epochs, epochs, batch.Get, growthLimit.Get, datasetExtra.Get, keep, granularityChoice);
    }

    [SeededProperty(MaxTest = 60)]
    public void Noise_scale_identity_holds_for_exponential_sources(PositiveInt totalEpochs, PositiveInt batch, PositiveInt growthLimit, PositiveInt datasetExtra, bool keep, byte decayPercent, byte granularityChoice)
    {
        long epochs = 2 + (totalEpochs.Get % 60);
        double gamma = 0.5 + ((decayPercent % 50) / 100.0);
        ExponentialSchedule exponential = (ExponentialSchedule)Schedule.Exponential(0.1, gamma);
        CheckIdentity(exponential, TrainingClock.Epochs, epochs, batch.Get, growthLimit.Get, datasetExtra.Get, keep, granularityChoice);
    }

    [SeededProperty(MaxTest = 40)]
    public void Noise_scale_identity_holds_for_sources_in_samples(PositiveInt totalEpochs, PositiveInt batch, PositiveInt growthLimit, PositiveInt datasetExtra, bool keep, byte decayPercent, byte granularityChoice)
    {
        long epochs = 2 + (totalEpochs.Get % 40);
        double gamma = 0.5 + ((decayPercent % 50) / 100.0);
        // At least 1,000 samples per decay: the plans below see at most ~10^6 samples, so the source stays above
        // 0.1 · 0.5^1000 > 0 (a source that underflows to 0 is rejected by the transform, correctly).
        long samplesPerDecay = 1_000 + (datasetExtra.Get % 5_000);
        ExponentialSchedule exponential = (ExponentialSchedule)Schedule.Exponential(0.1, gamma, transitionSteps: samplesPerDecay);
        CheckIdentity(exponential, TrainingClock.Samples, epochs, batch.Get, growthLimit.Get, datasetExtra.Get, keep, granularityChoice);
    }

    /// <summary>
    /// The transform's promise on one random case: at every phase boundary, every epoch start and a spread of steps, the
    /// noise scale equals the source's; each epoch's batch is min(Bmax, round(B0 · lr(0) / lr(x_e))).
    /// </summary>
    private static void CheckIdentity(LearningRateSchedule source, TrainingClock clock, long epochs, int batch, int growthLimit, int datasetExtra, bool keep, byte granularityChoice)
    {
        (BatchSizeGranularity granularity, long initialBatchSize, long maximumBatchSize) = (granularityChoice % 3) switch
        {
            0 => (BatchSizeGranularity.Any, 1L + (batch % 64), 0L),
            1 => (BatchSizeGranularity.MultipleOf(8), 8L * (1 + (batch % 8)), 0L),
            _ => (BatchSizeGranularity.PowerOfTwo, 1L << (batch % 6), 0L),
        };
        long factor = 1 + (growthLimit % 64);
        maximumBatchSize = granularity.IsPowerOfTwo ? initialBatchSize << (int)(factor % 7) : initialBatchSize * factor;
        long datasetSize = maximumBatchSize + (datasetExtra % (5 * maximumBatchSize));
        LastBatch lastBatch = keep ? LastBatch.Keep : LastBatch.Drop;

        BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(source, clock, datasetSize, lastBatch, initialBatchSize, maximumBatchSize, epochs, granularity);
        TrainingPlan plan = growth.Plan;
        double initialRate = source.GetLearningRate(0.0);

        var steps = new SortedSet<long>();
        for (long epoch = 0; epoch < epochs + 3; epoch++)
        {
            long first = plan.GetFirstStepOfEpoch(epoch);
            steps.UnionWith([first, first + 1]);
            if (epoch < epochs)
            {
                double position = clock == TrainingClock.Epochs ? epoch : plan.GetSamplesSeen(first);
                // The transform's own order of operations, B0 · (lr(0) / lr(x)): a target of exactly k + ½ must round
                // the same way here as there.
                double target = initialBatchSize * 1.0 * (initialRate / source.GetLearningRate(position));
                long expected = target >= maximumBatchSize ? maximumBatchSize : Math.Min(maximumBatchSize, granularity.Round(target));
                plan.GetScheduledBatchSize(first).Should().Be(expected, $"the batch of epoch {epoch}");
            }
        }

        foreach (TrainingPhase phase in plan.Phases)
        {
            steps.UnionWith(new[] { phase.FirstStep - 1, phase.FirstStep }.Where(s => s >= 0));
        }

        long end = plan.GetFirstStepOfEpoch(epochs + 3);
        for (long i = 0; i < 50; i++)
        {
            steps.Add(end * i / 50);
        }

        foreach (long step in steps)
        {
            double expected = growth.GetSourceSgdNoiseScale(step);
            growth.GetSgdNoiseScale(step).Should().BeApproximately(expected, (expected * 1e-12) + 1e-300, $"step {step}");
            double position = clock == TrainingClock.Epochs ? plan.GetFractionalEpoch(step) : plan.GetSamplesSeen(step);
            expected.Should().Be(BatchScaling.GetSgdNoiseScale(source.GetLearningRate(position), datasetSize, initialBatchSize));
        }
    }

    [Fact]
    public void Source_in_samples_grows_the_batch_at_the_epoch_the_samples_are_reached()
    {
        // Rate halves every 2 800 samples (two epochs of 1 400); kept last batch, so epoch e starts at 1 400 · e samples.
        FunctionSchedule halving = (FunctionSchedule)Schedule.FromFunction((double samples) => 0.1 * Math.Pow(0.5, Math.Floor(samples / 2_800)));
        BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(halving, TrainingClock.Samples, 1_400, LastBatch.Keep, 10, 80, 10);
        Enumerable.Range(0, 10).Select(e => growth.Plan.BatchSizeSchedule.GetBatchSize(e)).Should().Equal(10, 10, 20, 20, 40, 40, 80, 80, 80, 80);
        growth.LearningRate.ShouldHaveRate(growth.Plan.GetFirstStepOfEpoch(8), 0.1 * 0.0625 * 8);
    }

    [Fact]
    public void Larger_initial_rate_with_a_proportionally_larger_batch_keeps_the_noise_scale()
    {
        BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 1_250, 60, learningRateScale: 5);
        new long[] { 0, 30, 45, 55 }.Select(growth.Plan.BatchSizeSchedule.GetBatchSize).Should().Equal(50, 250, 1_250, 1_250);
        new long[] { 0, 30, 45, 55 }.Select(e => growth.LearningRate.GetLearningRate(growth.Plan.GetFirstStepOfEpoch(e)))
            .Should().Equal([0.5, 0.5, 0.5, 0.1], (a, b) => Math.Abs(a - b) <= b * ScheduleAssertions.Tight);
        growth.GetTotalSteps(60).Should().Be((30 * 28) + (15 * 5) + (15 * 1));
        for (long epoch = 0; epoch < 60; epoch++)
        {
            long step = growth.Plan.GetFirstStepOfEpoch(epoch);
            growth.GetSgdNoiseScale(step).Should().BeApproximately(growth.GetSourceSgdNoiseScale(step), growth.GetSourceSgdNoiseScale(step) * ScheduleAssertions.Tight);
        }
    }

    [Fact]
    public void Increased_momentum_grows_the_batch_by_one_minus_m_and_keeps_the_noise_scale()
    {
        // Momentum 0.9 -> 0.98: B ∝ 1 / (1 - m) multiplies the batch by 5 at once, and the rate stays 0.1.
        BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 1_250, 60, momentum: 0.9, increasedMomentum: 0.98);
        new long[] { 0, 30, 45 }.Select(growth.Plan.BatchSizeSchedule.GetBatchSize).Should().Equal(50, 250, 1_250);
        growth.LearningRate.ShouldHaveRate(0, 0.1, ScheduleAssertions.Tight);
        (growth.Momentum, growth.IncreasedMomentum).Should().Be((0.9, 0.98));
        // g = lr · N / (B (1 - m)): 0.1 · 1 400 / (10 · 0.1) for the source, 0.1 · 1 400 / (50 · 0.02) for the plan.
        growth.GetSourceSgdNoiseScale(0).Should().BeApproximately(140.0, 140.0 * ScheduleAssertions.Tight);
        growth.GetSgdNoiseScale(0).Should().BeApproximately(140.0, 140.0 * ScheduleAssertions.Tight);
        for (long epoch = 0; epoch < 60; epoch++)
        {
            long step = growth.Plan.GetFirstStepOfEpoch(epoch);
            double source = BatchScaling.GetSgdNoiseScale(StepDecay.GetLearningRate(epoch), 1_400, 10, 0.9);
            growth.GetSgdNoiseScale(step).Should().BeApproximately(source, source * ScheduleAssertions.Tight);
            BatchScaling.GetSgdNoiseScale(growth.LearningRate.GetLearningRate(step), 1_400, growth.Plan.GetScheduledBatchSize(step), 0.98)
                .Should().BeApproximately(source, source * ScheduleAssertions.Tight);
        }
    }

    [Theory]
    [InlineData(LastBatch.Drop, new long[] { 300, 300, 300, 600, 600 }, 2_700)]
    [InlineData(LastBatch.Keep, new long[] { 300, 300, 600, 600, 600 }, 3_000)]
    public void Source_in_samples_counts_the_samples_the_dropped_last_batch_leaves_out(LastBatch lastBatch, long[] batches, long samplesAtEpoch3)
    {
        // Rate halves every 1 900 samples; 1 000 samples an epoch. Drop, at 300: three batches (900 samples) an epoch, so
        // epoch 2 starts at 1 800 < 1 900 (B = 300) and epoch 3 at 2 700 (B = 600). Keep: epochs start at 0, 1 000, 2 000
        // (B = 600), 3 000, 4 000 (rate / 4: B = 1 200, capped at 600).
        FunctionSchedule halving = (FunctionSchedule)Schedule.FromFunction((double samples) => 0.1 * Math.Pow(0.5, Math.Floor(samples / 1_900)));
        BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(halving, TrainingClock.Samples, 1_000, lastBatch, 300, 600, 5);
        Enumerable.Range(0, 5).Select(e => growth.Plan.BatchSizeSchedule.GetBatchSize(e)).Should().Equal(batches);
        growth.Plan.GetSamplesSeen(growth.Plan.GetFirstStepOfEpoch(3)).Should().Be(samplesAtEpoch3);
    }

    [Fact]
    public void Transform_accepts_a_dataset_of_exactly_one_ceiling_batch()
    {
        // N = Bmax = 250, dropped last batch: 25 steps an epoch at 10, 5 at 50, 1 at 250.
        BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Epochs, 250, LastBatch.Drop, 10, 250, 60);
        new long[] { 0, 30, 45 }.Select(growth.Plan.BatchSizeSchedule.GetBatchSize).Should().Equal(10, 50, 250);
        growth.GetTotalSteps(60).Should().Be((30 * 25) + (15 * 5) + (15 * 1));
        growth.GetSourceTotalSteps(60).Should().Be(60 * 25);
    }

    [Fact]
    public void Transform_over_one_epoch_keeps_the_initial_batch_and_lets_the_rate_decay()
    {
        BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 250, 1);
        growth.Plan.BatchSizeSchedule.GetBatchSize(59).Should().Be(10);
        growth.GetTotalSteps(60).Should().Be(60 * 140);
        growth.LearningRate.ShouldHaveRate(30 * 140, 0.02, ScheduleAssertions.Tight);
    }

    [Fact]
    public void Transform_over_a_million_epochs_computes_every_one()
    {
        // 30 epochs of 140 steps at 10, 15 of 28 at 50, then 5 (1 400 / 250, last batch dropped) at 250.
        BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 250, 1_000_000);
        growth.Epochs.Should().Be(1_000_000);
        growth.GetTotalSteps(1_000_000).Should().Be((30 * 140) + (15 * 28) + ((1_000_000 - 45) * 5));
    }

    [Fact]
    public void Largest_learning_rate_scale_is_accepted_and_starts_at_the_ceiling()
    {
        // B(0) = min(250, 10 · double.MaxValue) = 250 and lr'(0) = lr(0) · 250 / 10.
        BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 250, 60, learningRateScale: double.MaxValue);
        new long[] { 0, 30, 59 }.Select(growth.Plan.BatchSizeSchedule.GetBatchSize).Should().Equal(250, 250, 250);
        growth.LearningRate.ShouldHaveRate(0, 2.5, ScheduleAssertions.Tight);
        growth.LearningRateScale.Should().Be(double.MaxValue);
    }

    [Theory]
    [InlineData(9_223_372_036_854_775_808.0)] // 2^63: exactly the ceiling long.MaxValue, as a double
    [InlineData(1e19)]
    public void A_target_at_or_past_a_ceiling_above_2_pow_62_gives_the_ceiling(double learningRateScale)
    {
        // B(0) = min(Bmax, B0 · c) with B0 = 1, Bmax = long.MaxValue and c ≥ 2^63: the ceiling itself, not a size
        // clamped to the largest one rounding handles (2^62).
        BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(
            Schedule.Constant(0.1), TrainingClock.Epochs, long.MaxValue, LastBatch.Drop, 1, long.MaxValue, 2, learningRateScale: learningRateScale);
        growth.Plan.GetBatchSize(0).Should().Be(long.MaxValue);
    }

    [Theory]
    [InlineData(0, 10, 250, 60, "datasetSize must be > 0 but was 0.")]
    [InlineData(200, 10, 250, 60, "datasetSize must be >= maximumBatchSize (250), so that every epoch has at least one full batch but was 200.")]
    [InlineData(1_400, 0, 250, 60, "initialBatchSize must be > 0 but was 0.")]
    [InlineData(1_400, 10, 250, 0, "epochs must be in [1, 1000000] but was 0.")]
    [InlineData(1_400, 10, 250, 1_000_001, "epochs must be in [1, 1000000] but was 1000001.")]
    public void Transform_rejects_bad_sizes_saying_why(long datasetSize, long initial, long maximum, long epochs, string message) =>
        FluentActions.Invoking(() => BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Epochs, datasetSize, LastBatch.Drop, initial, maximum, epochs))
            .Should().Throw<ScheduleArgumentException>().Which.Message.Should().Be(message);

    [Fact]
    public void Transform_rejects_an_undefined_last_batch()
    {
        ScheduleArgumentException rejection = FluentActions.Invoking(() => BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Epochs, 1_400, (LastBatch)7, 10, 250, 60))
            .Should().Throw<ScheduleArgumentException>().Which;
        (rejection.ParamName, rejection.ActualValue).Should().Be(("lastBatch", (LastBatch)7));
    }

    [Theory]
    [InlineData(LastBatch.Keep, 60 * 141)] // ceil(1 405 / 10) = 141
    [InlineData(LastBatch.Drop, 60 * 140)] // floor(1 405 / 10) = 140
    public void Source_total_steps_count_the_last_partial_batch_only_when_kept(LastBatch lastBatch, long expected) =>
        BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Epochs, 1_405, lastBatch, 10, 250, 60)
            .GetSourceTotalSteps(60).Should().Be(expected);

    [Fact]
    public void Source_total_steps_reach_long_MaxValue_exactly_and_are_rejected_one_epoch_past_it()
    {
        // 70 samples at 10, dropped last batch: 7 steps an epoch, and long.MaxValue = 7 · 1 317 624 576 693 539 401.
        BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Epochs, 70, LastBatch.Drop, 10, 50, 60);
        growth.GetSourceTotalSteps(1_317_624_576_693_539_401).Should().Be(long.MaxValue);
        growth.Invoking(g => g.GetSourceTotalSteps(1_317_624_576_693_539_402)).Should().Throw<ScheduleArgumentException>()
            .Which.Message.Should().Be("epochs must be <= 1317624576693539401, so that the number of steps fits in a long but was 1317624576693539402.");
    }

    [Fact]
    public void Source_total_steps_reject_a_negative_number_of_epochs() =>
        BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 250, 60)
            .Invoking(g => g.GetSourceTotalSteps(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("epochs");

    [Fact]
    public void Growth_plan_exposes_its_inputs_and_keeps_the_contract()
    {
        BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 250, 60, BatchSizeGranularity.MultipleOf(10));
        (growth.SourceLearningRate, growth.Clock, growth.InitialBatchSize, growth.MaximumBatchSize, growth.Epochs, growth.LearningRateScale)
            .Should().Be((StepDecay, TrainingClock.Epochs, 10L, 250L, 60L, 1.0));
        growth.Granularity.Multiple.Should().Be(10);
        (((BatchScaledSchedule)growth.LearningRate).Rule.ReferenceBatchSize, ((BatchScaledSchedule)growth.LearningRate).Multiplier).Should().Be((10L, 1.0));
        ScheduleContract.Holds(growth.LearningRate, [4_199, 4_200, 4_619, 4_620]);
    }

    [Fact]
    public void Growth_plan_queries_allocate_nothing()
    {
        BatchGrowthPlan growth = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 250, 60);
        BatchAssertions.AllocatesNothing(() =>
            (long)(growth.GetSgdNoiseScale(4_620) + growth.GetSourceSgdNoiseScale(4_620) + growth.GetSgdNoiseScale(long.MaxValue))
            + growth.GetTotalSteps(60) + growth.GetSourceTotalSteps(60) + growth.Plan.BatchSizeSchedule.GetBatchSize(45));
    }

    [Fact]
    public void Transform_rejects_a_schedule_that_reaches_zero_where_it_divides_by_it()
    {
        FunctionSchedule toZero = (FunctionSchedule)Schedule.FromFunction((double epoch) => epoch < 10 ? 0.1 : 0.0);
        FluentActions.Invoking(() => BatchSchedule.IncreaseBatchSizeInsteadOfDecay(toZero, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 250, 20))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate").WithMessage("*> 0*divides by it; its rate at epoch 10 (position 10) is shown but was 0.");
        BatchSchedule.IncreaseBatchSizeInsteadOfDecay(toZero, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 250, 10).GetTotalSteps(10).Should().Be(1_400, "a horizon that stops before the zero is fine");
    }

    [Fact]
    public void Transform_rejects_a_schedule_that_starts_at_zero() =>
        FluentActions.Invoking(() => BatchSchedule.IncreaseBatchSizeInsteadOfDecay(Schedule.FromFunction((double e) => 0.1 * e), TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 250, 20))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate").WithMessage("*at epoch 0*");

    [Fact]
    public void Transform_rejects_a_schedule_in_steps() =>
        FluentActions.Invoking(() => BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Steps, 1_400, LastBatch.Drop, 10, 250, 60))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("clock").WithMessage("*Epochs or Samples*");

    [Fact]
    public void Transform_rejects_a_granularity_that_does_not_divide_the_ceiling() =>
        FluentActions.Invoking(() => BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Epochs, 1_400, LastBatch.Drop, 20, 250, 60, BatchSizeGranularity.MultipleOf(20)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maximumBatchSize").WithMessage("maximumBatchSize must be allowed by the granularity (multiples of 20) but was 250.*");

    [Theory]
    [InlineData(1_400, 10, 250, 60, 1.0, 0.0, 0.0, "granularity-20", "initialBatchSize")]
    [InlineData(200, 10, 250, 60, 1.0, 0.0, 0.0, "any", "datasetSize")]
    [InlineData(1_400, 0, 250, 60, 1.0, 0.0, 0.0, "any", "initialBatchSize")]
    [InlineData(1_400, -10, 250, 60, 1.0, 0.0, 0.0, "any", "initialBatchSize")]
    [InlineData(1_400, 10, 5, 60, 1.0, 0.0, 0.0, "any", "maximumBatchSize")]
    [InlineData(1_400, 10, 250, 0, 1.0, 0.0, 0.0, "any", "epochs")]
    [InlineData(1_400, 10, 250, 1_000_001, 1.0, 0.0, 0.0, "any", "epochs")]
    [InlineData(1_400, 10, 250, 60, 0.5, 0.0, 0.0, "any", "learningRateScale")]
    [InlineData(1_400, 10, 250, 60, double.NaN, 0.0, 0.0, "any", "learningRateScale")]
    [InlineData(1_400, 10, 250, 60, 1.0, 1.0, 1.0, "any", "momentum")]
    [InlineData(1_400, 10, 250, 60, 1.0, 0.9, 0.8, "any", "increasedMomentum")]
    [InlineData(1_400, 10, 250, 60, 1.0, 0.9, 1.0, "any", "increasedMomentum")]
    public void Transform_rejects_bad_input(long datasetSize, long initial, long maximum, long epochs, double scale, double momentum, double increased, string granularity, string parameter) =>
        FluentActions.Invoking(() => BatchSchedule.IncreaseBatchSizeInsteadOfDecay(
                StepDecay, TrainingClock.Epochs, datasetSize, LastBatch.Drop, initial, maximum, epochs,
                granularity == "any" ? null : BatchSizeGranularity.MultipleOf(20), scale, momentum, increased))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);

    [Fact]
    public void Transform_rejects_a_null_schedule() =>
        FluentActions.Invoking(() => BatchSchedule.IncreaseBatchSizeInsteadOfDecay(null!, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 250, 60))
            .Should().Throw<ArgumentNullException>().WithParameterName("learningRate");

    [Fact]
    public void Source_total_steps_past_long_MaxValue_are_rejected() =>
        BatchSchedule.IncreaseBatchSizeInsteadOfDecay(StepDecay, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 250, 60)
            .Invoking(g => g.GetSourceTotalSteps(long.MaxValue / 2)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("epochs");
}
