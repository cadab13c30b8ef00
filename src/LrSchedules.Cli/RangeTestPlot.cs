namespace LrSchedules.Cli;

/// <summary>
/// <c>lrs plot SWEEP.csv --out FILE.svg</c>: replays a recorded range-test sweep through both origins and draws the raw
/// and smoothed losses on a log learning-rate axis with each suggestion marked (<see cref="RangeTestChart"/>).
/// </summary>
/// <remarks>Exit codes: 0 written, 1 the file is not a sweep, 2 the file is missing or the image cannot be written.</remarks>
internal static class RangeTestPlot
{
    public static int Run(string file, string target, int width, int height, TextWriter output, TextWriter error)
    {
        if (!File.Exists(file))
        {
            error.WriteLine($"lrs: file not found: {file}");
            return ExitCodes.Usage;
        }

        RangeTest.RangeTestPoint[]? sweep;
        using (var reader = new StreamReader(file))
        {
            sweep = RangeTestSweepFile.Read(reader, file, error);
        }

        if (sweep is null)
        {
            return ExitCodes.Invalid;
        }

        try
        {
            string svg = RangeTestChart.Of($"{Path.GetFileName(file)} (learning-rate range test)", sweep, SweepReplay.Of(sweep)).ToSvg(width, height);
            Files.CreateDirectoryFor(target);
            File.WriteAllText(target, svg);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"lrs: cannot write {target}: {exception.Message}");
            return ExitCodes.Usage;
        }

        output.WriteLine($"wrote {target}");
        return ExitCodes.Success;
    }
}
