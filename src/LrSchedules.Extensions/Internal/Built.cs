namespace LrSchedules.Configuration.Internal;

/// <summary>The children of a description node, already built, handed to the factory call of the node.</summary>
internal sealed class Built
{
    private readonly Dictionary<Prop, object> _children = [];

    public ILearningRateSchedule? Schedule => Get<ILearningRateSchedule>(Props.Schedule);

    public IReadOnlyList<ILearningRateSchedule>? Schedules => Get<IReadOnlyList<ILearningRateSchedule>>(Props.Schedules);

    public TrainingPlan? Plan => Get<TrainingPlan>(Props.Plan);

    public BatchSizeSchedule? BatchSizeSchedule => Get<BatchSizeSchedule>(Props.BatchSizeSchedule);

    public BatchScalingRule? Rule => Get<BatchScalingRule>(Props.Rule);

    public void Set(Prop prop, object child) => _children[prop] = child;

    private T? Get<T>(Prop prop)
        where T : class => _children.TryGetValue(prop, out object? child) ? (T)child : null;
}
