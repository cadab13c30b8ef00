using System.Text.Json;

namespace LrSchedules.Tests.Conformance;

/// <summary>One recorded case: a schedule configured in a reference library and the learning rate it produced at every step.</summary>
public sealed record GoldenCase(
    string Id,
    string Source,
    string Api,
    JsonElement Parameters,
    double? BaseLearningRate,
    int Steps,
    double[] LearningRates,
    double[]? Metrics);

/// <summary>
/// Reads the conformance file: <c>../shared/conformance/golden_public.json</c> beside the repository, or the file named
/// by the environment variable <c>LRSCHEDULES_GOLDEN</c>. The file is read where it lies, never copied into the repo.
/// </summary>
public static class GoldenFile
{
    public const string EnvironmentVariable = "LRSCHEDULES_GOLDEN";

    private static readonly Lazy<IReadOnlyList<GoldenCase>> LazyCases = new(Load);

    public static IReadOnlyList<GoldenCase> Cases => LazyCases.Value;

    public static string Path
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return System.IO.Path.GetFullPath(fromEnvironment);
            }

            return System.IO.Path.Combine(RepositoryRoot(), "..", "shared", "conformance", "golden_public.json");
        }
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "LrSchedules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"LrSchedules.sln not found above {AppContext.BaseDirectory}.");
    }

    private static IReadOnlyList<GoldenCase> Load()
    {
        string path = Path;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Conformance file not found at {path}. Clone the repository next to shared/, or set {EnvironmentVariable}.",
                path);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<GoldenCase>();
        foreach (JsonElement item in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            cases.Add(new GoldenCase(
                item.GetProperty("id").GetString()!,
                item.GetProperty("source").GetString()!,
                item.GetProperty("api").GetString()!,
                item.GetProperty("params").Clone(),
                item.TryGetProperty("base_lr", out JsonElement baseLr) && baseLr.ValueKind == JsonValueKind.Number ? baseLr.GetDouble() : null,
                item.GetProperty("steps").GetInt32(),
                item.GetProperty("lr").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
                item.TryGetProperty("metrics", out JsonElement metrics) && metrics.ValueKind == JsonValueKind.Array
                    ? metrics.EnumerateArray().Select(v => v.GetDouble()).ToArray()
                    : null));
        }

        return cases;
    }
}
