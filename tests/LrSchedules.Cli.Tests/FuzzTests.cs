using LrSchedules.Configuration;
using LrSchedules.Extensions.Tests.Configuration;
using LrSchedules.Tests.Randomness;

namespace LrSchedules.Cli.Tests;

/// <summary>
/// Fuzzed configuration through the tool (issue 15 point 4): <c>lrs validate</c> and <c>lrs table</c> on mutated valid
/// descriptions end with exit code 0 or 1 and, on 1, the problem list — never another exit code, an
/// exception or a hang. Seeded (<see cref="TestSeed"/>); <c>LRSCHEDULES_FUZZ_CLI_CASES</c> sets the number of cases.
/// </summary>
public sealed class FuzzTests : LrsTestBase
{
    [Fact]
    public async Task Lrs_validate_and_table_end_in_success_or_the_problem_list_on_mutated_descriptions()
    {
        int cases = int.TryParse(Environment.GetEnvironmentVariable("LRSCHEDULES_FUZZ_CLI_CASES"), out int n) ? n : 300;
        int seed = TestSeed.Or(15_014);
        var random = new Random(seed);
        string[] corpus = ConfigurationMutator.Corpus();
        string[] typeNames = ScheduleConfiguration.Types.Select(t => t.Name).ToArray();
        int valid = 0;
        for (int i = 0; i < cases; i++)
        {
            (string mutation, string text) = ConfigurationMutator.Mutate(random, corpus[random.Next(corpus.Length)], typeNames);
            string path = Write($"case{i}.json", text);
            string because = $"case {i} ({mutation}) of {TestSeed.Describe(seed)}: {ConfigurationMutator.Abbreviate(text)}";

            (int validate, string validateOutput, string validateError) = await RunWithin(because, "validate", path);
            validate.Should().BeOneOf([ExitCodes.Success, ExitCodes.Invalid], $"{because}: {validateError}");
            if (validate == ExitCodes.Invalid)
            {
                // The documented problem list: "{path}: N problem(s)" and one line per problem.
                validateOutput.Should().StartWith($"{path}: ", because).And.Contain("problem", because);
                validateError.Should().BeEmpty(because);
                continue;
            }

            valid++;
            (int table, _, string tableError) = await RunWithin(because, "table", path, "--steps", "40", "--every", "13");
            table.Should().BeOneOf([ExitCodes.Success, ExitCodes.Invalid], $"{because}: {tableError}");
        }

        valid.Should().BeGreaterThan(0, "some mutations leave a valid description");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunWithin(string because, params string[] args)
    {
        try
        {
            return await Task.Run(() => Run(args)).WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"{because}: lrs {args[0]} did not finish within a minute");
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{because}: lrs {args[0]} threw {e.GetType().Name}: {e.Message}", e);
        }
    }
}
