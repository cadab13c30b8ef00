namespace LrSchedules.Configuration.Internal;

/// <summary>A parameter that a schedule type takes: the description property, whether it is required, its default and its rule.</summary>
internal sealed class Param
{
    public Param(Prop prop, bool required, string? defaultValue, Check? check)
    {
        Prop = prop;
        Required = required;
        DefaultValue = defaultValue;
        Check = check;
    }

    public Prop Prop { get; }

    public string Name => Prop.Name;

    public bool Required { get; }

    /// <summary>The factory's default, as written in a description; null for a required parameter.</summary>
    public string? DefaultValue { get; }

    public Check? Check { get; }

    /// <summary>The name of the factory parameter (camel case), as the core library's messages name it.</summary>
    public string FactoryName => char.ToLowerInvariant(Name[0]) + Name[1..];
}
