namespace LrSchedules.Cli;

/// <summary>The exit codes of <c>lrs</c>, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The file is not a valid schedule (or not JSON), or it has nothing the command can print.</summary>
    public const int Invalid = 1;

    /// <summary>Wrong usage: an unknown command or option, a bad option value, a missing file.</summary>
    public const int Usage = 2;
}
