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
}
