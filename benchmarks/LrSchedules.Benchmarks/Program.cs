using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using LrSchedules.Benchmarks;

// dotnet run -c Release --project benchmarks/LrSchedules.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(QueryBenchmarks).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new SmallStepRatioColumn()));
