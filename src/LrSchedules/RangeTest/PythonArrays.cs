namespace LrSchedules.RangeTest;

/// <summary>The few NumPy and PyTorch array operations the range-test origins use, with their exact semantics.</summary>
internal static class PythonArrays
{
    /// <summary>The range of Python's <c>x[start:-end]</c> (<c>x[start:]</c> when <paramref name="end"/> is 0) on a list of <paramref name="count"/> items.</summary>
    public static (int From, int Length) Slice(int count, int start, int end)
    {
        // Python's x[start:-0] would be empty: callers pass 0 for "no end cut" (torch-lr-finder's skip_end == 0 branch takes
        // lrs[skip_start:]), and count − 0 is that end, so no special case is needed.
        int from = Math.Min(start, count);
        int to = Math.Max(count - end, 0);
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

    /// <summary>
    /// <c>numpy.interp(x, xp, fp)</c> for increasing <paramref name="xp"/>, as NumPy's <c>arr_interp</c>
    /// (<c>numpy/_core/src/multiarray/compiled_base.c</c>) computes it: <c>fp[0]</c> below <c>xp[0]</c>, <c>fp[−1]</c> from
    /// <c>xp[−1]</c> on, <c>fp[j]</c> when <c>x</c> is exactly <c>xp[j]</c>, otherwise <c>slope · (x − xp[j]) + fp[j]</c>
    /// with <c>slope = (fp[j+1] − fp[j]) / (xp[j+1] − xp[j])</c> on the interval <c>xp[j] ≤ x &lt; xp[j+1]</c>.
    /// NumPy's retry when that gives NaN (two equal infinite <c>fp</c>) is left out: the one caller, fastai's
    /// <c>slide</c>, never holds two infinite losses (the point after an infinite smoothed loss is NaN and cut).
    /// </summary>
    public static double Interpolate(double x, ReadOnlySpan<double> xp, ReadOnlySpan<double> fp)
    {
        if (x < xp[0])
        {
            return fp[0];
        }

        if (x >= xp[^1])
        {
            return fp[^1];
        }

        int j = 0;
        while (xp[j + 1] <= x)
        {
            j++;
        }

        if (xp[j] == x)
        {
            return fp[j];
        }

        double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
        return (slope * (x - xp[j])) + fp[j];
    }
}
