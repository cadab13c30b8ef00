using System.Text.Json.Serialization;

namespace LrSchedules.Configuration;

/// <summary>
/// A declarative description of a schedule: a <see cref="Type"/> and that type's parameters, the schedules a
/// combinator wraps nested in <see cref="Schedule"/> or <see cref="Schedules"/> to any depth.
/// </summary>
/// <remarks>
/// <para>
/// One class describes every type, so that it binds from <c>IConfiguration</c> and System.Text.Json without
/// polymorphism: each parameter is a nullable property named like the parameter of the C# factory
/// (<c>Schedule.Cosine(initialLearningRate, totalSteps, …)</c> → <see cref="InitialLearningRate"/>,
/// <see cref="TotalSteps"/>), and a property left null takes the factory's default. A property that the type does not
/// take is an error, not ignored. <see cref="ScheduleConfiguration.Types"/> lists each type with its parameters.
/// </para>
/// <para>
/// A description is a plain mutable options class and is not thread-safe; the schedule built from it is immutable.
/// Build it with <see cref="ScheduleConfiguration.BuildSchedule(ScheduleDescription, string)"/>, write it with
/// <see cref="ScheduleConfiguration.ToJson(ScheduleDescription, bool)"/>, or get it from a schedule with
/// <see cref="ScheduleConfiguration.Describe(ILearningRateSchedule)"/>.
/// </para>
/// <example>
/// A warmup followed by a cosine decay, as JSON:
/// <code>
/// { "Type": "Join", "Boundaries": [ 100 ],
///   "Schedules": [ { "Type": "Linear", "InitialLearningRate": 0, "FinalLearningRate": 0.1, "TotalSteps": 100 },
///                  { "Type": "Cosine", "InitialLearningRate": 0.1, "TotalSteps": 900 } ] }
/// </code>
/// </example>
/// </remarks>
public sealed class ScheduleDescription
{
    /// <summary>The schedule type: one of the names of <see cref="ScheduleConfiguration.Types"/> (<c>Cosine</c>, <c>Join</c>, <c>LinearWarmup</c>, …), matched without regard to case. Required.</summary>
    public string? Type { get; set; }

    /// <summary>The learning rate of <c>Constant</c> and of the hold of <c>ConstantWarmup</c>.</summary>
    public double? LearningRate { get; set; }

    /// <summary>The learning rate at step 0 (<c>initialLearningRate</c> of most shapes and of <c>LinearWarmup</c>).</summary>
    public double? InitialLearningRate { get; set; }

    /// <summary>The highest learning rate (<c>OneCycle</c>, <c>Cyclic</c>, <c>WarmupStableDecay</c>).</summary>
    public double? PeakLearningRate { get; set; }

    /// <summary>The learning rate at the end (<c>Linear</c>, <c>Polynomial</c>, <c>Cosine</c>, <c>CosineWave</c>, the restart shapes; the cap of <c>Exponential</c>).</summary>
    public double? FinalLearningRate { get; set; }

    /// <summary>The number of steps of the decay or the cycle.</summary>
    public long? TotalSteps { get; set; }

    /// <summary>The exponent of <c>Cosine</c>.</summary>
    public double? Exponent { get; set; }

    /// <summary>The number of periods of <c>CosineWave</c> in <see cref="TotalSteps"/>.</summary>
    public double? Cycles { get; set; }

    /// <summary>The decay factor (<c>Step</c>, <c>MultiStep</c>, <c>Exponential</c>, <c>InverseTime</c>, <c>Cyclic</c>).</summary>
    public double? DecayRate { get; set; }

    /// <summary>The steps per decay of <c>Exponential</c>.</summary>
    public long? TransitionSteps { get; set; }

    /// <summary>The step at which <c>Exponential</c> starts decaying.</summary>
    public long? TransitionBegin { get; set; }

