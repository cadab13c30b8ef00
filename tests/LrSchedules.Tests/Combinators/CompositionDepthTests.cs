using LrSchedules.Tests.Conformance;
using LrSchedules.Tests.Contract;
using System.Runtime.ExceptionServices;

namespace LrSchedules.Tests.Combinators;

/// <summary>
/// A composition cannot overflow the stack: the deepest one a factory builds answers on a thread with a 256 KiB stack,
/// one level more is rejected with the depth and the limit, and the chains that fold grow without limit.
/// </summary>
public class CompositionDepthTests
{
    /// <summary>Smaller than any default thread stack a training loop may run on (Windows 1 MiB, Linux 8 MiB, a macOS secondary thread 512 KiB).</summary>
    private const int SmallStack = 256 * 1024;

    /// <summary>
    /// The stack the queries run on: <see cref="SmallStack"/>, except in the assembly mutation testing instruments
    /// (<see cref="MutationTesting"/>), whose larger frames would overflow it and crash the test host; the 256 KiB
    /// promise is about the assembly this repository ships.
    /// </summary>
    private static readonly int QueryStack = MutationTesting.IsInstrumented ? 64 * 1024 * 1024 : SmallStack;

    private const int Attempted = 200_000;

    private static readonly long[] Steps = [0, 1, 2, 3, 7, 500, 999, 1_000, 1_001, 1_499, 1_500, 1_501, 2_999, 3_000, 10_000, 1L << 40, long.MaxValue];

    /// <summary>
    /// A chain: how it wraps a schedule at level <c>i</c>, and a reference model of the same wrapper as a plain closure,
    /// written from the documented formula, evaluated on the test thread's own (large) stack.
    /// </summary>
    private sealed record Chain(string Name, Func<ILearningRateSchedule, int, LearningRateSchedule> Wrap, Func<Func<double, double>, int, Func<double, double>> Model);

    private static readonly Chain[] Chains =
    [
        // The case: alternating a delay and an overlaid warmup (an overlay over a delay does not fold).
        new("delay and overlaid warmup", (s, i) => i % 2 == 0 ? s.Delay(1) : s.WithLinearWarmup(1 + (i % 5), 0.01, WarmupPlacement.Overlay), (f, i) => i % 2 == 0 ? Delay(f, 1) : Warmup(f, 1 + (i % 5), 0.01, prefix: false)),
        new("prefix warmup", (s, i) => s.WithLinearWarmup(2, 0.02), (f, i) => Warmup(f, 2, 0.02, prefix: true)),
        new("scale", (s, i) => s.Scale(1.0005), (f, i) => p => Math.Min(1.0005 * f(p), double.MaxValue)),
        new("floor and scale", (s, i) => i % 2 == 0 ? s.WithFloor(0.001 * (i % 3)) : s.Scale(0.999), (f, i) => i % 2 == 0 ? p => Math.Max(f(p), 0.001 * (i % 3)) : p => Math.Min(0.999 * f(p), double.MaxValue)),
        new("per epoch, staircase", (s, i) => s.PerEpoch(1 + (i % 2)), (f, i) => p => f((p >= long.MaxValue ? long.MaxValue : (long)p) / (1 + (i % 2)))),
        new("per epoch, fractional", (s, i) => s.PerEpoch(1 + (i % 2), EpochProgress.Fractional), (f, i) => p => f(p / (1 + (i % 2)))),
        new("join, deep in the second schedule", (s, i) => Schedule.Join([Schedule.Constant(0.5), s], [3]), (f, i) => p => p < 3 ? 0.5 : f(p - 3)),
        new("product, deep in the last factor", (s, i) => Schedule.Product(Schedule.Constant(1.0005), s), (f, i) => p => Math.Min(1.0005 * f(p), double.MaxValue)),
        new("constant warmup and scale", (s, i) => i % 2 == 0 ? s.WithConstantWarmup(0.03, 1) : s.Scale(1.0), (f, i) => i % 2 == 0 ? Warmup(f, 1, 0.03, prefix: true, constant: true) : p => Math.Min(1.0 * f(p), double.MaxValue)),
    ];

