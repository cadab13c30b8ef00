namespace LrSchedules.Configuration;

/// <summary>A schedule type that a <see cref="ScheduleDescription"/> can name in its <see cref="ScheduleDescription.Type"/>. Immutable.</summary>
public sealed class ScheduleTypeInfo
{
    internal ScheduleTypeInfo(string name, ScheduleCategory category, string summary, IReadOnlyList<ScheduleParameterInfo> parameters)
    {
        Name = name;
        Category = category;
        Summary = summary;
        Parameters = parameters;
    }

    /// <summary>The value of <see cref="ScheduleDescription.Type"/>, e.g. <c>Cosine</c>.</summary>
    public string Name { get; }

    /// <summary>What the type builds.</summary>
    public ScheduleCategory Category { get; }

    /// <summary>One line on what the type is and the factory it calls.</summary>
    public string Summary { get; }

    /// <summary>The parameters the type takes, in the order of the factory's parameters.</summary>
    public IReadOnlyList<ScheduleParameterInfo> Parameters { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
