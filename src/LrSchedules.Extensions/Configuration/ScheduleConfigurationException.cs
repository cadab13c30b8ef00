namespace LrSchedules.Configuration;

/// <summary>A schedule description is invalid: <see cref="Problems"/> holds every problem found, each with its path.</summary>
public sealed class ScheduleConfigurationException : Exception
{
    /// <summary>Creates the exception for one or more problems.</summary>
    /// <param name="problems">The problems; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public ScheduleConfigurationException(IEnumerable<ScheduleProblem> problems)
        : this(Copy(problems))
    {
    }

    private ScheduleConfigurationException(ScheduleProblem[] problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem of the description, in the order of the description.</summary>
    public IReadOnlyList<ScheduleProblem> Problems { get; }

    private static ScheduleProblem[] Copy(IEnumerable<ScheduleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ScheduleProblem[] copy = [.. problems];
        if (copy.Length == 0)
        {
            throw new ArgumentException("problems must contain at least one problem but was empty.", nameof(problems));
        }

        return copy;
    }

    private static string Format(ScheduleProblem[] problems) =>
        problems.Length == 1
            ? "The schedule description is invalid: " + problems[0].Message
            : $"The schedule description has {problems.Length} problems:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems.Select(p => p.Message));
}
