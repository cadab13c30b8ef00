namespace LrSchedules.Tests.Batching;

public class DataParallelPlanTests
{
    private static readonly TrainingPlan Smith = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(
        Schedule.MultiStep(0.1, [30, 45, 55], 0.2), TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 250, 60).Plan;

    [Fact]
    public void Constant_batch_splits_into_workers_accumulation_and_micro_batches()
    {
        DataParallelPlan plan = BatchSchedule.DataParallel(BatchSchedule.Plan(10_000, BatchSchedule.ConstantBatchSize(256), LastBatch.Drop), workers: 8, maximumMicroBatchSize: 16);
        plan.GetSplit(0).Should().Be(Split(256, 8, 2, 16));
        plan.GetSplit(long.MaxValue).Should().Be(Split(256, 8, 2, 16));
        plan.GetSplit(0).BatchSizePerWorker.Should().Be(32);
    }

    [Fact]
    public void Growing_batch_changes_the_split_at_the_step_the_batch_changes()
    {
        // Batches 10, 50, 250 over 5 workers: 2, 10, 50 per worker; micro-batches of at most 16.
        DataParallelPlan plan = BatchSchedule.DataParallel(Smith, workers: 5, maximumMicroBatchSize: 16);
        plan.GetSplit(4_199).Should().Be(Split(10, 5, 1, 2));
        plan.GetSplit(4_200).Should().Be(Split(50, 5, 1, 10));
        plan.GetSplit(4_619).Should().Be(Split(50, 5, 1, 10));
        plan.GetSplit(4_620).Should().Be(Split(250, 5, 5, 10), "10 is the largest divisor of 50 that is at most 16");
    }

    [Fact]
    public void Every_step_splits_exactly()
    {
        TrainingPlan training = BatchSchedule.Plan(1_000, BatchSchedule.LinearRamp(48, 48, 3_000, 480), LastBatch.Keep);
        DataParallelPlan plan = BatchSchedule.DataParallel(training, workers: 4, maximumMicroBatchSize: 7);
        for (long step = 0; step < 3_000; step++)
        {
            DataParallelSplit split = plan.GetSplit(step);
            split.BatchSize.Should().Be(training.GetBatchSize(step));
            (split.Workers * split.AccumulationSteps * split.MicroBatchSize).Should().Be(split.BatchSize, $"step {step}");
            split.MicroBatchSize.Should().BeLessThanOrEqualTo(7);
        }
    }

    [Fact]
    public void Kept_last_batch_is_split_too()
    {
        // N = 1 000, batch 64: 15 steps of 64, then 40 = 8 workers x 1 x 5.
        DataParallelPlan plan = BatchSchedule.DataParallel(BatchSchedule.Plan(1_000, BatchSchedule.ConstantBatchSize(64), LastBatch.Keep), 8, 8);
        plan.GetSplit(14).Should().Be(Split(64, 8, 1, 8));
        plan.GetSplit(15).Should().Be(Split(40, 8, 1, 5));
        plan.GetSplit(16).Should().Be(Split(64, 8, 1, 8));
    }

    [Fact]
    public void Short_last_batch_of_an_epoch_that_the_batch_changes_inside_is_split_too()
    {
        // N = 100: 10 per step for steps 0-2, then 40: 40, 30 left over at step 4.
        TrainingPlan training = BatchSchedule.Plan(100, BatchSchedule.Piecewise(10, [new(3, 40)], TrainingClock.Steps), LastBatch.Keep);
        DataParallelPlan plan = BatchSchedule.DataParallel(training, 2, 64);
        plan.GetSplit(4).Should().Be(Split(30, 2, 1, 15));
        plan.GetSplit(5).Should().Be(Split(40, 2, 1, 20));
        plan.GetSplit(6).Should().Be(Split(40, 2, 1, 20));
        plan.GetSplit(7).Should().Be(Split(20, 2, 1, 10));
    }

    [Fact]
    public void Batch_that_does_not_split_over_the_workers_is_rejected_at_construction_with_step_epoch_and_numbers() =>
        FluentActions.Invoking(() => BatchSchedule.DataParallel(Smith, workers: 4, maximumMicroBatchSize: 16))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("workers")
            .WithMessage("workers must be a divisor of every batch of the plan (the batch of 10 samples at step 0 (epoch 0) is not a multiple of it; valid worker counts divide 10, *) but was 4.");

