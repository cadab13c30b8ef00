using LrSchedules.Batching;

namespace LrSchedules.TorchSharp.Tests;

public class PlannedBatchSamplerTests
{
    // 10 samples, batch 4 until step 2, then 3 (a change in the middle of epoch 0).
    private static TrainingPlan GrowingPlan(LastBatch lastBatch) =>
        BatchSchedule.Plan(10, BatchSchedule.Piecewise(4, [new BatchSizeChange(2, 3)], TrainingClock.Steps), lastBatch);

    [Fact]
    public void Each_step_draws_the_batch_size_of_the_plan_from_the_next_positions_of_the_epoch()
    {
        var sampler = new PlannedBatchSampler(GrowingPlan(LastBatch.Keep), seed: 1, shuffle: false);

        // Epoch 0: 4, 4, then 2 left at batch 3 (kept); epoch 1: 3, 3, 3, 1.
        long[][] batches = Enumerable.Range(0, 7).Select(s => sampler.GetBatch(s).Indices.ToArray()).ToArray();

        batches[0].Should().Equal(0, 1, 2, 3);
        batches[1].Should().Equal(4, 5, 6, 7);
        batches[2].Should().Equal(8, 9);
        batches[3].Should().Equal(0, 1, 2);
        batches[6].Should().Equal(9);
        sampler.GetBatch(6).Position.Epoch.Should().Be(1);
    }

    [Fact]
    public void With_the_last_batch_dropped_no_step_draws_fewer_samples()
    {
        var sampler = new PlannedBatchSampler(GrowingPlan(LastBatch.Drop), seed: 1, shuffle: false);

        // Epoch 0: 4, 4, then 2 left < 3 are dropped; epoch 1: 3, 3, 3 (one dropped).
        sampler.GetBatch(2).Indices.ToArray().Should().Equal(0, 1, 2);
        sampler.GetBatch(2).Position.Epoch.Should().Be(1);
        sampler.GetBatch(5).Position.Epoch.Should().Be(2);
    }

    [Theory]
    [InlineData(LastBatch.Keep)]
    [InlineData(LastBatch.Drop)]
    public void A_shuffled_epoch_draws_distinct_samples_with_the_plans_sizes(LastBatch lastBatch)
    {
        TrainingPlan plan = GrowingPlan(lastBatch);
        var sampler = new PlannedBatchSampler(plan, seed: 42);

        for (long epoch = 0; epoch < 4; epoch++)
        {
            long first = plan.GetFirstStepOfEpoch(epoch);
            long next = plan.GetFirstStepOfEpoch(epoch + 1);
            var drawn = new List<long>();
            for (long step = first; step < next; step++)
            {
                PlannedBatch batch = sampler.GetBatch(step);
                batch.Indices.Length.Should().Be((int)plan.GetBatchSize(step));
                drawn.AddRange(batch.Indices.ToArray());
            }

            drawn.Should().OnlyHaveUniqueItems().And.OnlyContain(i => i >= 0 && i < 10);
            if (lastBatch == LastBatch.Keep)
            {
                drawn.Should().HaveCount(10);
            }
        }
    }

    [Fact]
    public void The_order_depends_only_on_seed_and_epoch_so_resuming_draws_the_same_batches()
    {
        TrainingPlan plan = GrowingPlan(LastBatch.Keep);
        var walked = new PlannedBatchSampler(plan, seed: 7);
        long[][] run = Enumerable.Range(0, 40).Select(s => walked.GetBatch(s).Indices.ToArray()).ToArray();

        var resumed = new PlannedBatchSampler(plan, seed: 7);
        for (int step = 39; step >= 20; step--)
        {
            resumed.GetBatch(step).Indices.ToArray().Should().Equal(run[step]);
        }

        var other = new PlannedBatchSampler(plan, seed: 8);
        Enumerable.Range(0, 40).Select(s => other.GetBatch(s).Indices.ToArray())
            .SelectMany(b => b).Should().NotEqual(run.SelectMany(b => b));
        run[0].Concat(run[1]).Concat(run[2]).Should().NotEqual(run[3].Concat(run[4]).Concat(run[5]).Concat(run[6]), "each epoch has its own order");
    }

    [Fact]
    public void Steps_within_one_epoch_allocate_nothing()
    {
        TrainingPlan plan = BatchSchedule.Plan(100_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Keep);
        var sampler = new PlannedBatchSampler(plan, seed: 3);

        ParamGroupSchedulerTests.AllocatesNothing(step => sampler.GetBatch(step));
    }

    [Fact]
    public void Null_plan_and_a_dataset_larger_than_an_array_are_rejected()
    {
        FluentActions.Invoking(() => new PlannedBatchSampler(null!, 0)).Should().Throw<ArgumentNullException>();

        TrainingPlan huge = BatchSchedule.Plan(3_000_000_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Keep);
        var exception = FluentActions.Invoking(() => new PlannedBatchSampler(huge, 0)).Should().Throw<ScheduleArgumentException>().Which;
        exception.ParamName.Should().Be("plan");
        exception.ActualValue.Should().Be(3_000_000_000L);
    }

    [Fact]
    public void A_negative_step_is_rejected()
    {
        var sampler = new PlannedBatchSampler(GrowingPlan(LastBatch.Keep), 0);

        FluentActions.Invoking(() => sampler.GetBatch(-1)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
