using System.Globalization;

namespace LrSchedules.Configuration.Internal;

/// <summary>
/// Reads a description from a configuration tree or a JSON document, collecting every problem (an unknown key, a value
/// that is not a number, an enum name that does not exist) with its path instead of stopping at the first as the
/// configuration binder and the JSON serializer do. A value that cannot be read is left null.
/// </summary>
internal static class Reader
{
    public static ScheduleDescription ReadSchedule(Node node, List<ScheduleProblem> problems)
    {
        var description = new ScheduleDescription();
        ReadScheduleInto(node, description, problems);
        return description;
    }

    public static void ReadScheduleInto(Node node, ScheduleDescription description, List<ScheduleProblem> problems)
    {
        if (!node.IsObject)
        {
            if (!node.IsAbsent)
            {
                problems.Add(new(node.Path, $"{Paths.Subject(node.Path)} must be a schedule description (an object with a Type) but was {node.What}."));
            }

            return;
        }

        Node? typeNode = node.Children.LastOrDefault(c => string.Equals(c.Key, nameof(ScheduleDescription.Type), StringComparison.OrdinalIgnoreCase));
        if (typeNode is not null && !typeNode.IsAbsent)
        {
            if (typeNode.Text is { } type)
            {
                description.Type = type;
            }
            else
            {
                problems.Add(new(typeNode.Path, $"{typeNode.Path} must be the name of a schedule type but was {typeNode.What}."));
            }
        }

        Entry? entry = Catalog.Find(description.Type);
        foreach (Node child in node.Children)
        {
            if (ReferenceEquals(child, typeNode))
            {
                continue;
            }

            Prop? prop = Props.Find(child.Key);
            if (prop is null)
            {
                problems.Add(new(child.Path, entry is null
                    ? $"{child.Path} is not a parameter of any schedule type."
                    : $"{child.Path} is not a parameter of {entry.Name}; its parameters are {entry.ParameterList}."));
                continue;
            }

            if (child.IsAbsent)
            {
                // IConfiguration keeps an empty JSON array of appsettings as a key with no value: an empty list.
                if (child is ConfigurationNode && prop.Kind is ValueKind.Numbers or ValueKind.Integers or ValueKind.Schedules)
                {
                    prop.Set(description, EmptyList(prop.Kind));
                }

                continue;
            }

            prop.Set(description, ReadValue(prop, child, problems));
        }
    }

    private static object EmptyList(ValueKind kind) => kind switch
    {
        ValueKind.Numbers => new List<double>(),
        ValueKind.Integers => new List<long>(),
        _ => new List<ScheduleDescription>(),
    };

    /// <summary>A nested description; null (after a problem) when the node is not an object.</summary>
    private static ScheduleDescription? ReadNested(Node node, List<ScheduleProblem> problems)
    {
        if (!node.IsObject)
        {
            problems.Add(new(node.Path, $"{node.Path} must be a schedule description (an object with a Type) but was {node.What}."));
            return null;
        }

        return ReadSchedule(node, problems);
    }

    private static object? ReadValue(Prop prop, Node node, List<ScheduleProblem> problems)
    {
        switch (prop.Kind)
        {
            case ValueKind.Schedule:
                return ReadNested(node, problems);
            case ValueKind.Schedules:
                return ReadList<ScheduleDescription>(prop, node, problems, element => ReadNested(element, problems));
            case ValueKind.Numbers:
                return ReadList<double>(prop, node, problems, element => Scalar(prop, ValueKind.Number, element, problems));
            case ValueKind.Integers:
                return ReadList<long>(prop, node, problems, element => Scalar(prop, ValueKind.Integer, element, problems));
            default:
                return Scalar(prop, prop.Kind, node, problems);
        }
    }

    private static List<T>? ReadList<T>(Prop prop, Node node, List<ScheduleProblem> problems, Func<Node, object?> read)
    {
        if (node.Text is { Length: 0 })
        {
            // How IConfiguration writes an empty JSON array.
            return [];
        }

        if (!node.IsList)
        {
            problems.Add(new(node.Path, $"{node.Path} must be a {prop.ValueTypeName} but was {node.What}."));
            return null;
        }

        var list = new List<T>();
        bool complete = true;
        foreach (Node element in node.Children)
        {
            if (element.IsAbsent)
            {
                problems.Add(new(element.Path, $"{element.Path} must not be null."));
                complete = false;
            }
            else if (read(element) is T value)
            {
                list.Add(value);
            }
            else
            {
                complete = false;
            }
        }

        return complete ? list : null;
    }

    private static object? Scalar(Prop prop, ValueKind kind, Node node, List<ScheduleProblem> problems)
    {
        string? text = node.Text;
        if (text is null)
        {
            if (!node.IsAbsent)
            {
                problems.Add(new(node.Path, $"{node.Path} must be {Expected(prop, kind)} but was {node.What}."));
            }

            return null;
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        object? value = kind switch
        {
            ValueKind.Number => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : null,
            ValueKind.Integer => ParseInteger(text, long.MinValue, long.MaxValue),
            ValueKind.SmallInteger => ParseInteger(text, int.MinValue, int.MaxValue) is long l ? (int)l : null,
            ValueKind.Boolean => bool.TryParse(text, out bool b) ? b : null,
            ValueKind.Text => text,
            ValueKind.Enum => ParseEnum(prop.EnumType!, text),
            _ => null,
        };

        if (value is null)
        {
            problems.Add(new(node.Path, $"{node.Path} must be {Expected(prop, kind)} but was '{text}'."));
        }

        return value;
    }

    private static string Expected(Prop prop, ValueKind kind) => kind switch
    {
        ValueKind.Number => "a number",
        ValueKind.Integer => "an integer",
        ValueKind.SmallInteger => $"an integer in [{int.MinValue.ToString(CultureInfo.InvariantCulture)}, {int.MaxValue.ToString(CultureInfo.InvariantCulture)}]",
        ValueKind.Boolean => "true or false",
        ValueKind.Enum => "one of " + string.Join(", ", Enum.GetNames(prop.EnumType!)),
        _ => "a " + prop.ValueTypeName,
    };

    /// <summary>An integer, also written with an exponent or a fraction of zero (<c>1e5</c>, <c>100.0</c>), read exactly.</summary>
    private static long? ParseInteger(string text, long minimum, long maximum)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
        {
            return value >= minimum && value <= maximum ? value : null;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact)
            && exact == decimal.Truncate(exact) && exact >= minimum && exact <= maximum)
        {
            return (long)exact;
        }

        return null;
    }

    /// <summary>An enum value by its name, ignoring case; numbers and combinations are not names.</summary>
    private static object? ParseEnum(Type enumType, string text)
    {
        foreach (string name in Enum.GetNames(enumType))
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return Enum.Parse(enumType, name);
            }
        }

        return null;
    }
}
