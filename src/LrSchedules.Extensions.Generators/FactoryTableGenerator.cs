using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LrSchedules.Extensions.Generators;

/// <summary>
/// Derives the configuration type table of LrSchedules.Extensions from the core's factories: every public method of a
/// class marked <c>[ConfigurationFactories]</c> that returns an object becomes a configuration type named like the
/// method, whose parameters, defaults, summary and parameter documentation are the method's own. Emits one entry per
/// type with an invoker lambda, so that nothing is looked up by reflection at run time.
/// </summary>
/// <remarks>
/// The factories are read from the compilation's referenced metadata (the core is a project reference); their XML
/// documentation from the core's documentation file, passed as an <c>AdditionalFiles</c> item, because a reference
/// assembly's symbols carry no documentation.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class FactoryTableGenerator : IIncrementalGenerator
{
    private const string FactoriesAttribute = "LrSchedules.Internal.ConfigurationFactoriesAttribute";
    private const string NotConfigurableAttribute = "LrSchedules.Internal.NotConfigurableAttribute";
    private const string NameAttribute = "LrSchedules.Internal.ConfigurationNameAttribute";
    private const string Runtime = "global::LrSchedules.Configuration.Internal.";

    private static readonly DiagnosticDescriptor Unsupported = new(
        "LRSCFG001",
        "A factory has no configuration form",
        "{0}: parameter '{1}' of type '{2}' has no configuration form; mark the factory (or the optional parameter) [NotConfigurable(\"reason\")]",
        "LrSchedules.Configuration",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NoFactories = new(
        "LRSCFG002",
        "No factory class found",
        "No referenced assembly has a class marked [ConfigurationFactories]: the configuration type table would be empty",
        "LrSchedules.Configuration",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NoDocumentation = new(
        "LRSCFG003",
        "The factories' documentation file is missing",
        "No AdditionalFiles item holds the XML documentation of '{0}': summaries and parameter documentation come from it",
        "LrSchedules.Configuration",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor BadNotConfigurable = new(
        "LRSCFG004",
        "A required parameter is marked NotConfigurable",
        "{0}: parameter '{1}' is marked [NotConfigurable] but has no default value, so configuration cannot leave it out",
        "LrSchedules.Configuration",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<ImmutableArray<DocumentationFile>> docs = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            .Select(static (text, token) => new DocumentationFile(text.Path, text.GetText(token)?.ToString() ?? string.Empty))
            .Collect();

        IncrementalValueProvider<Output> output = context.CompilationProvider
            .Combine(docs)
            .Select(static (pair, token) => Emit(pair.Left, pair.Right));

        context.RegisterSourceOutput(output, static (production, result) =>
        {
            foreach (Problem problem in result.Problems)
            {
                production.ReportDiagnostic(Diagnostic.Create(problem.Descriptor, Location.None, problem.Arguments.ToArray<object>()));
            }

            production.AddSource("Factories.g.cs", SourceText.From(result.Source, Encoding.UTF8));
        });
    }

    private static Output Emit(Compilation compilation, ImmutableArray<DocumentationFile> docs)
    {
        var problems = new List<Problem>();
        var classes = new List<INamedTypeSymbol>();
        IAssemblySymbol? core = compilation.SourceModule.ReferencedAssemblySymbols.FirstOrDefault(a => a.GetTypeByMetadataName(FactoriesAttribute) is not null);

        // The core and every referenced assembly built on it (LrSchedules.Porting applies the core's internal attribute).
        var assemblies = core is null ? new List<IAssemblySymbol>() : compilation.SourceModule.ReferencedAssemblySymbols
            .Where(a => SymbolEqualityComparer.Default.Equals(a, core) || a.Modules.Any(m => m.ReferencedAssemblySymbols.Any(r => SymbolEqualityComparer.Default.Equals(r, core))))
            .ToList();
        var documented = new List<string>();
        foreach (IAssemblySymbol assembly in assemblies)
        {
            int before = classes.Count;
            foreach (INamedTypeSymbol type in AllTypes(assembly.GlobalNamespace))
            {
                if (type.DeclaredAccessibility == Accessibility.Public && type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == FactoriesAttribute))
                {
                    classes.Add(type);
                }
            }

            if (classes.Count > before)
            {
                documented.Add(assembly.Name);
            }
        }

        if (core is null || classes.Count == 0)
        {
            problems.Add(new Problem(NoFactories));
            return new Output(Render(new List<string>()), problems);
        }

        // The core's classes first (its names are the library's own), then each origin's, each group by full name.
        classes.Sort((a, b) => Naming.Of(a).Prefix is null != (Naming.Of(b).Prefix is null)
            ? (Naming.Of(a).Prefix is null ? -1 : 1)
            : string.CompareOrdinal(a.ToDisplayString(), b.ToDisplayString()));
        Documentation documentation = Documentation.Load(docs, documented);
        if (documented.Any(name => !documentation.Has(name)))
        {
            documentation = Documentation.Load(docs.AddRange(BesideReferences(compilation, documented.Where(name => !documentation.Has(name)))), documented);
        }
        foreach (string missing in documented.Where(name => !documentation.Has(name)))
        {
            problems.Add(new Problem(NoDocumentation, missing));
        }

        var methods = classes.SelectMany(c => c.GetMembers().OfType<IMethodSymbol>().Where(IsFactory)).ToList();
        var results = methods.Select(Result).Distinct<ITypeSymbol>(SymbolEqualityComparer.Default).ToList();
        var shapes = new Shapes(compilation, results, documentation);

        // A core name declared by two core classes is qualified by its class; an origin's names are qualified by its prefix.
        var names = methods.Where(m => !HasAttribute(m, NotConfigurableAttribute) && Naming.Of(m.ContainingType).Prefix is null)
            .GroupBy(m => m.Name)
            .ToDictionary(g => g.Key, g => g.Select(m => m.ContainingType).Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default).Count());
        var entries = new List<string>();
        foreach (INamedTypeSymbol type in classes)
        {
            Naming naming = Naming.Of(type);
            foreach (IGrouping<string, IMethodSymbol> overloads in type.GetMembers().OfType<IMethodSymbol>()
                .Where(IsFactory).Where(m => !HasAttribute(m, NotConfigurableAttribute)).GroupBy(m => m.Name))
            {
                (string name, string? alias) = naming.Prefix is null
                    ? (names[overloads.Key] > 1 ? type.Name + "." + overloads.Key : overloads.Key, null)
                    : naming.Names(overloads.First());
                entries.AddRange(EntriesFor(name, alias, naming.Prefix is not null, overloads.ToList(), shapes, documentation, problems));
            }

            foreach (IPropertySymbol property in type.GetMembers().OfType<IPropertySymbol>()
                .Where(p => p.IsStatic && p.DeclaredAccessibility == Accessibility.Public && SymbolEqualityComparer.Default.Equals(p.Type, type)))
            {
                entries.Add(ConstantEntry(type, property, documentation));
            }
        }

        return new Output(Render(entries), problems);
    }

    private static bool IsFactory(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary
        && method.DeclaredAccessibility == Accessibility.Public
        && !method.IsGenericMethod
        && !method.IsOverride
        && Result(method).IsReferenceType
        && Result(method).SpecialType is not (SpecialType.System_String or SpecialType.System_Object);

    /// <summary>
    /// What configuration builds from a factory: its return type, or the first element of a tuple it returns (timm's
    /// <c>create_scheduler_v2</c> returns the scheduler with the number of epochs to train, which is not configuration).
    /// </summary>
    private static ITypeSymbol Result(IMethodSymbol method) =>
        method.ReturnType is INamedTypeSymbol { IsTupleType: true } tuple && tuple.TupleElements.Length > 0 ? tuple.TupleElements[0].Type : method.ReturnType;

    private static bool HasAttribute(ISymbol symbol, string name) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == name);

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (INamedTypeSymbol type in ns.GetTypeMembers())
        {
            yield return type;
        }

        foreach (INamespaceSymbol child in ns.GetNamespaceMembers())
        {
            foreach (INamedTypeSymbol type in AllTypes(child))
            {
                yield return type;
            }
        }
    }

    /// <summary>
    /// The entries of one factory name: every overload configuration can call, the one with the most parameters first
    /// (the primary, which the type table shows); a description is matched to an overload by its keys.
    /// </summary>
    private static List<string> EntriesFor(string name, string? alias, bool python, List<IMethodSymbol> overloads, Shapes shapes, Documentation documentation, List<Problem> problems)
    {
        List<Problem>? firstProblems = null;
        var callable = new List<(IMethodSymbol Method, List<string> Parameters, List<string> Arguments)>();
        foreach (IMethodSymbol method in overloads)
        {
            var own = new List<Problem>();
            var parameters = new List<string>();
            var arguments = new List<string>();
            string where = method.ContainingType.Name + "." + method.Name;
            int index = 0;
            if (!method.IsStatic)
            {
                string receiver = char.ToLowerInvariant(method.ContainingType.Name[0]) + method.ContainingType.Name.Substring(1);
                parameters.Add(Parameter(receiver, shapes.Built(method.ContainingType, nullable: false)!, index, required: true, "null",
                    documentation.Summary(method.ContainingType), python ? Naming.Snake(receiver) : null));
                index++;
            }

            foreach (IParameterSymbol parameter in method.Parameters)
            {
                int argumentIndex = index++;
                if (HasAttribute(parameter, NotConfigurableAttribute))
                {
                    if (!parameter.HasExplicitDefaultValue)
                    {
                        own.Add(new Problem(BadNotConfigurable, where, parameter.Name));
                    }

                    continue;
                }

                string? shape = shapes.Of(parameter.Type, python);
                if (shape is null)
                {
                    own.Add(new Problem(Unsupported, where, parameter.Name, parameter.Type.ToDisplayString()));
                    continue;
                }

                bool required = !parameter.HasExplicitDefaultValue;
                string defaultValue = required ? "null" : Literal(parameter.Type, parameter.ExplicitDefaultValue);
                string? key = DeclaredName(parameter) ?? (python ? Naming.Snake(parameter.Name) : null);
                parameters.Add(Parameter(parameter.Name, shape, argumentIndex, required, defaultValue, documentation.Param(method, parameter.Name), key));
                arguments.Add($"{parameter.Name}: {shapes.Cast(parameter.Type, $"a[{parameters.Count - 1}]")}");
            }

            if (own.Count > 0)
            {
                firstProblems ??= own;
                continue;
            }

            callable.Add((method, parameters, arguments));
        }

        if (callable.Count == 0)
        {
            problems.AddRange(firstProblems!);
            return new List<string>();
        }

        // The primary first: the most parameters, the first declared among equals (a stable sort).
        return callable.Select((c, i) => (c, i)).OrderByDescending(x => x.c.Parameters.Count).ThenBy(x => x.i)
            .Select((x, rank) => Entry(name, alias, x.c.Method, x.c.Parameters, x.c.Arguments, documentation, primary: rank == 0))
            .ToList();
    }

    private static string Entry(string name, string? alias, IMethodSymbol method, List<string> parameters, List<string> arguments, Documentation documentation, bool primary)
    {
        string type = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        string call = method.IsStatic ? $"{type}.{method.Name}({string.Join(", ", arguments)})" : $"(({type})a[0]!).{method.Name}({string.Join(", ", arguments)})";
        call = method.ReturnType.IsTupleType ? call + ".Item1" : call;
        return $"new {Runtime}Factory({Quote(name)}, {Quote(method.ContainingType.Name + "." + method.Name)}, typeof({Result(method).WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}), "
            + $"{Quote(documentation.Summary(method))},\n                new {Runtime}Parameter[] {{ {string.Join(", ", parameters)} }},\n                static a => {call}, null, {(primary ? "true" : "false")}, {(method.Parameters.Length + (method.IsStatic ? 0 : 1)).ToString(CultureInfo.InvariantCulture)}, {(alias is null ? "null" : Quote(alias))})";
    }

    private static string ConstantEntry(INamedTypeSymbol type, IPropertySymbol property, Documentation documentation)
    {
        string full = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return $"new {Runtime}Factory({Quote(property.Name)}, {Quote(type.Name + "." + property.Name)}, typeof({full}), {Quote(documentation.Summary(property))},\n"
            + $"                new {Runtime}Parameter[0], static a => {full}.{property.Name}, {full}.{property.Name}, true, 0)";
    }

    internal static string Parameter(string name, string shape, int argumentIndex, bool required, string defaultValue, string documentation, string? key) =>
        $"new {Runtime}Parameter({Quote(name)}, {shape}, {argumentIndex.ToString(CultureInfo.InvariantCulture)}, {(required ? "true" : "false")}, {defaultValue}, {Quote(documentation)}, {(key is null ? "null" : Quote(key))})";

    /// <summary>The origin's name a <c>[ConfigurationName]</c> declares on <paramref name="symbol"/>; null when it has none.</summary>
    internal static string? DeclaredName(ISymbol symbol) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == NameAttribute) is { } attribute
            && attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;

    /// <summary>The origin's naming a factory class declares in its <c>[ConfigurationFactories]</c>: none for the core's own classes.</summary>
    internal sealed class Naming
    {
        private Naming(string? prefix, string? alias, bool snake)
        {
            Prefix = prefix;
            Alias = alias;
            SnakeCase = snake;
        }

        public string? Prefix { get; }

        public string? Alias { get; }

        public bool SnakeCase { get; }

        public static Naming Of(INamedTypeSymbol type)
        {
            AttributeData? attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == FactoriesAttribute);
            string? prefix = null, alias = null;
            bool snake = false;
            foreach (KeyValuePair<string, TypedConstant> named in attribute?.NamedArguments ?? ImmutableArray<KeyValuePair<string, TypedConstant>>.Empty)
            {
                switch (named.Key)
                {
                    case "Prefix": prefix = named.Value.Value as string; break;
                    case "Alias": alias = named.Value.Value as string; break;
                    case "SnakeCaseNames": snake = named.Value.Value is true; break;
                }
            }

            return new Naming(prefix, alias, snake);
        }

        /// <summary>The qualified name of a factory and its short alias: <c>torch.optim.lr_scheduler.OneCycleLR</c>, <c>torch.OneCycleLR</c>.</summary>
        public (string Name, string? Alias) Names(IMethodSymbol method)
        {
            AttributeData? declared = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == NameAttribute);
            if (declared is not null && declared.NamedArguments.Any(n => n.Key == "Qualified" && n.Value.Value is true))
            {
                return ((string)declared.ConstructorArguments[0].Value!, null);
            }

            string local = DeclaredName(method) ?? (SnakeCase ? Snake(method.Name) : method.Name);
            return (Prefix + "." + local, Alias is null ? null : Alias + "." + local);
        }

        /// <summary>A C# name in Python's snake_case: <c>numWarmupSteps</c> → <c>num_warmup_steps</c>, <c>GetWsdSchedule</c> → <c>get_wsd_schedule</c>.</summary>
        public static string Snake(string name)
        {
            var builder = new StringBuilder();
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                    || (char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }

            return builder.ToString();
        }
    }

    /// <summary>A C# expression for a parameter's default value, boxed.</summary>
    internal static string Literal(ITypeSymbol type, object? value)
    {
        if (value is null)
        {
            return "null";
        }

        ITypeSymbol underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
        if (underlying.TypeKind == TypeKind.Enum)
        {
            return $"(object)({underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)})({Convert.ToString(value, CultureInfo.InvariantCulture)})";
        }

        return value switch
        {
            double d when double.IsNaN(d) => "(object)double.NaN",
            double d when double.IsPositiveInfinity(d) => "(object)double.PositiveInfinity",
            double d when double.IsNegativeInfinity(d) => "(object)double.NegativeInfinity",
            double d => "(object)" + d.ToString("R", CultureInfo.InvariantCulture) + "d",
            float f => "(object)" + f.ToString("R", CultureInfo.InvariantCulture) + "f",
            long l => "(object)" + l.ToString(CultureInfo.InvariantCulture) + "L",
            int i => "(object)" + i.ToString(CultureInfo.InvariantCulture),
            bool b => b ? "(object)true" : "(object)false",
            string s => Quote(s),
            _ => "(object)" + Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }

    internal static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static string Render(List<string> entries) =>
        "// <auto-generated/> by LrSchedules.Extensions.Generators.FactoryTableGenerator from the core's factories.\n"
        + "#nullable enable\n"
        + "namespace LrSchedules.Configuration.Internal\n{\n"
        + "    internal static partial class Factories\n    {\n"
        + "        /// <summary>One entry per configuration type, derived from the factories of the core.</summary>\n"
        + "        private static " + Runtime + "Factory[] Create() => new " + Runtime + "Factory[]\n        {\n"
        + string.Concat(entries.Select(e => "            " + e + ",\n"))
        + "        };\n    }\n}\n";

    internal sealed class DocumentationFile : IEquatable<DocumentationFile>
    {
        public DocumentationFile(string path, string text)
        {
            Path = path;
            Text = text;
        }

        public string Path { get; }

        public string Text { get; }

        public bool Equals(DocumentationFile? other) => other is not null && Path == other.Path && Text == other.Text;

        public override bool Equals(object? obj) => Equals(obj as DocumentationFile);

        public override int GetHashCode() => Path.GetHashCode() ^ Text.Length;

        internal static string AssemblyName(DocumentationFile file)
        {
            int start = file.Text.IndexOf("<assembly>", StringComparison.Ordinal);
            int end = file.Text.IndexOf("</assembly>", StringComparison.Ordinal);
            if (start < 0 || end < start)
            {
                return string.Empty;
            }

            string inner = file.Text.Substring(start + "<assembly>".Length, end - start - "<assembly>".Length);
            int nameStart = inner.IndexOf("<name>", StringComparison.Ordinal);
            int nameEnd = inner.IndexOf("</name>", StringComparison.Ordinal);
            return nameStart < 0 || nameEnd < nameStart ? string.Empty : inner.Substring(nameStart + 6, nameEnd - nameStart - 6).Trim();
        }

        internal static IEnumerable<DocumentationFile> For(ImmutableArray<DocumentationFile> files, string assembly) =>
            files.Where(f => AssemblyName(f) == assembly);
    }

    private sealed class Problem : IEquatable<Problem>
    {
        public Problem(DiagnosticDescriptor descriptor, params string[] arguments)
        {
            Descriptor = descriptor;
            Arguments = arguments.ToImmutableArray();
        }

        public DiagnosticDescriptor Descriptor { get; }

        public ImmutableArray<string> Arguments { get; }

        public bool Equals(Problem? other) => other is not null && Descriptor.Id == other.Descriptor.Id && Arguments.SequenceEqual(other.Arguments);

        public override bool Equals(object? obj) => Equals(obj as Problem);

        public override int GetHashCode() => Descriptor.Id.GetHashCode();
    }

    /// <summary>What the generator produces: compared by value, so that an edit that changes no factory emits nothing new.</summary>
    private sealed class Output : IEquatable<Output>
    {
        public Output(string source, List<Problem> problems)
        {
            Source = source;
            Problems = problems.ToImmutableArray();
        }

        public string Source { get; }

        public ImmutableArray<Problem> Problems { get; }

        public bool Equals(Output? other) => other is not null && Source == other.Source && Problems.SequenceEqual(other.Problems);

        public override bool Equals(object? obj) => Equals(obj as Output);

        public override int GetHashCode() => Source.GetHashCode();
    }

    /// <summary>
    /// The documentation files that sit beside the referenced assemblies (or one folder up, beside a <c>ref/</c> folder),
    /// for a compilation made without MSBuild's <c>AdditionalFiles</c> item: Stryker.NET's mutation builds compile the
    /// project themselves and pass none. MSBuild builds always pass the file as that item, which is read first.
    /// </summary>
#pragma warning disable RS1035 // File IO in a generator: only this fallback, for compilations made outside MSBuild.
    private static IEnumerable<DocumentationFile> BesideReferences(Compilation compilation, IEnumerable<string> assemblies)
    {
        foreach (string name in assemblies)
        {
            string? found = compilation.References.OfType<PortableExecutableReference>()
                .Select(reference => reference.FilePath)
                .Where(path => path is not null && string.Equals(System.IO.Path.GetFileNameWithoutExtension(path), name, StringComparison.OrdinalIgnoreCase))
                .SelectMany(path => new[] { System.IO.Path.GetDirectoryName(path), System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(path)) })
                .Where(directory => !string.IsNullOrEmpty(directory))
                .Select(directory => System.IO.Path.Combine(directory, name + ".xml"))
                .FirstOrDefault(System.IO.File.Exists);
            if (found is not null)
            {
                yield return new DocumentationFile(found, System.IO.File.ReadAllText(found));
            }
        }
    }
