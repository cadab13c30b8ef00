using LrSchedules.Configuration;
using LrSchedules.Configuration.Internal;
using Microsoft.Extensions.Configuration;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>
/// How a configuration tree, a JSON document and a description built in code are read (what is a list, an object, a
/// value), how values and paths appear in messages, the "did you mean" hint, and the JSON a description is written as.
/// </summary>
public class ReadingAndWritingTests
{
    private static string CosineKeys => string.Join(", ", ScheduleConfiguration.FindType("Cosine")!.Parameters.Select(p => p.Name));

    private static IConfigurationRoot Root(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    private static IConfigurationSection Section(params (string Key, string? Value)[] values) =>
        Root([.. values.Select(v => ("Training:Schedule" + (v.Key.Length == 0 ? string.Empty : ":" + v.Key), v.Value))]).GetSection("Training:Schedule");

    private static (string Key, string? Value)[] Join(params (string Key, string? Value)[] boundaries) =>
    [
        ("Type", "Join"),
        ("Schedules:0:Type", "Constant"),
        ("Schedules:0:LearningRate", "0.1"),
        ("Schedules:1:Type", "Constant"),
        ("Schedules:1:LearningRate", "0.2"),
        ("Schedules:2:Type", "Constant"),
        ("Schedules:2:LearningRate", "0.3"),
        .. boundaries,
    ];

    private static IEnumerable<string> Messages(ScheduleLoadResult result) => result.Problems.Select(p => $"{p.Path} | {p.Message}");

    [Fact]
    public void A_configuration_value_given_where_a_description_is_expected_is_named_by_its_text()
    {
        ScheduleLoadResult result = ScheduleConfiguration.LoadSection(Section(("", "Cosine")), typeof(ILearningRateSchedule));

        Messages(result).Should().Equal(
            "Training:Schedule | Training:Schedule must be a description (an object with a Type) but was 'Cosine'.");
    }

    [Fact]
    public void A_configuration_value_given_where_a_list_is_expected_is_not_read_as_a_list()
    {
        ScheduleLoadResult result = ScheduleConfiguration.LoadSection(Section(Join(("Boundaries", "100"))), typeof(ILearningRateSchedule));

        Messages(result).Should().Equal(
            "Training:Schedule:Boundaries | Training:Schedule:Boundaries must be a list of integer but was '100'.");
    }

    [Fact]
    public void Configuration_children_whose_keys_are_not_all_indexes_are_an_object_not_a_list()
    {
        ScheduleLoadResult result = ScheduleConfiguration.LoadSection(
            Section(Join(("Boundaries:0", "100"), ("Boundaries:Last", "200"))), typeof(ILearningRateSchedule));

        Messages(result).Should().Equal(
            "Training:Schedule:Boundaries | Training:Schedule:Boundaries must be a list of integer but was an object.");
    }

    [Fact]
    public void A_key_of_digits_too_large_for_a_step_is_not_an_index()
    {
        ScheduleLoadResult result = ScheduleConfiguration.LoadSection(
            Section(Join(("Boundaries:0", "100"), ("Boundaries:99999999999999999999", "200"))), typeof(ILearningRateSchedule));

        Messages(result).Should().Equal(
            "Training:Schedule:Boundaries | Training:Schedule:Boundaries must be a list of integer but was an object.");
    }

    [Fact]
    public void List_elements_are_taken_in_the_order_of_their_indexes_even_past_32_bits()
    {
        // Configuration's own key order compares keys above int.MaxValue as text ("10000000000" before "3000000000").
        ScheduleLoadResult result = ScheduleConfiguration.LoadSection(
            Section(Join(("Boundaries:10000000000", "200"), ("Boundaries:3000000000", "100"))), typeof(ILearningRateSchedule));

        result.Problems.Should().BeEmpty();
        ((IEnumerable<object?>)result.Description!.Parameters["Boundaries"]!).Should().Equal(100L, 200L);
    }

    [Fact]
    public void A_configuration_key_with_both_a_value_and_children_is_read_as_its_children()
    {
        ScheduleLoadResult result = ScheduleConfiguration.LoadSection(
            Section(("Type", "Constant"), ("Type:0", "Cosine"), ("LearningRate", "0.1")), typeof(ILearningRateSchedule));

        Messages(result).Should().Equal(
            "Training:Schedule:Type | Training:Schedule:Type must be the name of a type but was a list.");
    }

    [Fact]
    public void An_index_key_among_the_parameters_of_a_description_is_reported_as_an_unknown_parameter()
    {
        ScheduleLoadResult result = ScheduleConfiguration.LoadSection(
            Section(("Type", "Cosine"), ("InitialLearningRate", "0.1"), ("FinalLearningRate", "0"), ("TotalSteps", "100"), ("0", "x")),
            typeof(ILearningRateSchedule));

        Messages(result).Should().Equal(
            $"Training:Schedule:0 | Training:Schedule:0 is not a parameter of Cosine; its parameters are {CosineKeys}.");
    }

    [Fact]
    public void The_paths_of_a_configuration_root_start_at_its_top_level_keys()
    {
        ScheduleLoadResult result = ScheduleConfiguration.LoadSection(
            Root(("Type", "Cosine"), ("InitialLearningRate", "0.1"), ("FinalLearningRate", "0"), ("TotalSteps", "0")), typeof(ILearningRateSchedule));

        Messages(result).Should().Equal("TotalSteps | TotalSteps must be > 0 but was 0.");
    }

    [Fact]
    public void A_json_object_or_list_given_as_the_type_name_is_named_as_such()
    {
        Messages(ScheduleConfiguration.Load("""{ "Type": { "Name": "Cosine" } }""")).Should().Equal(
            "Type | Type must be the name of a type but was an object.");
        Messages(ScheduleConfiguration.Load("""{ "Type": [ "Cosine" ] }""")).Should().Equal(
            "Type | Type must be the name of a type but was a list.");
    }

    [Fact]
    public void A_number_in_a_description_built_in_code_where_a_list_is_expected_is_not_read_as_a_list()
    {
        var description = new ScheduleDescription("Join");
        description.Parameters["Schedules"] = new List<object?> { new ScheduleDescription("Constant") { Parameters = { ["LearningRate"] = 0.1 } } };
        description.Parameters["Boundaries"] = 100L;

        Messages(ScheduleConfiguration.LoadDescription(description, "Training:Schedule", typeof(ILearningRateSchedule))).Should().Equal(
            "Training:Schedule:Boundaries | Training:Schedule:Boundaries must be a list of integer but was '100'.");
    }

    [Fact]
    public void A_list_in_a_description_built_in_code_is_enumerated_once()
    {
        var description = new ScheduleDescription("Join");
        description.Parameters["Schedules"] = new OnceOnly(
            [.. new[] { 0.1, 0.2, 0.3 }.Select(rate => new ScheduleDescription("Constant") { Parameters = { ["LearningRate"] = rate } })]);
        description.Parameters["Boundaries"] = new OnceOnly([100L, 200L]);

        ScheduleLoadResult result = ScheduleConfiguration.LoadDescription(description, "Training:Schedule", typeof(ILearningRateSchedule));

        result.Problems.Should().BeEmpty();
        ILearningRateSchedule joined = result.Get<ILearningRateSchedule>();
        joined.GetLearningRate(99).Should().Be(0.1);
        joined.GetLearningRate(100).Should().Be(0.2);
        joined.GetLearningRate(200).Should().Be(0.3);
    }

    [Fact]
    public void Values_in_messages_are_written_invariantly_and_recognisably()
    {
        Paths.Format(null).Should().Be("null");
        Paths.Format("Linear").Should().Be("'Linear'");
        Paths.Format(true).Should().Be("true");
        Paths.Format(false).Should().Be("false");
        Paths.Format(new Named("warmup")).Should().Be("warmup");
        Paths.Format(new NoText()).Should().Be(string.Empty);
    }

    [Fact]
    public void The_optimal_string_alignment_distance_counts_insertions_deletions_substitutions_and_swaps_of_neighbours()
    {
        Paths.Distance(string.Empty, "ABC").Should().Be(3, "three insertions");
        Paths.Distance("ABC", string.Empty).Should().Be(3, "three deletions");
        Paths.Distance("AB", "BA").Should().Be(1, "one swap of neighbours");
        Paths.Distance("COSNIE", "COSINE").Should().Be(1, "one swap of neighbours");
        Paths.Distance("ABCD", "AXCY").Should().Be(2, "two substitutions");
        Paths.Distance("CA", "ABC").Should().Be(3, "the optimal-string-alignment distance does not edit a swapped pair again");
    }

    [Fact]
    public void Did_you_mean_offers_a_close_name_but_not_an_exact_one_and_not_a_far_one()
    {
        // (A longer name inside a candidate counts as one edit; the callers look a name up before asking for a hint.)
        Paths.DidYouMean("Ab", ["Ab"]).Should().BeEmpty("an exact name needs no hint");
        Paths.DidYouMean("ab", ["AB"]).Should().BeEmpty("case is ignored");
        Paths.DidYouMean("Cosnie", ["Linear", "Cosine"]).Should().Be(" (did you mean 'Cosine'?)");
        Paths.DidYouMean("Cosine", []).Should().BeEmpty();

        // Within a third of the name's length: 9 letters allow 3 edits, 6 letters allow 2.
        Paths.DidYouMean("Abcdefghi", ["Abcdefxyz"]).Should().Be(" (did you mean 'Abcdefxyz'?)");
        Paths.DidYouMean("Abcdef", ["Abcxyz"]).Should().BeEmpty();
    }

    [Fact]
    public void Did_you_mean_counts_a_name_inside_another_as_one_edit_for_names_longer_than_two_letters()
    {
        Paths.DidYouMean("Warmup", ["Cosine", "LinearWarmup"]).Should().Be(" (did you mean 'LinearWarmup'?)");
        Paths.DidYouMean("WithLinearWarmupAndMore", ["LinearWarmup"]).Should().Be(" (did you mean 'LinearWarmup'?)");

        // "Ab" is inside "Abxyz" but has only two letters: three insertions are more than the 2 edits allowed.
        Paths.DidYouMean("Ab", ["Abxyz"]).Should().BeEmpty();
    }

    [Fact]
    public void Did_you_mean_offers_the_first_of_equally_close_names()
    {
        Paths.DidYouMean("Cosin", ["Cosine", "Cosina"]).Should().Be(" (did you mean 'Cosine'?)");
        Paths.DidYouMean("Cosin", ["Cosina", "Cosine"]).Should().Be(" (did you mean 'Cosina'?)");
    }

    [Fact]
    public void Each_kind_of_value_is_named_for_messages_and_the_type_table()
    {
        Shape.Number(false).Display.Should().Be("number");
        Shape.Integer(false).Display.Should().Be("integer");
        Shape.Int32(false).Display.Should().Be("integer (32-bit)");
        Shape.Boolean(false).Display.Should().Be("true or false");
        Shape.Text(false).Display.Should().Be("text");
        Shape.List(Shape.Int32(false), false).Display.Should().Be("list of integer (32-bit)");
        Shape.Built(typeof(ILearningRateSchedule), false).Display.Should().Be("ILearningRateSchedule description");
        Shape.StepMap(false).Display.Should().Be("object of step: number");
        Shape.Keywords(false).Display.Should().Be("object of keyword arguments");
        Shape.Record(
                typeof(KeyValuePair<long, double>),
                [new Parameter("key", Shape.Integer(false), 0, true, null, "The step."), new Parameter("value", Shape.Number(false), 1, true, null, "The value.")],
                values => new KeyValuePair<long, double>((long)values[0]!, (double)values[1]!),
                pair => [((KeyValuePair<long, double>)pair).Key, ((KeyValuePair<long, double>)pair).Value],
                false)
            .Display.Should().Be("KeyValuePair object (Key, Value)");
    }

    [Fact]
    public void Json_of_a_description_lists_parameters_in_the_factorys_order_whatever_order_they_were_set_in()
    {
        var description = new ScheduleDescription("Cosine");
        description.Parameters["TotalSteps"] = 100L;
        description.Parameters["FinalLearningRate"] = 0.0;
        description.Parameters["InitialLearningRate"] = 0.1;

        ScheduleConfiguration.ToJson(description, indented: false).Should().Be(
            """{"Type":"Cosine","InitialLearningRate":0.1,"FinalLearningRate":0,"TotalSteps":100}""");
    }

    [Fact]
    public void Json_of_a_description_writes_a_nested_description_after_the_wrappers_own_settings()
    {
        ScheduleDescription description = ScheduleConfiguration.Describe(Schedule.Constant(0.5).Delay(7));

        ScheduleConfiguration.ToJson(description, indented: false).Should().Be(
            """{"Type":"Delay","Steps":7,"Schedule":{"Type":"Constant","LearningRate":0.5}}""");
    }

    [Fact]
    public void Json_of_a_description_writes_infinities_as_text_floats_as_numbers_and_other_values_as_their_invariant_text()
    {
        var description = new ScheduleDescription();
        description.Parameters["Infinite"] = double.PositiveInfinity;
        description.Parameters["NotANumber"] = double.NaN;
        description.Parameters["Single"] = 0.25f;
        description.Parameters["Decimal"] = 1.5m;

        ScheduleConfiguration.ToJson(description, indented: false).Should().Be(
            """{"Infinite":"Infinity","NotANumber":"NaN","Single":0.25,"Decimal":"1.5"}""");
    }

    [Fact]
    public void Json_with_comments_and_a_trailing_comma_reads_as_an_appsettings_file_allows()
    {
        const string Json = """
            {
              // A constant rate, as an appsettings.json section may hold it.
              "Type": "Constant",
              "LearningRate": 0.25,
            }
            """;

        ScheduleLoadResult result = ScheduleConfiguration.Load(Json);

        result.Problems.Should().BeEmpty();
        var built = (ILearningRateSchedule)result.Built!;
        built.GetLearningRate(0).Should().Be(0.25);
        built.GetLearningRate(long.MaxValue).Should().Be(0.25);
    }

    [Fact]
    public void Reading_and_writing_json_reject_a_null_argument_by_name()
    {
        FluentActions.Invoking(() => ScheduleConfiguration.Load(null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("json");
        FluentActions.Invoking(() => ScheduleConfiguration.FromJson(null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("json");
        FluentActions.Invoking(() => ScheduleConfiguration.ToJson(null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("description");
    }

    /// <summary>A sequence that can be enumerated only once, like a query over a stream.</summary>
    private sealed class OnceOnly(object[] items) : System.Collections.IEnumerable
    {
        private bool _enumerated;

        public System.Collections.IEnumerator GetEnumerator()
        {
            _enumerated.Should().BeFalse("the list is read once");
            _enumerated = true;
            return items.GetEnumerator();
        }
    }

    private sealed class Named(string name)
    {
        public override string ToString() => name;
    }

    private sealed class NoText
    {
        public override string? ToString() => null;
    }
}
