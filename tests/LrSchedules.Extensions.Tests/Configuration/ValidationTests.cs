using LrSchedules.Configuration;
using Microsoft.Extensions.Configuration;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>
/// Every problem is reported at once, each with its configuration path: every structural problem of the whole tree,
/// and the factory's own rejection for each node whose arguments could be read, at the path of the parameter it names.
/// </summary>
public class ValidationTests
{
    private const string Cosine = """{ "Type": "Cosine", "InitialLearningRate": 0.1, "FinalLearningRate": 0, "TotalSteps": 100 }""";

    private static IConfigurationSection Section(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Training:Schedule:" + v.Key, v.Value)))
            .Build()
            .GetSection("Training:Schedule");

    private static IReadOnlyList<string> Problems(string json, Type? expected = null) =>
        ScheduleConfiguration.Load(json, expected ?? typeof(ILearningRateSchedule)).Problems.Select(p => p.Message).ToList();

    private static string ParametersOf(string type) => string.Join(", ", ScheduleConfiguration.FindType(type)!.Parameters.Select(p => p.Name));

    // A porting method that chooses by name (get_scheduler, create_scheduler_v2) builds a schedule for most names: it is offered too.
    private static string LearningRateTypes => string.Join(", ", ScheduleConfiguration.Types
        .Where(t => typeof(ILearningRateSchedule).IsAssignableFrom(t.ResultType) || t.ResultType == typeof(LrSchedules.Porting.PortedScheduler)).Select(t => t.Name));

    [Theory]
    [InlineData("2147483647", true)]
    [InlineData("2147483648", false)]
    [InlineData("-2147483648", true)]
    [InlineData("-2147483649", false)]
    [InlineData("2147483647.0", true)]
    [InlineData("2147483648.0", false)]
    [InlineData("-2147483648.0", true)]
    [InlineData("-2147483649.0", false)]
    [InlineData("2e0", true)]
    [InlineData("2.5", false)]
    public void A_32_bit_integer_is_read_in_its_range_also_with_a_fraction_of_zero(string workers, bool read)
    {
        string json = $$"""
            { "Type": "DataParallel", "Workers": {{workers}}, "MaximumMicroBatchSize": 64,
              "Plan": { "Type": "Plan", "DatasetSize": 10000, "LastBatch": "Drop", "BatchSizeSchedule": { "Type": "ConstantBatchSize", "BatchSize": 128 } } }
            """;

        IReadOnlyList<string> problems = Problems(json, typeof(DataParallelPlan));

        // A value out of the range of int (or not an integer) is the binder's problem; one in range reaches the factory, which has its own requirement.
        problems.Any(p => p.StartsWith("Workers must be an integer in [-2147483648, 2147483647]", StringComparison.Ordinal)).Should().Be(!read, string.Join(" | ", problems));
    }

    [Fact]
    public void A_name_alone_stands_for_a_type_without_parameters_and_nothing_else()
    {
        const string Smith = """
            { "Type": "IncreaseBatchSizeInsteadOfDecay", "Clock": "Epochs", "DatasetSize": 10000, "LastBatch": "Drop",
              "InitialBatchSize": 50, "MaximumBatchSize": 800, "Epochs": 12, "Granularity": "Any",
              "LearningRate": LR }
            """;

        Problems(Smith.Replace("LR", """{ "Type": "Constant", "LearningRate": 0.1 }""", StringComparison.Ordinal), typeof(BatchGrowthPlan)).Should().BeEmpty();
        Problems(Smith.Replace("LR", "\"Cosine\"", StringComparison.Ordinal), typeof(BatchGrowthPlan)).Should().Equal(
            "LearningRate must be a description (an object with a Type) but was 'Cosine'.");
    }

    [Theory]
    [InlineData("{ }")]
    [InlineData("""{ "Type": "  " }""")]
    public void A_missing_or_blank_type_is_required_when_anything_may_be_built(string json)
    {
        ScheduleConfiguration.Load(json).Problems.Should().ContainSingle()
            .Which.Message.Should().StartWith("Type is required: the name of a type that builds anything (");
    }

    [Fact]
    public void A_type_that_is_not_text_must_be_a_name()
    {
        ScheduleConfiguration.Load("""{ "Type": [ ] }""").Problems.Should().ContainSingle()
            .Which.Message.Should().StartWith("Type must be the name of a type but was ");
    }

    [Fact]
    public void An_unknown_type_when_anything_may_be_built_is_asked_for_as_a_type()
    {
        ScheduleConfiguration.Load("""{ "Type": "Nope" }""").Problems.Should().ContainSingle()
            .Which.Message.Should().StartWith("Type must be a type but was 'Nope'");
    }

    [Fact]
    public void An_unknown_name_with_a_one_letter_origin_is_compared_with_every_type_not_with_an_origin()
    {
        // "t." is no origin: the text before the dot names no type, so the problem lists all the types, not those of an origin.
        Problems("""{ "Type": "t.Cosine" }""").Should().ContainSingle().Which.Should()
            .StartWith("Type must be the name of a type that builds an ILearningRateSchedule but was 't.Cosine'")
            .And.EndWith($"; the types are {LearningRateTypes}.");
    }

    [Fact]
    public void A_bad_value_deep_in_a_join_is_reported_with_its_full_configuration_path_and_the_factorys_requirement()
    {
        var section = Section(
            ("Type", "Join"),
            ("Boundaries:0", "100"),
            ("Schedules:0:Type", "Cosine"),
            ("Schedules:0:InitialLearningRate", "0.1"),
            ("Schedules:0:FinalLearningRate", "0"),
            ("Schedules:0:TotalSteps", "100"),
            ("Schedules:1:Type", "Cosine"),
            ("Schedules:1:InitialLearningRate", "0.1"),
            ("Schedules:1:FinalLearningRate", "0"),
            ("Schedules:1:TotalSteps", "0"));

        ScheduleLoadResult result = ScheduleConfiguration.LoadSection(section, typeof(ILearningRateSchedule));

        result.Problems.Select(p => p.Path).Should().Equal("Training:Schedule:Schedules:1:TotalSteps");
        result.Problems[0].Message.Should().Be("Training:Schedule:Schedules:1:TotalSteps must be > 0 but was 0.");
        result.Built.Should().BeNull();
        result.Description!.Type.Should().Be("Join");
    }

    [Fact]
    public void Every_structural_problem_of_the_tree_and_the_range_problem_of_every_readable_node_are_reported_at_once()
    {
        var section = Section(
            ("Type", "Join"),
            ("Boundaries:0", "-5"),
            ("Schedules:0:Type", "Cosine"),
            ("Schedules:0:InitialLearningRate", "-0.1"),
            ("Schedules:0:FinalLearningRate", "0"),
            ("Schedules:0:TotalSteps", "100"),
            ("Schedules:0:Colour", "blue"),
            ("Schedules:1:Type", "Cosinus"),
            ("Schedules:2:Type", "Exponential"),
            ("Schedules:2:InitialLearningRate", "ten"),
            ("Schedules:3:Type", "Delay"),
            ("Schedules:3:Schedule:Type", "Cosine"),
            ("Schedules:3:Schedule:FinalLearningRate", "0"),
            ("Schedules:3:Schedule:TotalSteps", "10"));

        IReadOnlyList<ScheduleProblem> problems = ScheduleConfiguration.LoadSection(section, typeof(ILearningRateSchedule)).Problems;

        problems.Select(p => p.Path).Should().BeEquivalentTo(
            "Training:Schedule:Schedules:0:Colour",
            "Training:Schedule:Schedules:0:InitialLearningRate",
            "Training:Schedule:Schedules:1:Type",
            "Training:Schedule:Schedules:2:InitialLearningRate",
            "Training:Schedule:Schedules:2:DecayFactor",
            "Training:Schedule:Schedules:3:Schedule:InitialLearningRate",
            "Training:Schedule:Schedules:3:Steps");
        problems.Should().Contain(p => p.Message == "Training:Schedule:Schedules:0:InitialLearningRate must be a finite number >= 0 but was -0.1.",
            "an unknown key does not stop the factory from checking the arguments it has");
        problems.Should().Contain(p => p.Message == "Training:Schedule:Schedules:2:InitialLearningRate must be a number but was 'ten'.");
        problems.Should().NotContain(p => p.Path == "Training:Schedule:Boundaries:0", "the join cannot be built while its children have problems");
    }

    [Fact]
    public void An_unknown_type_gets_the_nearest_name_and_the_list_of_known_types()
    {
        Problems("""{ "Type": "Cosinus", "TotalSteps": 10 }""").Should().Equal(
            $"Type must be the name of a type that builds an ILearningRateSchedule but was 'Cosinus' (did you mean 'Cosine'?); the types are {LearningRateTypes}.");
        Problems("""{ "Type": "System.IO.File" }""").Should().ContainSingle().Which.Should().NotContain("did you mean");
    }

    [Fact]
    public void An_unknown_parameter_gets_the_nearest_name_and_the_list_of_parameters()
    {
        Problems("""{ "Type": "Cosine", "InitialLearningRate": 0.1, "FinalLearningRate": 0, "TotalStep": 10 }""").Should().Equal(
            $"TotalStep is not a parameter of Cosine (did you mean 'TotalSteps'?); its parameters are {ParametersOf("Cosine")}.",
            $"TotalSteps is required for Cosine (integer): {ScheduleConfiguration.FindType("Cosine")!.Parameters.Single(p => p.Name == "TotalSteps").Documentation}");
    }

    [Fact]
    public void A_missing_type_is_reported_with_the_known_types_of_the_place()
    {
        Problems("""{ "TotalSteps": 10 }""").Should().Equal($"Type is required: the name of a type that builds an ILearningRateSchedule ({LearningRateTypes}).");
    }

    [Fact]
    public void A_type_that_builds_something_else_is_rejected_where_a_learning_rate_schedule_belongs()
    {
        string plan = ScheduleConfiguration.Types.First(t => t.ResultType == typeof(TrainingPlan)).Name;

        Problems($$"""{ "Type": "Delay", "Steps": 1, "Schedule": { "Type": "{{plan}}" } }""").Should().ContainSingle()
            .Which.Should().StartWith("Schedule:Type must be the name of a type that builds an ILearningRateSchedule").And.EndWith($"but was '{plan}', which builds a TrainingPlan.");
    }

    [Fact]
    public void Type_names_and_keys_are_matched_without_regard_to_case()
    {
        ScheduleLoadResult result = ScheduleConfiguration.Load("""{ "type": "cosine", "initialLearningRate": 0.1, "finallearningrate": 0, "TOTALSTEPS": 10 }""");

        result.Problems.Should().BeEmpty();
        result.Description!.Type.Should().Be("Cosine");
        result.Description.Parameters["TotalSteps"].Should().Be(10L);
        ((ILearningRateSchedule)result.Built!).GetLearningRate(10).Should().Be(0.0);
    }

    [Fact]
    public void A_cross_parameter_rule_of_the_factory_is_reported_at_the_path_of_the_parameter_it_names()
    {
        Problems("""{ "Type": "Tanh", "InitialLearningRate": 0.1, "FinalLearningRate": 0, "PeriodSteps": 10, "LowerBound": 3, "UpperBound": 1 }""")
            .Should().Equal("UpperBound must be a finite number > lowerBound (3) but was 1.");
    }

    [Fact]
    public void An_element_of_a_list_is_reported_at_its_index()
    {
        Problems("""{ "Type": "MultiStep", "InitialLearningRate": 0.1, "Milestones": [10, 5], "DecayFactor": 0.5 }""")
            .Should().ContainSingle().Which.Should().StartWith("Milestones");
        Problems("""{ "Type": "MultiStep", "InitialLearningRate": 0.1, "Milestones": [10, "x"], "DecayFactor": 0.5 }""")
            .Should().Equal("Milestones:1 must be an integer but was 'x'.");
        Problems("""{ "Type": "Product", "Schedules": [ null ] }""").Should().Equal("Schedules:0 must not be null.");
    }

    [Fact]
    public void The_wrong_json_shape_is_reported_with_what_was_found()
    {
        Problems("""{ "Type": "Delay", "Steps": [1], "Schedule": 5 }""").Should().BeEquivalentTo(
            "Steps must be an integer but was a list.",
            "Schedule must be a description (an object with a Type) but was '5'.");
        Problems("""[ 1, 2 ]""").Should().Equal("The description must be a description (an object with a Type) but was a list.");
    }

    [Fact]
    public void An_enum_value_that_does_not_exist_lists_the_names_and_suggests_the_nearest()
    {
        ScheduleParameterInfo shape = ScheduleConfiguration.FindType("WarmupStableDecay")!.Parameters.First(p => p.ValueType.Contains('|', StringComparison.Ordinal));
        string names = shape.ValueType.Replace(" | ", ", ", StringComparison.Ordinal);
        string first = names.Split(", ")[0];
        ScheduleDescription description = ValidDescriptions.For(LrSchedules.Configuration.Internal.Factories.Find("WarmupStableDecay")!)!;
        description.Parameters[shape.Name] = first + "x";

        ScheduleConfiguration.LoadDescription(description).Problems.Select(p => p.Message).Should().Equal(
            $"{shape.Name} must be one of {names} but was '{first}x' (did you mean '{first}'?).");
    }

    [Fact]
    public void Invalid_json_is_one_problem_with_its_line_and_position()
    {
        ScheduleLoadResult result = ScheduleConfiguration.Load("{\n  \"Type\": \"Cosine\",\n  \"TotalSteps\": ,\n}");

        result.Problems.Should().ContainSingle().Which.Message.Should().StartWith("The text is not valid JSON at line 3, position");
        result.Description.Should().BeNull();
    }

    [Fact]
    public void A_description_made_in_code_is_validated_through_the_same_path_with_the_prefix_given()
    {
        var description = new ScheduleDescription("Delay")
        {
            Parameters = { ["Steps"] = -1, ["Schedule"] = ScheduleConfiguration.FromJson(Cosine) },
        };

        ScheduleConfiguration.LoadDescription(description, "Run:Schedule").Problems.Select(p => p.Message)
            .Should().Equal("Run:Schedule:Steps must be >= 0 but was -1.");
        var build = () => ScheduleConfiguration.Build<ILearningRateSchedule>(description);
        build.Should().Throw<ScheduleConfigurationException>().Which.Problems.Should().ContainSingle().Which.Path.Should().Be("Steps");
    }

    [Fact]
    public void A_nullable_parameter_takes_an_explicit_null_and_a_required_one_does_not()
    {
        ScheduleConfiguration.Load("""{ "Type": "Exponential", "InitialLearningRate": 0.1, "DecayFactor": 0.5, "FinalLearningRate": null }""").Succeeded.Should().BeTrue();
        Problems("""{ "Type": "Cosine", "InitialLearningRate": null, "FinalLearningRate": 0, "TotalSteps": 10 }""").Should().ContainSingle().Which.Should().StartWith("InitialLearningRate is required for Cosine");
    }

    [Fact]
    public void Get_of_the_wrong_kind_names_what_the_description_builds()
    {
        var get = () => ScheduleConfiguration.Load(Cosine).Get<TrainingPlan>();

        get.Should().Throw<ScheduleConfigurationException>().Which.Message.Should().Contain("which builds a CosineSchedule");
    }

    [Fact]
    public void A_problem_with_the_type_is_reported_at_the_type_key_as_it_is_written()
    {
        // Keys are matched without regard to case, and a problem is reported at the path the user wrote.
        ScheduleConfiguration.Load("""{ "Type": "Delay", "Steps": 1, "Schedule": { "TYPE": "Cosin" } }""").Problems.Should().ContainSingle()
            .Which.Path.Should().Be("Schedule:TYPE");
        Problems("""{ "type": "Cosin" }""").Should().ContainSingle().Which.Should().StartWith("type must be the name of a type that builds an ILearningRateSchedule but was 'Cosin' (did you mean 'Cosine'?); the types are ");
    }

    [Fact]
    public void A_porting_method_that_builds_a_plateau_controller_where_a_schedule_belongs_is_the_only_problem()
    {
        // The warmup around it is not built without its schedule, so it reports nothing of its own.
        Problems("""{ "Type": "WithLinearWarmup", "WarmupSteps": 5, "Schedule": { "Type": "transformers.get_scheduler", "name": "reduce_lr_on_plateau", "lr": 0.1 } }""")
            .Should().ContainSingle().Which.Should().StartWith("Schedule:Type must be the name of a type that builds an ILearningRateSchedule (")
            .And.EndWith("but was 'transformers.get_scheduler', which with these arguments builds a ReduceLearningRateOnPlateau.");
    }

    [Theory]
    [InlineData("5", "'5'")]
    [InlineData("[ 0.5 ]", "a list")]
    public void An_options_object_given_as_something_else_is_reported_with_its_fields(string options, string what)
    {
        ScheduleParameterInfo parameter = ScheduleConfiguration.FindType("ReduceOnPlateau")!.Parameters.Single(p => p.Name == "Options");
        string fields = string.Join(", ", parameter.Fields.Select(f => f.Name));

        Problems($$"""{ "Type": "ReduceOnPlateau", "Options": {{options}}, "Schedule": {{Cosine}} }""", typeof(LrSchedules.Plateau.ReduceLearningRateOnPlateau)).Should().Equal(
            $"Options must be a ReduceOnPlateauOptions object ({fields}) but was {what}.");
    }

    [Fact]
    public void A_type_key_in_an_options_object_is_not_one_of_its_fields()
    {
        ScheduleParameterInfo parameter = ScheduleConfiguration.FindType("ReduceOnPlateau")!.Parameters.Single(p => p.Name == "Options");
        string fields = string.Join(", ", parameter.Fields.Select(f => f.Name));

        // An options object has no Type: one written there is an unknown key, reported like any other.
        Problems($$"""{ "Type": "ReduceOnPlateau", "Options": { "Type": "ReduceOnPlateauOptions", "Factor": 0.5 }, "Schedule": {{Cosine}} }""", typeof(LrSchedules.Plateau.ReduceLearningRateOnPlateau)).Should().Equal(
            $"Options:Type is not a parameter of ReduceOnPlateauOptions; its parameters are {fields}.");
    }
}
