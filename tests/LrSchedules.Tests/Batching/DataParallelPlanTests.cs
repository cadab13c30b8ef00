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

    private static DataParallelSplit Split(long batchSize, int workers, long accumulationSteps, long microBatchSize) =>
        new(batchSize, workers, accumulationSteps, microBatchSize);
}
