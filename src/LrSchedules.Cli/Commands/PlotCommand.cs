using System.CommandLine;
using LrSchedules.Cli.Charts;

namespace LrSchedules.Cli.Commands;

/// <summary>
/// <c>lrs plot FILE --out FILE.svg</c>: draws the learning rate (and a plan's batch size on a second axis) as an SVG
/// image, in managed code (<see cref="SvgChart"/>).
/// </summary>
internal static class PlotCommand
{
    public static Command Create()
    {
        Argument<string> file = CommonOptions.File();
        var chart = new ChartOptions();
        var output = new Option<string>("--out") { Description = "The image to write (.svg).", Required = true, HelpName = "FILE.svg" };
        output.Validators.Add(result =>
        {
            string? value = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (value is not null && !value.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            {
                result.AddError($"--out must end in .svg but was '{value}'" +
                    (value.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? " (lrs draws SVG only, with no native code, to keep the tool small; any browser or rsvg-convert turns it into PNG)." : "."));
            }
        });
        Option<long> width = CommonOptions.Positive("--width", "Image width in pixels.", required: false, defaultValue: 900, minimum: 100);
        Option<long> height = CommonOptions.Positive("--height", "Image height in pixels.", required: false, defaultValue: 500, minimum: 100);
        var command = new Command("plot", "Draws the learning rate (and the batch size of a plan on a second axis) as an SVG image; for a range-test sweep (.csv), the losses on a log rate axis with each suggestion marked.") { file, output, width, height };
        chart.AddTo(command);
        command.SetAction(result => Run(result, result.GetValue(file)!, chart, result.GetValue(output)!, (int)result.GetValue(width), (int)result.GetValue(height)));
        return command;
    }

    private static int Run(ParseResult result, string file, ChartOptions options, string target, int width, int height)
    {
        if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            // A recorded learning-rate range test: the sweep on a log rate axis with each suggestion marked.
            return RangeTestPlot.Run(file, target, width, height, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        }

        if (!options.TryPrepare(result, file, out Loaded loaded, out long steps, out XAxis axis, out int status))
        {
            return status;
        }

        long[] sampled = Sampling.Steps(steps, options.Every(result), Sampling.MostPoints);
        var chart = new Chart($"{Path.GetFileName(file)} ({loaded.Type})", axis.Label, Sampling.Of(loaded, sampled, axis), options.LogY(result));
        try
        {
            Files.CreateDirectoryFor(target);
            File.WriteAllText(target, SvgChart.Render(chart, width, height));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            result.InvocationConfiguration.Error.WriteLine($"lrs: cannot write {target}: {exception.Message}");
            return ExitCodes.Usage;
        }

        result.InvocationConfiguration.Output.WriteLine($"wrote {target}");
        return ExitCodes.Success;
    }
}
