using BenchmarkDotNet.Attributes;

namespace LrSchedules.Benchmarks;

/// <summary>Reporting a metric to <see cref="ReduceLearningRateOnPlateau"/>, PyTorch's <c>ReduceLROnPlateau.step(metric)</c>.</summary>
/// <remarks>
/// The plateau controller is mutable, so the one instance keeps receiving reports for the whole run; it is restored at
/// <see cref="QueryBenchmarks.Start"/> reports. The metrics cycle through a noisy loss that improves and stalls, so every
/// path of <c>Report</c> (improvement, bad report, due reduction, cooldown) is taken; once the best loss of the cycle has
/// been seen, every eleventh report is a due reduction, which reads the underlying cosine at the current step.
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

        _plateau = Schedule.Cosine(Peak, TotalSteps, Final).ReduceOnPlateau(
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
