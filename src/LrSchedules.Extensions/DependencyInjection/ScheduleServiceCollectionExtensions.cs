using LrSchedules;
using LrSchedules.Batching;
using LrSchedules.Plateau;
using LrSchedules.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers schedules, training plans and reduce-on-plateau described in configuration: each section is read once,
/// every problem is reported when the host starts, and what it describes is built once.
/// </summary>
/// <remarks>
/// Each registration reads its section once, the first time the options or the service are asked for (at the latest
/// when the host starts, through <c>ValidateOnStart</c>), and keeps what it read and built: the
/// <see cref="ScheduleDescription"/> options, the problems the validator reports (every one, each with its configuration
/// path) and the built object are the same read. A change of the configuration after that is not seen (a schedule is
/// immutable; restart to change it).
/// </remarks>
public static class ScheduleServiceCollectionExtensions
{
    /// <summary>
    /// Registers the learning-rate schedule described by a configuration section as a singleton
    /// <see cref="ILearningRateSchedule"/>, with the description as options (<see cref="ScheduleDescription"/>) validated on start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section that holds the description, e.g. <c>configuration.GetSection("Training:Schedule")</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>
    /// A host that starts with an invalid description fails at start-up with an <see cref="OptionsValidationException"/>
    /// listing every problem, each with its configuration path (<c>Training:Schedule:Schedules:1:TotalSteps must be &gt; 0
    /// but was 0.</c>). The schedule is immutable and thread-safe: one instance serves the whole application.
    /// </remarks>
    public static IServiceCollection AddLearningRateSchedule(this IServiceCollection services, IConfiguration configuration)
    {
        Section section = AddSection<ILearningRateSchedule>(services, Options.Options.DefaultName, configuration);
        services.AddSingleton(provider => section.Build<ILearningRateSchedule>(provider));
        return services;
    }

    /// <summary>
    /// Registers the learning-rate schedule described by a configuration section as a keyed singleton
    /// <see cref="ILearningRateSchedule"/> (key <paramref name="name"/>), with the description as named options validated
    /// on start: one registration per schedule, e.g. one per parameter group.
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
        ArgumentException.ThrowIfNullOrEmpty(name);
        Section section = AddSection<ILearningRateSchedule>(services, name, configuration);
        services.AddKeyedSingleton(name, (provider, _) => section.Build<ILearningRateSchedule>(provider));
        return services;
    }

    /// <summary>
    /// Registers the training plan described by a configuration section (a <c>Plan</c> description: dataset size,
    /// batch-size schedule, last batch) as a singleton <see cref="TrainingPlan"/>, validated on start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section that holds the description.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>The description is bound as options named <c>LrSchedules.TrainingPlan</c>, apart from the learning-rate schedule's.</remarks>
    public static IServiceCollection AddTrainingPlan(this IServiceCollection services, IConfiguration configuration)
    {
        Section section = AddSection<TrainingPlan>(services, "LrSchedules." + nameof(TrainingPlan), configuration);
        services.AddSingleton(provider => section.Build<TrainingPlan>(provider));
        return services;
    }

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
        Section section = AddSection<BatchGrowthPlan>(services, "LrSchedules." + nameof(BatchGrowthPlan), configuration);
        services.AddSingleton(provider => section.Build<BatchGrowthPlan>(provider));
        services.TryAddSingleton<ILearningRateSchedule>(provider => provider.GetRequiredService<BatchGrowthPlan>().LearningRate);
        services.TryAddSingleton(provider => provider.GetRequiredService<BatchGrowthPlan>().Plan);
        return services;
    }

    /// <summary>
    /// Registers a factory of the reduce-on-plateau schedule described by a configuration section: a singleton
    /// <see cref="Func{TResult}"/> of <see cref="ReduceLearningRateOnPlateau"/> (and of <see cref="IMetricDrivenSchedule"/>)
    /// that makes a new instance on each call, validated on start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section that holds the description (<c>"Type": "ReduceOnPlateau"</c>).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>
    /// Reduce-on-plateau is not registered as a shared instance: unlike every other schedule it is mutable (it counts
    /// the metrics reported to it), so one instance belongs to one training run. Two runs, or a run and a retry, that
    /// shared a container singleton would see each other's metrics and reductions. Call the factory once per run; each
    /// instance starts with no report. The description is read and validated once; each call builds from it.
    /// </remarks>
    public static IServiceCollection AddReduceLearningRateOnPlateau(this IServiceCollection services, IConfiguration configuration)
    {
        Section section = AddSection<ReduceLearningRateOnPlateau>(services, "LrSchedules." + nameof(ReduceLearningRateOnPlateau), configuration);
        services.AddSingleton<Func<ReduceLearningRateOnPlateau>>(provider =>
        {
            section.Build<ReduceLearningRateOnPlateau>(provider);
            return section.Rebuild<ReduceLearningRateOnPlateau>;
        });
        services.AddSingleton<Func<IMetricDrivenSchedule>>(provider =>
        {
            Func<ReduceLearningRateOnPlateau> create = provider.GetRequiredService<Func<ReduceLearningRateOnPlateau>>();
            return () => create();
        });
        return services;
    }

    private static Section AddSection<T>(IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = new Section(name, configuration, typeof(T));
        services.AddOptions<ScheduleDescription>(name)
            .Configure(description => section.CopyTo(description))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduleDescription>>(section);
        return section;
    }

    /// <summary>One registered section: read and built once, on first use; its validator reports what that read found.</summary>
    private sealed class Section : IValidateOptions<ScheduleDescription>
    {
        private readonly string _name;
        private readonly Lazy<ScheduleLoadResult> _result;

        public Section(string name, IConfiguration configuration, Type expected)
        {
            _name = name;
            _result = new Lazy<ScheduleLoadResult>(() => ScheduleConfiguration.LoadSection(configuration, expected));
            // Stryker disable once NullCoalescing,String : Path only prefixes the problems of Rebuild, which runs only after the same description was read and built without a problem, so no problem (and no path) is ever shown
            Path = (configuration as IConfigurationSection)?.Path ?? string.Empty;
        }

        private string Path { get; }

        public void CopyTo(ScheduleDescription description)
        {
            if (_result.Value.Description is { } read)
            {
                description.Type = read.Type;
                foreach (KeyValuePair<string, object?> parameter in read.Parameters)
                {
                    description.Parameters[parameter.Key] = parameter.Value;
                }
            }
        }

        /// <summary>The object built by the one read, after the options (and so the validation) have been asked for.</summary>
        public T Build<T>(IServiceProvider provider)
            where T : class
        {
            _ = provider.GetRequiredService<IOptionsMonitor<ScheduleDescription>>().Get(_name);
            return _result.Value.Get<T>();
        }

        /// <summary>A new object from the description read once (reduce-on-plateau: one per training run).</summary>
        public T Rebuild<T>()
            where T : class => ScheduleConfiguration.Build<T>(_result.Value.Description!, Path);

        public ValidateOptionsResult Validate(string? name, ScheduleDescription options) =>
            !string.Equals(name ?? Options.Options.DefaultName, _name, StringComparison.Ordinal) ? ValidateOptionsResult.Skip
            : _result.Value.Succeeded ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(_result.Value.Problems.Select(p => p.Message));
    }
}
