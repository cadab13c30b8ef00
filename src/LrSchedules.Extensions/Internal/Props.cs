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

    /// <summary>Every parameter, in declaration order.</summary>
    public static readonly IReadOnlyList<Prop> All = [LearningRate, InitialLearningRate, PeakLearningRate, FinalLearningRate, TotalSteps, Exponent, Cycles, DecayRate, TransitionSteps, TransitionBegin, Staircase, StepSize, Milestones, Power, DecaySteps, Timescale, Boundaries, LearningRates, Positions, Interpolation, PeriodSteps, PeriodMultiplier, RestartDecay, CycleLimit, KDecay, LowerBound, UpperBound, WarmupFraction, InitialDivisor, FinalDivisor, ThreePhase, StepsUp, StepsDown, Mode, WarmupSteps, StableSteps, DecayShape, FinalRatio, WarmupShape, CosineCycles, Schedule, Schedules, Placement, Factor, Minimum, Maximum, Steps, StepsPerEpoch, Progress];

    private static readonly Dictionary<string, Prop> ByName = All.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a parameter by name, ignoring case.</summary>
    public static Prop? Find(string name) => ByName.GetValueOrDefault(name);
}
