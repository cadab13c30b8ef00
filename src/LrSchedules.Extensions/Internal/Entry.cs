namespace LrSchedules.Configuration.Internal;

/// <summary>One schedule type of the fixed table: its name, category, parameters and the factory call that builds it.</summary>
internal sealed class Entry
{
    private readonly HashSet<Prop> _props;

    public Entry(string name, ScheduleCategory category, string summary, Param[] parameters, Func<ScheduleDescription, Built, object> build)
    {
        Name = name;
        Category = category;
        Summary = summary;
        Params = parameters;
        Build = build;
        _props = [.. parameters.Select(p => p.Prop)];
    }

    public string Name { get; }

    public ScheduleCategory Category { get; }

    public string Summary { get; }

    public IReadOnlyList<Param> Params { get; }

    public Func<ScheduleDescription, Built, object> Build { get; }

    public bool Takes(Prop prop) => _props.Contains(prop);

    public string ParameterList => string.Join(", ", Params.Select(p => p.Name));
}
