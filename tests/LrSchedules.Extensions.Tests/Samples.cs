using System.Globalization;

namespace LrSchedules.Extensions.Tests;

/// <summary>Schedules of every type, with parameters away from their defaults, and the steps to compare them at.</summary>
internal static class Samples
{
    /// <summary>One or more schedules per type name of the catalog, every enum value of a type's options included.</summary>
    public static IEnumerable<(string Type, ILearningRateSchedule Schedule)> EveryType()
    {
        yield return ("Constant", Schedule.Constant(0.05));
        yield return ("Step", Schedule.Step(0.1, 30, 0.5));
        yield return ("MultiStep", Schedule.MultiStep(0.1, [30, 80, 81], 0.1));
        yield return ("MultiStep", Schedule.MultiStep(0.1, [], 0.1));
        yield return ("Cosine", Schedule.Cosine(0.1, 0.001, 1000, 2.0));
        yield return ("Exponential", Schedule.Exponential(0.1, 0.96, 100, 50, staircase: true));
        yield return ("Exponential", Schedule.Exponential(0.001, 1.01, 7, 0, false, finalLearningRate: 0.3));
        yield return ("Linear", Schedule.Linear(0.0, 0.1, 777));
        yield return ("Polynomial", Schedule.Polynomial(0.1, 0.0001, 1000, 0.5));
        yield return ("Polynomial", Schedule.Polynomial(0.1, 333, 2.0));
        yield return ("InverseTime", Schedule.InverseTime(0.1, 10, 0.5, staircase: true));
        yield return ("InverseSquareRoot", Schedule.InverseSquareRoot(0.1, 4000));
        yield return ("CosineWave", Schedule.CosineWave(0.1, 0.01, 500, 1.5));
        yield return ("PiecewiseConstant", Schedule.PiecewiseConstant([0.1, 0.05, 0.01, 0.001], [100, 200, 300]));
        yield return ("PiecewiseConstant", Schedule.PiecewiseConstant(0.1, [new(300, 0.1), new(100, 0.5)]));
        yield return ("PiecewiseInterpolated", Schedule.PiecewiseInterpolated([0.0, 0.1, 0.05, 0.0], [-5.5, 0.0, 100.25, 1e6], Curve.Cosine));
        yield return ("PiecewiseInterpolated", Schedule.PiecewiseInterpolated(0.1, [new(0, 2.0), new(500, 0.5)], Curve.Linear));
        yield return ("CosineWarmRestarts", Schedule.CosineWarmRestarts(0.1, 0.001, 100, 2.0, 0.7, cycleLimit: null, kDecay: 1.5));
        yield return ("CosineWarmRestarts", Schedule.CosineWarmRestarts(0.1, 0.0, 37, cycleLimit: 3));
        yield return ("Tanh", Schedule.Tanh(0.1, 0.0001, 200, -6, 4, 1.5, 0.5, cycleLimit: null));
        yield return ("Tanh", Schedule.Tanh(0.1, 0.0, 200));
        yield return ("PolynomialWarmRestarts", Schedule.PolynomialWarmRestarts(0.1, 0.001, 150, 0.5, 1.0, 0.9, cycleLimit: 4, kDecay: 2.0));
        yield return ("OneCycle", Schedule.OneCycle(0.1, 1000));
        yield return ("OneCycle", Schedule.OneCycle(0.3, 1234, 0.25, Curve.Linear, 10, 100, threePhase: true));
        yield return ("Cyclic", Schedule.Cyclic(0.001, 0.1, 200, 300, CyclicMode.ExponentialRange, 0.999));
        yield return ("Cyclic", Schedule.Cyclic(0.001, 0.1, 200, mode: CyclicMode.Triangular2));
        yield return ("Cyclic", Schedule.Cyclic(0.001, 0.1, 50));
        yield return ("WarmupStableDecay", Schedule.WarmupStableDecay(0.1, 100, 800, 100));
        yield return ("WarmupStableDecay", Schedule.WarmupStableDecay(0.1, 0, 10, 500, Curve.OneMinusSquareRoot, 0.1, Curve.Cosine, 1.5));
        yield return ("WarmupStableDecay", Schedule.WarmupStableDecay(0.1, 50, 0, 50, Curve.Linear, 0.0, Curve.OneMinusSquareRoot));

        var cosine = Schedule.Cosine(0.1, 0.001, 900);
        yield return ("WithLinearWarmup", cosine.WithLinearWarmup(100));
        yield return ("WithLinearWarmup", cosine.WithLinearWarmup(100, 0.01, WarmupPlacement.Overlay));
        yield return ("WithConstantWarmup", cosine.WithConstantWarmup(0.001, 50));
        yield return ("WithConstantWarmup", Schedule.Exponential(0.1, 0.9).WithConstantWarmup(0.02, 5, WarmupPlacement.Overlay));
        yield return ("Join", Schedule.Join([Schedule.Linear(0.0, 0.1, 100), cosine, Schedule.Constant(0.001)], [100, 1000]));
        yield return ("Product", Schedule.Product(cosine, Schedule.MultiStep(1.0, [300, 600], 0.5), Schedule.Constant(2.0)));
        yield return ("Scale", cosine.Scale(0.5));
        yield return ("Clamp", Schedule.Exponential(0.1, 0.99).Clamp(0.001, 0.05));
        yield return ("WithFloor", Schedule.Exponential(0.1, 0.99).WithFloor(0.001));
        yield return ("WithCeiling", Schedule.Cyclic(0.0, 0.2, 100).WithCeiling(0.1));
        yield return ("Delay", cosine.Delay(250));
        yield return ("PerEpoch", Schedule.Step(0.1, 3, 0.5).PerEpoch(100));
        yield return ("PerEpoch", Schedule.Cosine(0.1, 0.0, 10).PerEpoch(37, EpochProgress.Fractional));

        TrainingPlan plan = BatchSchedule.Plan(1_400, BatchSchedule.StepGrowth(10, 5.0, [3, 5], TrainingClock.Epochs, 250), LastBatch.Keep);
        yield return ("PerStep", plan.PerStep(Schedule.Step(0.1, 2, 0.5), TrainingClock.Epochs));
        yield return ("ScaleLearningRate", plan.ScaleLearningRate(cosine, BatchScaling.SquareRootScaling(10)));
    }

