using LrSchedules.Tests.Randomness;

namespace LrSchedules.Tests.Batching;

public class TrainingPlanTests
{
    public static TheoryData<string, LastBatch> Schedules()
    {
        var data = new TheoryData<string, LastBatch>();
        foreach (string name in Named.Keys)
        {
            data.Add(name, LastBatch.Keep);
            data.Add(name, LastBatch.Drop);
        }

        return data;
    }

    /// <summary>Schedules on every clock, with changes at epoch starts, inside epochs, downwards, and several thresholds crossed by one step.</summary>
    private static readonly Dictionary<string, (long DatasetSize, BatchSizeSchedule Schedule)> Named = new()
    {
        ["constant"] = (100, BatchSchedule.ConstantBatchSize(32)),
        ["constant, whole epochs"] = (96, BatchSchedule.ConstantBatchSize(32)),
        ["growth on epochs"] = (100, BatchSchedule.StepGrowth(8, 2.0, [2, 5, 6], TrainingClock.Epochs, 32)),
        ["piecewise on epochs, down and up"] = (100, BatchSchedule.Piecewise(30, [new(1, 7), new(3, 64), new(4, 7)], TrainingClock.Epochs)),
        ["piecewise on steps, inside epochs"] = (100, BatchSchedule.Piecewise(10, [new(7, 30), new(20, 7), new(33, 64), new(40, 3)], TrainingClock.Steps)),
        ["piecewise on samples, inside epochs"] = (90, BatchSchedule.Piecewise(16, [new(50, 40), new(170, 9), new(300, 45)], TrainingClock.Samples)),
        ["samples, one step crosses two thresholds"] = (90, BatchSchedule.Piecewise(50, [new(10, 20), new(20, 30), new(60, 50)], TrainingClock.Samples)),
        ["samples, a skipped size between equal ones"] = (90, BatchSchedule.Piecewise(50, [new(10, 20), new(20, 50), new(200, 5)], TrainingClock.Samples)),
        ["Megatron ramp"] = (97, BatchSchedule.LinearRamp(4, 12, 500, 40)),
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void Plan_agrees_with_a_step_by_step_loader(string name, LastBatch lastBatch)
    {
        (long datasetSize, BatchSizeSchedule schedule) = Named[name];
        BatchSchedule.Plan(datasetSize, schedule, lastBatch).ShouldMatchSimulation(2_000);
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public void Clocks_agree_with_each_other_at_every_phase_boundary(string name, LastBatch lastBatch)
    {
        (long datasetSize, BatchSizeSchedule schedule) = Named[name];
        TrainingPlan plan = BatchSchedule.Plan(datasetSize, schedule, lastBatch);
        foreach (TrainingPhase phase in plan.Phases)
        {
            plan.GetPosition(phase.FirstStep).Should().Match<TrainingPosition>(p =>
                p.Epoch == phase.Epoch && p.StepInEpoch == phase.StepInEpoch && p.SamplesSeen == phase.SamplesSeen
                && p.SamplesSeenInEpoch == phase.SamplesSeenInEpoch && p.ScheduledBatchSize == phase.BatchSize);
            foreach (long step in new[] { phase.FirstStep - 1, phase.FirstStep, phase.FirstStep + 1 }.Where(s => s >= 0))
            {
                TrainingPosition here = plan.GetPosition(step);
                TrainingPosition next = plan.GetPosition(step + 1);
                next.SamplesSeen.Should().Be(here.SamplesSeen + here.BatchSize, "samples seen grow by the batch each step draws");
                plan.GetFirstStepOfEpoch(here.Epoch).Should().Be(step - here.StepInEpoch, "the steps of an epoch are consecutive");
                plan.GetFirstStepWithSamplesSeen(here.SamplesSeen).Should().Be(step, "samples seen go up at every step");
                plan.GetFirstStepWithSamplesSeen(here.SamplesSeen + 1).Should().Be(step + 1);
                here.FractionalEpoch.Should().Be(here.Epoch + ((double)here.SamplesSeenInEpoch / datasetSize));
                if (next.Epoch == here.Epoch)
                {
                    next.StepInEpoch.Should().Be(here.StepInEpoch + 1);
                    next.SamplesSeenInEpoch.Should().Be(here.SamplesSeenInEpoch + here.BatchSize);
                }
                else
                {
                    next.Epoch.Should().Be(here.Epoch + 1, "no epoch is skipped");
                    (next.StepInEpoch, next.SamplesSeenInEpoch).Should().Be((0L, 0L));
                    long left = datasetSize - here.SamplesSeenInEpoch - here.BatchSize;
                    if (lastBatch == LastBatch.Keep)
                    {
                        left.Should().Be(0, "a kept epoch draws every sample");
                    }
                    else
                    {
                        left.Should().BeLessThan(next.ScheduledBatchSize > here.ScheduledBatchSize && schedule.Clock != TrainingClock.Epochs ? next.ScheduledBatchSize : here.ScheduledBatchSize + 1);
                    }
                }
            }
        }
    }

    [Fact]
    public void Scaling_by_a_rule_whose_factor_overflows_is_rejected_naming_the_rule_and_the_batch_size()
    {
        TrainingPlan plan = BatchSchedule.Plan(10_000, BatchSchedule.StepGrowth(100, 2.0, [4, 8], TrainingClock.Epochs, 1_000), LastBatch.Drop);
        var scale = () => plan.ScaleLearningRate(Schedule.Constant(0.1), BatchScaling.PowerScaling(100, 2_147_483_648.0));

        var rejection = scale.Should().Throw<ScheduleArgumentException>().Which;
        rejection.ParamName.Should().Be("rule");
        rejection.ActualValue.Should().Be(double.PositiveInfinity);
        rejection.Requirement.Should().Be("a finite factor at every batch size of the plan (at batch size 200)");
    }

    [Fact]
    public void A_finite_scaled_rate_that_overflows_saturates_at_the_largest_double()
    {
        TrainingPlan plan = BatchSchedule.Plan(10_000, BatchSchedule.StepGrowth(100, 2.0, [4], TrainingClock.Epochs, 1_000), LastBatch.Drop);
        LearningRateSchedule scaled = plan.ScaleLearningRate(Schedule.Constant(1e300), BatchScaling.PowerScaling(100, 1_000.0));

        scaled.GetLearningRate(0).Should().Be(1e300);
        scaled.GetLearningRate(plan.GetFirstStepOfEpoch(4)).Should().Be(double.MaxValue, "2^1000 · 1e300 overflows");
    }

    [Fact]
    public void Random_schedules_agree_with_the_loader_on_every_clock()
    {
        int seed = TestSeed.Or(20_240_611);
        var random = new Random(seed);
        for (int trial = 0; trial < 120; trial++)
        {
            long datasetSize = random.Next(1, 200);
            var clock = (TrainingClock)random.Next(3);
            long scale = clock switch { TrainingClock.Steps => 15, TrainingClock.Epochs => 2, _ => 150 };
            var changes = new List<BatchSizeChange>();
            long threshold = 0;
            for (int i = random.Next(0, 6); i > 0; i--)
            {
                threshold += 1 + random.NextInt64(scale);
                changes.Add(new BatchSizeChange(threshold, 1 + random.NextInt64(datasetSize)));
            }

            var schedule = BatchSchedule.Piecewise(1 + random.NextInt64(datasetSize), changes, clock);
            var lastBatch = (LastBatch)random.Next(2);
            BatchSchedule.Plan(datasetSize, schedule, lastBatch).ShouldMatchSimulation(400, $"trial {trial} of {TestSeed.Describe(seed)}");
        }
    }

    [Theory]
    [InlineData(LastBatch.Keep, 4, 100L)]
    [InlineData(LastBatch.Drop, 3, 96L)]
    public void Constant_batch_gives_ceil_or_floor_steps_per_epoch(LastBatch lastBatch, long stepsPerEpoch, long samplesPerEpoch)
    {
        TrainingPlan plan = BatchSchedule.Plan(100, BatchSchedule.ConstantBatchSize(32), lastBatch);
        plan.Phases.Should().ContainSingle().Which.StepsPerEpoch.Should().Be(stepsPerEpoch);
        plan.GetFirstStepOfEpoch(1).Should().Be(stepsPerEpoch);
        plan.GetSamplesSeen(stepsPerEpoch).Should().Be(samplesPerEpoch);
        plan.GetBatchSize(stepsPerEpoch - 1).Should().Be(lastBatch == LastBatch.Keep ? 4 : 32);
        plan.GetScheduledBatchSize(stepsPerEpoch - 1).Should().Be(32);
        plan.GetFractionalEpoch(stepsPerEpoch - 1).Should().Be((stepsPerEpoch - 1) * 32 / 100.0);
        plan.GetFractionalEpoch(stepsPerEpoch).Should().Be(1.0);
    }

    [Fact]
    public void Huge_steps_are_exact_with_long_arithmetic()
    {
        TrainingPlan plan = BatchSchedule.Plan(100, BatchSchedule.ConstantBatchSize(32), LastBatch.Keep);
        TrainingPosition at = plan.GetPosition(1_000_000_000_003);
        at.Epoch.Should().Be(250_000_000_000);
        at.StepInEpoch.Should().Be(3);
        at.SamplesSeenInEpoch.Should().Be(96);
        at.SamplesSeen.Should().Be(25_000_000_000_096);
        at.BatchSize.Should().Be(4);
        plan.GetFirstStepOfEpoch(250_000_000_000).Should().Be(1_000_000_000_000);
        plan.GetFirstStepWithSamplesSeen(25_000_000_000_097).Should().Be(1_000_000_000_004);

        TrainingPosition last = plan.GetPosition(long.MaxValue);
        last.Epoch.Should().Be(long.MaxValue / 4);
        last.StepInEpoch.Should().Be(3);
        last.SamplesSeen.Should().Be(long.MaxValue, "samples seen saturate past long.MaxValue");
        // long.MaxValue = 100 q + 7: q whole epochs of 4 steps, then one step of 32 covers the last 7.
        plan.GetFirstStepWithSamplesSeen(long.MaxValue).Should().Be(((long.MaxValue / 100) * 4) + 1);
    }

    [Fact]
    public void Huge_steps_after_several_phases_are_exact()
    {
        // 8 samples per step for epochs 0-1 (12 steps, 96 samples each, drop-last), then 32 (3 steps, 96 samples) from epoch 2.
        TrainingPlan plan = BatchSchedule.Plan(100, BatchSchedule.StepGrowth(8, 4.0, [2], TrainingClock.Epochs, 32), LastBatch.Drop);
        plan.Phases.Select(p => (p.FirstStep, p.BatchSize, p.SamplesSeen, p.Epoch)).Should().Equal((0L, 8L, 0L, 0L), (24L, 32L, 192L, 2L));
        long step = 24 + (3 * 1_000_000_000_000L) + 2;
        plan.GetEpoch(step).Should().Be(2 + 1_000_000_000_000L);
        plan.GetStepInEpoch(step).Should().Be(2);
        plan.GetSamplesSeen(step).Should().Be(192 + (96 * 1_000_000_000_000L) + 64);
        plan.GetFirstStepOfEpoch(2 + 1_000_000_000_000L).Should().Be(step - 2);
    }

    [Fact]
    public void First_step_of_an_epoch_at_exactly_long_MaxValue_is_returned()
    {
        // long.MaxValue = 7 · 1 317 624 576 693 539 401: at 1 sample per step and 7 per epoch, that epoch starts at step long.MaxValue.
        const long lastEpoch = 1_317_624_576_693_539_401;
        TrainingPlan plan = BatchSchedule.Plan(7, BatchSchedule.ConstantBatchSize(1), LastBatch.Drop);
        plan.GetFirstStepOfEpoch(lastEpoch - 1).Should().Be(long.MaxValue - 7);
        plan.GetFirstStepOfEpoch(lastEpoch).Should().Be(long.MaxValue);
        plan.Invoking(p => p.GetFirstStepOfEpoch(lastEpoch + 1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("epoch")
            .WithMessage("epoch must start at a step <= long.MaxValue but epoch 1317624576693539402 starts at step 9223372036854775814.*");
    }

    [Fact]
    public void Change_at_the_epoch_that_starts_at_step_long_MaxValue_is_accepted()
    {
        // 1 sample per step, 7 per epoch: epoch long.MaxValue / 7 starts at step long.MaxValue, after long.MaxValue samples.
        const long lastEpoch = 1_317_624_576_693_539_401;
        TrainingPlan plan = BatchSchedule.Plan(7, BatchSchedule.Piecewise(1, [new(lastEpoch, 7)], TrainingClock.Epochs), LastBatch.Drop);
        plan.Phases.Select(p => (p.FirstStep, p.BatchSize, p.SamplesSeen, p.Epoch)).Should().Equal((0L, 1L, 0L, 0L), (long.MaxValue, 7L, long.MaxValue, lastEpoch));
        plan.GetBatchSize(long.MaxValue - 1).Should().Be(1);
        plan.GetBatchSize(long.MaxValue).Should().Be(7);
        plan.GetEpoch(long.MaxValue).Should().Be(lastEpoch);
        plan.GetFirstStepOfEpoch(lastEpoch).Should().Be(long.MaxValue);
    }

    [Fact]
    public void Change_once_exactly_long_MaxValue_samples_are_seen_is_accepted()
    {
        // 7 samples per step (one epoch of 7 each): the steps before step long.MaxValue / 7 draw exactly long.MaxValue samples.
        const long changeStep = 1_317_624_576_693_539_401;
        TrainingPlan plan = BatchSchedule.Plan(7, BatchSchedule.Piecewise(7, [new(changeStep, 1)], TrainingClock.Steps), LastBatch.Drop);
        plan.GetSamplesSeen(changeStep - 1).Should().Be(long.MaxValue - 7);
        plan.GetSamplesSeen(changeStep).Should().Be(long.MaxValue);
        plan.GetSamplesSeen(changeStep + 1).Should().Be(long.MaxValue, "samples seen saturate past long.MaxValue");
        plan.GetBatchSize(changeStep - 1).Should().Be(7);
        plan.GetBatchSize(changeStep).Should().Be(1);
        plan.GetEpoch(changeStep).Should().Be(changeStep);
    }

    [Fact]
    public void First_step_of_an_epoch_past_long_MaxValue_is_rejected() =>
        BatchSchedule.Plan(100, BatchSchedule.ConstantBatchSize(32), LastBatch.Keep)
            .Invoking(p => p.GetFirstStepOfEpoch(long.MaxValue / 2))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("epoch").WithMessage("*long.MaxValue*");

    [Fact]
    public void Change_inside_an_epoch_continues_the_epoch_with_the_new_batch()
    {
        // N = 100: steps 0-2 draw 10 each; from step 3 batches of 30: 30 + 30 = 90 drawn at step 5, 10 left.
        TrainingPlan keep = BatchSchedule.Plan(100, BatchSchedule.Piecewise(10, [new(3, 30)], TrainingClock.Steps), LastBatch.Keep);
        keep.GetPosition(5).Should().Match<TrainingPosition>(p => p.Epoch == 0 && p.StepInEpoch == 5 && p.SamplesSeenInEpoch == 90 && p.BatchSize == 10);
        keep.GetPosition(6).Should().Match<TrainingPosition>(p => p.Epoch == 1 && p.StepInEpoch == 0 && p.SamplesSeen == 100);
        keep.GetFractionalEpoch(4).Should().Be(0.6);

        // Dropping the last batch, the 10 samples left are dropped: step 5 starts epoch 1.
        TrainingPlan drop = BatchSchedule.Plan(100, BatchSchedule.Piecewise(10, [new(3, 30)], TrainingClock.Steps), LastBatch.Drop);
        drop.GetPosition(5).Should().Match<TrainingPosition>(p => p.Epoch == 1 && p.StepInEpoch == 0 && p.SamplesSeen == 90 && p.BatchSize == 30);
        drop.GetFirstStepOfEpoch(1).Should().Be(5);
        drop.GetFractionalEpoch(4).Should().Be(0.6);
    }

    [Fact]
    public void Dropped_epoch_goes_on_when_the_new_batch_fits_in_what_is_left()
    {
        // N = 100, batch 30 drops 10 per epoch. At step 3 (90 drawn) the batch becomes 10, and the last 10 samples fit.
        TrainingPlan plan = BatchSchedule.Plan(100, BatchSchedule.Piecewise(30, [new(3, 10)], TrainingClock.Steps), LastBatch.Drop);
        plan.GetPosition(3).Should().Match<TrainingPosition>(p => p.Epoch == 0 && p.StepInEpoch == 3 && p.SamplesSeenInEpoch == 90);
        plan.GetFirstStepOfEpoch(1).Should().Be(4);
    }

    [Fact]
    public void Megatron_ramp_changes_at_the_first_step_with_enough_samples_seen()
    {
        // 32 -> 96 by 32 over 100 samples: 64 from ceil(50) samples, 96 from 100 samples.
        TrainingPlan plan = BatchSchedule.Plan(1_000, BatchSchedule.LinearRamp(32, 32, 100, 96), LastBatch.Drop);
        plan.Phases.Select(p => (p.FirstStep, p.BatchSize, p.SamplesSeen)).Should().Equal((0L, 32L, 0L), (2L, 64L, 64L), (3L, 96L, 128L));
    }

    [Fact]
    public void Samples_thresholds_crossed_by_one_step_skip_the_sizes_in_between()
    {
        TrainingPlan plan = BatchSchedule.Plan(90, BatchSchedule.Piecewise(50, [new(10, 20), new(20, 30), new(60, 50)], TrainingClock.Samples), LastBatch.Keep);
        plan.Phases.Select(p => (p.FirstStep, p.BatchSize)).Should().Equal((0L, 50L), (1L, 30L), (2L, 50L));
    }

    [Fact]
    public void Plan_queries_allocate_nothing()
    {
        TrainingPlan plan = BatchSchedule.Plan(100, BatchSchedule.Piecewise(10, [new(7, 30), new(20, 7), new(33, 64)], TrainingClock.Steps), LastBatch.Keep);
        long[] steps = [0, 1, 6, 7, 8, 19, 20, 33, 34, 1_000_000, long.MaxValue];
        BatchAssertions.AllocatesNothing(() =>
        {
            long sink = 0;
            foreach (long step in steps)
            {
                TrainingPosition position = plan.GetPosition(step);
                sink += position.Epoch + plan.GetBatchSize(step) + plan.GetScheduledBatchSize(step) + plan.GetSamplesSeen(step)
                    + plan.GetEpoch(step) + plan.GetStepInEpoch(step) + (long)plan.GetFractionalEpoch(step)
                    + plan.GetFirstStepWithSamplesSeen(step) + plan.GetFirstStepOfEpoch(step % 1_000);
            }

            return sink;
        });
    }

    [Fact]
    public void Plan_is_thread_safe()
    {
        TrainingPlan plan = BatchSchedule.Plan(97, BatchSchedule.LinearRamp(4, 12, 500, 40), LastBatch.Drop);
        TrainingPosition[] expected = Enumerable.Range(0, 500).Select(s => plan.GetPosition(s)).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            for (int i = 0; i < expected.Length; i++)
            {
                int step = (i * 7 + worker) % expected.Length;
                if (plan.GetPosition(step) != expected[step])
                {
                    failures.Add(step);
                }
            }
        });
        failures.Should().BeEmpty();
    }

    [Fact]
    public void Two_plans_from_the_same_inputs_are_equal() =>
        BatchSchedule.Plan(97, BatchSchedule.LinearRamp(4, 12, 500, 40), LastBatch.Drop).Phases
            .Should().Equal(BatchSchedule.Plan(97, BatchSchedule.LinearRamp(4, 12, 500, 40), LastBatch.Drop).Phases);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Plan_rejects_a_dataset_size_that_is_not_positive(long datasetSize) =>
        FluentActions.Invoking(() => BatchSchedule.Plan(datasetSize, BatchSchedule.ConstantBatchSize(1), LastBatch.Keep))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("datasetSize")
            .WithMessage($"datasetSize must be > 0 but was {datasetSize}.*");

    [Fact]
    public void Plan_rejects_a_dataset_smaller_than_the_first_batch() =>
        FluentActions.Invoking(() => BatchSchedule.Plan(10, BatchSchedule.ConstantBatchSize(32), LastBatch.Keep))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("datasetSize")
            .WithMessage("datasetSize must be >= the initial batch size of batchSizeSchedule (32)*but was 10.*");

    [Fact]
    public void Plan_rejects_a_dataset_smaller_than_a_later_batch() =>
        FluentActions.Invoking(() => BatchSchedule.Plan(100, BatchSchedule.StepGrowth(32, 2.0, [1, 2], TrainingClock.Epochs, 128), LastBatch.Drop))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("datasetSize").WithMessage("*largest batch size*(128)*but was 100.*");

    [Fact]
    public void Plan_rejects_a_null_schedule_and_an_undefined_last_batch()
    {
        FluentActions.Invoking(() => BatchSchedule.Plan(100, null!, LastBatch.Keep))
            .Should().Throw<ArgumentNullException>().WithParameterName("batchSizeSchedule");
        FluentActions.Invoking(() => BatchSchedule.Plan(100, BatchSchedule.ConstantBatchSize(1), (LastBatch)7))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("lastBatch");
    }

    [Fact]
    public void Plan_rejects_changes_past_long_MaxValue_steps() =>
        FluentActions.Invoking(() => BatchSchedule.Plan(100, BatchSchedule.Piecewise(1, [new(long.MaxValue / 2, 2)], TrainingClock.Epochs), LastBatch.Keep))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("batchSizeSchedule").WithMessage("*long.MaxValue*");

    [Fact]
    public void Plan_rejects_changes_past_long_MaxValue_samples() =>
        FluentActions.Invoking(() => BatchSchedule.Plan(100, BatchSchedule.Piecewise(64, [new(long.MaxValue / 2, 1)], TrainingClock.Steps), LastBatch.Keep))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("batchSizeSchedule").WithMessage("*long.MaxValue samples*");

    [Fact]
    public void Queries_reject_negative_input()
    {
        TrainingPlan plan = BatchSchedule.Plan(100, BatchSchedule.ConstantBatchSize(32), LastBatch.Keep);
        plan.Invoking(p => p.GetPosition(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("step");
        plan.Invoking(p => p.GetSamplesSeen(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("step");
        plan.Invoking(p => p.GetBatchSize(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("step");
        BatchSchedule.Plan(100, BatchSchedule.ConstantBatchSize(32), LastBatch.Drop)
            .Invoking(p => p.GetBatchSize(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("step");
        plan.Invoking(p => p.GetScheduledBatchSize(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("step");
        plan.Invoking(p => p.GetEpoch(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("step");
        plan.Invoking(p => p.GetFirstStepOfEpoch(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("epoch");
        plan.Invoking(p => p.GetFirstStepWithSamplesSeen(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("samplesSeen");
    }

    [Fact]
    public void A_size_skipped_between_two_equal_ones_leaves_one_phase()
    {
        // N = 90, kept, 50 per step: samples seen 0, 50, 90, 140, 180, 230 before steps 0-5. Step 1 crosses 10 and 20 (to 20,
        // then back to 50): phase 0 goes on; 200 is first reached before step 5, which starts the batch of 5 (epoch 2, 50 drawn of it).
        TrainingPlan plan = BatchSchedule.Plan(90, BatchSchedule.Piecewise(50, [new(10, 20), new(20, 50), new(200, 5)], TrainingClock.Samples), LastBatch.Keep);
        plan.Phases.Select(p => (p.FirstStep, p.BatchSize, p.SamplesSeen, p.Epoch, p.SamplesSeenInEpoch)).Should().Equal((0L, 50L, 0L, 0L, 0L), (5L, 5L, 230L, 2L, 50L));
    }

    [Fact]
    public void Change_after_long_MaxValue_samples_is_rejected_naming_the_samples_and_the_step() =>
        // 2^62 samples per step: steps 0-2 see 3 · 2^62 = 13 835 058 055 282 163 712 samples before the change at step 3.
        FluentActions.Invoking(() => BatchSchedule.Plan(1L << 62, BatchSchedule.Piecewise(1L << 62, [new(3, 1L << 61)], TrainingClock.Steps), LastBatch.Drop))
            .Should().Throw<ScheduleArgumentException>().Which.Requirement
            .Should().Be("a schedule that changes batch size before long.MaxValue samples are seen (13835058055282163712 are seen by step 3)");

    [Fact]
    public void Phases_are_equal_only_when_every_clock_is()
    {
        var phase = new TrainingPhase(5, 32, 160, 1, 1, 32, 100, LastBatch.Keep);
        (phase == new TrainingPhase(5, 32, 160, 1, 1, 32, 100, LastBatch.Keep)).Should().BeTrue();
        phase.GetHashCode().Should().Be(new TrainingPhase(5, 32, 160, 1, 1, 32, 100, LastBatch.Keep).GetHashCode());
        TrainingPhase[] others =
        [
            new(6, 32, 160, 1, 1, 32, 100, LastBatch.Keep),
            new(5, 33, 160, 1, 1, 32, 100, LastBatch.Keep),
            new(5, 32, 161, 1, 1, 32, 100, LastBatch.Keep),
            new(5, 32, 160, 2, 1, 32, 100, LastBatch.Keep),
            new(5, 32, 160, 1, 2, 32, 100, LastBatch.Keep),
            new(5, 32, 160, 1, 1, 33, 100, LastBatch.Keep),
            new(5, 32, 160, 1, 1, 32, 100, LastBatch.Drop), // 3 steps of 32 (96 samples) per epoch instead of 4 (100)
            new(5, 32, 160, 1, 1, 32, 101, LastBatch.Keep), // 4 steps per epoch, but 101 samples
        ];
        foreach (TrainingPhase other in others)
        {
            phase.Equals(other).Should().BeFalse(other.ToString());
            phase.Equals((object)other).Should().BeFalse(other.ToString());
            (phase == other).Should().BeFalse(other.ToString());
            (phase != other).Should().BeTrue(other.ToString());
        }
    }

    [Fact]
    public void Positions_are_equal_only_when_every_clock_is()
    {
        var position = new TrainingPosition(5, 1, 1, 160, 32, 32, 32, 1.32);
        (position == new TrainingPosition(5, 1, 1, 160, 32, 32, 32, 1.32)).Should().BeTrue();
        position.GetHashCode().Should().Be(new TrainingPosition(5, 1, 1, 160, 32, 32, 32, 1.32).GetHashCode());
        TrainingPosition[] others =
        [
            new(6, 1, 1, 160, 32, 32, 32, 1.32),
            new(5, 2, 1, 160, 32, 32, 32, 1.32),
            new(5, 1, 2, 160, 32, 32, 32, 1.32),
            new(5, 1, 1, 161, 32, 32, 32, 1.32),
            new(5, 1, 1, 160, 33, 32, 32, 1.32),
            new(5, 1, 1, 160, 32, 4, 32, 1.32),
            new(5, 1, 1, 160, 32, 32, 64, 1.32),
            new(5, 1, 1, 160, 32, 32, 32, 1.33),
        ];
        foreach (TrainingPosition other in others)
        {
            position.Equals(other).Should().BeFalse(other.ToString());
            position.Equals((object)other).Should().BeFalse(other.ToString());
            (position == other).Should().BeFalse(other.ToString());
            (position != other).Should().BeTrue(other.ToString());
        }
    }
}
