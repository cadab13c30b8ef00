namespace LrSchedules.RangeTest;

/// <summary>The few NumPy and PyTorch array operations the range-test origins use, with their exact semantics.</summary>
internal static class PythonArrays
{
    /// <summary>The range of Python's <c>x[start:-end]</c> (<c>x[start:]</c> when <paramref name="end"/> is 0) on a list of <paramref name="count"/> items.</summary>
    public static (int From, int Length) Slice(int count, int start, int end)
    {
        int from = Math.Min(start, count);
        int to = end == 0 ? count : Math.Max(count - end, 0);
        return (from, Math.Max(0, to - from));
    }

    /// <summary><c>numpy.argmin</c> / <c>torch.argmin</c>: the first NaN if there is one, otherwise the first smallest value.</summary>
    public static int ArgMin(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (float.IsNaN(values[i]))
            {
                return i;
            }

            if (values[i] < values[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <inheritdoc cref="ArgMin(ReadOnlySpan{float})"/>
    public static int ArgMin(ReadOnlySpan<double> values)
    {
        int best = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                return i;
            }

            if (values[i] < values[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// <c>numpy.gradient(f)</c> with unit spacing and <c>edge_order=1</c>, in single precision as NumPy computes it for a
    /// <c>float32</c> array: <c>(f[1] − f[0])</c>, <c>(f[i+1] − f[i−1]) / 2</c>, <c>(f[n−1] − f[n−2])</c>. Needs ≥ 2 values.
    /// </summary>
    public static float[] Gradient(ReadOnlySpan<float> f)
    {
        int n = f.Length;
        var result = new float[n];
        for (int i = 1; i < n - 1; i++)
        {
            result[i] = (f[i + 1] - f[i - 1]) / 2f;
        }

        result[0] = f[1] - f[0];
        result[n - 1] = f[n - 1] - f[n - 2];
        return result;
    }

    /// <summary><c>numpy.gradient(f)</c> for a <c>float64</c> array; see <see cref="Gradient(ReadOnlySpan{float})"/>.</summary>
    public static double[] Gradient(ReadOnlySpan<double> f)
    {
        int n = f.Length;
        var result = new double[n];
        for (int i = 1; i < n - 1; i++)
        {
            result[i] = (f[i + 1] - f[i - 1]) / 2.0;
        }

        result[0] = f[1] - f[0];
        result[n - 1] = f[n - 1] - f[n - 2];
        return result;
    }

    /// <summary><c>numpy.interp(x, xp, fp)</c> for increasing <paramref name="xp"/>: linear between the points, clamped to the end values outside them.</summary>
    public static double Interpolate(double x, ReadOnlySpan<double> xp, ReadOnlySpan<double> fp)
    {
        if (x <= xp[0])
        {
            return fp[0];
        }

        if (x >= xp[^1])
        {
            return fp[^1];
        }

        int j = 1;
        while (xp[j] < x)
        {
            j++;
        }

        double slope = (fp[j] - fp[j - 1]) / (xp[j] - xp[j - 1]);
        return (slope * (x - xp[j - 1])) + fp[j - 1];
    }
}
