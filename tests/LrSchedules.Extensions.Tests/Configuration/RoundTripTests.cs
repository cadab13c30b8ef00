using System.Text.Json;
using LrSchedules.Configuration;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>Describe → JSON → read → build gives the same schedule, bit for bit, at every step.</summary>
public class RoundTripTests
{
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

    [Theory]
    [MemberData(nameof(EveryTypeCases))]
    public void Every_type_round_trips_through_json_with_identical_values(string type, int index)
    {
        ILearningRateSchedule original = Samples.EveryType().ElementAt(index).Schedule;

        ScheduleDescription description = ScheduleConfiguration.Describe(original);
        string json = ScheduleConfiguration.ToJson(description);
        ILearningRateSchedule rebuilt = ScheduleConfiguration.BuildSchedule(ScheduleConfiguration.FromJson(json));

        description.Type.Should().Be(type);
        rebuilt.GetType().Should().Be(original.GetType());
        rebuilt.ShouldEqualEverywhere(original, json);
    }

    [Theory]
    [MemberData(nameof(NestedCases))]
    public void Nested_compositions_round_trip_through_json_with_identical_values(string name)
    {
        ILearningRateSchedule original = Samples.Nested().Single(n => n.Name == name).Schedule;

        string json = ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(original));
        ILearningRateSchedule rebuilt = ScheduleConfiguration.BuildSchedule(ScheduleConfiguration.FromJson(json));

        rebuilt.ShouldEqualEverywhere(original, json);
    }

    [Fact]
    public void Every_type_of_the_catalog_has_a_round_trip_sample()
    {
        // LinearScalingWithWarmup is a recipe: it builds a LinearWarmup over a ScaleLearningRate, and is described as that
        // (BatchingRoundTripTests covers it, and the other categories).
        var sampled = Samples.EveryType().Select(s => s.Type).Append("LinearScalingWithWarmup").ToHashSet();

        ScheduleConfiguration.Types
            .Where(t => t.Category == ScheduleCategory.LearningRate)
            .Select(t => t.Name)
            .Should().OnlyContain(name => sampled.Contains(name));
    }

    [Fact]
    public void Writing_a_description_read_back_gives_the_same_json()
    {
        foreach ((_, ILearningRateSchedule schedule) in Samples.EveryType().Concat(Samples.Nested()))
        {
            string json = ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(schedule));
            ScheduleConfiguration.ToJson(ScheduleConfiguration.FromJson(json)).Should().Be(json);
        }
    }

    [Fact]
    public void The_json_serializer_round_trips_a_description_with_enum_names()
    {
        ILearningRateSchedule original = Samples.Nested().First().Schedule;
        ScheduleDescription description = ScheduleConfiguration.Describe(original);
        var options = new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

        string json = JsonSerializer.Serialize(description, options);
        ScheduleDescription read = JsonSerializer.Deserialize<ScheduleDescription>(json, options)!;

        json.Should().Contain("\"Progress\":\"Staircase\"");
        ScheduleConfiguration.BuildSchedule(read).ShouldEqualEverywhere(original, json);
        ScheduleConfiguration.BuildSchedule(ScheduleConfiguration.FromJson(json)).ShouldEqualEverywhere(original, json);
    }

    [Fact]
    public void Doubles_are_written_in_their_shortest_round_trip_form()
    {
        double awkward = 0.1 + 0.2;
        string json = ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(Schedule.Constant(awkward)), indented: false);

        json.Should().Be("{\"Type\":\"Constant\",\"LearningRate\":0.30000000000000004}");
        ScheduleConfiguration.FromJson(json).LearningRate.Should().Be(awkward);
    }

    [Fact]
    public void A_function_schedule_cannot_be_described()
    {
        var act = () => ScheduleConfiguration.Describe(Schedule.FromFunction((long step) => 0.1));

        act.Should().Throw<NotSupportedException>().WithMessage("The schedule cannot be described: it is a FunctionSchedule*");
    }

    [Fact]
    public void A_user_schedule_nested_in_a_combinator_cannot_be_described_and_the_message_says_where()
    {
        var schedule = Schedule.Join([Schedule.Constant(0.1), Schedule.Cosine(0.1, 10).Scale(2.0).Multiply(new UserSchedule())], [10]);

        var act = () => ScheduleConfiguration.Describe(schedule);

        act.Should().Throw<NotSupportedException>()
            .WithMessage($"The schedule at Schedules:1:Schedules:1 cannot be described: it is a {typeof(UserSchedule).FullName}, which is not one of the library's schedule types*");
    }

    [Fact]
    public void A_clamp_without_ceiling_is_written_without_maximum()
    {
        string json = ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(Schedule.Constant(0.1).WithFloor(0.01)), indented: false);

        json.Should().Be("{\"Type\":\"Clamp\",\"Minimum\":0.01,\"Schedule\":{\"Type\":\"Constant\",\"LearningRate\":0.1}}");
    }

    [Fact]
    public void Unlimited_restarts_are_written_as_cycle_limit_zero_as_in_timm()
    {
        ScheduleDescription description = ScheduleConfiguration.Describe(Schedule.Tanh(0.1, 10, cycleLimit: null));

        description.CycleLimit.Should().Be(0);
        ((TanhSchedule)ScheduleConfiguration.BuildSchedule(description)).CycleLimit.Should().BeNull();
    }

    private sealed class UserSchedule : ILearningRateSchedule
    {
        public double GetLearningRate(long step) => 1.0 / (1.0 + step);
    }
}
