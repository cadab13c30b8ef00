using LrSchedules.Configuration;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>
/// Which overload of a type a description calls when its keys fit none exactly: the rule is "the overload that knows
/// every key and has every required one, else the one with the most parameters", and the problems reported are those
/// of the overload chosen.
/// </summary>
public class OverloadChoiceTests
{
    [Fact]
    public void A_key_no_overload_knows_reports_the_problems_of_the_overload_with_the_most_parameters()
    {
        // The three keys of Polynomial(initial, totalSteps, power) plus one neither overload takes: the shorter overload
        // knows some of the keys but not every one, so it is not called; the four-parameter one is, and it lacks its
        // FinalLearningRate.
        const string Json = """{ "Type": "Polynomial", "InitialLearningRate": 0.1, "TotalSteps": 100, "Power": 2, "WarmupSteps": 10 }""";

        ScheduleLoadResult result = ScheduleConfiguration.Load(Json);

        result.Succeeded.Should().BeFalse();
        result.Problems.Select(p => $"{p.Path} | {p.Message}").Should().Equal(
            "WarmupSteps | WarmupSteps is not a parameter of Polynomial; its parameters are InitialLearningRate, FinalLearningRate, TotalSteps, Power.",
            "FinalLearningRate | FinalLearningRate is required for Polynomial (number): The learning rate at TotalSteps and after; finite and ≥ 0.");
    }
}
