using System.Reflection;
using System.Text;
using LrSchedules.Configuration;
using LrSchedules.Plateau;
using LrSchedules.Porting;
using Microsoft.Extensions.Configuration;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>
/// Configuration speaks the origin's language: every method of LrSchedules.Porting is a configuration type named by its
/// origin's qualified name (or says why not), takes the origin's keyword arguments under their Python names, and rejects
/// any other with the names it accepts.
/// </summary>
public class PortingConfigurationTests
{
    private const string FactoriesAttribute = "LrSchedules.Internal.ConfigurationFactoriesAttribute";
    private const string NotConfigurableAttribute = "LrSchedules.Internal.NotConfigurableAttribute";

    private static readonly Type[] Origins = [typeof(Torch), typeof(Optax), typeof(Transformers), typeof(Timm), typeof(Keras), typeof(Megatron), typeof(OlmoCore)];

    [Fact]
    public void Every_porting_method_has_an_origin_named_configuration_type_or_says_why_not()
    {
        var methods = Origins.SelectMany(o => o.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)).Where(m => !m.IsSpecialName).ToList();
        methods.Should().HaveCountGreaterThan(70);

        var missing = new List<string>();
        foreach (MethodInfo method in methods)
        {
            string factory = $"{method.DeclaringType!.Name}.{method.Name}";
            if (Reason(method) is { } reason)
            {
                reason.Should().NotBeNullOrWhiteSpace($"{factory} says why it has no configuration form");
                continue;
            }

            ScheduleTypeInfo? type = ScheduleConfiguration.Types.FirstOrDefault(t => t.Factory == factory);
            // The class's prefix (torch.optim.lr_scheduler.StepLR), or a qualified name in the same top-level package (megatron.training...).
            if (type is null || !type.Name.StartsWith(OriginPrefix(method.DeclaringType!).Split('.')[0] + ".", StringComparison.Ordinal))
            {
                missing.Add(factory);
            }
        }

