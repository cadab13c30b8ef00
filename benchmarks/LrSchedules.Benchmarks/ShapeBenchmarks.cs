using BenchmarkDotNet.Attributes;

namespace LrSchedules.Benchmarks;

/// <summary>One benchmark per shape factory on <see cref="Schedule"/>, each queried at a new step on every call.</summary>
/// <remarks>
/// Parameters are the usual ones for each shape in a run of <see cref="QueryBenchmarks.TotalSteps"/> steps; periodic
/// and unbounded shapes are set up to be still moving at 10^12 (see <c>docs/benchmarks/README.md</c>).
/// </remarks>
public class ShapeBenchmarks : QueryBenchmarks
{
    // Four decays in a run of 10^6 steps (PyTorch MultiStepLR milestones, optax piecewise boundaries).
    private static readonly long[] Milestones = [300_000, 600_000, 800_000, 900_000];

    private ILearningRateSchedule _constant = null!;
    private ILearningRateSchedule _step = null!;
    private ILearningRateSchedule _multiStep = null!;
    private ILearningRateSchedule _exponential = null!;
    private ILearningRateSchedule _linear = null!;
    private ILearningRateSchedule _polynomial = null!;
    private ILearningRateSchedule _inverseTime = null!;
    private ILearningRateSchedule _inverseSquareRoot = null!;
    private ILearningRateSchedule _cosine = null!;
    private ILearningRateSchedule _cosineWave = null!;
    private ILearningRateSchedule _cosineWarmRestarts = null!;
    private ILearningRateSchedule _tanh = null!;
    private ILearningRateSchedule _polynomialWarmRestarts = null!;
    private ILearningRateSchedule _oneCycle = null!;
    private ILearningRateSchedule _cyclic = null!;
    private ILearningRateSchedule _warmupStableDecay = null!;
    private ILearningRateSchedule _piecewiseConstant = null!;
    private ILearningRateSchedule _piecewiseInterpolated = null!;
    private ILearningRateSchedule _fromFunction = null!;

    [GlobalSetup]
    public void Setup()
    {
        _constant = Schedule.Constant(Peak);
        _step = Schedule.Step(Peak, stepSize: 100_000, decayFactor: 0.5);
        _multiStep = Schedule.MultiStep(Peak, Milestones, decayFactor: 0.5);

        // Decays by half every 10^11 steps, so it is still moving at 10^12 (a faster decay underflows to 0 there).
        _exponential = Schedule.Exponential(Peak, decayFactor: 0.5, transitionSteps: 100_000_000_000);
        _linear = Schedule.Linear(Peak, Final, TotalSteps);
        _polynomial = Schedule.Polynomial(Peak, Final, TotalSteps, power: 2.0);
        _inverseTime = Schedule.InverseTime(Peak, decaySteps: 1_000, decayRate: 0.5);
        _inverseSquareRoot = Schedule.InverseSquareRoot(Peak, timescale: 10_000);
        _cosine = Schedule.Cosine(Peak, Final, TotalSteps);

        // PyTorch CosineAnnealingLR: the wave goes on past T_max, so at 10^12 it is in its 500,000th period.
        _cosineWave = Schedule.CosineWave(Peak, Final, TotalSteps);

        // SGDR, T_0 = 1000, T_mult = 2: at 10^12 the schedule is in its 30th cycle.
        _cosineWarmRestarts = Schedule.CosineWarmRestarts(Peak, Final, 1_000, 2.0);

        // timm's tanh with restarts every 10^4 steps (cycle_mul = 1), never stopping.
        _tanh = Schedule.Tanh(Peak, Final, 10_000, cycleLimit: null);

        // timm's poly with cycle_mul = 1.5 (the cycle is found with a logarithm), never stopping.
        _polynomialWarmRestarts = Schedule.PolynomialWarmRestarts(Peak, Final, 1_000, 0.5, 1.5, cycleLimit: null);
        _oneCycle = Schedule.OneCycle(Peak, TotalSteps);
        _cyclic = Schedule.Cyclic(Final, Peak, stepsUp: 2_000);
        _warmupStableDecay = Schedule.WarmupStableDecay(Peak, warmupSteps: 100, stableSteps: 100, decaySteps: TotalSteps - 200);
        _piecewiseConstant = Schedule.PiecewiseConstant([0.1, 0.05, 0.02, 0.01, 0.005], Milestones);
        _piecewiseInterpolated = Schedule.PiecewiseInterpolated([0.0, 0.1, 0.05, 0.01, 0.001], [0, 500, 300_000, 600_000, TotalSteps]);
        _fromFunction = Schedule.FromFunction((long step) => Peak / (1.0 + (step * 1e-3)));

        // The hand-written rows must compute what the library computes, so that the two rows compare like with like.
        SameBits(nameof(Tanh), Tanh(), HandInlinedTanh());
        SameBits(nameof(CosineWarmRestarts), CosineWarmRestarts(), HandInlinedCosineWarmRestarts());
        SameBits(nameof(PolynomialWarmRestarts), PolynomialWarmRestarts(), HandInlinedPolynomialWarmRestarts());
    }

