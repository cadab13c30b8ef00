using System.Globalization;

namespace LrSchedules.Cli.Tests;

/// <summary><c>lrs noise-scale</c>: the logic in-process, and its wiring into <c>lrs</c>.</summary>
public sealed class NoiseScaleReportTests : IDisposable
{
    private const string Header = "b_small,sq_norm_small,b_big,sq_norm_big\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("lrs-noise-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Each_measurement_prints_the_smoothed_estimates_after_its_row()
    {
        // Row 0: |G|² = 2·3 − 5 = 1, tr(Σ) = 2·(5 − 3) = 4. Row 1: |G|² = 12 − 11 = 1, tr(Σ) = 10;
        // with β = 0.5: tr = (0.25·4 + 0.5·10) / 0.75 = 8.
        var (code, output, error) = Report(Header + "1,5,2,3\n1,11,2,6\n", 0.5);

        code.Should().Be(0);
        error.Should().BeEmpty();
        output.Should().Be("step,gradient_sq_norm,trace_sigma,b_simple\n0,1,4,4\n1,1,8,8\n");
    }

    [Fact]
    public void A_scale_dominated_by_noise_is_printed_as_Infinity()
    {
        // |G|² = 2·1 − 5 = −3, tr(Σ) = 8: the smoothed |G|² is not positive.
        var (code, output, _) = Report(Header + "1,5,2,1\n", 0.0);

        code.Should().Be(0);
        output.Should().Be("step,gradient_sq_norm,trace_sigma,b_simple\n0,-3,8,Infinity\n");
    }

    [Fact]
    public void Bad_rows_are_skipped_named_on_standard_error_and_not_counted_as_measurements()
    {
        string input = Header
            + "1,5,2,3\n"        // row 0
            + "1,-1,2,3\n"       // row 1: negative norm
            + "1,NaN,2,3\n"      // row 2: NaN
            + "1,5,2,Infinity\n" // row 3: infinite
            + "2,5,2,3\n"        // row 4: b_big <= b_small
            + "1,5,2\n"          // row 5: three fields
            + "\n"               // blank: ignored, not a row
            + "x,5,2,3\n"        // row 6: not a batch size
            + "1,11,2,6\n";      // row 7
        var (code, output, error) = Report(input, 0.5);

        code.Should().Be(0);

        // Row 7 is the second measurement: corrected by 1 − 0.5², as if rows 1–6 were not there.
        output.Should().Be("step,gradient_sq_norm,trace_sigma,b_simple\n0,1,4,4\n7,1,8,8\n");
        string[] messages = error.TrimEnd('\n').Split('\n');
        messages.Should().HaveCount(6);
        messages[0].Should().Be("lrs noise-scale: row 1 (line 3) skipped: sq_norm_small must be a finite squared norm >= 0 but was -1.");
        messages[1].Should().StartWith("lrs noise-scale: row 2 (line 4) skipped: sq_norm_small must be a finite squared norm >= 0 but was NaN");
        messages[2].Should().StartWith("lrs noise-scale: row 3 (line 5) skipped: sq_norm_big").And.Contain("Infinity");
        messages[3].Should().Be("lrs noise-scale: row 4 (line 6) skipped: b_big must be > b_small but 2 <= 2.");
        messages[4].Should().StartWith("lrs noise-scale: row 5 (line 7) skipped: expected 4 comma-separated fields");
        messages[5].Should().Be("lrs noise-scale: row 6 (line 9) skipped: b_small must be a whole number >= 1 but was 'x'.");
    }

    [Fact]
    public void A_missing_or_wrong_header_is_invalid_input()
    {
        var (code, output, error) = Report("1,5,2,3\n", 0.99);

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain("line 1 must be the header 'b_small,sq_norm_small,b_big,sq_norm_big' but was '1,5,2,3'");

        Report(string.Empty, 0.99).ExitCode.Should().Be(1);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void A_beta_outside_zero_to_one_is_a_usage_error(double beta)
    {
        var (code, _, error) = Report(Header + "1,5,2,3\n", beta);

        code.Should().Be(2);
        error.Should().Contain("--beta must be a number in [0, 1)");
    }

    [Fact]
    public void Lrs_reads_the_file_with_the_default_beta()
    {
        string path = Path.Combine(_directory, "norms.csv");
        File.WriteAllText(path, Header + "1,5,2,3\n1,11,2,6\n");

        var (code, output, error) = Lrs(["noise-scale", path]);

        code.Should().Be(0, error);

        // β = 0.99: tr(Σ) = (0.99·0.01·4 + 0.01·10) / (1 − 0.99²); |G|² stays 1.
        string[] lines = output.TrimEnd('\n').Split('\n');
        lines.Should().HaveCount(3);
        lines[1].Should().Be("0,1,4,4");
        string[] last = lines[2].Split(',');
        last[0].Should().Be("1");
        double.Parse(last[1], CultureInfo.InvariantCulture).Should().BeApproximately(1.0, 1e-15);
        double.Parse(last[2], CultureInfo.InvariantCulture).Should().BeApproximately(((0.99 * 0.01 * 4.0) + (0.01 * 10.0)) / (1.0 - (0.99 * 0.99)), 1e-13);
    }

    [Fact]
    public void Lrs_passes_beta_and_rejects_a_bad_one_or_a_missing_file()
    {
        string path = Path.Combine(_directory, "norms.csv");
        File.WriteAllText(path, Header + "1,5,2,3\n1,11,2,6\n");

        Lrs(["noise-scale", path, "--beta", "0.5"]).Output.Should().EndWith("1,1,8,8\n");
        Lrs(["noise-scale", path, "--beta", "high"]).ExitCode.Should().Be(2);
        Lrs(["noise-scale", path, "--beta", "1"]).ExitCode.Should().Be(2);
        Lrs(["noise-scale", Path.Combine(_directory, "missing.csv")]).ExitCode.Should().Be(2);
        Lrs(["noise-scale"]).ExitCode.Should().Be(2);
    }

    private static (int ExitCode, string Output, string Error) Report(string input, double beta)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = NoiseScaleReport.Run(new StringReader(input), output, error, beta);
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    private static (int ExitCode, string Output, string Error) Lrs(string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = Cli.Lrs.Run(args, output, error);
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }
}
