using System.Globalization;
using LrSchedules.Batching;

namespace LrSchedules.Cli;

/// <summary>
/// <c>lrs noise-scale NORMS.csv [--beta B]</c>: the gradient noise scale of a logged run, measurement by measurement
/// (<see cref="GradientNoiseScale"/>).
/// </summary>
/// <remarks>
/// <para>Input: a header line <c>b_small,sq_norm_small,b_big,sq_norm_big</c>, then one row per measurement (blank lines
/// are ignored and not counted). Output: the header <c>step,gradient_sq_norm,trace_sigma,b_simple</c>, then for each
/// measurement taken the row's zero-based index and the smoothed values after that row, doubles in round-trip invariant
/// form, +∞ as <c>Infinity</c>.</para>
/// <para>A row with a NaN, infinite or negative norm, with <c>b_big &lt;= b_small</c>, with a batch size &lt; 1, or that
/// cannot be read is skipped with a message on standard error naming the row (and its line), and is not a measurement.
/// Exit codes: 0 done (rows may have been skipped), 1 the header is missing or wrong, 2 usage.</para>
/// </remarks>
internal static class NoiseScaleReport
{
    /// <summary>The exit codes every lrs command uses (declared here so this file does not depend on the parser around it).</summary>
    public const int Success = 0;

    /// <inheritdoc cref="Success"/>
    public const int Invalid = 1;

    /// <inheritdoc cref="Success"/>
    public const int Usage = 2;

    public const string InputHeader = "b_small,sq_norm_small,b_big,sq_norm_big";
    public const string OutputHeader = "step,gradient_sq_norm,trace_sigma,b_simple";

    /// <summary>Reads the measurements from <paramref name="input"/> and writes the estimates to <paramref name="output"/>.</summary>
    /// <param name="input">The CSV of measurements.</param>
    /// <param name="output">Where the CSV of estimates goes.</param>
    /// <param name="error">Where skipped rows and problems are reported.</param>
    /// <param name="beta">The smoothing of the averages, in [0, 1).</param>
    /// <returns>The exit code.</returns>
    public static int Run(TextReader input, TextWriter output, TextWriter error, double beta)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!(beta >= 0.0 && beta < 1.0))
        {
            error.WriteLine($"lrs noise-scale: --beta must be a number in [0, 1) but was {Format(beta)}.");
            return Usage;
        }

        string? header = input.ReadLine();
        if (header is null || !string.Equals(header.Trim(), InputHeader, StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine($"lrs noise-scale: line 1 must be the header '{InputHeader}' but was '{header ?? "(end of input)"}'.");
            return Invalid;
        }

        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale(beta);
        output.WriteLine(OutputHeader);
        long row = -1;
        long line = 1;
        while (input.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            row++;
            string? problem = Read(text, out long smallBatch, out double smallNorm, out long bigBatch, out double bigNorm);
            if (problem is null && !estimator.Update(smallBatch, smallNorm, bigBatch, bigNorm))
            {
                problem = "the estimates overflow a double";
            }

            if (problem is not null)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lrs noise-scale: row {row} (line {line}) skipped: {problem}."));
                continue;
            }

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{row},{Format(estimator.GradientSquaredNorm)},{Format(estimator.CovarianceTrace)},{Format(estimator.NoiseScale)}"));
        }

        return Success;
    }

    /// <summary>Parses one row; returns what is wrong with it, or null.</summary>
    private static string? Read(string text, out long smallBatch, out double smallNorm, out long bigBatch, out double bigNorm)
    {
        smallBatch = bigBatch = 0;
        smallNorm = bigNorm = 0.0;
        string[] fields = text.Split(',');
        if (fields.Length != 4)
        {
            return $"expected 4 comma-separated fields ({InputHeader}) but found {fields.Length}";
        }

        return BatchSize(fields[0], "b_small", out smallBatch)
            ?? Norm(fields[1], "sq_norm_small", out smallNorm)
            ?? BatchSize(fields[2], "b_big", out bigBatch)
            ?? Norm(fields[3], "sq_norm_big", out bigNorm)
            ?? (bigBatch <= smallBatch
                ? string.Create(CultureInfo.InvariantCulture, $"b_big must be > b_small but {bigBatch} <= {smallBatch}")
                : null);
    }

    private static string? BatchSize(string field, string name, out long value) =>
        long.TryParse(field.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= 1
            ? null
            : $"{name} must be a whole number >= 1 but was '{field.Trim()}'";

    private static string? Norm(string field, string name, out double value)
    {
        if (!double.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return $"{name} must be a number but was '{field.Trim()}'";
        }

        return double.IsFinite(value) && value >= 0.0
            ? null
            : $"{name} must be a finite squared norm >= 0 but was {Format(value)}";
    }

    private static string Format(double value) => value switch
    {
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