    /// <summary>Whether <c>Exponential</c> and <c>InverseTime</c> decay in whole periods.</summary>
    public bool? Staircase { get; set; }

    /// <summary>The steps between two decays of <c>Step</c>.</summary>
    public long? StepSize { get; set; }

    /// <summary>The steps at which <c>MultiStep</c> decays.</summary>
    public IList<long>? Milestones { get; set; }

    /// <summary>The power of <c>Polynomial</c> and <c>PolynomialWarmRestarts</c>.</summary>
    public double? Power { get; set; }

    /// <summary>The steps per unit of time of <c>InverseTime</c>; the steps of the decay of <c>WarmupStableDecay</c>.</summary>
    public long? DecaySteps { get; set; }

    /// <summary>The timescale of <c>InverseSquareRoot</c>.</summary>
    public long? Timescale { get; set; }

    /// <summary>The steps at which the next part starts: the rates of <c>PiecewiseConstant</c>, the schedules of <c>Join</c>.</summary>
    public IList<long>? Boundaries { get; set; }

    /// <summary>The learning rates of <c>PiecewiseConstant</c> and <c>PiecewiseInterpolated</c>.</summary>
    public IList<double>? LearningRates { get; set; }

    /// <summary>The positions of the knots of <c>PiecewiseInterpolated</c>.</summary>
    public IList<double>? Positions { get; set; }

    /// <summary>The curve between knots (<c>PiecewiseInterpolated</c>) or of the annealing (<c>OneCycle</c>).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<Interpolation>))]
    public Interpolation? Interpolation { get; set; }

    /// <summary>The length of the first cycle of the restart shapes.</summary>
    public double? PeriodSteps { get; set; }

    /// <summary>The growth of the cycle length of the restart shapes.</summary>
    public double? PeriodMultiplier { get; set; }

    /// <summary>The decay of the peak at each restart of the restart shapes.</summary>
    public double? RestartDecay { get; set; }

    /// <summary>The number of cycles of the restart shapes; 0 for unlimited restarts (timm's <c>cycle_limit=0</c>).</summary>
    public int? CycleLimit { get; set; }

    /// <summary>The k-decay exponent of <c>CosineWarmRestarts</c> and <c>PolynomialWarmRestarts</c>.</summary>
    public double? KDecay { get; set; }

    /// <summary>The argument of tanh at the start of a cycle of <c>Tanh</c>.</summary>
    public double? LowerBound { get; set; }

    /// <summary>The argument of tanh at the end of a cycle of <c>Tanh</c>.</summary>
    public double? UpperBound { get; set; }

    /// <summary>The fraction of the steps of <c>OneCycle</c> spent rising.</summary>
    public double? WarmupFraction { get; set; }

    /// <summary>The divisor of the peak that gives the initial rate of <c>OneCycle</c>.</summary>
    public double? InitialDivisor { get; set; }

    /// <summary>The divisor of the initial rate that gives the final rate of <c>OneCycle</c>.</summary>
    public double? FinalDivisor { get; set; }

    /// <summary>Whether <c>OneCycle</c> has three phases.</summary>
    public bool? ThreePhase { get; set; }

    /// <summary>The steps of the rising half of <c>Cyclic</c>.</summary>
    public long? StepsUp { get; set; }

    /// <summary>The steps of the falling half of <c>Cyclic</c>.</summary>
    public long? StepsDown { get; set; }

    /// <summary>The amplitude policy of <c>Cyclic</c>.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<CyclicMode>))]
    public CyclicMode? Mode { get; set; }

    /// <summary>The steps of the warmup (<c>WarmupStableDecay</c>, <c>LinearWarmup</c>, <c>ConstantWarmup</c>).</summary>
    public long? WarmupSteps { get; set; }

    /// <summary>The steps at the peak of <c>WarmupStableDecay</c>.</summary>
    public long? StableSteps { get; set; }

    /// <summary>The decay curve of <c>WarmupStableDecay</c>.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<RampShape>))]
    public RampShape? DecayShape { get; set; }

