using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using LrSchedules.Benchmarks;

// dotnet run -c Release --project benchmarks/LrSchedules.Benchmarks -- --filter '*' --job short
// Reports: BenchmarkDotNet.Artifacts/results/*-report-github.md (see docs/benchmarks/README.md).
BenchmarkSwitcher.FromAssembly(typeof(QueryBenchmarks).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new SmallStepRatioColumn()).WithOrderer(new BaselineFirstOrderer()));
