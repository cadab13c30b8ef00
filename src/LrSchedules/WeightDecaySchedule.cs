namespace LrSchedules;

/// <summary>
/// A weight-decay schedule (the decoupled decay of AdamW or the L2 coefficient of SGD): every value finite and ≥ 0.
/// Built by <see cref="ScheduleExtensions.AsWeightDecay"/>; see <see cref="ScalarSchedule"/> for the contract.
/// </summary>
public sealed class WeightDecaySchedule : ScalarSchedule
{
    internal WeightDecaySchedule(ILearningRateSchedule schedule)
        : base(schedule, belowOne: false)
    {
    }
}
