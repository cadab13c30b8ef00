using static LrSchedules.Configuration.Internal.Props;

namespace LrSchedules.Configuration.Internal;

/// <summary>
/// The fixed table of schedule types a description can name. A type name read from configuration is only ever looked
/// up here; no .NET type is ever loaded by a name that configuration supplies.
/// </summary>
internal static class Catalog
{
    private const ScheduleCategory Rate = ScheduleCategory.LearningRate;

    public static IReadOnlyList<Entry> Entries { get; } =
    [
        // Shapes (Schedule.cs, Schedule.Decays.cs, Schedule.Cycles.cs), in the order of their factories.
        new("Constant", Rate, "A constant learning rate: Schedule.Constant.",
            [R(LearningRate, Check.NonNegative)],
            (d, _) => Schedule.Constant(d.LearningRate!.Value)),
        new("Step", Rate, "Multiplies the rate by DecayRate every StepSize steps (PyTorch StepLR): Schedule.Step.",
            [R(InitialLearningRate, Check.NonNegative), R(StepSize, Check.PositiveInteger), R(DecayRate, Check.UpToOne)],
            (d, _) => Schedule.Step(d.InitialLearningRate!.Value, d.StepSize!.Value, d.DecayRate!.Value)),
        new("MultiStep", Rate, "Multiplies the rate by DecayRate at each milestone (PyTorch MultiStepLR): Schedule.MultiStep.",
            [R(InitialLearningRate, Check.NonNegative), R(Milestones, Check.IncreasingIntegers(0)), R(DecayRate, Check.Positive)],
            (d, _) => Schedule.MultiStep(d.InitialLearningRate!.Value, d.Milestones!, d.DecayRate!.Value)),
        new("Cosine", Rate, "Half a cosine from the initial to the final rate over TotalSteps, then held: Schedule.Cosine.",
            [R(InitialLearningRate, Check.NonNegative), R(TotalSteps, Check.PositiveInteger), O(FinalLearningRate, "0", Check.NonNegative), O(Exponent, "1", Check.Positive)],
            (d, _) => Schedule.Cosine(d.InitialLearningRate!.Value, d.TotalSteps!.Value, d.FinalLearningRate ?? 0.0, d.Exponent ?? 1.0)),
        new("Exponential", Rate, "initial * DecayRate^((t - TransitionBegin) / TransitionSteps) (optax exponential_decay): Schedule.Exponential.",
            [R(InitialLearningRate, Check.NonNegative), R(DecayRate, Check.Positive), O(TransitionSteps, "1", Check.PositiveInteger), O(TransitionBegin, "0", Check.NonNegativeInteger), O(Staircase, "false", null), O(FinalLearningRate, null, Check.NonNegative)],
            (d, _) => Schedule.Exponential(d.InitialLearningRate!.Value, d.DecayRate!.Value, d.TransitionSteps ?? 1, d.TransitionBegin ?? 0, d.Staircase ?? false, d.FinalLearningRate)),
        new("Linear", Rate, "A straight line from the initial to the final rate over TotalSteps, then held: Schedule.Linear.",
            [R(InitialLearningRate, Check.NonNegative), R(FinalLearningRate, Check.NonNegative), R(TotalSteps, Check.PositiveInteger)],
            (d, _) => Schedule.Linear(d.InitialLearningRate!.Value, d.FinalLearningRate!.Value, d.TotalSteps!.Value)),
        new("Polynomial", Rate, "A polynomial decay from the initial to the final rate over TotalSteps, then held: Schedule.Polynomial.",
            [R(InitialLearningRate, Check.NonNegative), O(FinalLearningRate, "0", Check.NonNegative), R(TotalSteps, Check.PositiveInteger), R(Power, Check.Positive)],
            (d, _) => Schedule.Polynomial(d.InitialLearningRate!.Value, d.FinalLearningRate ?? 0.0, d.TotalSteps!.Value, d.Power!.Value)),
        new("InverseTime", Rate, "initial / (1 + DecayRate * t / DecaySteps) (Keras InverseTimeDecay): Schedule.InverseTime.",
            [R(InitialLearningRate, Check.NonNegative), R(DecaySteps, Check.PositiveInteger), R(DecayRate, Check.NonNegative), O(Staircase, "false", null)],
            (d, _) => Schedule.InverseTime(d.InitialLearningRate!.Value, d.DecaySteps!.Value, d.DecayRate!.Value, d.Staircase ?? false)),
        new("InverseSquareRoot", Rate, "initial / sqrt((t + Timescale) / Timescale): Schedule.InverseSquareRoot.",
            [R(InitialLearningRate, Check.NonNegative), R(Timescale, Check.PositiveInteger)],
            (d, _) => Schedule.InverseSquareRoot(d.InitialLearningRate!.Value, d.Timescale!.Value)),
        new("CosineWave", Rate, "A periodic cosine that keeps oscillating past TotalSteps (PyTorch CosineAnnealingLR): Schedule.CosineWave.",
            [R(InitialLearningRate, Check.NonNegative), R(TotalSteps, Check.PositiveInteger), O(FinalLearningRate, "0", Check.NonNegative), O(Cycles, "0.5", Check.Positive)],
            (d, _) => Schedule.CosineWave(d.InitialLearningRate!.Value, d.TotalSteps!.Value, d.FinalLearningRate ?? 0.0, d.Cycles ?? 0.5)),
        new("PiecewiseConstant", Rate, "LearningRates[i] between Boundaries[i - 1] and Boundaries[i]: Schedule.PiecewiseConstant.",
            [R(Boundaries, Check.IncreasingIntegers(0)), R(LearningRates, Check.AllNonNegative)],
            (d, _) => Schedule.PiecewiseConstant(d.Boundaries!, d.LearningRates!)),
        new("PiecewiseInterpolated", Rate, "Linear or cosine between knots (Positions, LearningRates), held outside them: Schedule.PiecewiseInterpolated.",
            [R(Positions, Check.IncreasingNumbers(atLeastOne: true)), R(LearningRates, Check.AllNonNegative), O(Props.Interpolation, "Linear", null)],
            (d, _) => Schedule.PiecewiseInterpolated(d.Positions!, d.LearningRates!, d.Interpolation ?? LrSchedules.Interpolation.Linear)),
        new("CosineWarmRestarts", Rate, "Cosine annealing with warm restarts (SGDR, timm CosineLRScheduler): Schedule.CosineWarmRestarts.",
            [R(InitialLearningRate, Check.NonNegative), R(PeriodSteps, Check.Positive), O(FinalLearningRate, "0", Check.NonNegative), O(PeriodMultiplier, "1", Check.AtLeastOne), O(RestartDecay, "1", Check.UpToOne), O(CycleLimit, "0", Check.CycleLimit), O(KDecay, "1", Check.Positive)],
            (d, _) => Schedule.CosineWarmRestarts(d.InitialLearningRate!.Value, d.PeriodSteps!.Value, d.FinalLearningRate ?? 0.0, d.PeriodMultiplier ?? 1.0, d.RestartDecay ?? 1.0, Limit(d.CycleLimit, null), d.KDecay ?? 1.0)),
        new("Tanh", Rate, "A tanh decay with optional restarts (timm TanhLRScheduler): Schedule.Tanh.",
            [R(InitialLearningRate, Check.NonNegative), R(PeriodSteps, Check.Positive), O(FinalLearningRate, "0", Check.NonNegative), O(LowerBound, "-7", Check.Finite), O(UpperBound, "3", Check.Finite), O(PeriodMultiplier, "1", Check.AtLeastOne), O(RestartDecay, "1", Check.UpToOne), O(CycleLimit, "1", Check.CycleLimit)],
            (d, _) => Schedule.Tanh(d.InitialLearningRate!.Value, d.PeriodSteps!.Value, d.FinalLearningRate ?? 0.0, d.LowerBound ?? -7.0, d.UpperBound ?? 3.0, d.PeriodMultiplier ?? 1.0, d.RestartDecay ?? 1.0, Limit(d.CycleLimit, 1))),
        new("PolynomialWarmRestarts", Rate, "A polynomial decay with optional restarts (timm PolyLRScheduler): Schedule.PolynomialWarmRestarts.",
            [R(InitialLearningRate, Check.NonNegative), R(PeriodSteps, Check.Positive), R(Power, Check.Positive), O(FinalLearningRate, "0", Check.NonNegative), O(PeriodMultiplier, "1", Check.AtLeastOne), O(RestartDecay, "1", Check.UpToOne), O(CycleLimit, "1", Check.CycleLimit), O(KDecay, "1", Check.Positive)],
            (d, _) => Schedule.PolynomialWarmRestarts(d.InitialLearningRate!.Value, d.PeriodSteps!.Value, d.Power!.Value, d.FinalLearningRate ?? 0.0, d.PeriodMultiplier ?? 1.0, d.RestartDecay ?? 1.0, Limit(d.CycleLimit, 1), d.KDecay ?? 1.0)),
        new("OneCycle", Rate, "The 1cycle policy (PyTorch OneCycleLR): Schedule.OneCycle.",
            [R(PeakLearningRate, Check.NonNegative), R(TotalSteps, Check.PositiveInteger), O(WarmupFraction, "0.3", Check.UnitInterval), O(Props.Interpolation, "Cosine", null), O(InitialDivisor, "25", Check.Positive), O(FinalDivisor, "10000", Check.Positive), O(ThreePhase, "false", null)],
            (d, _) => Schedule.OneCycle(d.PeakLearningRate!.Value, d.TotalSteps!.Value, d.WarmupFraction ?? 0.3, d.Interpolation ?? LrSchedules.Interpolation.Cosine, d.InitialDivisor ?? 25.0, d.FinalDivisor ?? 1e4, d.ThreePhase ?? false)),
        new("Cyclic", Rate, "Triangles between the initial and the peak rate (PyTorch CyclicLR): Schedule.Cyclic.",
            [R(InitialLearningRate, Check.NonNegative), R(PeakLearningRate, Check.NonNegative), R(StepsUp, Check.PositiveInteger), O(StepsDown, "StepsUp", Check.PositiveInteger), O(Mode, "Triangular", null), O(DecayRate, "1", Check.UpToOne)],
            (d, _) => Schedule.Cyclic(d.InitialLearningRate!.Value, d.PeakLearningRate!.Value, d.StepsUp!.Value, d.StepsDown, d.Mode ?? CyclicMode.Triangular, d.DecayRate ?? 1.0)),
        new("WarmupStableDecay", Rate, "Warmup, a stable phase at the peak, then a decay (Hugging Face get_wsd_schedule): Schedule.WarmupStableDecay.",
            [R(PeakLearningRate, Check.NonNegative), R(WarmupSteps, Check.NonNegativeInteger), R(StableSteps, Check.NonNegativeInteger), R(DecaySteps, Check.PositiveInteger), O(DecayShape, "Cosine", null), O(FinalRatio, "0", Check.UnitInterval), O(Props.WarmupShape, "Linear", null), O(CosineCycles, "0.5", Check.Positive)],
            (d, _) => Schedule.WarmupStableDecay(d.PeakLearningRate!.Value, d.WarmupSteps!.Value, d.StableSteps!.Value, d.DecaySteps!.Value, d.DecayShape ?? RampShape.Cosine, d.FinalRatio ?? 0.0, d.WarmupShape ?? RampShape.Linear, d.CosineCycles ?? 0.5)),

        // Combinators (ScheduleExtensions, Schedule.Combinators.cs).
        new("LinearWarmup", Rate, "A linear warmup from InitialLearningRate to the schedule's first rate: ScheduleExtensions.WithLinearWarmup.",
            [R(Props.Schedule, null), R(WarmupSteps, Check.NonNegativeInteger), O(InitialLearningRate, "0", Check.NonNegative), O(Placement, "Prefix", null)],
            (d, c) => c.Schedule!.WithLinearWarmup(d.WarmupSteps!.Value, d.InitialLearningRate ?? 0.0, d.Placement ?? WarmupPlacement.Prefix)),
        new("ConstantWarmup", Rate, "LearningRate held for WarmupSteps steps, then the schedule: ScheduleExtensions.WithConstantWarmup.",
            [R(Props.Schedule, null), R(WarmupSteps, Check.NonNegativeInteger), R(LearningRate, Check.NonNegative), O(Placement, "Prefix", null)],
            (d, c) => c.Schedule!.WithConstantWarmup(d.WarmupSteps!.Value, d.LearningRate!.Value, d.Placement ?? WarmupPlacement.Prefix)),
        new("Join", Rate, "Schedules one after another, each from its own step 0, switching at Boundaries (optax join_schedules): Schedule.Join.",
            [R(Schedules, Check.AtLeastOneSchedule), R(Boundaries, Check.IncreasingIntegers(1))],
            (d, c) => LrSchedules.Schedule.Join(c.Schedules!, d.Boundaries!)),
        new("Product", Rate, "The step-by-step product of Schedules (PyTorch ChainedScheduler): Schedule.Product.",
            [R(Schedules, Check.AtLeastOneSchedule)],
            (_, c) => LrSchedules.Schedule.Product(c.Schedules!)),
        new("Scale", Rate, "The schedule times a constant Factor: ScheduleExtensions.Scale.",
            [R(Props.Schedule, null), R(Factor, Check.NonNegative)],
            (d, c) => c.Schedule!.Scale(d.Factor!.Value)),
        new("Clamp", Rate, "The schedule kept between Minimum and Maximum (either may be absent): ScheduleExtensions.Clamp, WithFloor, WithCeiling.",
            [R(Props.Schedule, null), O(Minimum, "0", Check.NonNegative), O(Maximum, null, Check.NonNegative)],
            (d, c) => d.Maximum is double maximum ? c.Schedule!.Clamp(d.Minimum ?? 0.0, maximum) : c.Schedule!.WithFloor(d.Minimum ?? 0.0)),
        new("Delay", Rate, "The schedule started Steps steps late, holding its first rate until then: ScheduleExtensions.Delay.",
            [R(Props.Schedule, null), R(Steps, Check.NonNegativeInteger)],
            (d, c) => c.Schedule!.Delay(d.Steps!.Value)),
        new("PerEpoch", Rate, "A schedule written in epochs, read at optimizer steps: ScheduleExtensions.PerEpoch.",
            [R(Props.Schedule, null), R(StepsPerEpoch, Check.PositiveInteger), O(Progress, "Staircase", null)],
            (d, c) => c.Schedule!.PerEpoch(d.StepsPerEpoch!.Value, d.Progress ?? EpochProgress.Staircase)),
    ];

    private static readonly Dictionary<string, Entry> ByName = Entries.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The names of the types of <paramref name="category"/>, for messages.</summary>
    public static string Names(ScheduleCategory? category) =>
        string.Join(", ", Entries.Where(e => category is null || e.Category == category).Select(e => e.Name));

    /// <summary>Finds a type by name, ignoring case; null when there is none.</summary>
    public static Entry? Find(string? name) => name is null ? null : ByName.GetValueOrDefault(name.Trim());

    private static Param R(Prop prop, Check? check) => new(prop, required: true, defaultValue: null, check);

    private static Param O(Prop prop, string? defaultValue, Check? check) => new(prop, required: false, defaultValue, check);

    /// <summary>A description's cycle limit: absent is the factory's default, 0 is unlimited (timm's <c>cycle_limit=0</c>).</summary>
    private static int? Limit(int? described, int? factoryDefault) => described switch
    {
        null => factoryDefault,
        0 => null,
        int limit => limit,
    };
}
