using System.CommandLine;

namespace LrSchedules.Cli.Commands;

/// <summary>Reading the schedule files a command names.</summary>
internal static class Inputs
{
    /// <summary>
    /// Loads every file that has a value per step (a learning rate or a training plan), or returns the exit code after
    /// saying what is wrong; <paramref name="verb"/> says what the command would have done ("print", "draw").
    /// </summary>
    public static int LoadAll(ParseResult result, IReadOnlyList<string> files, string verb, out List<(string File, Loaded Loaded)> schedules)
    {
        TextWriter error = result.InvocationConfiguration.Error;
        schedules = [];
        foreach (string file in files)
        {
            int status = Loaded.Read(file, error, out Loaded? loaded);
            if (loaded is null)
            {
                return status;
            }

            if (loaded.LearningRate is null && loaded.Plan is null)
            {
                error.WriteLine($"lrs: {file} describes a {loaded.Type} ({loaded.Kind}), which has no value per step to {verb}.");
                return ExitCodes.Invalid;
            }

            schedules.Add((file, loaded));
        }

        return ExitCodes.Success;
    }
}
