using LrSchedules;
using LrSchedules.Configuration;
using LrSchedules.Configuration.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers schedules, training plans and reduce-on-plateau described in configuration, validated when the host starts.</summary>
public static class ScheduleServiceCollectionExtensions
{
    /// <summary>
    /// Registers the learning-rate schedule described by a configuration section as a singleton
    /// <see cref="ILearningRateSchedule"/>, with the description bound as options (<see cref="ScheduleDescription"/>) and
    /// validated on start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section that holds the description, e.g. <c>configuration.GetSection("Training:Schedule")</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>
    /// <para>
    /// A host that starts with an invalid description fails at start-up with an <see cref="OptionsValidationException"/>
    /// listing every problem, each with its configuration path (<c>Training:Schedule:Schedules:1:TotalSteps must be &gt; 0 but
    /// was 0.</c>): unknown keys, values that are not numbers, unknown types, missing and out-of-range parameters.
    /// </para>
    /// <para>The schedule is built once, from the options as they are when it is first resolved; it is immutable and thread-safe.</para>
    /// </remarks>
    public static IServiceCollection AddLearningRateSchedule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddBuilt<ILearningRateSchedule>(services, configuration);
    }

    /// <summary>
    /// Registers the training plan described by a configuration section (a <c>TrainingPlan</c> description: dataset size,
    /// batch-size schedule, last batch) as a singleton <see cref="TrainingPlan"/>, validated on start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section that holds the description.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>The description is bound as options named <c>LrSchedules.TrainingPlan</c>, apart from the learning-rate schedule's.</remarks>
    public static IServiceCollection AddTrainingPlan(this IServiceCollection services, IConfiguration configuration) =>
        AddBuilt<TrainingPlan>(services, configuration);

    /// <summary>
    /// Registers the plan of <see cref="BatchSchedule.IncreaseBatchSizeInsteadOfDecay"/> described by a configuration
    /// section as a singleton <see cref="BatchGrowthPlan"/>, with its learning rate as the <see cref="ILearningRateSchedule"/>
    /// and its plan as the <see cref="TrainingPlan"/>, validated on start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section that holds the description.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>The learning rate and the plan are registered only if no <see cref="ILearningRateSchedule"/> or <see cref="TrainingPlan"/> is registered yet.</remarks>
    public static IServiceCollection AddBatchGrowthPlan(this IServiceCollection services, IConfiguration configuration)
    {
        AddBuilt<BatchGrowthPlan>(services, configuration);
        services.TryAddSingleton<ILearningRateSchedule>(provider => provider.GetRequiredService<BatchGrowthPlan>().LearningRate);
        services.TryAddSingleton(provider => provider.GetRequiredService<BatchGrowthPlan>().Plan);
        return services;
    }

    /// <summary>
    /// Registers the reduce-on-plateau schedule described by a configuration section as a singleton
    /// <see cref="ReduceLearningRateOnPlateau"/> and <see cref="IMetricDrivenSchedule"/>, validated on start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section that holds the description (<c>"Type": "ReduceOnPlateau"</c>).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>
    /// Unlike every other schedule, reduce-on-plateau is mutable and not thread-safe: the one instance of the container
    /// takes the metrics of one training run, reported from one thread.
    /// </remarks>
    public static IServiceCollection AddReduceLearningRateOnPlateau(this IServiceCollection services, IConfiguration configuration)
    {
        AddBuilt<ReduceLearningRateOnPlateau>(services, configuration);
        services.AddSingleton<IMetricDrivenSchedule>(provider => provider.GetRequiredService<ReduceLearningRateOnPlateau>());
        return services;
    }

    private static IServiceCollection AddBuilt<T>(IServiceCollection services, IConfiguration configuration)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ScheduleCategory category = ScheduleConfiguration.CategoryOf(typeof(T));
        string name = category == ScheduleCategory.LearningRate ? Options.Options.DefaultName : "LrSchedules." + typeof(T).Name;
        string path = AddDescription(services, name, configuration, category);
        services.AddSingleton(provider =>
            ScheduleConfiguration.Build<T>(provider.GetRequiredService<IOptionsMonitor<ScheduleDescription>>().Get(name), path));
        return services;
    }

    /// <summary>
    /// Registers the learning-rate schedule described by a configuration section as a keyed singleton
    /// <see cref="ILearningRateSchedule"/> (key <paramref name="name"/>), with the description bound as named options and
    /// validated on start: one registration per schedule, e.g. one per parameter group.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The service key and options name; not empty.</param>
    /// <param name="configuration">The section that holds the description.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <remarks>Resolve the schedule with <c>GetRequiredKeyedService&lt;ILearningRateSchedule&gt;(name)</c> or <c>[FromKeyedServices(name)]</c>.</remarks>
    public static IServiceCollection AddLearningRateSchedule(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configuration);
        string path = AddDescription(services, name, configuration, ScheduleCategory.LearningRate);
        services.AddKeyedSingleton<ILearningRateSchedule>(name, (provider, _) =>
            ScheduleConfiguration.BuildSchedule(provider.GetRequiredService<IOptionsMonitor<ScheduleDescription>>().Get(name), path));
        return services;
    }

    private static string AddDescription(IServiceCollection services, string name, IConfiguration configuration, ScheduleCategory category)
    {
        var node = new ConfigurationNode(configuration);
        services.AddOptions<ScheduleDescription>(name)
            .Configure(description => Reader.ReadScheduleInto(new ConfigurationNode(configuration), description, []))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduleDescription>>(new DescriptionValidator(name, configuration, category));
        return node.Path;
    }

    /// <summary>Validates the named description: what could not be read from configuration, then what does not build.</summary>
    private sealed class DescriptionValidator : IValidateOptions<ScheduleDescription>
    {
        private readonly string _name;
        private readonly IConfiguration _configuration;
        private readonly ScheduleCategory _category;

        public DescriptionValidator(string name, IConfiguration configuration, ScheduleCategory category)
        {
            _name = name;
            _configuration = configuration;
            _category = category;
        }

        public ValidateOptionsResult Validate(string? name, ScheduleDescription options)
        {
            if (!string.Equals(name ?? Options.Options.DefaultName, _name, StringComparison.Ordinal))
            {
                return ValidateOptionsResult.Skip;
            }

            var node = new ConfigurationNode(_configuration);
            var read = new List<ScheduleProblem>();
            Reader.ReadSchedule(node, read);
            var built = new List<ScheduleProblem>();
            Builder.Build(options, node.Path, _category, built);
            List<ScheduleProblem> problems = LrSchedules.Configuration.Internal.Problems.Merge(read, built);
            return problems.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(problems.Select(p => p.Message));
        }
    }
}
