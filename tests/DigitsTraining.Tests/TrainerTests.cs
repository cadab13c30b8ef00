using DigitsTraining.Experiments;
using DigitsTraining.Training;
using LrSchedules;
using LrSchedules.Batching;

namespace DigitsTraining.Tests;

public class TrainerTests
{
    private static readonly Lazy<(Dataset Training, Dataset Test)> Split = new(() => Digits.Split(Digits.Load(Digits.DefaultPath)));

    [Fact]
    public void Same_seed_gives_the_same_numbers_and_another_seed_different_ones()
    {
        var trainer = new Trainer(Split.Value.Training, Split.Value.Test);
        RunDrivers drivers = Drivers(Schedule.Step(0.05, 100, 0.5), Fixed(20, Split.Value.Training.Count, 2));

        TrainingOutcome first = trainer.Train(drivers, seed: 11);
        TrainingOutcome again = trainer.Train(drivers, seed: 11);
        TrainingOutcome other = trainer.Train(drivers, seed: 12);

        again.Epochs.Should().Equal(first.Epochs);
        other.Epochs[^1].TrainLoss.Should().NotBe(first.Epochs[^1].TrainLoss);
        first.Epochs[^1].TestAccuracy.Should().BeGreaterThan(0.8, "two epochs on the digits already classify most of them");
    }

    [Fact]
    public void Every_step_asks_the_schedule_for_its_rate_and_the_plan_for_its_batch_size()
    {
        var training = ModelTests.RandomData(examples: 100, features: 4, classes: 3, seed: 1);
        var trainer = new Trainer(training, ModelTests.RandomData(10, 4, 3, 2), hidden: 5);
        var plan = new RecordingPlan(epochs: 2, stepsPerEpoch: 3, batchOfStep: step => (int)(step + 1) * 5);
        var rateQueries = new List<long>();
        var schedule = Schedule.FromFunction((long step) =>
        {
            rateQueries.Add(step);
            return 0.01 * (step + 1);
        });

        TrainingOutcome outcome = trainer.Train(new RunDrivers(schedule, plan), seed: 0);

        rateQueries.Should().Equal(0, 1, 2, 3, 4, 5);
        plan.Queries.Should().Equal(0, 1, 2, 3, 4, 5);
        outcome.Epochs.Select(e => e.Updates).Should().Equal(0, 3, 6);
        outcome.Epochs.Select(e => e.Samples).Should().Equal(0, 5 + 10 + 15, 30 + 20 + 25 + 30);
        outcome.Epochs[1].Should().Match<EpochRecord>(e =>
            e.LearningRateFirst == 0.01 && e.LearningRateLast == 0.03 && e.BatchSizeFirst == 5 && e.BatchSizeLast == 15);
        outcome.Epochs[2].Should().Match<EpochRecord>(e => e.BatchSizeFirst == 20 && e.BatchSizeLast == 30);
    }

    [Fact]
    public void A_plan_that_asks_for_more_examples_than_an_epoch_has_is_reported()
    {
        var training = ModelTests.RandomData(examples: 20, features: 3, classes: 2, seed: 1);
        var trainer = new Trainer(training, training, hidden: 4);
        var plan = new RecordingPlan(epochs: 1, stepsPerEpoch: 3, batchOfStep: _ => 8);

        FluentActions.Invoking(() => trainer.Train(new RunDrivers(Schedule.Constant(0.1), plan), seed: 0))
            .Should().Throw<InvalidOperationException>().WithMessage("*Step 2 of epoch 0 asks for 8 examples but 4*");
    }

    [Fact]
    public void Max_epochs_stops_early_without_changing_the_plan()
    {
        var training = ModelTests.RandomData(examples: 30, features: 3, classes: 2, seed: 1);
        var trainer = new Trainer(training, training, hidden: 4);
        var drivers = Drivers(Schedule.Constant(0.1), Fixed(10, 30, epochs: 5));

        TrainingOutcome full = trainer.Train(drivers, seed: 3);
        TrainingOutcome smoke = trainer.Train(drivers, seed: 3, maxEpochs: 2);

        smoke.Epochs.Should().HaveCount(3).And.Equal(full.Epochs.Take(3));
    }

    [Fact]
    public void A_diverging_run_stops_and_says_so()
    {
        var training = ModelTests.RandomData(examples: 30, features: 3, classes: 2, seed: 1);
        var trainer = new Trainer(training, training, hidden: 4);
        var drivers = Drivers(Schedule.Constant(1e200), Fixed(10, 30, epochs: 5));

        TrainingOutcome outcome = trainer.Train(drivers, seed: 0);

        outcome.Diverged.Should().BeTrue();
        outcome.Epochs.Count.Should().BeLessThan(6);
        double.IsFinite(outcome.Epochs[^1].TrainLoss).Should().BeFalse();
    }