        missing.Should().BeEmpty("every porting method is configurable under its origin's name, or [NotConfigurable(\"reason\")]");
    }

    [Fact]
    public void Every_origin_named_type_is_a_porting_method()
    {
        var origin = ScheduleConfiguration.Types.Where(t => Origins.Any(o => t.Factory.StartsWith(o.Name + ".", StringComparison.Ordinal))).ToList();

        origin.Should().HaveCountGreaterThan(60);
        foreach (ScheduleTypeInfo type in origin)
        {
            string[] parts = type.Factory.Split('.');
            Type declaring = Origins.Single(o => o.Name == parts[0]);
            declaring.GetMethods(BindingFlags.Public | BindingFlags.Static).Should().Contain(m => m.Name == parts[1] && Reason(m) == null, type.Name);
            type.Name.Should().MatchRegex("^[a-z_]+(\\.[A-Za-z_][A-Za-z0-9_]*)+$", "an origin's name is its Python qualified name");
            ScheduleConfiguration.Types.Where(t => !Origins.Any(o => t.Factory.StartsWith(o.Name + ".", StringComparison.Ordinal)))
                .Should().NotContain(t => t.Name == type.Name);
        }
    }

    [Theory]
    [InlineData("torch.optim.lr_scheduler.OneCycleLR", "torch.OneCycleLR", "Torch.OneCycleLR")]
    [InlineData("optax.warmup_cosine_decay_schedule", null, "Optax.WarmupCosineDecaySchedule")]
    [InlineData("transformers.get_wsd_schedule", null, "Transformers.GetWsdSchedule")]
    [InlineData("transformers.Trainer.create_scheduler", null, "Transformers.CreateScheduler")]
    [InlineData("timm.scheduler.CosineLRScheduler", "timm.CosineLRScheduler", "Timm.CosineLRScheduler")]
    [InlineData("keras.optimizers.schedules.CosineDecay", "keras.CosineDecay", "Keras.CosineDecay")]
    [InlineData("megatron.core.optimizer_param_scheduler.OptimizerParamScheduler", "megatron.OptimizerParamScheduler", "Megatron.OptimizerParamScheduler")]
    [InlineData("megatron.training.training.get_optimizer_param_scheduler", null, "Megatron.GetOptimizerParamScheduler")]
    [InlineData("olmo_core.optim.scheduler.PowerLR", "olmo_core.PowerLR", "OlmoCore.PowerLR")]
    public void An_origin_type_is_found_by_its_qualified_name_and_its_alias(string name, string? alias, string factory)
    {
        ScheduleConfiguration.FindType(name)!.Factory.Should().Be(factory);
        ScheduleConfiguration.FindType(name)!.Name.Should().Be(name);
        if (alias is not null)
        {
            ScheduleConfiguration.FindType(alias)!.Name.Should().Be(name, "the alias names the same type");
        }
    }

    [Theory]
    [InlineData("torch.optim.lr_scheduler.CosineAnnealingLR", "lr, T_max, eta_min")]
    [InlineData("torch.optim.lr_scheduler.CosineAnnealingWarmRestarts", "lr, T_0, T_mult, eta_min")]
    [InlineData("torch.optim.lr_scheduler.OneCycleLR", "max_lr, total_steps, epochs, steps_per_epoch, pct_start, anneal_strategy, cycle_momentum, base_momentum, max_momentum, div_factor, final_div_factor, three_phase")]
    [InlineData("torch.optim.lr_scheduler.CyclicLR", "base_lr, max_lr, step_size_up, step_size_down, mode, gamma, scale_mode, cycle_momentum, base_momentum, max_momentum")]
    [InlineData("transformers.get_wsd_schedule", "lr, num_warmup_steps, num_decay_steps, num_training_steps, num_stable_steps, warmup_type, decay_type, min_lr_ratio, num_cycles")]
    [InlineData("olmo_core.optim.scheduler.PowerLR", "lr, t_max, b, warmup, warmup_fraction, warmup_min_lr, decay, decay_fraction, decay_min_lr")]
    [InlineData("optax.piecewise_constant_schedule", "init_value, boundaries_and_scales")]
    public void The_keys_are_the_origins_keyword_arguments(string name, string keys)
    {
        string.Join(", ", ScheduleConfiguration.FindType(name)!.Parameters.Select(p => p.Name)).Should().Be(keys);
    }

    [Fact]
    public void An_unknown_keyword_is_rejected_with_the_origins_accepted_names()
    {
        ScheduleLoadResult result = ScheduleConfiguration.Load("""{ "Type": "torch.CosineAnnealingLR", "lr": 0.1, "T_mx": 100 }""");

        result.Succeeded.Should().BeFalse();
        result.Problems.Select(p => p.Message).Should().Contain(m => m.Contains("T_mx is not a parameter of torch.optim.lr_scheduler.CosineAnnealingLR", StringComparison.Ordinal)
            && m.Contains("did you mean 'T_max'", StringComparison.Ordinal) && m.Contains("lr, T_max, eta_min", StringComparison.Ordinal));
        result.Problems.Should().Contain(p => p.Path == "T_max" && p.Message.Contains("required", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_origin_name_is_rejected_with_a_suggestion()
    {
        ScheduleLoadResult result = ScheduleConfiguration.Load("""{ "Type": "torch.optim.lr_scheduler.OneCycleRL", "max_lr": 0.1, "total_steps": 100 }""");

        result.Problems.Should().ContainSingle().Which.Message.Should().Contain("did you mean 'torch.optim.lr_scheduler.OneCycleLR'")
            .And.Contain("the types of that origin are torch.optim.lr_scheduler.MultiplicativeLR, torch.optim.lr_scheduler.StepLR")
            .And.NotContain("optax.");
        ScheduleConfiguration.Load("""{ "Type": "torch.OneCycleRL" }""").Problems.Should().ContainSingle()
            .Which.Message.Should().Contain("did you mean 'torch.OneCycleLR'");
    }

    [Fact]
    public void A_range_the_origin_rejects_is_reported_at_its_python_key()
    {
        ScheduleLoadResult result = ScheduleConfiguration.Load("""{ "Type": "torch.StepLR", "lr": 0.1, "step_size": 0 }""");

        result.Problems.Should().ContainSingle().Which.Path.Should().Be("step_size");
    }

    [Fact]
    public void Boundaries_and_scales_is_an_object_whose_keys_are_steps_from_json_and_from_iconfiguration()
    {
        const string Json = """{ "Type": "optax.piecewise_constant_schedule", "init_value": 1.0, "boundaries_and_scales": { "10": 0.5, "30": 0.1 } }""";
        LearningRateSchedule expected = Optax.PiecewiseConstantSchedule(1.0, new Dictionary<long, double> { [10] = 0.5, [30] = 0.1 });

        var fromJson = ScheduleConfiguration.Load(Json).Get<ILearningRateSchedule>();
        IConfiguration configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Json))).Build();
        var fromConfiguration = ScheduleConfiguration.LoadSection(configuration).Get<ILearningRateSchedule>();

        fromJson.ShouldEqualEverywhere(expected, "from JSON");
        fromConfiguration.ShouldEqualEverywhere(expected, "from IConfiguration, where an object of numeric keys looks like a list");
        fromJson.GetLearningRate(29).Should().Be(0.5);
        fromJson.GetLearningRate(30).Should().Be(0.05);
        ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(expected), indented: false)
            .Should().Be("""{"Type":"optax.piecewise_constant_schedule","init_value":1,"boundaries_and_scales":{"10":0.5,"30":0.1}}""");
    }

    [Fact]
    public void A_step_key_that_is_not_an_integer_is_rejected_at_its_path()
    {
        ScheduleLoadResult result = ScheduleConfiguration.Load("""{ "Type": "optax.piecewise_constant_schedule", "init_value": 1.0, "boundaries_and_scales": { "ten": 0.5 } }""");

        result.Problems.Should().ContainSingle().Which.Path.Should().Be("boundaries_and_scales:ten");
    }

    [Fact]
    public void Scheduler_specific_kwargs_is_an_object_of_python_keyword_arguments()
    {
        const string Json = """
            { "Type": "transformers.get_scheduler", "name": "cosine_with_min_lr", "lr": 0.001,
              "num_warmup_steps": 100, "num_training_steps": 1000, "scheduler_specific_kwargs": { "min_lr_rate": 0.1 } }
            """;

        var schedule = ScheduleConfiguration.Load(Json).Get<ILearningRateSchedule>();

        schedule.ShouldEqualEverywhere(
            Transformers.GetScheduler("cosine_with_min_lr", 0.001, 100, 1000, new Dictionary<string, object?> { ["min_lr_rate"] = 0.1 }).Schedule!, "get_scheduler");
        ScheduleConfiguration.Load(Json.Replace("min_lr_rate", "min_lr_rat", StringComparison.Ordinal)).Problems
            .Should().ContainSingle().Which.Message.Should().Contain("num_cycles, min_lr, min_lr_rate", "Hugging Face's accepted keywords are named");
    }

    [Fact]
    public void Nested_schedulers_are_nested_descriptions_each_with_its_own_lr()
    {
        const string Json = """
            { "Type": "torch.SequentialLR", "milestones": [10],
              "schedulers": [ { "Type": "torch.LinearLR", "lr": 0.1, "start_factor": 0.01, "total_iters": 10 },
                              { "Type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 90 } ] }
            """;

        var schedule = ScheduleConfiguration.Load(Json).Get<ILearningRateSchedule>();

        schedule.ShouldEqualEverywhere(
            Torch.SequentialLR([Torch.LinearLR(0.1, startFactor: 0.01, totalIters: 10), Torch.CosineAnnealingLR(0.1, 90)], [10]), "SequentialLR");
    }

    [Fact]
    public void Olmo_override_decay_is_a_nested_object_of_its_python_keywords()
    {
        const string Json = """
            { "Type": "olmo_core.optim.scheduler.SequentialScheduler", "lr": 3e-4, "t_max": 1000,
              "schedulers": [ { "Type": "olmo_core.ConstantWithWarmup", "lr": 1, "t_max": 1, "warmup": 10 },
                              { "Type": "olmo_core.CosWithWarmup", "lr": 1, "t_max": 1, "warmup": 0, "scheduler_t_max": 2000 } ],
              "schedulers_max": [100],
              "override_decay": {"start": 900, "duration": 100, "shape": "cosine", "end_lr_fraction": 0} }
            """;

        var schedule = ScheduleConfiguration.Load(Json).Get<ILearningRateSchedule>();
        LearningRateSchedule expected = OlmoCore.SequentialScheduler(
            3e-4, 1000, [OlmoCore.ConstantWithWarmup(1, 1, warmup: 10), OlmoCore.CosWithWarmup(1, 1, warmup: 0, schedulerTMax: 2000)], [100],
            new OverrideDecay(900, 100, "cosine", EndLrFraction: 0));

        schedule.ShouldEqualEverywhere(expected, "override_decay and scheduler_t_max from JSON");
        schedule.GetLearningRate(1000).Should().Be(0.0);
        ScheduleConfiguration.FindType("olmo_core.SequentialScheduler")!.Parameters.Select(p => p.Name).Should().Equal("lr", "t_max", "schedulers", "schedulers_max", "override_decay");
        ScheduleConfiguration.FindType("olmo_core.SequentialScheduler")!.Parameters.Single(p => p.Name == "override_decay").Fields.Select(f => f.Name)
            .Should().Equal("start", "duration", "shape", "end_lr", "end_lr_fraction");
        string described = ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(expected), indented: false);
        described.Should().Contain("\"override_decay\":{\"start\":900,\"duration\":100,\"shape\":\"cosine\",\"end_lr_fraction\":0}").And.Contain("\"scheduler_t_max\":2000");
        ScheduleConfiguration.Load(described).Get<ILearningRateSchedule>().ShouldEqualEverywhere(expected, "described and read back");
    }

    [Fact]
    public void Olmo_composable_scheduler_takes_its_stages_as_objects_and_reports_a_bad_one_at_its_path()
    {
        const string Json = """
            { "Type": "olmo_core.optim.scheduler.ComposableScheduler", "lr": 3e-4,
              "stages": [ { "duration": 100, "start_lr": 0, "end_lr_fraction": 1 },
                          { "duration": 400, "shape": "cosine", "end_lr_fraction": 0.1 } ],
              "override_decay": { "start": 300, "duration": 100, "end_lr": 0 } }
            """;

        var schedule = ScheduleConfiguration.Load(Json).Get<ILearningRateSchedule>();

        schedule.ShouldEqualEverywhere(
            OlmoCore.ComposableScheduler(3e-4, [new(100, StartLr: 0, EndLrFraction: 1), new(400, "cosine", EndLrFraction: 0.1)], new OverrideDecay(300, 100, EndLr: 0)),
            "ComposableScheduler from JSON");
        ScheduleConfiguration.FindType("olmo_core.ComposableScheduler")!.Parameters.Select(p => p.Name).Should().Equal("lr", "stages", "override_decay");

        ScheduleLoadResult bad = ScheduleConfiguration.Load(Json.Replace("\"duration\": 400", "\"duration\": 0", StringComparison.Ordinal));
        bad.Problems.Should().ContainSingle().Which.Should().Match<ScheduleProblem>(p => p.Path == "stages:1:duration"
            && p.Message.Contains("'duration' must be > 0 for every stage.", StringComparison.Ordinal) && p.Message.Contains("but was 0", StringComparison.Ordinal));
        ScheduleLoadResult both = ScheduleConfiguration.Load(Json.Replace("\"end_lr\": 0", "\"end_lr\": 0, \"end_lr_fraction\": 0", StringComparison.Ordinal));
        both.Problems.Should().ContainSingle().Which.Path.Should().Be("override_decay:end_lr_fraction");
    }

    [Fact]
    public void The_olmo_composable_gallery_configuration_builds()
    {
        string file = Path.Combine(LrSchedules.Tests.Conformance.GoldenFile.RepositoryRoot(), "samples", "configs", "gallery", "olmo_core.optim.scheduler.ComposableScheduler.json");

        ScheduleConfiguration.Load(File.ReadAllText(file)).Get<ILearningRateSchedule>().ShouldEqualEverywhere(
            OlmoCore.ComposableScheduler(0.1, [new(100, StartLr: 0.0, EndLrFraction: 1.0), new(600, "cosine", EndLrFraction: 0.1)], new OverrideDecay(800, 150, EndLr: 0.0)),
            "the gallery's ComposableScheduler");
    }

    [Fact]
    public void Megatron_launch_config_builds_both_series()
    {
        const string Json = """
            { "Type": "megatron.training.training.get_optimizer_param_scheduler", "lr": 3e-4, "min_lr": 3e-5,
              "global_batch_size": 256, "train_iters": 10000, "lr_warmup_iters": 500, "lr_decay_style": "WSD",
              "lr_wsd_decay_style": "linear", "lr_wsd_decay_iters": 2000,
              "start_weight_decay": 0.0, "end_weight_decay": 0.1, "weight_decay_incr_style": "linear" }
            """;

        var built = ScheduleConfiguration.Load(Json).Get<MegatronSchedules>();
        MegatronSchedules expected = Megatron.GetOptimizerParamScheduler(3e-4, 256, trainIters: 10000, minLr: 3e-5, lrDecayStyle: "WSD",
            lrWarmupIters: 500, lrWsdDecayStyle: "linear", lrWsdDecayIters: 2000, startWeightDecay: 0.0, endWeightDecay: 0.1, weightDecayIncrStyle: "linear");

        built.LearningRate.ShouldEqualEverywhere(expected.LearningRate, "learning rate");
        built.WeightDecay.ShouldEqualEverywhere(expected.WeightDecay, "weight decay");
    }

    [Fact]
    public void Timm_create_scheduler_v2_configures_the_scheduler_it_returns()
    {
        const string Json = """
            { "Type": "timm.scheduler.create_scheduler_v2", "lr": 0.1, "sched": "multistep", "num_epochs": 6,
              "decay_milestones": [2, 4], "decay_rate": 0.5, "step_on_epochs": false, "updates_per_epoch": 10 }
            """;

        var schedule = ScheduleConfiguration.Load(Json).Get<ILearningRateSchedule>();
        LearningRateSchedule expected = Timm.CreateSchedulerV2(0.1, "multistep", numEpochs: 6, decayMilestones: [2, 4], decayRate: 0.5, stepOnEpochs: false, updatesPerEpoch: 10).Scheduler.Schedule!;

        schedule.ShouldEqualEverywhere(expected, "create_scheduler_v2's scheduler (the epoch count it also returns is not configuration)");
        string described = ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(expected), indented: false);
        described.Should().Contain("\"decay_milestones\":[2,4]", "the milestones as given, in epochs, not as scaled to updates");
        ScheduleConfiguration.Load(described).Get<ILearningRateSchedule>().ShouldEqualEverywhere(expected, "described and read back");
    }

    [Fact]
    public void Get_scheduler_reduce_lr_on_plateau_configures_the_controller_and_describes_it_back()
    {
        const string Json = """
            { "Type": "transformers.get_scheduler", "name": "reduce_lr_on_plateau", "lr": 0.1,
              "scheduler_specific_kwargs": { "factor": 0.5, "patience": 1, "mode": "max" } }
            """;

        ReduceLearningRateOnPlateau plateau = ScheduleConfiguration.Load(Json).Get<ReduceLearningRateOnPlateau>();
        ReduceLearningRateOnPlateau expected = Transformers.GetReduceOnPlateauSchedule(0.1, mode: "max", factor: 0.5, patience: 1);
        plateau.Options.Should().Be(expected.Options);
        plateau.CurrentLearningRate.Should().Be(0.1);

        string described = ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(plateau), indented: false);
        described.Should().Contain("\"Type\":\"transformers.get_scheduler\"").And.Contain("reduce_lr_on_plateau");
        ScheduleConfiguration.Load(described).Get<ReduceLearningRateOnPlateau>().Options.Should().Be(expected.Options);

        Action asSchedule = () => ScheduleConfiguration.Load(Json).Get<ILearningRateSchedule>();
        asSchedule.Should().Throw<ScheduleConfigurationException>().WithMessage("*which builds a ReduceLearningRateOnPlateau*");
        ScheduleConfiguration.Load(Json, typeof(ILearningRateSchedule)).Problems.Should().ContainSingle()
            .Which.Message.Should().Contain("with these arguments builds a ReduceLearningRateOnPlateau");
    }

    [Fact]
    public void Timm_create_scheduler_v2_plateau_configures_the_controller_over_timms_warmup()
    {
        const string Json = """
            { "Type": "timm.scheduler.create_scheduler_v2", "lr": 0.1, "sched": "plateau", "warmup_epochs": 3, "decay_rate": 0.5 }
            """;

        ReduceLearningRateOnPlateau plateau = ScheduleConfiguration.Load(Json).Get<ReduceLearningRateOnPlateau>();

        plateau.Options.IgnoredReports.Should().Be(3);
        plateau.Options.Factor.Should().Be(0.5);
        plateau.GetLearningRate(1).Should().Be(Timm.PlateauLRScheduler(0.1, warmupT: 3, warmupLrInit: 1e-5).GetLearningRate(1));
        ScheduleConfiguration.Load(Json).Built.Should().BeOfType<PortedScheduler>("read as anything, it is what the porting method returns");
    }

    [Fact]
    public void Plateau_options_take_ignored_reports_from_configuration()
    {
        const string Json = """
            { "Type": "ReduceOnPlateau", "Options": { "IgnoredReports": 4, "Patience": 0 }, "Schedule": { "Type": "Constant", "learningRate": 0.1 } }
            """;

        ScheduleConfiguration.Load(Json).Get<ReduceLearningRateOnPlateau>().Options.IgnoredReports.Should().Be(4);
        ScheduleConfiguration.Load(Json.Replace("\"IgnoredReports\": 4", "\"IgnoredReports\": -1", StringComparison.Ordinal)).Problems
            .Should().ContainSingle().Which.Message.Should().Contain("IgnoredReports must be >= 0 but was -1");
    }

    [Fact]
    public void A_schedule_built_with_a_delegate_has_no_description()
    {
        Action lambda = () => ScheduleConfiguration.Describe(Torch.LambdaLR(0.1, step => 1.0 / (step + 1)));
        Action scaleFn = () => ScheduleConfiguration.Describe(Torch.CyclicLR(0.001, 0.1, 10, scaleFn: x => 1.0));

        lambda.Should().Throw<NotSupportedException>().WithMessage("*LambdaLR*");
        scaleFn.Should().Throw<NotSupportedException>().WithMessage("*CyclicLR*delegate*");
        ScheduleConfiguration.Describe(Torch.CyclicLR(0.001, 0.1, 10)).Type.Should().Be("torch.optim.lr_scheduler.CyclicLR", "without scale_fn it is described");
    }

    [Fact]
    public void The_readme_examples_in_the_origins_words_build_what_the_csharp_calls_build()
    {
        string readme = File.ReadAllText(Path.Combine(LrSchedules.Tests.Conformance.GoldenFile.RepositoryRoot(), "README.md"));
        int start = readme.IndexOf("### From configuration, in the origin's own words", StringComparison.Ordinal);
        string section = readme[start..readme.IndexOf("[`docs/porting.md`]", start, StringComparison.Ordinal)];
        string[] examples = [.. System.Text.RegularExpressions.Regex.Matches(section, "```json\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline).Select(m => m.Groups[1].Value)];

        examples.Should().HaveCount(3);
        ScheduleConfiguration.Load(examples[0]).Get<ILearningRateSchedule>()
            .ShouldEqualEverywhere(Torch.OneCycleLR(maxLr: 0.1, totalSteps: 1000, pctStart: 0.25), "PyTorch OneCycleLR");
        ScheduleConfiguration.Load(examples[1]).Get<ILearningRateSchedule>().ShouldEqualEverywhere(
            Transformers.GetScheduler("cosine_with_min_lr", lr: 3e-4, numWarmupSteps: 100, numTrainingSteps: 1000,
                schedulerSpecificKwargs: new Dictionary<string, object?> { ["min_lr_rate"] = 0.1 }).Schedule!, "Hugging Face get_scheduler");
        MegatronSchedules megatron = ScheduleConfiguration.Load(examples[2]).Get<MegatronSchedules>();
        MegatronSchedules expected = Megatron.GetOptimizerParamScheduler(
            lr: 3e-4, globalBatchSize: 512, trainIters: 10_000, minLr: 3e-5, lrDecayStyle: "WSD",
            lrWsdDecayStyle: "exponential", lrWarmupIters: 500, lrWsdDecayIters: 2000);
        megatron.LearningRate.ShouldEqualEverywhere(expected.LearningRate, "Megatron WSD");
        megatron.WeightDecay.ShouldEqualEverywhere(expected.WeightDecay, "Megatron weight decay");
    }

    [Fact]
    public void The_porting_readme_example_builds()
    {
        string readme = File.ReadAllText(Path.Combine(LrSchedules.Tests.Conformance.GoldenFile.RepositoryRoot(), "src", "LrSchedules.Porting", "README.md"));
        string json = System.Text.RegularExpressions.Regex.Match(readme, "```json\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;

        ScheduleConfiguration.Load(json).Get<ILearningRateSchedule>().ShouldEqualEverywhere(Torch.CosineAnnealingLR(0.1, 100, 0.001), "CosineAnnealingLR");
    }

    private static string? Reason(MethodInfo method) =>
        method.GetCustomAttributes(false).FirstOrDefault(a => a.GetType().FullName == NotConfigurableAttribute) is { } attribute
            ? (string)attribute.GetType().GetProperty("Reason")!.GetValue(attribute)!
            : null;

    private static string OriginPrefix(Type origin)
    {
        object attribute = origin.GetCustomAttributes(false).Single(a => a.GetType().FullName == FactoriesAttribute);
        return (string)attribute.GetType().GetProperty("Prefix")!.GetValue(attribute)!;
    }

    [Fact]
    public void A_step_map_given_a_single_value_in_iconfiguration_is_reported()
    {
        // IConfiguration shows an object of numeric keys as a list; a key with a value and no children is neither.
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Run:Type"] = "optax.piecewise_constant_schedule",
            ["Run:init_value"] = "1",
            ["Run:boundaries_and_scales"] = "5",
        }).Build();

        ScheduleConfiguration.LoadSection(configuration.GetSection("Run")).Problems.Select(p => p.Message).Should().Equal(
            "Run:boundaries_and_scales must be an object of step: number but was '5'.");
    }

    [Fact]
    public void The_description_holds_the_entries_of_a_map_that_were_read_and_leaves_out_one_that_was_not()
    {
        ScheduleLoadResult steps = ScheduleConfiguration.Load("""{ "Type": "optax.piecewise_constant_schedule", "init_value": 1.0, "boundaries_and_scales": { " 10": 0.5, "30": 0.1 } }""");
        ScheduleConfiguration.ToJson(steps.Description!, indented: false)
            .Should().Be("""{"Type":"optax.piecewise_constant_schedule","init_value":1,"boundaries_and_scales":{"10":0.5,"30":0.1}}""");

        const string Kwargs = """
            { "Type": "transformers.get_scheduler", "name": "cosine_with_min_lr", "lr": 0.001, "num_warmup_steps": 100, "num_training_steps": 1000,
              "scheduler_specific_kwargs": { "min_lr_rate": 0.1, "min_lr": MIN_LR } }
            """;
        ScheduleLoadResult objectValue = ScheduleConfiguration.Load(Kwargs.Replace("MIN_LR", """{ "value": 0 }""", StringComparison.Ordinal));
        objectValue.Problems.Select(p => p.Message).Should().Equal("scheduler_specific_kwargs:min_lr must be a number, text, true or false but was an object.");
        ScheduleConfiguration.ToJson(objectValue.Description!, indented: false).Should().EndWith("""
            "scheduler_specific_kwargs":{"min_lr_rate":0.1}}
            """);

        // A Python None is a keyword argument like any other: passed, and kept in the description.
        ScheduleLoadResult none = ScheduleConfiguration.Load(Kwargs.Replace("MIN_LR", "null", StringComparison.Ordinal));
        none.Problems.Should().BeEmpty();
        ScheduleConfiguration.ToJson(none.Description!, indented: false).Should().EndWith("""
            "scheduler_specific_kwargs":{"min_lr_rate":0.1,"min_lr":null}}
            """);
    }

    [Fact]
    public void A_null_keyword_argument_from_iconfiguration_is_null_as_from_json()
    {
        // appsettings.json's "min_lr": null reaches IConfiguration as a key with an empty value.
        const string Json = """
            { "Run": { "Type": "transformers.get_scheduler", "name": "cosine_with_min_lr", "lr": 0.001, "num_warmup_steps": 100, "num_training_steps": 1000,
              "scheduler_specific_kwargs": { "min_lr_rate": 0.1, "min_lr": null } } }
            """;
        IConfiguration configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Json))).Build();

        ScheduleLoadResult result = ScheduleConfiguration.LoadSection(configuration.GetSection("Run"));

        result.Problems.Should().BeEmpty();
        var kwargs = (ScheduleDescription)result.Description!.Parameters["scheduler_specific_kwargs"]!;
        kwargs.Parameters.Should().ContainKey("min_lr").WhoseValue.Should().BeNull();
    }
}
