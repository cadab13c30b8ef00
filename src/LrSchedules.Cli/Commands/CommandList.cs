using System.CommandLine;

namespace LrSchedules.Cli.Commands;

/// <summary>
/// Every <c>lrs</c> command, in the order <c>lrs --help</c> shows them. Adding a command is one file in this folder
/// (a static <c>Create()</c> that returns its <see cref="Command"/>) and one line here.
/// </summary>
internal static class CommandList
{
    public static readonly Func<Command>[] All =
    [
        TableCommand.Create,
        PlotCommand.Create,
        ShowCommand.Create,
        CompareCommand.Create,
        ValidateCommand.Create,
        ListCommand.Create,
        NoiseScaleCommand.Create,
        SuggestCommand.Create,
    ];
}
