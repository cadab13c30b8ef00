using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LrSchedules.Extensions.Generators;

/// <summary>
/// How a parameter type is written in configuration, as a C# expression that creates the run-time
/// <c>LrSchedules.Configuration.Internal.Shape</c>; null for a type configuration cannot express (a delegate, say).
/// </summary>
/// <remarks>
/// A number, an integer, a boolean, text, an enum (by name), each optionally nullable; a list of any of these (any
/// collection interface an array implements, or an array); an object that a factory builds (a nested description); and
/// a plain object: an options class with a parameterless constructor and settable properties, or a type whose public
/// constructor's parameters all match its properties (a nested object of those keys).
/// </remarks>
internal sealed class Shapes
{
    private const string Shape = "global::LrSchedules.Configuration.Internal.Shape.";
    private static readonly SymbolDisplayFormat Full = SymbolDisplayFormat.FullyQualifiedFormat;
    private static readonly SymbolDisplayFormat Annotated = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly Compilation _compilation;
    private readonly List<ITypeSymbol> _results;
    private readonly FactoryTableGenerator.Documentation _documentation;

    public Shapes(Compilation compilation, List<ITypeSymbol> results, FactoryTableGenerator.Documentation documentation)
    {
        _compilation = compilation;
        _results = results;
        _documentation = documentation;
    }

    /// <summary>The shape of <paramref name="type"/>; null when configuration cannot express it.</summary>
    /// <param name="type">The parameter's type.</param>
    /// <param name="python">Whether the keys of an object of fields are the origin's snake_case names (a porting class).</param>
    public string? Of(ITypeSymbol type, bool python) => Of(type, python, depth: 0);

    /// <summary>The shape of an object a factory builds (a nested description).</summary>
    public string? Built(ITypeSymbol type, bool nullable) =>
        $"{Shape}Built(typeof({NotNull(type)}), {Bool(nullable)})";

    /// <summary>The C# expression that turns the boxed value <paramref name="value"/> into an argument of <paramref name="type"/>.</summary>
    public string Cast(ITypeSymbol type, string value)
    {
        bool nullable = type.NullableAnnotation == NullableAnnotation.Annotated || IsNullableValue(type);
        if (Element(type) is { } element)
        {
            return $"global::LrSchedules.Configuration.Internal.Args.List<{element.ToDisplayString(Full)}>({value}){(nullable ? string.Empty : "!")}";
        }

        return nullable ? $"({type.ToDisplayString(Annotated)}){value}" : $"({type.ToDisplayString(Annotated)}){value}!";
    }

    private string? Of(ITypeSymbol type, bool python, int depth)
    {
        if (depth > 4)
        {
            return null;
        }

        bool nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
        if (IsNullableValue(type))
        {
            type = ((INamedTypeSymbol)type).TypeArguments[0];
            nullable = true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Double:
                return $"{Shape}Number({Bool(nullable)})";
            case SpecialType.System_Int64:
                return $"{Shape}Integer({Bool(nullable)})";
            case SpecialType.System_Int32:
                return $"{Shape}Int32({Bool(nullable)})";
            case SpecialType.System_Boolean:
                return $"{Shape}Boolean({Bool(nullable)})";
            case SpecialType.System_String:
                return $"{Shape}Text({Bool(nullable)})";
            case SpecialType.System_Object:
                return null;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            string full = type.ToDisplayString(Full);
            var members = type.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).ToList();
            string names = string.Join(", ", members.Select(f => FactoryTableGenerator.Quote(f.Name)));
            string values = string.Join(", ", members.Select(f => $"(object){full}.{f.Name}"));
            return $"{Shape}Enum(typeof({full}), new string[] {{ {names} }}, new object[] {{ {values} }}, {Bool(nullable)})";
        }

        if (Element(type) is { } element)
        {
            return Of(element, python, depth + 1) is { } elementShape ? $"{Shape}List({elementShape}, {Bool(nullable)})" : null;
        }

        if (type.TypeKind == TypeKind.Delegate || type is not INamedTypeSymbol named)
        {
            return null;
        }

        if (Dictionary(named) is { } dictionary)
        {
            return dictionary + $"({Bool(nullable)})";
        }

        if (IsBuilt(type))
        {
            return Built(type, nullable);
        }

