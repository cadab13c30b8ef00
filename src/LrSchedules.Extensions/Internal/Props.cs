namespace LrSchedules.Configuration.Internal;

/// <summary>The parameters of <see cref="ScheduleDescription"/> (every property but <see cref="ScheduleDescription.Type"/>), in the order they are written.</summary>
internal static class Props
{
    public static readonly Prop LearningRate = new(nameof(ScheduleDescription.LearningRate), ValueKind.Number, d => d.LearningRate, (d, v) => d.LearningRate = (double?)v);

    public static readonly Prop InitialLearningRate = new(nameof(ScheduleDescription.InitialLearningRate), ValueKind.Number, d => d.InitialLearningRate, (d, v) => d.InitialLearningRate = (double?)v);

    public static readonly Prop PeakLearningRate = new(nameof(ScheduleDescription.PeakLearningRate), ValueKind.Number, d => d.PeakLearningRate, (d, v) => d.PeakLearningRate = (double?)v);

    public static readonly Prop FinalLearningRate = new(nameof(ScheduleDescription.FinalLearningRate), ValueKind.Number, d => d.FinalLearningRate, (d, v) => d.FinalLearningRate = (double?)v);

    public static readonly Prop TotalSteps = new(nameof(ScheduleDescription.TotalSteps), ValueKind.Integer, d => d.TotalSteps, (d, v) => d.TotalSteps = (long?)v);

    public static readonly Prop Exponent = new(nameof(ScheduleDescription.Exponent), ValueKind.Number, d => d.Exponent, (d, v) => d.Exponent = (double?)v);

    public static readonly Prop Cycles = new(nameof(ScheduleDescription.Cycles), ValueKind.Number, d => d.Cycles, (d, v) => d.Cycles = (double?)v);

    public static readonly Prop DecayRate = new(nameof(ScheduleDescription.DecayRate), ValueKind.Number, d => d.DecayRate, (d, v) => d.DecayRate = (double?)v);

    public static readonly Prop TransitionSteps = new(nameof(ScheduleDescription.TransitionSteps), ValueKind.Integer, d => d.TransitionSteps, (d, v) => d.TransitionSteps = (long?)v);

    public static readonly Prop TransitionBegin = new(nameof(ScheduleDescription.TransitionBegin), ValueKind.Integer, d => d.TransitionBegin, (d, v) => d.TransitionBegin = (long?)v);

    public static readonly Prop Staircase = new(nameof(ScheduleDescription.Staircase), ValueKind.Boolean, d => d.Staircase, (d, v) => d.Staircase = (bool?)v);

    public static readonly Prop StepSize = new(nameof(ScheduleDescription.StepSize), ValueKind.Integer, d => d.StepSize, (d, v) => d.StepSize = (long?)v);

    public static readonly Prop Milestones = new(nameof(ScheduleDescription.Milestones), ValueKind.Integers, d => d.Milestones, (d, v) => d.Milestones = (IList<long>?)v);

    public static readonly Prop Power = new(nameof(ScheduleDescription.Power), ValueKind.Number, d => d.Power, (d, v) => d.Power = (double?)v);

    public static readonly Prop DecaySteps = new(nameof(ScheduleDescription.DecaySteps), ValueKind.Integer, d => d.DecaySteps, (d, v) => d.DecaySteps = (long?)v);

    public static readonly Prop Timescale = new(nameof(ScheduleDescription.Timescale), ValueKind.Integer, d => d.Timescale, (d, v) => d.Timescale = (long?)v);

    public static readonly Prop Boundaries = new(nameof(ScheduleDescription.Boundaries), ValueKind.Integers, d => d.Boundaries, (d, v) => d.Boundaries = (IList<long>?)v);

    public static readonly Prop LearningRates = new(nameof(ScheduleDescription.LearningRates), ValueKind.Numbers, d => d.LearningRates, (d, v) => d.LearningRates = (IList<double>?)v);

