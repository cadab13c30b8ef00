using System.Text;
using LrSchedules.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LrSchedules.Extensions.Tests.DependencyInjection;

/// <summary>AddLearningRateSchedule and its siblings: one read, every problem when the host starts, one build.</summary>
public class ServiceCollectionTests
{
    private const string AppSettings = """
        {
          "Training": {
            "Schedule": {
              "Type": "Join",
              "Boundaries": [ 100 ],
              "Schedules": [
                { "Type": "Cosine", "InitialLearningRate": 0.0, "FinalLearningRate": 0.0, "TotalSteps": 100 },
                { "Type": "Cosine", "InitialLearningRate": 0.1, "TotalSteps": 900, "FinalLearningRate": 0.001 }
              ]
            }
          }
        }
        """;

    private static readonly ILearningRateSchedule Expected =
        Schedule.Join(
            [
                Schedule.Cosine(initialLearningRate: 0.0, finalLearningRate: 0.0, totalSteps: 100),
                Schedule.Cosine(initialLearningRate: 0.1, finalLearningRate: 0.001, totalSteps: 900),
            ],
            [100]);

    private const string SmithPlan = """
        { "Type": "IncreaseBatchSizeInsteadOfDecay", "Clock": "Epochs", "DatasetSize": 10000, "LastBatch": "Drop",
          "InitialBatchSize": 50, "MaximumBatchSize": 800, "Epochs": 12,
          "LearningRate": { "Type": "MultiStep", "InitialLearningRate": 0.1, "Milestones": [ 4, 7, 10 ], "DecayFactor": 0.25 } }
        """;

    private const string Plan = """
        { "Type": "Plan", "DatasetSize": 10000, "LastBatch": "Drop",
          "BatchSizeSchedule": { "Type": "Piecewise", "InitialBatchSize": 50, "Changes": [ { "Threshold": 100, "BatchSize": 100 } ], "Clock": "Steps" } }
        """;

    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    [Fact]
    public void The_schedule_of_an_appsettings_section_is_a_singleton_and_the_options_hold_what_was_read()
    {
        IConfiguration configuration = Json(AppSettings);
        using ServiceProvider provider = new ServiceCollection()
            .AddLearningRateSchedule(configuration.GetSection("Training:Schedule"))
            .BuildServiceProvider();

        var schedule = provider.GetRequiredService<ILearningRateSchedule>();

        schedule.ShouldEqualEverywhere(Expected, "from appsettings");
        provider.GetRequiredService<ILearningRateSchedule>().Should().BeSameAs(schedule);
        ScheduleDescription options = provider.GetRequiredService<IOptions<ScheduleDescription>>().Value;
        options.Type.Should().Be("Join");
        options.Parameters["Schedules"].Should().BeAssignableTo<IList<object?>>().Which.Should().HaveCount(2);
    }

    [Fact]
    public async Task The_section_is_read_once_for_the_options_the_validation_and_the_schedule()
    {
        var counting = new CountingSource(AppSettings);
        var once = new CountingSource(AppSettings);
        ScheduleConfiguration.LoadSection(new ConfigurationBuilder().Add(once).Build().GetSection("Training:Schedule"));

        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ((IConfigurationBuilder)builder.Configuration).Add(counting);
        builder.Services.AddLearningRateSchedule(builder.Configuration.GetSection("Training:Schedule"));
        using IHost host = builder.Build();
        await host.StartAsync();
        _ = host.Services.GetRequiredService<ILearningRateSchedule>();
        _ = host.Services.GetRequiredService<IOptions<ScheduleDescription>>().Value;
        _ = host.Services.GetRequiredService<IOptionsMonitor<ScheduleDescription>>().Get(Options.DefaultName);
        await host.StopAsync();

        once.Reads.Should().BePositive();
        counting.Reads.Should().Be(once.Reads, "start-up validation, the options and the schedule share one read of the section");
    }

