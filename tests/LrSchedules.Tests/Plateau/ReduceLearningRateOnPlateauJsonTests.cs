using System.Text.Json.Nodes;

namespace LrSchedules.Tests.Plateau;

public class ReduceLearningRateOnPlateauJsonTests
{
    private static readonly ReduceOnPlateauOptions Options = new() { Patience = 1, Factor = 0.5, Cooldown = 1 };

    [Fact]
    public void A_fresh_instance_saves_its_options_and_an_infinite_best_as_a_string()
    {
        ReduceLearningRateOnPlateau plateau = Schedule.Constant(0.1).ReduceOnPlateau(Options);

        plateau.ExportStateJson().Should().Be(
            """{"type":"ReduceLearningRateOnPlateau","version":1,"options":{"mode":"Min","thresholdMode":"Relative","factor":0.5,"patience":1,"threshold":0.0001,"cooldown":1,"minimumLearningRate":0,"epsilon":1E-08,"ignoredReports":0},"reportCount":0,"best":"Infinity","badEpochs":0,"cooldownCounter":0,"reductions":0}""");
    }

    [Theory]
    [InlineData(PlateauMode.Min)]
    [InlineData(PlateauMode.Max)]
    public void Imported_json_continues_the_run_bit_for_bit(PlateauMode mode)
    {
        ReduceOnPlateauOptions options = Options with { Mode = mode };
        ILearningRateSchedule inner = Schedule.Cosine(0.1, 0.0, 100);
        ReduceLearningRateOnPlateau original = inner.ReduceOnPlateau(options);
        double[] metrics = [1.0, 1.0, 1.0, 0.5, 0.7, 0.7, 0.7, 0.7, 0.3];
        foreach (double metric in metrics[..5])
        {
            original.Report(metric);
        }

        ReduceLearningRateOnPlateau restored = inner.ReduceOnPlateau(options);
        restored.ImportStateJson(original.ExportStateJson());
        restored.ExportState().Should().Be(original.ExportState());

        foreach (double metric in metrics[5..])
        {
            original.Report(metric);
            restored.Report(metric);
            BitConverter.DoubleToInt64Bits(restored.CurrentLearningRate).Should().Be(BitConverter.DoubleToInt64Bits(original.CurrentLearningRate));
        }

        original.Reductions.Should().BeGreaterThan(0);
        restored.ExportStateJson().Should().Be(original.ExportStateJson());
    }

    [Fact]
    public void Importing_over_an_instance_that_has_reduced_replaces_its_reductions()
    {
        ReduceLearningRateOnPlateau fresh = Schedule.Constant(0.1).ReduceOnPlateau(Options);
        string saved = fresh.ExportStateJson();
        ReduceLearningRateOnPlateau reduced = Schedule.Constant(0.1).ReduceOnPlateau(Options);
        reduced.Report(1.0);
        reduced.Report(1.0);
        reduced.Report(1.0);
        reduced.Reductions.Should().Be(1);

        reduced.ImportStateJson(saved);

        reduced.Reductions.Should().Be(0);
        reduced.CurrentLearningRate.Should().Be(0.1);
        reduced.ReportCount.Should().Be(0);
    }

    [Theory]
    [InlineData("\"factor\":0.5", "\"factor\":0.25", "json.options.factor")]
    [InlineData("\"mode\":\"Min\"", "\"mode\":\"Max\"", "json.options.mode")]
    [InlineData("\"badEpochs\":0", "\"badEpochs\":2", "json.badEpochs")]
    [InlineData("\"cooldownCounter\":1", "\"cooldownCounter\":2", "json.cooldownCounter")]
    [InlineData("\"reductions\":1", "\"reductions\":9", "json.reductions")]
    [InlineData("\"best\":1", "\"best\":\"NaN\"", "json.best")]
    [InlineData("\"type\":\"ReduceLearningRateOnPlateau\"", "\"type\":\"AdaScale\"", "json.type")]
    [InlineData(",\"reductions\"", "", "json")]
    [InlineData("\"ignoredReports\":0", "\"ignoredReports\":2", "json.options.ignoredReports")]
    public void A_corrupt_or_mismatched_state_is_rejected_naming_the_field_and_nothing_changes(string find, string replace, string field)
    {
        ReduceLearningRateOnPlateau source = Schedule.Constant(0.1).ReduceOnPlateau(Options);
        source.Report(1.0);
        source.Report(1.0);
        source.Report(1.0);
        string json = source.ExportStateJson();
        json.Should().Contain(find);
        string corrupt = replace.Length == 0 ? json[..json.IndexOf(find, StringComparison.Ordinal)] : json.Replace(find, replace, StringComparison.Ordinal);

        ReduceLearningRateOnPlateau target = Schedule.Constant(0.1).ReduceOnPlateau(Options);
        target.Report(2.0);
        string before = target.ExportStateJson();

        ((Action)(() => target.ImportStateJson(corrupt))).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be(field);
        target.ExportStateJson().Should().Be(before);
    }