    public static readonly Prop Positions = new(nameof(ScheduleDescription.Positions), ValueKind.Numbers, d => d.Positions, (d, v) => d.Positions = (IList<double>?)v);

    public static readonly Prop Interpolation = new(nameof(ScheduleDescription.Interpolation), ValueKind.Enum, d => d.Interpolation, (d, v) => d.Interpolation = (Interpolation?)v, typeof(Interpolation));

    public static readonly Prop PeriodSteps = new(nameof(ScheduleDescription.PeriodSteps), ValueKind.Number, d => d.PeriodSteps, (d, v) => d.PeriodSteps = (double?)v);

    public static readonly Prop PeriodMultiplier = new(nameof(ScheduleDescription.PeriodMultiplier), ValueKind.Number, d => d.PeriodMultiplier, (d, v) => d.PeriodMultiplier = (double?)v);

    public static readonly Prop RestartDecay = new(nameof(ScheduleDescription.RestartDecay), ValueKind.Number, d => d.RestartDecay, (d, v) => d.RestartDecay = (double?)v);

    public static readonly Prop CycleLimit = new(nameof(ScheduleDescription.CycleLimit), ValueKind.SmallInteger, d => d.CycleLimit, (d, v) => d.CycleLimit = (int?)v);

    public static readonly Prop KDecay = new(nameof(ScheduleDescription.KDecay), ValueKind.Number, d => d.KDecay, (d, v) => d.KDecay = (double?)v);

    public static readonly Prop LowerBound = new(nameof(ScheduleDescription.LowerBound), ValueKind.Number, d => d.LowerBound, (d, v) => d.LowerBound = (double?)v);

    public static readonly Prop UpperBound = new(nameof(ScheduleDescription.UpperBound), ValueKind.Number, d => d.UpperBound, (d, v) => d.UpperBound = (double?)v);

    public static readonly Prop WarmupFraction = new(nameof(ScheduleDescription.WarmupFraction), ValueKind.Number, d => d.WarmupFraction, (d, v) => d.WarmupFraction = (double?)v);

    public static readonly Prop InitialDivisor = new(nameof(ScheduleDescription.InitialDivisor), ValueKind.Number, d => d.InitialDivisor, (d, v) => d.InitialDivisor = (double?)v);

    public static readonly Prop FinalDivisor = new(nameof(ScheduleDescription.FinalDivisor), ValueKind.Number, d => d.FinalDivisor, (d, v) => d.FinalDivisor = (double?)v);

    public static readonly Prop ThreePhase = new(nameof(ScheduleDescription.ThreePhase), ValueKind.Boolean, d => d.ThreePhase, (d, v) => d.ThreePhase = (bool?)v);

    public static readonly Prop StepsUp = new(nameof(ScheduleDescription.StepsUp), ValueKind.Integer, d => d.StepsUp, (d, v) => d.StepsUp = (long?)v);

    public static readonly Prop StepsDown = new(nameof(ScheduleDescription.StepsDown), ValueKind.Integer, d => d.StepsDown, (d, v) => d.StepsDown = (long?)v);

    public static readonly Prop Mode = new(nameof(ScheduleDescription.Mode), ValueKind.Enum, d => d.Mode, (d, v) => d.Mode = (CyclicMode?)v, typeof(CyclicMode));

    public static readonly Prop WarmupSteps = new(nameof(ScheduleDescription.WarmupSteps), ValueKind.Integer, d => d.WarmupSteps, (d, v) => d.WarmupSteps = (long?)v);

    public static readonly Prop StableSteps = new(nameof(ScheduleDescription.StableSteps), ValueKind.Integer, d => d.StableSteps, (d, v) => d.StableSteps = (long?)v);

    public static readonly Prop DecayShape = new(nameof(ScheduleDescription.DecayShape), ValueKind.Enum, d => d.DecayShape, (d, v) => d.DecayShape = (RampShape?)v, typeof(RampShape));

