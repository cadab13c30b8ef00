using System.Globalization;
using DigitsTraining.Experiments;
using DigitsTraining.Training;

namespace DigitsTraining;

/// <summary>What the command line asked for.</summary>
/// <param name="Experiments">The experiments to run, in order.</param>
/// <param name="Variants">The variant names to keep, or null for all of them.</param>
/// <param name="Seeds">The number of seeds per variant, or null for each experiment's default.</param>
/// <param name="FirstSeed">The first seed; runs use <c>FirstSeed</c> to <c>FirstSeed + Seeds − 1</c>.</param>
/// <param name="MaxEpochs">Stop every run after this many epochs (smoke runs), or null to follow the plans.</param>
/// <param name="OutputDirectory">Where the outputs go.</param>
/// <param name="DataPath">The <c>digits.csv.gz</c> to read.</param>
/// <param name="LogEvery">Print progress every this many epochs, or null for each experiment's default; 0 prints run summaries only.</param>
/// <param name="Parallel">How many runs train at once.</param>
/// <param name="Plots">Whether to draw the PNG plots.</param>
internal sealed record Options(
    IReadOnlyList<Experiment> Experiments,
    IReadOnlySet<string>? Variants,
    int? Seeds,
    long FirstSeed,
    int? MaxEpochs,
    string OutputDirectory,
    string DataPath,
    int? LogEvery,
    int Parallel,
    bool Plots);

/// <summary>A command line that cannot be run; the message says why.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Parses the command line.</summary>
internal static class CommandLine
{
    public const string DefaultOutputDirectory = "artifacts/digits";

    public static string Usage =>
        $"""
        Trains a 64-64-10 perceptron on the UCI handwritten digits with momentum SGD, the learning rate (and batch size)
        of every step coming from LrSchedules, and writes results.json, summary.md, timings.json and PNG plots.

        Usage: DigitsTraining [EXPERIMENT...] [OPTIONS]

        Experiments (default: quick):
        {string.Join(Environment.NewLine, ExperimentCatalog.All.Select(e => $"  {e.Name,-15} {e.Title}"))}
          all             {string.Join(" then ", ExperimentCatalog.Full.Select(e => e.Name))}

        Options:
          --seeds N          seeds per variant (default: 3; quick: 1)
          --first-seed S     runs use seeds S, S+1, ... (default: 0)
          --variants A,B     run only these variants (by name, e.g. decay-lr or none)
          --max-epochs E     stop every run after E epochs; the schedules are unchanged (smoke runs)
          --out DIR          output directory (default: {DefaultOutputDirectory}); its outputs are overwritten
          --data PATH        digits.csv.gz to read (default: the copy next to the program)
          --log-every N      progress every N epochs (default: 5; quick: 1); 0 prints one line per run
          --parallel N       runs trained at once (default: 1; each run is single-threaded)
          --no-plots         skip the PNG plots
          -h, --help         show this help
        """;

    /// <summary>Parses <paramref name="args"/>; returns null when help was asked for.</summary>
    /// <exception cref="UsageException">An argument is unknown, missing its value, or out of range.</exception>
    public static Options? Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var experiments = new List<Experiment>();
        HashSet<string>? variants = null;
        int? seeds = null, maxEpochs = null, logEvery = null;
        long firstSeed = 0;
        string output = DefaultOutputDirectory;
        string data = Digits.DefaultPath;
        int parallel = 1;
        bool plots = true;

        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    return null;
                case "--seeds":
                    seeds = Int(Value(args, ref i), arg, min: 1);
                    break;
                case "--first-seed":
                    firstSeed = long.TryParse(Value(args, ref i), NumberStyles.Integer, CultureInfo.InvariantCulture, out long s) && s >= 0
                        ? s
                        : throw new UsageException($"{arg} takes an integer ≥ 0.");
                    break;
                case "--variants":
                    variants = [.. Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    break;
                case "--max-epochs":
                    maxEpochs = Int(Value(args, ref i), arg, min: 1);
                    break;
                case "--out":
                    output = Value(args, ref i);
                    break;
                case "--data":
                    data = Value(args, ref i);
                    break;
                case "--log-every":
                    logEvery = Int(Value(args, ref i), arg, min: 0);
                    break;
                case "--parallel":
                    parallel = Int(Value(args, ref i), arg, min: 1);
                    break;
                case "--no-plots":
                    plots = false;
                    break;
                case "all":
                    experiments.AddRange(ExperimentCatalog.Full);
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        throw new UsageException($"Unknown option '{arg}'.");
                    }

                    experiments.Add(ExperimentCatalog.Find(arg) ?? throw new UsageException(
                        $"Unknown experiment '{arg}'; known: {string.Join(", ", ExperimentCatalog.All.Select(e => e.Name))}, all."));
                    break;
            }
        }

        if (experiments.Count == 0)
        {
            experiments.Add(QuickExperiment.Create());
        }

        experiments = [.. experiments.DistinctBy(e => e.Name)];
        if (variants is not null)
        {
            var known = experiments.SelectMany(e => e.Variants).Select(v => v.Name).ToHashSet();
            string[] unknown = [.. variants.Where(v => !known.Contains(v))];
            if (unknown.Length > 0)
            {
                throw new UsageException(
                    $"Unknown variant(s) {string.Join(", ", unknown)}; the experiments chosen have: {string.Join(", ", known)}.");
            }
        }

        return new Options(experiments, variants, seeds, firstSeed, maxEpochs, output, data, logEvery, parallel, plots);
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new UsageException($"{args[i - 1]} needs a value.");

    private static int Int(string text, string option, int min) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min
            ? value
            : throw new UsageException($"{option} takes an integer ≥ {min}, not '{text}'.");
}
