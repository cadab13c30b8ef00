using System.Globalization;
using System.Runtime.CompilerServices;

namespace LrSchedules.Internal;

/// <summary>
/// Validation of the multi-part arguments of the piecewise shapes: matching counts, the <see cref="Interpolation"/>
/// enum, and optax's <c>boundaries_and_scales</c> dictionaries turned into boundaries and cumulative values.
/// Like <see cref="Preconditions"/>, every exception names the parameter, the bad value and what is valid.
/// </summary>
internal static class KnotArguments
{
    /// <summary>Requires <paramref name="actual"/> items where <paramref name="expected"/> are needed, naming both counts.</summary>
    public static void Count(int actual, int expected, string paramName, string why)
    {
        if (actual != expected)
        {
            throw new ArgumentException(
                $"{paramName} must hold {expected.ToString(CultureInfo.InvariantCulture)} values ({why}) but holds {actual.ToString(CultureInfo.InvariantCulture)}.",
                paramName);
        }
    }

    /// <summary>Requires the gaps between consecutive (finite, increasing) knots to be finite, so that progress is never ∞/∞.</summary>
    public static void FiniteGaps(double[] positions, string paramName)
    {
        for (int i = 1; i < positions.Length; i++)
        {
            if (!double.IsFinite(positions[i] - positions[i - 1]))
            {
                throw new ArgumentOutOfRangeException(
                    paramName,
                    positions[i],
                    $"{paramName}[{i}] - {paramName}[{i - 1}] must be a finite number but {Preconditions.Format(positions[i])} - {Preconditions.Format(positions[i - 1])} overflows.");
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
                throw new ArgumentOutOfRangeException(
                    paramName,
                    entry.Key,
                    $"{paramName} boundaries must be >= 0 (a boundary at 0 scales from step 0) but boundary {key} was given.");
            }

            if (!(entry.Value >= 0.0) || double.IsPositiveInfinity(entry.Value))
            {
                throw new ArgumentOutOfRangeException(
                    paramName,
                    entry.Value,
                    $"{paramName}[{key}] (the scale at boundary {key}) must be a finite number >= 0 but was {Preconditions.Format(entry.Value)}.");
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
                throw new ArgumentException(
                    $"{paramName} must not repeat a boundary (optax takes a dict) but boundary {boundaries[i].ToString(CultureInfo.InvariantCulture)} appears more than once.",
                    paramName);
            }

            values[i + 1] = values[i] * entries[i].Value;
            if (!double.IsFinite(values[i + 1]))
            {
                throw new ArgumentOutOfRangeException(
                    paramName,
                    entries[i].Value,
                    $"{paramName} scales must keep the learning rate finite but initialLearningRate times the scales up to boundary {boundaries[i].ToString(CultureInfo.InvariantCulture)} overflows.");
            }
        }

        return (boundaries, values);
    }
}
