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
            internal sealed class ConfigurationFactoriesAttribute : System.Attribute { }

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

    [Fact]
    public void Missing_documentation_and_missing_factory_classes_are_errors()
    {
        Run("namespace Core { [LrSchedules.Internal.ConfigurationFactories] public static class Shapes { public static object? Nothing() => null; } }", out _, withDocumentation: false)
            .Select(d => d.Id).Should().Contain("LRSCFG003");
        Run("namespace Core { public static class Shapes { } }", out _).Select(d => d.Id).Should().Equal("LRSCFG002");
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
