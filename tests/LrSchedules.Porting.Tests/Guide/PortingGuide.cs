using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LrSchedules.Porting.Tests.Guide;

/// <summary>
/// Writes docs/porting.md from the porting surface: every public method of the origin classes, in declaration order,
/// with the origin call it ports (its summary), its C# signature, the LrSchedules expression it builds (its
/// <c>&lt;expression&gt;</c> elements) and its origin notes (its remarks), all read from LrSchedules.Porting.xml.
/// </summary>
public static partial class PortingGuide
{
    /// <summary>The origin classes in the order of the guide, with their Python module.</summary>
    public static readonly (Type Type, string Module)[] Origins =
    [
        (typeof(Torch), "torch.optim.lr_scheduler"),
        (typeof(Transformers), "transformers"),
        (typeof(Optax), "optax"),
        (typeof(Timm), "timm.scheduler"),
        (typeof(Keras), "keras.optimizers.schedules"),
        (typeof(Megatron), "megatron.core.optimizer_param_scheduler"),
        (typeof(OlmoCore), "olmo_core.optim.scheduler"),
    ];

    /// <summary>The public methods of an origin class, in declaration order.</summary>
    public static MethodInfo[] Methods(Type origin) =>
        origin.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .OrderBy(m => m.MetadataToken)
            .ToArray();

    /// <summary>The XML documentation of LrSchedules.Porting, as the build wrote it.</summary>
    public static XDocument Documentation() =>
        XDocument.Load(Path.Combine(AppContext.BaseDirectory, "LrSchedules.Porting.xml"), LoadOptions.PreserveWhitespace);

    /// <summary>The documentation element of a member, by its documentation ID.</summary>
    public static XElement? Member(XDocument documentation, string id) =>
        documentation.Root!.Element("members")!.Elements("member").FirstOrDefault(m => (string?)m.Attribute("name") == id);

    /// <summary>The documentation ID of a method: <c>M:Namespace.Type.Name(Param,Types)</c>.</summary>
    public static string DocumentationId(MethodInfo method)
    {
        string parameters = string.Join(",", method.GetParameters().Select(p => TypeId(p.ParameterType)));
        return $"M:{method.DeclaringType!.FullName}.{method.Name}" + (parameters.Length > 0 ? $"({parameters})" : string.Empty);
    }