    public static TheoryData<string> ChainNames => new(Chains.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(ChainNames))]
    public void The_deepest_allowed_composition_answers_its_first_query_on_a_256_KiB_stack(string name)
    {
        Chain chain = Chains.Single(c => c.Name == name);
        (LearningRateSchedule schedule, Func<double, double> model) = Build(chain, Composition.MaxDepth - 1);
        schedule.Depth.Should().Be(Composition.MaxDepth);

        double[] rates = OnSmallStack(() => Array.ConvertAll(Steps, schedule.GetLearningRate));

        for (int k = 0; k < Steps.Length; k++)
        {
            rates[k].Should().Be(model(Steps[k]), $"the rate at step {Steps[k]} of {name}, {Composition.MaxDepth} deep");
        }
    }

    [Theory]
    [MemberData(nameof(ChainNames))]
    public void A_composition_200_000_deep_is_rejected_at_the_first_level_past_the_limit_naming_the_depth_and_the_limit(string name)
    {
        Chain chain = Chains.Single(c => c.Name == name);
        LearningRateSchedule schedule = Schedule.Linear(1.0, 0.1, 1_000);
        ScheduleArgumentException? rejection = null;
        int built = 0;
        for (int i = 0; i < Attempted && rejection is null; i++)
        {
            try
            {
                schedule = chain.Wrap(schedule, i);
                built++;
            }
            catch (ScheduleArgumentException e)
            {
                rejection = e;
            }
        }

        built.Should().Be(Composition.MaxDepth - 1, "every level up to the limit is built, the next one is not");
        rejection.Should().NotBeNull();
        rejection!.ParamName.Should().Be(name.StartsWith("join", StringComparison.Ordinal) || name.StartsWith("product", StringComparison.Ordinal) ? "schedules" : "schedule");
        rejection.ActualValue.Should().Be(Composition.MaxDepth + 1);
        rejection.Message.Should().Be($"{rejection.ParamName} must be a composition at most 1000 schedules deep (the depth the result would have is shown) but was 1001.");
        OnSmallStack(() => schedule.GetLearningRate(long.MaxValue)).Should().BeGreaterThanOrEqualTo(0.0);
    }

    [Fact]
    public void The_limit_is_1000_as_the_readme_says()
    {
        Composition.MaxDepth.Should().Be(1_000);
        File.ReadAllText(Path.Combine(GoldenFile.RepositoryRoot(), "README.md")).Should().Contain("1,000 schedules deep");
    }

    [Fact]
    public void Batching_factories_reject_a_schedule_at_the_limit_naming_their_learning_rate_parameter()
    {
        LearningRateSchedule deepest = Build(Chains[0], Composition.MaxDepth - 1).Schedule;
        TrainingPlan plan = BatchSchedule.Plan(1_000, BatchSchedule.ConstantBatchSize(32), LastBatch.Keep);

        var perStep = () => plan.PerStep(deepest, TrainingClock.Epochs);
        var scaled = () => BatchScaling.LinearScalingWithWarmup(deepest, referenceBatchSize: 32, plan);

        perStep.Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("learningRate");
        scaled.Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("learningRate");
    }

    [Fact]
    public void Scaling_a_schedule_one_level_below_the_limit_by_the_batch_is_rejected_by_the_scaled_schedule_naming_the_learning_rate()
    {
        // 999 deep: the per-step schedule is 1,000 deep (allowed) and the batch-scaled one on top of it would be 1,001.
        LearningRateSchedule deep = Build(Chains[0], Composition.MaxDepth - 2).Schedule;
        deep.Depth.Should().Be(Composition.MaxDepth - 1);
        TrainingPlan plan = BatchSchedule.Plan(1_000, BatchSchedule.ConstantBatchSize(32), LastBatch.Keep);
        plan.PerStep(deep, TrainingClock.Steps).Depth.Should().Be(Composition.MaxDepth);

        var scaled = () => plan.ScaleLearningRate(deep, BatchScaling.LinearScaling(32));
        scaled.Should().Throw<ScheduleArgumentException>()
            .Which.Should().Match<ScheduleArgumentException>(e => e.ParamName == "learningRate" && Equals(e.ActualValue, Composition.MaxDepth + 1));
    }

    [Fact]
    public void Overlaid_warmups_each_longer_than_the_one_inside_fold_into_one_node_200_000_deep_with_the_same_values()
    {
        LearningRateSchedule leaf = Schedule.Cosine(0.1, 0.001, 1_000_000);
        Func<double, double> model = p => leaf.GetLearningRate(p);
        LearningRateSchedule schedule = leaf;
        for (int i = 0; i < Attempted; i++)
        {
            // Each warmup ramps from its own initial rate to the rate inside at step 0: the previous warmup's initial rate.
            long warmupSteps = 1 + (i / 2);
            double initial = 0.0001 * (i % 7);
            schedule = schedule.WithLinearWarmup(warmupSteps, initial, WarmupPlacement.Overlay);
            if (i >= Attempted - 3)
            {
                model = Warmup(model, warmupSteps, initial, prefix: false);
            }
        }

        schedule.Depth.Should().Be(2);
        ((WarmupSchedule)schedule).Inner.Should().BeSameAs(leaf);
        long last = 1 + ((Attempted - 1) / 2);
        foreach (long step in (long[])[0, 1, last / 2, last - 1, last, last + 1, 999_999, 1_000_000, long.MaxValue])
        {
            OnSmallStack(() => schedule.GetLearningRate(step)).Should().Be(model(step), $"the rate at step {step}");
        }
    }

    [Fact]
    public void An_overlaid_warmup_shorter_than_the_one_inside_does_not_fold_and_keeps_the_inner_ramp()
    {
        LearningRateSchedule constant = Schedule.Constant(0.1);
        var schedule = (WarmupSchedule)constant.WithLinearWarmup(100, placement: WarmupPlacement.Overlay).WithLinearWarmup(10, 0.05, WarmupPlacement.Overlay);

        schedule.Depth.Should().Be(3);
        schedule.ShouldHaveRate(0, 0.05);
        schedule.ShouldHaveRate(5, 0.025);
        schedule.ShouldHaveRate(9, 0.05 + ((0.0 - 0.05) * (9 / 10.0)));
        schedule.ShouldHaveRate(10, 0.1 * (10 / 100.0));
        schedule.ShouldHaveRate(99, 0.1 * (99 / 100.0));
        schedule.ShouldHaveRate(100, 0.1);
    }

    [Fact]
    public void A_prefix_warmup_never_folds_into_an_overlaid_one()
    {
        LearningRateSchedule constant = Schedule.Constant(0.1);
        var schedule = (WarmupSchedule)constant.WithLinearWarmup(5, placement: WarmupPlacement.Overlay).WithLinearWarmup(10, 0.05);

        schedule.Depth.Should().Be(3);
        schedule.ShouldHaveRate(10, 0.0);
        schedule.ShouldHaveRate(12, 0.1 * (2 / 5.0));
        schedule.ShouldHaveRate(15, 0.1);
    }

    [Fact]
    public void Overlapping_clamps_fold_200_000_deep()
    {
        LearningRateSchedule leaf = Schedule.Linear(1.0, 0.0, 1_000);
        LearningRateSchedule schedule = leaf;
        for (int i = 0; i < Attempted; i++)
        {
            schedule = i % 2 == 0 ? schedule.WithFloor(0.1) : schedule.WithCeiling(0.9);
        }

        schedule.Depth.Should().Be(2);
        OnSmallStack(() => schedule.GetLearningRate(0)).Should().Be(0.9);
        OnSmallStack(() => schedule.GetLearningRate(500)).Should().Be(0.5);
        OnSmallStack(() => schedule.GetLearningRate(long.MaxValue)).Should().Be(0.1);
    }

    private static (LearningRateSchedule Schedule, Func<double, double> Model) Build(Chain chain, int levels)
    {
        LearningRateSchedule schedule = Schedule.Linear(1.0, 0.1, 1_000);
        LearningRateSchedule leaf = schedule;
        Func<double, double> model = p => leaf.GetLearningRate(p);
        for (int i = 0; i < levels; i++)
        {
            schedule = chain.Wrap(schedule, i);
            model = chain.Model(model, i);
        }

        return (schedule, model);
    }

    private static Func<double, double> Delay(Func<double, double> inner, long steps) =>
        p => inner(p <= steps ? 0.0 : p - steps);

    private static Func<double, double> Warmup(Func<double, double> inner, long warmupSteps, double initial, bool prefix, bool constant = false)
    {
        double target = constant ? initial : inner(0.0);
        return p => p < warmupSteps ? initial + ((target - initial) * (p / warmupSteps)) : inner(prefix ? p - warmupSteps : p);
    }

    private static T OnSmallStack<T>(Func<T> query)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = query();
                }
                catch (Exception e)
                {
                    error = e;
                }
            },
            QueryStack);
        thread.Start();
        thread.Join();
        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        return result;
    }
}
