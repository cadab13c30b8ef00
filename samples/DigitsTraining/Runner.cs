using System.Diagnostics;
using System.Globalization;
using DigitsTraining.Experiments;
using DigitsTraining.Output;
using DigitsTraining.Training;

namespace DigitsTraining;

/// <summary>Runs the experiments the command line chose and writes their outputs.</summary>
internal static class Runner
{
    public static ResultSet Run(Options options, TextWriter console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var total = Stopwatch.StartNew();
        (Dataset training, Dataset test) = Digits.Split(Digits.Load(options.DataPath));
        console.WriteLine(Invariant($"digits: {training.Count} training rows, {test.Count} test rows (split seed {Digits.SplitSeed}); output: {Path.GetFullPath(options.OutputDirectory)}"));

        var experimentData = new List<ExperimentData>();
        var runs = new List<RunResult>();
        var experimentTimes = new Dictionary<string, TimeSpan>();
        var printer = new ProgressPrinter(console);
        var seedsUsed = new SortedSet<long>();

        foreach (Experiment listed in options.Experiments)
        {
            var clock = Stopwatch.StartNew();
            Experiment experiment = listed.Prepare?.Invoke(training, options.OutputDirectory, console) ?? listed;
            Dataset trainingData = training;
            int changed = 0;
            if (experiment.LabelNoise > 0)
            {
                (trainingData, changed) = Digits.WithLabelNoise(training, experiment.LabelNoise);
            }

            var trainer = new Trainer(trainingData, test);
            Variant[] variants = [.. experiment.Variants.Where(v => options.Variants?.Contains(v.Name) ?? true)];
            int seedCount = options.Seeds ?? experiment.DefaultSeeds;
            long[] seeds = [.. Enumerable.Range(0, seedCount).Select(i => options.FirstSeed + i)];
            seedsUsed.UnionWith(seeds);
            int logEvery = options.LogEvery ?? experiment.DefaultLogEvery;
            (Variant Variant, long Seed)[] jobs = [.. variants.SelectMany(v => seeds.Select(s => (v, s)))];

            console.WriteLine();
            console.WriteLine(Invariant($"== {experiment.Name}: {experiment.Title}"));
            if (experiment.LabelNoise > 0)
            {
                console.WriteLine(Invariant($"   label noise: {changed} of {trainingData.Count} training labels changed"));
            }

            console.WriteLine(Invariant($"   {variants.Length} variant(s) × {seeds.Length} seed(s) = {jobs.Length} run(s)"));

            var results = new RunResult[jobs.Length];
            Parallel.For(
                0,
                jobs.Length,
                new ParallelOptions { MaxDegreeOfParallelism = options.Parallel },
                i =>
                {
                    (Variant variant, long seed) = jobs[i];
                    RunDrivers drivers = variant.CreateDrivers(trainingData.Count);
                    int planned = drivers.Batches.Epochs;
                    int last = Math.Min(planned, options.MaxEpochs ?? int.MaxValue);
                    string tag = Invariant($"{experiment.Name} {variant.Label} seed {seed}");
                    TrainingOutcome outcome = trainer.Train(
                        drivers,
                        seed,
                        options.MaxEpochs,
                        (record, elapsed) =>
                        {
                            if (record.Epoch > 0 && logEvery > 0 && (record.Epoch % logEvery == 0 || record.Epoch == last))
                            {
                                printer.Epoch(tag, record, last, elapsed);
                            }
                        });
                    results[i] = new RunResult(experiment, variant, seed, planned, outcome);
                    printer.Done(tag, results[i]);
                });

            runs.AddRange(results);
            experimentData.Add(new ExperimentData(experiment, trainingData.Count, test.Count, changed));
            experimentTimes[experiment.Name] = clock.Elapsed;
            console.WriteLine(Invariant($"   {experiment.Name}: {jobs.Length} run(s) in {clock.Elapsed.TotalSeconds:F1} s"));
        }

        var resultSet = new ResultSet(experimentData, runs, [.. seedsUsed], options.MaxEpochs, Trainer.DefaultHidden, Trainer.DefaultMomentum);
        WriteOutputs(options, resultSet, experimentTimes, console);
        console.WriteLine(Invariant($"done in {total.Elapsed.TotalSeconds:F1} s"));
        return resultSet;
    }

    private static void WriteOutputs(Options options, ResultSet results, Dictionary<string, TimeSpan> experimentTimes, TextWriter console)
    {
        string directory = options.OutputDirectory;
        Directory.CreateDirectory(directory);
        var written = new List<string>
        {
            Path.Combine(directory, "results.json"),
            Path.Combine(directory, "summary.md"),
            Path.Combine(directory, "timings.json"),
        };
        ResultsJson.Write(written[0], results);
        File.WriteAllText(written[1], SummaryTable.Render(results));
        TimingsJson.Write(written[2], results, experimentTimes, options.Parallel);
        if (options.Plots)
        {
            written.AddRange(Plots.Write(directory, results));
        }

        console.WriteLine();
        console.WriteLine("wrote:");
        foreach (string path in written)
        {
            console.WriteLine("  " + path);
        }

        console.WriteLine();
        console.Write(SummaryTable.Render(results));
        console.WriteLine();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Prints progress lines; safe to call from runs training in parallel.</summary>
internal sealed class ProgressPrinter(TextWriter console)
{
    private readonly Lock _gate = new();

    public void Epoch(string tag, EpochRecord e, int epochs, TimeSpan elapsed)
    {
        string line = string.Create(
            CultureInfo.InvariantCulture,
            $"   [{tag}] epoch {e.Epoch,3}/{epochs}  lr {e.LearningRateLast,-9:G4} batch {e.BatchSizeLast,4}  updates {e.Updates,6}  " +
            $"train loss {e.TrainLoss:F4}  train acc {100 * e.TrainAccuracy:F2}%  test acc {100 * e.TestAccuracy:F2}%  {elapsed.TotalSeconds:F1} s");
        lock (_gate)
        {
            console.WriteLine(line);
        }
    }

    public void Done(string tag, RunResult run)
    {
        EpochRecord f = run.Final;
        string line = string.Create(
            CultureInfo.InvariantCulture,
            $"   [{tag}] {(run.Outcome.Diverged ? "DIVERGED after" : "done:")} {f.Epoch} epochs, {f.Updates} updates, " +
            $"train loss {f.TrainLoss:F4}, test acc {100 * f.TestAccuracy:F2}%, {run.Outcome.Elapsed.TotalSeconds:F1} s");
        lock (_gate)
        {
            console.WriteLine(line);
        }
    }
}
