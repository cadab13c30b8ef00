using ScottPlot;

namespace LrSchedules.Cli;

/// <summary>Draws the learning rate of a schedule file and, for a training plan, its batch size on a second axis.</summary>
internal static class Plotter
{
    /// <summary>The most points drawn per series; longer runs are sampled evenly (plus the last step).</summary>
    public const int MostPoints = 4_000;

    public static void Save(Loaded loaded, string title, long steps, long? every, string path, int width, int height)
    {
        long stride = every ?? Math.Max(1, (steps + MostPoints - 1) / MostPoints);
        var xs = new List<double>();
        for (long step = 0; step < steps; step += stride)
        {
            xs.Add(step);
            if (step > long.MaxValue - stride)
            {
                break;
            }
        }

        if (xs[^1] != steps - 1)
        {
            xs.Add(steps - 1);
        }

        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        if (loaded.LearningRate is { } rate)
        {
            var line = plot.Add.Scatter(xs.ToArray(), xs.Select(x => rate((long)x)).ToArray());
            line.LegendText = "learning rate";
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.Color = palette.GetColor(0);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            plot.YLabel("learning rate");
        }

        if (loaded.Plan is { } plan)
        {
            var batch = plot.Add.Scatter(xs.ToArray(), xs.Select(x => (double)plan.GetBatchSize((long)x)).ToArray());
            batch.LegendText = "batch size";
            batch.MarkerSize = 0;
            batch.LineWidth = 2;
            batch.Color = palette.GetColor(1);
            batch.LinePattern = LinePattern.Dashed;
            batch.ConnectStyle = ConnectStyle.StepHorizontal;
            if (loaded.LearningRate is not null)
            {
                batch.Axes.YAxis = plot.Axes.Right;
                plot.Axes.Right.Label.Text = "batch size";
            }
            else
            {
                plot.YLabel("batch size");
            }
        }

        plot.Title($"{title} ({loaded.Type})");
        plot.XLabel("step");
        plot.Axes.Margins(horizontal: 0.01, vertical: 0.05);
        plot.ShowLegend(Alignment.UpperCenter);
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
}
