using System.Globalization;
using LrSchedules.RangeTest;

namespace LrSchedules.Cli;

/// <summary>
/// A recorded range-test sweep in CSV: a header line <c>learning_rate,loss</c>, then one row per step in order, the rate
/// the step used and its raw (unsmoothed) loss. The number of rows is the planned number of steps.
/// </summary>
internal static class RangeTestSweepFile
{
    /// <summary>Reads a sweep, or writes why it cannot to <paramref name="error"/> and returns null.</summary>
    public static RangeTestPoint[]? Read(TextReader input, string name, TextWriter error)
    {
        string? header = input.ReadLine();
        string[]? columns = header?.Split(',').Select(c => c.Trim()).ToArray();
        if (columns is not ["learning_rate", "loss"])
        {
            error.WriteLine($"lrs: {name}: the first line must be the header 'learning_rate,loss' but was '{header}'.");
            return null;
        }

        var points = new List<RangeTestPoint>();
        int lineNumber = 1;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            string[] cells = line.Split(',');
            if (cells.Length != 2 || !TryParse(cells[0], out double rate) || !TryParse(cells[1], out double loss))
            {
                error.WriteLine($"lrs: {name}: line {lineNumber} must be 'learning_rate,loss' (two numbers) but was '{line}'.");
                return null;
            }

            if (!(rate > 0.0) || double.IsPositiveInfinity(rate))
            {
                error.WriteLine($"lrs: {name}: line {lineNumber}: learning_rate must be a finite number > 0 but was {cells[0].Trim()}.");
                return null;
            }

            points.Add(new RangeTestPoint(rate, loss));
        }

        if (points.Count == 0)
        {
            error.WriteLine($"lrs: {name}: no steps after the header.");
            return null;
        }

        return [.. points];
    }

    /// <summary>A number as Python, NumPy or .NET write it: <c>0.001</c>, <c>1e-07</c>, <c>nan</c>, <c>inf</c>, <c>-Infinity</c>.</summary>
    private static bool TryParse(string text, out double value)
    {
        string trimmed = text.Trim();
        switch (trimmed.ToLowerInvariant())
        {
            case "nan" or "-nan":
                value = double.NaN;
                return true;
            case "inf" or "+inf" or "infinity" or "+infinity":
                value = double.PositiveInfinity;
                return true;
            case "-inf" or "-infinity":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}

/// <summary>A recorded sweep replayed through both origins' finders, and their suggestions in the order <c>lrs suggest</c> prints them.</summary>
internal sealed record SweepReplay(FastaiRangeTest Fastai, TorchLrFinderRangeTest TorchLrFinder)
{
    /// <summary><c>fastai.valley</c>, <c>fastai.slide</c>, <c>fastai.minimum</c>, <c>fastai.steep</c>, <c>torch_lr_finder.steepest</c>.</summary>
    public IReadOnlyList<RangeTestSuggestion> Suggestions { get; } = [.. Fastai.Suggest(), .. TorchLrFinder.Suggest()];

    public static SweepReplay Of(IReadOnlyList<RangeTestPoint> sweep) =>
        new(FastaiRangeTest.Replay(sweep), TorchLrFinderRangeTest.Replay(sweep));
}
