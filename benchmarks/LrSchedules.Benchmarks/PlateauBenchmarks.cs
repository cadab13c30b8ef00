using BenchmarkDotNet.Attributes;
using LrSchedules.Plateau;

namespace LrSchedules.Benchmarks;

/// <summary>Reporting a metric to <see cref="ReduceLearningRateOnPlateau"/>, PyTorch's <c>ReduceLROnPlateau.step(metric)</c>.</summary>
/// <remarks>
/// The controller is mutable, so one instance receives every report of the run, restored at
/// <see cref="QueryBenchmarks.Start"/> reports so that its step is the parameter's. The metrics are a noisy, falling loss
/// of 1,024 values replayed by every invocation: the first pass improves often; after it nothing beats the best, which
/// is the steady state measured — a report without improvement, and every thirteenth a due reduction (patience 10,
/// cooldown 2) that reads the underlying cosine at the current step to decide whether the reduction exceeds epsilon.
/// </remarks>
public class PlateauBenchmarks : QueryBenchmarks
{
    private readonly double[] _metrics = new double[StepsPerInvoke];
    private ReduceLearningRateOnPlateau _plateau = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        for (int i = 0; i < _metrics.Length; i++)
        {
            _metrics[i] = (2.0 / (1.0 + (i / 64.0))) + (0.05 * random.NextDouble());
        }

        _plateau = Schedule.Cosine(Peak, Final, TotalSteps).ReduceOnPlateau(
            new ReduceOnPlateauOptions { Patience = 10, Cooldown = 2, Factor = 0.5 },
            new ReduceOnPlateauState(Start, double.PositiveInfinity, 0, 0, 0));
    }

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double Report()
    {
        ReduceLearningRateOnPlateau plateau = _plateau;
        double[] metrics = _metrics;
        for (int i = 0; i < metrics.Length; i++)
        {
            plateau.Report(metrics[i]);
        }

        return plateau.Scale;
    }
}
