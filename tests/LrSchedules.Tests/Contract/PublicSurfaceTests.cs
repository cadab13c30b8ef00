using System.Collections;
using System.Reflection;
using LrSchedules.Tests.Combinators;
using Xunit.Abstractions;

namespace LrSchedules.Tests.Contract;

/// <summary>
/// The shape of the public API (issue 10): few public types in namespaces that follow the folders, one vocabulary
/// (CONTRIBUTING.md, "Glossary"), a factory call record behind every object a factory builds, and no internal adapter
/// handed back to a user.
/// </summary>
public class PublicSurfaceTests(ITestOutputHelper output)
{
    private static readonly string[] Namespaces = ["LrSchedules", "LrSchedules.Batching", "LrSchedules.Plateau", "LrSchedules.RangeTest"];

    public static TheoryData<string> FactoryNames { get; } = [.. FactorySurface.Factories.Select(Key)];

    [Fact]
    public void The_core_has_few_public_types_in_namespaces_that_follow_the_folders()
    {
        var byNamespace = FactorySurface.PublicTypes.GroupBy(t => t.Namespace!).ToDictionary(g => g.Key, g => g.Select(t => t.Name).ToList());
        foreach ((string ns, List<string> names) in byNamespace.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{ns}: {names.Count} ({string.Join(", ", names)})");
        }

        output.WriteLine($"total: {FactorySurface.PublicTypes.Count}");
        byNamespace.Keys.Should().BeSubsetOf(Namespaces, "public types live in the root, Batching, Plateau or RangeTest namespace");
        byNamespace["LrSchedules"].Should().HaveCountLessThanOrEqualTo(15, "the root keeps what a training loop reaches for first");

        // Issue 10's target is about the surface it reshaped. A later feature adds the types its users name; each is listed
        // here, so that every addition to the surface is a decision somebody made and can review.
        string[] addedByIssue13 =
        [
            "LrSchedules.RangeTestSpacing", "LrSchedules.Batching.SeesawPlan", "LrSchedules.Batching.SequenceLengthChange",
            "LrSchedules.RangeTest.FastaiRangeTest", "LrSchedules.RangeTest.TorchLrFinderRangeTest", "LrSchedules.RangeTest.ILearningRateRangeTest",
            "LrSchedules.RangeTest.RangeTestPoint", "LrSchedules.RangeTest.RangeTestSuggestion",
        ];
        string[] addedByIssue16 =
        [
            "LrSchedules.ScalarSchedule", "LrSchedules.MomentumSchedule", "LrSchedules.BetaSchedule", "LrSchedules.WeightDecaySchedule",
        ];
        FactorySurface.PublicTypes.Select(t => t.FullName!).Should().Contain(addedByIssue13).And.Contain(addedByIssue16);
        FactorySurface.PublicTypes.Where(t => !addedByIssue13.Contains(t.FullName) && !addedByIssue16.Contains(t.FullName)).Should()
            .HaveCountLessThanOrEqualTo(39, "at least 40% fewer than the 66 public types before issue 10, apart from the listed later features");
    }

    [Fact]
    public void Every_public_type_outside_the_root_lives_in_the_folder_of_its_namespace()
    {
        string root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/LrSchedules"));
        foreach (Type type in FactorySurface.PublicTypes)
        {
            string folder = type.Namespace == "LrSchedules" ? root : Path.Combine(root, type.Namespace!["LrSchedules.".Length..]);
            string name = type.Name.Split('`')[0];
            Directory.EnumerateFiles(folder, $"{name}*.cs", SearchOption.TopDirectoryOnly)
                .Should().NotBeEmpty($"{type.FullName} is declared in {folder}");
        }
    }

    [Fact]
    public void The_factories_are_found()
    {
        FactorySurface.Factories.Select(m => m.Name).Should().Contain(
            ["Cosine", "WithLinearWarmup", "ConstantBatchSize", "LinearScaling", "Plan", "DataParallel", "IncreaseBatchSizeInsteadOfDecay", "ReduceOnPlateau", "PerStep"]);
        output.WriteLine($"{FactorySurface.Factories.Count} factories: {string.Join(", ", FactorySurface.Factories.Select(Key))}");
    }

