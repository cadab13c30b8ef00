using LrSchedules.Configuration;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>AsMomentum, AsBeta and AsWeightDecay get their configuration form from their declaration.</summary>
public sealed class ScalarScheduleConfigurationTests
{
    private static readonly long[] Steps = [.. Enumerable.Range(0, 1_200).Select(i => (long)i), 12_345, 1L << 53, long.MaxValue];

    public static TheoryData<string> TypeNames() => ["AsMomentum", "AsBeta", "AsWeightDecay"];

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Each_is_in_the_type_table_with_its_own_result_type_and_one_schedule_parameter(string name)
    {
        ScheduleTypeInfo type = ScheduleConfiguration.FindType(name)!;
        type.Should().NotBeNull();
        type.Factory.Should().Be("ScheduleExtensions." + name);
        type.ResultType.Should().Be(name switch { "AsMomentum" => typeof(MomentumSchedule), "AsBeta" => typeof(BetaSchedule), _ => typeof(WeightDecaySchedule) });
        type.Parameters.Should().ContainSingle().Which.Name.Should().Be("Schedule");
        type.Parameters[0].IsRequired.Should().BeTrue();
    }

    [Fact]
    public void A_momentum_built_in_code_round_trips_bit_for_bit()
    {
        MomentumSchedule original = Schedule.Cosine(0.95, 0.85, 1_000).WithConstantWarmup(0.95, 100).AsMomentum();
        string json = ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(original));
        json.Should().Contain("\"Type\": \"AsMomentum\"").And.Contain("\"Type\": \"WithConstantWarmup\"");

        ScheduleLoadResult read = ScheduleConfiguration.Load(json, typeof(MomentumSchedule));
        read.Problems.Should().BeEmpty();
        MomentumSchedule rebuilt = read.Get<MomentumSchedule>();
        foreach (long step in Steps)
        {
            rebuilt.GetValue(step).Should().Be(original.GetValue(step), $"step {step}");
        }

        ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(rebuilt)).Should().Be(json);
    }

    [Fact]
    public void Beta_and_weight_decay_load_from_json()
    {
        BetaSchedule beta = ScheduleConfiguration.Load("""{ "Type": "AsBeta", "Schedule": { "Type": "Constant", "LearningRate": 0.999 } }""").Get<BetaSchedule>();
        beta.GetValue(10).Should().Be(0.999);

        WeightDecaySchedule decay = ScheduleConfiguration.Load("""
            { "Type": "AsWeightDecay", "Schedule": { "Type": "WeightDecayIncrease", "InitialWeightDecay": 0.01, "FinalWeightDecay": 0.1, "IncreaseSteps": 100 } }
            """).Get<WeightDecaySchedule>();
        decay.GetValue(50).Should().Be(Schedule.WeightDecayIncrease(0.01, 0.1, 100).GetLearningRate(50));
        decay.GetValue(100).Should().Be(0.1);
    }

    [Fact]
    public void A_momentum_that_reaches_one_is_reported_at_the_schedule_s_path()
    {
        ScheduleLoadResult result = ScheduleConfiguration.Load("""
            { "Type": "AsMomentum", "Schedule": { "Type": "Linear", "InitialLearningRate": 0.9, "FinalLearningRate": 1.0, "TotalSteps": 100 } }
            """);

        result.Succeeded.Should().BeFalse();
        result.Problems.Should().ContainSingle().Which.Path.Should().Be("Schedule");
        result.Problems[0].Message.Should().Contain("[0, 1)");
    }

    [Fact]
    public void A_momentum_is_not_accepted_where_a_learning_rate_is_expected()
    {
        ScheduleLoadResult result = ScheduleConfiguration.Load("""
            { "Type": "Scale", "Factor": 0.5, "Schedule": { "Type": "AsMomentum", "Schedule": { "Type": "Constant", "LearningRate": 0.9 } } }
            """);

        result.Succeeded.Should().BeFalse();
        result.Problems.Should().NotBeEmpty();
        result.Problems[0].Path.Should().StartWith("Schedule");
    }
}
