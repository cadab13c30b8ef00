using System.Collections;
using System.Reflection;

namespace LrSchedules.Tests.Contract;

/// <summary>
/// The public surface of the core seen through reflection: its public types, and its public factories (every public
/// method that builds a learning-rate schedule, a batch-size schedule, a plan, a scaling rule or a plateau controller),
/// with a valid sample argument for each of their parameters.
/// </summary>
internal static class FactorySurface
{
    /// <summary>The core assembly.</summary>
    public static Assembly Core { get; } = typeof(ILearningRateSchedule).Assembly;

    /// <summary>The kinds of object a factory builds; a public method returning one of them is a factory.</summary>
    public static IReadOnlyList<Type> BuiltKinds { get; } =
    [
        typeof(ILearningRateSchedule), typeof(BatchSizeSchedule), typeof(BatchScalingRule), typeof(TrainingPlan),
        typeof(DataParallelPlan), typeof(BatchGrowthPlan), typeof(SeesawPlan), typeof(IMetricDrivenSchedule),
    ];

    /// <summary>Every public type of the core (without the helpers mutation testing adds, <see cref="MutationTesting"/>).</summary>
    public static IReadOnlyList<Type> PublicTypes { get; } = [.. Core.GetExportedTypes().LibraryTypes().OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>Every public factory of the core, static or (like <see cref="TrainingPlan.PerStep"/>) on an instance.</summary>
    public static IReadOnlyList<MethodInfo> Factories { get; } =
    [
        .. PublicTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && BuiltKinds.Any(k => k.IsAssignableFrom(m.ReturnType)))
            .OrderBy(m => m.DeclaringType!.Name, StringComparer.Ordinal)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.GetParameters().Length),
    ];

    /// <summary>Whether <paramref name="method"/> takes a schedule (or schedules) to wrap: a combinator rather than a shape.</summary>
    public static bool TakesSchedules(MethodInfo method) =>
        method.GetParameters().Any(p => IsSchedule(p.ParameterType) || IsScheduleSequence(p.ParameterType));

    public static bool IsSchedule(Type type) => typeof(ILearningRateSchedule).IsAssignableFrom(type);

    public static bool IsScheduleSequence(Type type) =>
        type != typeof(string) && type.IsAssignableTo(typeof(IEnumerable)) && ElementType(type) is { } element && IsSchedule(element);

    /// <summary>The element type of an array or <see cref="IEnumerable{T}"/>.</summary>
    public static Type? ElementType(Type type) =>
        type.IsArray
            ? type.GetElementType()
            : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                ? type.GetGenericArguments()[0]
                : null;

    /// <summary>The receiver and arguments of a valid call of <paramref name="method"/>; fails for a parameter it has no sample for.</summary>
    public static (object? Receiver, object?[] Arguments) SampleCall(MethodInfo method)
    {
        object? receiver = method.IsStatic ? null : SampleReceiver(method.DeclaringType!);
        object?[] arguments = [.. method.GetParameters().Select(p => Sample(method, p))];
        return (receiver, arguments);
    }

    /// <summary>Calls <paramref name="method"/> with its sample arguments; returns what it built, the receiver and the arguments.</summary>
    /// <remarks>
    /// When a factory rejects the sample of a defaulted parameter (a generic sample that does not suit this factory),
    /// the call is retried with that parameter's default, so that a new factory rarely needs a sample of its own.
    /// </remarks>
    public static (object Built, object? Receiver, object?[] Arguments) Call(MethodInfo method)
    {
        (object? receiver, object?[] arguments) = SampleCall(method);
        ParameterInfo[] parameters = method.GetParameters();
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                object? built = method.Invoke(receiver, arguments);
                return (built ?? throw new InvalidOperationException($"{Describe(method)} returned null."), receiver, arguments);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                int rejected = exception.InnerException is ArgumentException { ParamName: { } name } ? Array.FindIndex(parameters, p => p.Name == name) : -1;
                if (attempt < parameters.Length && rejected >= 0 && parameters[rejected].HasDefaultValue && !Equals(arguments[rejected], parameters[rejected].DefaultValue))
                {
                    arguments[rejected] = parameters[rejected].DefaultValue;
                    continue;
                }

                throw new InvalidOperationException($"The sample call of {Describe(method)} failed: {exception.InnerException.Message}", exception.InnerException);
            }
        }
    }

    public static string Describe(MethodInfo method) =>
        $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"))})";

    /// <summary>A plan to call an instance factory of <see cref="TrainingPlan"/> on.</summary>
    public static TrainingPlan SamplePlan() => BatchSchedule.Plan(1_000, BatchSchedule.ConstantBatchSize(10), LastBatch.Drop);

    private static object SampleReceiver(Type type) =>
        type == typeof(TrainingPlan)
            ? SamplePlan()
            : throw new InvalidOperationException($"No sample receiver for instance factories of {type.Name}: add one to {nameof(FactorySurface)}.");

    /// <summary>A valid, non-default value for the parameter, chosen by its name and type.</summary>
    private static object? Sample(MethodInfo method, ParameterInfo parameter)
    {
        string name = parameter.Name!;
        Type type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        string factory = method.Name;

        if (type == typeof(ILearningRateSchedule))
        {
            // Positive at the start of every epoch, as the batch-growth transform requires.
            return Schedule.MultiStep(0.1, [2], 0.5);
        }

        if (IsScheduleSequence(type))
        {
            return new ILearningRateSchedule[] { Schedule.Linear(0.0, 0.1, 10), Schedule.Constant(0.1) };
        }

        if (type.IsEnum)
        {
            return SampleEnum(factory, name, type);
        }

        return (factory, name) switch
        {
            (_, "learningRateAtStep") => new Func<long, double>(step => 1.0 / (1.0 + step)),
            (_, "learningRateAtPosition") => new Func<double, double>(position => 1.0 / (1.0 + position)),
            ("PiecewiseConstant", "learningRates") => new[] { 0.3, 0.2, 0.1 },
            ("PiecewiseInterpolated", "learningRates") => new[] { 0.3, 0.1 },
            (_, "positions") => new[] { 0.0, 10.0 },
            ("PiecewiseConstant", "boundaries") => new long[] { 10, 20 },
            ("Join", "boundaries") => new long[] { 10 },
            (_, "milestones") => new long[] { 10, 20 },
            (_, "boundariesAndScales") => new KeyValuePair<long, double>[] { new(20, 0.1), new(10, 0.5) },
            (_, "changes") => new BatchSizeChange[] { new(2, 20), new(4, 40) },
            (_, "plan") => SamplePlan(),
            (_, "batchSizeSchedule") => BatchSchedule.ConstantBatchSize(10),
            (_, "rule") => BatchScaling.SquareRootScaling(10),
            (_, "granularity") => BatchSizeGranularity.MultipleOf(2),
            (_, "options") => ReduceOnPlateauOptions.Default with { Factor = 0.5, Patience = 2 },
            (_, "state") => null,
            ("RangeTestSweep", "finalLearningRate") => 1.0,
            (_, "finalLearningRate") => 0.01,
            (_, "peakLearningRate") => 0.2,
            (_, "targetLearningRate") => 0.05,
            (_, "initialLearningRate") => 0.1,
            (_, "sequenceLength") => 512L,
            (_, "sequenceLengthChanges") => new SequenceLengthChange[] { new(100, 1024), new(300, 2048) },
            (_, "learningRate") => 0.1,
            (_, "decayFactor") => 0.5,
            (_, "decayRate") => 0.5,
            (_, "exponent") => 2.0,
            ("OneCycle", "initialDivisor") => 10.0,
            ("OneCycle", "finalDivisor") => 100.0,
            (_, "power") => 2.0,
            (_, "cycles") => 1.5,
            (_, "factor") => 2.0,
            (_, "minimum") => 0.01,
            (_, "maximum") => 0.5,
            (_, "finalRatio") => 0.1,
            (_, "warmupFraction") => 0.25,
            _ when type == typeof(double) && name.EndsWith("Fraction", StringComparison.Ordinal) => 0.1,
            (_, "threePhase") => true,
            (_, "staircase") => true,
            (_, "lowerBound") => -6.0,
            (_, "upperBound") => 4.0,
            (_, "periodMultiplier") => 2.0,
            (_, "restartDecay") => 0.5,
            (_, "cycleLimit") => 3,
            (_, "kDecay") => 1.5,
            (_, "growthFactor") => 2.0,
            (_, "gradientNoiseScale") => 100.0,
            (_, "learningRateScale") => 1.5,
            (_, "momentum") => 0.5,
            (_, "minimumMomentum") => 0.85,
            (_, "maximumMomentum") => 0.95,
            (_, "initialWeightDecay") => 0.01,
            (_, "finalWeightDecay") => 0.1,
            (_, "increasedMomentum") => 0.75,
            (_, "workers") => 2,
            (_, "maximumMicroBatchSize") => 5L,
            (_, "datasetSize") => 1_000L,
            (_, "initialBatchSize") => 10L,
            ("LinearRamp", "finalBatchSize") => 30L,
            (_, "maximumBatchSize") => 40L,
            (_, "batchSizeIncrement") => 10L,
            (_, "rampSamples") => 1_000L,
            (_, "referenceBatchSize") => 10L,
            (_, "batchSize") => 10L,
            (_, "epochs") => 5L,
            (_, "warmupEpochs") => 1L,
            (_, "stepsDown") => 7L,
            (_, "transitionSteps") => 2L,
            (_, "transitionBegin") => 3L,
            (_, "stableSteps") => 50L,
            (_, "totalSteps") => 100L,
            (_, "decaySteps") => 20L,
            (_, "timescale") => 10L,
            (_, "boundary") => 10L,
            (_, "steps") => 5L,
            _ when type == typeof(long) && name.EndsWith("Steps", StringComparison.Ordinal) => 10L,
            _ when type == typeof(long) && name.StartsWith("steps", StringComparison.Ordinal) => 5L,
            ("Step", "stepSize") => 10L,
            _ => throw new InvalidOperationException(
                $"No sample argument for parameter '{name}' ({parameter.ParameterType.Name}) of {Describe(method)}: add one to {nameof(FactorySurface)}."),
        };
    }

    private static object SampleEnum(string factory, string name, Type type) => (factory, name) switch
    {
        ("IncreaseBatchSizeInsteadOfDecay", "clock") => TrainingClock.Epochs,
        (_, "clock") => TrainingClock.Epochs,
        (_, "lastBatch") => LastBatch.Drop,
        (_, "sizing") => MicroBatchSizing.Largest,
        (_, "placement") => WarmupPlacement.Overlay,
        (_, "progress") => EpochProgress.Fractional,
        (_, "mode") => CyclicMode.Triangular2,
        (_, "spacing") => RangeTestSpacing.Linear,
        ("OneCycle", "curve") => Curve.Linear,
        (_, "curve") => Curve.Cosine,
        (_, "decayCurve") => Curve.OneMinusSquareRoot,
        (_, "warmupCurve") => Curve.Cosine,
        _ => throw new InvalidOperationException($"No sample {type.Name} for parameter '{name}' of {factory}: add one to {nameof(FactorySurface)}."),
    };
}
