namespace LrSchedules.Configuration.Internal;

/// <summary>The children of a description node, already built, handed to the factory call of the node.</summary>
internal sealed class Built
{
    public ILearningRateSchedule? Schedule { get; init; }

    public IReadOnlyList<ILearningRateSchedule>? Schedules { get; init; }
}