    private static string TypeId(Type type)
    {
        if (type.IsArray)
        {
            return TypeId(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericType)
        {
            string name = type.GetGenericTypeDefinition().FullName!;
            name = name[..name.IndexOf('`', StringComparison.Ordinal)];
            return $"{name}{{{string.Join(",", type.GetGenericArguments().Select(TypeId))}}}";
        }

        return type.FullName!;
    }

    /// <summary>Generates the guide.</summary>
    public static string Generate()
    {
        XDocument documentation = Documentation();
        var text = new StringBuilder();
        text.Append("""
            # Porting from Python

            <!-- Generated from the XML docs of src/LrSchedules.Porting by tests/LrSchedules.Porting.Tests/Guide/PortingGuide.cs.
                 Do not edit by hand: run `LRSCHEDULES_UPDATE_DOCS=1 dotnet test tests/LrSchedules.Porting.Tests --filter PortingGuide`. -->

            `LrSchedules.Porting` has one static class per origin — `Torch`, `Transformers`, `Optax`, `Timm`, `Keras`,
            `Megatron`, `OlmoCore` — and in each a method named as in the origin, taking the origin's parameters C#-cased
            (`T_max` → `tMax`, `num_warmup_steps` → `numWarmupSteps`) with the origin's defaults, and the optimizer's learning
            rate as `lr` where the origin reads it from the optimizer. Each returns an LrSchedules schedule: a pure function of
            the step, so there is no `step()` to call; set the optimizer's rate to `schedule.GetLearningRate(step)` before
            optimizer step `step` (zero-based).

            This guide lists every method with the LrSchedules expression it builds (write that expression directly if you
            prefer the core package alone), the origin file and commit it was read from, and every quirk reproduced and
            divergence. The conformance tests (`tests/LrSchedules.Tests/Conformance`) run each recorded case of
            `golden_public.json` through these methods by name: the case's `api` names the method and its `params` bind to
            its parameters (`LRSCHEDULES_GOLDEN` runs another recording the same way).


            """);
        foreach ((Type origin, string module) in Origins)
        {
            XElement type = Member(documentation, "T:" + origin.FullName) ?? throw new InvalidOperationException($"{origin.Name} has no XML docs.");
            text.Append($"## {origin.Name} (`{module}`)\n\n");
            text.Append(Paragraphs(type.Element("summary"))).Append("\n\n");
            foreach (string paragraph in RemarkParagraphs(type))
            {
                text.Append(paragraph).Append("\n\n");
            }

            text.Append("| Method | Origin | LrSchedules expression |\n| --- | --- | --- |\n");
            foreach (MethodInfo method in Methods(origin))
            {
                XElement member = Member(documentation, DocumentationId(method))!;
                string expressions = string.Join("; ", member.Descendants("expression").Select(e => "`" + Flatten(e).Replace("|", "\\|", StringComparison.Ordinal) + "`"));
                text.Append($"| [`{origin.Name}.{method.Name}`](#{Anchor(origin, method)}) | {Cell(member.Element("summary"))} | {expressions} |\n");
            }

            text.Append('\n');
            foreach (MethodInfo method in Methods(origin))
            {
                XElement member = Member(documentation, DocumentationId(method))!;
                text.Append($"### {origin.Name}.{method.Name}{(Methods(origin).Count(m => m.Name == method.Name) > 1 ? $" ({method.GetParameters().Length} parameters)" : string.Empty)}\n\n");
                text.Append("```csharp\n").Append(Signature(method)).Append("\n```\n\n");
                text.Append(Paragraphs(member.Element("summary"))).Append("\n\n");
                foreach (string paragraph in RemarkParagraphs(member))
                {
                    text.Append(paragraph).Append("\n\n");
                }
            }
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private static string Anchor(Type origin, MethodInfo method)
    {
        string heading = $"{origin.Name}.{method.Name}";
        if (Methods(origin).Count(m => m.Name == method.Name) > 1)
        {
            heading += $" ({method.GetParameters().Length} parameters)";
        }

        return NotAnchor().Replace(heading.ToLowerInvariant(), string.Empty).Replace(' ', '-');
    }

    [GeneratedRegex("[^a-z0-9 _-]")]
    private static partial Regex NotAnchor();

    private static IEnumerable<string> RemarkParagraphs(XElement member)
    {
        XElement? remarks = member.Element("remarks");
        if (remarks is null)
        {
            yield break;
        }

        XElement[] paragraphs = remarks.Elements("para").ToArray();
        if (paragraphs.Length == 0)
        {
            yield return Paragraphs(remarks);
            yield break;
        }

        foreach (XElement paragraph in paragraphs)
        {
            string text = Paragraphs(paragraph);
            if (paragraph.Elements("expression").Any())
            {
                text = "LrSchedules: " + text;
            }

            yield return text;
        }
    }

    private static string Cell(XElement? element) => Paragraphs(element).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Paragraphs(XElement? element) => element is null ? string.Empty : Spaces().Replace(Markdown(element), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Flatten(XElement element) => Spaces().Replace(element.Value, " ").Trim();

    private static string Markdown(XElement element)
    {
        var text = new StringBuilder();
        foreach (XNode node in element.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "c" or "expression" } e => "`" + Flatten(e) + "`",
                XElement { Name.LocalName: "b" } e => "**" + Markdown(e).Trim() + "**",
                XElement { Name.LocalName: "i" } e => "*" + Markdown(e).Trim() + "*",
                XElement { Name.LocalName: "paramref" or "typeparamref" } e => "`" + (string?)e.Attribute("name") + "`",
                XElement { Name.LocalName: "see" } e => "`" + CrefName((string?)e.Attribute("cref") ?? (string?)e.Attribute("langword") ?? string.Empty) + "`",
                XElement e => Markdown(e),
                _ => string.Empty,
            });
        }

        return text.ToString();
    }

    private static string CrefName(string cref)
    {
        string name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        int paren = name.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            name = name[..paren];
        }

        string[] parts = name.Split('.');
        return cref.StartsWith("M:", StringComparison.Ordinal) || cref.StartsWith("P:", StringComparison.Ordinal) || cref.StartsWith("F:", StringComparison.Ordinal)
            ? string.Join(".", parts[^2..])
            : parts[^1];
    }

    private static string Signature(MethodInfo method)
    {
        IEnumerable<string> parameters = method.GetParameters().Select(p =>
        {
            string text = $"{TypeName(p.ParameterType, p)} {p.Name}";
            if (p.HasDefaultValue)
            {
                text += " = " + DefaultText(p.DefaultValue);
            }

            return text;
        });
        return $"{TypeName(method.ReturnType, method.ReturnParameter)} {method.DeclaringType!.Name}.{method.Name}({string.Join(", ", parameters)})";
    }

    private static string TypeName(Type type, ParameterInfo? parameter)
    {
        if (Nullable.GetUnderlyingType(type) is Type underlying)
        {
            return TypeName(underlying, null) + "?";
        }

        string name = type switch
        {
            _ when type == typeof(double) => "double",
            _ when type == typeof(long) => "long",
            _ when type == typeof(int) => "int",
            _ when type == typeof(bool) => "bool",
            _ when type == typeof(string) => "string",
            _ when type == typeof(object) => "object",
            { IsArray: true } => TypeName(type.GetElementType()!, null) + "[]",
            { IsGenericType: true } when type.FullName?.StartsWith("System.ValueTuple", StringComparison.Ordinal) == true =>
                "(" + string.Join(", ", type.GetGenericArguments().Select(a => TypeName(a, null))) + ")",
            { IsGenericType: true } => type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(a => TypeName(a, null))) + ">",
            _ => type.Name,
        };
        // A return value (position −1) is read, a parameter written: each has its own nullability state.
        if (parameter is not null && !type.IsValueType
            && (parameter.Position < 0 ? new NullabilityInfoContext().Create(parameter).ReadState : new NullabilityInfoContext().Create(parameter).WriteState) == NullabilityState.Nullable)
        {
            name += "?";
        }

        return name;
    }

    private static string DefaultText(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