    [Fact]
    public void Later_batch_that_does_not_split_names_its_step_and_epoch() =>
        FluentActions.Invoking(() => BatchSchedule.DataParallel(BatchSchedule.Plan(1_000, BatchSchedule.StepGrowth(16, 1.5, [3], TrainingClock.Epochs, 24), LastBatch.Drop), 16, 16))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("workers")
            .WithMessage("*the batch of 24 samples at step 186 (epoch 3) is not a multiple of it; valid worker counts divide 8,*but was 16.");

    [Fact]
    public void Kept_last_batch_that_does_not_split_is_rejected() =>
        FluentActions.Invoking(() => BatchSchedule.DataParallel(BatchSchedule.Plan(1_000, BatchSchedule.ConstantBatchSize(64), LastBatch.Keep), 16, 8))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("workers")
            .WithMessage("*the batch of 40 samples at step 15 (epoch 0) is not a multiple of it*but was 16.");

    [Fact]
    public void Fixed_micro_batch_changes_only_the_accumulation_steps()
    {
        // Megatron-LM: ramp 32 -> 64 by 16, 2 workers, micro-batch 8: 2, 3, 4 accumulation steps.
        TrainingPlan training = BatchSchedule.Plan(10_000, BatchSchedule.LinearRamp(32, 16, 300, 64), LastBatch.Drop);
        DataParallelPlan plan = BatchSchedule.DataParallel(training, 2, 8, MicroBatchSizing.Fixed);
        plan.GetSplit(0).Should().Be(Split(32, 2, 2, 8));
        plan.GetSplit(training.Phases[1].FirstStep).Should().Be(Split(48, 2, 3, 8));
        plan.GetSplit(training.Phases[2].FirstStep).Should().Be(Split(64, 2, 4, 8));
        (plan.Workers, plan.MaximumMicroBatchSize, plan.Sizing, plan.Plan).Should().Be((2, 8L, MicroBatchSizing.Fixed, training));
    }

    [Fact]
    public void Fixed_micro_batch_that_does_not_divide_a_batch_is_rejected() =>
        FluentActions.Invoking(() => BatchSchedule.DataParallel(BatchSchedule.Plan(10_000, BatchSchedule.LinearRamp(32, 16, 300, 64), LastBatch.Drop), 2, 16, MicroBatchSizing.Fixed))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("maximumMicroBatchSize")
            .WithMessage("maximumMicroBatchSize must be such that workers x maximumMicroBatchSize = 2 x 16 = 32 divides every batch*(the batch of 48 samples at step 5 (epoch 0) is not a multiple of it*but was 16.");

    [Fact]
    public void Every_worker_computes_the_same_splits_without_communicating()
    {
        DataParallelSplit[][] perWorker = new DataParallelSplit[4][];
        Parallel.For(0, 4, worker =>
        {
            // Each worker builds its own plan from the same inputs.
            TrainingPlan training = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(
                Schedule.Cosine(0.1, 0.0, 30), TrainingClock.Epochs, 50_000, LastBatch.Drop, 128, 4_096, 30, BatchSizeGranularity.MultipleOf(64)).Plan;
            DataParallelPlan plan = BatchSchedule.DataParallel(training, 64, 32);
            perWorker[worker] = Enumerable.Range(0, 5_000).Select(s => plan.GetSplit(s * 7L)).ToArray();
        });
        perWorker.Should().AllSatisfy(splits => splits.Should().Equal(perWorker[0]));
    }

