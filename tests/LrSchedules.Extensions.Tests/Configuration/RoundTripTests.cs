using LrSchedules.Configuration;
using LrSchedules.Tests.Randomness;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>Describe → JSON → read → build gives the same object, bit for bit, for schedules built in code.</summary>
public class RoundTripTests
{
    private static readonly long[] BatchSteps = [.. Enumerable.Range(0, 5_000).Select(i => (long)i), 10_000, 99_999, 1_000_000, long.MaxValue / 4];

    public static TheoryData<string, int> EveryTypeCases()
    {
        var data = new TheoryData<string, int>();
        int i = 0;
        foreach ((string type, _) in Samples.EveryType())
        {
            data.Add(type, i++);
        }

        return data;
    }

    public static TheoryData<string> NestedCases()
    {
        var data = new TheoryData<string>();
        foreach ((string name, _) in Samples.Nested())
        {
            data.Add(name);
        }

        return data;
    }

    private static T RoundTrip<T>(object built)
        where T : class
    {
        string json = ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(built));
        ScheduleLoadResult read = ScheduleConfiguration.Load(json, typeof(T));
        ScheduleConfiguration.ToJson(read.Description!).Should().Be(json, "reading and writing again gives the same text");
        return read.Get<T>();
    }

    [Theory]
    [MemberData(nameof(EveryTypeCases))]
    public void Every_sample_round_trips_through_json_with_identical_values(string type, int index)
    {
        ILearningRateSchedule original = Samples.EveryType().ElementAt(index).Schedule;

        ScheduleDescription description = ScheduleConfiguration.Describe(original);
        ILearningRateSchedule rebuilt = RoundTrip<ILearningRateSchedule>(original);

        description.Type.Should().Be(type);
        rebuilt.GetType().Should().Be(original.GetType());
        rebuilt.ShouldEqualEverywhere(original, ScheduleConfiguration.ToJson(description));
    }

    [Theory]
    [MemberData(nameof(NestedCases))]
    public void Nested_compositions_round_trip_through_json_with_identical_values(string name)
    {
        ILearningRateSchedule original = Samples.Nested().Single(n => n.Name == name).Schedule;

        RoundTrip<ILearningRateSchedule>(original).ShouldEqualEverywhere(original, name);
    }

    [Fact]
    public void Doubles_are_written_in_their_shortest_round_trip_form()
    {
        double awkward = 0.1 + 0.2;
        string json = ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(Schedule.Constant(awkward)), indented: false);

        json.Should().Be("{\"Type\":\"Constant\",\"LearningRate\":0.30000000000000004}");
        ScheduleConfiguration.FromJson(json).Parameters["LearningRate"].Should().Be(awkward);
    }

    [Fact]
    public void A_function_schedule_cannot_be_described_and_the_message_says_where()
    {
        var act = () => ScheduleConfiguration.Describe(Schedule.Cosine(0.1, 0.0, 10).Scale(2.0).Delay(3).WithFloor(0.0).Scale(1.5).PerEpoch(2).Scale(1.0).Delay(0)
            .WithCeiling(1.0).WithLinearWarmup(1).Scale(0.5).Delay(1).Scale(2.0).Delay(2).WithFloor(0.01).Scale(0.9).Delay(4).WithCeiling(0.5).Scale(1.1).Delay(5)
            .Scale(1.2).Delay(6).Scale(1.3).Delay(7).Scale(1.4).Delay(8).Scale(1.6).Delay(9).Scale(1.7).Delay(10).Scale(1.8).Delay(11).Scale(1.9).Delay(12)
            .Scale(2.1).Delay(13).Scale(2.2).Delay(14).Scale(2.3).Delay(15).Scale(2.4).Delay(16).Scale(2.5).Delay(17).Scale(2.6).Delay(18).Scale(2.7).Delay(19)
            .WithFloor(0.001));
        act.Should().NotThrow("every level of the chain was built by a factory");

        var function = () => ScheduleConfiguration.Describe(Schedule.Join([Schedule.Constant(0.1), Schedule.FromFunction((long step) => 0.1).Scale(2.0)], [10]));

        function.Should().Throw<NotSupportedException>().WithMessage("Schedules:1:Schedule was built by FromFunction, which has no configuration form*");
    }

    [Fact]
    public void Describing_null_is_rejected_by_name()
    {
        FluentActions.Invoking(() => ScheduleConfiguration.Describe(null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("built");
    }

    [Fact]
    public void A_static_property_of_the_core_is_described_by_its_name_alone()
    {
        ScheduleDescription any = ScheduleConfiguration.Describe(BatchSizeGranularity.Any);

        any.Type.Should().Be("Any");
        any.Parameters.Should().BeEmpty();
        ScheduleConfiguration.Build<BatchSizeGranularity>(any).Should().BeSameAs(BatchSizeGranularity.Any);
    }

    [Fact]
    public void A_user_schedule_nested_in_a_combinator_cannot_be_described_and_the_message_says_where()
    {
        var schedule = Schedule.Join([Schedule.Constant(0.1), Schedule.Product(Schedule.Cosine(0.1, 0.0, 10).Scale(2.0), new UserSchedule())], [10]);

        var act = () => ScheduleConfiguration.Describe(schedule);

        act.Should().Throw<NotSupportedException>()
            .WithMessage($"Schedules:1:Schedules:1 is a {nameof(UserSchedule)} that no factory of LrSchedules built*");
    }

    [Fact]
    public void Unlimited_restarts_are_an_explicit_null_and_read_back_as_unlimited()
    {
        ILearningRateSchedule unlimited = Schedule.Tanh(0.1, 0.0, 10, cycleLimit: null);

        string json = ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(unlimited), indented: false);

        json.Should().Contain("\"CycleLimit\":null");
        RoundTrip<ILearningRateSchedule>(unlimited).ShouldEqualEverywhere(unlimited, json);
    }

    public static IEnumerable<object[]> Plans()
    {
        yield return [BatchSchedule.Plan(1_400, BatchSchedule.ConstantBatchSize(32), LastBatch.Keep)];
        yield return [BatchSchedule.Plan(1_400, BatchSchedule.StepGrowth(10, 5.0, [30, 45, 55], TrainingClock.Epochs, 250), LastBatch.Drop)];
        yield return [BatchSchedule.Plan(50_000, BatchSchedule.StepGrowth(64, 2.0, [1_000, 3_000], TrainingClock.Steps, 1_024, BatchSizeGranularity.PowerOfTwo), LastBatch.Keep)];
        yield return [BatchSchedule.Plan(50_000, BatchSchedule.StepGrowth(64, 2.0, [1_000, 3_000], TrainingClock.Steps, 1_000, BatchSizeGranularity.MultipleOf(8)), LastBatch.Keep)];
        yield return [BatchSchedule.Plan(10_000, BatchSchedule.LinearRamp(32, 32, 40_000, 512), LastBatch.Keep)];
        yield return [BatchSchedule.Plan(10_000, BatchSchedule.Piecewise(16, [new(2, 64), new(5, 256)], TrainingClock.Epochs), LastBatch.Drop)];
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Training_plans_round_trip_with_the_same_batch_size_epoch_and_samples_at_every_step(TrainingPlan plan)
    {
        TrainingPlan rebuilt = RoundTrip<TrainingPlan>(plan);

        foreach (long step in BatchSteps)
        {
            rebuilt.GetPosition(step).Should().Be(plan.GetPosition(step), "at step {0}", step);
        }
    }

    [Fact]
    public void Scaling_rules_round_trip()
    {
        BatchScalingRule[] rules = [BatchScaling.LinearScaling(256), BatchScaling.SquareRootScaling(128), BatchScaling.PowerScaling(64, 0.75), BatchScaling.SaturatingScaling(32, 1_000)];

        foreach (BatchScalingRule rule in rules)
        {
            BatchScalingRule rebuilt = RoundTrip<BatchScalingRule>(rule);
            foreach (long batchSize in new long[] { 1, 7, 32, 256, 8_192, 1L << 40 })
            {
                rebuilt.GetScale(batchSize).Should().Be(rule.GetScale(batchSize));
            }
        }
    }

    [Fact]
    public void Schedules_on_a_plan_clock_and_the_goyal_recipe_round_trip()
    {
        TrainingPlan plan = BatchSchedule.Plan(1_400, BatchSchedule.StepGrowth(10, 5.0, [30, 45, 55], TrainingClock.Epochs, 250), LastBatch.Drop);
        var perEpoch = Schedule.MultiStep(0.1, [30, 45, 55], 0.2);
        ILearningRateSchedule[] schedules =
        [
            plan.PerStep(perEpoch, TrainingClock.Epochs),
            plan.PerStep(Schedule.Cosine(0.1, 0.0, 80_000), TrainingClock.Samples),
            plan.ScaleLearningRate(Schedule.Cosine(0.1, 0.0, 5_000).WithLinearWarmup(100), BatchScaling.SquareRootScaling(10)),
            BatchScaling.LinearScalingWithWarmup(perEpoch, 10, plan),
            BatchScaling.LinearScalingWithWarmup(perEpoch, 5, plan, 2, TrainingClock.Epochs).Scale(0.5),
        ];

        foreach (ILearningRateSchedule schedule in schedules)
        {
            RoundTrip<ILearningRateSchedule>(schedule).ShouldEqualEverywhere(schedule, ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(schedule)));
        }
    }

    [Theory]
    [InlineData(0.0, null)]
    [InlineData(0.9, 0.98)]
    public void The_smith_transform_round_trips_with_the_same_rates_and_batch_sizes(double momentum, double? increasedMomentum)
    {
        BatchGrowthPlan smith = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(
            Schedule.MultiStep(0.1, [30, 45, 55], 0.2), TrainingClock.Epochs, 1_400, LastBatch.Drop, 8, 256, 60,
            BatchSizeGranularity.PowerOfTwo, learningRateScale: 2.0, momentum: momentum, increasedMomentum: increasedMomentum);

        BatchGrowthPlan rebuilt = RoundTrip<BatchGrowthPlan>(smith);

        rebuilt.LearningRate.ShouldEqualEverywhere(smith.LearningRate, "Smith");
        rebuilt.GetTotalSteps(60).Should().Be(smith.GetTotalSteps(60));
        foreach (long step in BatchSteps)
        {
            rebuilt.Plan.GetPosition(step).Should().Be(smith.Plan.GetPosition(step));
        }
    }

    [Fact]
    public void Data_parallel_plans_round_trip()
    {
        TrainingPlan plan = BatchSchedule.Plan(1_400, BatchSchedule.StepGrowth(10, 5.0, [30, 45, 55], TrainingClock.Epochs, 250), LastBatch.Drop);
        DataParallelPlan parallel = BatchSchedule.DataParallel(plan, 2, 5, MicroBatchSizing.Fixed);

        DataParallelPlan rebuilt = RoundTrip<DataParallelPlan>(parallel);

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
        ReduceLearningRateOnPlateau original = Schedule.Cosine(0.1, 0.0, 100).WithLinearWarmup(10).ReduceOnPlateau(options);

        ReduceLearningRateOnPlateau rebuilt = RoundTrip<ReduceLearningRateOnPlateau>(original);

        rebuilt.Options.Should().Be(options);
        int seed = TestSeed.Or(7);
        var random = new Random(seed);
        for (long step = 0; step < 200; step++)
        {
            double metric = random.NextDouble();
            original.Report(metric);
            rebuilt.Report(metric);
            rebuilt.GetLearningRate(step).Should().Be(original.GetLearningRate(step), TestSeed.Describe(seed));
        }

        rebuilt.Reductions.Should().Be(original.Reductions).And.BeGreaterThan(0, TestSeed.Describe(seed));
    }

    [Fact]
    public void Reduce_on_plateau_takes_the_defaults_of_its_options_and_reports_each_bad_option_at_its_path()
    {
        const string Schedule = """{ "Type": "Constant", "LearningRate": 0.1 }""";
        ScheduleConfiguration.Load($$"""{ "Type": "ReduceOnPlateau", "Schedule": {{Schedule}} }""").Get<ReduceLearningRateOnPlateau>()
            .Options.Should().Be(ReduceOnPlateauOptions.Default);

        ScheduleConfiguration.Load($$"""{ "Type": "ReduceOnPlateau", "Options": { "Factor": 1.5, "Patience": "x", "Mode": "Up" }, "Schedule": {{Schedule}} }""")
            .Problems.Select(p => p.Path).Should().BeEquivalentTo("Options:Patience", "Options:Mode");
        ScheduleConfiguration.Load($$"""{ "Type": "ReduceOnPlateau", "Options": { "Factor": 1.5 }, "Schedule": {{Schedule}} }""")
            .Problems.Should().ContainSingle().Which.Path.Should().StartWith("Options");
    }

    private sealed class UserSchedule : ILearningRateSchedule
    {
        public double GetLearningRate(long step) => 1.0 / (1.0 + step);
    }
}
