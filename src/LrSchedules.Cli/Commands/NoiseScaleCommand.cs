// src/LrSchedules.Cli/Commands/NoiseScaleCommand.cs
using System.CommandLine;
using LrSchedules.Batching;

namespace LrSchedules.Cli.Commands;

/// <summary><c>lrs noise-scale NORMS.csv [--beta B]</c>: the gradient noise scale after each logged measurement (<see cref="NoiseScaleReport"/>).</summary>
internal static class NoiseScaleCommand
{
    public static Command Create()
    {
        Argument<string> file = CommonOptions.File("norms.csv", "Logged measurements: a header b_small,sq_norm_small,b_big,sq_norm_big, then one row each.");
        var beta = new Option<double>("--beta")
        {
            Description = "Smoothing of the averages, in [0, 1).",
            DefaultValueFactory = _ => AdaptiveBatching.DefaultSmoothing,
            HelpName = "B",
        };
        var command = new Command("noise-scale", "CSV: the smoothed |G|^2, tr(Sigma) and B_simple after each logged measurement.") { file, beta };
        command.SetAction(result => Run(result, result.GetValue(file)!, result.GetValue(beta)));
        return command;
    }

    private static int Run(ParseResult result, string file, double beta)
    {
        TextWriter error = result.InvocationConfiguration.Error;
        if (!File.Exists(file))
        {
            error.WriteLine($"lrs: file not found: {file}");
            return ExitCodes.Usage;
        }

        using StreamReader input = File.OpenText(file);
        return NoiseScaleReport.Run(input, result.InvocationConfiguration.Output, error, beta);
    }
}
