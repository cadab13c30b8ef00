using System.Globalization;
using System.Reflection;
using LrSchedules.Configuration;
using LrSchedules.Configuration.Internal;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>
/// The configuration types are the factories: every public factory has a configuration type (unless it says why not),
/// every configuration type has its factory, and what the table says of a type (parameters, defaults, documentation)
/// is what the factory declares.
/// </summary>
public class TypeTableTests
{
    private const string FactoriesAttribute = "LrSchedules.Internal.ConfigurationFactoriesAttribute";
    private const string NotConfigurableAttribute = "LrSchedules.Internal.NotConfigurableAttribute";
    private const string NameAttribute = "LrSchedules.Internal.ConfigurationNameAttribute";

    /// <summary>The assemblies whose factory classes the generator reads: the core and LrSchedules.Porting.</summary>
    private static readonly Assembly[] Assemblies = [typeof(ILearningRateSchedule).Assembly, typeof(LrSchedules.Porting.Torch).Assembly];

    /// <summary>The public methods of the factory classes that return an object: the factories, as the generator sees them.</summary>
    private static IEnumerable<MethodInfo> PublicFactories() =>
        Assemblies.SelectMany(a => a.GetExportedTypes())
            .Where(t => t.GetCustomAttributes().Any(a => a.GetType().FullName == FactoriesAttribute))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && !m.IsGenericMethod && m.GetBaseDefinition() == m
                && !m.ReturnType.IsValueType && m.ReturnType != typeof(string) && m.ReturnType != typeof(object));

    private static bool IsNotConfigurable(ICustomAttributeProvider member) =>
        member.GetCustomAttributes(false).Any(a => a.GetType().FullName == NotConfigurableAttribute);

    public static TheoryData<string> TypeNames()
    {
        var data = new TheoryData<string>();
        foreach (ScheduleTypeInfo type in ScheduleConfiguration.Types)
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Fact]
    public void Every_public_factory_has_a_configuration_type_unless_it_is_marked_not_configurable()
    {
        var factories = PublicFactories().ToList();
        factories.Should().Contain(m => m.Name == nameof(Schedule.Cosine), "the factory classes are found");

        var missing = factories
            .Where(m => !IsNotConfigurable(m))
            .Where(m => !ScheduleConfiguration.Types.Any(t => t.Factory == $"{m.DeclaringType!.Name}.{m.Name}"))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        missing.Should().BeEmpty("a public factory needs a configuration form, or [NotConfigurable(\"reason\")]");
    }

    [Fact]
    public void The_factories_that_take_a_delegate_are_marked_not_configurable_and_are_not_types()
    {
        PublicFactories().Where(m => m.GetParameters().Any(p => typeof(Delegate).IsAssignableFrom(p.ParameterType)))
            .Should().NotBeEmpty().And.OnlyContain(m => IsNotConfigurable(m)
                || m.GetParameters().Where(p => typeof(Delegate).IsAssignableFrom(p.ParameterType)).All(p => IsNotConfigurable(p) && p.HasDefaultValue));
        ScheduleConfiguration.Types.Should().NotContain(t => t.Factory.EndsWith(".FromFunction", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Every_configuration_type_has_its_public_factory_with_the_same_parameters(string name)
    {
        ScheduleTypeInfo type = ScheduleConfiguration.FindType(name)!;
        string[] parts = type.Factory.Split('.');
        Type declaring = Assemblies.SelectMany(a => a.GetExportedTypes()).Single(t => t.Name == parts[0]);
        MethodInfo? method = declaring.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
            .Where(m => m.Name == parts[1])
            .OrderByDescending(m => m.GetParameters().Length)
            .FirstOrDefault(m => Keys(m).SequenceEqual(type.Parameters.Select(p => p.Name)));
        PropertyInfo? property = declaring.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Static);

        (method is not null || (property is not null && type.Parameters.Count == 0)).Should().BeTrue($"{type.Factory} is a public factory with the parameters {string.Join(", ", type.Parameters.Select(p => p.Name))}");
        // A factory returning a tuple (timm's create_scheduler_v2: the scheduler and the epochs) configures its first element.
        Type? returned = method?.ReturnType is { IsValueType: true, IsGenericType: true } tuple && tuple.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal)
            ? tuple.GetGenericArguments()[0]
            : method?.ReturnType;
        type.ResultType.Should().Be(returned ?? property!.PropertyType);
        if (method is not null)
        {
            foreach (ParameterInfo parameter in method.GetParameters().Where(p => !IsNotConfigurable(p)))
            {
                ScheduleParameterInfo info = type.Parameters.Single(p => p.Name == Key(parameter));
                info.IsRequired.Should().Be(!parameter.HasDefaultValue, $"{info.Name} is required exactly when the factory gives no default");
                if (parameter.HasDefaultValue)
                {
                    info.DefaultValue.Should().Be(Json(parameter.DefaultValue), $"the default of {info.Name} is the factory's");
                }
                else
                {
                    info.DefaultValue.Should().BeNull($"{info.Name} is required, so it has no default");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Every_type_and_parameter_carries_the_factorys_documentation(string name)
    {
        ScheduleTypeInfo type = ScheduleConfiguration.FindType(name)!;

        type.Summary.Should().NotBeNullOrWhiteSpace().And.NotContain("\n");
        type.Parameters.Where(p => p.Documentation.Length == 0 || p.Documentation.Contains('\n')).Should().BeEmpty("every parameter has an XML <param> doc, on one line");
    }

    [Fact]
    public void A_default_is_written_once_in_the_factory_signature_and_read_from_there()
    {
        ScheduleTypeInfo tanh = ScheduleConfiguration.FindType("Tanh")!;

        tanh.Parameters.Single(p => p.Name == "LowerBound").DefaultValue.Should().Be("-7");
        tanh.Parameters.Single(p => p.Name == "UpperBound").DefaultValue.Should().Be("3");
        tanh.Parameters.Single(p => p.Name == "InitialLearningRate").IsRequired.Should().BeTrue();
        tanh.Summary.Should().Contain("TanhLRScheduler", "the summary is the factory's XML <summary>");
    }

    [Fact]
    public void Type_names_are_unique_and_found_without_regard_to_case()
    {
        ScheduleConfiguration.Types.Select(t => t.Name.ToUpperInvariant()).Should().OnlyHaveUniqueItems();
        ScheduleConfiguration.FindType("cOsInE")!.Name.Should().Be("Cosine");
        ScheduleConfiguration.FindType("NoSuchType").Should().BeNull();
    }

    [Fact]
    public void An_options_object_lists_its_fields_with_the_defaults_of_its_class()
    {
        ScheduleParameterInfo options = ScheduleConfiguration.FindType("ReduceOnPlateau")!.Parameters.Single(p => p.Name == "Options");

        options.Fields.Select(f => f.Name).Should().Contain(["Mode", "Factor", "Patience", "Threshold", "Cooldown", "Epsilon"]);
        options.Fields.Single(f => f.Name == "Factor").DefaultValue.Should().Be(Json(new ReduceOnPlateauOptions().Factor));
        options.Fields.Single(f => f.Name == "Patience").DefaultValue.Should().Be("10");
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Every_type_round_trips_through_json_bit_for_bit(string name)
    {
        Factory factory = Factories.Find(name)!;
        ScheduleDescription description = ValidDescriptions.For(factory)
            ?? throw new Xunit.Sdk.XunitException($"no valid description of {name} was found by trying candidate values");

        object built = ScheduleConfiguration.LoadDescription(description).Built!;
        string json = ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(built));
        ScheduleLoadResult read = ScheduleConfiguration.Load(json);

        read.Problems.Should().BeEmpty(json);
        ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(read.Built!)).Should().Be(json, "describing the rebuilt object gives the same text");
        ScheduleConfiguration.ToJson(read.Description!).Should().Be(json, "writing what was read gives the same text");
        read.Built!.GetType().Should().Be(built.GetType());
        if (built is ILearningRateSchedule schedule)
        {
            ((ILearningRateSchedule)read.Built).ShouldEqualEverywhere(schedule, name);
        }
    }

    [Fact]
    public void Overloads_of_one_name_are_one_type_and_a_description_calls_the_overload_its_keys_name()
    {
        const string ToZero = """{ "Type": "Polynomial", "InitialLearningRate": 0.1, "TotalSteps": 100, "Power": 2 }""";

        ScheduleLoadResult read = ScheduleConfiguration.Load(ToZero);

        ((ILearningRateSchedule)read.Built!).ShouldEqualEverywhere(Schedule.Polynomial(0.1, 100, 2.0), "the three-argument overload");
        ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(read.Built!), indented: false)
            .Should().Be("""{"Type":"Polynomial","InitialLearningRate":0.1,"TotalSteps":100,"Power":2}""");
        ScheduleConfiguration.Types.Count(t => t.Name == "Polynomial").Should().Be(1);
        ScheduleConfiguration.FindType("Polynomial")!.Parameters.Should().HaveCount(4, "the table shows the overload with the most parameters");
    }

    private static IEnumerable<string> Keys(MethodInfo method) =>
        (method.IsStatic ? [] : new[] { method.DeclaringType!.Name })
            .Concat(method.GetParameters().Where(p => !IsNotConfigurable(p)).Select(Key));

    /// <summary>
    /// The key of a parameter: for a porting class, the origin's keyword its <c>[ConfigurationName]</c> declares, else
    /// the C# name in snake_case (<c>numWarmupSteps</c> → <c>num_warmup_steps</c>); for the core, the C# name in PascalCase.
    /// </summary>
    private static string Key(ParameterInfo parameter)
    {
        if (parameter.Member.DeclaringType!.Assembly != Assemblies[1])
        {
            return char.ToUpperInvariant(parameter.Name![0]) + parameter.Name[1..];
        }

        object? declared = parameter.GetCustomAttributes(false).FirstOrDefault(a => a.GetType().FullName == NameAttribute);
        return declared?.GetType().GetProperty("Name")!.GetValue(declared) as string
            ?? System.Text.RegularExpressions.Regex.Replace(parameter.Name!, "(?<=[a-z0-9])([A-Z])", "_$1").ToLowerInvariant();
    }

    private static string Json(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string text => System.Text.Json.JsonSerializer.Serialize(text),
        Enum e => $"\"{e}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    [Fact]
    public void Loading_a_factory_that_returns_a_shared_constant_does_not_change_how_the_constant_is_described()
    {
        // MultipleOf(1) returns the constant Any, which every plan shares: it stays described as Any, whatever was loaded before.
        ScheduleConfiguration.Load("""{ "Type": "MultipleOf", "Multiple": 1 }""").Built.Should().BeSameAs(LrSchedules.Batching.BatchSizeGranularity.Any);

        ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(LrSchedules.Batching.BatchSizeGranularity.Any), indented: false).Should().Be("""{"Type":"Any"}""");
    }
}
