using System.Collections.Immutable;
using LrSchedules.Extensions.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LrSchedules.Extensions.Tests.Generators;

/// <summary>The generator on small compilations: a factory configuration cannot express is a build error, not a silent gap.</summary>
public class FactoryTableGeneratorTests
{
    private const string Attributes = """
        namespace LrSchedules.Internal
        {
            [System.AttributeUsage(System.AttributeTargets.Class)]
            internal sealed class ConfigurationFactoriesAttribute : System.Attribute
            {
                public string? Prefix { get; set; }
                public string? Alias { get; set; }
                public bool SnakeCaseNames { get; set; }
            }

            [System.AttributeUsage(System.AttributeTargets.Method | System.AttributeTargets.Parameter)]
            internal sealed class ConfigurationNameAttribute : System.Attribute
            {
                public ConfigurationNameAttribute(string name) { }
                public bool Qualified { get; set; }
            }

            [System.AttributeUsage(System.AttributeTargets.Method | System.AttributeTargets.Parameter)]
            internal sealed class NotConfigurableAttribute : System.Attribute { public NotConfigurableAttribute(string reason) { } }
        }
        """;

    private const string Documentation = """
        <?xml version="1.0"?>
        <doc><assembly><name>Core</name></assembly><members>
        <member name="M:Core.Shapes.Flat(System.Double)"><summary>A flat <paramref name="rate"/>.</summary><param name="rate">The rate; &gt;= 0.</param></member>
        </members></doc>
        """;

    /// <summary>A factory class with a configurable factory and one that takes a delegate, marked by <paramref name="delegateAttribute"/>.</summary>
    private static string Shapes(string delegateAttribute) => $$"""
        namespace Core
        {
            public sealed class Shape { }

            [LrSchedules.Internal.ConfigurationFactories]
            public static class Shapes
            {
                public static Shape Flat(double rate) => new Shape();
                {{delegateAttribute}}
                public static Shape FromDelegate(System.Func<long, double> rate) => new Shape();
            }
        }
        """;

    private static ImmutableArray<Diagnostic> Run(string factories, out string generated, bool withDocumentation = true)
    {
        CSharpCompilation core = CSharpCompilation.Create(
            "Core",
            [CSharpSyntaxTree.ParseText(Attributes), CSharpSyntaxTree.ParseText(factories)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        CSharpCompilation consumer = CSharpCompilation.Create(
            "Consumer",
            [],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), core.ToMetadataReference()],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        ImmutableArray<AdditionalText> docs = withDocumentation ? [new Text("Core.xml", Documentation)] : [];
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new FactoryTableGenerator().AsSourceGenerator()], docs);

        GeneratorDriverRunResult result = driver.RunGenerators(consumer).GetRunResult();

