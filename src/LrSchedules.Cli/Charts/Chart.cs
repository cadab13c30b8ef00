namespace LrSchedules.Cli.Charts;

/// <summary>One line of a chart: points in data units, drawn against the left or the right y axis.</summary>
internal sealed record Series(string Name, double[] X, double[] Y, bool RightAxis = false);

/// <summary>What a chart shows, independent of where it is drawn (SVG file or terminal).</summary>
internal sealed record Chart(string Title, string XLabel, IReadOnlyList<Series> Series, bool LogY)
{
    /// <summary>The title of the left y axis: the name of its series when they share one name or are one.</summary>
    public string LeftLabel => AxisLabel(rightAxis: false);

    /// <summary>The title of the right y axis; empty when nothing is drawn against it.</summary>
    public string RightLabel => AxisLabel(rightAxis: true);

    public bool HasRightAxis => Series.Any(s => s.RightAxis);

    private string AxisLabel(bool rightAxis) =>
        string.Join(", ", Series.Where(s => s.RightAxis == rightAxis).Select(s => s.Name).Distinct());
}

/// <summary>Which steps a chart samples, and the series a schedule file gives on them.</summary>
internal static class Sampling
{
    /// <summary>The most points drawn per series in an image; longer runs are sampled evenly (plus the last step).</summary>
    public const int MostPoints = 4_000;

    /// <summary>The steps to draw: 0, <paramref name="every"/>, 2·every, ... below <paramref name="steps"/>, and the last step.</summary>
    public static long[] Steps(long steps, long? every, int mostPoints)
    {
        long stride = every ?? Math.Max(1, (steps + mostPoints - 1) / mostPoints);
        var result = new List<long>();
        for (long step = 0; step < steps; step += stride)
        {
            result.Add(step);
            if (step > long.MaxValue - stride)
            {
                break;
            }
        }

        if (result[^1] != steps - 1)
        {
            result.Add(steps - 1);
        }

        return [.. result];
    }

    /// <summary>The learning rate and, for a training plan, the batch size (on the right axis) at each step.</summary>
    public static IReadOnlyList<Series> Of(Loaded loaded, long[] steps, XAxis axis, string? name = null)
    {
        double[] xs = [.. steps.Select(step => axis.At(loaded.Plan, step))];
        var series = new List<Series>();
        if (loaded.LearningRate is { } rate)
        {
            series.Add(new Series(name ?? "learning rate", xs, [.. steps.Select(step => rate(step))]));
        }

        if (loaded.Plan is { } plan)
        {
            series.Add(new Series(name is null ? "batch size" : $"{name} batch size", xs, [.. steps.Select(step => (double)plan.GetBatchSize(step))], RightAxis: loaded.LearningRate is not null));
        }

        return series;
    }

    /// <summary>
    /// How many steps show the whole schedule when the user gives no <c>--steps</c>: up to where the learning rate comes
    /// within <see cref="SettledTolerance"/> of its largest value of where it ends (an exponential decay only reaches
    /// its end by underflow) and the batch size stops changing, plus a tenth to show where it settles, at least 100.
    /// Found by probing powers of two up to 2^40, then bisecting; null when the schedule still changes at 2^40.
    /// </summary>
    public static long? SettledLength(Loaded loaded)
    {
        const int LastPower = 40;
        double Rate(long step) => loaded.LearningRate?.Invoke(step) ?? 0;
        long Batch(long step) => loaded.Plan?.GetBatchSize(step) ?? 0;
        long end = 1L << LastPower;
        double finalRate = Rate(end);
        long finalBatch = Batch(end);
        double largest = Math.Abs(Rate(0));
        for (int power = 0; power <= LastPower; power++)
        {
            largest = Math.Max(largest, Math.Abs(Rate(1L << power)));
        }

        double tolerance = SettledTolerance * largest;
        bool Settled(long step) => Math.Abs(Rate(step) - finalRate) <= tolerance && Batch(step) == finalBatch;

        int first = LastPower;
        while (first > 0 && Settled(1L << (first - 1)))
        {
            first--;
        }

        if (first >= LastPower - 1)
        {
            return null;
        }

        // Settled at 2^first, not at 2^(first-1) (or first is 0): bisect for the first settled step.
        long low = first == 0 ? -1 : 1L << (first - 1);
        long high = 1L << first;
        while (high - low > 1)
        {
            long middle = low + ((high - low) / 2);
            if (Settled(middle))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return Math.Max(100, high + Math.Max(1, high / 10));
    }

    /// <summary>How close to its final value, relative to its largest, a learning rate counts as settled.</summary>
    public const double SettledTolerance = 1e-3;
}
