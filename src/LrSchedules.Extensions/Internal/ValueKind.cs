namespace LrSchedules.Configuration.Internal;

/// <summary>What a property of a description holds, which decides how it is read, written, checked and listed.</summary>
internal enum ValueKind
{
    /// <summary>A <see cref="double"/>.</summary>
    Number,

    /// <summary>A <see cref="long"/>.</summary>
    Integer,

    /// <summary>An <see cref="int"/>.</summary>
    SmallInteger,

    /// <summary>A <see cref="bool"/>.</summary>
    Boolean,

    /// <summary>A <see cref="string"/>, read as written.</summary>
    Text,

    /// <summary>A value of the property's enum type, written by name.</summary>
    Enum,

    /// <summary>A list of <see cref="double"/>.</summary>
    Numbers,

    /// <summary>A list of <see cref="long"/>.</summary>
    Integers,

    /// <summary>A nested <see cref="ScheduleDescription"/> of the property's category.</summary>
    Schedule,

    /// <summary>A list of nested <see cref="ScheduleDescription"/>s.</summary>
    Schedules,
}
