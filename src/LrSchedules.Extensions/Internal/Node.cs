using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace LrSchedules.Configuration.Internal;

/// <summary>A node of a configuration tree or a JSON document, read the same way by <see cref="Binder"/>.</summary>
internal abstract class Node
{
    /// <summary>The key of the node in its parent: a property name or a list index.</summary>
    public abstract string Key { get; }

    /// <summary>The configuration path of the node.</summary>
    public abstract string Path { get; }

    /// <summary>Whether the node holds nothing: JSON null, or a configuration key without a value or children.</summary>
    public abstract bool IsAbsent { get; }

    /// <summary>The text of a scalar (a JSON string, number or boolean, a configuration value); null for an object or a list.</summary>
    public abstract string? Text { get; }

    /// <summary>Whether the node is a list (a JSON array; configuration children whose keys are all indexes).</summary>
    public abstract bool IsList { get; }

    /// <summary>Whether the node is an object (JSON) or a section with children (configuration).</summary>
    public abstract bool IsObject { get; }

    /// <summary>The children of an object or a list, lists in index order.</summary>
    public abstract IReadOnlyList<Node> Children { get; }

    /// <summary>What the node is, for messages: <c>an object</c>, <c>a list</c>, <c>'text'</c>.</summary>
    public string What => Text is { } text ? $"'{text}'" : IsList ? "a list" : "an object";
}

/// <summary>A section of <see cref="IConfiguration"/>.</summary>
internal sealed class ConfigurationNode : Node
{
    private readonly IConfiguration _configuration;
    private readonly string _key;
    private readonly string _path;
    private IReadOnlyList<Node>? _children;

    public ConfigurationNode(IConfiguration configuration)
    {
        _configuration = configuration;
        var section = configuration as IConfigurationSection;
        // Stryker disable once all : the key of the root node is never read (the binder reads the keys of children only)
        _key = section?.Key ?? string.Empty;
        _path = section?.Path ?? string.Empty;
    }

    private ConfigurationNode(IConfiguration configuration, string key, string path)
    {
        _configuration = configuration;
        _key = key;
        _path = path;
    }

    public override string Key => _key;

    public override string Path => _path;

    /// <remarks>A JSON <c>null</c> and an empty JSON array of appsettings both reach configuration as a key with an empty or null value.</remarks>
    public override bool IsAbsent => string.IsNullOrEmpty(Text) && Children.Count == 0;

    public override string? Text => Children.Count == 0 ? (_configuration as IConfigurationSection)?.Value : null;

    public override bool IsList => Children.Count > 0 && Children.All(c => IsIndex(c.Key));

    public override bool IsObject => Children.Count > 0 && !IsList;

    // Stryker disable once Assignment : without the cache the children are loaded again, equal (a configuration tree lists the same children each time)
    public override IReadOnlyList<Node> Children => _children ??= Load();

    private List<Node> Load()
    {
        var children = _configuration.GetChildren().Select(c => (Node)new ConfigurationNode(c, c.Key, c.Path)).ToList();
        // Stryker disable once Equality : sorting an empty list does nothing
        if (children.Count > 0 && children.All(c => IsIndex(c.Key)))
        {
            children.Sort((a, b) => long.Parse(a.Key, CultureInfo.InvariantCulture).CompareTo(long.Parse(b.Key, CultureInfo.InvariantCulture)));
        }

        return children;
    }

    /// <remarks>With <see cref="NumberStyles.None"/>, only a non-empty run of ASCII digits that fits a <see cref="long"/> parses.</remarks>
    private static bool IsIndex(string key) => long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}

/// <summary>An element of a <see cref="JsonDocument"/>.</summary>
internal sealed class JsonNode : Node
{
    private readonly JsonElement _element;
    private IReadOnlyList<Node>? _children;

    public JsonNode(JsonElement element, string key, string path)
    {
        _element = element;
        Key = key;
        Path = path;
    }

    public override string Key { get; }

    public override string Path { get; }

    public override bool IsAbsent => _element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    public override string? Text => _element.ValueKind switch
    {
        JsonValueKind.String => _element.GetString(),
        JsonValueKind.Number => _element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public override bool IsList => _element.ValueKind == JsonValueKind.Array;

    public override bool IsObject => _element.ValueKind == JsonValueKind.Object;

    // Stryker disable once Assignment : without the cache the children are made again, equal (a JSON document is immutable)
    public override IReadOnlyList<Node> Children => _children ??= _element.ValueKind switch
    {
        JsonValueKind.Object => [.. _element.EnumerateObject().Select(p => new JsonNode(p.Value, p.Name, Paths.Child(Path, p.Name)))],
        JsonValueKind.Array => [.. _element.EnumerateArray().Select((e, i) => new JsonNode(e, i.ToString(CultureInfo.InvariantCulture), Paths.Index(Path, i)))],
        _ => [],
    };
}

/// <summary>
/// A description built in code, read the same way as configuration: scalars through their invariant, round-trip text,
/// so that validating a <see cref="ScheduleDescription"/> and reading JSON are one code path.
/// </summary>
internal sealed class DescriptionNode : Node
{
    private readonly object? _value;
    private IReadOnlyList<Node>? _children;

    public DescriptionNode(object? value, string key, string path)
    {
        _value = value;
        Key = key;
        Path = path;
    }

    public override string Key { get; }

    public override string Path { get; }

    public override bool IsAbsent => _value is null;

    public override string? Text => _value switch
    {
        null or ScheduleDescription => null,
        string text => text,
        System.Collections.IEnumerable => null,
        _ => Paths.Format(_value),
    };

    public override bool IsList => _value is System.Collections.IEnumerable and not string;

    public override bool IsObject => _value is ScheduleDescription;

    public override IReadOnlyList<Node> Children => _children ??= _value switch
    {
        ScheduleDescription description => [.. Entries(description).Select(p => new DescriptionNode(p.Value, p.Key, Paths.Child(Path, p.Key)))],
        string => [],
        System.Collections.IEnumerable list => [.. list.Cast<object?>().Select((e, i) => new DescriptionNode(e, i.ToString(CultureInfo.InvariantCulture), Paths.Index(Path, i)))],
        _ => [],
    };

    private static IEnumerable<KeyValuePair<string, object?>> Entries(ScheduleDescription description)
    {
        if (description.Type is not null)
        {
            yield return new(nameof(ScheduleDescription.Type), description.Type);
        }

        foreach (KeyValuePair<string, object?> parameter in description.Parameters)
        {
            yield return parameter;
        }
    }
}
