using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace LrSchedules.Benchmarks;

/// <summary>
/// What every benchmark class here shares: the start step, the way a schedule is queried, and the baseline every row
/// is compared with.
/// </summary>
/// <remarks>
/// <para>Each invocation queries <see cref="StepsPerInvoke"/> consecutive steps from <see cref="Start"/> and sums the
/// rates, with <c>OperationsPerInvoke = StepsPerInvoke</c>: the reported time is per query, the step changes on every
/// query (so nothing can be hoisted out of the loop), and the sum is returned (so nothing can be dropped).</para>
/// <para>Schedules are held as <see cref="ILearningRateSchedule"/>, the way a training loop holds the one it was given.</para>
/// <para><see cref="Start"/> is a small step (10^3) and a huge one (10^12). Shapes with an end are built for a run of
/// <see cref="TotalSteps"/> steps, as a real run would be: at 10^3 they are moving, at 10^12 they are long past their
/// end. Periodic and unbounded shapes (restarts, cyclic, step, exponential, inverse time) are configured so that they
/// are still moving at 10^12, which is where a cost that grew with the step would show.</para>
/// </remarks>
[MemoryDiagnoser]
public abstract class QueryBenchmarks
{
    /// <summary>Queries per invocation; the reported time is divided by it.</summary>
    public const int StepsPerInvoke = 1024;

    /// <summary>The length of the run every shape with an end is built for.</summary>
    public const long TotalSteps = 1_000_000;

    /// <summary>The peak (initial) rate of the baseline and of most shapes.</summary>
    public const double Peak = 0.1;

    /// <summary>The final rate (floor) of the baseline's cosine.</summary>
    public const double Final = 0.001;

    /// <summary>The baseline's warmup length.</summary>
    public const long WarmupSteps = 100;

    /// <summary>Gets or sets the first step queried by an invocation.</summary>
    [Params(1_000L, 1_000_000_000_000L)]
    public long Start { get; set; }

    /// <summary>
    /// The floor: linear warmup from 0 to <see cref="Peak"/> over <see cref="WarmupSteps"/> steps, then a cosine from
    /// <see cref="Peak"/> to <see cref="Final"/> over <see cref="TotalSteps"/> steps, written by hand as one inline
    /// expression with constants, no call and no object. It is the same arithmetic, in the same order, as
    /// <c>Schedule.Cosine(Peak, Final, TotalSteps).WithLinearWarmup(WarmupSteps)</c> (checked bit for bit by
    /// <see cref="CompositionBenchmarks"/>), so a row's ratio is what the library adds to — or saves over — code
    /// written for one schedule by hand.
    /// </summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = StepsPerInvoke)]
    public double HandInlinedWarmupCosine()
    {
        double sum = 0.0;
        long end = Start + StepsPerInvoke;
        for (long step = Start; step < end; step++)
        {
            double t = step;
            sum += t < WarmupSteps
                ? Peak * (t / WarmupSteps)
                : Final + ((Peak - Final) * (0.5 * (1.0 + Math.Cos(Math.PI * (Math.Min(t - WarmupSteps, TotalSteps) / TotalSteps)))));
        }

        return sum;
    }

    /// <summary>Sums the rates of <see cref="StepsPerInvoke"/> consecutive steps from <see cref="Start"/>.</summary>
    /// <param name="schedule">The schedule to query.</param>
    /// <returns>The sum of the rates.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected double Sum(ILearningRateSchedule schedule)
    {
        double sum = 0.0;
        long end = Start + StepsPerInvoke;
        for (long step = Start; step < end; step++)
        {
            sum += schedule.GetLearningRate(step);
        }

        return sum;
    }
}
