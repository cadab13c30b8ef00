using System.CommandLine;
using System.Globalization;
using LrSchedules.Cli.Charts;

namespace LrSchedules.Cli.Commands;

/// <summary>
/// The options every drawing command takes (<c>plot</c>, <c>show</c>, <c>compare</c>): how many steps (by default up
/// to where the schedule settles), which steps, a log y axis and the x axis clock.
/// </summary>
internal sealed class ChartOptions
{
    private readonly Option<long> _steps = CommonOptions.Positive("--steps", "How many steps to draw, from step 0 (default: until the schedule stops changing, plus a tenth).", required: false);
    private readonly Option<long?> _every = CommonOptions.Every();
    private readonly Option<bool> _logY = CommonOptions.LogY();
    private readonly Option<string> _x = CommonOptions.XAxisOption();

    public void AddTo(Command command)
    {
        command.Add(_steps);
        command.Add(_every);
        command.Add(_logY);
        command.Add(_x);
    }

    public bool LogY(ParseResult result) => result.GetValue(_logY);

    public long? Every(ParseResult result) => result.GetValue(_every);

    /// <summary>
    /// The step count and the x axis for the schedules; false (after saying why on the error stream) when the x axis
    /// needs a training plan that a schedule lacks.
    /// </summary>
    public bool TryResolve(ParseResult result, IReadOnlyList<(string File, Loaded Loaded)> schedules, out long steps, out XAxis axis)
    {
        TextWriter error = result.InvocationConfiguration.Error;
        axis = XAxis.Named(result.GetValue(_x)!);
        steps = 0;
        foreach ((string file, Loaded loaded) in schedules)
        {
            if (!axis.Fits(loaded.Plan))
            {
                error.WriteLine(loaded.Plan is null
                    ? $"lrs: --x {axis.Name} needs a training plan, and {file} ({loaded.Type}) has none; use --x steps."
                    : $"lrs: --x {axis.Name} needs a plan that counts tokens (TokenPlan), and {file} ({loaded.Type}) has none; use --x samples.");
                return false;
            }
        }

        if (result.GetResult(_steps) is { Implicit: false })
        {
            steps = result.GetValue(_steps);
            return true;
        }

        const long Fallback = 10_000;
        foreach ((string file, Loaded loaded) in schedules)
        {
            if (Sampling.SettledLength(loaded) is { } settled)
            {
                steps = Math.Max(steps, settled);
            }
            else
            {
                error.WriteLine($"lrs: {file} still changes after 2^40 steps; drawing {Fallback.ToString(CultureInfo.InvariantCulture)} (give --steps).");
                steps = Math.Max(steps, Fallback);
            }
        }

        return true;
    }

    /// <summary>
    /// Loads one file that has something to draw and resolves the step count and x axis; false, with the exit code in
    /// <paramref name="status"/> after saying what is wrong, when it cannot.
    /// </summary>
    public bool TryPrepare(ParseResult result, string file, out Loaded loaded, out long steps, out XAxis axis, out int status)
    {
        loaded = null!;
        steps = 0;
        axis = XAxis.Steps;
        status = Inputs.LoadAll(result, [file], "draw", out var schedules);
        if (status != ExitCodes.Success)
        {
            return false;
        }

        if (!TryResolve(result, schedules, out steps, out axis))
        {
            status = ExitCodes.Usage;
            return false;
        }

        loaded = schedules[0].Loaded;
        return true;
    }
}
