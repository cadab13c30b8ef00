namespace LrSchedules.Configuration.Internal;

/// <summary>Merges the problems of reading a description with those of building what was read.</summary>
internal static class Problems
{
    /// <summary>
    /// Appends <paramref name="built"/> to <paramref name="read"/>, leaving out a build problem at (or under) a path whose
    /// value could not be read: "TotalSteps must be an integer but was 'ten'" is the problem, not "TotalSteps is required".
    /// </summary>
    public static List<ScheduleProblem> Merge(IReadOnlyList<ScheduleProblem> read, IEnumerable<ScheduleProblem> built)
    {
        var merged = new List<ScheduleProblem>(read);
        foreach (ScheduleProblem problem in built)
        {
            if (!read.Any(r => r.Path.Length > 0 && (problem.Path == r.Path || problem.Path.StartsWith(r.Path + ":", StringComparison.OrdinalIgnoreCase))))
            {
                merged.Add(problem);
            }
        }

        return merged;
    }
}