    /// <summary>The floor of <c>WarmupStableDecay</c> as a fraction of the peak.</summary>
    public double? FinalRatio { get; set; }

    /// <summary>The warmup curve of <c>WarmupStableDecay</c>.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<RampShape>))]
    public RampShape? WarmupShape { get; set; }

    /// <summary>The number of cosine waves over the decay of <c>WarmupStableDecay</c>.</summary>
    public double? CosineCycles { get; set; }

    /// <summary>The schedule a combinator wraps (<c>LinearWarmup</c>, <c>ConstantWarmup</c>, <c>Scale</c>, <c>Clamp</c>, <c>Delay</c>, <c>PerEpoch</c>).</summary>
    public ScheduleDescription? Schedule { get; set; }

    /// <summary>The schedules of <c>Join</c> (in order, each from its own step 0) and <c>Product</c> (the factors).</summary>
    public IList<ScheduleDescription>? Schedules { get; set; }

    /// <summary>Whether a warmup comes before the schedule or over its first steps.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<WarmupPlacement>))]
    public WarmupPlacement? Placement { get; set; }

    /// <summary>The constant factor of <c>Scale</c>.</summary>
    public double? Factor { get; set; }

    /// <summary>The lowest value of <c>Clamp</c>.</summary>
    public double? Minimum { get; set; }

    /// <summary>The highest value of <c>Clamp</c>; absent for no ceiling.</summary>
    public double? Maximum { get; set; }

    /// <summary>The delay of <c>Delay</c>.</summary>
    public long? Steps { get; set; }

    /// <summary>The optimizer steps in one epoch of <c>PerEpoch</c>.</summary>
    public long? StepsPerEpoch { get; set; }

    /// <summary>Whether <c>PerEpoch</c> reads whole or fractional epochs.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<EpochProgress>))]
    public EpochProgress? Progress { get; set; }

    /// <summary>The rate a <c>LinearWarmup</c> ends at; absent for the wrapped schedule's rate at its step 0.</summary>
    public double? TargetLearningRate { get; set; }

    /// <summary>The training plan (a <c>TrainingPlan</c> description) of <c>PerStep</c>, <c>ScaleLearningRate</c>, <c>LinearScalingWithWarmup</c> and <c>DataParallel</c>.</summary>
    public ScheduleDescription? Plan { get; set; }

    /// <summary>The batch-size schedule of a <c>TrainingPlan</c> (<c>ConstantBatchSize</c>, <c>StepGrowthBatchSize</c>, <c>LinearRampBatchSize</c>, <c>PiecewiseBatchSize</c>).</summary>
    public ScheduleDescription? BatchSizeSchedule { get; set; }

    /// <summary>The batch-size scaling rule of <c>ScaleLearningRate</c> (<c>LinearScaling</c>, <c>SquareRootScaling</c>, <c>PowerScaling</c>, <c>SaturatingScaling</c>).</summary>
    public ScheduleDescription? Rule { get; set; }

    /// <summary>The clock a schedule is written in: steps, epochs or samples.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<TrainingClock>))]
    public TrainingClock? Clock { get; set; }

    /// <summary>The number of samples in one epoch.</summary>
    public long? DatasetSize { get; set; }

    /// <summary>Whether an epoch's last, incomplete batch is kept or dropped.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<LastBatch>))]
    public LastBatch? LastBatch { get; set; }

    /// <summary>The batch size of <c>ConstantBatchSize</c>.</summary>
    public long? BatchSize { get; set; }

    /// <summary>The batch size at the start.</summary>
    public long? InitialBatchSize { get; set; }

    /// <summary>The factor of <c>StepGrowthBatchSize</c> at each milestone.</summary>
    public double? GrowthFactor { get; set; }

    /// <summary>The largest batch size.</summary>
    public long? MaximumBatchSize { get; set; }

