using System.Xml.Linq;

namespace LrSchedules.Cli.Tests;

/// <summary>lrs plot (SVG), show (braille chart in the terminal) and compare: what they draw, their labels and exit codes.</summary>
public sealed class ChartCommandTests : LrsTestBase
{
    private const char BlankBraille = '\u2800';

    private string Linear(string name, double final) => Write(name, $$"""
        { "Type": "Linear", "InitialLearningRate": 0.1, "FinalLearningRate": {{final.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "TotalSteps": 100 }
        """);

    /// <summary>The chart rows of a panel: the lines holding braille cells, without the y labels.</summary>
    private static string[] CanvasRows(string output) =>
        [.. output.Split('\n').Where(line => line.Any(c => c is >= '\u2800' and <= '\u28FF') && (line.Contains('┤') || line.Contains('│')))
            .Select(line => line[(line.IndexOfAny(['┤', '│']) + 1)..])];

    [Fact]
    public void Plot_writes_a_well_formed_svg_with_the_rate_and_the_batch_size_on_two_axes()
    {
        string target = Path.Combine(TempDirectory, "out", "schedule.svg");

        (int exitCode, string output, string error) = Run("plot", Path.Combine(Configs, "smith-plan.json"), "--steps", "4695", "--out", target);

        exitCode.Should().Be(ExitCodes.Success, error);
        output.Should().Be($"wrote {target}\n");
        XDocument svg = XDocument.Load(target);
        XNamespace ns = "http://www.w3.org/2000/svg";
        svg.Root!.Name.Should().Be(ns + "svg");
        svg.Root.Attribute("width")!.Value.Should().Be("900");
        svg.Descendants(ns + "path").Should().HaveCount(2);
        svg.Descendants(ns + "path").Last().Attribute("stroke-dasharray")!.Value.Should().Be("6 4");
        string[] texts = [.. svg.Descendants(ns + "text").Select(t => t.Value)];
        texts.Should().Contain(["smith-plan.json (IncreaseBatchSizeInsteadOfDecay)", "step", "learning rate", "batch size", "250", "0.1"]);
    }

    [Fact]
    public void The_chart_in_the_readme_is_what_lrs_plot_draws_today()
    {
        // Regenerate with: cd samples/configs && lrs plot smith-plan.json --steps 4695 --out ../../docs/images/lrs-smith-plan.svg
        string committed = Path.Combine(RepositoryRoot(), "docs", "images", "lrs-smith-plan.svg");
        string target = Path.Combine(TempDirectory, "lrs-smith-plan.svg");

        (int exitCode, _, string error) = Run("plot", Path.Combine(Configs, "smith-plan.json"), "--steps", "4695", "--out", target);

        exitCode.Should().Be(ExitCodes.Success, error);
        File.ReadAllText(target).Should().Be(File.ReadAllText(committed));
    }

    [Fact]
    public void Plot_on_a_log_axis_labels_the_decades_and_leaves_out_zero()
    {
        string target = Path.Combine(TempDirectory, "log.svg");

        (int exitCode, _, string error) = Run("plot", Path.Combine(Configs, "warmup-cosine.json"), "--steps", "1000", "--log-y", "--out", target);

        exitCode.Should().Be(ExitCodes.Success, error);
        XDocument svg = XDocument.Load(target);
        string[] texts = [.. svg.Descendants().Where(e => e.Name.LocalName == "text").Select(t => t.Value)];
        texts.Should().Contain(["0.1", "0.01", "0.001", "learning rate (log)"]);
        // Step 0 has rate 0, which has no logarithm: the path starts at step 1.
        string path = svg.Descendants().Single(e => e.Name.LocalName == "path").Attribute("d")!.Value;
        path.Should().StartWith("M").And.NotContain("NaN");
        path.Count(c => c == 'M').Should().Be(1, "the line is not broken after its first point");
    }

    [Theory]
    [InlineData("steps", "step")]
    [InlineData("epochs", "epoch")]
    [InlineData("samples", "samples seen")]
    public void Plot_and_show_label_the_x_axis_in_the_clock_asked_for(string clock, string label)
    {
        string target = Path.Combine(TempDirectory, clock + ".svg");

        (int plotExit, _, string plotError) = Run("plot", Path.Combine(Configs, "smith-plan.json"), "--out", target, "--x", clock);
        (int showExit, string shown, string showError) = Run("show", Path.Combine(Configs, "smith-plan.json"), "--x", clock);

        plotExit.Should().Be(ExitCodes.Success, plotError);
        showExit.Should().Be(ExitCodes.Success, showError);
        XDocument.Load(target).Descendants().Where(e => e.Name.LocalName == "text").Select(t => t.Value).Should().Contain(label);
        shown.Split('\n').Select(line => line.Trim()).Should().Contain(label);
    }

