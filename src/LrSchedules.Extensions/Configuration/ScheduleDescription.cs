namespace LrSchedules.Configuration;

/// <summary>
/// A declarative description of a schedule: a <see cref="Type"/> (the name of a factory, e.g. <c>Cosine</c>) and that
/// factory's arguments, keyed by its parameter names in PascalCase; the schedules a combinator wraps are descriptions
/// nested to any depth.
/// </summary>
/// <remarks>
/// <para>
/// The types and their parameters are the factories of the core library (<see cref="ScheduleConfiguration.Types"/>
/// lists them, derived at compile time): <c>Schedule.Cosine(initialLearningRate, totalSteps, …)</c> is
/// <c>{ "Type": "Cosine", "InitialLearningRate": 0.1, "TotalSteps": 1000 }</c>. A parameter left out takes the
/// factory's default; a key that is not a parameter is an error, not ignored.
/// </para>
/// <para>
/// A value in <see cref="Parameters"/> is a number (<see cref="double"/>, <see cref="long"/>, <see cref="int"/>), a
/// <see cref="bool"/>, a <see cref="string"/>, an enum value, a nested <see cref="ScheduleDescription"/> (an options
/// object, such as reduce-on-plateau's <c>Options</c>, is a description without a <see cref="Type"/>), a list of these,
/// or <see langword="null"/> (for a parameter whose factory accepts null). A description read from JSON or
/// configuration holds each value as its parameter's type; one built in code may hold any of the above, and is read
/// through the same code path when it is built.
/// </para>
/// <para>
/// A description is a plain mutable object and is not thread-safe; what it builds is immutable (except
/// reduce-on-plateau). Read one with <see cref="ScheduleConfiguration.Load(string, Type?)"/>, write it with
/// <see cref="ScheduleConfiguration.ToJson"/>, get one from a built schedule with <see cref="ScheduleConfiguration.Describe"/>.
/// It is not bound with the configuration binder (which cannot bind a tree of mixed values): the options that
/// <c>AddLearningRateSchedule</c> registers are read by <see cref="ScheduleConfiguration.LoadSection"/>.
/// </para>
/// <example>
/// A warmup followed by a cosine decay, as JSON:
/// <code>
/// { "Type": "Join", "Boundaries": [ 100 ],
///   "Schedules": [ { "Type": "Linear", "InitialLearningRate": 0, "FinalLearningRate": 0.1, "TotalSteps": 100 },
///                  { "Type": "Cosine", "InitialLearningRate": 0.1, "TotalSteps": 900 } ] }
/// </code>
/// </example>
/// </remarks>
public sealed class ScheduleDescription
{
    /// <summary>Initializes a new instance with no type and no parameters.</summary>
    public ScheduleDescription()
    {
    }

    /// <summary>Initializes a new instance of a type, with no parameters yet.</summary>
    /// <param name="type">The type: the name of a factory, e.g. <c>Cosine</c>.</param>
    public ScheduleDescription(string? type) => Type = type;

    /// <summary>Gets or sets the type: one of the names of <see cref="ScheduleConfiguration.Types"/>, matched without regard to case. Required for a schedule; null for an options object.</summary>
    public string? Type { get; set; }

    /// <summary>Gets the arguments, keyed by parameter name (PascalCase, matched without regard to case).</summary>
    public IDictionary<string, object?> Parameters { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => ScheduleConfiguration.ToJson(this, indented: false);
}