    [Fact]
    public async Task A_host_with_an_invalid_schedule_fails_when_it_starts_with_every_problem_and_its_path()
    {
        string bad = AppSettings.Replace("\"TotalSteps\": 900", "\"TotalSteps\": 0", StringComparison.Ordinal)
            .Replace("\"InitialLearningRate\": 0.0", "\"InitialLearningRate\": -1, \"Warmup\": 5", StringComparison.Ordinal);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(bad)));
        builder.Services.AddLearningRateSchedule(builder.Configuration.GetSection("Training:Schedule"));
        using IHost host = builder.Build();

        var start = () => host.StartAsync();

        var failures = (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Failures;
        string parameters = string.Join(", ", ScheduleConfiguration.FindType("Cosine")!.Parameters.Select(p => p.Name));
        failures.Should().Equal(
            $"Training:Schedule:Schedules:0:Warmup is not a parameter of Cosine; its parameters are {parameters}.",
            "Training:Schedule:Schedules:0:InitialLearningRate must be a finite number >= 0 but was -1.",
            "Training:Schedule:Schedules:1:TotalSteps must be > 0 but was 0.");
    }

    [Fact]
    public async Task A_valid_schedule_lets_the_host_start()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(AppSettings)));
        builder.Services.AddLearningRateSchedule(builder.Configuration.GetSection("Training:Schedule"));
        using IHost host = builder.Build();

        await host.StartAsync();

        host.Services.GetRequiredService<ILearningRateSchedule>().GetLearningRate(100).Should().Be(0.1);
        await host.StopAsync();
    }

    [Fact]
    public void Named_schedules_are_keyed_services_validated_separately()
    {
        IConfiguration configuration = Json("""
            {
              "Encoder": { "Type": "Cosine", "InitialLearningRate": 0.01, "TotalSteps": 10, "FinalLearningRate": 0.01 },
              "Head": { "Type": "Cosine", "InitialLearningRate": 0.1, "FinalLearningRate": 0, "TotalSteps": 10 },
              "Broken": { "Type": "Cosine", "FinalLearningRate": 0, "TotalSteps": 10 }
            }
            """);
        using ServiceProvider provider = new ServiceCollection()
            .AddLearningRateSchedule("encoder", configuration.GetSection("Encoder"))
            .AddLearningRateSchedule("head", configuration.GetSection("Head"))
            .AddLearningRateSchedule("broken", configuration.GetSection("Broken"))
            .BuildServiceProvider();

        provider.GetRequiredKeyedService<ILearningRateSchedule>("encoder").GetLearningRate(5).Should().Be(0.01);
        provider.GetRequiredKeyedService<ILearningRateSchedule>("head").GetLearningRate(10).Should().Be(0.0);
        var broken = () => provider.GetRequiredKeyedService<ILearningRateSchedule>("broken");
        broken.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().StartWith("Broken:InitialLearningRate is required for Cosine (number): ");
    }

    [Fact]
    public void Empty_lists_and_nulls_of_appsettings_read_as_empty_and_absent()
    {
        IConfiguration configuration = Json("""
            { "S": { "Type": "MultiStep", "InitialLearningRate": 0.1, "Milestones": [], "DecayFactor": 0.5 } }
            """);

        ScheduleLoadResult result = ScheduleConfiguration.LoadSection(configuration.GetSection("S"));

        result.Problems.Should().BeEmpty();
        ((ILearningRateSchedule)result.Built!).GetLearningRate(1_000_000).Should().Be(0.1, "no milestone, no decay");
        result.Description!.Parameters["Milestones"].Should().BeAssignableTo<IList<object?>>().Which.Should().BeEmpty();

        IConfiguration unlimited = Json("""
            { "S": { "Type": "Tanh", "InitialLearningRate": 0.1, "FinalLearningRate": 0, "PeriodSteps": 10, "CycleLimit": null } }
            """);
        ILearningRateSchedule restarts = ScheduleConfiguration.Build<ILearningRateSchedule>(unlimited.GetSection("S"));
        restarts.GetLearningRate(1_000).Should().Be(restarts.GetLearningRate(0), "a null cycle limit restarts forever");
    }

    [Fact]
    public void Reduce_on_plateau_is_never_a_shared_instance_but_a_factory_that_makes_one_per_training_run()
    {
        IConfiguration configuration = Json("""
            { "Plateau": { "Type": "ReduceOnPlateau", "Options": { "Patience": 2 }, "Schedule": { "Type": "Cosine", "InitialLearningRate": 0.1, "FinalLearningRate": 0, "TotalSteps": 10 } } }
            """);
        using ServiceProvider provider = new ServiceCollection()
            .AddReduceLearningRateOnPlateau(configuration.GetSection("Plateau"))
            .BuildServiceProvider();

        var create = provider.GetRequiredService<Func<ReduceLearningRateOnPlateau>>();
        ReduceLearningRateOnPlateau first = create();
        ReduceLearningRateOnPlateau second = create();
        first.Report(1.0);
        first.Report(2.0);
        first.Report(3.0);
        first.Report(4.0);

        second.Should().NotBeSameAs(first);
        first.Options.Patience.Should().Be(2);
        first.CurrentLearningRate.Should().BeLessThan(second.CurrentLearningRate, "the second run does not see the first run's metrics");
        provider.GetRequiredService<Func<IMetricDrivenSchedule>>()().Should().NotBeSameAs(first);
        provider.GetService<ReduceLearningRateOnPlateau>().Should().BeNull("a container singleton would be shared by every run");
    }

    [Fact]
    public void An_invalid_plateau_description_fails_when_the_factory_is_resolved()
    {
        IConfiguration configuration = Json("""
            { "Plateau": { "Type": "ReduceOnPlateau", "Options": { "Factor": 2 }, "Schedule": { "Type": "Cosine", "InitialLearningRate": 0.1, "FinalLearningRate": 0, "TotalSteps": 10 } } }
            """);
        using ServiceProvider provider = new ServiceCollection().AddReduceLearningRateOnPlateau(configuration.GetSection("Plateau")).BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<Func<ReduceLearningRateOnPlateau>>();

        resolve.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle().Which.Should().StartWith("Plateau:Options").And.Contain("Factor");
    }

    [Fact]
    public void A_training_plan_registration_rejects_a_description_of_another_kind()
    {
        IConfiguration configuration = Json("""{ "Plan": { "Type": "Cosine", "InitialLearningRate": 0.1, "FinalLearningRate": 0, "TotalSteps": 10 } }""");
        using ServiceProvider provider = new ServiceCollection().AddTrainingPlan(configuration.GetSection("Plan")).BuildServiceProvider();

        var act = () => provider.GetRequiredService<TrainingPlan>();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Single()
            .Should().StartWith("Plan:Type must be the name of a type that builds a TrainingPlan").And.Contain("but was 'Cosine', which builds ");
    }

    [Fact]
    public void A_batch_growth_plan_registers_the_plan_its_learning_rate_and_its_training_plan_under_its_own_options_name()
    {
        IConfiguration configuration = Json(SmithPlan);
        using ServiceProvider provider = new ServiceCollection().AddBatchGrowthPlan(configuration).BuildServiceProvider();

        var plan = provider.GetRequiredService<BatchGrowthPlan>();

        provider.GetRequiredService<BatchGrowthPlan>().Should().BeSameAs(plan);
        provider.GetRequiredService<ILearningRateSchedule>().Should().BeSameAs(plan.LearningRate);
        provider.GetRequiredService<TrainingPlan>().Should().BeSameAs(plan.Plan);
        plan.InitialBatchSize.Should().Be(50);
        plan.MaximumBatchSize.Should().Be(800);
        provider.GetRequiredService<IOptionsMonitor<ScheduleDescription>>().Get("LrSchedules.BatchGrowthPlan").Type
            .Should().Be("IncreaseBatchSizeInsteadOfDecay");
    }

    [Fact]
    public void A_batch_growth_plan_leaves_a_learning_rate_and_a_training_plan_registered_before_it()
    {
        IConfiguration configuration = Json(SmithPlan);
        IConfiguration planConfiguration = Json(Plan);
        using ServiceProvider provider = new ServiceCollection()
            .AddLearningRateSchedule(Json(AppSettings).GetSection("Training:Schedule"))
            .AddTrainingPlan(planConfiguration)
            .AddBatchGrowthPlan(configuration)
            .BuildServiceProvider();

        provider.GetRequiredService<ILearningRateSchedule>().ShouldEqualEverywhere(Expected, "registered first");
        provider.GetRequiredService<TrainingPlan>().Should().NotBeSameAs(provider.GetRequiredService<BatchGrowthPlan>().Plan);
        provider.GetRequiredService<TrainingPlan>().DatasetSize.Should().Be(10_000);
    }

    [Fact]
    public void A_training_plan_and_a_plateau_description_are_options_named_after_their_type()
    {
        IConfiguration plan = Json(Plan);
        IConfiguration plateau = Json("""
            { "Type": "ReduceOnPlateau", "Options": { "Patience": 2 }, "Schedule": { "Type": "Cosine", "InitialLearningRate": 0.1, "FinalLearningRate": 0, "TotalSteps": 10 } }
            """);
        using ServiceProvider provider = new ServiceCollection()
            .AddTrainingPlan(plan)
            .AddReduceLearningRateOnPlateau(plateau)
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<ScheduleDescription>>();

        options.Get("LrSchedules.TrainingPlan").Type.Should().Be("Plan");
        options.Get("LrSchedules.ReduceLearningRateOnPlateau").Type.Should().Be("ReduceOnPlateau");
        options.Get(Options.DefaultName).Type.Should().BeNull("no learning-rate schedule is registered");
    }

    [Fact]
    public void The_registered_validator_passes_a_valid_description_skips_other_names_and_fails_an_invalid_one_with_every_message()
    {
        IConfiguration configuration = Json("""
            { "Good": { "Type": "Cosine", "InitialLearningRate": 0.1, "FinalLearningRate": 0, "TotalSteps": 10 },
              "Bad": { "Type": "Cosine", "InitialLearningRate": -1, "FinalLearningRate": 0, "TotalSteps": 10, "Warmup": 5 } }
            """);
        using ServiceProvider provider = new ServiceCollection()
            .AddLearningRateSchedule(configuration.GetSection("Good"))
            .AddLearningRateSchedule("bad", configuration.GetSection("Bad"))
            .BuildServiceProvider();
        IValidateOptions<ScheduleDescription>[] validators = [.. provider.GetServices<IValidateOptions<ScheduleDescription>>()];
        var description = new ScheduleDescription("Cosine");

        validators.Should().HaveCount(2);
        ValidateOptionsResult good = validators[0].Validate(Options.DefaultName, description);
        good.Succeeded.Should().BeTrue();
        good.Failed.Should().BeFalse();
        validators[0].Validate("bad", description).Skipped.Should().BeTrue();
        validators[0].Validate(null, description).Succeeded.Should().BeTrue("a null name is the default name");
        validators[1].Validate(Options.DefaultName, description).Skipped.Should().BeTrue();
        string parameters = string.Join(", ", ScheduleConfiguration.FindType("Cosine")!.Parameters.Select(p => p.Name));
        validators[1].Validate("bad", description).Failures.Should().Equal(
            $"Bad:Warmup is not a parameter of Cosine; its parameters are {parameters}.",
            "Bad:InitialLearningRate must be a finite number >= 0 but was -1.");
    }

    [Fact]
    public void Arguments_are_checked_services_first()
    {
        FluentActions.Invoking(() => ((IServiceCollection)null!).AddLearningRateSchedule(null!))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("services");
        FluentActions.Invoking(() => new ServiceCollection().AddTrainingPlan(null!))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("configuration");
    }

    [Fact]
    public void Arguments_are_checked()
    {
        var services = new ServiceCollection();
        IConfiguration configuration = Json("{}");

        FluentActions.Invoking(() => services.AddLearningRateSchedule(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => services.AddLearningRateSchedule("", configuration)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => ((IServiceCollection)null!).AddLearningRateSchedule(configuration)).Should().Throw<ArgumentNullException>();
    }

    /// <summary>A JSON configuration source that counts how often the type of the schedule is read.</summary>
    private sealed class CountingSource(string json) : IConfigurationSource
    {
        private readonly CountingProvider _provider = new(json);

        public int Reads => _provider.Reads;

        public IConfigurationProvider Build(IConfigurationBuilder builder) => _provider;

        private sealed class CountingProvider : MemoryConfigurationProvider
        {
            public CountingProvider(string json)
                : base(new MemoryConfigurationSource())
            {
                foreach (KeyValuePair<string, string?> pair in Json(json).AsEnumerable())
                {
                    Set(pair.Key, pair.Value);
                }
            }

            public int Reads { get; private set; }

            public override bool TryGet(string key, out string? value)
            {
                if (string.Equals(key, "Training:Schedule:Type", StringComparison.OrdinalIgnoreCase))
                {
                    Reads++;
                }

                return base.TryGet(key, out value);
            }
        }
    }
}
