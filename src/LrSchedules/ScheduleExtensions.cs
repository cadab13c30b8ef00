using System.Runtime.CompilerServices;
using LrSchedules.Internal;

namespace LrSchedules;

/// <summary>
/// Fluent combinators: each wraps a schedule in a new immutable, thread-safe, allocation-free schedule, so that a
/// composition reads like the formula, e.g. <c>Schedule.Cosine(0.1, 0.001, 900).WithLinearWarmup(100)</c>.
/// </summary>
/// <remarks>
/// Every method validates its arguments once, here, and throws naming the parameter and the bad value. A user
/// implementation of <see cref="ILearningRateSchedule"/> may be wrapped too; it is read at whole steps.
/// <see cref="ReduceOnPlateau"/> is the one exception to purity: it returns a stateful, metric-driven schedule.
/// <para>A composition nests at most 1,000 schedules deep (a shape counts 1, each combinator 1 more than its deepest
/// child): every combinator here, <see cref="Schedule.Join"/>, <see cref="Schedule.Product"/> and the batching factories
/// throw a <see cref="ScheduleArgumentException"/> naming the schedule parameter, the depth the result would have and the
/// limit rather than build a deeper one, so that no query can overflow the stack. Overlapping clamps, and an overlaid
/// warmup over an overlaid warmup no longer than itself, fold into one node and add no depth.</para>
/// </remarks>
[ConfigurationFactories]
public static class ScheduleExtensions
{
    /// <summary>Puts a linear warmup from <paramref name="initialLearningRate"/> to the schedule's initial rate in front of (or over) the schedule.</summary>
    /// <param name="schedule">The schedule to warm up; its rate at its own step 0 is the warmup's target.</param>
    /// <param name="warmupSteps">The number of warmup steps; ≥ 0. 0 means no warmup: the result equals <paramref name="schedule"/> at every step.</param>
    /// <param name="initialLearningRate">The learning rate at step 0; finite and ≥ 0. Defaults to 0.</param>
    /// <param name="placement">Whether <paramref name="schedule"/> starts after the warmup (<see cref="WarmupPlacement.Prefix"/>, the default) or keeps its own step count under it (<see cref="WarmupPlacement.Overlay"/>).</param>
    /// <param name="targetLearningRate">The rate reached at step <paramref name="warmupSteps"/>; finite and ≥ 0. Defaults to (null) the schedule's rate at its own step 0.</param>
    /// <returns>The warmed-up schedule: <c>a + (b − a) · t / W</c> for <c>t &lt; W</c> with <c>b</c> the target, then the schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule WithLinearWarmup(this ILearningRateSchedule schedule, long warmupSteps, double initialLearningRate = 0.0, WarmupPlacement placement = WarmupPlacement.Prefix, double? targetLearningRate = null) =>
        new WarmupSchedule(
            LearningRateSchedule.From(schedule, nameof(schedule)),
            Preconditions.NonNegative(warmupSteps),
            WarmupShape.Linear,
            Preconditions.NonNegative(initialLearningRate),
            Preconditions.Defined(placement),
            targetLearningRate is { } target ? Preconditions.NonNegative(target, nameof(targetLearningRate)) : null)
            .Declared(nameof(WithLinearWarmup), schedule, warmupSteps, initialLearningRate, placement, targetLearningRate);

    /// <summary>Holds <paramref name="learningRate"/> for <paramref name="warmupSteps"/> steps in front of (or over) the schedule.</summary>
    /// <param name="schedule">The schedule that follows the warmup.</param>
    /// <param name="learningRate">The learning rate held during the warmup; finite and ≥ 0.</param>
    /// <param name="warmupSteps">The number of warmup steps; ≥ 0. 0 means no warmup: the result equals <paramref name="schedule"/> at every step.</param>
    /// <param name="placement">Whether <paramref name="schedule"/> starts after the warmup (<see cref="WarmupPlacement.Prefix"/>, the default) or keeps its own step count under it (<see cref="WarmupPlacement.Overlay"/>, PyTorch <c>ConstantLR</c>).</param>
    /// <returns>The warmed-up schedule: <paramref name="learningRate"/> for <c>t &lt; W</c>, then the schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule WithConstantWarmup(this ILearningRateSchedule schedule, double learningRate, long warmupSteps, WarmupPlacement placement = WarmupPlacement.Prefix)
    {
        LearningRateSchedule inner = LearningRateSchedule.From(schedule, nameof(schedule));
        Preconditions.NonNegative(learningRate);
        Preconditions.NonNegative(warmupSteps);
        Preconditions.Defined(placement);
        return new WarmupSchedule(inner, warmupSteps, WarmupShape.Constant, learningRate, placement)
            .Declared(nameof(WithConstantWarmup), schedule, learningRate, warmupSteps, placement);
    }

