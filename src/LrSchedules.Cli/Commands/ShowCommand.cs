using System.CommandLine;
using LrSchedules.Cli.Charts;

namespace LrSchedules.Cli.Commands;

/// <summary>
/// <c>lrs show FILE [--steps N]</c>: draws the schedule in the terminal with braille dots — the learning rate, and a
/// plan's batch size in a second panel.
/// </summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        Argument<string> file = CommonOptions.File();
        var chart = new ChartOptions();
        (Option<long> width, Option<long> height) = TerminalSize();
        var command = new Command("show", "Draws the schedule (and the batch size of a plan) as a chart in the terminal.") { file, width, height };
        chart.AddTo(command);
        command.SetAction(result => Run(result, result.GetValue(file)!, chart, (int)result.GetValue(width), (int)result.GetValue(height)));
        return command;
    }

    /// <summary>The <c>--width</c> (characters) and <c>--height</c> (rows per panel) of a terminal chart.</summary>
    public static (Option<long> Width, Option<long> Height) TerminalSize() =>
        (CommonOptions.Positive("--width", "Chart width in characters.", required: false, defaultValue: 80, minimum: 20),
         CommonOptions.Positive("--height", "Rows per panel (each row is 4 dots high).", required: false, defaultValue: 12, minimum: 3));

    private static int Run(ParseResult result, string file, ChartOptions options, int width, int height)
    {
        if (!options.TryPrepare(result, file, out Loaded loaded, out long steps, out XAxis axis, out int status))
        {
            return status;
        }

        TextWriter output = result.InvocationConfiguration.Output;
        long[] sampled = Sampling.Steps(steps, options.Every(result), mostPoints: width * 8);
        var chart = new Chart($"{Path.GetFileName(file)} ({loaded.Type}), steps 0 to {steps - 1}", axis.Label, Sampling.Of(loaded, sampled, axis), options.LogY(result));
        Terminal.Render(output, chart, width, height, Terminal.UsesColor(output));
        return ExitCodes.Success;
    }
}