    [Theory]
    [MemberData(nameof(FactoryNames))]
    public void Every_factory_records_its_name_and_its_arguments(string factory)
    {
        MethodInfo method = FactorySurface.Factories.Single(m => Key(m) == factory);
        (object built, object? receiver, object?[] arguments) = FactorySurface.Call(method);

        FactoryCalls.TryGetCall(built, out FactoryCall? call).Should().BeTrue($"{factory} must end with .Declared(nameof({method.Name}), ...)");
        call!.Factory.Should().Be(method.Name);
        object?[] expected = receiver is null ? arguments : [receiver, .. arguments];
        call.Arguments.Should().HaveCount(expected.Length, "a record holds every parameter, the receiver first");
        for (int i = 0; i < expected.Length; i++)
        {
            Same(call.Arguments[i], expected[i]).Should().BeTrue($"argument {i} of {factory} is recorded as passed (was {Show(call.Arguments[i])}, passed {Show(expected[i])})");
        }
    }

    [Fact]
    public void A_factory_that_returns_an_object_it_was_given_keeps_that_objects_record()
    {
        var a = Schedule.Constant(0.1);
        var b = Schedule.Linear(0.1, 0.0, 10);
        var product = Schedule.Product(a, b);
        Schedule.Product(product).Should().BeSameAs(product);
        FactoryCalls.TryGetCall(product, out FactoryCall? productCall).Should().BeTrue();
        productCall!.Factory.Should().Be("Product");
        ((IEnumerable<ILearningRateSchedule>)productCall.Arguments[0]!).Should().Equal(a, b);

        var join = Schedule.Join([a, b], [5]);
        Schedule.Join([join], []).Should().BeSameAs(join);
        FactoryCalls.TryGetCall(join, out FactoryCall? joinCall).Should().BeTrue();
        joinCall!.Arguments[1].Should().BeEquivalentTo(new long[] { 5 });
    }

    [Fact]
    public void A_porting_factory_that_returns_a_controller_a_core_factory_built_records_its_own_call()
    {
        ReduceLearningRateOnPlateau plateau = LrSchedules.Porting.Torch.ReduceLROnPlateau(0.1, "max", factor: 0.5, patience: 3);

        plateau.Options.Should().Be(new ReduceOnPlateauOptions { Mode = PlateauMode.Max, Factor = 0.5, Patience = 3 });
        FactoryCalls.TryGetCall(plateau, out FactoryCall? call).Should().BeTrue();
        call!.Factory.Should().Be("ReduceLROnPlateau", "the configuration layer describes the controller by the call the user made");
        call.Arguments.Should().Equal(0.1, "max", 0.5, 3L, 1e-4, "rel", 0L, 0.0, 1e-8);
    }

    [Fact]
    public void A_record_holds_the_validated_copy_not_the_callers_collection()
    {
        long[] milestones = [10, 20];
        var schedule = Schedule.MultiStep(0.1, milestones, 0.5);
        milestones[0] = 15;
        FactoryCalls.TryGetCall(schedule, out FactoryCall? call).Should().BeTrue();
        ((long[])call!.Arguments[1]!).Should().Equal(10L, 20L);
    }

    [Fact]
    public void Factory_names_are_unique_across_factory_classes()
    {
        foreach (IGrouping<string, MethodInfo> group in FactorySurface.Factories.GroupBy(m => m.Name))
        {
            group.Select(m => m.DeclaringType).Distinct().Should().ContainSingle($"configuration type names equal factory names, so {group.Key} is declared once");
        }
    }

    [Fact]
    public void Overloads_of_a_factory_differ_by_their_parameter_names()
    {
        foreach (IGrouping<string, MethodInfo> group in FactorySurface.Factories.GroupBy(m => m.Name).Where(g => g.Count() > 1))
        {
            group.Select(m => string.Join(",", m.GetParameters().Select(p => p.Name).Order(StringComparer.Ordinal)))
                .Should().OnlyHaveUniqueItems($"configuration picks an overload of {group.Key} by the keys it is given");
        }
    }

    [Fact]
    public void Shape_parameters_read_rates_then_lengths_then_options()
    {
        foreach (MethodInfo method in FactorySurface.Factories.Where(m => FactorySurface.IsSchedule(m.ReturnType)))
        {
            int previous = 0;
            foreach (ParameterInfo parameter in method.GetParameters().Where(p => !p.HasDefaultValue && !FactorySurface.IsSchedule(p.ParameterType) && !FactorySurface.IsScheduleSequence(p.ParameterType)))
            {
                int rank = IsRate(parameter) || IsSeriesValue(parameter) ? 0 : IsLength(parameter) ? 1 : 2;
                rank.Should().BeGreaterThanOrEqualTo(previous, $"{FactorySurface.Describe(method)} puts rates first, then lengths, then options ({parameter.Name})");
                previous = rank;
            }
        }
    }

