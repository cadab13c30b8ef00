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
        new("LinearWarmup", Rate, "A linear warmup from InitialLearningRate to TargetLearningRate (by default the schedule's first rate): ScheduleExtensions.WithLinearWarmup.",
            [R(Props.Schedule, null), R(WarmupSteps, Check.NonNegativeInteger), O(InitialLearningRate, "0", Check.NonNegative), O(Placement, "Prefix", null), O(TargetLearningRate, null, Check.NonNegative)],
            (d, c) => c.Schedule!.WithLinearWarmup(d.WarmupSteps!.Value, d.InitialLearningRate ?? 0.0, d.Placement ?? WarmupPlacement.Prefix, d.TargetLearningRate)),
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

        // Schedules on a training plan's clock (Batching/, BatchScaling.cs).
        new("PerStep", Rate, "A schedule written on the plan's Clock (steps, epochs or samples), read at optimizer steps: TrainingPlan.PerStep.",
            [R(Plan, null), R(Props.Schedule, null), R(Clock, null)],
            (d, c) => c.Plan!.PerStep(c.Schedule!, d.Clock!.Value)),
        new("ScaleLearningRate", Rate, "The schedule scaled at each step by the Rule for that step's batch size: TrainingPlan.ScaleLearningRate.",
            [R(Plan, null), R(Props.Schedule, null), R(Rule, null), O(Clock, "Steps", null)],
            (d, c) => c.Plan!.ScaleLearningRate(c.Schedule!, c.Rule!, d.Clock ?? TrainingClock.Steps)),
        new("LinearScalingWithWarmup", Rate, "The Goyal et al. recipe: linear scaling of the rate with the batch size, after a gradual warmup: BatchScaling.LinearScalingWithWarmup. Described back as LinearWarmup over ScaleLearningRate.",
            [R(Props.Schedule, null), R(BaseBatchSize, Check.PositiveInteger), R(Plan, null), O(WarmupEpochs, "5", Check.NonNegativeInteger), O(Clock, "Epochs", null)],
            (d, c) => BatchScaling.LinearScalingWithWarmup(c.Schedule!, d.BaseBatchSize!.Value, c.Plan!, d.WarmupEpochs ?? 5, d.Clock ?? TrainingClock.Epochs)),

        // Batch-size schedules (BatchSchedule.cs).
        new("ConstantBatchSize", ScheduleCategory.BatchSize, "A constant batch size: BatchSchedule.Constant.",
            [R(BatchSize, Check.PositiveInteger)],
            (d, _) => BatchSchedule.Constant(d.BatchSize!.Value)),
        new("StepGrowthBatchSize", ScheduleCategory.BatchSize, "The batch size multiplied by GrowthFactor at each milestone, up to MaximumBatchSize: BatchSchedule.StepGrowth.",
            [R(InitialBatchSize, Check.PositiveInteger), R(GrowthFactor, Check.AboveOne), R(Milestones, Check.IncreasingIntegers(1)), R(Clock, null), R(MaximumBatchSize, Check.PositiveInteger), O(Granularity, "Any", Check.Granularity)],
            (d, _) => BatchSchedule.StepGrowth(d.InitialBatchSize!.Value, d.GrowthFactor!.Value, d.Milestones!, d.Clock!.Value, d.MaximumBatchSize!.Value, ToGranularity(d.Granularity))),
        new("LinearRampBatchSize", ScheduleCategory.BatchSize, "The batch size raised by BatchSizeIncrement in equal steps over RampSamples samples: BatchSchedule.LinearRamp.",
            [R(InitialBatchSize, Check.PositiveInteger), R(BatchSizeIncrement, Check.PositiveInteger), R(RampSamples, Check.PositiveInteger), R(FinalBatchSize, Check.PositiveInteger)],
            (d, _) => BatchSchedule.LinearRamp(d.InitialBatchSize!.Value, d.BatchSizeIncrement!.Value, d.RampSamples!.Value, d.FinalBatchSize!.Value)),
        new("PiecewiseBatchSize", ScheduleCategory.BatchSize, "BatchSizes[i] from Thresholds[i] on (on Clock): BatchSchedule.Piecewise with changes (Thresholds[i], BatchSizes[i]).",
            [R(InitialBatchSize, Check.PositiveInteger), R(Thresholds, Check.IncreasingIntegers(1)), R(BatchSizes, Check.AllPositiveIntegers), R(Clock, null)],
            (d, _) => BatchSchedule.Piecewise(d.InitialBatchSize!.Value, Changes(d.Thresholds!, d.BatchSizes!), d.Clock!.Value)),

        // Training plans, scaling rules, the Smith transform and data-parallel splits.
        new("TrainingPlan", ScheduleCategory.TrainingPlan, "A dataset and a batch-size schedule, resolved into steps, epochs and samples: BatchSchedule.Plan.",
            [R(DatasetSize, Check.PositiveInteger), R(Props.BatchSizeSchedule, null), R(Props.LastBatch, null)],
            (d, c) => BatchSchedule.Plan(d.DatasetSize!.Value, c.BatchSizeSchedule!, d.LastBatch!.Value)),
        new("LinearScaling", ScheduleCategory.ScalingRule, "The rate proportional to the batch size (Goyal et al. 2017): BatchScaling.Linear.",
            [R(ReferenceBatchSize, Check.PositiveInteger)],
            (d, _) => BatchScaling.Linear(d.ReferenceBatchSize!.Value)),
        new("SquareRootScaling", ScheduleCategory.ScalingRule, "The rate proportional to the square root of the batch size: BatchScaling.SquareRoot.",
            [R(ReferenceBatchSize, Check.PositiveInteger)],
            (d, _) => BatchScaling.SquareRoot(d.ReferenceBatchSize!.Value)),
        new("PowerScaling", ScheduleCategory.ScalingRule, "The rate proportional to the batch size to the power Exponent: BatchScaling.Power.",
            [R(ReferenceBatchSize, Check.PositiveInteger), R(Exponent, Check.Positive)],
            (d, _) => BatchScaling.Power(d.ReferenceBatchSize!.Value, d.Exponent!.Value)),
        new("SaturatingScaling", ScheduleCategory.ScalingRule, "Linear scaling that saturates at the gradient noise scale (McCandlish et al. 2018): BatchScaling.Saturating.",
            [R(ReferenceBatchSize, Check.PositiveInteger), R(GradientNoiseScale, Check.Positive)],
            (d, _) => BatchScaling.Saturating(d.ReferenceBatchSize!.Value, d.GradientNoiseScale!.Value)),
        new("IncreaseBatchSizeInsteadOfDecay", ScheduleCategory.BatchGrowthPlan, "Smith et al. 2017: each decay of the rate becomes a growth of the batch size: BatchSchedule.IncreaseBatchSizeInsteadOfDecay.",
            [R(Props.Schedule, null), R(Clock, null), R(DatasetSize, Check.PositiveInteger), R(Props.LastBatch, null), R(InitialBatchSize, Check.PositiveInteger), R(MaximumBatchSize, Check.PositiveInteger), R(Epochs, Check.PositiveInteger), O(Granularity, "Any", Check.Granularity), O(LearningRateScale, "1", Check.AtLeastOne), O(Momentum, "0", Check.UnitIntervalOpenAbove), O(IncreasedMomentum, "Momentum", Check.UnitIntervalOpenAbove)],
            (d, c) => BatchSchedule.IncreaseBatchSizeInsteadOfDecay(c.Schedule!, d.Clock!.Value, d.DatasetSize!.Value, d.LastBatch!.Value, d.InitialBatchSize!.Value, d.MaximumBatchSize!.Value, d.Epochs!.Value, ToGranularity(d.Granularity), d.LearningRateScale ?? 1.0, d.Momentum ?? 0.0, d.IncreasedMomentum)),
        new("DataParallel", ScheduleCategory.DataParallelPlan, "Each step's batch of the plan split over Workers and accumulation steps: BatchSchedule.DataParallel.",
            [R(Plan, null), R(Workers, Check.PositiveInteger), R(MaximumMicroBatchSize, Check.PositiveInteger), O(Sizing, "Largest", null)],
            (d, c) => BatchSchedule.DataParallel(c.Plan!, d.Workers!.Value, d.MaximumMicroBatchSize!.Value, d.Sizing ?? MicroBatchSizing.Largest)),

        // Reduce-on-plateau (Plateau/): the one metric-driven, mutable schedule.
        new("ReduceOnPlateau", ScheduleCategory.ReduceOnPlateau, "PyTorch ReduceLROnPlateau over the schedule, driven by reported metrics (ReduceOnPlateauOptions): ScheduleExtensions.ReduceOnPlateau.",
            [R(Props.Schedule, null), O(Props.PlateauMode, "Min", null), O(Factor, "0.1", Check.OpenUnitInterval), O(Patience, "10", Check.NonNegativeInteger), O(Threshold, "0.0001", Check.NonNegative), O(ThresholdMode, "Relative", null), O(Cooldown, "0", Check.NonNegativeInteger), O(MinimumLearningRate, "0", Check.NonNegative), O(Epsilon, "1E-08", Check.NonNegative)],
            (d, c) => c.Schedule!.ReduceOnPlateau(PlateauOptions(d))),
    ];

    private static readonly Dictionary<string, Entry> ByName = Entries.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The names of the types of <paramref name="category"/>, for messages.</summary>
    public static string Names(ScheduleCategory? category) =>
        string.Join(", ", Entries.Where(e => category is null || e.Category == category).Select(e => e.Name));

    /// <summary>Finds a type by name, ignoring case; null when there is none.</summary>
    public static Entry? Find(string? name) => name is null ? null : ByName.GetValueOrDefault(name.Trim());

    private static Param R(Prop prop, Check? check) => new(prop, required: true, defaultValue: null, check);

    private static Param O(Prop prop, string? defaultValue, Check? check) => new(prop, required: false, defaultValue, check);

    /// <summary>The granularity a description names: <c>Any</c> (or absent), <c>PowerOfTwo</c>, or a whole number n for multiples of n.</summary>
    internal static BatchSizeGranularity ToGranularity(string? text)
    {
        if (text is null || text.Equals("Any", StringComparison.OrdinalIgnoreCase))
        {
            return BatchSizeGranularity.Any;
        }

        return text.Equals("PowerOfTwo", StringComparison.OrdinalIgnoreCase)
            ? BatchSizeGranularity.PowerOfTwo
            : BatchSizeGranularity.MultipleOf(long.Parse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>How a description writes a granularity.</summary>
    internal static string FromGranularity(BatchSizeGranularity granularity) =>
        granularity.IsPowerOfTwo ? "PowerOfTwo"
        : granularity.Multiple == 1 ? "Any"
        : granularity.Multiple.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<BatchSizeChange> Changes(IList<long> thresholds, IList<long> batchSizes)
    {
        if (thresholds.Count != batchSizes.Count)
        {
            throw new ArgumentException(
                $"batchSizes must hold one batch size per threshold ({thresholds.Count}) but holds {batchSizes.Count}.",
                "batchSizes");
        }

        return thresholds.Select((threshold, i) => new BatchSizeChange(threshold, batchSizes[i]));
    }

    private static ReduceOnPlateauOptions PlateauOptions(ScheduleDescription d)
    {
        ReduceOnPlateauOptions defaults = ReduceOnPlateauOptions.Default;
        return new ReduceOnPlateauOptions
        {
            Mode = d.PlateauMode ?? defaults.Mode,
            Factor = d.Factor ?? defaults.Factor,
            Patience = d.Patience ?? defaults.Patience,
            Threshold = d.Threshold ?? defaults.Threshold,
            ThresholdMode = d.ThresholdMode ?? defaults.ThresholdMode,
            Cooldown = d.Cooldown ?? defaults.Cooldown,
            MinimumLearningRate = d.MinimumLearningRate ?? defaults.MinimumLearningRate,
            Epsilon = d.Epsilon ?? defaults.Epsilon,
        };
    }

    /// <summary>A description's cycle limit: absent is the factory's default, 0 is unlimited (timm's <c>cycle_limit=0</c>).</summary>
    private static int? Limit(int? described, int? factoryDefault) => described switch
    {
        null => factoryDefault,
        0 => null,
        int limit => limit,
    };
}
