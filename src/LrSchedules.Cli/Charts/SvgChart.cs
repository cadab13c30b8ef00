using System.Globalization;
using System.Security;
using System.Text;

namespace LrSchedules.Cli.Charts;

/// <summary>
/// Draws a <see cref="Chart"/> as a standalone SVG document, in managed code with no native dependency (the tool package
/// stays small: issue 14). Lines are drawn as horizontal steps between samples, the way a schedule holds its value
/// until the next step; the right-axis series (a plan's batch size) is dashed.
/// </summary>
internal static class SvgChart
{
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"];

    public static string Render(Chart chart, int width, int height)
    {
        const double Top = 62;
        const double Bottom = 56;
        const double Left = 78;
        double right = chart.HasRightAxis ? 78 : 24;
        double plotWidth = width - Left - right;
        double plotHeight = height - Top - Bottom;
        Scale x = Scale.Covering(chart.Series.SelectMany(s => s.X), log: false, padding: 0.01)!;
        Scale? left = Scale.Covering(chart.Series.Where(s => !s.RightAxis).SelectMany(s => s.Y), chart.LogY, 0.05);
        Scale? rightScale = Scale.Covering(chart.Series.Where(s => s.RightAxis).SelectMany(s => s.Y), chart.LogY, 0.05);
        double X(double value) => Left + (x.Fraction(value) * plotWidth);
        double Y(Scale scale, double value) => Top + plotHeight - (scale.Fraction(value) * plotHeight);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="13">""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<rect width="{width}" height="{height}" fill="white"/>""").Append('\n');
        Text(svg, width / 2.0, 24, Escape(chart.Title), "middle", size: 15);

        // Grid and tick labels: x below, left axis at the left, right axis at the right.
        foreach (double tick in x.Ticks(8))
        {
            double px = X(tick);
            Line(svg, px, Top, px, Top + plotHeight, "#e5e5e5");
            Text(svg, px, Top + plotHeight + 18, Scale.Label(tick), "middle");
        }

        if (left is not null)
        {
            foreach (double tick in left.Ticks(6))
            {
                double py = Y(left, tick);
                Line(svg, Left, py, Left + plotWidth, py, "#e5e5e5");
                Text(svg, Left - 6, py + 4, Scale.Label(tick), "end");
            }
        }

        if (rightScale is not null)
        {
            foreach (double tick in rightScale.Ticks(6))
            {
                Text(svg, Left + plotWidth + 6, Y(rightScale, tick) + 4, Scale.Label(tick), "start");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{F(Left)}" y="{F(Top)}" width="{F(plotWidth)}" height="{F(plotHeight)}" fill="none" stroke="#444"/>""").Append('\n');
        Text(svg, Left + (plotWidth / 2), height - 14, Escape(chart.XLabel), "middle");
        svg.Append(CultureInfo.InvariantCulture, $"""<text transform="translate(18 {F(Top + (plotHeight / 2))}) rotate(-90)" text-anchor="middle">{Escape(chart.LeftLabel + (chart.LogY ? " (log)" : string.Empty))}</text>""").Append('\n');
        if (chart.HasRightAxis)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text transform="translate({F(width - 14)} {F(Top + (plotHeight / 2))}) rotate(90)" text-anchor="middle">{Escape(chart.RightLabel + (chart.LogY ? " (log)" : string.Empty))}</text>""").Append('\n');
        }

        for (int i = 0; i < chart.Series.Count; i++)
        {
            Series series = chart.Series[i];
            Scale? scale = series.RightAxis ? rightScale : left;
            if (scale is not null)
            {
                Polyline(svg, series, value => X(value), value => Y(scale, value), Palette[i % Palette.Length], dashed: series.RightAxis);
            }
        }

        // Legend: one row between the title and the plot, centred, so it never hides a line.
        double[] widths = [.. chart.Series.Select(series => 34 + (7.5 * series.Name.Length) + 24)];
        double legendX = (width - widths.Sum()) / 2;
        for (int i = 0; i < chart.Series.Count; i++)
        {
            string dash = chart.Series[i].RightAxis ? """ stroke-dasharray="6 4" """ : " ";
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(legendX)}" y1="{F(Top - 14)}" x2="{F(legendX + 24)}" y2="{F(Top - 14)}" stroke="{Palette[i % Palette.Length]}" stroke-width="2"{dash}/>""").Append('\n');
            Text(svg, legendX + 30, Top - 10, Escape(chart.Series[i].Name), "start");
            legendX += widths[i];
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The series as one path of horizontal steps; a value that cannot be drawn (log of 0) breaks the line.</summary>
    private static void Polyline(StringBuilder svg, Series series, Func<double, double> x, Func<double, double> y, string color, bool dashed)
    {
        var path = new StringBuilder();
        bool drawing = false;
        for (int i = 0; i < series.X.Length; i++)
        {
            double py = y(series.Y[i]);
            if (double.IsNaN(py))
            {
                drawing = false;
                continue;
            }

            double px = x(series.X[i]);
            path.Append(drawing ? " H" : " M").Append(F(px)).Append(drawing ? " V" : " ").Append(F(py));
            drawing = true;
        }

        string dash = dashed ? """ stroke-dasharray="6 4" """ : " ";
        svg.Append(CultureInfo.InvariantCulture, $"""<path d="{path.ToString().TrimStart()}" fill="none" stroke="{color}" stroke-width="2"{dash}stroke-linejoin="round"/>""").Append('\n');
    }

    private static void Line(StringBuilder svg, double x1, double y1, double x2, double y2, string color) =>
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(x1)}" y1="{F(y1)}" x2="{F(x2)}" y2="{F(y2)}" stroke="{color}"/>""").Append('\n');

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor, int size = 13) =>
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(x)}" y="{F(y)}" text-anchor="{anchor}" font-size="{size}">{text}</text>""").Append('\n');

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