    public static readonly Prop FinalRatio = new(nameof(ScheduleDescription.FinalRatio), ValueKind.Number, d => d.FinalRatio, (d, v) => d.FinalRatio = (double?)v);

    public static readonly Prop WarmupShape = new(nameof(ScheduleDescription.WarmupShape), ValueKind.Enum, d => d.WarmupShape, (d, v) => d.WarmupShape = (RampShape?)v, typeof(RampShape));

    public static readonly Prop CosineCycles = new(nameof(ScheduleDescription.CosineCycles), ValueKind.Number, d => d.CosineCycles, (d, v) => d.CosineCycles = (double?)v);

    public static readonly Prop Schedule = new(nameof(ScheduleDescription.Schedule), ValueKind.Schedule, d => d.Schedule, (d, v) => d.Schedule = (ScheduleDescription?)v);

    public static readonly Prop Schedules = new(nameof(ScheduleDescription.Schedules), ValueKind.Schedules, d => d.Schedules, (d, v) => d.Schedules = (IList<ScheduleDescription>?)v);

    public static readonly Prop Placement = new(nameof(ScheduleDescription.Placement), ValueKind.Enum, d => d.Placement, (d, v) => d.Placement = (WarmupPlacement?)v, typeof(WarmupPlacement));

    public static readonly Prop Factor = new(nameof(ScheduleDescription.Factor), ValueKind.Number, d => d.Factor, (d, v) => d.Factor = (double?)v);

    public static readonly Prop Minimum = new(nameof(ScheduleDescription.Minimum), ValueKind.Number, d => d.Minimum, (d, v) => d.Minimum = (double?)v);

    public static readonly Prop Maximum = new(nameof(ScheduleDescription.Maximum), ValueKind.Number, d => d.Maximum, (d, v) => d.Maximum = (double?)v);

    public static readonly Prop Steps = new(nameof(ScheduleDescription.Steps), ValueKind.Integer, d => d.Steps, (d, v) => d.Steps = (long?)v);

    public static readonly Prop StepsPerEpoch = new(nameof(ScheduleDescription.StepsPerEpoch), ValueKind.Integer, d => d.StepsPerEpoch, (d, v) => d.StepsPerEpoch = (long?)v);

    public static readonly Prop Progress = new(nameof(ScheduleDescription.Progress), ValueKind.Enum, d => d.Progress, (d, v) => d.Progress = (EpochProgress?)v, typeof(EpochProgress));

    public static readonly Prop TargetLearningRate = new(nameof(ScheduleDescription.TargetLearningRate), ValueKind.Number, d => d.TargetLearningRate, (d, v) => d.TargetLearningRate = (double?)v);

    public static readonly Prop Plan = new(nameof(ScheduleDescription.Plan), ValueKind.Schedule, d => d.Plan, (d, v) => d.Plan = (ScheduleDescription?)v, category: ScheduleCategory.TrainingPlan);

    public static readonly Prop BatchSizeSchedule = new(nameof(ScheduleDescription.BatchSizeSchedule), ValueKind.Schedule, d => d.BatchSizeSchedule, (d, v) => d.BatchSizeSchedule = (ScheduleDescription?)v, category: ScheduleCategory.BatchSize);

    public static readonly Prop Rule = new(nameof(ScheduleDescription.Rule), ValueKind.Schedule, d => d.Rule, (d, v) => d.Rule = (ScheduleDescription?)v, category: ScheduleCategory.ScalingRule);

    public static readonly Prop Clock = new(nameof(ScheduleDescription.Clock), ValueKind.Enum, d => d.Clock, (d, v) => d.Clock = (TrainingClock?)v, typeof(TrainingClock));

    public static readonly Prop DatasetSize = new(nameof(ScheduleDescription.DatasetSize), ValueKind.Integer, d => d.DatasetSize, (d, v) => d.DatasetSize = (long?)v);

    public static readonly Prop LastBatch = new(nameof(ScheduleDescription.LastBatch), ValueKind.Enum, d => d.LastBatch, (d, v) => d.LastBatch = (LastBatch?)v, typeof(LastBatch));

