using LrSchedules.Plateau;
using LrSchedules.Porting;

namespace LrSchedules.Configuration.Internal;

/// <summary>
/// The configuration types: one per factory of the core, generated at compile time by
/// <c>LrSchedules.Extensions.Generators</c> (see <c>Factories.g.cs</c> under the generated files). Nothing here names a
/// schedule type; a type name read from configuration is only ever looked up in this table.
/// </summary>
internal static partial class Factories
{
    private static readonly Factory[] Every = Create();

    /// <summary>Gets every configuration type (the primary overload of each name), in the order of the factory classes and their methods.</summary>
    public static IReadOnlyList<Factory> All { get; } = [.. Every.Where(f => f.Primary)];

    private static readonly Dictionary<string, Factory[]> ByName = Every
        .SelectMany(f => f.Alias is null ? [(Name: f.Name, Factory: f)] : new[] { (Name: f.Name, Factory: f), (Name: f.Alias, Factory: f) })
        .GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Select(n => n.Factory).ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The other overloads of a type (those with fewer parameters), in declaration order.</summary>
    public static IEnumerable<Factory> OtherOverloads(Factory type) => ByName[type.Name].Where(f => !f.Primary);

    /// <summary>Finds a type by its configuration name, ignoring case; null when there is none.</summary>
    public static Factory? Find(string? name) => name is null ? null : ByName.GetValueOrDefault(name.Trim())?[0];

    /// <summary>
    /// The overload of <paramref name="type"/> a description with <paramref name="keys"/> calls: the one with the most
    /// parameters that knows every key and has every required one; the primary when none does (its problems are reported).
    /// </summary>
    /// <remarks>A type with one overload needs no shortcut: the search finds <paramref name="type"/> or falls back to it.</remarks>
    public static Factory Overload(Factory type, IReadOnlyCollection<string> keys) =>
        ByName[type.Name].FirstOrDefault(f => keys.All(k => f.Parameters.Any(p => string.Equals(p.Key, k, StringComparison.OrdinalIgnoreCase)))
            && f.Parameters.Where(p => p.Required).All(p => keys.Contains(p.Key, StringComparer.OrdinalIgnoreCase)))
        ?? type;

    /// <summary>
    /// The overload whose factory recorded <paramref name="call"/> for <paramref name="built"/>: the same name, a result
    /// <paramref name="built"/> is (or a <see cref="PortedScheduler"/>, whose porting factory records its call on the
    /// schedule or controller it holds too), as many arguments, and parameters that take the recorded values; null when no
    /// configurable overload does.
    /// </summary>
    // Stryker disable once String : every recorded call name (the nameof of its Declared call) belongs to a method listed before any other method it ends with (Step before MultiStep, StepLR before MultiStepLR, ...), except TrainingPlan.PerStep, whose first parameter (a plan) never accepts Step's first argument (a double); so "." + call and call find the same factory
    public static Factory? ForCall(string call, IReadOnlyList<object?> arguments, object built) =>
        Every.FirstOrDefault(f => (f.Name == call || f.Method.EndsWith("." + call, StringComparison.Ordinal))
            && (f.Result.IsInstanceOfType(built) || f.Result == typeof(PortedScheduler))
            && f.Arity == arguments.Count
            && f.Parameters.All(p => p.Shape.Accepts(arguments[p.ArgumentIndex])));

    /// <summary>The names of the types whose objects can stand where a <paramref name="target"/> is expected.</summary>
    public static IEnumerable<string> NamesFor(Type target) => All.Where(f => Builds(f.Result, target)).Select(f => f.Name);

    /// <summary>
    /// Whether a factory whose result is <paramref name="result"/> can build a <paramref name="target"/>: a
    /// <see cref="PortedScheduler"/> (a porting method choosing by name between a schedule and a plateau controller)
    /// can build either, as the name decides (<see cref="Unwrapped"/>).
    /// </summary>
    public static bool Builds(Type result, Type target) =>
        target.IsAssignableFrom(result)
        || (result == typeof(PortedScheduler) && (target.IsAssignableFrom(typeof(LearningRateSchedule)) || target.IsAssignableFrom(typeof(ReduceLearningRateOnPlateau))));