    [Fact]
    public void An_x_axis_that_needs_a_plan_is_refused_for_a_schedule_without_one()
    {
        string file = Path.Combine(Configs, "warmup-cosine.json");

        (int exitCode, string output, string error) = Run("show", file, "--x", "epochs");

        exitCode.Should().Be(ExitCodes.Usage);
        output.Should().BeEmpty();
        error.Should().Be($"lrs: --x epochs needs a training plan, and {file} (WithLinearWarmup) has none; use --x steps.\n");
    }

    [Fact]
    public void Show_draws_the_learning_rate_with_its_range_and_the_steps()
    {
        (int exitCode, string output, string error) = Run("show", Path.Combine(Configs, "warmup-cosine.json"), "--steps", "1000", "--width", "60", "--height", "8");

        exitCode.Should().Be(ExitCodes.Success, error);
        string[] lines = output.Split('\n');
        lines[0].Should().Be("warmup-cosine.json (WithLinearWarmup), steps 0 to 999");
        lines[1].Trim().Should().Be("learning rate");
        lines[2].TrimStart().Should().StartWith("0.1 ┤");
        lines[9].TrimStart().Should().StartWith("0 ┤");
        lines[10].Trim().Should().Be("└" + new string('─', lines[2].Length - lines[2].IndexOf('┤') - 1));
        lines[11].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().Equal("0", "499.5", "999");
        lines[12].Trim().Should().Be("step");
        CanvasRows(output).Should().HaveCount(8).And.OnlyContain(row => row.Length + lines[2].IndexOf('┤') + 1 == 60);
        // The warmup starts at 0: the bottom-left dot is set; the peak 0.1 touches the top row.
        CanvasRows(output)[7][0].Should().NotBe(BlankBraille);
        CanvasRows(output)[0].Any(c => c != BlankBraille).Should().BeTrue();
    }

    [Fact]
    public void A_constant_is_one_flat_row_of_dots()
    {
        string file = Write("constant.json", """{ "Type": "Constant", "LearningRate": 0.5 }""");

        (int exitCode, string output, _) = Run("show", file, "--steps", "100", "--width", "30", "--height", "5");

        exitCode.Should().Be(ExitCodes.Success);
        string[] rows = CanvasRows(output);
        rows.Should().HaveCount(5);
        // 0.45 .. 0.55 around the constant: the line is in the middle row, the same dots in every cell.
        rows[2].Distinct().Should().ContainSingle().Which.Should().NotBe(BlankBraille);
        rows.Where((_, i) => i != 2).Should().OnlyContain(row => row.All(c => c == BlankBraille));
        output.Should().Contain("0.5 ┤");
    }

    [Fact]
    public void Show_draws_a_plan_batch_size_in_a_second_panel()
    {
        (int exitCode, string output, _) = Run("show", Path.Combine(Configs, "smith-plan.json"), "--steps", "4695");

        exitCode.Should().Be(ExitCodes.Success);
        string[] lines = output.Split('\n');
        lines.Select(l => l.Trim()).Should().ContainInOrder("learning rate", "batch size");
        lines.Select(l => l.TrimStart()).Should().Contain(l => l.StartsWith("250 ┤", StringComparison.Ordinal)).And.Contain(l => l.StartsWith("10 ┤", StringComparison.Ordinal));
        CanvasRows(output).Should().HaveCount(24);
    }

    [Fact]
    public void Show_without_steps_draws_until_the_schedule_settles_plus_a_tenth()
    {
        // 0.1 down to 0 over 100 steps: within 0.1% of the peak (1e-4) of its end from step 100 (0.1·(1 − 99/100) = 1e-3).
        string file = Linear("linear.json", 0);

        (int exitCode, string output, _) = Run("show", file);

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().StartWith("linear.json (Linear), steps 0 to 109\n");
    }

    [Fact]
    public void An_exponential_decay_settles_when_it_is_within_a_thousandth_of_its_peak_of_its_end()
    {
        // 0.1·0.5^(t/100) reaches 0 only by underflow; it is below 1e-4 from 0.1·0.5^10 on: step 1000 → 1100 steps.
        string file = Write("exponential.json", """{ "Type": "Exponential", "InitialLearningRate": 0.1, "DecayFactor": 0.5, "TransitionSteps": 100, "Staircase": true }""");

        (int exitCode, string output, _) = Run("show", file);

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().StartWith("exponential.json (Exponential), steps 0 to 1099\n");
    }

