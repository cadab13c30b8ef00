using System.Text;
using LrSchedules.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LrSchedules.Extensions.Tests.DependencyInjection;

/// <summary>AddLearningRateSchedule: the options pattern, ValidateOnStart and the registered schedule.</summary>
public class ServiceCollectionTests
{
    private const string AppSettings = """
        {
          "Training": {
            "Schedule": {
              "Type": "Join",
              "Boundaries": [ 100 ],
              "Schedules": [
                { "Type": "Linear", "InitialLearningRate": 0.0, "FinalLearningRate": 0.1, "TotalSteps": 100 },
                { "Type": "Cosine", "InitialLearningRate": 0.1, "TotalSteps": 900, "FinalLearningRate": 0.001 }
              ]
            }
          }
        }
        """;

    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    private static readonly ILearningRateSchedule Expected =
        Schedule.Join([Schedule.Linear(0.0, 0.1, 100), Schedule.Cosine(0.1, 900, 0.001)], [100]);

    [Fact]
    public void The_schedule_of_an_appsettings_section_is_registered_as_a_singleton()
    {
        IConfiguration configuration = Json(AppSettings);
        using ServiceProvider provider = new ServiceCollection()
            .AddLearningRateSchedule(configuration.GetSection("Training:Schedule"))
            .BuildServiceProvider();

        var schedule = provider.GetRequiredService<ILearningRateSchedule>();

        schedule.ShouldEqualEverywhere(Expected, "from appsettings");
        provider.GetRequiredService<ILearningRateSchedule>().Should().BeSameAs(schedule);
        provider.GetRequiredService<IOptions<ScheduleDescription>>().Value.Schedules.Should().HaveCount(2);
    }

    [Fact]
    public void The_configuration_binder_binds_the_description_too()
    {
        IConfiguration configuration = Json(AppSettings);

        ScheduleDescription description = configuration.GetSection("Training:Schedule").Get<ScheduleDescription>()!;

        ScheduleConfiguration.BuildSchedule(description).ShouldEqualEverywhere(Expected, "bound by the binder");
        ScheduleConfiguration.Read(configuration.GetSection("Training:Schedule")).Should().BeEquivalentTo(description);
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
        failures.Should().Equal(
            "Training:Schedule:Schedules:0:Warmup is not a parameter of Linear; its parameters are InitialLearningRate, FinalLearningRate, TotalSteps.",
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
              "Encoder": { "Type": "Constant", "LearningRate": 0.01 },
              "Head": { "Type": "Cosine", "InitialLearningRate": 0.1, "TotalSteps": 10 },
              "Broken": { "Type": "Cosine", "TotalSteps": 10 }
            }
            """);
        using ServiceProvider provider = new ServiceCollection()
            .AddLearningRateSchedule("encoder", configuration.GetSection("Encoder"))
            .AddLearningRateSchedule("head", configuration.GetSection("Head"))
            .AddLearningRateSchedule("broken", configuration.GetSection("Broken"))
            .BuildServiceProvider();

        provider.GetRequiredKeyedService<ILearningRateSchedule>("encoder").GetLearningRate(5).Should().Be(0.01);
        provider.GetRequiredKeyedService<ILearningRateSchedule>("head").Should().BeOfType<CosineSchedule>();
        var broken = () => provider.GetRequiredKeyedService<ILearningRateSchedule>("broken");
        broken.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal(
            "Broken:InitialLearningRate is required for Cosine (number, a finite number >= 0).");
    }

    [Fact]
    public void Empty_lists_and_nulls_of_appsettings_read_as_empty_and_absent()
    {
        IConfiguration configuration = Json("""
            { "S": { "Type": "MultiStep", "InitialLearningRate": 0.1, "Milestones": [], "DecayRate": 0.5, "Exponent": null } }
            """);

        ILearningRateSchedule schedule = ScheduleConfiguration.BuildSchedule(configuration.GetSection("S"));

        schedule.Should().BeOfType<MultiStepSchedule>().Which.Milestones.Should().BeEmpty();
        ScheduleConfiguration.Validate(configuration.GetSection("S")).Should().BeEmpty();
    }

    [Fact]
    public void Reduce_on_plateau_training_plans_and_the_smith_plan_register_from_configuration()
    {
        IConfiguration configuration = Json("""
            {
              "Plateau": { "Type": "ReduceOnPlateau", "Patience": 2, "Schedule": { "Type": "Constant", "LearningRate": 0.1 } },
              "Plan": { "Type": "TrainingPlan", "DatasetSize": 100, "LastBatch": "Drop", "BatchSizeSchedule": { "Type": "ConstantBatchSize", "BatchSize": 30 } },
              "Smith": {
                "Type": "IncreaseBatchSizeInsteadOfDecay", "Clock": "Epochs", "DatasetSize": 1400, "LastBatch": "Drop",
                "InitialBatchSize": 10, "MaximumBatchSize": 250, "Epochs": 60,
                "Schedule": { "Type": "MultiStep", "InitialLearningRate": 0.1, "Milestones": [30, 45, 55], "DecayRate": 0.2 }
              }
            }
            """);
        using ServiceProvider provider = new ServiceCollection()
            .AddReduceLearningRateOnPlateau(configuration.GetSection("Plateau"))
            .AddTrainingPlan(configuration.GetSection("Plan"))
            .AddBatchGrowthPlan(configuration.GetSection("Smith")) // its plan is not registered over the one above
            .BuildServiceProvider();

        var plateau = provider.GetRequiredService<IMetricDrivenSchedule>();
        plateau.Should().BeSameAs(provider.GetRequiredService<ReduceLearningRateOnPlateau>());
        provider.GetRequiredService<ReduceLearningRateOnPlateau>().Options.Patience.Should().Be(2);
        provider.GetRequiredService<TrainingPlan>().GetBatchSize(2).Should().Be(30);
        var smith = provider.GetRequiredService<BatchGrowthPlan>();
        provider.GetRequiredService<ILearningRateSchedule>().Should().BeSameAs(smith.LearningRate);
        smith.GetTotalSteps(60).Should().Be(4_695);
    }

    [Fact]
    public void A_training_plan_registration_rejects_a_description_of_another_kind()
    {
        IConfiguration configuration = Json("""{ "Plan": { "Type": "ConstantBatchSize", "BatchSize": 30 } }""");
        using ServiceProvider provider = new ServiceCollection().AddTrainingPlan(configuration.GetSection("Plan")).BuildServiceProvider();

        var act = () => provider.GetRequiredService<TrainingPlan>();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Single()
            .Should().Be("Plan:Type must be a training plan type (TrainingPlan) but was 'ConstantBatchSize', a batch-size schedule type.");
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
}