        return Record(named, nullable, python, depth);
    }

    /// <summary>Whether some factory returns an object that converts to <paramref name="type"/> by reference.</summary>
    private bool IsBuilt(ITypeSymbol type) =>
        type.IsReferenceType && _results.Any(result =>
            _compilation.ClassifyCommonConversion(result, type) is { IsImplicit: true } conversion && (conversion.IsIdentity || conversion.IsReference));

    /// <summary>An options class (parameterless constructor, settable properties) or a type built by a constructor whose parameters match its properties.</summary>
    private string? Record(INamedTypeSymbol type, bool nullable, bool python, int depth)
    {
        if (type.IsAbstract || type.IsUnboundGenericType)
        {
            return null;
        }

        string full = type.ToDisplayString(Full);
        var properties = type.GetMembers().OfType<IPropertySymbol>()
            .Where(p => !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public && !p.IsIndexer && p.GetMethod is not null)
            .ToList();
        var constructors = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();

        if (type.TypeKind == TypeKind.Class && constructors.Any(c => c.Parameters.Length == 0))
        {
            var settable = properties.Where(p => p.SetMethod is { DeclaredAccessibility: Accessibility.Public }).ToList();
            if (settable.Count == 0)
            {
                return null;
            }

            var fields = new List<string>();
            var assignments = new List<string>();
            var reads = new List<string>();
            foreach (IPropertySymbol property in settable)
            {
                if (Of(property.Type, python, depth + 1) is not { } shape)
                {
                    return null;
                }

                string name = char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);
                fields.Add(FactoryTableGenerator.Parameter(name, shape, fields.Count, required: false, $"(object?)new {full}().{property.Name}", _documentation.Summary(property), python ? FactoryTableGenerator.Naming.Snake(name) : null));
                assignments.Add($"{property.Name} = {Cast(property.Type, $"a[{assignments.Count}]")}");
                reads.Add($"(object?)(({full})o).{property.Name}");
            }

            return $"{Shape}Record(typeof({full}), new global::LrSchedules.Configuration.Internal.Parameter[] {{ {string.Join(", ", fields)} }}, "
                + $"static a => new {full} {{ {string.Join(", ", assignments)} }}, static o => new object?[] {{ {string.Join(", ", reads)} }}, {Bool(nullable)})";
        }

        foreach (IMethodSymbol constructor in constructors.OrderByDescending(c => c.Parameters.Length))
        {
            if (constructor.Parameters.Length == 0)
            {
                continue;
            }

            var fields = new List<string>();
            var arguments = new List<string>();
            var reads = new List<string>();
            foreach (IParameterSymbol parameter in constructor.Parameters)
            {
                IPropertySymbol? property = properties.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase));
                if (property is null || Of(parameter.Type, python, depth + 1) is not { } shape)
                {
                    fields = null;
                    break;
                }

                bool required = !parameter.HasExplicitDefaultValue;
                string defaultValue = required ? "null" : FactoryTableGenerator.Literal(parameter.Type, parameter.ExplicitDefaultValue);
                string? key = FactoryTableGenerator.DeclaredName(parameter) ?? (python ? FactoryTableGenerator.Naming.Snake(parameter.Name) : null);
                fields.Add(FactoryTableGenerator.Parameter(parameter.Name, shape, fields.Count, required, defaultValue, _documentation.Param(constructor, parameter.Name), key));
                arguments.Add($"{parameter.Name}: {Cast(parameter.Type, $"a[{arguments.Count}]")}");
                reads.Add($"(object?)(({full})o).{property.Name}");
            }

            if (fields is not null)
            {
                return $"{Shape}Record(typeof({full}), new global::LrSchedules.Configuration.Internal.Parameter[] {{ {string.Join(", ", fields)} }}, "
                    + $"static a => new {full}({string.Join(", ", arguments)}), static o => new object?[] {{ {string.Join(", ", reads)} }}, {Bool(nullable)})";
            }
        }

        return null;
    }

    /// <summary>
    /// A dictionary configuration writes as an object: steps to numbers (optax's <c>boundaries_and_scales</c>, keys that
    /// are steps) or names to plain values (Python keyword arguments, <c>scheduler_specific_kwargs</c>); null for any other type.
    /// </summary>
    private static string? Dictionary(INamedTypeSymbol type)
    {
        if (!type.IsGenericType || type.TypeArguments.Length != 2
            || type.OriginalDefinition.ToDisplayString() is not ("System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>" or "System.Collections.Generic.IDictionary<TKey, TValue>"))
        {
            return null;
        }

        return (type.TypeArguments[0].SpecialType, type.TypeArguments[1].SpecialType) switch
        {
            (SpecialType.System_Int64, SpecialType.System_Double) => Shape + "StepMap",
            (SpecialType.System_String, SpecialType.System_Object) => Shape + "Keywords",
            _ => null,
        };
    }

    /// <summary>The element type of an array or of a collection interface an array implements; null for anything else.</summary>
    private static ITypeSymbol? Element(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return array.ElementType;
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && named.OriginalDefinition.ToDisplayString() is "System.Collections.Generic.IEnumerable<T>" or "System.Collections.Generic.IReadOnlyList<T>"
                or "System.Collections.Generic.IReadOnlyCollection<T>" or "System.Collections.Generic.IList<T>" or "System.Collections.Generic.ICollection<T>")
        {
            return named.TypeArguments[0];
        }

        return null;
    }

    private static bool IsNullableValue(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

    private static string NotNull(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(Full);

    private static string Bool(bool value) => value ? "true" : "false";
}
