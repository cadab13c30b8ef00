using System.Globalization;
using LrSchedules.RangeTest;

namespace LrSchedules.Cli;

/// <summary>
/// <c>lrs suggest SWEEP.csv</c>: replays a recorded range-test sweep through fastai's and torch-lr-finder's smoothing,
/// stopping rule and suggestions, and prints one line per method: <c>fastai.valley,RATE</c>, <c>fastai.slide,RATE</c>,
/// <c>fastai.minimum,RATE</c>, <c>fastai.steep,RATE</c>, <c>torch_lr_finder.steepest,RATE</c>.
/// </summary>
/// <remarks>
/// Rates are printed round-trippably (<c>R</c>, invariant culture). A method with too few points left (a sweep that
/// diverged at once) prints <c>NaN</c> and says why on the error stream. Exit codes: 0 every method suggested a rate,
/// 1 the file is not a sweep or some method has no suggestion, 2 the file is missing.
/// </remarks>
internal static class RangeTestSuggest
{
    /// <summary>Runs the command on a sweep read from <paramref name="input"/>; <paramref name="name"/> names it in messages.</summary>
    public static int Run(TextReader input, string name, TextWriter output, TextWriter error)
    {
        RangeTestPoint[]? sweep = RangeTestSweepFile.Read(input, name, error);
        if (sweep is null)
        {
            return ExitCodes.Invalid;
        }

        SweepReplay replay = SweepReplay.Of(sweep);
        int status = ExitCodes.Success;
        foreach (RangeTestSuggestion suggestion in replay.Suggestions)
        {
            double rate = suggestion.LearningRate ?? double.NaN;
            output.WriteLine($"{suggestion.Method},{rate.ToString("R", CultureInfo.InvariantCulture)}");
            if (suggestion.Failure is { } failure)
            {
                error.WriteLine($"lrs: {suggestion.Method}: no suggestion: {failure}.");
                status = ExitCodes.Invalid;
            }
        }

        return status;
    }
}