    [Fact]
    public void A_constant_is_drawn_over_a_hundred_steps()
    {
        string file = Write("constant.json", """{ "Type": "Constant", "LearningRate": 0.5 }""");

        (int exitCode, string output, _) = Run("show", file);

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().StartWith("constant.json (Constant), steps 0 to 99\n");
    }

    [Fact]
    public void A_schedule_that_never_settles_is_drawn_over_ten_thousand_steps_and_says_so()
    {
        string file = Write("wave.json", """{ "Type": "CosineWave", "InitialLearningRate": 0.1, "FinalLearningRate": 0, "TotalSteps": 300 }""");

        (int exitCode, string output, string error) = Run("show", file);

        exitCode.Should().Be(ExitCodes.Success);
        error.Should().Be($"lrs: {file} still changes after 2^40 steps; drawing 10000 (give --steps).\n");
        output.Should().StartWith("wave.json (CosineWave), steps 0 to 9999\n");
    }

    [Fact]
    public void Show_on_a_log_axis_says_so_and_labels_the_decades()
    {
        (int exitCode, string output, _) = Run("show", Path.Combine(Configs, "warmup-cosine.json"), "--log-y", "--height", "7");

        exitCode.Should().Be(ExitCodes.Success);
        string[] lines = output.Split('\n');
        lines[1].Trim().Should().Be("learning rate (log scale)");
        lines[2].Should().StartWith("  0.1 ┤");
        lines[5].Should().StartWith(" 0.01 ┤");
        lines[8].Should().StartWith("0.001 ┤");
    }

    [Fact]
    public void Compare_prints_the_largest_difference_and_its_first_step()
    {
        string a = Linear("a.json", 0);
        string b = Linear("b.json", 0.01);

        (int exitCode, string output, string error) = Run("compare", a, b);

        exitCode.Should().Be(ExitCodes.Success, error);
        string[] lines = output.TrimEnd('\n').Split('\n');
        lines[0].Should().Be("learning rate: a.json vs b.json, steps 0 to 109");
        lines[^1].Should().Be("largest difference in the learning rate: 0.01 at step 100 (a.json: 0, b.json: 0.01; relative 1), over every step from 0 to 109");
        lines[^2].Should().Contain("a.json").And.Contain("b.json");
        CanvasRows(output).Should().HaveCount(12);
    }

    [Fact]
    public void Compare_within_fewer_steps_names_the_last_step()
    {
        string a = Linear("a.json", 0);
        string b = Linear("b.json", 0.01);

        (int exitCode, string output, _) = Run("compare", a, b, "--steps", "21");

        exitCode.Should().Be(ExitCodes.Success);
        // 0.1 − 0.1·20/100 in floating point is 0.08000000000000002: the values are printed round-trip exact.
        string last = output.TrimEnd('\n').Split('\n')[^1];
        last.Should().StartWith("largest difference in the learning rate: 0.002 at step 20 (a.json: 0.08")
            .And.EndWith(", b.json: 0.082; relative 0.0244), over every step from 0 to 20");
    }

    [Fact]
    public void Compare_of_a_schedule_with_itself_finds_no_difference()
    {
        string file = Path.Combine(Configs, "wsd.json");

        (int exitCode, string output, _) = Run("compare", file, file, "--steps", "500");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().StartWith($"learning rate: {file} vs {file}, steps 0 to 499\n");
        output.Should().EndWith("no difference in the learning rate: equal at every step from 0 to 499\n");
    }

    [Fact]
    public void Compare_of_a_rate_and_a_plan_alone_has_nothing_in_common()
    {
        string plan = Write("plan.json", """
            { "Type": "Plan", "DatasetSize": 100, "LastBatch": "Keep", "BatchSizeSchedule": { "Type": "ConstantBatchSize", "BatchSize": 30 } }
            """);
        string rate = Linear("rate.json", 0);

        (int exitCode, string output, string error) = Run("compare", rate, plan);

        exitCode.Should().Be(ExitCodes.Invalid);
        output.Should().BeEmpty();
        error.Should().Be($"lrs: {rate} (Linear) and {plan} (Plan) have no quantity in common to compare (a learning rate, or a training plan's batch size).\n");
    }

    [Fact]
    public void Compare_of_an_invalid_file_exits_with_1()
    {
        string bad = Write("bad.json", """{ "Type": "Linear" }""");

        (int exitCode, _, string error) = Run("compare", Path.Combine(Configs, "wsd.json"), bad);

        exitCode.Should().Be(ExitCodes.Invalid);
        error.Should().StartWith($"lrs: {bad} is not a valid schedule (");
    }
}