    /// <summary>
    /// <paramref name="built"/> as a <paramref name="target"/>: itself when it is one, else the schedule or controller
    /// of a <see cref="PortedScheduler"/> when that is one; null when neither is.
    /// </summary>
    public static object? Unwrapped(object built, Type target) =>
        target.IsInstanceOfType(built) ? built
        : built is PortedScheduler ported && target.IsInstanceOfType(Chosen(ported)) ? Chosen(ported)
        : null;

    /// <summary>The schedule or controller a <see cref="PortedScheduler"/> holds, whichever the name chose.</summary>
    public static object Chosen(PortedScheduler ported) => ported.IsMetricDriven ? ported.Plateau : ported.Schedule;

    /// <summary>
    /// The names and aliases of the types that build a <paramref name="target"/> in the origin <paramref name="name"/>
    /// is written in (<c>torch.optim.lr_scheduler</c> for <c>torch.optim.lr_scheduler.OneCycleRL</c>, <c>torch</c> for
    /// <c>torch.OneCycleRL</c>); empty when no type is named under that prefix.
    /// </summary>
    public static List<string> SameOrigin(string name, Type target)
    {
        int dot = name.LastIndexOf('.');
        // Stryker disable once Equality : at dot == 0 (a name whose only dot is its first character) the prefix is ".", which no type name starts with, so the list is empty either way
        if (dot <= 0)
        {
            return [];
        }

        string prefix = name[..(dot + 1)];
        return [.. All.Where(f => Builds(f.Result, target))
            .SelectMany(f => f.Alias is null ? [f.Name] : new[] { f.Name, f.Alias })
            .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))];
    }
}

/// <summary>One configuration type: a factory of the core, its parameters and a call of it.</summary>
/// <param name="Name">The configuration name: the factory method's name (qualified by its class only if two classes declare it).</param>
/// <param name="Method">The factory, as <c>Class.Method</c>.</param>
/// <param name="Result">The type the factory declares it returns.</param>
/// <param name="Summary">The factory's XML summary, on one line.</param>
/// <param name="Parameters">The parameters configuration sets, in the factory's order (the receiver first).</param>
/// <param name="Invoke">Calls the factory with one argument per parameter.</param>
/// <param name="Constant">For a static property such as <c>BatchSizeGranularity.Any</c>, its value; otherwise null.</param>
/// <param name="Primary">Whether this is the overload with the most parameters, which the type table shows.</param>
/// <param name="Arity">The number of arguments a call of this overload records: every parameter (those configuration never sets included) and the receiver of an instance method.</param>
/// <param name="Alias">A short name also accepted (<c>torch.OneCycleLR</c> for <c>torch.optim.lr_scheduler.OneCycleLR</c>); null for none.</param>
internal sealed record Factory(string Name, string Method, Type Result, string Summary, Parameter[] Parameters, Func<object?[], object> Invoke, object? Constant, bool Primary, int Arity, string? Alias = null);

/// <summary>A parameter of a factory (or a property of an options object).</summary>
/// <param name="CSharpName">The C# name, as <see cref="ArgumentException.ParamName"/> names it.</param>
/// <param name="Shape">How its value is written.</param>
/// <param name="ArgumentIndex">Its index among the arguments a factory call records (parameters configuration never sets count too).</param>
/// <param name="Required">Whether it has no default.</param>
/// <param name="Default">The C# default value, boxed; null when required.</param>
/// <param name="Documentation">The XML documentation of the parameter, on one line.</param>
/// <param name="OriginKey">The origin's keyword (<c>T_max</c>, <c>num_warmup_steps</c>) for a porting factory; null for the core's PascalCase key.</param>
internal sealed record Parameter(string CSharpName, Shape Shape, int ArgumentIndex, bool Required, object? Default, string Documentation, string? OriginKey = null)
{
    /// <summary>Gets the configuration key: the origin's keyword, else the C# name in PascalCase.</summary>
    public string Key { get; } = OriginKey ?? char.ToUpperInvariant(CSharpName[0]) + CSharpName[1..];
}

/// <summary>Turns the values the binder produces into the arguments the generated invokers pass.</summary>
internal static class Args
{
    /// <summary>A list argument as an array of its element type (which every collection parameter accepts); null stays null.</summary>
    public static T[]? List<T>(object? value) =>
        value is null ? null : [.. ((IReadOnlyList<object?>)value).Select(element => (T)element!)];
}
