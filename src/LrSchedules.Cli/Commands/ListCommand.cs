using System.CommandLine;

namespace LrSchedules.Cli.Commands;

/// <summary><c>lrs list</c>: the types a schedule file can name, with their parameters, grouped by kind.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "Lists the schedule types and their parameters.");
        command.SetAction(result => Run(result.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(TextWriter output)
    {
        foreach (IGrouping<string, TypeEntry> group in Loaded.Types.GroupBy(t => t.Kind).OrderBy(g => Loaded.KindOrder(g.Key)))
        {
            output.WriteLine($"== {group.Key} types");
            foreach (TypeEntry type in group)
            {
                output.WriteLine();
                output.WriteLine($"{type.Name} — {type.Summary}");
                int width = type.Parameters.Select(p => p.Name.Length).DefaultIfEmpty(0).Max();
                foreach (ParameterEntry parameter in type.Parameters)
                {
                    string presence = parameter.IsRequired ? "required" : parameter.DefaultValue is { } value ? $"default {value}" : "optional";
                    string requirement = parameter.Requirement is { } r ? $"; {r}" : string.Empty;
                    output.WriteLine($"  {parameter.Name.PadRight(width)}  {parameter.ValueType} ({presence}{requirement})");
                }
            }

            output.WriteLine();
        }

        return ExitCodes.Success;
    }
}
