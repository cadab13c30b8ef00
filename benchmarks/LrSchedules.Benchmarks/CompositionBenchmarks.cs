using BenchmarkDotNet.Attributes;

namespace LrSchedules.Benchmarks;

/// <summary>Schedules built from others with the combinators, and a precomputed table for comparison.</summary>
public class CompositionBenchmarks : QueryBenchmarks
{
    /// <summary>How many steps <see cref="BakedWarmupCosine"/> precomputes: a million steps, 8 MB.</summary>
    public const int BakedSteps = 1_000_000;

    private ILearningRateSchedule _warmupCosine = null!;
    private ILearningRateSchedule _threePartJoin = null!;
    private ILearningRateSchedule _product = null!;
    private ILearningRateSchedule _perEpoch = null!;
    private ILearningRateSchedule _baked = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The baseline's schedule, built the way the math reads.
        _warmupCosine = Schedule.Cosine(Peak, Final, TotalSteps).WithLinearWarmup(WarmupSteps);

        // Linear warmup, a stable phase, then a cosine: three schedules and two boundaries (optax join_schedules).
        _threePartJoin = Schedule.Join(
            [Schedule.Linear(0.0, Peak, 200), Schedule.Constant(Peak), Schedule.Cosine(Peak, Final, TotalSteps)],
            [200, 600]);

        // A cosine modulated by a triangular multiplier between 0.5 and 1 (PyTorch ChainedScheduler style).
        _product = Schedule.Product(Schedule.Cosine(Peak, Final, TotalSteps), Schedule.Cyclic(0.5, 1.0, stepsUp: 2_000));

        // A cosine written in epochs (2,000 of them), read at optimizer steps with 500 steps per epoch.
        _perEpoch = Schedule.Cosine(Peak, Final, 2_000).PerEpoch(stepsPerEpoch: 500);

        _baked = new BakedSchedule(_warmupCosine, BakedSteps);

        double library = WarmupCosine();
        double byHand = HandInlinedWarmupCosine();
        if (BitConverter.DoubleToInt64Bits(library) != BitConverter.DoubleToInt64Bits(byHand))
        {
            throw new InvalidOperationException(
                $"The hand-inlined baseline must compute what Schedule.Cosine(...).WithLinearWarmup(...) computes, bit for bit, but at Start = {Start} they sum to {byHand:R} and {library:R}.");
        }

        if (BakedWarmupCosine() != library)
        {
            throw new InvalidOperationException("The baked table must return the schedule's own values.");
        }
    }

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double WarmupCosine() => Sum(_warmupCosine);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double ThreePartJoin() => Sum(_threePartJoin);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double ProductOfTwo() => Sum(_product);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double PerEpochQueriedPerStep() => Sum(_perEpoch);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double BakedWarmupCosine() => Sum(_baked);
}
