using LrSchedules.Batching;
using LrSchedules.Configuration;
using LrSchedules.Plateau;
using LrSchedules.Porting;

namespace LrSchedules.Cli;

/// <summary>
/// What a schedule file builds, reduced to what <c>lrs</c> prints: the learning rate (if any), the other series the
/// description defines (momentum, weight decay), and the training plan (if any) whose batch size, epoch and samples go
/// beside it.
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

    /// <summary>
    /// The name of the <see cref="LearningRate"/> series: <c>learning_rate</c>, or what a schedule of another value is
    /// (<c>momentum</c> for OneCycleMomentum and CyclicMomentum, <c>weight_decay</c> for WeightDecayIncrease).
    /// </summary>
    public string RateName { get; private init; } = "learning_rate";

    /// <summary>The other series the description defines, beside the learning rate: <c>momentum</c>, <c>weight_decay</c>.</summary>
    public IReadOnlyList<(string Name, Func<long, double> Value)> Series { get; private init; } = [];

    /// <summary>The metric-driven schedule the file builds (reduce-on-plateau), which a metrics file replays; null for a pure schedule.</summary>
    public IMetricDrivenSchedule? MetricDriven { get; private init; }

    /// <summary>The type named at the root of the file.</summary>
    public string Type { get; }

    /// <summary>What the file describes, in words: "learning-rate schedule", "training plan", ...</summary>
    public string Kind { get; }

    /// <summary>The learning rate at a step; null when the file describes only a plan, a batch-size schedule or a rule.</summary>
    public Func<long, double>? LearningRate { get; }

    /// <summary>The training plan the schedule runs on; null when it has none.</summary>
    public TrainingPlan? Plan { get; }

    /// <summary>The types a file can name, with their parameters, in the factories' order (for <c>lrs list</c>).</summary>
    public static IEnumerable<TypeEntry> Types => ScheduleConfiguration.Types.Select(t => new TypeEntry(
        t.Name,
        Describe(t.ResultType),
        t.Summary,
        [.. t.Parameters.Select(p => new ParameterEntry(p.Name, p.ValueType, p.IsRequired, p.DefaultValue, p.Documentation.Length > 0 ? p.Documentation : null))]));

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

    /// <summary>
    /// Every problem of a JSON description, each with its path; when there is none, what it builds. The text is parsed
    /// and built once (<see cref="ScheduleConfiguration.Load(string, Type?)"/>).
    /// </summary>
    public static IReadOnlyList<string> Check(string json, out Loaded? loaded)
    {
        loaded = null;
        ScheduleLoadResult result = ScheduleConfiguration.Load(json);
        if (!result.Succeeded)
        {
            return [.. result.Problems.Select(p => p.Message)];
        }

        loaded = From(result);
        return [];
    }

    /// <summary>What a file builds, with the first training plan its description names, depth first.</summary>
    private static Loaded From(ScheduleLoadResult result)
    {
        // A porting method that chooses by name (get_scheduler, create_scheduler_v2) built a schedule or a plateau controller.
        object built = result.Built is PortedScheduler ported ? (ported.IsMetricDriven ? ported.Plateau : ported.Schedule) : result.Built!;
        string type = result.Description!.Type!;
        string kind = Describe(built.GetType());
        return built switch
        {
            ReduceLearningRateOnPlateau plateau => new(type, kind, plateau.GetLearningRate, FindPlan(result.Description)) { MetricDriven = plateau },
            ILearningRateSchedule schedule => new(type, Describe(typeof(LearningRateSchedule)), schedule.GetLearningRate, FindPlan(result.Description))
            {
                RateName = ScheduleConfiguration.FindType(type)?.Name switch
                {
                    "OneCycleMomentum" or "CyclicMomentum" => "momentum",
                    "WeightDecayIncrease" => "weight_decay",
                    _ => "learning_rate",
                },
                Series = Momentum(schedule) is { } momentum ? [("momentum", momentum.GetValue)] : [],
            },
            MegatronSchedules megatron => new(type, kind, megatron.LearningRate.GetLearningRate, null)
            {
                Series = [("weight_decay", megatron.WeightDecay.GetLearningRate)],
            },
            BatchGrowthPlan growth => new(type, kind, growth.LearningRate.GetLearningRate, growth.Plan),
            SeesawPlan seesaw => new(type, kind, seesaw.LearningRate.GetLearningRate, seesaw.Plan),
            TrainingPlan own => new(type, kind, null, own),
            DataParallelPlan parallel => new(type, kind, null, parallel.Plan),
            ScalarSchedule scalar => new(type, kind, scalar.GetValue, FindPlan(result.Description))
            {
                RateName = scalar switch { MomentumSchedule => "momentum", BetaSchedule => "beta", _ => "weight_decay" },
            },
            _ => new(type, kind, null, null),
        };
    }

    /// <summary>
    /// The first training plan in the description's tree, depth first, built from its own description (the built
    /// schedule's inner types are internal to the core, so the plan is found through the description).
    /// </summary>
    private static TrainingPlan? FindPlan(object? value) => value switch
    {
        ScheduleDescription { Type: { } type } description when ScheduleConfiguration.FindType(type)?.ResultType == typeof(TrainingPlan) =>
            ScheduleConfiguration.Build<TrainingPlan>(description),
        ScheduleDescription description => description.Parameters.Values.Select(FindPlan).FirstOrDefault(p => p is not null),
        IEnumerable<object?> list => list.Select(FindPlan).FirstOrDefault(p => p is not null),
        _ => null,
    };

    /// <summary>
    /// The momentum PyTorch cycles beside the rate when the root is a <c>OneCycleLR</c> or <c>CyclicLR</c> with
    /// <c>cycle_momentum</c> (its default), as the porting surface gives it (<see cref="Torch.GetMomentum"/>); null for
    /// any other schedule, and, as before, for momenta outside [0, 1), which only the rate's column can show.
    /// </summary>
    private static MomentumSchedule? Momentum(ILearningRateSchedule schedule)
    {
        try
        {
            return Torch.GetMomentum(schedule);
        }
        catch (ScheduleArgumentException)
        {
            return null;
        }
    }

    /// <summary>Where a kind comes in <c>lrs list</c>: what a training loop reaches for first, first.</summary>
    public static int KindOrder(string kind) => Array.IndexOf(Kinds, kind) is var index and >= 0 ? index : Kinds.Length;

    private static readonly string[] Kinds =
    [
        "learning-rate schedule", "learning-rate or reduce-on-plateau schedule", "learning-rate and weight-decay schedule", "batch-size schedule", "training plan",
        "batch growth plan", "data-parallel plan", "scaling rule", "reduce-on-plateau schedule", "batch-size granularity",
        "momentum schedule", "beta schedule", "weight-decay schedule",
    ];

    /// <summary>A configuration result type in words, as <c>lrs</c> names kinds.</summary>
    private static string Describe(Type resultType) => resultType switch
    {
        _ when typeof(ILearningRateSchedule).IsAssignableFrom(resultType) && !typeof(ReduceLearningRateOnPlateau).IsAssignableFrom(resultType) => "learning-rate schedule",
        _ when typeof(BatchSizeSchedule).IsAssignableFrom(resultType) => "batch-size schedule",
        _ when resultType == typeof(TrainingPlan) => "training plan",
        _ when typeof(BatchScalingRule).IsAssignableFrom(resultType) => "scaling rule",
        _ when resultType == typeof(BatchGrowthPlan) => "batch growth plan",
        _ when resultType == typeof(SeesawPlan) => "Seesaw plan",
        _ when resultType == typeof(DataParallelPlan) => "data-parallel plan",
        _ when resultType == typeof(ReduceLearningRateOnPlateau) => "reduce-on-plateau schedule",
        _ when resultType == typeof(PortedScheduler) => "learning-rate or reduce-on-plateau schedule",
        _ when resultType == typeof(BatchSizeGranularity) => "batch-size granularity",
        _ when resultType == typeof(MegatronSchedules) => "learning-rate and weight-decay schedule",
        _ when resultType == typeof(MomentumSchedule) => "momentum schedule",
        _ when resultType == typeof(BetaSchedule) => "beta schedule",
        _ when resultType == typeof(WeightDecaySchedule) => "weight-decay schedule",
        _ => resultType.Name,
    };
}

/// <summary>A type a schedule file can name (<c>lrs list</c>).</summary>
internal sealed record TypeEntry(string Name, string Kind, string Summary, IReadOnlyList<ParameterEntry> Parameters);

/// <summary>A parameter of a <see cref="TypeEntry"/>.</summary>
internal sealed record ParameterEntry(string Name, string ValueType, bool IsRequired, string? DefaultValue, string? Requirement);
