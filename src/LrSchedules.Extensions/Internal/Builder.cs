using System.Text.RegularExpressions;

namespace LrSchedules.Configuration.Internal;

/// <summary>
/// Validates a description tree and builds it, collecting every problem with its path. Each node is checked up front
/// (type, unknown and missing parameters, each value's rule); only a node with no problem of its own and built children
/// calls its factory, whose <see cref="ArgumentException"/> (a cross-parameter rule) is translated to the node's path.
/// </summary>
internal static partial class Builder
{
    public static object? Build(ScheduleDescription? description, string path, ScheduleCategory? expected, List<ScheduleProblem> problems)
    {
        if (description is null)
        {
            problems.Add(new(path, $"{Paths.Subject(path)} is required: a schedule description with a Type.", isMissing: true));
            return null;
        }

        string typePath = Paths.Child(path, nameof(ScheduleDescription.Type));
        if (string.IsNullOrWhiteSpace(description.Type))
        {
            problems.Add(new(typePath, $"{typePath} is required; the known types are {Catalog.Names(expected)}.", isMissing: true));
            return null;
        }

        Entry? entry = Catalog.Find(description.Type);
        if (entry is null)
        {
            problems.Add(new(typePath, $"{typePath} must be one of {Catalog.Names(expected)} but was '{description.Type}'."));
            return null;
        }

        if (expected is { } category && entry.Category != category)
        {
            problems.Add(new(typePath, $"{typePath} must be a {Describe(category)} type ({Catalog.Names(category)}) but was '{description.Type}', a {Describe(entry.Category)} type."));
            return null;
        }

        int before = problems.Count;
        foreach (Prop prop in Props.All)
        {
            if (prop.Get(description) is not null && !entry.Takes(prop))
            {
                string propPath = Paths.Child(path, prop.Name);
                problems.Add(new(propPath, $"{propPath} is not a parameter of {entry.Name}; its parameters are {entry.ParameterList}."));
            }
        }

        foreach (Param param in entry.Params)
        {
            string propPath = Paths.Child(path, param.Name);
            object? value = param.Prop.Get(description);
            if (value is null)
            {
                if (param.Required)
                {
                    problems.Add(new(propPath, $"{propPath} is required for {entry.Name}{Requirement(param)}.", isMissing: true));
                }

                continue;
            }

            if (param.Prop.Kind == ValueKind.Enum && !Enum.IsDefined(param.Prop.EnumType!, value))
            {
                problems.Add(new(propPath, Check.Message(propPath, "one of " + param.Prop.ValueTypeName.Replace(" | ", ", ", StringComparison.Ordinal), value)));
            }

            if (param.Check is { } check)
            {
                problems.AddRange(check.Problems(value, propPath).Select(message => new ScheduleProblem(propPath, message)));
            }
        }

        Built built = BuildChildren(description, entry, path, problems);
        if (problems.Count != before)
        {
            return null;
        }

        try
        {
            return entry.Build(description, built);
        }
        catch (ArgumentException exception)
        {
            problems.Add(Translate(exception, path, entry));
            return null;
        }
    }

    private static Built BuildChildren(ScheduleDescription description, Entry entry, string path, List<ScheduleProblem> problems)
    {
        var built = new Built();
        foreach (Param param in entry.Params.Where(p => p.Prop.IsNested))
        {
            string childPath = Paths.Child(path, param.Name);
            object? value = param.Prop.Get(description);
            if (value is ScheduleDescription child)
            {
                if (Build(child, childPath, param.Prop.Category, problems) is { } result)
                {
                    built.Set(param.Prop, result);
                }
            }
            else if (value is IList<ScheduleDescription> children)
            {
                var results = new List<ILearningRateSchedule>();
                for (int i = 0; i < children.Count; i++)
                {
                    if (Build(children[i], Paths.Index(childPath, i), param.Prop.Category, problems) is ILearningRateSchedule result)
                    {
                        results.Add(result);
                    }
                }

                built.Set(param.Prop, results);
            }
        }

        return built;
    }

    private static string Requirement(Param param) =>
        param.Check is { } check ? $" ({param.Prop.ValueTypeName}, {check.Requirement})" : $" ({param.Prop.ValueTypeName})";

    internal static string Describe(ScheduleCategory category) => category switch
    {
        ScheduleCategory.LearningRate => "learning-rate schedule",
        ScheduleCategory.BatchSize => "batch-size schedule",
        ScheduleCategory.TrainingPlan => "training plan",
        ScheduleCategory.ScalingRule => "scaling rule",
        ScheduleCategory.BatchGrowthPlan => "batch growth plan",
        ScheduleCategory.DataParallelPlan => "data-parallel plan",
        ScheduleCategory.ReduceOnPlateau => "reduce-on-plateau",
        _ => category.ToString(),
    };

    /// <summary>
    /// Rewrites a message of the core library, which names factory parameters (<c>upperBound must be … but was …</c>),
    /// so that it starts with the configuration path and names the description's properties.
    /// </summary>
    internal static ScheduleProblem Translate(ArgumentException exception, string path, Entry entry)
    {
        string message = exception.Message;
        int newline = message.IndexOf('\n', StringComparison.Ordinal);
        if (newline >= 0)
        {
            message = message[..newline].TrimEnd('\r');
        }

        if (exception.ParamName is { } paramName)
        {
            string suffix = $" (Parameter '{paramName}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal))
            {
                message = message[..^suffix.Length];
            }
        }

        Dictionary<string, string> names = entry.Params.ToDictionary(p => p.FactoryName, p => p.Name, StringComparer.Ordinal);
        string subjectPath = path;
        bool leading = true;
        string translated = Word().Replace(message, match =>
        {
            bool first = leading && match.Index == 0;
            leading = false;
            if (!names.TryGetValue(match.Groups["name"].Value, out string? property))
            {
                return match.Value;
            }

            string index = match.Groups["index"].Success ? match.Groups["index"].Value : string.Empty;
            if (first)
            {
                subjectPath = Paths.Child(path, property);
                if (index.Length > 0)
                {
                    subjectPath = Paths.Child(subjectPath, index);
                }

                return subjectPath;
            }

            return index.Length > 0 ? $"{property}[{index}]" : property;
        });

        if (subjectPath == path)
        {
            // The message does not start with a parameter: put the node's path (and the parameter, if known) in front.
            string subject = exception.ParamName is { } name && names.TryGetValue(name, out string? known) ? Paths.Child(path, known) : path;
            return new(subject, $"{Paths.Subject(subject)}: {translated}");
        }

        return new(subjectPath, translated);
    }

    [GeneratedRegex(@"\b(?<name>[a-z][A-Za-z0-9]*)(\[(?<index>\d+)\])?")]
    private static partial Regex Word();
}
