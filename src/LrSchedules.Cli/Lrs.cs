using System.CommandLine;
using System.CommandLine.Invocation;
using LrSchedules.Cli.Commands;

namespace LrSchedules.Cli;

/// <summary>
/// <c>lrs</c>: print (<c>table</c>), draw (<c>plot</c>, <c>show</c>, <c>compare</c>), check (<c>validate</c>) schedule
/// files and <c>list</c> the types a file can name. The command line is System.CommandLine's: per-command help
/// (<c>lrs table --help</c>), "did you mean" for mistyped commands and options, completion through the
/// <c>[suggest]</c> directive (dotnet-suggest) and response files (<c>lrs @args.rsp</c>). Exit codes: see
/// <see cref="ExitCodes"/>.
/// </summary>
internal static class Lrs
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("""
            lrs — learning-rate and batch-size schedules described in JSON (LrSchedules.Extensions).
            A schedule file is one description: { "Type": "Cosine", "InitialLearningRate": 0.1, "TotalSteps": 1000 }; see lrs list.
            Exit codes: 0 success, 1 invalid schedule or JSON, 2 wrong usage or missing file.
            """)
        {
            // The name in usage lines, whatever the executable is called (lrs, dotnet lrs.dll, a test host).
            HelpName = "lrs",
        };
        foreach (Func<Command> create in CommandList.All)
        {
            root.Add(create());
        }

        return root;
    }

    /// <summary>Parses and runs one command line, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        RootCommand root = CreateRoot();
        ParseResult result = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            if (args.Length == 0)
            {
                // No command: the help, on the error stream, as a usage error.
                configuration.Output = error;
                root.Parse(["--help"]).Invoke(configuration);
                return ExitCodes.Usage;
            }

            if (result.Errors.Count > 0)
            {
                if (result.Action is ParseErrorAction parseError)
                {
                    parseError.ShowHelp = false;
                }

                // System.CommandLine prints each error and its typo corrections ("Did you mean one of the following?"),
                // the corrections to its output: all of it goes to the error stream here.
                configuration.Output = error;
                result.Invoke(configuration);
                error.WriteLine("Run 'lrs --help' or 'lrs <command> --help' for usage.");
                return ExitCodes.Usage;
            }

            return result.Invoke(configuration);
        }
        finally
        {
            output.Flush();
            error.Flush();
        }
    }
}
