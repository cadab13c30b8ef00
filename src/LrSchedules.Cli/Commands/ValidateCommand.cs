using System.CommandLine;

namespace LrSchedules.Cli.Commands;

/// <summary><c>lrs validate FILE</c>: every problem with its path (exit code 1), or what the file describes (0).</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        Argument<string> file = CommonOptions.File();
        var command = new Command("validate", "Prints every problem with its path; exit code 0 when valid, 1 when not.") { file };
        command.SetAction(result => Run(result, result.GetValue(file)!));
        return command;
    }

    private static int Run(ParseResult result, string file)
    {
        TextWriter output = result.InvocationConfiguration.Output;
        if (!Files.TryRead(file, result.InvocationConfiguration.Error, out string? json))
        {
            return ExitCodes.Usage;
        }

        IReadOnlyList<string> problems = Loaded.Check(json, out Loaded? loaded);
        if (loaded is null)
        {
            Problems.Write(output, $"{file}: {Problems.Count(problems)}", problems);
            return ExitCodes.Invalid;
        }

        output.WriteLine($"{file}: valid {loaded.Kind} ({loaded.Type})");
        return ExitCodes.Success;
    }
}
