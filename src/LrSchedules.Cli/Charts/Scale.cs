using System.Globalization;

namespace LrSchedules.Cli.Charts;

/// <summary>
/// A linear or logarithmic map from data values to [0, 1], with round tick values (1, 2 or 5 × 10^k, or whole decades).
/// </summary>
internal sealed class Scale
{
    private readonly double _low;
    private readonly double _high;

    private Scale(double low, double high, bool log)
    {
        _low = low;
        _high = high;
        IsLog = log;
    }

    public bool IsLog { get; }

    /// <summary>The smallest value shown.</summary>
    public double Minimum => IsLog ? Math.Pow(10, _low) : _low;

    /// <summary>The largest value shown.</summary>
    public double Maximum => IsLog ? Math.Pow(10, _high) : _high;

    /// <summary>
    /// A scale that covers the finite values (the positive ones when <paramref name="log"/>), padded by
    /// <paramref name="padding"/> of the range; null when no value can be drawn.
    /// </summary>
    public static Scale? Covering(IEnumerable<double> values, bool log, double padding)
    {
        double low = double.PositiveInfinity;
        double high = double.NegativeInfinity;
        foreach (double value in values)
        {
            if (!double.IsFinite(value) || (log && value <= 0))
            {
                continue;
            }

            double v = log ? Math.Log10(value) : value;
            low = Math.Min(low, v);
            high = Math.Max(high, v);
        }

        if (low > high)
        {
            return null;
        }

        if (high - low < 1e-12 * Math.Max(1, Math.Abs(high)))
        {
            double half = log ? 0.5 : Math.Abs(high) > 0 ? Math.Abs(high) * 0.1 : 1;
            low -= half;
            high += half;
        }

        double pad = (high - low) * padding;
        return new Scale(low - pad, high + pad, log);
    }

    /// <summary>Where <paramref name="value"/> falls, 0 at the minimum and 1 at the maximum; NaN when it cannot be drawn.</summary>
    public double Fraction(double value)
    {
        if (!double.IsFinite(value) || (IsLog && value <= 0))
        {
            return double.NaN;
        }

        double v = IsLog ? Math.Log10(value) : value;
        return (v - _low) / (_high - _low);
    }

    /// <summary>The value at <paramref name="fraction"/> of the scale (0 the minimum, 1 the maximum).</summary>
    public double ValueAt(double fraction)
    {
        double v = _low + (fraction * (_high - _low));
        return IsLog ? Math.Pow(10, v) : v;
    }

    /// <summary>Round values inside the scale, about <paramref name="count"/> of them.</summary>
    public IReadOnlyList<double> Ticks(int count)
    {
        if (IsLog && _high - _low >= 1)
        {
            var decades = new List<double>();
            int stride = Math.Max(1, (int)Math.Ceiling((_high - _low) / count));
            for (int k = (int)Math.Ceiling(_low); k <= Math.Floor(_high); k += stride)
            {
                decades.Add(Math.Pow(10, k));
            }

            return decades;
        }

        double low = Minimum;
        double high = Maximum;
        double raw = (high - low) / Math.Max(1, count);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = (raw / magnitude) switch
        {
            <= 1 => magnitude,
            <= 2 => 2 * magnitude,
            <= 5 => 5 * magnitude,
            _ => 10 * magnitude,
        };
        var ticks = new List<double>();
        for (double tick = Math.Ceiling(low / step) * step; tick <= high + (step * 1e-9); tick += step)
        {
            ticks.Add(Math.Abs(tick) < step * 1e-9 ? 0 : tick);
        }

        return ticks;
    }

    /// <summary>A short label for a value: up to four significant digits, exponent form for very large or small.</summary>
    public static string Label(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        double magnitude = Math.Abs(value);
        return magnitude switch
        {
            >= 1e-4 and < 1e4 => value.ToString("G4", CultureInfo.InvariantCulture),
            >= 1e4 and < 1e8 => value.ToString("0", CultureInfo.InvariantCulture),
            _ => value.ToString("0.###e0", CultureInfo.InvariantCulture),
        };
    }
}
