namespace LrSchedules.Configuration.Internal;

/// <summary>
/// Describes a schedule from the public read-only properties of its type, writing every parameter (defaults too), so
/// that building the description calls the same factory with the same arguments and gives the same value at every step.
/// </summary>
internal static class Describer
{
    public static ScheduleDescription Describe(ILearningRateSchedule schedule, string path)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule switch
        {
            ConstantSchedule s => new() { Type = "Constant", LearningRate = s.LearningRate },
            StepDecaySchedule s => new() { Type = "Step", InitialLearningRate = s.InitialLearningRate, StepSize = s.StepSize, DecayRate = s.DecayRate },
            MultiStepSchedule s => new() { Type = "MultiStep", InitialLearningRate = s.InitialLearningRate, Milestones = [.. s.Milestones], DecayRate = s.DecayRate },
            CosineSchedule s => new() { Type = "Cosine", InitialLearningRate = s.InitialLearningRate, TotalSteps = s.TotalSteps, FinalLearningRate = s.FinalLearningRate, Exponent = s.Exponent },
            ExponentialSchedule s => new()
            {
                Type = "Exponential", InitialLearningRate = s.InitialLearningRate, DecayRate = s.DecayRate, TransitionSteps = s.TransitionSteps,
                TransitionBegin = s.TransitionBegin, Staircase = s.Staircase, FinalLearningRate = s.FinalLearningRate,
            },
            LinearSchedule s => new() { Type = "Linear", InitialLearningRate = s.InitialLearningRate, FinalLearningRate = s.FinalLearningRate, TotalSteps = s.TotalSteps },
            PolynomialSchedule s => new() { Type = "Polynomial", InitialLearningRate = s.InitialLearningRate, FinalLearningRate = s.FinalLearningRate, TotalSteps = s.TotalSteps, Power = s.Power },
            InverseTimeSchedule s => new() { Type = "InverseTime", InitialLearningRate = s.InitialLearningRate, DecaySteps = s.DecaySteps, DecayRate = s.DecayRate, Staircase = s.Staircase },
            InverseSquareRootSchedule s => new() { Type = "InverseSquareRoot", InitialLearningRate = s.InitialLearningRate, Timescale = s.Timescale },
            CosineWaveSchedule s => new() { Type = "CosineWave", InitialLearningRate = s.InitialLearningRate, TotalSteps = s.TotalSteps, FinalLearningRate = s.FinalLearningRate, Cycles = s.Cycles },
            PiecewiseConstantSchedule s => new() { Type = "PiecewiseConstant", Boundaries = [.. s.Boundaries], LearningRates = [.. s.LearningRates] },
            PiecewiseInterpolatedSchedule s => new() { Type = "PiecewiseInterpolated", Positions = [.. s.Positions], LearningRates = [.. s.LearningRates], Interpolation = s.Interpolation },
            CosineWarmRestartsSchedule s => new()
            {
                Type = "CosineWarmRestarts", InitialLearningRate = s.InitialLearningRate, PeriodSteps = s.PeriodSteps, FinalLearningRate = s.FinalLearningRate,
                PeriodMultiplier = s.PeriodMultiplier, RestartDecay = s.RestartDecay, CycleLimit = s.CycleLimit ?? 0, KDecay = s.KDecay,
            },
            TanhSchedule s => new()
            {
                Type = "Tanh", InitialLearningRate = s.InitialLearningRate, PeriodSteps = s.PeriodSteps, FinalLearningRate = s.FinalLearningRate,
                LowerBound = s.LowerBound, UpperBound = s.UpperBound, PeriodMultiplier = s.PeriodMultiplier, RestartDecay = s.RestartDecay, CycleLimit = s.CycleLimit ?? 0,
            },
            PolynomialWarmRestartsSchedule s => new()
            {
                Type = "PolynomialWarmRestarts", InitialLearningRate = s.InitialLearningRate, PeriodSteps = s.PeriodSteps, Power = s.Power,
                FinalLearningRate = s.FinalLearningRate, PeriodMultiplier = s.PeriodMultiplier, RestartDecay = s.RestartDecay, CycleLimit = s.CycleLimit ?? 0, KDecay = s.KDecay,
            },
            OneCycleSchedule s => new()
            {
                Type = "OneCycle", PeakLearningRate = s.PeakLearningRate, TotalSteps = s.TotalSteps, WarmupFraction = s.WarmupFraction, Interpolation = s.Interpolation,
                InitialDivisor = s.InitialDivisor, FinalDivisor = s.FinalDivisor, ThreePhase = s.ThreePhase,
            },
            CyclicSchedule s => new()
            {
                Type = "Cyclic", InitialLearningRate = s.InitialLearningRate, PeakLearningRate = s.PeakLearningRate, StepsUp = s.StepsUp, StepsDown = s.StepsDown,
                Mode = s.Mode, DecayRate = s.DecayRate,
            },
            WarmupStableDecaySchedule s => new()
            {
                Type = "WarmupStableDecay", PeakLearningRate = s.PeakLearningRate, WarmupSteps = s.WarmupSteps, StableSteps = s.StableSteps, DecaySteps = s.DecaySteps,
                DecayShape = s.DecayShape, FinalRatio = s.FinalRatio, WarmupShape = s.WarmupShape, CosineCycles = s.CosineCycles,
            },
            WarmupSchedule s when s.Shape == WarmupShape.Constant => new()
            {
                Type = "ConstantWarmup", Schedule = Child(s.Inner, path, "Schedule"), WarmupSteps = s.WarmupSteps, LearningRate = s.InitialLearningRate, Placement = s.Placement,
            },
            WarmupSchedule s => new()
            {
                Type = "LinearWarmup", Schedule = Child(s.Inner, path, "Schedule"), WarmupSteps = s.WarmupSteps, InitialLearningRate = s.InitialLearningRate, Placement = s.Placement,
                TargetLearningRate = SameBits(s.TargetLearningRate, s.Inner.GetLearningRate(0)) ? null : s.TargetLearningRate,
            },
            JoinedSchedule s => new() { Type = "Join", Schedules = Children(s.Schedules, path), Boundaries = [.. s.Boundaries] },
            ProductSchedule s => new() { Type = "Product", Schedules = Children(s.Factors, path) },
            ScaledSchedule s => new() { Type = "Scale", Schedule = Child(s.Inner, path, "Schedule"), Factor = s.Factor },
            ClampedSchedule s => new()
            {
                Type = "Clamp", Schedule = Child(s.Inner, path, "Schedule"), Minimum = s.Minimum,
                Maximum = double.IsPositiveInfinity(s.Maximum) ? null : s.Maximum,
            },
            DelayedSchedule s => new() { Type = "Delay", Schedule = Child(s.Inner, path, "Schedule"), Steps = s.Steps },
            EpochSchedule s => new() { Type = "PerEpoch", Schedule = Child(s.Inner, path, "Schedule"), StepsPerEpoch = s.StepsPerEpoch, Progress = s.Progress },
            TrainingClockSchedule s => new() { Type = "PerStep", Clock = s.Clock, Plan = Describe(s.Plan), Schedule = Child(s.Schedule, path, "Schedule") },
            BatchScaledSchedule s when s.Multiplier == 1.0 => new()
            {
                Type = "ScaleLearningRate", Clock = s.Clock, Plan = Describe(s.Plan), Rule = Describe(s.Rule), Schedule = Child(s.Schedule, path, "Schedule"),
            },
            BatchScaledSchedule => throw new NotSupportedException(
                $"{Where(path)} cannot be described: it is the learning rate of a BatchGrowthPlan with increased momentum, whose multiplier no description holds. Describe the BatchGrowthPlan itself (IncreaseBatchSizeInsteadOfDecay) instead."),
            _ => throw NotDescribable(schedule, path),
        };
    }

    public static ScheduleDescription Describe(TrainingPlan plan) => new()
    {
        Type = "TrainingPlan", DatasetSize = plan.DatasetSize, LastBatch = plan.LastBatch, BatchSizeSchedule = Describe(plan.BatchSizeSchedule),
    };

    public static ScheduleDescription Describe(BatchSizeSchedule schedule) => schedule switch
    {
        ConstantBatchSizeSchedule s => new() { Type = "ConstantBatchSize", BatchSize = s.BatchSize },
        StepGrowthBatchSizeSchedule s => new()
        {
            Type = "StepGrowthBatchSize", InitialBatchSize = s.InitialBatchSize, GrowthFactor = s.GrowthFactor, Milestones = [.. s.Milestones], Clock = s.Clock,
            MaximumBatchSize = s.MaximumBatchSize, Granularity = Catalog.FromGranularity(s.Granularity),
        },
        LinearRampBatchSizeSchedule s => new()
        {
            Type = "LinearRampBatchSize", InitialBatchSize = s.InitialBatchSize, BatchSizeIncrement = s.BatchSizeIncrement, RampSamples = s.RampSamples, FinalBatchSize = s.FinalBatchSize,
        },
        PiecewiseBatchSizeSchedule s => new()
        {
            Type = "PiecewiseBatchSize", InitialBatchSize = s.InitialBatchSize, Thresholds = [.. s.Changes.Select(c => c.Threshold)],
            BatchSizes = [.. s.Changes.Select(c => c.BatchSize)], Clock = s.Clock,
        },
        _ => throw new NotSupportedException($"A {schedule.GetType().FullName} cannot be described: it is not one of the library's batch-size schedules."),
    };

    public static ScheduleDescription Describe(BatchScalingRule rule) => rule switch
    {
        PowerBatchScalingRule { Exponent: 1.0 } r => new() { Type = "LinearScaling", ReferenceBatchSize = r.ReferenceBatchSize },
        PowerBatchScalingRule { Exponent: 0.5 } r => new() { Type = "SquareRootScaling", ReferenceBatchSize = r.ReferenceBatchSize },
        PowerBatchScalingRule r => new() { Type = "PowerScaling", ReferenceBatchSize = r.ReferenceBatchSize, Exponent = r.Exponent },
        SaturatingBatchScalingRule r => new() { Type = "SaturatingScaling", ReferenceBatchSize = r.ReferenceBatchSize, GradientNoiseScale = r.GradientNoiseScale },
        _ => throw new NotSupportedException($"A {rule.GetType().FullName} cannot be described: it is not one of the library's scaling rules."),
    };

    public static ScheduleDescription Describe(BatchGrowthPlan plan) => new()
    {
        Type = "IncreaseBatchSizeInsteadOfDecay", Clock = plan.Clock, DatasetSize = plan.Plan.DatasetSize, LastBatch = plan.Plan.LastBatch,
        InitialBatchSize = plan.InitialBatchSize, MaximumBatchSize = plan.MaximumBatchSize, Epochs = plan.Epochs, Granularity = Catalog.FromGranularity(plan.Granularity),
        LearningRateScale = plan.LearningRateScale, Momentum = plan.Momentum, IncreasedMomentum = plan.IncreasedMomentum,
        Schedule = Describe(plan.SourceLearningRate, nameof(ScheduleDescription.Schedule)),
    };

    public static ScheduleDescription Describe(DataParallelPlan plan) => new()
    {
        Type = "DataParallel", Workers = plan.Workers, MaximumMicroBatchSize = plan.MaximumMicroBatchSize, Sizing = plan.Sizing, Plan = Describe(plan.Plan),
    };

    public static ScheduleDescription Describe(ReduceLearningRateOnPlateau plateau)
    {
        ReduceOnPlateauOptions o = plateau.Options;
        return new()
        {
            Type = "ReduceOnPlateau", PlateauMode = o.Mode, Factor = o.Factor, Patience = o.Patience, Threshold = o.Threshold, ThresholdMode = o.ThresholdMode,
            Cooldown = o.Cooldown, MinimumLearningRate = o.MinimumLearningRate, Epsilon = o.Epsilon,
            Schedule = Describe(plateau.Inner, nameof(ScheduleDescription.Schedule)),
        };
    }

    private static bool SameBits(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    private static string Where(string path) => path.Length == 0 ? "The schedule" : $"The schedule at {path}";

    private static ScheduleDescription Child(ILearningRateSchedule schedule, string path, string key) => Describe(schedule, Paths.Child(path, key));

    private static List<ScheduleDescription> Children(IReadOnlyList<ILearningRateSchedule> schedules, string path)
    {
        string listPath = Paths.Child(path, nameof(ScheduleDescription.Schedules));
        return [.. schedules.Select((s, i) => Describe(s, Paths.Index(listPath, i)))];
    }

    private static NotSupportedException NotDescribable(ILearningRateSchedule schedule, string path)
    {
        string where = Where(path);
        string what = schedule is FunctionSchedule
            ? "a FunctionSchedule (Schedule.FromFunction), whose function has no description"
            : $"a {schedule.GetType().FullName}, which is not one of the library's schedule types";
        return new NotSupportedException(
            $"{where} cannot be described: it is {what}. Only the library's shapes and combinators (the types of ScheduleConfiguration.Types) can be written as a description; build that part in code instead.");
    }
}
