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
            _ => throw NotDescribable(schedule, path),
        };
    }

    private static ScheduleDescription Child(ILearningRateSchedule schedule, string path, string key) => Describe(schedule, Paths.Child(path, key));

    private static List<ScheduleDescription> Children(IReadOnlyList<ILearningRateSchedule> schedules, string path)
    {
        string listPath = Paths.Child(path, nameof(ScheduleDescription.Schedules));
        return [.. schedules.Select((s, i) => Describe(s, Paths.Index(listPath, i)))];
    }

    private static NotSupportedException NotDescribable(ILearningRateSchedule schedule, string path)
    {
        string where = path.Length == 0 ? "The schedule" : $"The schedule at {path}";
        string what = schedule is FunctionSchedule
            ? "a FunctionSchedule (Schedule.FromFunction), whose function has no description"
            : $"a {schedule.GetType().FullName}, which is not one of the library's schedule types";
        return new NotSupportedException(
            $"{where} cannot be described: it is {what}. Only the library's shapes and combinators (the types of ScheduleConfiguration.Types) can be written as a description; build that part in code instead.");
    }
}
