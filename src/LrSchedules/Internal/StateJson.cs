using System.Buffers;
using System.Text;
using System.Text.Json;

namespace LrSchedules.Internal;

/// <summary>
/// Versioned JSON for the state of the stateful types (estimators, controllers, reduce-on-plateau), written with
/// <see cref="Utf8JsonWriter"/> and read with <see cref="JsonDocument"/>: no reflection serializer. Every problem is a
/// <see cref="ScheduleArgumentException"/> whose parameter names the field (<c>json.version</c>, say).
/// </summary>
internal static class StateJson
{
    private const string Root = "json";

    /// <summary>Writes one JSON object: <c>type</c>, <c>version</c>, then <paramref name="body"/>'s properties.</summary>
    public static string Write(string type, int version, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteNumber("version", version);
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Parses <paramref name="json"/> and checks that it is an object of <paramref name="type"/> at <paramref name="version"/>.</summary>
    public static JsonDocument Parse(string json, string type, int version)
    {
        // Stryker disable once Statement : JsonDocument.Parse throws the same ArgumentNullException (parameter "json") for null.
        Preconditions.NotNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw Preconditions.OutOfRange(Root, Abbreviate(json), $"complete, well-formed JSON ({exception.Message})");
        }

        try
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Preconditions.OutOfRange(Root, root.ValueKind, "a JSON object");
            }

            string actualType = String(root, "type");
            if (actualType != type)
            {
                throw Mismatch("type", actualType, $"\"{type}\"");
            }

            long actualVersion = Long(root, "version", 0);
            if (actualVersion != version)
            {
                throw Mismatch("version", actualVersion, $"{version}, the version this library reads");
            }

            return document;
        }
        catch
        {
            // Stryker disable once Statement : disposing only returns the document's pooled buffers; no value or exception depends on it.
            document.Dispose();
            throw;
        }
    }

    /// <summary>The exception for a field whose value does not fit.</summary>
    public static ScheduleArgumentException Mismatch(string field, object? value, string requirement) =>
        Preconditions.OutOfRange($"{Root}.{field}", value, requirement);

    /// <summary>Requires a saved configuration value to equal this instance's (<paramref name="path"/> names it).</summary>
    public static void Same(JsonElement parent, string field, string path, string expected)
    {
        string actual = String(parent, field, path);
        if (actual != expected)
        {
            throw Mismatch(path, actual, $"this instance's \"{expected}\"");
        }
    }

    /// <inheritdoc cref="Same(JsonElement, string, string, string)"/>
    public static void Same(JsonElement parent, string field, string path, double expected)
    {
        double actual = Double(parent, field, path);
        if (actual != expected)
        {
            throw Mismatch(path, actual, $"this instance's {Preconditions.Format(expected)}");
        }
    }

    /// <inheritdoc cref="Same(JsonElement, string, string, string)"/>
    public static void Same(JsonElement parent, string field, string path, long expected)
    {
        long actual = Long(parent, field, long.MinValue, path);
        if (actual != expected)
        {
            throw Mismatch(path, actual, $"this instance's {Preconditions.Format(expected)}");
        }
    }

    /// <inheritdoc cref="Same(JsonElement, string, string, string)"/>
    public static void Same(JsonElement parent, string field, string path, bool expected)
    {
        bool actual = Boolean(parent, field, path);
        if (actual != expected)
        {
            throw Mismatch(path, actual, $"this instance's {(expected ? "true" : "false")}");
        }
    }

    /// <summary>Reads a required string.</summary>
    public static string String(JsonElement parent, string field, string? path = null)
    {
        JsonElement element = Field(parent, field, path);
        return element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw Mismatch(path ?? field, element.GetRawText(), "a string");
    }

    /// <summary>Reads a required finite number.</summary>
    public static double Double(JsonElement parent, string field, string? path = null)
    {
        JsonElement element = Field(parent, field, path);
        return element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double value) && double.IsFinite(value)
            ? value
            : throw Mismatch(path ?? field, element.GetRawText(), "a finite number");
    }

    /// <summary>Writes a number, or an infinity as the string <c>"Infinity"</c> or <c>"-Infinity"</c> (JSON has no infinite numbers).</summary>
    public static void WriteExtended(Utf8JsonWriter writer, string field, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(field, value);
        }
        else
        {
            writer.WriteString(field, double.IsPositiveInfinity(value) ? "Infinity" : "-Infinity");
        }
    }

    /// <summary>Reads a required number or <c>"Infinity"</c> or <c>"-Infinity"</c>; never NaN.</summary>
    public static double ExtendedDouble(JsonElement parent, string field, string? path = null)
    {
        JsonElement element = Field(parent, field, path);
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString() switch
            {
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                // Stryker disable once NullCoalescing : no caller passes a path for an extended number, so path ?? field is field.
                _ => throw Mismatch(path ?? field, element.GetRawText(), "a finite number, \"Infinity\" or \"-Infinity\""),
            };
        }

        return Double(parent, field, path);
    }

    /// <summary>Reads a required integer ≥ <paramref name="minimum"/>.</summary>
    public static long Long(JsonElement parent, string field, long minimum, string? path = null)
    {
        JsonElement element = Field(parent, field, path);
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out long value))
        {
            throw Mismatch(path ?? field, element.GetRawText(), "an integer");
        }

        return value >= minimum
            ? value
            : throw Mismatch(path ?? field, value, $"an integer >= {Preconditions.Format(minimum)}");
    }

    /// <summary>Reads a required Boolean.</summary>
    public static bool Boolean(JsonElement parent, string field, string? path = null)
    {
        JsonElement element = Field(parent, field, path);
        return element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Mismatch(path ?? field, element.GetRawText(), "true or false"),
        };
    }

    /// <summary>Reads a required array.</summary>
    public static JsonElement Array(JsonElement parent, string field, string? path = null)
    {
        JsonElement element = Field(parent, field, path);
        // Stryker disable once NullCoalescing : no caller passes a path for an array, so path ?? field is field.
        return element.ValueKind == JsonValueKind.Array
            ? element
            : throw Mismatch(path ?? field, element.GetRawText(), "an array");
    }

    /// <summary>Reads a required object.</summary>
    public static JsonElement Object(JsonElement parent, string field, string? path = null)
    {
        JsonElement element = Field(parent, field, path);
        // Stryker disable once NullCoalescing : no caller passes a path for an object, so path ?? field is field.
        return element.ValueKind == JsonValueKind.Object
            ? element
            : throw Mismatch(path ?? field, element.GetRawText(), "an object");
    }

    private static JsonElement Field(JsonElement parent, string field, string? path) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(field, out JsonElement element)
            ? element
            : throw Mismatch(path ?? field, "missing", "present");

    private static string Abbreviate(string json) => json.Length <= 80 ? json : string.Concat(json.AsSpan(0, 77), "...");
}
