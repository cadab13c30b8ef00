using System.Globalization;
using LrSchedules.Configuration;
using LrSchedules.Tests.Conformance;
using Xunit.Abstractions;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>
/// The second path through the golden file: every case is built through LrSchedules.Porting by the conformance binder,
/// the LrSchedules expression the porting method built is described, written as JSON, read back and built again, and must still match the reference library within the tolerance of the
/// conformance tests, |ours − ref| ≤ 1e-9·|ref| + 1e-12·peak at every step. Plateau cases go through the
/// <c>ReduceOnPlateau</c> description, fed the recorded metrics.
/// </summary>
public class ConformanceJsonTests(ITestOutputHelper output)
{
    private const double RelativeTolerance = 1e-9;
    private const double PeakTolerance = 1e-12;
    private const string PlateauApi = "torch.optim.lr_scheduler.ReduceLROnPlateau";

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (GoldenCase goldenCase in GoldenFile.Cases)
        {
            data.Add(goldenCase.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_built_from_its_json_description_matches_the_reference_library(string id)
    {
        GoldenCase goldenCase = GoldenFile.Cases.Single(c => c.Id == id);

        (string? failure, string json) = Check(goldenCase);

        output.WriteLine(json);
        failure.Should().BeNull();
    }

    [Fact]
    public void Every_case_of_the_file_matches_through_json()
    {
        var failures = GoldenFile.Cases.Select(c => Check(c).Failure).OfType<string>().ToList();

        output.WriteLine($"conformance through JSON: {GoldenFile.Cases.Count - failures.Count}/{GoldenFile.Cases.Count} cases of {GoldenFile.Path} match");
        failures.ForEach(output.WriteLine);
        GoldenFile.Cases.Should().NotBeEmpty();
        GoldenFile.Cases.Should().Contain(c => c.Api == PlateauApi, "the plateau path is exercised too");
        failures.Should().BeEmpty();
    }

    /// <summary>Null when the case matches through JSON, otherwise a message naming the case and its first differing step.</summary>
    private static (string? Failure, string Json) Check(GoldenCase goldenCase)
    {
        string json;
        double[] ours;
        if (goldenCase.Api == PlateauApi)
        {
            // Torch.ReduceLROnPlateau records its own call; describe the core controller it stands for.
            var ported = (ReduceLearningRateOnPlateau)GoldenBinder.Build(goldenCase.Api, goldenCase.Parameters, goldenCase.BaseLearningRate);
            ReduceLearningRateOnPlateau original = ported.Inner.ReduceOnPlateau(ported.Options);
            json = ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(original));
            ReduceLearningRateOnPlateau plateau = ScheduleConfiguration.Load(json).Get<ReduceLearningRateOnPlateau>();
            ours = new double[goldenCase.Steps];
            for (int step = 0; step < ours.Length; step++)
            {
                ours[step] = plateau.CurrentLearningRate;
                plateau.Report(goldenCase.Metrics![step]);
            }
        }
        else
        {
            ILearningRateSchedule original = Expression(GoldenBinder.Build(goldenCase.Api, goldenCase.Parameters, goldenCase.BaseLearningRate));
            json = ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(original));
            ILearningRateSchedule schedule = ScheduleConfiguration.Load(json).Get<ILearningRateSchedule>();
            ours = [.. Enumerable.Range(0, goldenCase.Steps).Select(step => schedule.GetLearningRate(step))];
        }

        double peak = goldenCase.LearningRates.Max(Math.Abs);
        for (int step = 0; step < goldenCase.Steps; step++)
        {
            double reference = goldenCase.LearningRates[step];
            double tolerance = (RelativeTolerance * Math.Abs(reference)) + (PeakTolerance * peak);
            if (!(Math.Abs(ours[step] - reference) <= tolerance))
            {
                return (string.Create(
                    CultureInfo.InvariantCulture,
                    $"{goldenCase.Id}: first difference at step {step} through JSON: ours {ours[step]:R}, reference {reference:R} ({goldenCase.Api})"), json);
            }
        }

        return (null, json);
    }

    /// <summary>
    /// The LrSchedules expression a porting method built (its internal <c>PortedSchedule.Expression</c>, read by
    /// reflection): the porting call itself has no configuration form yet, the core expression has.
    /// </summary>
    private static ILearningRateSchedule Expression(object ported) =>
        (ILearningRateSchedule)(ported.GetType().GetProperty("Expression")?.GetValue(ported) ?? ported);
}
