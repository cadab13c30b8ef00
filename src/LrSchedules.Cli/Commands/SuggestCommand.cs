using System.CommandLine;

namespace LrSchedules.Cli.Commands;

/// <summary>
/// <c>lrs suggest SWEEP.csv</c>: a recorded learning-rate range test replayed through fastai's and torch-lr-finder's
/// smoothing, stopping rule and suggestions, one <c>METHOD,RATE</c> line per method (<see cref="RangeTestSuggest"/>).
/// </summary>
internal static class SuggestCommand
{
    public static Command Create()
    {
        Argument<string> file = CommonOptions.File("sweep.csv", "A recorded sweep: a header learning_rate,loss, then one row per step in order with its raw loss.");
        var command = new Command(
            "suggest",
            "Learning-rate range test: fastai.valley, fastai.slide, fastai.minimum, fastai.steep and torch_lr_finder.steepest of a recorded sweep.")
        {
            file,
        };
        command.SetAction(result => Run(result, result.GetValue(file)!));
        return command;
    }

    private static int Run(ParseResult result, string file)
    {
        TextWriter error = result.InvocationConfiguration.Error;
        if (!File.Exists(file))
        {
            error.WriteLine($"lrs: file not found: {file}");
            return ExitCodes.Usage;
        }

        using StreamReader input = File.OpenText(file);
        return RangeTestSuggest.Run(input, file, result.InvocationConfiguration.Output, error);
    }
}
