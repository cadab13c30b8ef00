using System.Globalization;

namespace LrSchedules.Tests.Randomness;

/// <summary>
/// The seed of every randomized test: a fixed default, so that every run (and CI) draws the same cases and a failure
/// can be replayed, which the environment variable <see cref="Variable"/> overrides to explore other cases.
/// </summary>
/// <remarks>
/// <para><c>LRSCHEDULES_SEED</c> takes a number (a hand-rolled loop adds it to its own default; FsCheck uses it as its
/// seed) or FsCheck's replay pair <c>seed,gamma</c> as a failing property prints it. A failure prints the seed it ran
/// with: FsCheck's message gives the replay pair, the original and the shrunk case; a hand-rolled loop puts
/// <see cref="Describe"/> in its assertion message.</para>
/// </remarks>
public static class TestSeed
{
    /// <summary>The environment variable that overrides the default seed.</summary>
    public const string Variable = "LRSCHEDULES_SEED";

    /// <summary>FsCheck's default replay when <see cref="Variable"/> is not set: seed and (odd) gamma of its generator.</summary>
    public const string DefaultReplay = "20261201,1442695040888963407";

    /// <summary>Gets the override, or <see langword="null"/> when <see cref="Variable"/> is not set (the fixed defaults apply).</summary>
    public static string? Override
    {
        get
        {
            string? value = Environment.GetEnvironmentVariable(Variable);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim().Trim('(', ')');
        }
    }

    /// <summary>Gets FsCheck's replay pair <c>seed,gamma</c>: <see cref="Variable"/> (a bare seed gets the default gamma), else <see cref="DefaultReplay"/>.</summary>
    public static string Replay =>
        Override is { } value
            ? value.Contains(',', StringComparison.Ordinal) ? value : $"{ParseSeed(value)},{DefaultReplay.Split(',')[1]}"
            : DefaultReplay;

    /// <summary>The seed of a hand-rolled loop: <paramref name="defaultSeed"/>, or it plus the override's seed when <see cref="Variable"/> is set.</summary>
    public static int Or(int defaultSeed) =>
        Override is { } value ? unchecked(defaultSeed + (int)ParseSeed(value.Split(',')[0])) : defaultSeed;

    /// <summary>What an assertion message says about the seed, so that a failure can be replayed.</summary>
    public static string Describe(int seed) =>
        $"seed {seed.ToString(CultureInfo.InvariantCulture)} ({Variable}={Override ?? "unset"})";

    private static ulong ParseSeed(string value) =>
        ulong.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong seed)
            ? seed
            : throw new FormatException($"{Variable} must be a number or FsCheck's replay pair 'seed,gamma' but was '{value}'.");
}
