using System.Globalization;
using DigitsTraining.Experiments;
using DigitsTraining.Training;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace DigitsTraining.Output;

/// <summary>
/// Draws the PNG plots of each experiment with ScottPlot: training loss against epochs and against parameter updates,
/// test accuracy against epochs, and the learning rate and batch size against epochs.
/// </summary>
/// <remarks>
/// Each line is a variant, its value at an epoch the mean over the seeds. When the variants differ in <c>k</c>, the
/// colour tells <c>k</c> and the line pattern the variant; otherwise the colour tells the variant. The legend sits to
/// the right of the data, so it never hides a line. An experiment whose variants differ in <c>k</c> also gets the final
/// training loss and test accuracy against <c>k</c>, one line per variant name.
/// </remarks>
internal static class Plots
{
    private const int Width = 900;
    private const int Height = 560;

    /// <summary>Writes the plots of every experiment into <paramref name="directory"/> and returns the paths written.</summary>
    public static IReadOnlyList<string> Write(string directory, ResultSet results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var written = new List<string>();
        foreach (ExperimentData data in results.Experiments)
        {
            Experiment experiment = data.Experiment;
            var groups = results.ByVariant(experiment);
            if (groups.Count == 0)
            {
                continue;
            }

            string Path(string what) => System.IO.Path.Combine(directory, $"{experiment.Name}-{what}.png");

            written.Add(Save(
                Path("training-loss-vs-epoch"),
                $"{experiment.Name}: training loss (mean over seeds)",
                "epoch",
                "training cross-entropy",
                logY: true,
                groups,
                runs => MeanSeries(runs, e => e.Epoch, e => e.TrainLoss)));
            written.Add(Save(
                Path("training-loss-vs-updates"),
                $"{experiment.Name}: training loss against parameter updates (mean over seeds)",
                "parameter updates",
                "training cross-entropy",
                logY: true,
                groups,
                runs => MeanSeries(runs, e => e.Updates, e => e.TrainLoss)));
            written.Add(Save(
                Path("test-accuracy-vs-epoch"),
                $"{experiment.Name}: test accuracy (mean over seeds)",
                "epoch",
                "test accuracy (%)",
                logY: false,
                groups,
                runs => MeanSeries(runs, e => e.Epoch, e => 100.0 * e.TestAccuracy)));
            written.Add(Save(
                Path("learning-rate-vs-epoch"),
                $"{experiment.Name}: learning rate",
                "epoch",
                "learning rate",
                logY: true,
                groups,
                runs => ScheduleSeries(runs[0], e => e.LearningRateFirst, e => e.LearningRateLast)));
            written.Add(Save(
                Path("batch-size-vs-epoch"),
                $"{experiment.Name}: batch size",
                "epoch",
                "batch size",
                logY: false,
                groups,
                runs => ScheduleSeries(runs[0], e => e.BatchSizeFirst, e => e.BatchSizeLast)));

            // Issue 12: the measured gradient noise scale, against epochs and against the training loss.
            var measured = groups.Where(g => g.Runs.All(r => r.Outcome.Epochs.Any(e => e.NoiseScale is not null))).ToList();
            if (measured.Count > 0)
            {
                written.Add(Save(
                    Path("noise-scale-vs-epoch"),
                    $"{experiment.Name}: gradient noise scale B_simple (mean over seeds)",
                    "epoch",
                    "B_simple (samples)",
                    logY: true,
                    measured,
                    runs => MeanSeries(runs, e => e.Epoch, e => e.NoiseScale ?? double.NaN)));
                written.Add(Save(
                    Path("noise-scale-vs-training-loss"),
                    $"{experiment.Name}: gradient noise scale against training loss (mean over seeds, per epoch)",
                    "training cross-entropy (training moves to the left)",
                    "B_simple (samples)",
                    logY: true,
                    measured,
                    runs => NoiseAgainstLoss(runs)));
            }

            if (groups.Select(g => g.Variant.K).Distinct().Count() > 1)
            {
                written.Add(SaveAgainstK(
                    Path("final-training-loss-vs-k"),
                    $"{experiment.Name}: final training loss against k (mean over seeds)",
                    "final training cross-entropy",
                    logY: true,
                    groups,
                    r => r.Final.TrainLoss));
                written.Add(SaveAgainstK(
                    Path("final-test-accuracy-vs-k"),
                    $"{experiment.Name}: final test accuracy against k (mean over seeds)",
                    "final test accuracy (%)",
                    logY: false,
                    groups,
                    r => 100.0 * r.Final.TestAccuracy));
            }
        }

        return written;
    }

    /// <summary>The mean over seeds of a final value of each variant, against its <c>k</c> on a log₂ axis; one line per variant name.</summary>
    private static string SaveAgainstK(
        string path,
        string title,
        string yLabel,
        bool logY,
        IReadOnlyList<(Variant Variant, IReadOnlyList<RunResult> Runs)> groups,
        Func<RunResult, double> value)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        string[] names = [.. groups.Select(g => g.Variant.Name).Distinct()];
        int[] ks = [.. groups.Where(g => g.Variant.K is not null).Select(g => g.Variant.K!.Value).Distinct().Order()];
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        for (int n = 0; n < names.Length; n++)
        {
            var points = groups
                .Where(g => g.Variant.Name == names[n] && g.Variant.K is not null)
                .OrderBy(g => g.Variant.K)
                .Select(g => (X: Math.Log2(g.Variant.K!.Value), Y: g.Runs.Where(r => double.IsFinite(value(r))).Select(value).DefaultIfEmpty(double.NaN).Average()))
                .Select(p => (p.X, Y: logY ? (p.Y > 0 ? Math.Log10(p.Y) : double.NaN) : p.Y))
                .Where(p => double.IsFinite(p.Y))
                .ToArray();
            foreach ((_, double y) in points)
            {
                low = Math.Min(low, y);
                high = Math.Max(high, y);
            }

            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            line.LegendText = names[n];
            line.LineWidth = 2;
            line.MarkerSize = 9;
            line.Color = palette.GetColor(n);
        }