#pragma warning restore RS1035

    /// <summary>The XML documentation of the core, by documentation comment id, as one-line plain text.</summary>
    internal sealed class Documentation
    {
        private readonly Dictionary<string, System.Xml.Linq.XElement> _members;

        private readonly HashSet<string> _assemblies;

        private Documentation(Dictionary<string, System.Xml.Linq.XElement> members, HashSet<string> assemblies)
        {
            _members = members;
            _assemblies = assemblies;
        }

        /// <summary>Whether the documentation file of <paramref name="assembly"/> was found.</summary>
        public bool Has(string assembly) => _assemblies.Contains(assembly);

        internal static Documentation Load(ImmutableArray<DocumentationFile> files, IEnumerable<string> assemblies)
        {
            var members = new Dictionary<string, System.Xml.Linq.XElement>(StringComparer.Ordinal);
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (DocumentationFile file in assemblies.SelectMany(assembly => DocumentationFile.For(files, assembly)))
            {
                found.Add(DocumentationFile.AssemblyName(file));
                System.Xml.Linq.XDocument document = System.Xml.Linq.XDocument.Parse(file.Text, System.Xml.Linq.LoadOptions.PreserveWhitespace);
                foreach (System.Xml.Linq.XElement member in document.Descendants("member"))
                {
                    if (member.Attribute("name")?.Value is { } id)
                    {
                        members[id] = member;
                    }
                }
            }

            return new Documentation(members, found);
        }

        public string Summary(ISymbol symbol) =>
            Member(symbol)?.Element("summary") is { } summary ? Text(summary) : string.Empty;

        public string Param(IMethodSymbol method, string name) =>
            Member(method)?.Elements("param").FirstOrDefault(p => p.Attribute("name")?.Value == name) is { } param ? Text(param) : string.Empty;

        private System.Xml.Linq.XElement? Member(ISymbol symbol) =>
            symbol.GetDocumentationCommentId() is { } id && _members.TryGetValue(id, out System.Xml.Linq.XElement? member) ? member : null;

        /// <summary>The text of a documentation element on one line: references by their short name, a parameter by its configuration key.</summary>
        internal static string Text(System.Xml.Linq.XElement element)
        {
            var builder = new StringBuilder();
            Append(builder, element);
            return string.Join(" ", builder.ToString().Split(new[] { ' ', '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries));
        }

        private static void Append(StringBuilder builder, System.Xml.Linq.XElement element)
        {
            foreach (System.Xml.Linq.XNode node in element.Nodes())
            {
                switch (node)
                {
                    case System.Xml.Linq.XText text:
                        builder.Append(text.Value);
                        break;
                    case System.Xml.Linq.XElement child when child.Name.LocalName is "see" or "seealso":
                        if (!child.IsEmpty)
                        {
                            Append(builder, child);
                        }
                        else if (child.Attribute("langword")?.Value is { } word)
                        {
                            builder.Append(word);
                        }
                        else if (child.Attribute("cref")?.Value is { } cref)
                        {
                            builder.Append(ShortName(cref));
                        }
                        else if (child.Attribute("href")?.Value is { } href)
                        {
                            builder.Append(href);
                        }

                        break;
                    case System.Xml.Linq.XElement child when child.Name.LocalName is "paramref" or "typeparamref":
                        string name = child.Attribute("name")?.Value ?? string.Empty;
                        builder.Append(name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1));
                        break;
                    case System.Xml.Linq.XElement child when child.Name.LocalName is "para" or "br" or "list" or "item" or "code":
                        builder.Append(' ');
                        Append(builder, child);
                        builder.Append(' ');
                        break;
                    case System.Xml.Linq.XElement child:
                        Append(builder, child);
                        break;
                }
            }
        }

        /// <summary><c>M:LrSchedules.Schedule.Cosine(System.Double,...)</c> → <c>Schedule.Cosine</c>; <c>T:LrSchedules.X</c> → <c>X</c>.</summary>
        private static string ShortName(string cref)
        {
            string name = cref.Length > 2 && cref[1] == ':' ? cref.Substring(2) : cref;
            int paren = name.IndexOf('(');
            if (paren >= 0)
            {
                name = name.Substring(0, paren);
            }

            string[] parts = name.Split('.');
            bool member = cref.StartsWith("M:", StringComparison.Ordinal) || cref.StartsWith("P:", StringComparison.Ordinal)
                || cref.StartsWith("F:", StringComparison.Ordinal);
            return member && parts.Length >= 2 ? parts[parts.Length - 2] + "." + parts[parts.Length - 1] : parts[parts.Length - 1];
        }
    }
}
