using LrSchedules.Internal;

namespace LrSchedules.Combinators;

/// <summary>Helpers shared by the combinators for the children they hold.</summary>
internal static class Children
{
    /// <summary>The schedule as the user gave it: unwraps the adapter of a user implementation.</summary>
    public static ILearningRateSchedule Original(LearningRateSchedule child) =>
        child is StepwiseSchedule stepwise ? stepwise.Inner : child;

    /// <summary>The schedules as the user gave them, for a factory call record.</summary>
    public static ILearningRateSchedule[] Originals(LearningRateSchedule[] children) =>
        Array.ConvertAll(children, Original);

    /// <summary>Copies <paramref name="schedules"/>, rejecting a null sequence, an empty one and null elements.</summary>
    public static LearningRateSchedule[] FromMany(IEnumerable<ILearningRateSchedule> schedules, string paramName)
    {
        Preconditions.NotNull(schedules, paramName);
        var copy = new List<LearningRateSchedule>();
        foreach (ILearningRateSchedule schedule in schedules)
        {
            if (schedule is null)
            {
                throw new ArgumentNullException(paramName, $"{paramName}[{copy.Count}] is null; every schedule must be non-null.");
            }

            copy.Add(LearningRateSchedule.From(schedule, paramName));
        }

        if (copy.Count == 0)
        {
            throw Preconditions.OutOfRange(paramName, copy.Count, "at least one schedule (the count is shown)");
        }

        return [.. copy];
    }
}
