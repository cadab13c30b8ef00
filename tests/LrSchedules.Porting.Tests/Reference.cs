using System.Globalization;

namespace LrSchedules.Porting.Tests;

/// <summary>
/// The values of data/reference.txt, printed by data/reference.py: Megatron-LM's and OLMo-core's arithmetic transcribed
/// verbatim into python3 (no golden recording exists for them). Each line is <c>case step value [value]</c>.
/// </summary>
public static class Reference
{
    private static readonly Lazy<string[][]> Lines = new(() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "reference.txt"))
            .Select(line => line.Split(' '))
            .ToArray());

    /// <summary>The (step, values...) rows of a case.</summary>
    public static IReadOnlyList<(long Step, double[] Values)> Case(string name)
    {
        var rows = Lines.Value
            .Where(parts => parts[0] == name)
            .Select(parts => (long.Parse(parts[1], CultureInfo.InvariantCulture), parts[2..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()))
            .ToList();
        rows.Should().NotBeEmpty($"data/reference.txt has rows for {name}");
        return rows;
    }
}
