namespace LrSchedules.Configuration;

/// <summary>What a schedule type of a description builds.</summary>
public enum ScheduleCategory
{
    /// <summary>An <see cref="ILearningRateSchedule"/>: a shape or a combinator.</summary>
    LearningRate = 0,
}
