using LrSchedules.Configuration;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>Training plans, batch-size schedules, scaling rules, the Smith transform, data-parallel plans and reduce-on-plateau, described and built again.</summary>
public class BatchingRoundTripTests
{
    private static readonly long[] BatchSteps = [.. Enumerable.Range(0, 5_000).Select(i => (long)i), 10_000, 99_999, 1_000_000, long.MaxValue / 4];

    private static T RoundTrip<T>(ScheduleDescription description)
        where T : class
    {
        string json = ScheduleConfiguration.ToJson(description);
        return ScheduleConfiguration.Build<T>(ScheduleConfiguration.FromJson(json));
    }

    public static IEnumerable<object[]> Plans()
    {
        yield return [BatchSchedule.Plan(1_400, BatchSchedule.Constant(32), LastBatch.Keep)];
        yield return [BatchSchedule.Plan(1_400, BatchSchedule.StepGrowth(10, 5.0, [30, 45, 55], TrainingClock.Epochs, 250), LastBatch.Drop)];
        yield return [BatchSchedule.Plan(50_000, BatchSchedule.StepGrowth(64, 2.0, [1_000, 3_000], TrainingClock.Steps, 1_024, BatchSizeGranularity.PowerOfTwo), LastBatch.Keep)];
        yield return [BatchSchedule.Plan(50_000, BatchSchedule.StepGrowth(48, 1.5, [100_000], TrainingClock.Samples, 480, BatchSizeGranularity.MultipleOf(8)), LastBatch.Drop)];
        yield return [BatchSchedule.Plan(10_000, BatchSchedule.LinearRamp(32, 32, 40_000, 512), LastBatch.Keep)];
        yield return [BatchSchedule.Plan(10_000, BatchSchedule.Piecewise(16, [new(2, 64), new(5, 256)], TrainingClock.Epochs), LastBatch.Drop)];
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Training_plans_round_trip_with_the_same_batch_size_epoch_and_samples_at_every_step(TrainingPlan plan)
    {
        TrainingPlan rebuilt = RoundTrip<TrainingPlan>(ScheduleConfiguration.Describe(plan));

        rebuilt.BatchSizeSchedule.GetType().Should().Be(plan.BatchSizeSchedule.GetType());
        foreach (long step in BatchSteps)
        {
            rebuilt.GetPosition(step).Should().Be(plan.GetPosition(step), "at step {0}", step);
        }
    }

    [Fact]
    public void Scaling_rules_round_trip()
    {
        BatchScalingRule[] rules = [BatchScaling.Linear(256), BatchScaling.SquareRoot(128), BatchScaling.Power(64, 0.75), BatchScaling.Saturating(32, 1_000)];
        string[] types = ["LinearScaling", "SquareRootScaling", "PowerScaling", "SaturatingScaling"];

        for (int i = 0; i < rules.Length; i++)
        {
            ScheduleDescription description = ScheduleConfiguration.Describe(rules[i]);
            description.Type.Should().Be(types[i]);
            BatchScalingRule rebuilt = RoundTrip<BatchScalingRule>(description);
            foreach (long batchSize in new long[] { 1, 7, 32, 256, 8_192, 1L << 40 })
            {
                rebuilt.GetScale(batchSize).Should().Be(rules[i].GetScale(batchSize));
            }
        }
    }

    [Fact]
    public void Schedules_on_a_plan_clock_round_trip()
    {
        TrainingPlan plan = BatchSchedule.Plan(1_400, BatchSchedule.StepGrowth(10, 5.0, [30, 45, 55], TrainingClock.Epochs, 250), LastBatch.Drop);
        var perEpoch = Schedule.MultiStep(0.1, [30, 45, 55], 0.2);
        ILearningRateSchedule[] schedules =
        [
            plan.PerStep(perEpoch, TrainingClock.Epochs),
            plan.PerStep(Schedule.Cosine(0.1, 80_000), TrainingClock.Samples),
            plan.ScaleLearningRate(Schedule.Cosine(0.1, 5_000).WithLinearWarmup(100), BatchScaling.SquareRoot(10)),
            plan.ScaleLearningRate(perEpoch, BatchScaling.Linear(10), TrainingClock.Epochs),
            BatchScaling.LinearScalingWithWarmup(perEpoch, 10, plan),
            BatchScaling.LinearScalingWithWarmup(perEpoch, 5, plan, 2, TrainingClock.Epochs).Scale(0.5),
        ];

        foreach (ILearningRateSchedule schedule in schedules)
        {
            string json = ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(schedule));
            ScheduleConfiguration.BuildSchedule(ScheduleConfiguration.FromJson(json)).ShouldEqualEverywhere(schedule, json);
        }
    }

