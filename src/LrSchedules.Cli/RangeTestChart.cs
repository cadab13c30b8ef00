using System.Globalization;
using LrSchedules.RangeTest;
using System.Security;
using System.Text;

namespace LrSchedules.Cli;

/// <summary>One curve of a range-test plot: the loss at each learning rate.</summary>
internal sealed record SweepCurve(string Name, double[] LearningRates, double[] Losses);

/// <summary>One suggestion drawn on a range-test plot, at the point its origin marks.</summary>
internal sealed record SweepMarker(string Name, double LearningRate, double MarkerLearningRate, double MarkerLoss);

/// <summary>
/// What <c>lrs plot SWEEP.csv</c> draws, independent of the drawing library: the raw and smoothed losses against the
/// learning rate on a log axis, and one marker per suggestion. <see cref="ToSvg"/> draws it; a different
/// renderer needs only <see cref="Curves"/>, <see cref="Markers"/> and <see cref="LossRange"/>.
/// </summary>
internal sealed record RangeTestChart(string Title, IReadOnlyList<SweepCurve> Curves, IReadOnlyList<SweepMarker> Markers, (double Low, double High) LossRange)
{
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"];

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

    /// <summary>
    /// Draws the chart as a standalone SVG document in managed code (no native dependency, as the rest of <c>lrs</c>
    /// draws): the learning rate on a log axis with a tick per decade, each curve as a line, each suggestion as a dot,
    /// everything clipped to the loss range.
    /// </summary>
    public string ToSvg(int width, int height)
    {
        const double Left = 78, Right = 24, Top = 56, Bottom = 56;
        double plotWidth = width - Left - Right;
        double plotHeight = height - Top - Bottom;
        double[] rates = [.. Curves.SelectMany(c => c.LearningRates)];
        int first = (int)Math.Floor(Math.Log10(rates.Min()));
        int last = Math.Max(first + 1, (int)Math.Ceiling(Math.Log10(rates.Max())));
        double X(double rate) => Left + ((Math.Log10(rate) - first) / (last - first) * plotWidth);
        double Y(double loss) => Top + plotHeight - ((loss - LossRange.Low) / (LossRange.High - LossRange.Low) * plotHeight);

        var svg = new StringBuilder();
        svg.Append(Invariant($"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="13">""")).Append('\n');
        svg.Append(Invariant($"""<rect width="{width}" height="{height}" fill="white"/>""")).Append('\n');
        svg.Append(Invariant($"""<clipPath id="plot"><rect x="{Left}" y="{Top}" width="{plotWidth}" height="{plotHeight}"/></clipPath>""")).Append('\n');
        Text(svg, width / 2.0, 26, Title, "middle", 15);
        for (int decade = first; decade <= last; decade++)
        {
            double x = Left + ((double)(decade - first) / (last - first) * plotWidth);
            svg.Append(Invariant($"""<line x1="{x:0.##}" y1="{Top}" x2="{x:0.##}" y2="{Top + plotHeight}" stroke="#e5e5e5"/>""")).Append('\n');
            Text(svg, x, Top + plotHeight + 18, Invariant($"1e{decade}"), "middle", 13);
        }

        for (int i = 0; i <= 5; i++)
        {
            double loss = LossRange.Low + ((LossRange.High - LossRange.Low) * i / 5);
            double y = Y(loss);
            svg.Append(Invariant($"""<line x1="{Left}" y1="{y:0.##}" x2="{Left + plotWidth}" y2="{y:0.##}" stroke="#e5e5e5"/>""")).Append('\n');
            Text(svg, Left - 6, y + 4, loss.ToString("G4", CultureInfo.InvariantCulture), "end", 13);
        }

        svg.Append(Invariant($"""<rect x="{Left}" y="{Top}" width="{plotWidth}" height="{plotHeight}" fill="none" stroke="#444"/>""")).Append('\n');
        Text(svg, Left + (plotWidth / 2), height - 14, "learning rate (log scale)", "middle", 14);
        svg.Append(Invariant($"""<text x="18" y="{Top + (plotHeight / 2):0.##}" text-anchor="middle" font-size="14" transform="rotate(-90 18 {Top + (plotHeight / 2):0.##})">loss</text>""")).Append('\n');

        var legend = new List<(string Name, string Color, bool Dot)>();
        for (int i = 0; i < Curves.Count; i++)
        {
            SweepCurve curve = Curves[i];
            string color = i == 0 ? "#aaaaaa" : Palette[(i - 1) % Palette.Length];
            string points = string.Join(' ', curve.LearningRates.Zip(curve.Losses)
                .Where(p => double.IsFinite(p.Second))
                .Select(p => Invariant($"{X(p.First):0.##},{Y(Math.Clamp(p.Second, LossRange.Low - LossRange.High, 2 * LossRange.High)):0.##}")));
            svg.Append(Invariant($"""<polyline clip-path="url(#plot)" fill="none" stroke="{color}" stroke-width="{(i == 0 ? 1 : 2)}" points="{points}"/>""")).Append('\n');
            legend.Add((curve.Name, color, false));
        }

        for (int i = 0; i < Markers.Count; i++)
        {
            SweepMarker marker = Markers[i];
            string color = Palette[(i + 2) % Palette.Length];
            svg.Append(Invariant($"""<circle clip-path="url(#plot)" cx="{X(marker.MarkerLearningRate):0.##}" cy="{Y(marker.MarkerLoss):0.##}" r="5" fill="{color}"/>""")).Append('\n');
            legend.Add((marker.Name, color, true));
        }

        double top = Top + plotHeight - 12 - (18 * legend.Count);
        svg.Append(Invariant($"""<rect x="{Left + 10}" y="{top - 14:0.##}" width="390" height="{(18 * legend.Count) + 10}" fill="white" fill-opacity="0.9" stroke="#999"/>""")).Append('\n');
        for (int i = 0; i < legend.Count; i++)
        {
            double y = top + (18 * i);
            svg.Append(legend[i].Dot
                ? Invariant($"""<circle cx="{Left + 30}" cy="{y - 4:0.##}" r="5" fill="{legend[i].Color}"/>""")
                : Invariant($"""<line x1="{Left + 18}" y1="{y - 4:0.##}" x2="{Left + 42}" y2="{y - 4:0.##}" stroke="{legend[i].Color}" stroke-width="2"/>"""));
            svg.Append('\n');
            Text(svg, Left + 50, y, legend[i].Name, "start", 13);
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor, int size) =>
        svg.Append(Invariant($"""<text x="{x:0.##}" y="{y:0.##}" text-anchor="{anchor}" font-size="{size}">{SecurityElement.Escape(text)}</text>""")).Append('\n');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Rate(double rate) => rate.ToString("0.###e0", CultureInfo.InvariantCulture);

    private static SweepCurve Curve(string name, IReadOnlyList<RangeTestPoint> points) =>
        new(name, [.. points.Select(p => p.LearningRate)], [.. points.Select(p => p.Loss)]);
}
