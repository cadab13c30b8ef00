using System.Globalization;
using System.Runtime.CompilerServices;

namespace LrSchedules.Internal;

/// <summary>
/// Validation of the multi-part arguments of the piecewise shapes: finite gaps between knots, and optax's <c>boundaries_and_scales</c> dictionaries turned into boundaries and cumulative values.
/// Like <see cref="Preconditions"/>, every exception names the parameter, the bad value and what is valid.
/// </summary>
internal static class KnotArguments
{
    /// <summary>Requires the gaps between consecutive (finite, increasing) knots to be finite, so that progress is never ∞/∞.</summary>
    public static void FiniteGaps(double[] positions, string paramName)
    {
        for (int i = 1; i < positions.Length; i++)
        {
            if (!double.IsFinite(positions[i] - positions[i - 1]))
            {
                throw Preconditions.OutOfRange(
                    paramName,
                    positions[i],
                    $"close enough to {paramName}[{i - 1}] = {Preconditions.Format(positions[i - 1])} that their difference is finite",
                    i);
            }
        }
    }

    /// <summary>
    /// Reads optax's <c>boundaries_and_scales</c>: sorts it by boundary (optax iterates <c>sorted(…items())</c>), requires
    /// boundaries ≥ 0 and distinct, scales finite and ≥ 0, and returns the boundaries with the cumulative values
    /// <c>values[0] = initial</c>, <c>values[i] = values[i − 1] · scale[i − 1]</c> (left to right, as <c>jnp.cumprod</c>).
    /// </summary>
    public static (long[] Boundaries, double[] Values) CumulativeScales(double initialLearningRate, IEnumerable<KeyValuePair<long, double>> boundariesAndScales, [CallerArgumentExpression(nameof(boundariesAndScales))] string? paramName = null)
    {
        KeyValuePair<long, double>[] entries = Preconditions.NotNull(boundariesAndScales, paramName).ToArray();
        foreach (KeyValuePair<long, double> entry in entries)
        {
            string key = entry.Key.ToString(CultureInfo.InvariantCulture);
            if (entry.Key < 0)
            {
                throw Preconditions.OutOfRange(paramName, entry.Key, "a boundary >= 0 (a boundary at 0 scales from step 0)");
            }

            if (!(entry.Value >= 0.0) || double.IsPositiveInfinity(entry.Value))
            {
                throw Preconditions.OutOfRange(paramName, entry.Value, $"a finite scale >= 0 (the scale at boundary {key})");
            }
        }

        // Stable sort; a repeated boundary is rejected below, because a Python dict cannot hold one.
        entries = [.. entries.OrderBy(entry => entry.Key)];
        long[] boundaries = new long[entries.Length];
        double[] values = new double[entries.Length + 1];
        values[0] = initialLearningRate;
        for (int i = 0; i < entries.Length; i++)
        {
            boundaries[i] = entries[i].Key;
            if (i > 0 && boundaries[i] == boundaries[i - 1])
            {
                throw Preconditions.OutOfRange(paramName, boundaries[i], "a boundary that appears once (optax takes a dict)");
            }

            values[i + 1] = values[i] * entries[i].Value;
            if (!double.IsFinite(values[i + 1]))
            {
                throw Preconditions.OutOfRange(
                    paramName,
                    entries[i].Value,
                    $"a scale that keeps the learning rate finite (initialLearningRate times the scales up to boundary {boundaries[i].ToString(CultureInfo.InvariantCulture)} overflows)");
            }
        }

        return (boundaries, values);
    }
}
