using LrSchedules.Batching;
using LrSchedules.Configuration;
using LrSchedules.Plateau;

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

    /// <summary>What a file builds, with the first training plan its description names, depth first.</summary>
    public static Loaded From(ScheduleLoadResult result)
    {
        object built = result.Built!;
        string type = result.Description!.Type!;
        TrainingPlan? plan = FindPlan(result.Description);
        return built switch
        {
            ILearningRateSchedule schedule => new(type, "learning-rate schedule", schedule.GetLearningRate, plan),
            BatchGrowthPlan growth => new(type, "batch growth plan", growth.LearningRate.GetLearningRate, growth.Plan),
            TrainingPlan own => new(type, "training plan", null, own),
            DataParallelPlan parallel => new(type, "data-parallel plan", null, parallel.Plan),
            ReduceLearningRateOnPlateau plateau => new(type, "reduce-on-plateau schedule", plateau.GetLearningRate, plan),
            BatchSizeSchedule => new(type, "batch-size schedule", null, null),
            _ => new(type, "scaling rule", null, null),
        };
    }

    /// <summary>The first training plan in the description's tree, depth first, built from its own description.</summary>
    private static TrainingPlan? FindPlan(object? value) => value switch
    {
        ScheduleDescription { Type: { } type } description when ScheduleConfiguration.FindType(type)?.ResultType == typeof(TrainingPlan) =>
            ScheduleConfiguration.Build<TrainingPlan>(description),
        ScheduleDescription description => description.Parameters.Values.Select(FindPlan).FirstOrDefault(p => p is not null),
        IEnumerable<object?> list => list.Select(FindPlan).FirstOrDefault(p => p is not null),
        _ => null,
    };
}
