namespace LrSchedules.Internal;

/// <summary>
/// Marks a class whose public methods returning an object (and, for a class that builds itself, whose static properties
/// of its own type) are factories: the configuration layer (LrSchedules.Extensions) derives a configuration type from
/// each of them at compile time, named like the method, with the method's parameters, defaults and documentation.
/// </summary>
/// <remarks>Read by the source generator of LrSchedules.Extensions from this assembly's metadata; no code reads it at run time.</remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class ConfigurationFactoriesAttribute : Attribute
{
}

/// <summary>
/// Marks a factory that has no configuration form (it takes a delegate, say), or an optional parameter that a
/// configuration never sets (a run's saved state), with the reason; a test fails for any other factory of a
/// <see cref="ConfigurationFactoriesAttribute"/> class that configuration cannot build.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter, Inherited = false)]
internal sealed class NotConfigurableAttribute : Attribute
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="reason">Why configuration cannot express the factory or the parameter.</param>
    public NotConfigurableAttribute(string reason) => Reason = reason;

    /// <summary>Gets why configuration cannot express the factory or the parameter.</summary>
    public string Reason { get; }
}
