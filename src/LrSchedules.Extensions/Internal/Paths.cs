using System.Globalization;

namespace LrSchedules.Configuration.Internal;

/// <summary>Configuration paths, <c>Training:Schedule:Schedules:1:TotalSteps</c>, as <c>IConfiguration</c> writes them.</summary>
internal static class Paths
{
    public static string Child(string path, string key) => path.Length == 0 ? key : path + ":" + key;

    public static string Index(string path, int index) => Child(path, index.ToString(CultureInfo.InvariantCulture));

    /// <summary>How a node is named at the start of a message: its path, or "The description" at the root.</summary>
    public static string Subject(string path) => path.Length == 0 ? "The description" : path;

    /// <summary>A value in a message, invariantly and round-trippably: <c>0.1</c>, <c>'text'</c>, <c>null</c>.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => $"'{text}'",
        // Stryker disable once String : since .NET Core 3.0 a double's default format is its shortest round-trip text, the same as "R"
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary><c> (did you mean 'X'?)</c> when one of <paramref name="candidates"/> is close to <paramref name="name"/>; empty otherwise.</summary>
    /// <remarks>Closest by the optimal-string-alignment (Damerau–Levenshtein) distance, ignoring case, within a third of the name's length (at least 2); a candidate that contains the name, or is contained in it, counts as 1.</remarks>
    public static string DidYouMean(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            string a = name.ToUpperInvariant();
            string b = candidate.ToUpperInvariant();

            // A name inside the other (LinearWarmup in WithLinearWarmup) is the likeliest meaning.
            int distance = a.Length > 2 && (b.Contains(a, StringComparison.Ordinal) || a.Contains(b, StringComparison.Ordinal)) ? 1 : Distance(a, b);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance > 0 && bestDistance <= Math.Max(2, name.Length / 3) ? $" (did you mean '{best}'?)" : string.Empty;
    }

    /// <summary>The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
