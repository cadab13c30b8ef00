namespace LrSchedules;

/// <summary>
/// A schedule of Adam's β1 or β2 (the decay rates of the first and second moment): every value in [0, 1).
/// Built by <see cref="ScheduleExtensions.AsBeta"/>; see <see cref="ScalarSchedule"/> for the contract.
/// </summary>
public sealed class BetaSchedule : ScalarSchedule
{
    internal BetaSchedule(ILearningRateSchedule schedule)
        : base(schedule, belowOne: true)
    {
    }
}
