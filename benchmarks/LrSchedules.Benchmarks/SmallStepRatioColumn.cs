using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace LrSchedules.Benchmarks;

/// <summary>
/// The cost at this start step relative to the same benchmark at the smallest start step: 1.00 is flat, 1.20 would be
/// 20% dearer at the huge step.
/// </summary>
public sealed class SmallStepRatioColumn : IColumn
{
    private const string ParameterName = nameof(QueryBenchmarks.Start);

    public string Id => nameof(SmallStepRatioColumn);

    public string ColumnName => "vs Start=1000";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Mean of this row divided by the mean of the same benchmark at the smallest Start (1.00 = the cost does not depend on the step)";

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => c.Parameters.Items.Any(p => p.Name == ParameterName));

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (StartOf(benchmarkCase) is not long)
        {
            return "?";
        }

        BenchmarkCase[] sameMethod = summary.BenchmarksCases
            .Where(c => c.Descriptor.Type == benchmarkCase.Descriptor.Type
                && c.Descriptor.WorkloadMethod == benchmarkCase.Descriptor.WorkloadMethod
                && c.Job.Id == benchmarkCase.Job.Id
                && StartOf(c) is long)
            .ToArray();
        BenchmarkCase smallest = sameMethod.MinBy(c => StartOf(c)!.Value)!;
        double? mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        double? reference = summary[smallest]?.ResultStatistics?.Mean;
        return mean is double m && reference is double r && r > 0
            ? (m / r).ToString("0.00", style.CultureInfo ?? CultureInfo.InvariantCulture)
            : "?";
    }

    private static long? StartOf(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == ParameterName)?.Value as long?;
}