    public static readonly Prop BatchSize = new(nameof(ScheduleDescription.BatchSize), ValueKind.Integer, d => d.BatchSize, (d, v) => d.BatchSize = (long?)v);

    public static readonly Prop InitialBatchSize = new(nameof(ScheduleDescription.InitialBatchSize), ValueKind.Integer, d => d.InitialBatchSize, (d, v) => d.InitialBatchSize = (long?)v);

    public static readonly Prop GrowthFactor = new(nameof(ScheduleDescription.GrowthFactor), ValueKind.Number, d => d.GrowthFactor, (d, v) => d.GrowthFactor = (double?)v);

    public static readonly Prop MaximumBatchSize = new(nameof(ScheduleDescription.MaximumBatchSize), ValueKind.Integer, d => d.MaximumBatchSize, (d, v) => d.MaximumBatchSize = (long?)v);

    public static readonly Prop Granularity = new(nameof(ScheduleDescription.Granularity), ValueKind.Text, d => d.Granularity, (d, v) => d.Granularity = (string?)v);

    public static readonly Prop BatchSizeIncrement = new(nameof(ScheduleDescription.BatchSizeIncrement), ValueKind.Integer, d => d.BatchSizeIncrement, (d, v) => d.BatchSizeIncrement = (long?)v);

    public static readonly Prop RampSamples = new(nameof(ScheduleDescription.RampSamples), ValueKind.Integer, d => d.RampSamples, (d, v) => d.RampSamples = (long?)v);

    public static readonly Prop FinalBatchSize = new(nameof(ScheduleDescription.FinalBatchSize), ValueKind.Integer, d => d.FinalBatchSize, (d, v) => d.FinalBatchSize = (long?)v);

    public static readonly Prop Thresholds = new(nameof(ScheduleDescription.Thresholds), ValueKind.Integers, d => d.Thresholds, (d, v) => d.Thresholds = (IList<long>?)v);

    public static readonly Prop BatchSizes = new(nameof(ScheduleDescription.BatchSizes), ValueKind.Integers, d => d.BatchSizes, (d, v) => d.BatchSizes = (IList<long>?)v);

    public static readonly Prop ReferenceBatchSize = new(nameof(ScheduleDescription.ReferenceBatchSize), ValueKind.Integer, d => d.ReferenceBatchSize, (d, v) => d.ReferenceBatchSize = (long?)v);

    public static readonly Prop GradientNoiseScale = new(nameof(ScheduleDescription.GradientNoiseScale), ValueKind.Number, d => d.GradientNoiseScale, (d, v) => d.GradientNoiseScale = (double?)v);

    public static readonly Prop BaseBatchSize = new(nameof(ScheduleDescription.BaseBatchSize), ValueKind.Integer, d => d.BaseBatchSize, (d, v) => d.BaseBatchSize = (long?)v);

    public static readonly Prop WarmupEpochs = new(nameof(ScheduleDescription.WarmupEpochs), ValueKind.Integer, d => d.WarmupEpochs, (d, v) => d.WarmupEpochs = (long?)v);

    public static readonly Prop Epochs = new(nameof(ScheduleDescription.Epochs), ValueKind.Integer, d => d.Epochs, (d, v) => d.Epochs = (long?)v);

    public static readonly Prop LearningRateScale = new(nameof(ScheduleDescription.LearningRateScale), ValueKind.Number, d => d.LearningRateScale, (d, v) => d.LearningRateScale = (double?)v);

    public static readonly Prop Momentum = new(nameof(ScheduleDescription.Momentum), ValueKind.Number, d => d.Momentum, (d, v) => d.Momentum = (double?)v);

    public static readonly Prop IncreasedMomentum = new(nameof(ScheduleDescription.IncreasedMomentum), ValueKind.Number, d => d.IncreasedMomentum, (d, v) => d.IncreasedMomentum = (double?)v);

