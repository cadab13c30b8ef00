namespace LrSchedules.Configuration;

/// <summary>A parameter of a schedule type, as <see cref="ScheduleConfiguration.Types"/> lists it. Immutable.</summary>
public sealed class ScheduleParameterInfo
{
    internal ScheduleParameterInfo(string name, string valueType, bool isRequired, string? defaultValue, string? requirement)
    {
        Name = name;
        ValueType = valueType;
        IsRequired = isRequired;
        DefaultValue = defaultValue;
        Requirement = requirement;
    }

    /// <summary>The property of <see cref="ScheduleDescription"/> that holds the parameter, e.g. <c>TotalSteps</c>.</summary>
    public string Name { get; }

    /// <summary>What the value is: <c>number</c>, <c>integer</c>, <c>true or false</c>, the names of an enum, <c>schedule</c>, a list of these.</summary>
    public string ValueType { get; }

    /// <summary>Whether a description of the type must set the parameter.</summary>
    public bool IsRequired { get; }

    /// <summary>The value used when the parameter is absent; <see langword="null"/> for a required parameter or when absence has its own meaning.</summary>
    public string? DefaultValue { get; }

    /// <summary>What a valid value is, e.g. <c>a finite number &gt;= 0</c>; <see langword="null"/> when any value of <see cref="ValueType"/> is valid.</summary>
    public string? Requirement { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
