namespace LrSchedules.Configuration.Internal;

/// <summary>Merges the problems of reading a description with those of building what was read.</summary>
internal static class Problems
{
    /// <summary>
    /// Appends <paramref name="built"/> to <paramref name="read"/>, leaving out what only repeats a problem of reading: a
    /// problem at a path whose value could not be read, and a missing value that was there but could not be read (in
    /// whole or in part): "TotalSteps must be an integer but was 'ten'" is the problem, not "TotalSteps is required".
    /// </summary>
    public static List<ScheduleProblem> Merge(IReadOnlyList<ScheduleProblem> read, IEnumerable<ScheduleProblem> built)
    {
        var merged = new List<ScheduleProblem>(read);
        foreach (ScheduleProblem problem in built)
        {
            if (!read.Any(r => Repeats(problem, r)))
            {
                merged.Add(problem);
            }
        }

        return merged;
    }

    private static bool Repeats(ScheduleProblem built, ScheduleProblem read) =>
        string.Equals(built.Path, read.Path, StringComparison.OrdinalIgnoreCase)
        || (built.IsMissing && (read.Path.Length == 0 || read.Path.StartsWith(built.Path + ":", StringComparison.OrdinalIgnoreCase)));
}