    /// <summary>Multiplies every value of the schedule by a constant factor.</summary>
    /// <param name="schedule">The schedule to scale.</param>
    /// <param name="factor">The factor; finite and ≥ 0.</param>
    /// <returns>The scaled schedule: <c>factor · s(t)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException"><paramref name="factor"/> is negative, NaN or infinite.</exception>
    public static LearningRateSchedule Scale(this ILearningRateSchedule schedule, double factor) =>
        new ScaledSchedule(LearningRateSchedule.From(schedule, nameof(schedule)), Preconditions.NonNegative(factor))
            .Declared(nameof(Scale), schedule, factor);

    /// <summary>Keeps the schedule between <paramref name="minimum"/> and <paramref name="maximum"/>.</summary>
    /// <param name="schedule">The schedule to clamp.</param>
    /// <param name="minimum">The lowest value returned; finite, ≥ 0 and ≤ <paramref name="maximum"/>.</param>
    /// <param name="maximum">The highest value returned; finite and ≥ 0.</param>
    /// <returns>The clamped schedule: <c>min(max(s(t), minimum), maximum)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">A bound is negative, NaN or infinite, or <paramref name="minimum"/> &gt; <paramref name="maximum"/>.</exception>
    public static LearningRateSchedule Clamp(this ILearningRateSchedule schedule, double minimum, double maximum)
    {
        LearningRateSchedule inner = LearningRateSchedule.From(schedule, nameof(schedule));
        Preconditions.NonNegative(minimum);
        Preconditions.NonNegative(maximum);
        if (minimum > maximum)
        {
            throw Preconditions.OutOfRange(nameof(minimum), minimum, $"<= maximum ({Preconditions.Format(maximum)})");
        }

        return ClampedSchedule.Create(inner, minimum, maximum)
            .Declared(nameof(Clamp), schedule, minimum, maximum);
    }

    /// <summary>Keeps the schedule at or above <paramref name="minimum"/>.</summary>
    /// <param name="schedule">The schedule to floor.</param>
    /// <param name="minimum">The lowest value returned; finite and ≥ 0.</param>
    /// <returns>The floored schedule: <c>max(s(t), minimum)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException"><paramref name="minimum"/> is negative, NaN or infinite.</exception>
    public static LearningRateSchedule WithFloor(this ILearningRateSchedule schedule, double minimum) =>
        ClampedSchedule.Create(
            LearningRateSchedule.From(schedule, nameof(schedule)),
            Preconditions.NonNegative(minimum),
            double.PositiveInfinity)
            .Declared(nameof(WithFloor), schedule, minimum);

    /// <summary>Keeps the schedule at or below <paramref name="maximum"/>.</summary>
    /// <param name="schedule">The schedule to cap.</param>
    /// <param name="maximum">The highest value returned; finite and ≥ 0.</param>
    /// <returns>The capped schedule: <c>min(s(t), maximum)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException"><paramref name="maximum"/> is negative, NaN or infinite.</exception>
    public static LearningRateSchedule WithCeiling(this ILearningRateSchedule schedule, double maximum) =>
        ClampedSchedule.Create(
            LearningRateSchedule.From(schedule, nameof(schedule)),
            0.0,
            Preconditions.NonNegative(maximum))
            .Declared(nameof(WithCeiling), schedule, maximum);

    /// <summary>Starts the schedule <paramref name="steps"/> steps late, holding its initial value until then (optax's <c>transition_begin</c>).</summary>
    /// <param name="schedule">The schedule to delay.</param>
    /// <param name="steps">The delay; ≥ 0. 0 means no delay.</param>
    /// <returns>The delayed schedule: <c>s(0)</c> for <c>t &lt; steps</c>, then <c>s(t − steps)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException"><paramref name="steps"/> is negative.</exception>
    public static LearningRateSchedule Delay(this ILearningRateSchedule schedule, long steps) =>
        new DelayedSchedule(LearningRateSchedule.From(schedule, nameof(schedule)), Preconditions.NonNegative(steps))
            .Declared(nameof(Delay), schedule, steps);

