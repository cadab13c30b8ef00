using LrSchedules.Configuration;

namespace LrSchedules.Cli;

/// <summary>
/// What a schedule file builds, reduced to what <c>lrs</c> prints: the learning rate (if any) and the training plan
/// (if any) whose batch size, epoch and samples go beside it.
/// </summary>
/// <remarks>
/// This is the only file of the CLI that calls LrSchedules.Extensions (and the only one that names the core's
/// composite types): when the configuration API changes, this file changes and no other. Commands use
/// <see cref="Read"/>, <see cref="Check"/> and <see cref="Types"/>.
/// </remarks>
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

    /// <summary>What the file describes, in words: "learning-rate schedule", "training plan", ...</summary>
    public string Kind { get; }

    /// <summary>The learning rate at a step; null when the file describes only a plan, a batch-size schedule or a rule.</summary>
    public Func<long, double>? LearningRate { get; }

    /// <summary>The training plan the schedule runs on; null when it has none.</summary>
    public TrainingPlan? Plan { get; }

    /// <summary>The types a file can name, with their parameters, grouped by kind in catalogue order (for <c>lrs list</c>).</summary>
    public static IEnumerable<TypeEntry> Types => ScheduleConfiguration.Types.Select(t => new TypeEntry(
        t.Name,
        Describe(t.Category),
        t.Summary,
        [.. t.Parameters.Select(p => new ParameterEntry(p.Name, p.ValueType, p.IsRequired, p.DefaultValue, p.Requirement))]));

    /// <summary>
    /// Reads and builds a file: <see cref="ExitCodes.Success"/> with what it builds, or, after writing the reason to
    /// <paramref name="error"/>, <see cref="ExitCodes.Usage"/> (no such file) or <see cref="ExitCodes.Invalid"/>.
    /// </summary>
    public static int Read(string file, TextWriter error, out Loaded? loaded)
    {
        loaded = null;
        if (!Files.TryRead(file, error, out string? json))
        {
            return ExitCodes.Usage;
        }

        IReadOnlyList<string> problems = Check(json, out loaded);
        if (problems.Count > 0)
        {
            Problems.Write(error, $"lrs: {file} is not a valid schedule ({Problems.Count(problems)}):", problems);
            return ExitCodes.Invalid;
        }

        return ExitCodes.Success;
    }

    /// <summary>Every problem of a JSON description, each with its path; when there is none, what it builds.</summary>
    public static IReadOnlyList<string> Check(string json, out Loaded? loaded)
    {
        loaded = null;
        IReadOnlyList<ScheduleProblem> problems = ScheduleConfiguration.ValidateJson(json);
        if (problems.Count > 0)
        {
            return [.. problems.Select(p => p.Message)];
        }

        ScheduleDescription description = ScheduleConfiguration.FromJson(json);
        loaded = From(ScheduleConfiguration.Build(description), description.Type!);
        return [];
    }

    private static Loaded From(object built, string type) => built switch
    {
        ILearningRateSchedule schedule => new(type, Describe(ScheduleCategory.LearningRate), schedule.GetLearningRate, FindPlan(schedule)),
        BatchGrowthPlan growth => new(type, Describe(ScheduleCategory.BatchGrowthPlan), growth.LearningRate.GetLearningRate, growth.Plan),
        TrainingPlan plan => new(type, Describe(ScheduleCategory.TrainingPlan), null, plan),
        DataParallelPlan parallel => new(type, Describe(ScheduleCategory.DataParallelPlan), null, parallel.Plan),
        ReduceLearningRateOnPlateau plateau => new(type, Describe(ScheduleCategory.ReduceOnPlateau), plateau.GetLearningRate, FindPlan(plateau.Inner)),
        BatchSizeSchedule => new(type, Describe(ScheduleCategory.BatchSize), null, null),
        _ => new(type, Describe(ScheduleCategory.ScalingRule), null, null),
    };

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

    private static string Describe(ScheduleCategory category) => category switch
    {
        ScheduleCategory.LearningRate => "learning-rate schedule",
        ScheduleCategory.BatchSize => "batch-size schedule",
        ScheduleCategory.TrainingPlan => "training plan",
        ScheduleCategory.ScalingRule => "scaling rule",
        ScheduleCategory.BatchGrowthPlan => "batch growth plan",
        ScheduleCategory.DataParallelPlan => "data-parallel plan",
        ScheduleCategory.ReduceOnPlateau => "reduce-on-plateau schedule",
        _ => category.ToString(),
    };
}

/// <summary>A type a schedule file can name (<c>lrs list</c>).</summary>
internal sealed record TypeEntry(string Name, string Kind, string Summary, IReadOnlyList<ParameterEntry> Parameters);

/// <summary>A parameter of a <see cref="TypeEntry"/>.</summary>
internal sealed record ParameterEntry(string Name, string ValueType, bool IsRequired, string? DefaultValue, string? Requirement);