    public static readonly Prop Workers = new(nameof(ScheduleDescription.Workers), ValueKind.SmallInteger, d => d.Workers, (d, v) => d.Workers = (int?)v);

    public static readonly Prop MaximumMicroBatchSize = new(nameof(ScheduleDescription.MaximumMicroBatchSize), ValueKind.Integer, d => d.MaximumMicroBatchSize, (d, v) => d.MaximumMicroBatchSize = (long?)v);

    public static readonly Prop Sizing = new(nameof(ScheduleDescription.Sizing), ValueKind.Enum, d => d.Sizing, (d, v) => d.Sizing = (MicroBatchSizing?)v, typeof(MicroBatchSizing));

    public static readonly Prop PlateauMode = new(nameof(ScheduleDescription.PlateauMode), ValueKind.Enum, d => d.PlateauMode, (d, v) => d.PlateauMode = (PlateauMode?)v, typeof(PlateauMode));

    public static readonly Prop Patience = new(nameof(ScheduleDescription.Patience), ValueKind.SmallInteger, d => d.Patience, (d, v) => d.Patience = (int?)v);

    public static readonly Prop Threshold = new(nameof(ScheduleDescription.Threshold), ValueKind.Number, d => d.Threshold, (d, v) => d.Threshold = (double?)v);

    public static readonly Prop ThresholdMode = new(nameof(ScheduleDescription.ThresholdMode), ValueKind.Enum, d => d.ThresholdMode, (d, v) => d.ThresholdMode = (PlateauThresholdMode?)v, typeof(PlateauThresholdMode));

    public static readonly Prop Cooldown = new(nameof(ScheduleDescription.Cooldown), ValueKind.SmallInteger, d => d.Cooldown, (d, v) => d.Cooldown = (int?)v);

    public static readonly Prop MinimumLearningRate = new(nameof(ScheduleDescription.MinimumLearningRate), ValueKind.Number, d => d.MinimumLearningRate, (d, v) => d.MinimumLearningRate = (double?)v);

    public static readonly Prop Epsilon = new(nameof(ScheduleDescription.Epsilon), ValueKind.Number, d => d.Epsilon, (d, v) => d.Epsilon = (double?)v);

    /// <summary>Every parameter, in declaration order.</summary>
    public static readonly IReadOnlyList<Prop> All = [LearningRate, InitialLearningRate, PeakLearningRate, FinalLearningRate, TotalSteps, Exponent, Cycles, DecayRate, TransitionSteps, TransitionBegin, Staircase, StepSize, Milestones, Power, DecaySteps, Timescale, Boundaries, LearningRates, Positions, Interpolation, PeriodSteps, PeriodMultiplier, RestartDecay, CycleLimit, KDecay, LowerBound, UpperBound, WarmupFraction, InitialDivisor, FinalDivisor, ThreePhase, StepsUp, StepsDown, Mode, WarmupSteps, StableSteps, DecayShape, FinalRatio, WarmupShape, CosineCycles, Schedule, Schedules, Placement, Factor, Minimum, Maximum, Steps, StepsPerEpoch, Progress, TargetLearningRate, Plan, BatchSizeSchedule, Rule, Clock, DatasetSize, LastBatch, BatchSize, InitialBatchSize, GrowthFactor, MaximumBatchSize, Granularity, BatchSizeIncrement, RampSamples, FinalBatchSize, Thresholds, BatchSizes, ReferenceBatchSize, GradientNoiseScale, BaseBatchSize, WarmupEpochs, Epochs, LearningRateScale, Momentum, IncreasedMomentum, Workers, MaximumMicroBatchSize, Sizing, PlateauMode, Patience, Threshold, ThresholdMode, Cooldown, MinimumLearningRate, Epsilon];

    private static readonly Dictionary<string, Prop> ByName = All.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a parameter by name, ignoring case.</summary>
    public static Prop? Find(string name) => ByName.GetValueOrDefault(name);
}
