using System.Reflection;
using System.Xml.Linq;
using LrSchedules.Tests.Conformance;

namespace LrSchedules.Porting.Tests.Guide;

public class PortingGuideTests
{
    private const string UpdateVariable = "LRSCHEDULES_UPDATE_DOCS";

    [Fact]
    public void Porting_guide_is_generated_from_the_porting_surface_and_up_to_date()
    {
        string path = Path.Combine(GoldenFile.RepositoryRoot(), "docs", "porting.md");
        string generated = PortingGuide.Generate();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, generated);
        }

        File.ReadAllText(path).ReplaceLineEndings("\n").Should().Be(
            generated,
            $"docs/porting.md is generated from the porting surface; regenerate it with {UpdateVariable}=1 dotnet test tests/LrSchedules.Porting.Tests --filter PortingGuide");
    }

    public static TheoryData<string> PortingMethods()
    {
        var data = new TheoryData<string>();
        foreach ((Type origin, _) in PortingGuide.Origins)
        {
            foreach (MethodInfo method in PortingGuide.Methods(origin))
            {
                data.Add(PortingGuide.DocumentationId(method));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PortingMethods))]
    public void Every_porting_method_documents_its_origin_call_expression_and_origin_file(string id)
    {
        XElement member = PortingGuide.Member(PortingGuide.Documentation(), id)!;
        member.Should().NotBeNull($"{id} has XML docs");
        member.Element("summary")!.Value.Should().NotBeNullOrWhiteSpace();
        member.Descendants("expression").Should().NotBeEmpty($"{id} says which LrSchedules expression it builds");
        member.Element("remarks")!.Value.Should().Contain("Origin", $"{id} cites the origin file");
    }

    [Fact]
    public void Every_origin_class_cites_its_commit()
    {
        XDocument documentation = PortingGuide.Documentation();
        foreach ((Type origin, _) in PortingGuide.Origins)
        {
            PortingGuide.Member(documentation, "T:" + origin.FullName)!.Element("remarks")!.Value
                .Should().MatchRegex("[0-9a-f]{40}", $"{origin.Name} names the commit it was read at");
        }
    }
}