    [Fact]
    public void The_goyal_recipe_builds_from_its_own_type()
    {
        TrainingPlan plan = BatchSchedule.Plan(1_281_167, BatchSchedule.Constant(8192), LastBatch.Drop);
        var expected = BatchScaling.LinearScalingWithWarmup(Schedule.MultiStep(0.1, [30, 60, 80], 0.1), 256, plan);

        ILearningRateSchedule built = ScheduleConfiguration.BuildSchedule(ScheduleConfiguration.FromJson("""
            {
              "Type": "LinearScalingWithWarmup", "BaseBatchSize": 256,
              "Schedule": { "Type": "MultiStep", "InitialLearningRate": 0.1, "Milestones": [30, 60, 80], "DecayRate": 0.1 },
              "Plan": { "Type": "TrainingPlan", "DatasetSize": 1281167, "LastBatch": "Drop", "BatchSizeSchedule": { "Type": "ConstantBatchSize", "BatchSize": 8192 } }
            }
            """));

        built.ShouldEqualEverywhere(expected, "Goyal");
        built.GetLearningRate(780).Should().BeApproximately(3.2, 1e-12);
        ScheduleConfiguration.Describe(built).Type.Should().Be("LinearWarmup");
    }

    [Theory]
    [InlineData(0.0, null)]
    [InlineData(0.9, 0.98)]
    public void The_smith_transform_round_trips_with_the_same_rates_and_batch_sizes(double momentum, double? increasedMomentum)
    {
        BatchGrowthPlan smith = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(
            Schedule.MultiStep(0.1, [30, 45, 55], 0.2), TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 250, 60,
            BatchSizeGranularity.MultipleOf(5), learningRateScale: 2.0, momentum: momentum, increasedMomentum: increasedMomentum);

        BatchGrowthPlan rebuilt = RoundTrip<BatchGrowthPlan>(ScheduleConfiguration.Describe(smith));

        rebuilt.LearningRate.ShouldEqualEverywhere(smith.LearningRate, "Smith");
        rebuilt.GetTotalSteps(60).Should().Be(smith.GetTotalSteps(60));
        foreach (long step in BatchSteps)
        {
            rebuilt.Plan.GetPosition(step).Should().Be(smith.Plan.GetPosition(step));
        }
    }

    [Fact]
    public void The_learning_rate_of_a_smith_plan_with_increased_momentum_alone_cannot_be_described()
    {
        BatchGrowthPlan smith = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(
            Schedule.MultiStep(0.1, [30], 0.2), TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 50, 60, momentum: 0.9, increasedMomentum: 0.98);

        var act = () => ScheduleConfiguration.Describe(smith.LearningRate.Scale(1.0));

        act.Should().Throw<NotSupportedException>().WithMessage("The schedule at Schedule cannot be described*Describe the BatchGrowthPlan itself*");
    }

    [Fact]
    public void Data_parallel_plans_round_trip()
    {
        TrainingPlan plan = BatchSchedule.Plan(1_400, BatchSchedule.StepGrowth(10, 5.0, [30, 45, 55], TrainingClock.Epochs, 250), LastBatch.Drop);
        DataParallelPlan parallel = BatchSchedule.DataParallel(plan, 2, 5, MicroBatchSizing.Fixed);

        DataParallelPlan rebuilt = RoundTrip<DataParallelPlan>(ScheduleConfiguration.Describe(parallel));

        rebuilt.Sizing.Should().Be(MicroBatchSizing.Fixed);
        foreach (long step in BatchSteps)
        {
            rebuilt.GetSplit(step).Should().Be(parallel.GetSplit(step));
        }
    }

