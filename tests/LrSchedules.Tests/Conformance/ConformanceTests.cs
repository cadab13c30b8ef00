using System.Globalization;
using Xunit.Abstractions;

namespace LrSchedules.Tests.Conformance;

/// <summary>
/// Every recorded case must match: |ours − reference| ≤ 1e-9·|reference| + 1e-12·peak, where peak is the largest
/// reference value of the case. Set <c>LRSCHEDULES_GOLDEN</c> to run another file of the same format instead.
/// </summary>
public class ConformanceTests(ITestOutputHelper output)
{
    public const double RelativeTolerance = 1e-9;
    public const double PeakTolerance = 1e-12;

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
    public void Case_matches_the_reference_library(string id)
    {
        GoldenCase goldenCase = GoldenFile.Cases.First(c => c.Id == id);
        string? failure = Check(goldenCase);
        failure.Should().BeNull();
    }

    [Fact]
    public void Every_case_of_the_file_matches()
    {
        var failures = new List<string>();
        foreach (GoldenCase goldenCase in GoldenFile.Cases)
        {
            string? failure = Check(goldenCase);
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }

        int passed = GoldenFile.Cases.Count - failures.Count;
        output.WriteLine($"conformance: {passed}/{GoldenFile.Cases.Count} cases of {GoldenFile.Path} match");
        foreach (string failure in failures)
        {
            output.WriteLine(failure);
        }

        GoldenFile.Cases.Should().NotBeEmpty();
        failures.Should().BeEmpty();
    }

    /// <summary>Returns null when the case matches, otherwise a message naming the case and its first differing step.</summary>
    public static string? Check(GoldenCase goldenCase)
    {
        double[] ours;
        try
        {
            ours = GoldenBinder.Run(goldenCase);
        }
        catch (Exception exception) when (exception is UnmappableCaseException or ArgumentException)
        {
            return $"{goldenCase.Id}: cannot be mapped ({exception.GetType().Name}: {exception.Message})";
        }
        catch (Exception exception)
        {
            return $"{goldenCase.Id}: failed while running ({exception.GetType().Name}: {exception.Message})";
        }

        double peak = goldenCase.LearningRates.Max(Math.Abs);
        if (ours.Length != goldenCase.Steps || goldenCase.LearningRates.Length != goldenCase.Steps)
        {
            return $"{goldenCase.Id}: {goldenCase.Steps} steps declared, {goldenCase.LearningRates.Length} recorded, {ours.Length} computed";
        }

        for (int step = 0; step < goldenCase.Steps; step++)
        {
            double reference = goldenCase.LearningRates[step];
            double tolerance = (RelativeTolerance * Math.Abs(reference)) + (PeakTolerance * peak);
            if (!(Math.Abs(ours[step] - reference) <= tolerance))
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{goldenCase.Id}: first difference at step {step}: ours {ours[step]:R}, reference {reference:R} ({goldenCase.Api})");
            }
        }

        return null;
    }
}
