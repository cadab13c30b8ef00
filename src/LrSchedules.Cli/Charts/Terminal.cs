using System.Text;

namespace LrSchedules.Cli.Charts;

/// <summary>
/// Draws a <see cref="Chart"/> in the terminal with braille dots: one panel per y axis (the learning rate, then a plan's
/// batch size), each with its y range at the left and the x range and unit underneath. Colour (ANSI) only when writing to
/// a terminal and <c>NO_COLOR</c> is unset; without colour the second series of a panel is dashed.
/// </summary>
internal static class Terminal
{
    public const string Reset = "\u001b[0m";

    private static readonly string[] Colors = ["\u001b[36m", "\u001b[35m"];

    /// <summary>True when <paramref name="output"/> is the real standard output, a terminal, and NO_COLOR is unset.</summary>
    public static bool UsesColor(TextWriter output) =>
        output is ConsoleOutput && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public static void Render(TextWriter output, Chart chart, int width, int height, bool color)
    {
        output.WriteLine(chart.Title);
        foreach (bool rightAxis in new[] { false, true })
        {
            Series[] series = [.. chart.Series.Where(s => s.RightAxis == rightAxis)];
            if (series.Length > 0)
            {
                Panel(output, chart, series, width, height, color);
            }
        }
    }

    private static void Panel(TextWriter output, Chart chart, Series[] series, int width, int height, bool color)
    {
        Scale x = Scale.Covering(chart.Series.SelectMany(s => s.X), log: false, padding: 0)!;
        Scale? y = Scale.Covering(series.SelectMany(s => s.Y), chart.LogY, padding: 0);
        string axisName = string.Join(", ", series.Select(s => s.Name).Distinct()) + (chart.LogY ? " (log scale)" : string.Empty);
        if (y is null)
        {
            output.WriteLine($"{axisName}: no value to draw{(chart.LogY ? " on a log scale (all <= 0)" : string.Empty)}");
            return;
        }

        string top = Scale.Label(y.Maximum);
        int middleRow = (height - 1) / 2;
        string middle = Scale.Label(y.ValueAt(1 - ((double)middleRow / (height - 1))));
        string bottom = Scale.Label(y.Minimum);
        int labelWidth = Math.Max(top.Length, Math.Max(middle.Length, bottom.Length));
        int columns = Math.Max(10, width - labelWidth - 2);
        var canvas = new BrailleCanvas(columns, height);
        for (int layer = 0; layer < series.Length; layer++)
        {
            Draw(canvas, series[layer], x, y, layer, dashed: !color && layer > 0);
        }

        var text = new StringBuilder();
        text.Append(' ', labelWidth + 2).Append(axisName).Append('\n');
        for (int row = 0; row < height; row++)
        {
            string label = row == 0 ? top : row == height - 1 ? bottom : row == middleRow ? middle : string.Empty;
            text.Append(label.PadLeft(labelWidth)).Append(label.Length > 0 ? " ┤" : " │");
            canvas.AppendRow(text, row, color ? Colors : null);
            text.Append('\n');
        }

        text.Append(' ', labelWidth + 1).Append('└').Append('─', columns).Append('\n');
        string first = Scale.Label(x.Minimum);
        string mid = Scale.Label((x.Minimum + x.Maximum) / 2);
        string last = Scale.Label(x.Maximum);
        var axis = new StringBuilder(new string(' ', columns + 1));
        Place(axis, first, 1);
        Place(axis, mid, 1 + ((columns - mid.Length) / 2));
        Place(axis, last, columns + 1 - last.Length);
        text.Append(' ', labelWidth + 1).Append(axis.ToString().TrimEnd()).Append('\n');
        text.Append(' ', labelWidth + 2 + Math.Max(0, (columns - chart.XLabel.Length) / 2)).Append(chart.XLabel).Append('\n');
        if (series.Length > 1)
        {
            text.Append(' ', labelWidth + 2);
            for (int layer = 0; layer < series.Length; layer++)
            {
                string mark = color ? $"{Colors[layer % Colors.Length]}⣿{Reset}" : layer == 0 ? "⠶⠶" : "⠶ ⠶";
                text.Append(mark).Append(' ').Append(series[layer].Name).Append("   ");
            }

            text.Length -= 3;
            text.Append('\n');
        }

        output.Write(text.ToString());
    }

    private static void Draw(BrailleCanvas canvas, Series series, Scale x, Scale y, int layer, bool dashed)
    {
        int? previousX = null;
        int previousY = 0;
        for (int i = 0; i < series.X.Length; i++)
        {
            double fy = y.Fraction(series.Y[i]);
            if (double.IsNaN(fy))
            {
                previousX = null;
                continue;
            }

            double fx = x.Fraction(series.X[i]);
            int px = (int)Math.Round(fx * (canvas.PixelWidth - 1));
            int py = (int)Math.Round((1 - fy) * (canvas.PixelHeight - 1));
            if (previousX is { } from)
            {
                // Hold the previous value until this sample, then move: a schedule changes at steps.
                canvas.Line(from, previousY, px, previousY, layer, dashed);
                canvas.Line(px, previousY, px, py, layer, dashed);
            }
            else
            {
                canvas.Set(px, py, layer);
            }

            previousX = px;
            previousY = py;
        }
    }

    private static void Place(StringBuilder line, string text, int at)
    {
        at = Math.Clamp(at, 0, Math.Max(0, line.Length - text.Length));
        for (int i = 0; i < text.Length && at + i < line.Length; i++)
        {
            line[at + i] = text[i];
        }
    }
}