        var ticks = new NumericManual();
        foreach (int k in ks)
        {
            ticks.AddMajor(Math.Log2(k), k.ToString(CultureInfo.InvariantCulture));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        if (logY && double.IsFinite(low))
        {
            plot.Axes.Left.TickGenerator = LogTicks(low, high);
        }

        plot.Title(title);
        plot.XLabel("k (batch size 10·k, log scale)");
        plot.YLabel(logY ? yLabel + " (log scale)" : yLabel);
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, Width, Height);
        return path;
    }

    /// <summary>The mean of <paramref name="y"/> over the runs at each epoch that every run reached (x from the first run).</summary>
    internal static (double[] X, double[] Y) MeanSeries(
        IReadOnlyList<RunResult> runs, Func<EpochRecord, double> x, Func<EpochRecord, double> y)
    {
        int length = runs.Min(r => r.Outcome.Epochs.Count);
        var xs = new double[length];
        var ys = new double[length];
        for (int i = 0; i < length; i++)
        {
            xs[i] = x(runs[0].Outcome.Epochs[i]);
            ys[i] = runs.Average(r => y(r.Outcome.Epochs[i]));
        }

        return (xs, ys);
    }

    /// <summary>The mean noise scale against the mean training loss of each epoch after the first (training moves to the left).</summary>
    internal static (double[] X, double[] Y) NoiseAgainstLoss(IReadOnlyList<RunResult> runs)
    {
        int length = runs.Min(r => r.Outcome.Epochs.Count);
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 1; i < length; i++)
        {
            xs.Add(runs.Average(r => r.Outcome.Epochs[i].TrainLoss));
            ys.Add(runs.Average(r => r.Outcome.Epochs[i].NoiseScale ?? double.NaN));
        }

        return ([.. xs], [.. ys]);
    }

    /// <summary>
    /// A value that the run's plan or schedule sets, drawn over each epoch from its first step's value at the epoch's
    /// start to its last step's value at the epoch's end: exact for values constant within an epoch, a straight line
    /// for a warmup. The same for every seed, so the first run's values are drawn.
    /// </summary>
    internal static (double[] X, double[] Y) ScheduleSeries(RunResult run, Func<EpochRecord, double?> first, Func<EpochRecord, double?> last)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (EpochRecord epoch in run.Outcome.Epochs.Skip(1))
        {
            xs.Add(epoch.Epoch - 1);
            ys.Add(first(epoch) ?? double.NaN);
            xs.Add(epoch.Epoch);
            ys.Add(last(epoch) ?? double.NaN);
        }

        return ([.. xs], [.. ys]);
    }

    private static string Save(
        string path,
        string title,
        string xLabel,
        string yLabel,
        bool logY,
        IReadOnlyList<(Variant Variant, IReadOnlyList<RunResult> Runs)> groups,
        Func<IReadOnlyList<RunResult>, (double[] X, double[] Y)> series)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        LinePattern[] patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];
        int?[] ks = [.. groups.Select(g => g.Variant.K).Distinct()];
        string[] names = [.. groups.Select(g => g.Variant.Name).Distinct()];
        bool byK = ks.Length > 1;

        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach ((Variant variant, IReadOnlyList<RunResult> runs) in groups)
        {
            (double[] xs, double[] ys) = series(runs);
            if (logY)
            {
                ys = [.. ys.Select(v => v > 0 ? Math.Log10(v) : double.NaN)];
            }

            // A diverged run ends in NaN; ScottPlot draws the finite points only.
            int[] keep = [.. Enumerable.Range(0, ys.Length).Where(i => double.IsFinite(ys[i]))];
            xs = [.. keep.Select(i => xs[i])];
            ys = [.. keep.Select(i => ys[i])];

            foreach (double v in ys.Where(double.IsFinite))
            {
                low = Math.Min(low, v);
                high = Math.Max(high, v);
            }

            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = variant.Label;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            int nameIndex = Array.IndexOf(names, variant.Name);
            line.Color = palette.GetColor(byK ? Array.IndexOf(ks, variant.K) : nameIndex);
            line.LinePattern = byK ? patterns[nameIndex % patterns.Length] : LinePattern.Solid;
        }

        if (logY && double.IsFinite(low))
        {
            plot.Axes.Left.TickGenerator = LogTicks(low, high);
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(logY ? yLabel + " (log scale)" : yLabel);
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, Width, Height);
        return path;
    }

    /// <summary>Ticks for an axis that shows log10 of the values: majors at 1, 2 and 5 times a power of ten, labelled with the value.</summary>
    private static NumericManual LogTicks(double lowLog, double highLog)
    {
        var ticks = new NumericManual();
        int firstDecade = (int)Math.Floor(lowLog) - 1;
        int lastDecade = (int)Math.Ceiling(highLog) + 1;
        bool dense = highLog - lowLog < 2.5;
        for (int decade = firstDecade; decade <= lastDecade; decade++)
        {
            for (int m = 1; m <= 9; m++)
            {
                double value = m * Math.Pow(10, decade);
                double position = Math.Log10(value);
                bool major = m == 1 || (dense && (m == 2 || m == 5)) || highLog - lowLog < 0.6;
                if (major)
                {
                    ticks.AddMajor(position, value.ToString("G3", CultureInfo.InvariantCulture));
                }
                else
                {
                    ticks.AddMinor(position);
                }
            }
        }

        return ticks;
    }
}