    [Fact]
    public void GetSplit_allocates_nothing_and_rejects_negative_steps()
    {
        DataParallelPlan plan = BatchSchedule.DataParallel(Smith, 5, 16);
        BatchAssertions.AllocatesNothing(() => plan.GetSplit(0).MicroBatchSize + plan.GetSplit(4_620).AccumulationSteps + plan.GetSplit(long.MaxValue).BatchSize);
        plan.Invoking(p => p.GetSplit(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("step");
    }

    [Fact]
    public void Micro_batch_is_the_largest_divisor_under_the_limit()
    {
        for (long value = 1; value <= 600; value++)
        {
            for (long limit = 1; limit <= 60; limit++)
            {
                long expected = Enumerable.Range(1, (int)Math.Min(value, limit)).Where(d => value % d == 0).Max();
                DataParallelPlan.LargestDivisorAtMost(value, limit).Should().Be(expected, $"value {value}, limit {limit}");
            }
        }

        DataParallelPlan.LargestDivisorAtMost(999_999_999_989, 1_000).Should().Be(1, "it has no divisor from 2 to 1 000");
        DataParallelPlan.LargestDivisorAtMost(1L << 40, 1_000).Should().Be(512);
    }

    [Theory]
    [InlineData(0, 8, MicroBatchSizing.Largest, "workers")]
    [InlineData(-2, 8, MicroBatchSizing.Largest, "workers")]
    [InlineData(2, 0, MicroBatchSizing.Largest, "maximumMicroBatchSize")]
    [InlineData(2, 8, (MicroBatchSizing)5, "sizing")]
    public void DataParallel_rejects_bad_input(int workers, long maximumMicroBatchSize, MicroBatchSizing sizing, string parameter) =>
        FluentActions.Invoking(() => BatchSchedule.DataParallel(Smith, workers, maximumMicroBatchSize, sizing))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);

    [Fact]
    public void DataParallel_rejects_a_null_plan() =>
        FluentActions.Invoking(() => BatchSchedule.DataParallel(null!, 2, 8)).Should().Throw<ArgumentNullException>().WithParameterName("plan");

    [Fact]
    public void A_batch_only_scheduled_is_not_checked_when_the_epoch_ends_before_it_is_drawn()
    {
        // N = 100, last batch kept: 40 at steps 0-1 (80 drawn); 70 from step 2, which draws only the 20 left of epoch 0;
        // 20 from step 3. Drawn: 40, 40, 20, then 20s. Neither 70 nor its short batch 100 mod 70 = 30 is ever drawn, and
        // 20 workers could split neither.
        TrainingPlan training = BatchSchedule.Plan(100, BatchSchedule.Piecewise(40, [new(2, 70), new(3, 20)], TrainingClock.Steps), LastBatch.Keep);
        DataParallelPlan plan = BatchSchedule.DataParallel(training, workers: 20, maximumMicroBatchSize: 64);
        plan.GetSplit(1).Should().Be(Split(40, 20, 1, 2));
        plan.GetSplit(2).Should().Be(Split(20, 20, 1, 1));
        plan.GetSplit(3).Should().Be(Split(20, 20, 1, 1));
        plan.GetSplit(long.MaxValue).Should().Be(Split(20, 20, 1, 1));
    }

    [Fact]
    public void First_full_batch_of_a_phase_that_starts_on_the_short_end_of_an_epoch_is_named_in_the_next_epoch() =>
        // N = 100, kept: 40 at steps 0-1; 30 from step 2, which draws the 20 left (epoch 0); step 3 draws 30 in epoch 1.
        // 30 is not a multiple of 20; the batches drawn are 40, 20, 30 and 10 (100 mod 30), with greatest common divisor 10.
        FluentActions.Invoking(() => BatchSchedule.DataParallel(
                BatchSchedule.Plan(100, BatchSchedule.Piecewise(40, [new(2, 30)], TrainingClock.Steps), LastBatch.Keep), 20, 64))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("workers")
            .WithMessage("workers must be a divisor of every batch of the plan (the batch of 30 samples at step 3 (epoch 1) is not a multiple of it; valid worker counts divide 10, the greatest common divisor of the plan's batches) but was 20.");

    [Fact]
    public void Short_end_of_an_epoch_that_the_next_phase_draws_in_smaller_batches_is_not_checked() =>
        // N = 100, kept: 40 at steps 0-1 would leave a short 20 at step 2, but from step 2 the batch is 10: steps 2 and 3
        // draw 10 each. 8 workers divide 40 but not 10, the first batch they cannot split; greatest common divisor 10.
        FluentActions.Invoking(() => BatchSchedule.DataParallel(
                BatchSchedule.Plan(100, BatchSchedule.Piecewise(40, [new(2, 10)], TrainingClock.Steps), LastBatch.Keep), 8, 64))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("workers")
            .WithMessage("workers must be a divisor of every batch of the plan (the batch of 10 samples at step 2 (epoch 0) is not a multiple of it; valid worker counts divide 10, *) but was 8.");

    [Fact]
    public void Short_end_of_a_later_epoch_inside_a_phase_that_ends_right_after_it_is_split()
    {
        // N = 100, kept: 10 at steps 0-2; 40 from step 3: 40, 30 (end of epoch 0), 40, 40, 20 (end of epoch 1, step 7); 20 from step 8.
        TrainingPlan training = BatchSchedule.Plan(100, BatchSchedule.Piecewise(10, [new(3, 40), new(8, 20)], TrainingClock.Steps), LastBatch.Keep);
        DataParallelPlan plan = BatchSchedule.DataParallel(training, 2, 64);
        plan.GetSplit(4).Should().Be(Split(30, 2, 1, 15));
        plan.GetSplit(6).Should().Be(Split(40, 2, 1, 20));
        plan.GetSplit(7).Should().Be(Split(20, 2, 1, 10));
        plan.GetSplit(8).Should().Be(Split(20, 2, 1, 10));
    }

    [Fact]
    public void A_phase_that_starts_at_the_last_step_is_split_there()
    {
        // 1 sample per step until step long.MaxValue - 1, whose batch is 2 (long.MaxValue - 1 samples seen before it).
        TrainingPlan training = BatchSchedule.Plan(2, BatchSchedule.Piecewise(1, [new(long.MaxValue - 1, 2)], TrainingClock.Steps), LastBatch.Drop);
        DataParallelPlan plan = BatchSchedule.DataParallel(training, 1, 2);
        plan.GetSplit(long.MaxValue - 2).Should().Be(Split(1, 1, 1, 1));
        plan.GetSplit(long.MaxValue - 1).Should().Be(Split(2, 1, 1, 2));
        plan.GetSplit(long.MaxValue).Should().Be(Split(2, 1, 1, 2));
    }

    [Fact]
    public void Micro_batch_of_a_batch_near_long_MaxValue_is_found()
    {
        // long.MaxValue = 7² · 73 · 127 · 337 · 92 737 · 649 657: its largest divisor up to 1 000 is 7 · 127 = 889. The
        // integer square root of such a value overflowed when squared, and the search never ended.
        DataParallelPlan plan = BatchSchedule.DataParallel(BatchSchedule.Plan(long.MaxValue, BatchSchedule.ConstantBatchSize(long.MaxValue), LastBatch.Drop), 1, 1_000);
        plan.GetSplit(0).Should().Be(Split(long.MaxValue, 1, long.MaxValue / 889, 889));

        // 2^62 per worker, micro-batches of at most 2^40: 2^22 accumulation steps of 2^40.
        DataParallelPlan power = BatchSchedule.DataParallel(BatchSchedule.Plan(1L << 62, BatchSchedule.ConstantBatchSize(1L << 62), LastBatch.Drop), 1, 1L << 40);
        power.GetSplit(0).Should().Be(Split(1L << 62, 1, 1L << 22, 1L << 40));

        // r² − 1 = (r − 1)(r + 1) with r = 3 037 000 499 (Math.Sqrt of it rounds up to r): r − 1 divides it, r does not (remainder r − 1).
        const long r = 3_037_000_499;
        DataParallelPlan.LargestDivisorAtMost((r * r) - 1, r).Should().Be(r - 1);
    }

    [Fact]
    public void Splits_are_equal_only_when_every_field_is()
    {
        DataParallelSplit split = Split(256, 8, 2, 16);
        (split == Split(256, 8, 2, 16)).Should().BeTrue();
        (split != Split(256, 8, 2, 16)).Should().BeFalse();
        split.GetHashCode().Should().Be(Split(256, 8, 2, 16).GetHashCode());
        foreach (DataParallelSplit other in new[] { Split(255, 8, 2, 16), Split(256, 7, 2, 16), Split(256, 8, 3, 16), Split(256, 8, 2, 15), Split(128, 8, 1, 16), Split(512, 16, 2, 16) })
        {
            split.Equals(other).Should().BeFalse(other.ToString());
            split.Equals((object)other).Should().BeFalse(other.ToString());
            (split == other).Should().BeFalse(other.ToString());
            (split != other).Should().BeTrue(other.ToString());
        }
    }

    private static DataParallelSplit Split(long batchSize, int workers, long accumulationSteps, long microBatchSize) =>
        new(batchSize, workers, accumulationSteps, microBatchSize);
}
