using System.Globalization;
using System.Text.Json;

namespace LrSchedules.Tests.Conformance;

/// <summary>Thrown when a case cannot be expressed through the public API; the harness reports it as a failure.</summary>
public sealed class UnmappableCaseException(string message) : Exception(message);

/// <summary>
/// Reads a case's parameters by their names in the reference library, with that library's defaults when a parameter
/// is absent. Every parameter of the case must be read (or explicitly ignored): one the mapping does not know is a
/// failure, so a new parameter in a second golden file cannot pass silently.
/// </summary>
public sealed class GoldenParameters
{
    private readonly JsonElement _parameters;
    private readonly string _api;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public GoldenParameters(JsonElement parameters, string api)
    {
        _parameters = parameters;
        _api = api;
    }

    public bool Has(string name) =>
        _parameters.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null;

    public double Double(string name, double? fallback = null) =>
        DoubleOrNull(name) ?? fallback ?? throw Missing(name);

    public double? DoubleOrNull(string name)
    {
        JsonElement? value = Get(name);
        return value is null ? null : ToDouble(value.Value, name);
    }

    public long Long(string name, long? fallback = null) =>
        LongOrNull(name) ?? fallback ?? throw Missing(name);

    public long? LongOrNull(string name)
    {
        JsonElement? value = Get(name);
        if (value is null)
        {
            return null;
        }

        double number = ToDouble(value.Value, name);
        if (number != Math.Floor(number))
        {
            throw new UnmappableCaseException($"{_api}: parameter {name} = {number} is not a whole number.");
        }

        return (long)number;
    }

    public bool Bool(string name, bool fallback)
    {
        JsonElement? value = Get(name);
        return value is null ? fallback : value.Value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new UnmappableCaseException($"{_api}: parameter {name} is not a boolean."),
        };
    }

    public string String(string name, string fallback)
    {
        JsonElement? value = Get(name);
        return value?.GetString() ?? fallback;
    }

    public long[] Longs(string name)
    {
        JsonElement value = Get(name) ?? throw Missing(name);
        return value.EnumerateArray().Select(v => (long)ToDouble(v, name)).ToArray();
    }

    /// <summary>An optax <c>boundaries_and_scales</c> dictionary (keys are steps).</summary>
    public KeyValuePair<long, double>[] BoundariesAndScales(string name)
    {
        JsonElement? value = Get(name);
        if (value is null)
        {
            return [];
        }

        return value.Value.EnumerateObject()
            .Select(p => new KeyValuePair<long, double>(long.Parse(p.Name, CultureInfo.InvariantCulture), ToDouble(p.Value, name)))
            .ToArray();
    }

    public JsonElement[] Objects(string name)
    {
        JsonElement value = Get(name) ?? throw Missing(name);
        return value.EnumerateArray().ToArray();
    }

    /// <summary>Marks parameters that do not affect the learning rate (momentum cycling, logging, ...).</summary>
    public void Ignore(params string[] names)
    {
        foreach (string name in names)
        {
            _read.Add(name);
        }
    }

    /// <summary>Requires a parameter to be absent or equal to its default, for parameters no mapping can honour.</summary>
    public void RequireDefault(string name, object? defaultValue)
    {
        _read.Add(name);
        if (!_parameters.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        bool isDefault = defaultValue switch
        {
            null => false,
            bool b => value.ValueKind == (b ? JsonValueKind.True : JsonValueKind.False),
            string s => value.ValueKind == JsonValueKind.String && value.GetString() == s,
            _ => value.ValueKind == JsonValueKind.Number && value.GetDouble() == Convert.ToDouble(defaultValue, CultureInfo.InvariantCulture),
        };
        if (!isDefault)
        {
            throw new UnmappableCaseException($"{_api}: parameter {name} = {value} has no equivalent (only its default {defaultValue ?? "null"} does).");
        }
    }

    /// <summary>Fails when the case has a parameter the mapping did not read.</summary>
    public void EnsureAllRead()
    {
        string[] unread = _parameters.EnumerateObject()
            .Select(p => p.Name)
            .Where(n => n != "api" && !_read.Contains(n))
            .ToArray();
        if (unread.Length > 0)
        {
            throw new UnmappableCaseException($"{_api}: parameter(s) {string.Join(", ", unread)} not mapped.");
        }
    }

    private JsonElement? Get(string name)
    {
        _read.Add(name);
        return _parameters.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    private double ToDouble(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
        _ => throw new UnmappableCaseException($"{_api}: parameter {name} = {value} is not a number."),
    };

    private UnmappableCaseException Missing(string name) => new($"{_api}: required parameter {name} is missing.");
}