    /// <summary>Reads a schedule written in epochs at optimizer steps.</summary>
    /// <param name="schedule">The schedule, whose step is an epoch.</param>
    /// <param name="stepsPerEpoch">The number of optimizer steps in one epoch; &gt; 0.</param>
    /// <param name="progress">Whether the epoch is read whole (<see cref="EpochProgress.Staircase"/>, the default) or fractional (<see cref="EpochProgress.Fractional"/>).</param>
    /// <returns>The schedule on the step clock: <c>s(floor(t / stepsPerEpoch))</c> or <c>s(t / stepsPerEpoch)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule PerEpoch(this ILearningRateSchedule schedule, long stepsPerEpoch, EpochProgress progress = EpochProgress.Staircase) =>
        new EpochSchedule(
            LearningRateSchedule.From(schedule, nameof(schedule)),
            Preconditions.Positive(stepsPerEpoch),
            Preconditions.Defined(progress))
            .Declared(nameof(PerEpoch), schedule, stepsPerEpoch, progress);

    /// <summary>
    /// Puts the schedule under reduce-on-plateau control: a <b>mutable, not thread-safe</b> object, one per training run,
    /// that multiplies the schedule by <see cref="ReduceOnPlateauOptions.Factor"/> each time the reported metric stops
    /// improving (PyTorch <c>ReduceLROnPlateau</c>).
    /// </summary>
    /// <param name="schedule">The underlying schedule, e.g. <c>Schedule.Constant(0.1)</c> for PyTorch's behaviour, or a warmup.</param>
    /// <param name="options">The options; <see langword="null"/> for PyTorch's defaults.</param>
    /// <param name="state">A state from <see cref="ReduceLearningRateOnPlateau.ExportState"/> to resume from, taken from an instance built with the same schedule and options; <see langword="null"/> to start fresh.</param>
    /// <returns>A new <see cref="ReduceLearningRateOnPlateau"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> or <paramref name="state"/> holds values outside their ranges; the message lists every one.</exception>
    public static ReduceLearningRateOnPlateau ReduceOnPlateau(this ILearningRateSchedule schedule, ReduceOnPlateauOptions? options = null, [NotConfigurable("the saved state of a run, not part of its configuration")] ReduceOnPlateauState? state = null)
    {
        LearningRateSchedule inner = LearningRateSchedule.From(schedule, nameof(schedule));
        options ??= ReduceOnPlateauOptions.Default;
        options.Validate(nameof(options));
        return new ReduceLearningRateOnPlateau(inner, options, state)
            .Declared(nameof(ReduceOnPlateau), schedule, options, state);
    }

    /// <summary>Uses the schedule as a momentum schedule (SGD or RMSprop momentum, β1 of Adam): checks that every value lies in [0, 1).</summary>
    /// <param name="schedule">The schedule of the momentum: any shape or combination, e.g. <c>Schedule.Cosine(0.95, 0.85, 1000)</c>.</param>
    /// <returns>The momentum schedule: <c>m(t) = s(t)</c>.</returns>
    /// <remarks>
    /// The check is done here against the least and greatest value the schedule can take at any step; for a schedule
    /// whose values are not known in advance (<see cref="Schedule.FromFunction(Func{long, double})"/>, a user's own
    /// <see cref="ILearningRateSchedule"/>) it is done at each query instead (see <see cref="ScalarSchedule"/>).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">The schedule can reach 1 or more (the value is the greatest it can take).</exception>
    public static MomentumSchedule AsMomentum(this ILearningRateSchedule schedule) =>
        new MomentumSchedule(schedule).Declared(nameof(AsMomentum), schedule);

    /// <summary>Uses the schedule as a schedule of Adam's β1 or β2: checks that every value lies in [0, 1).</summary>
    /// <param name="schedule">The schedule of β: any shape or combination, e.g. <c>Schedule.Constant(0.999)</c>.</param>
    /// <returns>The β schedule: <c>β(t) = s(t)</c>.</returns>
    /// <remarks>Checked as <see cref="AsMomentum"/> is (see <see cref="ScalarSchedule"/>).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">The schedule can reach 1 or more (the value is the greatest it can take).</exception>
    public static BetaSchedule AsBeta(this ILearningRateSchedule schedule) =>
        new BetaSchedule(schedule).Declared(nameof(AsBeta), schedule);

    /// <summary>Uses the schedule as a weight-decay schedule: every value finite and ≥ 0.</summary>
    /// <param name="schedule">The schedule of the weight decay, e.g. <c>Schedule.WeightDecayIncrease(0.01, 0.1, 1000)</c>.</param>
    /// <returns>The weight-decay schedule: <c>λ(t) = s(t)</c>.</returns>
    /// <remarks>
    /// Every schedule of this library is finite and ≥ 0 at every step, so this never rejects one; a user's own
    /// <see cref="ILearningRateSchedule"/> is checked at each query (see <see cref="ScalarSchedule"/>).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public static WeightDecaySchedule AsWeightDecay(this ILearningRateSchedule schedule) =>
        new WeightDecaySchedule(schedule).Declared(nameof(AsWeightDecay), schedule);
}
