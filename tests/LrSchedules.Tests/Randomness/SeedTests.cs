using System.Reflection;
using FsCheck.Xunit;
using LrSchedules.Tests.Conformance;

namespace LrSchedules.Tests.Randomness;

/// <summary>Every randomized test runs on a seed a failure can be replayed from (<see cref="TestSeed"/>).</summary>
public class SeedTests
{
    [Fact]
    public void Every_property_runs_on_the_fixed_seed_or_its_override()
    {
        MethodInfo[] properties = typeof(SeedTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<PropertyAttribute>().Any())
            .ToArray();

        properties.Should().NotBeEmpty();
        properties.Where(m => m.GetCustomAttribute<PropertyAttribute>() is not SeededPropertyAttribute)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .Should().BeEmpty("a [Property] draws a new seed on every run; use [SeededProperty]");
        properties.Select(m => m.GetCustomAttribute<PropertyAttribute>()!.Replay).Should().AllBe(TestSeed.Replay);
    }

    [Fact]
    public void Every_hand_rolled_random_loop_takes_its_seed_from_TestSeed()
    {
        string tests = Path.Combine(GoldenFile.RepositoryRoot(), "tests");
        string[] offenders = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f =>
            {
                string text = File.ReadAllText(f);
                return (text.Contains("new Random(", StringComparison.Ordinal) || text.Contains("Random.Shared", StringComparison.Ordinal))
                       && !text.Contains("TestSeed.", StringComparison.Ordinal);
            })
            .Select(f => Path.GetRelativePath(tests, f))
            .ToArray();

        offenders.Should().BeEmpty("a random loop must start from TestSeed.Or(default) and name the seed in its assertion messages");
    }

    [Fact]
    public void The_override_replaces_the_default_seed_and_a_loop_adds_it_to_its_own()
    {
        if (TestSeed.Override is null)
        {
            TestSeed.Replay.Should().Be(TestSeed.DefaultReplay);
            TestSeed.Or(7).Should().Be(7);
            TestSeed.Describe(7).Should().Be("seed 7 (LRSCHEDULES_SEED=unset)");
        }
        else
        {
            TestSeed.Replay.Should().Contain(",");
            TestSeed.Describe(7).Should().Contain(TestSeed.Override);
        }
    }
}
