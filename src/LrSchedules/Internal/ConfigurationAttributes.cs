namespace LrSchedules.Internal;

/// <summary>
/// Marks a class whose public methods returning an object (and, for a class that builds itself, whose static properties
/// of its own type) are factories: the configuration layer (LrSchedules.Extensions) derives a configuration type from
/// each of them at compile time, named like the method, with the method's parameters, defaults and documentation.
/// </summary>
/// <remarks>
/// <para>Read by the source generator of LrSchedules.Extensions from this assembly's metadata; no code reads it at run time.</para>
/// <para>A class that ports another library (LrSchedules.Porting) declares that library's names here, once: with a
/// <see cref="Prefix"/>, each configuration type is named <c>Prefix.Method</c> (and <c>Alias.Method</c>), its method
/// name is the origin's (the C# name, snake_cased when <see cref="SnakeCaseNames"/>), and its keys are the C# parameter
/// names snake_cased (<c>numWarmupSteps</c> → <c>num_warmup_steps</c>); <see cref="ConfigurationNameAttribute"/>
/// declares a name where that derivation differs from the origin's (<c>T_max</c>).</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class ConfigurationFactoriesAttribute : Attribute
{
    /// <summary>Gets or sets the origin's qualified module (<c>torch.optim.lr_scheduler</c>); null for the core's own names.</summary>
    public string? Prefix { get; init; }

    /// <summary>Gets or sets a short prefix also accepted (<c>torch</c>, so <c>torch.OneCycleLR</c>); null for none.</summary>
    public string? Alias { get; init; }

    /// <summary>Gets or sets a value indicating whether the origin's names are functions in snake_case (<c>GetWsdSchedule</c> → <c>get_wsd_schedule</c>) rather than the C# (class) names.</summary>
    public bool SnakeCaseNames { get; init; }
}

/// <summary>
/// Declares the origin's name where the derivation of <see cref="ConfigurationFactoriesAttribute"/> differs from it: on
/// a parameter, its key (<c>T_max</c>); on a method, its name after the prefix (<c>Trainer.create_scheduler</c>), or its
/// whole qualified name when <see cref="Qualified"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter, Inherited = false)]
internal sealed class ConfigurationNameAttribute : Attribute
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="name">The origin's name.</param>
    public ConfigurationNameAttribute(string name) => Name = name;

    /// <summary>Gets the origin's name.</summary>
    public string Name { get; }

    /// <summary>Gets or sets a value indicating whether <see cref="Name"/> is the whole qualified name (no prefix, no alias).</summary>
    public bool Qualified { get; init; }
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
