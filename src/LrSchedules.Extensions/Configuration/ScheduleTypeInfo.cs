namespace LrSchedules.Configuration;

/// <summary>A type that a <see cref="ScheduleDescription"/> can name: one factory of the core library. Immutable.</summary>
/// <remarks>Every member is derived from the factory at compile time: its name, parameters, defaults and XML documentation.</remarks>
public sealed class ScheduleTypeInfo
{
    internal ScheduleTypeInfo(string name, string factory, Type resultType, string summary, IReadOnlyList<ScheduleParameterInfo> parameters, IReadOnlyList<ScheduleTypeInfo> overloads)
    {
        Overloads = overloads;
        Name = name;
        Factory = factory;
        ResultType = resultType;
        Summary = summary;
        Parameters = parameters;
    }

    /// <summary>Gets the value of <see cref="ScheduleDescription.Type"/>: the factory method's name, e.g. <c>Cosine</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the factory the type calls, e.g. <c>Schedule.Cosine</c>.</summary>
    public string Factory { get; }

    /// <summary>Gets the type the factory declares it returns; group by it to list the learning-rate schedules, the batch-size schedules, the plans, ….</summary>
    public Type ResultType { get; }

    /// <summary>Gets the factory's XML summary, on one line.</summary>
    public string Summary { get; }

    /// <summary>Gets the parameters, in the order of the factory's parameters.</summary>
    public IReadOnlyList<ScheduleParameterInfo> Parameters { get; }

    /// <summary>
    /// Gets the other forms of the type: the factory's overloads with fewer parameters (e.g. <c>Polynomial</c> to 0, or
    /// OLMo's <c>Power</c> by fractions), each with its own summary and parameters; empty when the factory has one form.
    /// </summary>
    /// <value>A description calls the form whose parameters its keys name; <see cref="Parameters"/> is the form with the most parameters.</value>
    public IReadOnlyList<ScheduleTypeInfo> Overloads { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