    [Fact]
    public void Reduce_on_plateau_round_trips_its_schedule_and_options_and_reduces_the_same()
    {
        var options = new ReduceOnPlateauOptions { Mode = PlateauMode.Max, Factor = 0.5, Patience = 2, Threshold = 0.01, ThresholdMode = PlateauThresholdMode.Absolute, Cooldown = 1, MinimumLearningRate = 1e-4, Epsilon = 1e-9 };
        ReduceLearningRateOnPlateau original = Schedule.Cosine(0.1, 100).WithLinearWarmup(10).ReduceOnPlateau(options);

        ReduceLearningRateOnPlateau rebuilt = RoundTrip<ReduceLearningRateOnPlateau>(ScheduleConfiguration.Describe(original));

        rebuilt.Options.Should().Be(options);
        var random = new Random(7);
        for (long step = 0; step < 200; step++)
        {
            double metric = random.NextDouble();
            original.Report(metric);
            rebuilt.Report(metric);
            rebuilt.GetLearningRate(step).Should().Be(original.GetLearningRate(step));
        }

        rebuilt.Reductions.Should().Be(original.Reductions).And.BeGreaterThan(0);
    }

    [Fact]
    public void Reduce_on_plateau_takes_pytorch_defaults_and_checks_its_options()
    {
        ReduceLearningRateOnPlateau plateau = ScheduleConfiguration.Build<ReduceLearningRateOnPlateau>(
            ScheduleConfiguration.FromJson("""{ "Type": "ReduceOnPlateau", "Schedule": { "Type": "Constant", "LearningRate": 0.1 } }"""));
        plateau.Options.Should().Be(ReduceOnPlateauOptions.Default);

        ScheduleConfiguration.LoadJson(
            """{ "Type": "ReduceOnPlateau", "Factor": 1.5, "Patience": -1, "PlateauMode": "Up", "Schedule": { "Type": "Constant", "LearningRate": 0.1 } }""",
            null).Problems.Select(p => p.Message).Should().Equal(
                "PlateauMode must be one of Min, Max but was 'Up'.",
                "Factor must be in (0, 1) but was 1.5.",
                "Patience must be >= 0 but was -1.");
    }

    [Fact]
    public void A_batch_size_schedule_where_a_learning_rate_schedule_belongs_is_a_problem()
    {
        ScheduleConfiguration.LoadJson("""{ "Type": "Scale", "Factor": 2, "Schedule": { "Type": "ConstantBatchSize", "BatchSize": 32 } }""", null)
            .Problems.Single().Message.Should().StartWith(
                "Schedule:Type must be a learning-rate schedule type (Constant, Step, ").And.EndWith("but was 'ConstantBatchSize', a batch-size schedule type.");
    }

    [Fact]
    public void Batch_size_problems_are_reported_with_their_paths()
    {
        ScheduleConfiguration.LoadJson("""
            {
              "Type": "TrainingPlan", "DatasetSize": 100, "LastBatch": "Sometimes",
              "BatchSizeSchedule": { "Type": "PiecewiseBatchSize", "InitialBatchSize": 0, "Thresholds": [5, 3], "BatchSizes": [8, 0], "Clock": "Epochs" }
            }
            """, null).Problems.Select(p => p.Message).Should().Equal(
            "LastBatch must be one of Keep, Drop but was 'Sometimes'.",
            "BatchSizeSchedule:InitialBatchSize must be > 0 but was 0.",
            "BatchSizeSchedule:Thresholds must be strictly increasing but BatchSizeSchedule:Thresholds:1 = 3 follows 5.",
            "BatchSizeSchedule:BatchSizes:1 must be > 0 but was 0.");
        ScheduleConfiguration.LoadJson("""
            { "Type": "StepGrowthBatchSize", "InitialBatchSize": 12, "GrowthFactor": 2, "Milestones": [10], "Clock": "Steps", "MaximumBatchSize": 96, "Granularity": "Odd" }
            """, null).Problems.Select(p => p.Message).Should().Equal(
            "Granularity must be Any, PowerOfTwo, or a whole number > 0 (the multiple) but was 'Odd'.");
        ScheduleConfiguration.LoadJson("""
            { "Type": "StepGrowthBatchSize", "InitialBatchSize": 12, "GrowthFactor": 2, "Milestones": [10], "Clock": "Steps", "MaximumBatchSize": 96, "Granularity": "PowerOfTwo" }
            """, null).Problems.Select(p => p.Message).Should().Equal(
            "InitialBatchSize must be allowed by the Granularity (powers of two) but was 12.");
    }
}
