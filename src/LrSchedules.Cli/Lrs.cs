using System.Globalization;
using System.Text;
using LrSchedules.Batching;
using LrSchedules.Configuration;

namespace LrSchedules.Cli;

/// <summary>
/// <c>lrs</c>: print (<c>table</c>), draw (<c>plot</c>), check (<c>validate</c>) schedule files and <c>list</c> the types a
/// file can name. Exit codes: 0 success, 1 the file is not a valid schedule (or not JSON), 2 wrong usage or no file.
/// </summary>
internal static class Lrs
{
    public const int Success = 0;
    public const int Invalid = 1;
    public const int Usage = 2;

    private const string Help = """
        lrs — learning-rate and batch-size schedules described in JSON (LrSchedules.Extensions)

        usage:
          lrs table <schedule.json> --steps N [--every K]     CSV: step, learning rate (and batch size, epoch, samples seen for a training plan)
          lrs plot <schedule.json> --steps N --out FILE.png|svg [--every K] [--width W] [--height H]
                                                               draws the learning rate (and the batch size on a second axis)
          lrs validate <schedule.json>                        prints every problem with its path; exit code 0 when valid, 1 when not
          lrs list                                            lists the schedule types and their parameters
          lrs noise-scale <norms.csv> [--beta B]              CSV: the gradient noise scale after each logged measurement
                                                               (input header b_small,sq_norm_small,b_big,sq_norm_big; B in [0, 1), default 0.99)
          lrs suggest <sweep.csv>                             learning-rate range test: one line per method, METHOD,RATE
                                                               (fastai.valley, fastai.slide, fastai.minimum, fastai.steep, torch_lr_finder.steepest)
          lrs plot <sweep.csv> --out FILE.svg                 draws a range-test sweep (log rate axis) with each suggestion marked

        A sweep file is CSV: the header learning_rate,loss, then one row per step with its raw loss.

        A schedule file is one description: { "Type": "Cosine", "InitialLearningRate": 0.1, "TotalSteps": 1000 }; see lrs list.
        Exit codes: 0 success, 1 invalid schedule or JSON, 2 wrong usage or missing file.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            error.WriteLine(Help);
            return Usage;
        }

        try
        {
            return args[0] switch
            {
                "table" => Table(Arguments.Parse(args[1..], ["--steps", "--every"]), output, error),
                "plot" => Plot(Arguments.Parse(args[1..], ["--steps", "--every", "--out", "--width", "--height"]), output, error),
                "validate" => Validate(Arguments.Parse(args[1..], []), output, error),
                "list" => List(Arguments.Parse(args[1..], []), output),
                "suggest" => Suggest(Arguments.Parse(args[1..], []), output, error),
                "noise-scale" => NoiseScale(Arguments.Parse(args[1..], ["--beta"]), output, error),
                "help" or "--help" or "-h" => PrintHelp(output),
                _ => throw new UsageException($"unknown command '{args[0]}'; the commands are table, plot, validate, list, noise-scale and suggest."),
            };
        }
        catch (UsageException exception)
        {
            error.WriteLine($"lrs: {exception.Message}");
            error.WriteLine("Run 'lrs --help' for usage.");
            return Usage;
        }
    }

    private static int PrintHelp(TextWriter output)
    {
        output.WriteLine(Help);
        return Success;
    }

    private static int Table(Arguments arguments, TextWriter output, TextWriter error)
    {
        string file = arguments.SingleFile();
        long steps = arguments.Long("--steps", required: true, minimum: 1)!.Value;
        long every = arguments.Long("--every", required: false, minimum: 1) ?? 1;
        int status = Load(file, error, out Loaded? loaded);
        if (loaded is null)
        {
            return status;
        }

        var header = new List<string> { "step" };
        if (loaded.LearningRate is not null)
        {
            header.Add("learning_rate");
        }

        if (loaded.Plan is not null)
        {
            header.AddRange(["batch_size", "epoch", "samples_seen"]);
        }

        if (header.Count == 1)
        {
            error.WriteLine($"lrs: {file} describes a {loaded.Type} ({loaded.Kind}), which has no value per step to print.");
            return Invalid;
        }

        var line = new StringBuilder();
        output.WriteLine(string.Join(",", header));
        for (long step = 0; step < steps; step += every)
        {
            line.Clear().Append(step.ToString(CultureInfo.InvariantCulture));
            if (loaded.LearningRate is { } rate)
            {
                line.Append(',').Append(rate(step).ToString("R", CultureInfo.InvariantCulture));
            }

            if (loaded.Plan is { } plan)
            {
                TrainingPosition position = plan.GetPosition(step);
                line.Append(CultureInfo.InvariantCulture, $",{position.BatchSize},{position.Epoch},{position.SamplesSeen}");
            }

            output.WriteLine(line);
            if (step > long.MaxValue - every)
            {
                break;
            }
        }

        return Success;
    }

    private static int Suggest(Arguments arguments, TextWriter output, TextWriter error)
    {
        string file = arguments.SingleFile();
        if (!File.Exists(file))
        {
            error.WriteLine($"lrs: file not found: {file}");
            return Usage;
        }

        using var reader = new StreamReader(file);
        return SuggestCommand.Run(reader, file, output, error);
    }

    private static int Plot(Arguments arguments, TextWriter output, TextWriter error)
    {
        string file = arguments.SingleFile();
        if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return PlotSweep(file, arguments, output, error);
        }

        long steps = arguments.Long("--steps", required: true, minimum: 1)!.Value;
        long? every = arguments.Long("--every", required: false, minimum: 1);
        string target = arguments.Text("--out") ?? throw new UsageException("plot needs --out FILE.png or FILE.svg.");
        int width = (int)(arguments.Long("--width", required: false, minimum: 100) ?? 900);
        int height = (int)(arguments.Long("--height", required: false, minimum: 100) ?? 500);
        string extension = Path.GetExtension(target).ToLowerInvariant();
        if (extension is not (".png" or ".svg"))
        {
            throw new UsageException($"--out must end in .png or .svg but was '{target}'.");
        }

        int status = Load(file, error, out Loaded? loaded);
        if (loaded is null)
        {
            return status;
        }

        if (loaded.LearningRate is null && loaded.Plan is null)
        {
            error.WriteLine($"lrs: {file} describes a {loaded.Type} ({loaded.Kind}), which has no value per step to plot.");
            return Invalid;
        }

        try
        {
            Plotter.Save(loaded, Path.GetFileName(file), steps, every, target, width, height);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"lrs: cannot write {target}: {exception.Message}");
            return Usage;
        }

        output.WriteLine($"wrote {target}");
        return Success;
    }

    private static int PlotSweep(string file, Arguments arguments, TextWriter output, TextWriter error)
    {
        string target = arguments.Text("--out") ?? throw new UsageException("plot needs --out FILE.svg.");
        int width = (int)(arguments.Long("--width", required: false, minimum: 100) ?? 900);
        int height = (int)(arguments.Long("--height", required: false, minimum: 100) ?? 500);
        if (!target.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--out must end in .svg for a range-test sweep but was '{target}' (the sweep is drawn as SVG with no native code).");
        }

        return PlotSweepCommand.Run(file, target, width, height, output, error);
    }

    private static int NoiseScale(Arguments arguments, TextWriter output, TextWriter error)
    {
        string file = arguments.SingleFile();
        string? betaText = arguments.Text("--beta");
        double beta = Batching.AdaptiveBatching.DefaultSmoothing;
        if (betaText is not null && !double.TryParse(betaText, NumberStyles.Float, CultureInfo.InvariantCulture, out beta))
        {
            throw new UsageException($"--beta must be a number in [0, 1) but was '{betaText}'.");
        }

        if (!File.Exists(file))
        {
            error.WriteLine($"lrs: file not found: {file}");
            return Usage;
        }

        using StreamReader input = File.OpenText(file);
        return NoiseScaleReport.Run(input, output, error, beta);
    }

    private static int Validate(Arguments arguments, TextWriter output, TextWriter error)
    {
        string file = arguments.SingleFile();
        if (!TryRead(file, error, out string? json))
        {
            return Usage;
        }

        ScheduleLoadResult result = ScheduleConfiguration.Load(json);
        if (!result.Succeeded)
        {
            WriteProblems(output, $"{file}: {Count(result.Problems)}", result.Problems);
            return Invalid;
        }

        Loaded loaded = Loaded.From(result);
        output.WriteLine($"{file}: valid {loaded.Kind} ({loaded.Type})");
        return Success;
    }

    private static int List(Arguments arguments, TextWriter output)
    {
        arguments.NoFile();
        foreach (IGrouping<Type, ScheduleTypeInfo> group in ScheduleConfiguration.Types.GroupBy(t => t.ResultType))
        {
            output.WriteLine($"== {group.Key.Name} types");
            foreach (ScheduleTypeInfo type in group)
            {
                output.WriteLine();
                output.WriteLine($"{type.Name} — {type.Summary}");
                int width = type.Parameters.Select(p => p.Name.Length).DefaultIfEmpty(0).Max();
                foreach (ScheduleParameterInfo parameter in type.Parameters)
                {
                    string presence = parameter.IsRequired ? "required" : parameter.DefaultValue is { } value ? $"default {value}" : "optional";
                    string requirement = parameter.Documentation.Length > 0 ? $"; {parameter.Documentation}" : string.Empty;
                    output.WriteLine($"  {parameter.Name.PadRight(width)}  {parameter.ValueType} ({presence}{requirement})");
                }
            }

            output.WriteLine();
        }

        return Success;
    }

    private static bool TryRead(string file, TextWriter error, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? json)
    {
        json = null;
        if (!File.Exists(file))
        {
            error.WriteLine($"lrs: file not found: {file}");
            return false;
        }

        json = File.ReadAllText(file);
        return true;
    }

    /// <summary>Reads and builds a file: <see cref="Success"/> with what it builds, or the exit code after the message.</summary>
    private static int Load(string file, TextWriter error, out Loaded? loaded)
    {
        loaded = null;
        if (!TryRead(file, error, out string? json))
        {
            return Usage;
        }

        ScheduleLoadResult result = ScheduleConfiguration.Load(json);
        if (!result.Succeeded)
        {
            WriteProblems(error, $"lrs: {file} is not a valid schedule ({Count(result.Problems)}):", result.Problems);
            return Invalid;
        }

        loaded = Loaded.From(result);
        return Success;
    }

    /// <summary>"1 problem" or "N problems".</summary>
    private static string Count(IReadOnlyList<ScheduleProblem> problems) =>
        $"{problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}";

    /// <summary>Writes a header line, then every problem indented on a line of its own.</summary>
    private static void WriteProblems(TextWriter writer, string header, IReadOnlyList<ScheduleProblem> problems)
    {
        writer.WriteLine(header);
        foreach (ScheduleProblem problem in problems)
        {
            writer.WriteLine($"  {problem.Message}");
        }
    }
}
