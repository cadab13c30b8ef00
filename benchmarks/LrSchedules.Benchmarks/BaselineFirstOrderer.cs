using System.Collections.Immutable;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace LrSchedules.Benchmarks;

/// <summary>Orders each report's rows by start step, then the baseline first, then the benchmarks as declared.</summary>
public sealed class BaselineFirstOrderer : DefaultOrderer
{
    public override IEnumerable<BenchmarkCase> GetSummaryOrder(ImmutableArray<BenchmarkCase> benchmarksCases, Summary summary) =>
        benchmarksCases
            .OrderBy(c => c.Parameters.Items.FirstOrDefault(p => p.Name == nameof(QueryBenchmarks.Start))?.Value as long?)
            .ThenBy(c => c.Descriptor.Baseline ? 0 : 1)
            .ThenBy(c => c.Descriptor.WorkloadMethod.MetadataToken);
}
