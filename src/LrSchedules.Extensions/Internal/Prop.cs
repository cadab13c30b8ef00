namespace LrSchedules.Configuration.Internal;

/// <summary>One property of <see cref="ScheduleDescription"/>: its name, what it holds, and access to it without reflection.</summary>
internal sealed class Prop
{
    public Prop(string name, ValueKind kind, Func<ScheduleDescription, object?> get, Action<ScheduleDescription, object?> set, Type? enumType = null, ScheduleCategory category = ScheduleCategory.LearningRate)
    {
        Category = category;
        Name = name;
        Kind = kind;
        Get = get;
        Set = set;
        EnumType = enumType;
    }

    public string Name { get; }

    public ValueKind Kind { get; }

    public Func<ScheduleDescription, object?> Get { get; }

    public Action<ScheduleDescription, object?> Set { get; }

    public Type? EnumType { get; }

    /// <summary>What a nested description must build (<see cref="ValueKind.Schedule"/> and <see cref="ValueKind.Schedules"/>).</summary>
    public ScheduleCategory Category { get; }

    /// <summary>Whether the property holds nested descriptions.</summary>
    public bool IsNested => Kind is ValueKind.Schedule or ValueKind.Schedules;

    /// <summary>How the value is written in <c>lrs list</c> and in messages.</summary>
    public string ValueTypeName => Kind switch
    {
        ValueKind.Number => "number",
        ValueKind.Integer or ValueKind.SmallInteger => "integer",
        ValueKind.Boolean => "true or false",
        ValueKind.Text => "text",
        ValueKind.Enum => string.Join(" | ", Enum.GetNames(EnumType!)),
        ValueKind.Numbers => "list of numbers",
        ValueKind.Integers => "list of integers",
        ValueKind.Schedule => Category switch
        {
            ScheduleCategory.LearningRate => "schedule",
            ScheduleCategory.TrainingPlan => "training plan",
            ScheduleCategory.BatchSize => "batch-size schedule",
            ScheduleCategory.ScalingRule => "scaling rule",
            _ => Category.ToString(),
        },
        ValueKind.Schedules => "list of schedules",
        _ => Kind.ToString(),
    };

    public override string ToString() => Name;
}