    private void SameBits(string shape, double library, double byHand)
    {
        if (BitConverter.DoubleToInt64Bits(library) != BitConverter.DoubleToInt64Bits(byHand))
        {
            throw new InvalidOperationException(
                $"{shape} by hand must compute what the library computes, bit for bit, but at Start = {Start} they sum to {byHand:R} and {library:R}.");
        }
    }

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double Constant() => Sum(_constant);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double Step() => Sum(_step);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double MultiStep() => Sum(_multiStep);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double Exponential() => Sum(_exponential);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double Linear() => Sum(_linear);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double Polynomial() => Sum(_polynomial);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double InverseTime() => Sum(_inverseTime);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double InverseSquareRoot() => Sum(_inverseSquareRoot);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double Cosine() => Sum(_cosine);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double CosineWave() => Sum(_cosineWave);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double CosineWarmRestarts() => Sum(_cosineWarmRestarts);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double Tanh() => Sum(_tanh);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double PolynomialWarmRestarts() => Sum(_polynomialWarmRestarts);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double OneCycle() => Sum(_oneCycle);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double Cyclic() => Sum(_cyclic);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double WarmupStableDecay() => Sum(_warmupStableDecay);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double PiecewiseConstant() => Sum(_piecewiseConstant);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double PiecewiseInterpolated() => Sum(_piecewiseInterpolated);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double FromFunction() => Sum(_fromFunction);

    // The shapes whose formula calls a costlier libm function than the baseline's cos, written by hand the way their
    // reference libraries compute them: what the formula itself costs, for comparison with the library's row.

    /// <summary>timm's <c>TanhLRScheduler</c> formula for <see cref="Tanh"/> (cycle_mul = 1), by hand.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double HandInlinedTanh()
    {
        const double period = 10_000;
        double sum = 0.0;
        long end = Start + StepsPerInvoke;
        for (long step = Start; step < end; step++)
        {
            double t = step;
            double ratio = (t - (period * Math.Floor(t / period))) / period;
            sum += Final + (0.5 * (Peak - Final) * (1.0 - Math.Tanh((-7.0 * (1.0 - ratio)) + (3.0 * ratio))));
        }

        return sum;
    }

    /// <summary>PyTorch's closed form of <c>CosineAnnealingWarmRestarts</c> (T_0 = 1000, T_mult = 2) for <see cref="CosineWarmRestarts"/>, by hand.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double HandInlinedCosineWarmRestarts()
    {
        const double period = 1_000;
        const double multiplier = 2.0;
        double sum = 0.0;
        long end = Start + StepsPerInvoke;
        for (long step = Start; step < end; step++)
        {
            double t = step;
            double cycle = Math.Floor(Math.Log((t / period * (multiplier - 1.0)) + 1.0) / Math.Log(multiplier));
            double cycleStart = (1.0 - Math.Pow(multiplier, cycle)) / (1.0 - multiplier) * period;
            double cycleLength = Math.Pow(multiplier, cycle) * period;
            sum += Final + (0.5 * (Peak - Final) * (1.0 + Math.Cos(Math.PI * (t - cycleStart) / cycleLength)));
        }

        return sum;
    }

    /// <summary>timm's <c>PolyLRScheduler</c> formula (cycle_mul = 1.5, power = 0.5) for <see cref="PolynomialWarmRestarts"/>, by hand.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double HandInlinedPolynomialWarmRestarts()
    {
        const double period = 1_000;
        const double multiplier = 1.5;
        double sum = 0.0;
        long end = Start + StepsPerInvoke;
        for (long step = Start; step < end; step++)
        {
            double t = step;
            double cycle = Math.Floor(Math.Log(1.0 - (t / period * (1.0 - multiplier)), multiplier));
            double cycleStart = (1.0 - Math.Pow(multiplier, cycle)) / (1.0 - multiplier) * period;
            double cycleLength = Math.Pow(multiplier, cycle) * period;
            sum += Final + ((Peak - Final) * Math.Pow(1.0 - ((t - cycleStart) / cycleLength), 0.5));
        }

        return sum;
    }
}