    [Fact]
    public void A_state_saved_before_ignored_reports_existed_imports_when_none_are_ignored_and_is_rejected_otherwise()
    {
        ReduceLearningRateOnPlateau source = Schedule.Constant(0.1).ReduceOnPlateau(Options);
        for (int i = 0; i < 4; i++)
        {
            source.Report(1.0);
        }

        string old = source.ExportStateJson().Replace(",\"ignoredReports\":0", string.Empty, StringComparison.Ordinal);
        ReduceLearningRateOnPlateau target = Schedule.Constant(0.1).ReduceOnPlateau(Options);
        target.ImportStateJson(old);
        target.ExportStateJson().Should().Be(source.ExportStateJson());

        ReduceLearningRateOnPlateau ignoring = Schedule.Constant(0.1).ReduceOnPlateau(Options with { IgnoredReports = 1 });
        ((Action)(() => ignoring.ImportStateJson(old))).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("json.options.ignoredReports");
    }

    [Fact]
    public void Reductions_beyond_the_reports_compared_are_rejected()
    {
        ReduceLearningRateOnPlateau source = Schedule.Constant(0.1).ReduceOnPlateau(Options with { IgnoredReports = 2 });
        for (int i = 0; i < 5; i++)
        {
            source.Report(1.0);
        }

        string json = source.ExportStateJson();
        json.Should().Contain("\"reductions\":1");
        ((Action)(() => Schedule.Constant(0.1).ReduceOnPlateau(Options with { IgnoredReports = 2 }).ImportStateJson(json.Replace("\"reductions\":1", "\"reductions\":4", StringComparison.Ordinal))))
            .Should().Throw<ScheduleArgumentException>().WithMessage("*in [0, reportCount - options.ignoredReports]*").Which.ParamName.Should().Be("json.reductions");
    }

    /// <summary>The state of <see cref="Options"/> after reports 1, 1, 1: the third reduces (patience 1), then one report of cooldown is left.</summary>
    private static string Reduced()
    {
        ReduceLearningRateOnPlateau source = Schedule.Constant(0.1).ReduceOnPlateau(Options);
        source.Report(1.0);
        source.Report(1.0);
        source.Report(1.0);
        return source.ExportStateJson();
    }

    private static ScheduleArgumentException Rejection(ReduceOnPlateauOptions options, string json)
    {
        ReduceLearningRateOnPlateau target = Schedule.Constant(0.1).ReduceOnPlateau(options);
        target.Report(2.0);
        string before = target.ExportStateJson();
        ScheduleArgumentException rejection = ((Action)(() => target.ImportStateJson(json))).Should().Throw<ScheduleArgumentException>().Which;
        target.ExportStateJson().Should().Be(before, "a rejected state changes nothing");
        return rejection;
    }

    [Theory]
    [InlineData("\"mode\":\"Min\"", "\"mode\":5", "json.options.mode must be a string but was 5.")]
    [InlineData("\"factor\":0.5", "\"factor\":\"x\"", "json.options.factor must be a finite number but was \"x\".")]
    [InlineData("\"reportCount\":3", "\"reportCount\":1.5", "json.reportCount must be an integer but was 1.5.")]
    [InlineData("\"reportCount\":3", "\"reportCount\":-1", "json.reportCount must be an integer >= 0 but was -1.")]
    [InlineData("\"best\":1", "\"best\":\"NaN\"", "json.best must be a finite number, \"Infinity\" or \"-Infinity\" but was \"NaN\".")]
    [InlineData("\"type\":\"ReduceLearningRateOnPlateau\"", "\"type\":\"AdaScale\"", "json.type must be \"ReduceLearningRateOnPlateau\" but was AdaScale.")]
    [InlineData("\"version\":1", "\"version\":2", "json.version must be 1, the version this library reads but was 2.")]
    [InlineData(",\"reductions\":1", "", "json.reductions must be present but was missing.")]
    [InlineData("\"badEpochs\":0", "\"badEpochs\":2", "json.badEpochs must be in [0, Patience = 1] but was 2.")]
    [InlineData("\"cooldownCounter\":1", "\"cooldownCounter\":2", "json.cooldownCounter must be in [0, Cooldown = 1] but was 2.")]
    [InlineData("\"reductions\":1", "\"reductions\":4", "json.reductions must be in [0, reportCount] but was 4.")]
    public void A_rejected_field_is_named_with_its_saved_text_and_what_it_must_be(string find, string replace, string message)
    {
        string json = Reduced();
        json.Should().Contain(find);

        Rejection(Options, json.Replace(find, replace, StringComparison.Ordinal)).Message.Should().Be(message);
    }