    /// <summary>Compositions nested several levels deep, as users write them.</summary>
    public static IEnumerable<(string Name, ILearningRateSchedule Schedule)> Nested()
    {
        var warmupCosine = Schedule.Cosine(0.1, 0.001, 900).WithLinearWarmup(100);
        yield return ("warmup cosine, then a tail, times a multistep, floored, delayed, per epoch",
            Schedule.Product(
                    Schedule.Join([warmupCosine, Schedule.InverseSquareRoot(0.001, 50).Scale(0.5)], [1_000]),
                    Schedule.MultiStep(1.0, [500], 0.5))
                .WithFloor(0.0001)
                .Delay(10)
                .PerEpoch(2));
        yield return ("join of joins of products",
            Schedule.Join(
                [
                    Schedule.Join([Schedule.Constant(0.01), Schedule.Linear(0.01, 0.1, 50)], [20]),
                    Schedule.Product(Schedule.OneCycle(0.1, 500, threePhase: true), Schedule.CosineWave(1.0, 0.5, 100, 3)).Clamp(0.0001, 0.08),
                    Schedule.CosineWarmRestarts(0.05, 0.0, 100, periodMultiplier: 2).WithConstantWarmup(0.001, 10, WarmupPlacement.Overlay),
                ],
                [70, 570]));
        yield return ("warm restarts per fractional epoch inside a warmup inside a scale",
            Schedule.Tanh(0.1, 0.0, 12, cycleLimit: null).PerEpoch(8, EpochProgress.Fractional).WithLinearWarmup(30, 0.0).Scale(3.0).Delay(1));
        yield return ("six levels",
            Schedule.Product(
                Schedule.WarmupStableDecay(0.1, 10, 100, 50).Scale(0.5).Delay(3).Clamp(0.0, 0.04).WithLinearWarmup(7).PerEpoch(3),
                Schedule.Step(1.0, 100, 0.9)));
    }

    /// <summary>Every step from 0 to 3000, powers of two and of ten around their neighbours, up to <see cref="long.MaxValue"/>.</summary>
    public static IReadOnlyList<long> Steps { get; } = BuildSteps();

    /// <summary>Fractional positions, where schedules read in fractional epochs differ from their whole steps.</summary>
    public static IReadOnlyList<double> Positions { get; } = [0.25, 0.5, 1.5, 99.75, 100.5, 1234.567, 1e9 + 0.5, 1e15 + 0.25];

    /// <summary>Asserts that two schedules are bit-for-bit equal at every step of <see cref="Steps"/> and every position of <see cref="Positions"/>.</summary>
    public static void ShouldEqualEverywhere(this ILearningRateSchedule actual, ILearningRateSchedule expected, string because = "")
    {
        foreach (long step in Steps)
        {
            double a = actual.GetLearningRate(step);
            double e = expected.GetLearningRate(step);
            if (BitConverter.DoubleToInt64Bits(a) != BitConverter.DoubleToInt64Bits(e))
            {
                throw new Xunit.Sdk.XunitException(string.Create(CultureInfo.InvariantCulture, $"{because}: at step {step} the rebuilt schedule gives {a:R} but the original {e:R}."));
            }
        }

        if (actual is LearningRateSchedule continuous && expected is LearningRateSchedule original)
        {
            foreach (double position in Positions)
            {
                double a = continuous.GetLearningRate(position);
                double e = original.GetLearningRate(position);
                if (BitConverter.DoubleToInt64Bits(a) != BitConverter.DoubleToInt64Bits(e))
                {
                    throw new Xunit.Sdk.XunitException(string.Create(CultureInfo.InvariantCulture, $"{because}: at position {position:R} the rebuilt schedule gives {a:R} but the original {e:R}."));
                }
            }
        }
    }

    private static long[] BuildSteps()
    {
        var steps = new SortedSet<long>();
        for (long s = 0; s <= 3_000; s++)
        {
            steps.Add(s);
        }

        for (int k = 12; k < 63; k++)
        {
            long p = 1L << k;
            steps.UnionWith([p - 1, p, p + 1]);
        }

        for (long p = 10_000; ; p *= 10)
        {
            steps.UnionWith([p - 1, p, p + 1]);
            if (p > long.MaxValue / 10)
            {
                break;
            }
        }

        steps.UnionWith([long.MaxValue - 1, long.MaxValue]);
        return [.. steps];
    }
}