    [Fact]
    public void A_rate_a_shape_needs_is_required()
    {
        foreach (MethodInfo method in FactorySurface.Factories.Where(m => !FactorySurface.TakesSchedules(m)))
        {
            foreach (ParameterInfo parameter in method.GetParameters().Where(p => IsRate(p) && p.ParameterType == typeof(double)))
            {
                parameter.HasDefaultValue.Should().BeFalse($"{FactorySurface.Describe(method)} needs its {parameter.Name}; only an optional cap (a nullable rate) may default");
            }
        }
    }

    [Fact]
    public void Every_step_count_is_a_long_and_every_rate_a_double()
    {
        foreach (ParameterInfo parameter in FactorySurface.Factories.SelectMany(m => m.GetParameters()))
        {
            Type type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (IsLength(parameter) && parameter.Name != "positions")
            {
                (type == typeof(long) || FactorySurface.ElementType(type) == typeof(long))
                    .Should().BeTrue($"{parameter.Member.Name}.{parameter.Name} counts steps");
            }

            if (IsRate(parameter) && !FactorySurface.IsSchedule(type))
            {
                (type == typeof(double) || FactorySurface.ElementType(type) == typeof(double))
                    .Should().BeTrue($"{parameter.Member.Name}.{parameter.Name} is a learning rate");
            }
        }
    }

    [Fact]
    public void One_word_for_each_idea()
    {
        string[] retired = ["cosineCycles", "interpolation", "decayShape", "warmupShape", "baseBatchSize", "other", "next"];
        foreach (MethodInfo method in FactorySurface.Factories)
        {
            foreach (ParameterInfo parameter in method.GetParameters())
            {
                retired.Should().NotContain(parameter.Name, $"{FactorySurface.Describe(method)} uses the glossary's words");
                if (parameter.Name == "decayRate")
                {
                    method.Name.Should().Be("InverseTime", "decayRate is InverseTime's additive rate; a multiplicative γ is decayFactor");
                }

                if (parameter.ParameterType == typeof(Curve))
                {
                    (parameter.Name == "curve" || parameter.Name!.EndsWith("Curve", StringComparison.Ordinal))
                        .Should().BeTrue($"{FactorySurface.Describe(method)} names its curve parameter curve or *Curve");
                }
            }
        }

        FactorySurface.PublicTypes.Where(t => t.IsEnum && Enum.GetNames(t).Contains("Cosine"))
            .Should().Equal([typeof(Curve)], "one curve enum");
        FactorySurface.Factories.Select(m => m.Name).Should().NotContain(["Then", "Multiply"], "one name per operation: Join and Product");
    }

    [Theory]
    [MemberData(nameof(FactoryNames))]
    public void Every_rejected_number_is_a_structured_error_naming_the_factorys_parameter(string factory)
    {
        MethodInfo method = FactorySurface.Factories.Single(m => Key(m) == factory);
        ParameterInfo[] parameters = method.GetParameters();
        (_, object? receiver, object?[] valid) = FactorySurface.Call(method);
        for (int i = 0; i < parameters.Length; i++)
        {
            Type type = Nullable.GetUnderlyingType(parameters[i].ParameterType) ?? parameters[i].ParameterType;
            object?[] bad = type == typeof(double) ? [double.NaN, -1.0] : type == typeof(long) ? [-1L, 0L] : type == typeof(int) ? [-1, 0] : type.IsEnum ? [Enum.ToObject(type, 99)] : [];
            foreach (object? value in bad)
            {
                object?[] arguments = [.. valid];
                arguments[i] = value;
                Exception? thrown = null;
                try
                {
                    method.Invoke(receiver, arguments);
                }
                catch (TargetInvocationException exception)
                {
                    thrown = exception.InnerException;
                }

                if (thrown is not null)
                {
                    thrown.Should().BeOfType<ScheduleArgumentException>($"{factory} rejects {parameters[i].Name} = {value} with the structured error")
                        .Which.ParamName.Should().Be(parameters[i].Name, $"{factory} names the parameter the caller wrote");
                }
            }
        }
    }