    [Theory]
    [InlineData("mode", "this instance's \"Max\"", "Min")]
    [InlineData("thresholdMode", "this instance's \"Absolute\"", "Relative")]
    [InlineData("factor", "this instance's 0.25", "0.5")]
    [InlineData("patience", "this instance's 2", "1")]
    [InlineData("threshold", "this instance's 0.01", "0.0001")]
    [InlineData("cooldown", "this instance's 3", "1")]
    [InlineData("minimumLearningRate", "this instance's 1E-06", "0")]
    [InlineData("epsilon", "this instance's 0", "1E-08")]
    [InlineData("ignoredReports", "this instance's 1", "0")]
    public void A_state_saved_with_another_value_of_any_option_is_rejected_naming_the_option(string option, string requirement, string saved)
    {
        ReduceOnPlateauOptions other = option switch
        {
            "mode" => Options with { Mode = PlateauMode.Max },
            "thresholdMode" => Options with { ThresholdMode = PlateauThresholdMode.Absolute },
            "factor" => Options with { Factor = 0.25 },
            "patience" => Options with { Patience = 2 },
            "threshold" => Options with { Threshold = 0.01 },
            "cooldown" => Options with { Cooldown = 3 },
            "minimumLearningRate" => Options with { MinimumLearningRate = 1e-6 },
            "epsilon" => Options with { Epsilon = 0.0 },
            _ => Options with { IgnoredReports = 1 },
        };

        ScheduleArgumentException rejection = Rejection(other, Reduced());

        rejection.ParamName.Should().Be($"json.options.{option}");
        rejection.Requirement.Should().Be(requirement);
        rejection.ActualValue.Should().NotBeNull();
        rejection.Message.Should().Be($"json.options.{option} must be {requirement} but was {saved}.");
    }

    [Fact]
    public void A_null_state_is_rejected_naming_the_parameter() =>
        FluentActions.Invoking(() => Schedule.Constant(0.1).ReduceOnPlateau(Options).ImportStateJson(null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("json");

    [Fact]
    public void Options_that_are_not_an_object_are_rejected_as_such()
    {
        JsonObject root = JsonNode.Parse(Reduced())!.AsObject();
        root["options"] = 5;

        ScheduleArgumentException rejection = Rejection(Options, root.ToJsonString());

        rejection.ParamName.Should().Be("json.options");
        rejection.Message.Should().Be("json.options must be an object but was 5.");
    }

    [Theory]
    [InlineData("[]", "Array")]
    [InlineData("\"state\"", "String")]
    public void A_document_that_is_not_an_object_is_rejected_naming_its_kind(string json, string kind)
    {
        ScheduleArgumentException rejection = Rejection(Options, json);

        rejection.ParamName.Should().Be("json");
        rejection.Message.Should().Be($"json must be a JSON object but was {kind}.");
    }

    [Fact]
    public void Malformed_json_is_rejected_showing_it_whole_up_to_80_characters_and_abbreviated_beyond()
    {
        string json = Reduced();
        foreach ((int length, string shown) in new[] { (8, json[..8]), (79, json[..79]), (80, json[..80]), (81, json[..77] + "..."), (200, json[..77] + "...") })
        {
            ScheduleArgumentException rejection = Rejection(Options, json[..length]);

            rejection.ParamName.Should().Be("json");
            rejection.ActualValue.Should().Be(shown, $"a truncation to {length} characters");
            rejection.Requirement.Should().MatchRegex(@"^complete, well-formed JSON \(.{10,}\)$");
        }
    }

    [Fact]
    public void A_fresh_max_mode_instance_saves_its_best_as_minus_infinity_and_restores_it()
    {
        ReduceOnPlateauOptions max = Options with { Mode = PlateauMode.Max };
        string json = Schedule.Constant(0.1).ReduceOnPlateau(max).ExportStateJson();
        json.Should().Contain("\"mode\":\"Max\"").And.Contain("\"best\":\"-Infinity\"");

        ReduceLearningRateOnPlateau target = Schedule.Constant(0.1).ReduceOnPlateau(max);
        target.Report(0.5);
        target.ImportStateJson(json);
        target.Best.Should().Be(double.NegativeInfinity);
        target.ExportState().Should().Be(new ReduceOnPlateauState(0, double.NegativeInfinity, 0, 0, 0));
    }
}
