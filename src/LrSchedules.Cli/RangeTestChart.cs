using System.Globalization;
using LrSchedules.RangeTest;
using ScottPlot;

namespace LrSchedules.Cli;

/// <summary>One curve of a range-test plot: the loss at each learning rate.</summary>
internal sealed record SweepCurve(string Name, double[] LearningRates, double[] Losses);

/// <summary>One suggestion drawn on a range-test plot, at the point its origin marks.</summary>
internal sealed record SweepMarker(string Name, double LearningRate, double MarkerLearningRate, double MarkerLoss);

/// <summary>
/// What <c>lrs plot SWEEP.csv</c> draws, independent of the drawing library: the raw and smoothed losses against the
/// learning rate on a log axis, and one marker per suggestion. <see cref="Save"/> draws it with ScottPlot; a different
/// renderer needs only <see cref="Curves"/>, <see cref="Markers"/> and <see cref="LossRange"/>.
/// </summary>
internal sealed record RangeTestChart(string Title, IReadOnlyList<SweepCurve> Curves, IReadOnlyList<SweepMarker> Markers, (double Low, double High) LossRange)
{
    /// <summary>The curves and markers of a sweep replayed through both origins.</summary>
    public static RangeTestChart Of(string title, IReadOnlyList<RangeTestPoint> sweep, SweepReplay replay)
    {
        SweepCurve[] curves =
        [
            Curve("raw loss", sweep),
            Curve("fastai (smoothed, β = 0.98)", replay.Fastai.Points),
            Curve("torch-lr-finder (smoothed, f = 0.05)", replay.TorchLrFinder.Points),
        ];
        SweepMarker[] markers =
        [
            .. replay.Suggestions
                .Where(s => s.LearningRate is not null)
                .Select(s => new SweepMarker(
                    $"{s.Method} {Rate(s.LearningRate!.Value)}{(s.MarkerLearningRate == s.LearningRate ? string.Empty : $" (marked at {Rate(s.MarkerLearningRate!.Value)})")}",
                    s.LearningRate.Value,
                    s.MarkerLearningRate!.Value,
                    s.MarkerLoss!.Value)),
        ];

        // As both origins plot: leave out the last 5 points (skip_end=5), where the loss explodes.
        double[] shown = [.. curves.Skip(1).SelectMany(c => c.Losses.Take(Math.Max(1, c.Losses.Length - 5))).Where(double.IsFinite)];
        (double low, double high) = shown.Length == 0 ? (0.0, 1.0) : (shown.Min(), shown.Max());
        double pad = Math.Max(1e-12, (high - low) * 0.05);
        return new RangeTestChart(title, curves, markers, (low - pad, high + pad));
    }

    /// <summary>Draws the chart to a PNG or SVG file, the learning rate on a log axis.</summary>
    public void Save(string path, int width, int height)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < Curves.Count; i++)
        {
            SweepCurve curve = Curves[i];
            var line = plot.Add.Scatter(curve.LearningRates.Select(Math.Log10).ToArray(), curve.Losses);
            line.LegendText = curve.Name;
            line.MarkerSize = 0;
            line.LineWidth = i == 0 ? 1 : 2;
            line.Color = i == 0 ? Colors.Gray.WithAlpha(0.6) : palette.GetColor(i - 1);
        }

        for (int i = 0; i < Markers.Count; i++)
        {
            SweepMarker marker = Markers[i];
            var point = plot.Add.Marker(Math.Log10(marker.MarkerLearningRate), marker.MarkerLoss, MarkerShape.FilledCircle, 9, palette.GetColor(i + 2));
            point.LegendText = marker.Name;
        }

        double[] rates = [.. Curves.SelectMany(c => c.LearningRates)];
        int first = (int)Math.Floor(Math.Log10(rates.Min()));
        int last = (int)Math.Ceiling(Math.Log10(rates.Max()));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int decade = first; decade <= last; decade++)
        {
            ticks.AddMajor(decade, $"1e{decade.ToString(CultureInfo.InvariantCulture)}");
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimits(first, last, LossRange.Low, LossRange.High);
        plot.Title(Title);
        plot.XLabel("learning rate (log scale)");
        plot.YLabel("loss");
        plot.ShowLegend(Alignment.LowerLeft);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        if (path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            plot.SaveSvg(path, width, height);
        }
        else
        {
            plot.SavePng(path, width, height);
        }
    }

    private static string Rate(double rate) => rate.ToString("0.###e0", CultureInfo.InvariantCulture);

    private static SweepCurve Curve(string name, IReadOnlyList<RangeTestPoint> points) =>
        new(name, [.. points.Select(p => p.LearningRate)], [.. points.Select(p => p.Loss)]);
}
