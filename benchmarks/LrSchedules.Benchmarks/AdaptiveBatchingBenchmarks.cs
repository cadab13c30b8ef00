using BenchmarkDotNet.Attributes;
using LrSchedules.Batching;

namespace LrSchedules.Benchmarks;

/// <summary>
/// The per-step cost of measuring the batch size (issue 12): one update of <see cref="GradientNoiseScale"/> in each of
/// its three input forms, and the queries a training loop makes of <see cref="AdaptiveBatchSizeController"/> and
/// <see cref="AdaScale"/>. Every row must allocate 0 B.
/// </summary>
/// <remarks>
/// <para>Each invocation makes <see cref="StepsPerInvoke"/> operations, with <c>OperationsPerInvoke</c> set, so the
/// reported time is per operation. The norms are 1,024 pre-drawn noisy values replayed by every invocation.</para>
/// <para>The controller has made 16 changes (a decision every 64 steps on a rising noise scale, grow-only, up to 1024),
/// so its queries search a plan of 17 phases; <see cref="ControllerQuery"/> reads the batch size and rate at the current
/// step and the epoch of a later step, <see cref="ControllerReport"/> reports a statistic between decision points (the
/// common step: a decision rebuilds the plan and allocates, once per decision).</para>
/// </remarks>
[MemoryDiagnoser]
public class AdaptiveBatchingBenchmarks
{
    /// <summary>Operations per invocation; the reported time is divided by it.</summary>
    public const int StepsPerInvoke = 1024;

    private readonly double[] _small = new double[StepsPerInvoke];
    private readonly double[] _big = new double[StepsPerInvoke];
    private readonly double[] _parts = new double[8];
    private GradientNoiseScale _estimator = null!;
    private AdaptiveBatchSizeController _controller = null!;
    private AdaptiveBatchSizeController _reporting = null!;
    private GradientNoiseScale _differenced = null!;
    private AdaScale _adaScale = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(12);
        for (int i = 0; i < StepsPerInvoke; i++)
        {
            _big[i] = 1.0 + (0.1 * random.NextDouble());
            _small[i] = _big[i] + 0.5 + random.NextDouble();
        }

        for (int i = 0; i < _parts.Length; i++)
        {
            _parts[i] = 1.5 + (0.2 * i);
        }

        _estimator = AdaptiveBatching.NoiseScale();
        _estimator.Update(4, 2.0, 32, 1.0);
        _controller = AdaptiveBatching.Controller(Schedule.Cosine(0.1, 0.0, 1_000_000), 1_000_000, 16, 16, 1024, 64);
        for (int step = 0; step < 17 * 64; step++)
        {
            _controller.Report(16.0 + (step / 64 * 64.0));
        }

        _reporting = AdaptiveBatching.Controller(Schedule.Cosine(0.1, 0.0, 1_000_000), 1_000_000, 16, 16, 1024, 1_000_000_000);
        _differenced = AdaptiveBatching.NoiseScale();
        _differenced.UpdateFromConsecutiveBatches(4, 2.0, 2.1, 1.5);
        _adaScale = AdaptiveBatching.AdaScale(_estimator, Schedule.Cosine(0.1, 0.0, 1_000_000), 32, 1_000_000);
    }

    /// <summary><see cref="GradientNoiseScale.Update"/>: the two batch sizes and squared norms.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = StepsPerInvoke)]
    public double EstimatorUpdate()
    {
        GradientNoiseScale estimator = _estimator;
        double[] small = _small;
        double[] big = _big;
        for (int i = 0; i < small.Length; i++)
        {
            estimator.Update(4, small[i], 32, big[i]);
        }

        return estimator.NoiseScale;
    }

    /// <summary><see cref="GradientNoiseScale.UpdateFromParts"/> with 8 parts (8 workers' norms and the all-reduced one).</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double EstimatorUpdateFromParts()
    {
        GradientNoiseScale estimator = _estimator;
        double[] big = _big;
        for (int i = 0; i < big.Length; i++)
        {
            estimator.UpdateFromParts(4, _parts, big[i]);
        }

        return estimator.NoiseScale;
    }

    /// <summary><see cref="GradientNoiseScale.UpdateFromConsecutiveBatches"/>, the differenced fallback.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double EstimatorUpdateFromConsecutiveBatches()
    {
        GradientNoiseScale estimator = _differenced;
        double[] small = _small;
        double[] big = _big;
        for (int i = 1; i < small.Length; i++)
        {
            estimator.UpdateFromConsecutiveBatches(4, small[i - 1], small[i], big[i]);
        }

        return estimator.NoiseScale;
    }

    /// <summary>The controller's per-step queries: current batch size and rate, and a later step's epoch.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double ControllerQuery()
    {
        AdaptiveBatchSizeController controller = _controller;
        double sum = 0.0;
        for (int i = 0; i < StepsPerInvoke; i++)
        {
            sum += controller.CurrentBatchSize + controller.CurrentLearningRate + controller.GetPosition(controller.ReportCount + i).Epoch;
        }

        return sum;
    }

    /// <summary>A report between decision points (decisions every 10^9 steps here, so none is due).</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public long ControllerReport()
    {
        AdaptiveBatchSizeController controller = _reporting;
        for (int i = 0; i < StepsPerInvoke; i++)
        {
            controller.Report(100.0);
        }

        return controller.ReportCount;
    }

    /// <summary>AdaScale per step: the rate at batch 256 (gain from the statistics, schedule at τ), then the clock's advance.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double AdaScaleStep()
    {
        AdaScale adaScale = _adaScale;
        double sum = 0.0;
        for (int i = 0; i < StepsPerInvoke; i++)
        {
            sum += adaScale.GetLearningRate(256);
            adaScale.Advance(256);
        }

        return sum;
    }
}
