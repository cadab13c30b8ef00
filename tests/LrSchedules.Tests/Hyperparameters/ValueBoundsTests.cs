using LrSchedules.Batching;
using LrSchedules.Internal;
using LrSchedules.Tests.Contract;
using LrSchedules.Tests.Randomness;
using Xunit.Abstractions;

namespace LrSchedules.Tests.Hyperparameters;

/// <summary>
/// The bounds every shape and combinator declares (<see cref="LearningRateSchedule.Bounds"/>) enclose every value it
/// returns, checked at boundaries, huge steps and random positions; and, where the extreme is attained, they are tight
/// (within the rounding margin of the interpolating shapes: 4 ulps of the largest value).
/// </summary>
public sealed class ValueBoundsTests(ITestOutputHelper output)
{
    // Fixed so that a failure reproduces; LRSCHEDULES_SEED overrides it to explore other draws.
    private static readonly int Seed = TestSeed.Or(20_261_201);

    private static readonly TrainingPlan Plan = BatchSchedule.Plan(1_000, BatchSchedule.StepGrowth(10, 2.0, [3, 6], TrainingClock.Epochs, 80), LastBatch.Keep);

    /// <summary>
    /// name, schedule, the step scale its boundaries live on, whether its bounds are attained (tight). Not tight: an
    /// infimum never reached (a restart comes first), a conservative 0, a clamp keeping its input's wider margin, or a
    /// product of maxima reached at different steps (the batch scale is largest where the rate is not).
    /// </summary>
    public static TheoryData<string, LearningRateSchedule, long, bool> Cases() => new()
    {
        { "Constant", Schedule.Constant(0.9), 10, true },
        { "Constant -0", Schedule.Constant(-0.0), 10, true },
        { "Linear down", Schedule.Linear(0.95, 0.85, 1_000), 1_000, true },
        { "Linear up", Schedule.Linear(0.01, 0.1, 7), 7, true },
        { "Cosine", Schedule.Cosine(0.95, 0.85, 1_000), 1_000, true },
        { "Cosine exponent", Schedule.Cosine(0.3, 0.1, 333, 2.5), 333, true },
        { "CosineWave", Schedule.CosineWave(0.2, 0.9, 100, 3.5), 100, true },
        { "CosineWarmRestarts", Schedule.CosineWarmRestarts(0.9, 0.1, 50, 2.0), 50, false },
        { "CosineWarmRestarts decayed", Schedule.CosineWarmRestarts(0.9, 0.1, 50, 1.0, 0.5, null, 1.5), 50, false },
        { "Tanh", Schedule.Tanh(0.5, 0.01, 100), 100, false },
        { "PolynomialWarmRestarts", Schedule.PolynomialWarmRestarts(0.5, 0.05, 40, 2.0, 1.5, 0.9, 4), 40, false },
        { "OneCycle", Schedule.OneCycle(0.1, 1_000), 1_000, true },
        { "OneCycle three-phase", Schedule.OneCycle(0.1, 1_000, 0.25, Curve.Linear, 10, 100, true), 1_000, true },
        { "Cyclic", Schedule.Cyclic(0.001, 0.006, 20, 30), 50, true },
        { "Cyclic triangular2", Schedule.Cyclic(0.001, 0.006, 20, null, CyclicMode.Triangular2), 40, true },
        { "Cyclic exp_range", Schedule.Cyclic(0.001, 0.006, 20, null, CyclicMode.ExponentialRange, 0.99), 40, false },
        { "OneCycleMomentum", Schedule.OneCycleMomentum(0.85, 0.95, 1_000), 1_000, true },
        { "CyclicMomentum", Schedule.CyclicMomentum(0.8, 0.9, 10), 20, true },
        { "WeightDecayIncrease", Schedule.WeightDecayIncrease(0.01, 0.1, 500, Curve.Cosine), 500, true },
        { "Exponential decay", Schedule.Exponential(0.9, 0.5), 10, false },
        { "Exponential floor", Schedule.Exponential(0.9, 0.5, 10, 5, true, 0.2), 100, true },
        { "Exponential growth capped", Schedule.Exponential(0.1, 1.5, 10, 0, false, 0.6), 100, true },
        { "InverseTime", Schedule.InverseTime(0.9, 10, 0.5, true), 10, false },
        { "InverseSquareRoot", Schedule.InverseSquareRoot(0.9, 100), 100, false },
        { "Polynomial", Schedule.Polynomial(0.9, 0.1, 300, 2.0), 300, true },
        { "Step", Schedule.Step(0.9, 30, 0.1), 30, false },
        { "MultiStep", Schedule.MultiStep(0.9, [10, 20, 40], 0.5), 40, true },
        { "PiecewiseConstant", Schedule.PiecewiseConstant([0.5, 0.9, 0.1], [10, 20]), 20, true },
        { "PiecewiseInterpolated", Schedule.PiecewiseInterpolated([0.2, 0.9, 0.4], [0.0, 10.0, 25.0], Curve.Cosine), 25, true },
        { "WarmupStableDecay", Schedule.WarmupStableDecay(0.9, 10, 20, 30, Curve.Cosine, 0.1), 60, true },
        { "WarmupStableDecay waves", Schedule.WarmupStableDecay(0.9, 10, 20, 30, Curve.Cosine, 0.2, Curve.OneMinusSquareRoot, 2.5), 60, true },
        { "Megatron WSD", Schedule.WarmupStableDecay(0.1, 0.9, 0.05, 10, 100, 30, Curve.Exponential), 100, true },
        { "Power", Schedule.Power(0.0, 0.9, 0.01, 10, 100, 20), 100, true },
        { "RangeTestSweep", Schedule.RangeTestSweep(1e-7, 0.9, 100), 100, true },
        { "RangeTestSweep linear", Schedule.RangeTestSweep(0.1, 0.9, 100, RangeTestSpacing.Linear), 100, true },
        { "Scale", Schedule.Cosine(0.95, 0.85, 100).Scale(0.5), 100, true },
        { "Clamp", Schedule.Linear(0.0, 2.0, 100).Clamp(0.3, 0.9), 100, true },
        { "Clamp inside", Schedule.Linear(0.4, 0.5, 100).Clamp(0.3, 0.9), 100, true },
        { "WithFloor", Schedule.Exponential(0.9, 0.5).WithFloor(0.2), 10, true },
        { "WithCeiling", Schedule.Exponential(0.1, 1.5, 10, 0, false, 2.0).WithCeiling(0.95), 10, false },
        { "Delay", Schedule.Linear(0.5, 0.9, 10).Delay(5), 15, true },
        { "PerEpoch", Schedule.Linear(0.5, 0.9, 10).PerEpoch(7, EpochProgress.Fractional), 70, true },
        { "WithLinearWarmup", Schedule.Cosine(0.9, 0.8, 100).WithLinearWarmup(10, 0.1), 110, true },
        { "WithConstantWarmup overlay", Schedule.Cosine(0.9, 0.8, 100).WithConstantWarmup(0.95, 10, WarmupPlacement.Overlay), 110, true },
        { "Join", Schedule.Join([Schedule.Constant(0.9), Schedule.Linear(0.9, 0.3, 10), Schedule.Constant(0.6)], [5, 16]), 16, true },
        { "Product", Schedule.Product(Schedule.Constant(0.5), Schedule.Linear(1.0, 0.2, 10)), 10, true },
        { "LinearScalingWithWarmup", BatchScaling.LinearScalingWithWarmup(Schedule.Cosine(0.1, 0.01, 10), 10, Plan, 2), 200, false },
        { "ScaleLearningRate", Plan.ScaleLearningRate(Schedule.Cosine(0.1, 0.01, 100), BatchScaling.SquareRootScaling(10)), 200, false },
        { "PerStep", Plan.PerStep(Schedule.Linear(0.9, 0.1, 10), TrainingClock.Epochs), 200, true },
        { "Clamp over unknown", Schedule.FromFunction((long step) => step * 0.5).Clamp(0.1, 0.9), 10, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Declared_bounds_enclose_every_value(string name, LearningRateSchedule schedule, long scale, bool tight)
    {
        ValueBounds bounds = schedule.Bounds ?? throw new InvalidOperationException($"{name} declares no bounds");
        var random = new Random(Seed);
        double least = double.PositiveInfinity;
        double greatest = double.NegativeInfinity;
        foreach (double position in Positions(scale, random))
        {
            double value = schedule.GetLearningRate(position);
            value.Should().BeInRange(bounds.Minimum, bounds.Maximum, $"{name} at position {position:R} ({TestSeed.Describe(Seed)})");
            least = Math.Min(least, value);
            greatest = Math.Max(greatest, value);
        }

        output.WriteLine($"{name}: declared [{bounds.Minimum:R}, {bounds.Maximum:R}], seen [{least:R}, {greatest:R}] (seed {Seed})");
        if (tight)
        {
            // Within twice the rounding margin (4 ulps of the largest value) of a value actually returned.
            double slack = 8 * (Math.BitIncrement(bounds.Maximum) - bounds.Maximum);
            (bounds.Maximum - greatest).Should().BeLessThanOrEqualTo(slack, $"{name}'s upper bound is attained");
            (least - bounds.Minimum).Should().BeLessThanOrEqualTo(slack, $"{name}'s lower bound is attained");
        }
    }

    [Fact]
    public void Every_shape_and_combinator_of_the_core_has_a_case()
    {
        Type[] declared =
        [
            .. typeof(LearningRateSchedule).Assembly.GetTypes()
                .Where(t => t.IsSubclassOf(typeof(LearningRateSchedule)) && !t.IsAbstract)
                .Where(t => t != typeof(FunctionSchedule) && t != typeof(StepwiseSchedule)), // unknown bounds: see below
        ];
        var covered = Cases().Select(row => row[1].GetType()).ToHashSet();

        declared.Should().NotBeEmpty();
        declared.Where(t => !covered.Contains(t)).Should().BeEmpty("a new shape declares its bounds and gets a case here");
    }

    [Fact]
    public void Bounds_are_exact_where_no_arithmetic_is_done()
    {
        Schedule.Constant(0.9).Bounds.Should().Be(new ValueBounds(0.9, 0.9));
        Schedule.MultiStep(0.8, [10, 20], 0.5).Bounds.Should().Be(new ValueBounds(0.2, 0.8));
        Schedule.PiecewiseConstant([0.5, 0.9, 0.1], [10, 20]).Bounds.Should().Be(new ValueBounds(0.1, 0.9));
        Schedule.Linear(0.0, 2.0, 100).Clamp(0.3, 0.9).Bounds.Should().Be(new ValueBounds(0.3, 0.9));
        Schedule.Linear(0.4, 0.5, 100).Clamp(0.3, 0.9).Bounds!.Value.Maximum.Should().BeLessThan(0.5000000000001);
        Schedule.Constant(0.9).Scale(0.5).Bounds.Should().Be(new ValueBounds(0.45, 0.45));
        Schedule.Product(Schedule.Constant(0.5), Schedule.Constant(0.8)).Bounds.Should().Be(new ValueBounds(0.4, 0.4));
        Schedule.Join([Schedule.Constant(0.9), Schedule.Constant(0.3)], [5]).Bounds.Should().Be(new ValueBounds(0.3, 0.9));
        Schedule.Constant(0.9).Delay(5).Bounds.Should().Be(new ValueBounds(0.9, 0.9));
        Schedule.Constant(0.9).PerEpoch(5).Bounds.Should().Be(new ValueBounds(0.9, 0.9));
    }

    [Fact]
    public void A_batch_scaled_schedule_is_bounded_by_its_rate_times_the_least_and_the_greatest_scale_of_the_plan()
    {
        // Batches 16 then 64 against a reference of 32: linear scales 0.5 and 2, so 0.1 becomes 0.05 and 0.2.
        TrainingPlan plan = BatchSchedule.Plan(1_000, BatchSchedule.StepGrowth(16, 4.0, [1], TrainingClock.Epochs, 64), LastBatch.Keep);
        plan.ScaleLearningRate(Schedule.Constant(0.1), BatchScaling.LinearScaling(32)).Bounds.Should().Be(new ValueBounds(0.05, 0.2));
    }

    [Fact]
    public void Interpolating_shapes_widen_by_four_ulps_and_stay_within_zero_and_the_largest_double()
    {
        ValueBounds linear = Schedule.Linear(0.95, 0.85, 1_000).Bounds!.Value;
        linear.Maximum.Should().Be(Ulps(0.95, 4));
        linear.Minimum.Should().Be(Ulps(0.85, -4));
        Schedule.Linear(0.0, 0.5, 10).Bounds!.Value.Minimum.Should().Be(0.0, "a rate is never below 0");
        Schedule.Exponential(0.1, 1.5, 10, 0, false, 2.0).Bounds!.Value.Maximum.Should().Be(Ulps(2.0, 4), "a growth is bounded by its cap");
        Schedule.Constant(double.MaxValue).Scale(2.0).Bounds!.Value.Maximum.Should().Be(double.MaxValue);
    }

    [Fact]
    public void Schedules_whose_values_are_not_known_declare_none()
    {
        Schedule.FromFunction((long step) => 0.5).Bounds.Should().BeNull();
        Schedule.FromFunction((double position) => 0.5).Bounds.Should().BeNull();
        new UserSchedule().Scale(1.0).Bounds.Should().BeNull("a user's ILearningRateSchedule is wrapped in the stepwise adapter");
        Schedule.Product(Schedule.Constant(0.5), Schedule.FromFunction((long step) => 0.5)).Bounds.Should().BeNull();
        Schedule.Join([Schedule.Constant(0.5), Schedule.FromFunction((long step) => 0.5)], [3]).Bounds.Should().BeNull();
        Schedule.FromFunction((long step) => 0.5).WithLinearWarmup(5).Bounds.Should().BeNull();
    }

    private static IEnumerable<double> Positions(long scale, Random random)
    {
        foreach (long step in ScheduleContract.ProbeSteps)
        {
            yield return step;
        }

        foreach (long step in new[] { scale - 1, scale, scale + 1, 2 * scale, 3 * scale - 1, 10 * scale })
        {
            if (step >= 0)
            {
                yield return step;
            }
        }

        for (long step = 0; step <= Math.Min(2 * scale, 5_000); step++)
        {
            yield return step;
        }

        for (int i = 0; i < 2_000; i++)
        {
            yield return random.NextDouble() * 4 * scale;
            yield return random.NextInt64(0, 4 * scale + 1);
        }

        for (int i = 0; i < 200; i++)
        {
            yield return random.NextInt64();
        }
    }

    private static double Ulps(double value, int count)
    {
        for (int i = 0; i < Math.Abs(count); i++)
        {
            value = count > 0 ? Math.BitIncrement(value) : Math.BitDecrement(value);
        }

        return value;
    }

    private sealed class UserSchedule : ILearningRateSchedule
    {
        public double GetLearningRate(long step) => 0.5;
    }
}