    [Fact]
    public void A_constant_library_plan_drops_the_last_partial_batch_of_each_epoch()
    {
        var plan = Fixed(batchSize: 80, trainingSize: 1400, epochs: 60);

        plan.Epochs.Should().Be(60);
        plan.EpochStartStep(0).Should().Be(0);
        plan.EpochStartStep(1).Should().Be(17, "1400 / 80 = 17 full batches, the last 40 examples dropped");
        plan.EpochStartStep(30).Should().Be(510);
        plan.EpochStartStep(60).Should().Be(1020);
        plan.BatchSize(1019).Should().Be(80);
        FluentActions.Invoking(() => plan.EpochStartStep(61)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void The_adapter_forwards_every_question_to_the_library_plan()
    {
        TrainingPlan plan = BatchSchedule.Plan(
            1400,
            BatchSchedule.Piecewise(10, [new BatchSizeChange(2, 50), new BatchSizeChange(3, 250)], TrainingClock.Epochs),
            LastBatch.Drop);
        var adapter = new TrainingPlanBatches(plan, epochs: 4);

        adapter.Plan.Should().BeSameAs(plan);
        Enumerable.Range(0, 5).Select(adapter.EpochStartStep).Should().Equal(
            Enumerable.Range(0, 5).Select(e => plan.GetFirstStepOfEpoch(e)));
        adapter.EpochStartStep(4).Should().Be(140 + 140 + 28 + 5);
        foreach (long step in new long[] { 0, 279, 280, 307, 308, 312 })
        {
            adapter.BatchSize(step).Should().Be((int)plan.GetBatchSize(step));
        }
    }

    [Fact]
    public void Smith_baseline_divides_the_rate_by_5_at_epochs_15_27_and_37_at_batch_10()
    {
        RunDrivers drivers = SmithExperiment.DecayLearningRate().CreateDrivers(1400);

        drivers.Batches.Epochs.Should().Be(45);
        drivers.Batches.EpochStartStep(45).Should().Be(45 * 140);
        drivers.Batches.BatchSize(0).Should().Be(10);
        drivers.LearningRate.GetLearningRate((15 * 140) - 1).Should().Be(0.1);
        drivers.LearningRate.GetLearningRate(15 * 140).Should().BeApproximately(0.02, 1e-15);
        drivers.LearningRate.GetLearningRate(27 * 140).Should().BeApproximately(0.004, 1e-15);
        drivers.LearningRate.GetLearningRate(37 * 140).Should().BeApproximately(0.0008, 1e-15);
    }

    [Theory]
    [InlineData(1, 140)]
    [InlineData(2, 70)]
    [InlineData(4, 35)]
    [InlineData(8, 17)]
    public void Scaling_without_rescaling_keeps_the_base_rate_at_batch_10k_with_epoch_milestones(int k, int stepsPerEpoch)
    {
        RunDrivers drivers = ScalingExperiment.NoScaling(k).CreateDrivers(1400);

        drivers.Batches.BatchSize(0).Should().Be(10 * k);
        drivers.Batches.EpochStartStep(60).Should().Be(60L * stepsPerEpoch);
        drivers.LearningRate.GetLearningRate(0).Should().Be(0.05);
        drivers.LearningRate.GetLearningRate((30L * stepsPerEpoch) - 1).Should().Be(0.05);
        drivers.LearningRate.GetLearningRate(30L * stepsPerEpoch).Should().BeApproximately(0.01, 1e-15);
        drivers.LearningRate.GetLearningRate(55L * stepsPerEpoch).Should().BeApproximately(0.05 / 125, 1e-15);
    }

    private static RunDrivers Drivers(ILearningRateSchedule schedule, IBatchPlan plan) => new(schedule, plan);

    private static TrainingPlanBatches Fixed(int batchSize, int trainingSize, int epochs) =>
        new(BatchSchedule.Plan(trainingSize, BatchSchedule.ConstantBatchSize(batchSize), LastBatch.Drop), epochs);

    /// <summary>A plan with a batch size that changes every step, recording the steps it is asked about.</summary>
    private sealed class RecordingPlan(int epochs, int stepsPerEpoch, Func<long, int> batchOfStep) : IBatchPlan
    {
        public List<long> Queries { get; } = [];

        public int Epochs => epochs;

        public long EpochStartStep(int epoch) => (long)epoch * stepsPerEpoch;

        public int BatchSize(long step)
        {
            Queries.Add(step);
            return batchOfStep(step);
        }
    }
}
