namespace LrSchedules.Configuration;

/// <summary>A parameter of a schedule type, as <see cref="ScheduleConfiguration.Types"/> lists it. Immutable.</summary>
public sealed class ScheduleParameterInfo
{
    internal ScheduleParameterInfo(string name, string valueType, bool isRequired, string? defaultValue, string documentation, IReadOnlyList<ScheduleParameterInfo> fields)
    {
        Name = name;
        ValueType = valueType;
        IsRequired = isRequired;
        DefaultValue = defaultValue;
        Documentation = documentation;
        Fields = fields;
    }

    /// <summary>Gets the key: the factory's parameter name in PascalCase, e.g. <c>TotalSteps</c>.</summary>
    public string Name { get; }

    /// <summary>Gets what the value is: <c>number</c>, <c>integer</c>, <c>true or false</c>, the names of an enum, a description of what a nested type builds, a list of these.</summary>
    public string ValueType { get; }

    /// <summary>Gets a value indicating whether a description must set the parameter (the factory gives it no default).</summary>
    public bool IsRequired { get; }

    /// <summary>Gets the factory's default as JSON text (<c>0</c>, <c>"Linear"</c>, <c>null</c>); <see langword="null"/> for a required parameter.</summary>
    public string? DefaultValue { get; }

    /// <summary>Gets the factory's XML documentation of the parameter, on one line: what it is and which values it accepts.</summary>
    public string Documentation { get; }

    /// <summary>Gets the keys of an options object (such as reduce-on-plateau's <c>Options</c>); empty for any other parameter.</summary>
    public IReadOnlyList<ScheduleParameterInfo> Fields { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
