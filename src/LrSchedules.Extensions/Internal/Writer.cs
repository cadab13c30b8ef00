using System.Text.Json;

namespace LrSchedules.Configuration.Internal;

/// <summary>Writes a description as JSON: <c>Type</c> first, then the set parameters in declaration order, nulls left out.</summary>
internal static class Writer
{
    public static void Write(Utf8JsonWriter writer, ScheduleDescription description)
    {
        writer.WriteStartObject();
        if (description.Type is { } type)
        {
            writer.WriteString(nameof(ScheduleDescription.Type), type);
        }

        // Parameters first, the nested schedules last, so that a wrapper's own settings are read before its child.
        foreach (Prop prop in Props.All.Where(p => !p.IsNested).Concat(Props.All.Where(p => p.IsNested)))
        {
            object? value = prop.Get(description);
            if (value is null)
            {
                continue;
            }

            writer.WritePropertyName(prop.Name);
            WriteValue(writer, prop, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, Prop prop, object value)
    {
        switch (prop.Kind)
        {
            case ValueKind.Number:
                WriteNumber(writer, (double)value);
                break;
            case ValueKind.Integer:
                writer.WriteNumberValue((long)value);
                break;
            case ValueKind.SmallInteger:
                writer.WriteNumberValue((int)value);
                break;
            case ValueKind.Boolean:
                writer.WriteBooleanValue((bool)value);
                break;
            case ValueKind.Enum:
                writer.WriteStringValue(value.ToString());
                break;
            case ValueKind.Text:
                if (long.TryParse((string)value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long whole))
                {
                    writer.WriteNumberValue(whole);
                }
                else
                {
                    writer.WriteStringValue((string)value);
                }

                break;
            case ValueKind.Numbers:
                writer.WriteStartArray();
                foreach (double number in (IList<double>)value)
                {
                    WriteNumber(writer, number);
                }

                writer.WriteEndArray();
                break;
            case ValueKind.Integers:
                writer.WriteStartArray();
                foreach (long integer in (IList<long>)value)
                {
                    writer.WriteNumberValue(integer);
                }

                writer.WriteEndArray();
                break;
            case ValueKind.Schedule:
                Write(writer, (ScheduleDescription)value);
                break;
            case ValueKind.Schedules:
                writer.WriteStartArray();
                foreach (ScheduleDescription child in (IList<ScheduleDescription>)value)
                {
                    if (child is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        Write(writer, child);
                    }
                }

                writer.WriteEndArray();
                break;
        }
    }

    /// <summary>Writes a double in its shortest round-trip form; NaN and infinities, which JSON has no number for, as strings.</summary>
    private static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
