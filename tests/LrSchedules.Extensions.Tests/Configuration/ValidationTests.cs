using LrSchedules.Configuration;
using Microsoft.Extensions.Configuration;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>Every problem is reported at once, each with its configuration path, the value and what is valid.</summary>
public class ValidationTests
{
    private static IConfigurationSection Section(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Training:Schedule:" + v.Key, v.Value)))
            .Build()
            .GetSection("Training:Schedule");

    private static IReadOnlyList<string> Problems(IConfiguration section)
    {
        var act = () => ScheduleConfiguration.BuildSchedule(section);
        return act.Should().Throw<ScheduleConfigurationException>().Which.Problems.Select(p => p.Message).ToList();
    }

    private static IReadOnlyList<string> Problems(string json)
    {
        return ScheduleConfiguration.LoadJson(json, ScheduleCategory.LearningRate).Problems.Select(p => p.Message).ToList();
    }

    [Fact]
    public void A_bad_value_deep_in_a_join_is_reported_with_its_full_path()
    {
        var section = Section(
            ("Type", "Join"),
            ("Boundaries:0", "100"),
            ("Schedules:0:Type", "Linear"),
            ("Schedules:0:InitialLearningRate", "0"),
            ("Schedules:0:FinalLearningRate", "0.1"),
            ("Schedules:0:TotalSteps", "100"),
            ("Schedules:1:Type", "Cosine"),
            ("Schedules:1:InitialLearningRate", "0.1"),
            ("Schedules:1:TotalSteps", "0"));

        Problems(section).Should().Equal("Training:Schedule:Schedules:1:TotalSteps must be > 0 but was 0.");
    }

    [Fact]
    public void Every_problem_of_every_node_is_reported_at_once()
    {
        var section = Section(
            ("Type", "Join"),
            ("Boundaries:0", "-5"),
            ("Schedules:0:Type", "Cosine"),
            ("Schedules:0:InitialLearningRate", "-0.1"),
            ("Schedules:0:TotalSteps", "0"),
            ("Schedules:0:Exponent", "ten"),
            ("Schedules:0:Power", "2"),
            ("Schedules:0:Colour", "blue"),
            ("Schedules:1:Type", "Cosinus"),
            ("Schedules:2:Type", "LinearWarmup"),
            ("Schedules:2:Placement", "Before"),
            ("Schedules:2:Schedule:Type", "Constant"));

        // What cannot be read first (in the order of the configuration's keys), then the problems of each node, parents first.
        Problems(section).Should().Equal(
            "Training:Schedule:Schedules:0:Colour is not a parameter of Cosine; its parameters are InitialLearningRate, TotalSteps, FinalLearningRate, Exponent.",
            "Training:Schedule:Schedules:0:Exponent must be a number but was 'ten'.",
            "Training:Schedule:Schedules:2:Placement must be one of Prefix, Overlay but was 'Before'.",
            "Training:Schedule:Boundaries:0 must be >= 1 but was -5.",
            "Training:Schedule:Schedules:0:Power is not a parameter of Cosine; its parameters are InitialLearningRate, TotalSteps, FinalLearningRate, Exponent.",
            "Training:Schedule:Schedules:0:InitialLearningRate must be a finite number >= 0 but was -0.1.",
            "Training:Schedule:Schedules:0:TotalSteps must be > 0 but was 0.",
            "Training:Schedule:Schedules:1:Type must be one of " + KnownTypes + " but was 'Cosinus'.",
            "Training:Schedule:Schedules:2:WarmupSteps is required for LinearWarmup (integer, >= 0).",
            "Training:Schedule:Schedules:2:Schedule:LearningRate is required for Constant (number, a finite number >= 0).");
    }

    private static string KnownTypes => string.Join(", ", ScheduleConfiguration.Types.Where(t => t.Category == ScheduleCategory.LearningRate).Select(t => t.Name));

    [Fact]
    public void An_unknown_type_is_rejected_with_the_list_of_known_types()
    {
        Problems("""{ "Type": "System.IO.File" }""").Should().Equal($"Type must be one of {KnownTypes} but was 'System.IO.File'.");
    }

    [Fact]
    public void A_missing_type_is_rejected_with_the_list_of_known_types()
    {
        Problems("""{ "TotalSteps": 10 }""").Should().Equal($"Type is required; the known types are {KnownTypes}.");
    }

    [Fact]
    public void Type_names_are_matched_without_regard_to_case()
    {
        ScheduleConfiguration.BuildSchedule(ScheduleConfiguration.FromJson("""{ "type": "cosine", "initialLearningRate": 0.1, "TOTALSTEPS": 10 }"""))
            .Should().BeOfType<CosineSchedule>().Which.TotalSteps.Should().Be(10);
    }

    [Fact]
    public void A_cross_parameter_rule_of_the_core_library_is_reported_at_the_path_of_the_parameter()
    {
        Problems("""{ "Type": "Tanh", "InitialLearningRate": 0.1, "PeriodSteps": 10, "LowerBound": 3, "UpperBound": 1 }""")
            .Should().Equal("UpperBound must be a finite number > LowerBound (3) but was 1.");
        Problems("""{ "Type": "Scale", "Factor": 2, "Schedule": { "Type": "Clamp", "Minimum": 0.2, "Maximum": 0.1, "Schedule": { "Type": "Constant", "LearningRate": 1 } } }""")
            .Should().Equal("Schedule:Minimum must be <= Maximum (0.1) but was 0.2.");
    }

    [Fact]
    public void A_join_with_the_wrong_number_of_boundaries_names_both_counts()
    {
        Problems("""{ "Type": "Join", "Boundaries": [10, 20], "Schedules": [ { "Type": "Constant", "LearningRate": 1 }, { "Type": "Constant", "LearningRate": 2 } ] }""")
            .Should().Equal("Boundaries must have one element fewer than Schedules, but there are 2 Schedules and 2 Boundaries.");
    }

    [Fact]
    public void An_empty_join_and_a_null_child_are_problems()
    {
        Problems("""{ "Type": "Product", "Schedules": [] }""").Should().Equal("Schedules must contain at least one schedule but was empty.");
        Problems("""{ "Type": "Product", "Schedules": [ null ] }""").Should().Equal("Schedules:0 must not be null.");
        Problems("""{ "Type": "Scale", "Factor": 2 }""").Should().Equal("Schedule is required for Scale (schedule).");
    }

    [Fact]
    public void Lists_are_checked_element_by_element()
    {
        Problems("""{ "Type": "PiecewiseConstant", "Boundaries": [10, 5, 5], "LearningRates": [0.1, -1, 0.2, "x"] }""")
            .Should().Equal(
                "LearningRates:3 must be a number but was 'x'.",
                "Boundaries must be strictly increasing but Boundaries:1 = 5 follows 10.",
                "Boundaries must be strictly increasing but Boundaries:2 = 5 follows 5.");
        Problems("""{ "Type": "PiecewiseConstant", "Boundaries": [10], "LearningRates": [0.1, -1] }""")
            .Should().Equal("LearningRates:1 must be a finite number >= 0 but was -1.");
        Problems("""{ "Type": "PiecewiseConstant", "Boundaries": [10], "LearningRates": [0.1] }""")
            .Should().Equal("LearningRates must hold 2 values (one more than the 1 Boundaries) but holds 1.");
    }

    [Fact]
    public void Values_of_the_wrong_shape_are_problems()
    {
        Problems("""{ "Type": "MultiStep", "InitialLearningRate": [1], "Milestones": 5, "DecayRate": { "a": 1 } }""")
            .Should().Equal(
                "InitialLearningRate must be a number but was a list.",
                "Milestones must be a list of integers but was '5'.",
                "DecayRate must be a number but was an object.");
        Problems("""[1, 2]""").Should().Equal("The description must be a schedule description (an object with a Type) but was a list.");
        Problems("""{ "Type": "Scale", "Factor": 1, "Schedule": 3 }""").Should().Equal("Schedule must be a schedule description (an object with a Type) but was '3'.");
    }

    [Fact]
    public void Integers_may_be_written_with_an_exponent_but_not_with_a_fraction()
    {
        ScheduleConfiguration.FromJson("""{ "Type": "Cosine", "InitialLearningRate": 0.1, "TotalSteps": 1e5 }""").TotalSteps.Should().Be(100_000);
        Problems("""{ "Type": "Cosine", "InitialLearningRate": 0.1, "TotalSteps": 10.5 }""").Should().Equal("TotalSteps must be an integer but was '10.5'.");
        Problems("""{ "Type": "Cosine", "InitialLearningRate": 0.1, "TotalSteps": 1e30 }""").Should().Equal("TotalSteps must be an integer but was '1e30'.");
    }

    [Fact]
    public void Enum_values_are_names_not_numbers()
    {
        Problems("""{ "Type": "Cyclic", "InitialLearningRate": 0, "PeakLearningRate": 1, "StepsUp": 5, "Mode": 1 }""")
            .Should().Equal("Mode must be one of Triangular, Triangular2, ExponentialRange but was '1'.");
        ScheduleConfiguration.FromJson("""{ "Type": "Cyclic", "Mode": "triangular2" }""").Mode.Should().Be(CyclicMode.Triangular2);
    }

    [Fact]
    public void Invalid_json_is_reported_with_its_line_and_position()
    {
        Problems("{\n  \"Type\": \"Cosine\",\n  \"TotalSteps\": 10,,\n}").Should().ContainSingle()
            .Which.Should().StartWith("The text is not valid JSON at line 3, position 20:");
    }

    [Fact]
    public void An_undefined_enum_value_set_in_code_is_a_problem()
    {
        var description = new ScheduleDescription { Type = "OneCycle", PeakLearningRate = 0.1, TotalSteps = 10, Interpolation = (Interpolation)7 };

        ScheduleConfiguration.Validate(description, "Lr").Select(p => p.Message)
            .Should().Equal("Lr:Interpolation must be one of Linear, Cosine but was 7.");
    }

    [Fact]
    public void Problems_carry_their_path_separately()
    {
        var act = () => ScheduleConfiguration.BuildSchedule(new ScheduleDescription { Type = "Cosine", InitialLearningRate = 0.1 }, "Training:Schedule");

        ScheduleProblem problem = act.Should().Throw<ScheduleConfigurationException>().Which.Problems.Single();
        problem.Path.Should().Be("Training:Schedule:TotalSteps");
        problem.Message.Should().Be("Training:Schedule:TotalSteps is required for Cosine (integer, > 0).");
        problem.ToString().Should().Be(problem.Message);
    }

    [Fact]
    public void The_exception_message_lists_every_problem()
    {
        var act = () => ScheduleConfiguration.BuildSchedule(new ScheduleDescription { Type = "Linear", InitialLearningRate = -1 });

        act.Should().Throw<ScheduleConfigurationException>().WithMessage(
            "The schedule description has 3 problems:*InitialLearningRate must be a finite number >= 0 but was -1.*FinalLearningRate is required*TotalSteps is required*");
    }

    [Fact]
    public void Defaults_of_the_description_are_the_defaults_of_the_factories()
    {
        static ILearningRateSchedule Build(string json) => ScheduleConfiguration.BuildSchedule(ScheduleConfiguration.FromJson(json));

        Build("""{ "Type": "Cosine", "InitialLearningRate": 0.1, "TotalSteps": 100 }""").ShouldEqualEverywhere(Schedule.Cosine(0.1, 100), "Cosine");
        Build("""{ "Type": "Exponential", "InitialLearningRate": 0.1, "DecayRate": 0.5 }""").ShouldEqualEverywhere(Schedule.Exponential(0.1, 0.5), "Exponential");
        Build("""{ "Type": "Polynomial", "InitialLearningRate": 0.1, "TotalSteps": 100, "Power": 2 }""").ShouldEqualEverywhere(Schedule.Polynomial(0.1, 100, 2), "Polynomial");
        Build("""{ "Type": "InverseTime", "InitialLearningRate": 0.1, "DecaySteps": 10, "DecayRate": 0.5 }""").ShouldEqualEverywhere(Schedule.InverseTime(0.1, 10, 0.5), "InverseTime");
        Build("""{ "Type": "CosineWave", "InitialLearningRate": 0.1, "TotalSteps": 100 }""").ShouldEqualEverywhere(Schedule.CosineWave(0.1, 100), "CosineWave");
        Build("""{ "Type": "PiecewiseInterpolated", "Positions": [0, 10], "LearningRates": [0, 1] }""").ShouldEqualEverywhere(Schedule.PiecewiseInterpolated([0.0, 10.0], [0.0, 1.0]), "PiecewiseInterpolated");
        Build("""{ "Type": "CosineWarmRestarts", "InitialLearningRate": 0.1, "PeriodSteps": 10 }""").ShouldEqualEverywhere(Schedule.CosineWarmRestarts(0.1, 10), "CosineWarmRestarts");
        Build("""{ "Type": "Tanh", "InitialLearningRate": 0.1, "PeriodSteps": 10 }""").ShouldEqualEverywhere(Schedule.Tanh(0.1, 10), "Tanh");
        Build("""{ "Type": "PolynomialWarmRestarts", "InitialLearningRate": 0.1, "PeriodSteps": 10, "Power": 0.5 }""").ShouldEqualEverywhere(Schedule.PolynomialWarmRestarts(0.1, 10, 0.5), "PolynomialWarmRestarts");
        Build("""{ "Type": "OneCycle", "PeakLearningRate": 0.1, "TotalSteps": 100 }""").ShouldEqualEverywhere(Schedule.OneCycle(0.1, 100), "OneCycle");
        Build("""{ "Type": "Cyclic", "InitialLearningRate": 0.01, "PeakLearningRate": 0.1, "StepsUp": 10 }""").ShouldEqualEverywhere(Schedule.Cyclic(0.01, 0.1, 10), "Cyclic");
        Build("""{ "Type": "WarmupStableDecay", "PeakLearningRate": 0.1, "WarmupSteps": 10, "StableSteps": 10, "DecaySteps": 10 }""").ShouldEqualEverywhere(Schedule.WarmupStableDecay(0.1, 10, 10, 10), "WarmupStableDecay");

        var constant = Schedule.Constant(0.1);
        const string Inner = """{ "Type": "Constant", "LearningRate": 0.1 }""";
        Build($$"""{ "Type": "LinearWarmup", "WarmupSteps": 10, "Schedule": {{Inner}} }""").ShouldEqualEverywhere(constant.WithLinearWarmup(10), "LinearWarmup");
        Build($$"""{ "Type": "ConstantWarmup", "WarmupSteps": 10, "LearningRate": 0.01, "Schedule": {{Inner}} }""").ShouldEqualEverywhere(constant.WithConstantWarmup(10, 0.01), "ConstantWarmup");
        Build($$"""{ "Type": "Clamp", "Maximum": 0.05, "Schedule": {{Inner}} }""").ShouldEqualEverywhere(constant.WithCeiling(0.05), "Clamp");
        Build($$"""{ "Type": "PerEpoch", "StepsPerEpoch": 10, "Schedule": {{Inner}} }""").ShouldEqualEverywhere(constant.PerEpoch(10), "PerEpoch");
    }

    [Fact]
    public void The_type_table_lists_each_type_with_the_parameters_of_its_factory()
    {
        ScheduleTypeInfo cosine = ScheduleConfiguration.Types.Single(t => t.Name == "Cosine");

        cosine.Parameters.Select(p => (p.Name, p.ValueType, p.IsRequired, p.DefaultValue, p.Requirement)).Should().Equal(
            ("InitialLearningRate", "number", true, null, "a finite number >= 0"),
            ("TotalSteps", "integer", true, null, "> 0"),
            ("FinalLearningRate", "number", false, "0", "a finite number >= 0"),
            ("Exponent", "number", false, "1", "a finite number > 0"));
        ScheduleConfiguration.Types.Select(t => t.Name).Should().OnlyHaveUniqueItems();
        ScheduleConfiguration.Types.SelectMany(t => t.Parameters).Select(p => p.Name)
            .Should().OnlyContain(name => typeof(ScheduleDescription).GetProperty(name) != null);
    }
}
