namespace LrSchedules.Cli.Tests;

/// <summary>
/// samples/configs/gallery holds one configuration per type a schedule file can name, which the docs build draws with
/// lrs plot (scripts/build-docs.sh): a new type without one fails here before it fails the docs build.
/// </summary>
public sealed class GalleryTests : LrsTestBase
{
    private static string Gallery => Path.Combine(Configs, "gallery");

    public static TheoryData<string> Types()
    {
        var data = new TheoryData<string>();
        foreach (TypeEntry type in Loaded.Types)
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Fact]
    public void The_gallery_has_one_configuration_per_type_and_no_other()
    {
        Directory.GetFiles(Gallery, "*.json").Select(Path.GetFileNameWithoutExtension).Should()
            .BeEquivalentTo(Loaded.Types.Select(type => type.Name));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Each_gallery_configuration_uses_its_type_and_draws(string type)
    {
        string file = Path.Combine(Gallery, type + ".json");
        string target = Path.Combine(TempDirectory, type + ".svg");

        (int exitCode, string output, string error) = Run("plot", file, "--steps", "1000", "--out", target);

        exitCode.Should().Be(ExitCodes.Success, error);
        output.Should().Be($"wrote {target}\n");
        File.ReadAllText(file).Should().Contain($"\"Type\": \"{type}\"");
    }
}
