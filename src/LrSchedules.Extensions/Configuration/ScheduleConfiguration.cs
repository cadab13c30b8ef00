using System.Text;
using System.Text.Json;
using LrSchedules.Configuration.Internal;
using Microsoft.Extensions.Configuration;

namespace LrSchedules.Configuration;

/// <summary>
/// Schedules from configuration: reads a <see cref="ScheduleDescription"/> from <see cref="IConfiguration"/> or JSON,
/// validates it (every problem at once, each with its configuration path), builds it, and describes a schedule built in
/// code so that it can be written and read back.
/// </summary>
/// <remarks>
/// <para>
/// The schedule types are a fixed table (<see cref="Types"/>): a type name read from configuration is only looked up
/// there, never used to load a .NET type. Each type calls one factory of <see cref="Schedule"/> or
/// <see cref="ScheduleExtensions"/> with the description's parameters, so a description builds exactly the schedule the
/// same call in code builds, and the core library's validation applies unchanged.
/// </para>
/// <para>All members are thread-safe.</para>
/// </remarks>
public static class ScheduleConfiguration
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Gets every schedule type a description can name, with its parameters, in a fixed order.</summary>
    /// <value>The shapes first, in the order of their factories, then the combinators.</value>
    public static IReadOnlyList<ScheduleTypeInfo> Types { get; } = [.. Catalog.Entries.Select(ToInfo)];

    /// <summary>Reads a description from a configuration section.</summary>
    /// <param name="configuration">The section that holds the description (its <c>Type</c> and parameters).</param>
    /// <returns>The description; not yet validated as a schedule (see <see cref="Validate(ScheduleDescription, string)"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    /// <exception cref="ScheduleConfigurationException">A key is not a parameter, or a value cannot be read as its parameter's type; every such problem is listed.</exception>
    /// <remarks>Unlike the configuration binder, which stops at the first value it cannot convert and ignores unknown keys, this reports every unreadable value and every unknown key, with its path.</remarks>
    public static ScheduleDescription Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<ScheduleProblem>();
        ScheduleDescription description = Reader.ReadSchedule(new ConfigurationNode(configuration), problems);
        ThrowIfAny(problems);
        return description;
    }

    /// <summary>Reads, validates and builds the learning-rate schedule described by a configuration section.</summary>
    /// <param name="configuration">The section that holds the description.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    /// <exception cref="ScheduleConfigurationException">The description cannot be read or is invalid; every problem is listed, each with its configuration path.</exception>
    public static ILearningRateSchedule BuildSchedule(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        (object? schedule, List<ScheduleProblem> problems) = Load(new ConfigurationNode(configuration), ScheduleCategory.LearningRate);
        ThrowIfAny(problems);
        return (ILearningRateSchedule)schedule!;
    }

    /// <summary>Finds every problem of the learning-rate schedule described by a configuration section: what cannot be read, then what does not build.</summary>
    /// <param name="configuration">The section that holds the description.</param>
    /// <returns>Every problem, each with its configuration path; empty when the description builds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    public static IReadOnlyList<ScheduleProblem> Validate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Load(new ConfigurationNode(configuration), ScheduleCategory.LearningRate).Problems;
    }

    /// <summary>Validates and builds the learning-rate schedule of a description.</summary>
    /// <param name="description">The description.</param>
    /// <param name="path">The configuration path of the description, put in front of each problem's path (e.g. <c>Training:Schedule</c>); empty by default.</param>
    /// <returns>The schedule: the value of the factory calls the description names.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ScheduleConfigurationException">The description is invalid; every problem is listed, each with its path.</exception>
    public static ILearningRateSchedule BuildSchedule(ScheduleDescription description, string path = "")
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(path);
        var problems = new List<ScheduleProblem>();
        object? built = Builder.Build(description, path, ScheduleCategory.LearningRate, problems);
        ThrowIfAny(problems);
        return (ILearningRateSchedule)built!;
    }

    /// <summary>Validates and builds a description of any category: a training plan, a batch-size schedule, a scaling rule, a batch growth plan, a data-parallel plan or reduce-on-plateau, as well as a learning-rate schedule.</summary>
    /// <typeparam name="T">What the description must build: <see cref="ILearningRateSchedule"/>, <see cref="TrainingPlan"/>,
    /// <see cref="BatchSizeSchedule"/>, <see cref="BatchScalingRule"/>, <see cref="BatchGrowthPlan"/>, <see cref="DataParallelPlan"/> or <see cref="ReduceLearningRateOnPlateau"/>.</typeparam>
    /// <param name="description">The description.</param>
    /// <param name="path">The configuration path of the description, put in front of each problem's path; empty by default.</param>
    /// <returns>What the description builds. A <see cref="ReduceLearningRateOnPlateau"/> is new and mutable on each call.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is none of the types above.</exception>
    /// <exception cref="ScheduleConfigurationException">The description is invalid, or its type builds something else; every problem is listed, each with its path.</exception>
    public static T Build<T>(ScheduleDescription description, string path = "")
        where T : class
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(path);
        ScheduleCategory category = CategoryOf(typeof(T));
        var problems = new List<ScheduleProblem>();
        object? built = Builder.Build(description, path, category, problems);
        ThrowIfAny(problems);
        return (T)built!;
    }

    /// <summary>Validates and builds a description of any category, as its type names.</summary>
    /// <param name="description">The description.</param>
    /// <param name="path">The configuration path of the description, put in front of each problem's path; empty by default.</param>
    /// <returns>An <see cref="ILearningRateSchedule"/>, <see cref="TrainingPlan"/>, <see cref="BatchSizeSchedule"/>,
    /// <see cref="BatchScalingRule"/>, <see cref="BatchGrowthPlan"/>, <see cref="DataParallelPlan"/> or <see cref="ReduceLearningRateOnPlateau"/>
    /// (see <see cref="ScheduleTypeInfo.Category"/>).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ScheduleConfigurationException">The description is invalid; every problem is listed, each with its path.</exception>
    public static object Build(ScheduleDescription description, string path = "")
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(path);
        var problems = new List<ScheduleProblem>();
        object? built = Builder.Build(description, path, null, problems);
        ThrowIfAny(problems);
        return built!;
    }

    /// <summary>Finds every problem of a JSON description: invalid JSON (with its line and position), what cannot be read, then what does not build as the category its type names.</summary>
    /// <param name="json">The JSON text of one description.</param>
    /// <returns>Every problem, each with its path; empty when the description builds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static IReadOnlyList<ScheduleProblem> ValidateJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return LoadJson(json, null).Problems;
    }

    /// <summary>Describes a training plan (its dataset size, last-batch policy and batch-size schedule).</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>A <c>TrainingPlan</c> description with every parameter set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public static ScheduleDescription Describe(TrainingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Describer.Describe(plan);
    }

    /// <summary>Describes a batch-size schedule.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>A description with every parameter set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public static ScheduleDescription Describe(BatchSizeSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return Describer.Describe(schedule);
    }

    /// <summary>Describes a batch-size scaling rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>A description with every parameter set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    public static ScheduleDescription Describe(BatchScalingRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Describer.Describe(rule);
    }

    /// <summary>Describes the plan of <see cref="BatchSchedule.IncreaseBatchSizeInsteadOfDecay"/> by the arguments it was made with.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>An <c>IncreaseBatchSizeInsteadOfDecay</c> description with every parameter set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="NotSupportedException">Its source learning rate has no description.</exception>
    public static ScheduleDescription Describe(BatchGrowthPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Describer.Describe(plan);
    }

    /// <summary>Describes a data-parallel plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>A <c>DataParallel</c> description with every parameter set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public static ScheduleDescription Describe(DataParallelPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Describer.Describe(plan);
    }

    /// <summary>Describes reduce-on-plateau by its schedule and options; the state of its reports (<see cref="ReduceLearningRateOnPlateau.ExportState"/>) is not part of a description.</summary>
    /// <param name="plateau">The reduce-on-plateau schedule.</param>
    /// <returns>A <c>ReduceOnPlateau</c> description with every option set; building it gives a fresh instance with no report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plateau"/> is null.</exception>
    /// <exception cref="NotSupportedException">Its schedule has no description.</exception>
    public static ScheduleDescription Describe(ReduceLearningRateOnPlateau plateau)
    {
        ArgumentNullException.ThrowIfNull(plateau);
        return Describer.Describe(plateau);
    }

    /// <summary>Finds every problem of a description, validated as the category its type names (a learning-rate schedule, a training plan, …).</summary>
    /// <param name="description">The description.</param>
    /// <param name="path">The configuration path of the description, put in front of each problem's path; empty by default.</param>
    /// <returns>Every problem, in the order of the description; empty when the description builds.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<ScheduleProblem> Validate(ScheduleDescription description, string path = "")
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(path);
        var problems = new List<ScheduleProblem>();
        Builder.Build(description, path, null, problems);
        return problems;
    }

    /// <summary>Describes a schedule built in code, so that it can be written (<see cref="ToJson"/>) and built again.</summary>
    /// <param name="schedule">A schedule made of the library's shapes and combinators, nested to any depth.</param>
    /// <returns>A description with every parameter set (defaults too); building it gives the same value at every step.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="NotSupportedException">The schedule is, or contains, a <see cref="FunctionSchedule"/> or a user implementation of <see cref="ILearningRateSchedule"/>, which have no description.</exception>
    public static ScheduleDescription Describe(ILearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return Describer.Describe(schedule, string.Empty);
    }

    /// <summary>Writes a description as JSON, <c>Type</c> first and null parameters left out.</summary>
    /// <param name="description">The description.</param>
    /// <param name="indented">Whether to indent the JSON; <see langword="true"/> by default.</param>
    /// <returns>The JSON text. Numbers are written in their shortest round-trip form, so reading it back gives the same doubles.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="description"/> is null.</exception>
    public static string ToJson(ScheduleDescription description, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(description);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            Writer.Write(writer, description);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a description from JSON, as <see cref="ToJson"/> writes it or as an <c>appsettings.json</c> section holds it.</summary>
    /// <param name="json">The JSON text of one description. Comments and trailing commas are allowed; property names are matched without regard to case.</param>
    /// <returns>The description; not yet validated as a schedule (see <see cref="Validate(ScheduleDescription, string)"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ScheduleConfigurationException">The text is not JSON (the problem gives the line and position), a key is not a parameter, or a value cannot be read as its parameter's type; every such problem is listed.</exception>
    public static ScheduleDescription FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<ScheduleProblem>();
        ScheduleDescription? description = ReadJson(json, problems);
        ThrowIfAny(problems);
        return description!;
    }

    /// <summary>Reads a description and builds it as <paramref name="category"/> (any category when null), with every problem of both.</summary>
    internal static (object? Built, List<ScheduleProblem> Problems) Load(Node node, ScheduleCategory? category)
    {
        var read = new List<ScheduleProblem>();
        ScheduleDescription description = Reader.ReadSchedule(node, read);
        var built = new List<ScheduleProblem>();
        object? result = Builder.Build(description, node.Path, category, built);
        List<ScheduleProblem> problems = Problems.Merge(read, built);
        return (problems.Count == 0 ? result : null, problems);
    }

    /// <summary>Reads a JSON description and builds it as <paramref name="category"/> (any category when null), with every problem of both.</summary>
    internal static (object? Built, List<ScheduleProblem> Problems) LoadJson(string json, ScheduleCategory? category)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            return (null, [new(string.Empty, InvalidJson(exception))]);
        }

        using (document)
        {
            return Load(new Internal.JsonNode(document.RootElement, string.Empty, string.Empty), category);
        }
    }

    internal static ScheduleDescription? ReadJson(string json, List<ScheduleProblem> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            problems.Add(new(string.Empty, InvalidJson(exception)));
            return null;
        }

        using (document)
        {
            return Reader.ReadSchedule(new Internal.JsonNode(document.RootElement, string.Empty, string.Empty), problems);
        }
    }

    /// <summary>The message for JSON that does not parse, with the 1-based line and position of the error.</summary>
    internal static string InvalidJson(JsonException exception)
    {
        string reason = exception.Message;
        int cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        if (cut >= 0)
        {
            reason = reason[..cut];
        }

        long line = (exception.LineNumber ?? 0) + 1;
        long position = (exception.BytePositionInLine ?? 0) + 1;
        return $"The text is not valid JSON at line {line}, position {position}: {reason}";
    }

    private static void ThrowIfAny(List<ScheduleProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new ScheduleConfigurationException(problems);
        }
    }

    internal static ScheduleCategory CategoryOf(Type type) =>
        type == typeof(ILearningRateSchedule) ? ScheduleCategory.LearningRate
        : type == typeof(TrainingPlan) ? ScheduleCategory.TrainingPlan
        : type == typeof(BatchSizeSchedule) ? ScheduleCategory.BatchSize
        : type == typeof(BatchScalingRule) ? ScheduleCategory.ScalingRule
        : type == typeof(BatchGrowthPlan) ? ScheduleCategory.BatchGrowthPlan
        : type == typeof(DataParallelPlan) ? ScheduleCategory.DataParallelPlan
        : type == typeof(ReduceLearningRateOnPlateau) || type == typeof(IMetricDrivenSchedule) ? ScheduleCategory.ReduceOnPlateau
        : throw new ArgumentException(
            $"T must be ILearningRateSchedule, TrainingPlan, BatchSizeSchedule, BatchScalingRule, BatchGrowthPlan, DataParallelPlan or ReduceLearningRateOnPlateau but was {type.Name}.",
            nameof(type));

    private static ScheduleTypeInfo ToInfo(Entry entry) => new(
        entry.Name,
        entry.Category,
        entry.Summary,
        [.. entry.Params.Select(p => new ScheduleParameterInfo(p.Name, p.Prop.ValueTypeName, p.Required, p.DefaultValue, p.Check?.Requirement))]);
}