        generated = string.Concat(result.GeneratedTrees.Select(t => t.ToString()));
        return result.Diagnostics;
    }

    [Fact]
    public void A_factory_with_a_parameter_configuration_cannot_express_is_an_error_naming_it()
    {
        ImmutableArray<Diagnostic> diagnostics = Run(Shapes(string.Empty), out _);

        diagnostics.Should().ContainSingle(d => d.Id == "LRSCFG001").Which.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
            .Should().Be("Shapes.FromDelegate: parameter 'rate' of type 'System.Func<long, double>' has no configuration form; mark the factory (or the optional parameter) [NotConfigurable(\"reason\")]");
        diagnostics.Single(d => d.Id == "LRSCFG001").Severity.Should().Be(DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_factory_marked_not_configurable_is_left_out_and_the_others_get_their_documentation()
    {
        ImmutableArray<Diagnostic> diagnostics = Run(Shapes("""[LrSchedules.Internal.NotConfigurable("a delegate")]"""), out string generated);

        diagnostics.Should().BeEmpty();
        generated.Should().Contain("\"Flat\"").And.NotContain("FromDelegate");
        generated.Should().Contain("\"A flat Rate.\"").And.Contain("\"The rate; >= 0.\"");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Without_an_AdditionalFiles_item_the_documentation_beside_the_referenced_assembly_is_read(bool inRefFolder)
    {
        // Stryker.NET compiles the project itself and passes no AdditionalFiles: the file beside the reference (or one
        // folder up, beside an SDK ref/ folder) must give the same documentation.
        string folder = Directory.CreateTempSubdirectory("lrs-generator-").FullName;
        try
        {
            string assemblyFolder = inRefFolder ? Directory.CreateDirectory(Path.Combine(folder, "ref")).FullName : folder;
            CSharpCompilation core = CSharpCompilation.Create(
                "Core",
                [CSharpSyntaxTree.ParseText(Attributes), CSharpSyntaxTree.ParseText(Shapes("""[LrSchedules.Internal.NotConfigurable("a delegate")]"""))],
                [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            string assembly = Path.Combine(assemblyFolder, "Core.dll");
            core.Emit(assembly).Success.Should().BeTrue();
            File.WriteAllText(Path.Combine(folder, "Core.xml"), Documentation);
            CSharpCompilation consumer = CSharpCompilation.Create(
                "Consumer",
                [],
                [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(assembly)],
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

            GeneratorDriverRunResult result = CSharpGeneratorDriver.Create([new FactoryTableGenerator().AsSourceGenerator()])
                .RunGenerators(consumer).GetRunResult();

            result.Diagnostics.Should().BeEmpty();
            string generated = string.Concat(result.GeneratedTrees.Select(t => t.ToString()));
            generated.Should().Contain("\"A flat Rate.\"").And.Contain("\"The rate; >= 0.\"");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Missing_documentation_and_missing_factory_classes_are_errors()
    {
        Run("namespace Core { [LrSchedules.Internal.ConfigurationFactories] public static class Shapes { public static object? Nothing() => null; } }", out _, withDocumentation: false)
            .Select(d => d.Id).Should().Contain("LRSCFG003");
        Run("namespace Core { public static class Shapes { } }", out _).Select(d => d.Id).Should().Equal("LRSCFG002");
    }

    [Fact]
    public void An_origins_factories_in_another_assembly_are_named_by_its_declaration()
    {
        const string Origin = """
            using System.Collections.Generic;
            using LrSchedules.Internal;
            namespace Origin
            {
                [ConfigurationFactories(Prefix = "torch.optim.lr_scheduler", Alias = "torch")]
                public static class Torch
                {
                    public static Core.Shape CosineAnnealingLR(double lr, [ConfigurationName("T_max")] long tMax, double etaMin = 0.0) => new Core.Shape();
                }

                [ConfigurationFactories(Prefix = "optax", SnakeCaseNames = true)]
                public static class Optax
                {
                    public static Core.Shape PiecewiseConstantSchedule(double initValue, IReadOnlyDictionary<long, double>? boundariesAndScales = null) => new Core.Shape();

                    [ConfigurationName("pkg.module.given_name", Qualified = true)]
                    public static Core.Shape Other(IReadOnlyDictionary<string, object?> kwargs) => new Core.Shape();
                }
            }
            """;
        CSharpCompilation core = CSharpCompilation.Create(
            "Core",
            [CSharpSyntaxTree.ParseText(Attributes), CSharpSyntaxTree.ParseText(Shapes("""[LrSchedules.Internal.NotConfigurable("a delegate")]""")),
                CSharpSyntaxTree.ParseText("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Origin\")]")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpCompilation origin = CSharpCompilation.Create(
            "Origin",
            [CSharpSyntaxTree.ParseText(Origin)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), core.ToMetadataReference()],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        origin.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
        CSharpCompilation consumer = CSharpCompilation.Create(
            "Consumer",
            [],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), core.ToMetadataReference(), origin.ToMetadataReference()],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        const string OriginDocumentation = """
            <?xml version="1.0"?>
            <doc><assembly><name>Origin</name></assembly><members></members></doc>
            """;
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new FactoryTableGenerator().AsSourceGenerator()], [new Text("Core.xml", Documentation), new Text("Origin.xml", OriginDocumentation)]);

        GeneratorDriverRunResult result = driver.RunGenerators(consumer).GetRunResult();
        string generated = string.Concat(result.GeneratedTrees.Select(t => t.ToString()));

        result.Diagnostics.Should().BeEmpty();
        generated.Should().Contain("Factory(\"torch.optim.lr_scheduler.CosineAnnealingLR\", \"Torch.CosineAnnealingLR\"")
            .And.Contain("\"torch.CosineAnnealingLR\")", "the alias closes the entry")
            .And.Contain("\"T_max\")", "a declared key")
            .And.Contain("\"eta_min\")", "a derived key")
            .And.Contain("Factory(\"optax.piecewise_constant_schedule\"", "a snake_case function name")
            .And.Contain("Shape.StepMap(true)").And.Contain("\"boundaries_and_scales\")")
            .And.Contain("Factory(\"pkg.module.given_name\"", "a qualified name declared whole")
            .And.Contain("Shape.Keywords(false)")
            .And.Contain("Factory(\"Flat\"", "the core's own names are unchanged");
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
