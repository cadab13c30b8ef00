using System.Globalization;
using LrSchedules.Configuration;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>
/// Issue 10 point 2: the two shapes added to the core after the configuration layer was written — Megatron-LM's WSD
/// with its exponential anneal and OLMo-core's PowerLR — work from JSON, in the type table, in Describe and in the
/// round trip, with no configuration code written for them (the generator derived them from the factories).
/// </summary>
public class NewShapesTests
{
    private static readonly long[] Steps = [0, 1, 99, 100, 101, 500, 799, 800, 801, 900, 999, 1_000, 1_001, 10_000, long.MaxValue];

    private static void ShouldRoundTrip(ILearningRateSchedule original, string expectedType)
    {
        ScheduleDescription description = ScheduleConfiguration.Describe(original);
        string json = ScheduleConfiguration.ToJson(description);
        ScheduleLoadResult read = ScheduleConfiguration.Load(json, typeof(ILearningRateSchedule));

        description.Type.Should().Be(expectedType);
        read.Problems.Should().BeEmpty();
        ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(read.Built!)).Should().Be(json);
        ((ILearningRateSchedule)read.Built!).ShouldEqualEverywhere(original, json);
    }

    private static ILearningRateSchedule FromJson(string json) => ScheduleConfiguration.Load(json).Get<ILearningRateSchedule>();

    [Fact]
    public void Megatron_wsd_with_the_exponential_anneal_builds_from_json_with_megatrons_keys()
    {
        ILearningRateSchedule built = FromJson("""
            { "Type": "WarmupStableDecay", "InitialLearningRate": 0, "PeakLearningRate": 0.0003, "FinalLearningRate": 0.00003,
              "WarmupSteps": 100, "TotalSteps": 1000, "DecaySteps": 200, "DecayCurve": "Exponential" }
            """);
        ILearningRateSchedule code = Schedule.WarmupStableDecay(0.0, 0.0003, 0.00003, 100, 1000, 200, Curve.Exponential);

        foreach (long step in Steps)
        {
            BitConverter.DoubleToInt64Bits(built.GetLearningRate(step)).Should().Be(BitConverter.DoubleToInt64Bits(code.GetLearningRate(step)), "at step {0}", step);
        }

        FromJson("""
            { "Type": "WarmupStableDecay", "InitialLearningRate": 0, "PeakLearningRate": 0.0003, "FinalLearningRate": 0.00003,
              "WarmupSteps": 100, "TotalSteps": 1000, "DecaySteps": 200 }
            """).GetLearningRate(900).Should().Be(code.GetLearningRate(900), "Megatron's form takes the exponential anneal by default");
    }

    [Fact]
    public void Megatron_wsd_and_the_exponential_curve_are_in_the_type_table()
    {
        ScheduleTypeInfo wsd = ScheduleConfiguration.FindType("WarmupStableDecay")!;

        wsd.Parameters.Single(p => p.Name == "DecayCurve").ValueType.Split(" | ").Should().Contain(nameof(Curve.Exponential));
        ScheduleTypeInfo megatron = wsd.Overloads.Should().ContainSingle().Which;
        megatron.Parameters.Select(p => p.Name).Should().Equal(
            "InitialLearningRate", "PeakLearningRate", "FinalLearningRate", "WarmupSteps", "TotalSteps", "DecaySteps", "DecayCurve");
        megatron.Parameters.Single(p => p.Name == "DecayCurve").DefaultValue.Should().Be("\"Exponential\"");
        megatron.Summary.Should().Contain("Megatron");
    }

    [Fact]
    public void Megatron_wsd_is_described_and_round_trips_bit_for_bit()
    {
        ShouldRoundTrip(Schedule.WarmupStableDecay(0.0, 0.0003, 0.00003, 100, 1000, 200, Curve.Exponential), "WarmupStableDecay");
        ShouldRoundTrip(Schedule.WarmupStableDecay(0.0003, 100, 700, 200, Curve.Exponential, 0.1), "WarmupStableDecay");
        ShouldRoundTrip(Schedule.WarmupStableDecay(0.0, 0.0003, 0.00003, 100, 1000, 200, Curve.OneMinusSquareRoot).WithFloor(0.00001), "WithFloor");
    }

    [Fact]
    public void Olmo_power_builds_from_json_by_steps_and_by_fractions()
    {
        ILearningRateSchedule bySteps = FromJson("""
            { "Type": "Power", "InitialLearningRate": 0, "PeakLearningRate": 0.0004, "FinalLearningRate": 0.00004,
              "WarmupSteps": 100, "TotalSteps": 1000, "DecaySteps": 100, "Exponent": -0.51 }
            """);
        ILearningRateSchedule byFractions = FromJson("""
            { "Type": "Power", "InitialLearningRate": 0, "PeakLearningRate": 0.0004, "FinalLearningRate": 0.00004,
              "TotalSteps": 1000, "WarmupFraction": 0.1 }
            """);
        ILearningRateSchedule code = Schedule.Power(0.0, 0.0004, 0.00004, 100, 1000, 100, -0.51);

        foreach (long step in Steps)
        {
            BitConverter.DoubleToInt64Bits(bySteps.GetLearningRate(step)).Should().Be(BitConverter.DoubleToInt64Bits(code.GetLearningRate(step)), "at step {0}", step);
            BitConverter.DoubleToInt64Bits(byFractions.GetLearningRate(step)).Should().Be(
                BitConverter.DoubleToInt64Bits(Schedule.Power(0.0, 0.0004, 0.00004, 1000, 0.1).GetLearningRate(step)), "at step {0}", step);
        }
    }

    [Fact]
    public void Olmo_power_is_in_the_type_table_with_its_documentation_and_both_forms()
    {
        ScheduleTypeInfo power = ScheduleConfiguration.FindType("Power")!;

        power.Factory.Should().Be("Schedule.Power");
        power.Summary.Should().Contain("PowerLR");
        power.Parameters.Single(p => p.Name == "Exponent").DefaultValue.Should().Be((-0.51).ToString("R", CultureInfo.InvariantCulture));
        power.Parameters.Should().OnlyContain(p => p.Documentation.Length > 0);
        power.Overloads.Should().ContainSingle().Which.Parameters.Select(p => p.Name).Should().Contain(["WarmupFraction", "DecayFraction"]);
    }

    [Fact]
    public void Olmo_power_is_described_and_round_trips_bit_for_bit_in_both_forms()
    {
        ShouldRoundTrip(Schedule.Power(0.0, 0.0004, 0.00004, 100, 1000, 100, -0.51), "Power");
        ShouldRoundTrip(Schedule.Power(0.0001, 0.0004, 0.00004, 1000, 0.05, 0.2, -0.7), "Power");
        ShouldRoundTrip(Schedule.Join([Schedule.Power(0.0, 0.0004, 0.00004, 1000, 0.1), Schedule.Constant(0.00004)], [1000]), "Join");
    }

    [Fact]
    public void A_bad_argument_of_a_new_shape_is_reported_at_its_path_by_the_factorys_own_rule()
    {
        ScheduleLoadResult result = ScheduleConfiguration.Load("""
            { "Type": "Delay", "Steps": 0, "Schedule": { "Type": "Power", "InitialLearningRate": 0, "PeakLearningRate": 0.0004,
              "FinalLearningRate": 0.00004, "WarmupSteps": 100, "TotalSteps": 1000, "DecaySteps": 100, "Exponent": 0.5 } }
            """);

        result.Problems.Should().ContainSingle().Which.Path.Should().Be("Schedule:Exponent");
    }
}
