using System.Diagnostics.CodeAnalysis;

namespace LrSchedules.Cli;

/// <summary>Reading the files named on the command line; a missing file is a usage error (exit code 2).</summary>
internal static class Files
{
    public static bool TryRead(string file, TextWriter error, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (!File.Exists(file))
        {
            error.WriteLine($"lrs: file not found: {file}");
            return false;
        }

        text = File.ReadAllText(file);
        return true;
    }

    /// <summary>Creates the directory a file goes in, when it has one.</summary>
    public static void CreateDirectoryFor(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }
    }
}

/// <summary>Writing the problems of a schedule file.</summary>
internal static class Problems
{
    /// <summary>"1 problem" or "N problems".</summary>
    public static string Count(IReadOnlyList<string> problems) =>
        $"{problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}";

    /// <summary>Writes a header line, then every problem indented on a line of its own.</summary>
    public static void Write(TextWriter writer, string header, IReadOnlyList<string> problems)
    {
        writer.WriteLine(header);
        foreach (string problem in problems)
        {
            writer.WriteLine($"  {problem}");
        }
    }
}
