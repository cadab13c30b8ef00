namespace LrSchedules;

/// <summary>
/// A momentum schedule (SGD's momentum, RMSprop's momentum, or β1 of an Adam-like optimizer): every value in [0, 1).
/// Built by <see cref="ScheduleExtensions.AsMomentum"/>; see <see cref="ScalarSchedule"/> for the contract.
/// </summary>
public sealed class MomentumSchedule : ScalarSchedule
{
    internal MomentumSchedule(ILearningRateSchedule schedule)
        : base(schedule, belowOne: true)
    {
    }
}