    /// <summary>The batch sizes allowed: <c>Any</c>, <c>PowerOfTwo</c>, or a whole number n for the multiples of n.</summary>
    public string? Granularity { get; set; }

    /// <summary>The increment of <c>LinearRampBatchSize</c>.</summary>
    public long? BatchSizeIncrement { get; set; }

    /// <summary>The samples over which <c>LinearRampBatchSize</c> ramps.</summary>
    public long? RampSamples { get; set; }

    /// <summary>The batch size <c>LinearRampBatchSize</c> ramps to.</summary>
    public long? FinalBatchSize { get; set; }

    /// <summary>The thresholds (on <see cref="Clock"/>) at which <c>PiecewiseBatchSize</c> changes, one per element of <see cref="BatchSizes"/>.</summary>
    public IList<long>? Thresholds { get; set; }

    /// <summary>The batch sizes <c>PiecewiseBatchSize</c> changes to at <see cref="Thresholds"/>.</summary>
    public IList<long>? BatchSizes { get; set; }

    /// <summary>The batch size at which a scaling rule keeps the rate as it is.</summary>
    public long? ReferenceBatchSize { get; set; }

    /// <summary>The gradient noise scale of <c>SaturatingScaling</c>.</summary>
    public double? GradientNoiseScale { get; set; }

    /// <summary>The batch size the rate of <c>LinearScalingWithWarmup</c> was tuned for.</summary>
    public long? BaseBatchSize { get; set; }

    /// <summary>The epochs of the warmup of <c>LinearScalingWithWarmup</c>.</summary>
    public long? WarmupEpochs { get; set; }

    /// <summary>The epochs of <c>IncreaseBatchSizeInsteadOfDecay</c>.</summary>
    public long? Epochs { get; set; }

    /// <summary>The factor by which <c>IncreaseBatchSizeInsteadOfDecay</c> raises the rate.</summary>
    public double? LearningRateScale { get; set; }

    /// <summary>The momentum the rate of <c>IncreaseBatchSizeInsteadOfDecay</c> was tuned with.</summary>
    public double? Momentum { get; set; }

    /// <summary>The momentum <c>IncreaseBatchSizeInsteadOfDecay</c> trains with; absent for <see cref="Momentum"/>.</summary>
    public double? IncreasedMomentum { get; set; }

    /// <summary>The data-parallel workers of <c>DataParallel</c>.</summary>
    public int? Workers { get; set; }

    /// <summary>The largest micro-batch of <c>DataParallel</c>.</summary>
    public long? MaximumMicroBatchSize { get; set; }

    /// <summary>How <c>DataParallel</c> sizes micro-batches.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<MicroBatchSizing>))]
    public MicroBatchSizing? Sizing { get; set; }

    /// <summary>Whether <c>ReduceOnPlateau</c> minimizes or maximizes the metric (<see cref="ReduceOnPlateauOptions.Mode"/>).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<PlateauMode>))]
    public PlateauMode? PlateauMode { get; set; }

    /// <summary>The reports without improvement <c>ReduceOnPlateau</c> waits for.</summary>
    public int? Patience { get; set; }

    /// <summary>The improvement <c>ReduceOnPlateau</c> counts as one.</summary>
    public double? Threshold { get; set; }

    /// <summary>Whether the threshold of <c>ReduceOnPlateau</c> is relative or absolute.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<PlateauThresholdMode>))]
    public PlateauThresholdMode? ThresholdMode { get; set; }

    /// <summary>The reports <c>ReduceOnPlateau</c> waits after a reduction.</summary>
    public int? Cooldown { get; set; }

    /// <summary>The floor of the reductions of <c>ReduceOnPlateau</c>.</summary>
    public double? MinimumLearningRate { get; set; }

    /// <summary>The smallest reduction <c>ReduceOnPlateau</c> applies.</summary>
    public double? Epsilon { get; set; }
}