    [Fact]
    public void Properties_that_return_a_schedule_return_what_the_user_passed_in()
    {
        var user = new UserSchedule();
        var instances = new Dictionary<Type, object>
        {
            [typeof(BatchGrowthPlan)] = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(user, TrainingClock.Epochs, 1_000, LastBatch.Drop, 10, 40, 5),
            [typeof(ReduceLearningRateOnPlateau)] = user.ReduceOnPlateau(),
            [typeof(AdaScale)] = AdaptiveBatching.AdaScale(AdaptiveBatching.NoiseScale(), user, 10, 100),
            [typeof(AdaptiveBatchSizeController)] = AdaptiveBatching.Controller(user, 1_000, 10, 10, 40, 5),
            [typeof(SeesawPlan)] = BatchSchedule.Seesaw(user, TrainingClock.Epochs, 1_000, LastBatch.Drop, 10, 40, 5),
            [typeof(ScalarSchedule)] = user.AsMomentum(),
        };

        // The schedule a property returns: the user's own object, or (for a schedule the library built) never the adapter.
        var passedIn = new HashSet<string>
        {
            "BatchGrowthPlan.SourceLearningRate", "ReduceLearningRateOnPlateau.Inner", "AdaScale.LearningRate", "AdaptiveBatchSizeController.LearningRate",
            "SeesawPlan.SourceLearningRate", "ScalarSchedule.Schedule",
        };
        var built = new HashSet<string> { "BatchGrowthPlan.LearningRate", "SeesawPlan.LearningRate" };

        PropertyInfo[] properties =
        [
            .. FactorySurface.PublicTypes
                .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Where(p => FactorySurface.IsSchedule(p.PropertyType)),
        ];
        properties.Should().NotBeEmpty();
        foreach (PropertyInfo property in properties)
        {
            string key = $"{property.DeclaringType!.Name}.{property.Name}";
            instances.Should().ContainKey(property.DeclaringType!, $"add a {property.DeclaringType!.Name} built over a user schedule to this test ({key})");
            object? value = property.GetValue(instances[property.DeclaringType!]);
            value.Should().NotBeOfType<StepwiseSchedule>($"{key} never hands out the internal adapter");
            if (passedIn.Contains(key))
            {
                value.Should().BeSameAs(user, $"{key} returns the schedule the user passed in");
            }
            else
            {
                built.Should().Contain(key, $"say whether {key} returns the user's schedule or one the library built");
            }
        }
    }

    private static string Key(MethodInfo method) =>
        $"{method.DeclaringType!.Name}.{method.Name}({string.Join(",", method.GetParameters().Select(p => p.Name))})";

    private static bool IsRate(ParameterInfo parameter) =>
        parameter.Name!.EndsWith("LearningRate", StringComparison.Ordinal) || parameter.Name!.EndsWith("LearningRates", StringComparison.Ordinal)
        || parameter.Name is "learningRate" or "learningRates";

    /// <summary>A value of a momentum or weight-decay schedule: it stands where a rate stands.</summary>
    private static bool IsSeriesValue(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(double)
        && (parameter.Name!.EndsWith("Momentum", StringComparison.Ordinal) || parameter.Name!.EndsWith("WeightDecay", StringComparison.Ordinal));

    private static bool IsLength(ParameterInfo parameter) =>
        parameter.Name!.EndsWith("Steps", StringComparison.Ordinal)
        || parameter.Name is "steps" or "stepSize" or "stepsUp" or "stepsDown" or "timescale" or "milestones" or "boundaries" or "boundary" or "positions" or "transitionBegin";

    private static bool Same(object? recorded, object? passed)
    {
        if (recorded is IEnumerable left && passed is IEnumerable right && recorded is not string)
        {
            object?[] l = [.. left.Cast<object?>()];
            object?[] r = [.. right.Cast<object?>()];
            return l.Length == r.Length && l.Zip(r).All(pair => Same(pair.First, pair.Second));
        }

        return Equals(recorded, passed);
    }

    private static string Show(object? value) =>
        value is IEnumerable sequence and not string ? $"[{string.Join(", ", sequence.Cast<object?>().Select(Show))}]" : value?.ToString() ?? "null";
}
