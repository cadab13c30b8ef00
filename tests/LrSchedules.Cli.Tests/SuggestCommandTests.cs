using System.Globalization;
using System.Text;

namespace LrSchedules.Cli.Tests;

/// <summary><c>lrs suggest</c> and <c>lrs plot</c> of a range-test sweep. Expected rates: range_test_oracle.py in LrSchedules.Tests/RangeTest.</summary>
public sealed class SuggestCommandTests : LrsTestBase
{
    private static (int ExitCode, string Output, string Error) Suggest(string csv)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int exitCode = RangeTestSuggest.Run(new StringReader(csv), "sweep.csv", output, error);
        return (exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>fastai's default sweep (1e-7 to 10 over 100 steps) over the oracle's bowl, written with round-trip numbers.</summary>
    private static string BowlCsv(Func<int, double, double>? loss = null)
    {
        LearningRateSchedule rates = Schedule.RangeTestSweep(1e-7, 10.0, 100);
        var csv = new StringBuilder("learning_rate,loss\n");
        for (int i = 0; i < 100; i++)
        {
            double rate = rates.GetLearningRate(i);
            double bowl = 2.3 - (2.0 * Math.Exp(-Math.Pow(Math.Log10(rate) + 2.0, 2) / 2.0)) + (rate < 1 ? 0 : 50 * (rate - 1));
            double value = loss?.Invoke(i, bowl) ?? bowl;
            csv.Append(CultureInfo.InvariantCulture, $"{rate:R},{(double.IsNaN(value) ? "nan" : value.ToString("R", CultureInfo.InvariantCulture))}\n");
        }

        return csv.ToString();
    }

    [Fact]
    public void Suggest_prints_one_line_per_method_with_each_origins_rate()
    {
        (int exitCode, string output, string error) = Suggest(BowlCsv());

        exitCode.Should().Be(ExitCodes.Success, error);
        error.Should().BeEmpty();
        output.Should().Be(
            "fastai.valley,0.0002290867705596611\n" +
            "fastai.slide,0.0014454397605732083\n" +
            "fastai.minimum,0.014454397559165954\n" +
            "fastai.steep,0.00363078061491251\n" +
            "torch_lr_finder.steepest,0.00363078054770101\n");
    }

    [Fact]
    public void Suggest_reads_python_nan_and_applies_each_origins_rule()
    {
        (int exitCode, string output, _) = Suggest(BowlCsv((i, bowl) => i < 80 ? bowl : double.NaN));

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().EndWith("fastai.steep,0.00363078061491251\ntorch_lr_finder.steepest,0.2089296130854041\n");
    }

    [Fact]
    public void A_sweep_that_diverges_at_once_prints_NaN_for_every_method_and_exits_with_1()
    {
        (int exitCode, string output, string error) = Suggest("learning_rate,loss\n1e-7,1.0\n1e-6,100\n1e-5,1000\n1e-4,1000\n");

        exitCode.Should().Be(ExitCodes.Invalid);
        output.Should().Be("fastai.valley,NaN\nfastai.slide,NaN\nfastai.minimum,NaN\nfastai.steep,NaN\ntorch_lr_finder.steepest,NaN\n");
        error.Should().Contain("fastai.valley: no suggestion").And.Contain("torch_lr_finder.steepest: no suggestion");
    }

    [Theory]
    [InlineData("rate,loss\n1e-3,1\n", "the first line must be the header 'learning_rate,loss'")]
    [InlineData("learning_rate,loss\n1e-3,1\n1e-2\n", "line 3 must be 'learning_rate,loss'")]
    [InlineData("learning_rate,loss\n0,1\n", "line 2: learning_rate must be a finite number > 0 but was 0")]
    [InlineData("learning_rate,loss\n", "no steps after the header")]
    public void A_file_that_is_not_a_sweep_exits_with_1_and_says_why(string csv, string message)
    {
        (int exitCode, string output, string error) = Suggest(csv);

        exitCode.Should().Be(ExitCodes.Invalid);
        output.Should().BeEmpty();
        error.Should().Contain(message);
    }

    [Fact]
    public void Suggest_reads_the_file_named_on_the_command_line()
    {
        string file = Path.Combine(TempDirectory, "sweep.csv");
        File.WriteAllText(file, BowlCsv());

        (int exitCode, string output, _) = Run("suggest", file);

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().StartWith("fastai.valley,0.0002290867705596611\n");
        Run("suggest", Path.Combine(TempDirectory, "missing.csv")).ExitCode.Should().Be(ExitCodes.Usage);
    }

    [Fact]
    public void Plot_of_a_sweep_draws_the_curves_and_marks_each_suggestion()
    {
        string file = Path.Combine(TempDirectory, "sweep.csv");
        File.WriteAllText(file, BowlCsv());
        string target = Path.Combine(TempDirectory, "sweep.svg");

        (int exitCode, string output, string error) = Run("plot", file, "--out", target);

        exitCode.Should().Be(ExitCodes.Success, error);
        output.Should().Be($"wrote {target}\n");
        File.ReadAllText(target).Should().Contain("fastai.valley 2.291e-4").And.Contain("torch_lr_finder.steepest 3.631e-3")
            .And.Contain("1e-7").And.Contain("learning rate (log scale)");
    }

    [Fact]
    public void Suggest_on_the_committed_digits_sweep_prints_the_rates_docs_experiments_quotes()
    {
        string sweep = Path.Combine(RepositoryRoot(), "docs", "experiments", "lr-find", "lr-find-sweep.csv");

        (int exitCode, string output, _) = Run("suggest", sweep);

        // The same five as the plain-Python oracle (range_test_oracle.py) on this file.
        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Be(
            "fastai.valley,0.02290867641568184\n" +
            "fastai.slide,0.04786301031708717\n" +
            "fastai.minimum,0.05248074531555176\n" +
            "fastai.steep,0.25118863582611084\n" +
            "torch_lr_finder.steepest,0.3019951720402019\n");
    }

    [Fact]
    public void Plot_of_a_sweep_draws_svg_only()
    {
        string file = Path.Combine(TempDirectory, "sweep.csv");
        File.WriteAllText(file, BowlCsv());

        (int exitCode, _, string error) = Run("plot", file, "--out", Path.Combine(TempDirectory, "sweep.png"));

        exitCode.Should().Be(ExitCodes.Usage);
        error.Should().Contain("--out must end in .svg");
    }

    [Fact]
    public void Sweep_chart_marks_minimum_at_the_rate_of_the_lowest_loss()
    {
        using var reader = new StringReader(BowlCsv());
        RangeTest.RangeTestPoint[] sweep = RangeTestSweepFile.Read(reader, "sweep.csv", TextWriter.Null)!;

        RangeTestChart chart = RangeTestChart.Of("t", sweep, SweepReplay.Of(sweep));

        chart.Curves.Select(c => c.Losses.Length).Should().Equal(100, 94, 92);
        chart.Markers.Should().HaveCount(5);
        SweepMarker minimum = chart.Markers[2];
        minimum.LearningRate.Should().Be(0.014454397559165954);
        minimum.MarkerLearningRate.Should().Be(0.14454397559165955);
    }

    [Fact]
    public void A_token_plan_draws_on_the_tokens_axis_and_a_plain_plan_says_it_has_no_tokens()
    {
        string tokens = Path.Combine(Configs, "gallery", "TokenPlan.json");
        string target = Path.Combine(TempDirectory, "tokens.svg");

        (int exitCode, _, string error) = Run("plot", tokens, "--steps", "2000", "--x", "tokens", "--out", target);

        exitCode.Should().Be(ExitCodes.Success, error);
        File.ReadAllText(target).Should().Contain("tokens seen");
        (int plainExit, _, string plainError) = Run("plot", Path.Combine(Configs, "gallery", "Plan.json"), "--x", "tokens", "--out", target);
        plainExit.Should().NotBe(ExitCodes.Success);
        plainError.Should().Contain("needs a plan that counts tokens");
    }
}
