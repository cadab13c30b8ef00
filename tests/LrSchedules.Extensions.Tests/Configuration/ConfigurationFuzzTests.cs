using System.Diagnostics;
using System.Globalization;
using LrSchedules.Configuration;
using LrSchedules.Tests.Randomness;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>
/// Fuzzed configuration (issue 15 point 4): valid descriptions of every configuration type (the gallery holds one per
/// factory, and the sample configurations) mutated at random — truncation, byte flips, type swaps, huge, tiny and
/// non-finite numbers, duplicate and unknown keys, deep nesting, wrong shapes — through reading, validation and building
/// (<see cref="ScheduleConfiguration.Load(string, Type?)"/>). Every case ends in a built object or in the documented
/// problem list, never another exception or a hang; a learning-rate schedule that builds answers finite, non-negative
/// rates. Seeded (<see cref="TestSeed"/>); <c>LRSCHEDULES_FUZZ_CASES</c> sets the number of cases (2,000 by default;
/// <c>scripts/fuzz-configuration.sh</c> runs 100,000).
/// </summary>
public class ConfigurationFuzzTests
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Mutated_descriptions_of_every_type_end_in_a_build_or_the_problem_list_never_another_exception()
    {
        int cases = int.TryParse(Environment.GetEnvironmentVariable("LRSCHEDULES_FUZZ_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : 2_000;
        int seed = TestSeed.Or(15_004);
        var random = new Random(seed);
        string[] corpus = ConfigurationMutator.Corpus();
        corpus.Length.Should().BeGreaterThan(100, "the gallery holds a valid description of every configuration type");
        string[] typeNames = ScheduleConfiguration.Types.Select(t => t.Name).ToArray();
        int built = 0, rejected = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < cases; i++)
        {
            string original = corpus[random.Next(corpus.Length)];
            (string mutation, string text) = ConfigurationMutator.Mutate(random, original, typeNames);
            string because = $"case {i} ({mutation}) of {TestSeed.Describe(seed)}: {ConfigurationMutator.Abbreviate(text)}";

            ScheduleLoadResult result;
            try
            {
                result = await Task.Run(() => ScheduleConfiguration.Load(text)).WaitAsync(CaseTimeout);
            }
            catch (TimeoutException)
            {
                throw new Xunit.Sdk.XunitException($"{because} did not finish within {CaseTimeout}");
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{because} threw {e.GetType().Name}: {e.Message}", e);
            }

            if (result.Succeeded)
            {
                result.Built.Should().NotBeNull(because);
                result.Problems.Should().BeEmpty(because);
                if (result.Built is ILearningRateSchedule schedule)
                {
                    foreach (long step in (long[])[0, 1, 999, 1_000_000, long.MaxValue])
                    {
                        double rate = schedule.GetLearningRate(step);
                        (double.IsFinite(rate) && rate >= 0.0).Should().BeTrue($"{because} built a schedule whose rate at step {step} is {rate}");
                    }
                }

                built++;
            }
            else
            {
                result.Built.Should().BeNull(because);
                result.Problems.Should().NotBeEmpty(because);
                result.Problems.Should().OnlyContain(p => p.Message.Length > 0 && p.Message.StartsWith(p.Path, StringComparison.Ordinal), because);
                rejected++;
            }
        }

        (built + rejected).Should().Be(cases);
        built.Should().BeGreaterThan(0, "some mutations leave a valid description");
        rejected.Should().BeGreaterThan(0);
        Console.WriteLine($"configuration fuzzer: {cases} cases ({built} built, {rejected} rejected) in {clock.Elapsed.TotalSeconds:F1} s, {TestSeed.Describe(seed)}");
    }
}
