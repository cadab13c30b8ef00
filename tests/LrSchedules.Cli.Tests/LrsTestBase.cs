using System.Globalization;

namespace LrSchedules.Cli.Tests;

/// <summary>Runs lrs in-process with string writers, in a temporary directory of its own.</summary>
public abstract class LrsTestBase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lrs-tests-").FullName;

    protected string TempDirectory => _directory;

    protected static string Configs => Path.Combine(RepositoryRoot(), "samples", "configs");

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int exitCode = Lrs.Run(args, output, error);
        return (exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    protected string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    protected static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LrSchedules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"LrSchedules.sln not found above {AppContext.BaseDirectory}.");
    }
}
