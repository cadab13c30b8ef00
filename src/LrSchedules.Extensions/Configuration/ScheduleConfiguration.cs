using System.Text;
using System.Text.Json;
using LrSchedules.Configuration.Internal;
using Microsoft.Extensions.Configuration;

namespace LrSchedules.Configuration;

/// <summary>
/// Schedules from configuration: reads a <see cref="ScheduleDescription"/> from JSON or <see cref="IConfiguration"/>,
/// finds every problem (each with its configuration path) and builds it in one pass; describes an object built in code
/// so that it can be written and read back bit for bit.
/// </summary>
/// <remarks>
/// <para>
/// The types are the factories of the core library (<see cref="Types"/>), derived from them at compile time by a
/// source generator: a type's name is the factory's name, its parameters and defaults are the factory's, its summary
/// and parameter documentation are the factory's XML documentation. A type name read from configuration is only
/// looked up in that table, never used to load a .NET type, and nothing is reflected upon at run time (the package is
/// trimmable and AOT-compatible).
/// </para>
/// <para>
/// Valid ranges are the factory's own: a description builds exactly what the same call in code builds, and a value the
/// factory rejects is reported at its path with the factory's requirement (<c>Schedules:1:TotalSteps must be a whole
/// number &gt; 0 but was 0.</c>).
/// </para>
/// <para>All members are thread-safe.</para>
/// </remarks>
public static class ScheduleConfiguration
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Gets every type a description can name, in the order of the factory classes and their methods.</summary>
    /// <value>One entry per public factory of the core library that configuration can express.</value>
    public static IReadOnlyList<ScheduleTypeInfo> Types { get; } = [.. Factories.All.Select(ToInfo)];

    /// <summary>Finds a type by name, without regard to case.</summary>
    /// <param name="name">The name, e.g. <c>cosine</c>.</param>
    /// <returns>The type; <see langword="null"/> when there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static ScheduleTypeInfo? FindType(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Factories.Find(name) is { } factory ? Types[Factories.All.ToList().IndexOf(factory)] : null;
    }

    /// <summary>Reads a JSON description once: the description, every problem and what it builds.</summary>
    /// <param name="json">The JSON text of one description. Comments and trailing commas are allowed; keys and names are matched without regard to case.</param>
    /// <param name="expected">What the description must build, e.g. <see cref="ILearningRateSchedule"/>; <see langword="null"/> for any type.</param>
    /// <returns>The result; its problems include invalid JSON, with the line and position.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static ScheduleLoadResult Load(string json, Type? expected = null)
    {
        // Stryker disable once Statement : JsonDocument.Parse throws the same ArgumentNullException (ParamName json, same message) for a null text
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            return new ScheduleLoadResult(null, [new ScheduleProblem(string.Empty, InvalidJson(exception))], null);
        }

        using (document)
        {
            // Stryker disable once String : the key of the root node is never read (the binder reads the keys of children only); the path's string.Empty is killed by the problem paths of JSON tests
            return Binder.Load(new Internal.JsonNode(document.RootElement, string.Empty, string.Empty), expected ?? typeof(object));
        }
    }

    /// <summary>Reads the description of a configuration section once: the description, every problem and what it builds.</summary>
    /// <param name="configuration">The section that holds the description (its <c>Type</c> and parameters); problem paths start with the section's path.</param>
    /// <param name="expected">What the description must build; <see langword="null"/> for any type.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    public static ScheduleLoadResult LoadSection(IConfiguration configuration, Type? expected = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Binder.Load(new ConfigurationNode(configuration), expected ?? typeof(object));
    }

    /// <summary>Validates and builds a description made in code, through the same code path as JSON.</summary>
    /// <param name="description">The description.</param>
    /// <param name="path">The configuration path of the description, put in front of each problem's path (e.g. <c>Training:Schedule</c>); empty by default.</param>
    /// <param name="expected">What the description must build; <see langword="null"/> for any type.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="description"/> or <paramref name="path"/> is null.</exception>
    public static ScheduleLoadResult LoadDescription(ScheduleDescription description, string path = "", Type? expected = null)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(path);
        // Stryker disable once String : the key of the root node is never read (the binder reads the keys of children only)
        return Binder.Load(new DescriptionNode(description, string.Empty, path), expected ?? typeof(object));
    }

    /// <summary>Validates and builds a description as a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">What the description must build: <see cref="ILearningRateSchedule"/>, <see cref="Batching.TrainingPlan"/>, …</typeparam>
    /// <param name="description">The description.</param>
    /// <param name="path">The configuration path of the description, put in front of each problem's path; empty by default.</param>
    /// <returns>What the description builds. Each call builds anew (a reduce-on-plateau schedule is new and has no report).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ScheduleConfigurationException">The description is invalid, or builds something else; every problem is listed, each with its path.</exception>
    public static T Build<T>(ScheduleDescription description, string path = "")
        where T : class => LoadDescription(description, path, typeof(T)).Get<T>();

    /// <summary>Reads, validates and builds the description of a configuration section as a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">What the description must build.</typeparam>
    /// <param name="configuration">The section that holds the description.</param>
    /// <returns>What the description builds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    /// <exception cref="ScheduleConfigurationException">The description cannot be read or is invalid; every problem is listed, each with its configuration path.</exception>
    public static T Build<T>(IConfiguration configuration)
        where T : class => LoadSection(configuration, typeof(T)).Get<T>();

    /// <summary>Reads a description from JSON, as <see cref="ToJson"/> writes it or as an <c>appsettings.json</c> section holds it.</summary>
    /// <param name="json">The JSON text of one description.</param>
    /// <returns>The description, which builds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ScheduleConfigurationException">The text is not JSON, or the description has a problem; every problem is listed.</exception>
    public static ScheduleDescription FromJson(string json)
    {
        ScheduleLoadResult result = Load(json);
        return result.Succeeded ? result.Description! : throw new ScheduleConfigurationException(result.Problems);
    }

    /// <summary>Writes a description as JSON: <c>Type</c> first, then the parameters in the factory's order.</summary>
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

    /// <summary>Describes an object built in code by the factory call that built it, so that it can be written (<see cref="ToJson"/>) and built again.</summary>
    /// <param name="built">A schedule, plan, rule, … made by the factories of the core library, nested to any depth.</param>
    /// <returns>A description of the call (defaults too, apart from null ones); building it gives the same value at every step.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="built"/> is null.</exception>
    /// <exception cref="NotSupportedException">The object is, or contains, something no configurable factory built: a user's own <see cref="ILearningRateSchedule"/>, or a schedule of <c>Schedule.FromFunction</c>. The message names its path.</exception>
    public static ScheduleDescription Describe(object built)
    {
        ArgumentNullException.ThrowIfNull(built);
        return Describer.Describe(built, string.Empty);
    }

    /// <summary>The message for JSON that does not parse, with the 1-based line and position of the error.</summary>
    internal static string InvalidJson(JsonException exception)
    {
        long line = (exception.LineNumber ?? 0) + 1;
        long position = (exception.BytePositionInLine ?? 0) + 1;
        return $"The text is not valid JSON at line {line}, position {position}.";
    }

    private static ScheduleTypeInfo ToInfo(Factory factory) =>
        new(factory.Name, factory.Method, factory.Result, factory.Summary, [.. factory.Parameters.Select(ToInfo)],
            factory.Primary ? [.. Factories.OtherOverloads(factory).Select(ToInfo)] : []);

    private static ScheduleParameterInfo ToInfo(Parameter parameter) =>
        new(parameter.Key, parameter.Shape.Display, parameter.Required, parameter.Required ? null : Writer.Text(parameter.Default), parameter.Documentation,
            [.. parameter.Shape.Fields.Select(ToInfo)]);
}
