namespace LrSchedules.Configuration;

/// <summary>One problem of a schedule description: where it is and what is wrong. Immutable.</summary>
public sealed class ScheduleProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="path">The configuration path of the value, e.g. <c>Training:Schedule:Schedules:1:TotalSteps</c>; empty for the root.</param>
    /// <param name="message">The whole message, starting with the path, e.g. <c>Training:Schedule:Schedules:1:TotalSteps must be &gt; 0 but was 0.</c></param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ScheduleProblem(string path, string message)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(message);
        Path = path;
        Message = message;
    }

    /// <summary>The configuration path of the value (keys separated by <c>:</c>, list elements by their index); empty for the root.</summary>
    public string Path { get; }

    /// <summary>The message: the path, the value and what would be valid.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}
