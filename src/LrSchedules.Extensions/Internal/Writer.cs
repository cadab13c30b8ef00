using System.Globalization;
using System.Text.Json;

namespace LrSchedules.Configuration.Internal;

/// <summary>
/// Writes a description as JSON: <c>Type</c> first, then the parameters in the factory's order, the nested descriptions
/// last (so that a wrapper's own settings are read before its child). Numbers in their shortest round-trip form.
/// </summary>
internal static class Writer
{
    public static void Write(Utf8JsonWriter writer, ScheduleDescription description)
    {
        writer.WriteStartObject();
        if (description.Type is { } type)
        {
            writer.WriteString(nameof(ScheduleDescription.Type), type);
        }

        Parameter[] order = Factories.Find(description.Type)?.Parameters ?? [];
        IEnumerable<KeyValuePair<string, object?>> parameters = description.Parameters
            .OrderBy(p => Array.FindIndex(order, o => string.Equals(o.Key, p.Key, StringComparison.OrdinalIgnoreCase)) is int i and >= 0 ? i : int.MaxValue);
        foreach (KeyValuePair<string, object?> parameter in parameters.Where(p => !IsNested(p.Value)).Concat(parameters.Where(p => IsNested(p.Value))))
        {
            writer.WritePropertyName(parameter.Key);
            WriteValue(writer, parameter.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>A value as JSON text on one line, e.g. a default in the type table: <c>0.5</c>, <c>"Linear"</c>, <c>null</c>.</summary>
    public static string Text(object? value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteValue(writer, value);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static bool IsNested(object? value) =>
        value is ScheduleDescription || (value is System.Collections.IEnumerable list and not string && list.Cast<object?>().Any(e => e is ScheduleDescription));

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case ScheduleDescription description:
                Write(writer, description);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case double number:
                // JSON has no NaN or infinity; the reader parses these strings back.
                writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case float number:
                writer.WriteNumberValue(number);
                break;
            case long or int or short or byte or ulong or uint:
                writer.WriteRawValue(Paths.Format(value));
                break;
            case Enum:
                writer.WriteStringValue(value.ToString());
                break;
            case System.Collections.IEnumerable list:
                writer.WriteStartArray();
                foreach (object? element in list)
                {
                    WriteValue(writer, element);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Paths.Format(value));
                break;
        }
    }
}
