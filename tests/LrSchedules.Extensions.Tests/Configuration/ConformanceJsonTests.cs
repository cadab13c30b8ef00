using System.Globalization;
using System.Text.Json.Nodes;
using LrSchedules.Configuration;
using LrSchedules.Tests.Conformance;
using Xunit.Abstractions;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>
/// The second path through the golden file: every case is loaded directly as the JSON a user writes from the Python
/// call, <c>{"Type": api, ...params, "lr": base_lr}</c> (a nested scheduler is a nested description with its own
/// <c>Type</c> and <c>lr</c>), and must match the reference library within the tolerance of the conformance tests,
/// |ours − ref| ≤ 1e-9·|ref| + 1e-12·peak at every step. Plateau cases are fed the recorded metrics. The same case built
/// in C# through LrSchedules.Porting is then described, written, read back and must give the same values bit for bit.
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
    public void Case_loaded_from_the_python_keyword_arguments_as_json_matches_the_reference_library(string id)
    {
        GoldenCase goldenCase = GoldenFile.Cases.Single(c => c.Id == id);
        string json = OriginJson(goldenCase);
        output.WriteLine(json);

        ScheduleLoadResult loaded = ScheduleConfiguration.Load(json);

        loaded.Problems.Should().BeEmpty();
        loaded.Description!.Type.Should().Be(goldenCase.Api, "the origin's qualified name is the configuration type's name");
        Mismatch(goldenCase, Run(loaded.Built!, goldenCase), "from its origin JSON").Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_built_in_csharp_is_described_in_the_origins_names_and_rebuilt_bit_for_bit(string id)
    {
        GoldenCase goldenCase = GoldenFile.Cases.Single(c => c.Id == id);
        object built = GoldenBinder.Build(goldenCase.Api, goldenCase.Parameters, goldenCase.BaseLearningRate);

        ScheduleDescription description = ScheduleConfiguration.Describe(built);
        string json = ScheduleConfiguration.ToJson(description);
        output.WriteLine(json);
        ScheduleLoadResult read = ScheduleConfiguration.Load(json);

        description.Type.Should().Be(goldenCase.Api);
        read.Problems.Should().BeEmpty();
        ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(read.Built!)).Should().Be(json, "describing the rebuilt object gives the same text");
        Run(read.Built!, goldenCase).Should().Equal(Run(GoldenBinder.Build(goldenCase.Api, goldenCase.Parameters, goldenCase.BaseLearningRate), goldenCase));
    }

    [Fact]
    public void Every_case_of_the_file_matches_through_its_origin_json()
    {
        var failures = GoldenFile.Cases
            .Select(c => ScheduleConfiguration.Load(OriginJson(c)) is { Succeeded: true } loaded
                ? Mismatch(c, Run(loaded.Built!, c), "from its origin JSON")
                : $"{c.Id}: {string.Join(" ", ScheduleConfiguration.Load(OriginJson(c)).Problems.Select(p => p.Message))}")
            .OfType<string>()
            .ToList();

        output.WriteLine($"conformance through origin JSON: {GoldenFile.Cases.Count - failures.Count}/{GoldenFile.Cases.Count} cases of {GoldenFile.Path} match");
        failures.ForEach(output.WriteLine);
        GoldenFile.Cases.Should().HaveCountGreaterThanOrEqualTo(48);
        GoldenFile.Cases.Should().Contain(c => c.Api == PlateauApi, "the plateau path is exercised too");
        failures.Should().BeEmpty();
    }

    /// <summary>
    /// The case as a user writes it: the Python call's keyword arguments under its qualified name, plus <c>lr</c> (the
    /// optimizer's rate) where the scheduler reads it; the recording's <c>api</c> of a nested scheduler becomes its <c>Type</c>.
    /// </summary>
    internal static string OriginJson(GoldenCase goldenCase)
    {
        var root = (JsonObject)JsonNode.Parse(goldenCase.Parameters.GetRawText())!;
        return Described(root, goldenCase.Api, goldenCase.BaseLearningRate).ToJsonString();
    }

    private static JsonObject Described(JsonObject call, string api, double? baseLearningRate)
    {
        var description = new JsonObject { ["Type"] = api };
        foreach ((string key, JsonNode? value) in call.ToList())
        {
            if (key == "api")
            {
                continue;
            }

            call.Remove(key);
            description[key] = value switch
            {
                JsonArray list => new JsonArray([.. list.ToList().Select(e => { list.Remove(e); return Nested(e, baseLearningRate); })]),
                _ => Nested(value, baseLearningRate),
            };
        }

        if (baseLearningRate is double lr && !description.ContainsKey("lr")
            && ScheduleConfiguration.FindType(api)?.Parameters.Any(p => p.Name == "lr") == true)
        {
            description["lr"] = lr;
        }

        return description;
    }

    private static JsonNode? Nested(JsonNode? value, double? baseLearningRate) =>
        value is JsonObject nested && nested["api"]?.GetValue<string>() is { } api ? Described(nested, api, baseLearningRate) : value;

    /// <summary>The learning rate at each step: a schedule read at the step, a metric-driven one read then fed the metric of the step.</summary>
    private static double[] Run(object built, GoldenCase goldenCase)
    {
        var rates = new double[goldenCase.Steps];
        if (built is IMetricDrivenSchedule metricDriven)
        {
            for (int step = 0; step < rates.Length; step++)
            {
                rates[step] = metricDriven.CurrentLearningRate;
                metricDriven.Report(goldenCase.Metrics![step]);
            }

            return rates;
        }

        var schedule = (ILearningRateSchedule)built;
        for (int step = 0; step < rates.Length; step++)
        {
            rates[step] = schedule.GetLearningRate(step);
        }

        return rates;
    }

    /// <summary>Null when the rates match the recording, otherwise a message naming the case and its first differing step.</summary>
    private static string? Mismatch(GoldenCase goldenCase, double[] ours, string how)
    {
        double peak = goldenCase.LearningRates.Max(Math.Abs);
        for (int step = 0; step < goldenCase.Steps; step++)
        {
            double reference = goldenCase.LearningRates[step];
            double tolerance = (RelativeTolerance * Math.Abs(reference)) + (PeakTolerance * peak);
            if (!(Math.Abs(ours[step] - reference) <= tolerance))
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{goldenCase.Id}: first difference at step {step} {how}: ours {ours[step]:R}, reference {reference:R} ({goldenCase.Api})");
            }
        }

        return null;
    }
}
