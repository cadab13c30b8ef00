namespace LrSchedules.Cli;

/// <summary>
/// What a schedule file builds, reduced to what <c>lrs</c> prints: the learning rate (if any) and the training plan
/// (if any) whose batch size, epoch and samples go beside it.
/// </summary>
internal sealed class Loaded
{
    private Loaded(string type, string kind, Func<long, double>? learningRate, TrainingPlan? plan)
    {
        Type = type;
        Kind = kind;
        LearningRate = learningRate;
        Plan = plan;
    }

    /// <summary>The type named at the root of the file.</summary>
    public string Type { get; }

    /// <summary>What the file builds, in words: <c>learning-rate schedule</c>, <c>training plan</c>, ….</summary>
    public string Kind { get; }

    /// <summary>The learning rate at a step; null when the file describes only a plan, a batch-size schedule or a rule.</summary>
    public Func<long, double>? LearningRate { get; }

    /// <summary>The training plan the schedule runs on; null when it has none.</summary>
    public TrainingPlan? Plan { get; }

    public static Loaded From(object built, string type)
    {
        return built switch
        {
            ILearningRateSchedule schedule => new(type, "learning-rate schedule", schedule.GetLearningRate, FindPlan(schedule)),
            BatchGrowthPlan growth => new(type, "batch growth plan", growth.LearningRate.GetLearningRate, growth.Plan),
            TrainingPlan plan => new(type, "training plan", null, plan),
            DataParallelPlan parallel => new(type, "data-parallel plan", null, parallel.Plan),
            ReduceLearningRateOnPlateau plateau => new(type, "reduce-on-plateau schedule", plateau.GetLearningRate, FindPlan(plateau.Inner)),
            BatchSizeSchedule batch => new(type, "batch-size schedule", null, null),
            _ => new(type, "scaling rule", null, null),
        };
    }

    /// <summary>The first training plan in the schedule's tree, depth first.</summary>
    private static TrainingPlan? FindPlan(ILearningRateSchedule schedule) => schedule switch
    {
        TrainingClockSchedule s => s.Plan,
        BatchScaledSchedule s => s.Plan,
        WarmupSchedule s => FindPlan(s.Inner),
        ScaledSchedule s => FindPlan(s.Inner),
        ClampedSchedule s => FindPlan(s.Inner),
        DelayedSchedule s => FindPlan(s.Inner),
        EpochSchedule s => FindPlan(s.Inner),
        JoinedSchedule s => s.Schedules.Select(FindPlan).FirstOrDefault(p => p is not null),
        ProductSchedule s => s.Factors.Select(FindPlan).FirstOrDefault(p => p is not null),
        _ => null,
    };
}
