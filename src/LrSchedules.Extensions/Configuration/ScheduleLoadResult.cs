namespace LrSchedules.Configuration;

/// <summary>
/// What one read of a description gives: the description, every problem with its path, and what it builds. Immutable.
/// </summary>
/// <remarks>
/// The problems are every structural problem of the whole tree (an unknown type or key, with "did you mean" when a
/// known name is close; a missing required key; a value that cannot be read; an object where a number belongs), and,
/// for each node whose own structure and children are fine, the problem its factory finds in the arguments. A factory
/// stops at its first bad argument, so a node reports at most one range problem: fix it and the next shows.
/// </remarks>
public sealed class ScheduleLoadResult
{
    internal ScheduleLoadResult(ScheduleDescription? description, IReadOnlyList<ScheduleProblem> problems, object? built)
    {
        Description = description;
        Problems = problems;
        Built = built;
    }

    /// <summary>Gets the description that was read; null only when the text is not JSON or the root is not a description with a known type.</summary>
    public ScheduleDescription? Description { get; }

    /// <summary>Gets every problem, each with its configuration path, in the order of the description; empty when it builds.</summary>
    public IReadOnlyList<ScheduleProblem> Problems { get; }

    /// <summary>Gets what the description builds (a learning-rate schedule, a training plan, a batch-size schedule, …); null when there is a problem.</summary>
    public object? Built { get; }

    /// <summary>Gets a value indicating whether the description builds: there is no problem.</summary>
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Gets what the description builds, as a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type expected, e.g. <see cref="ILearningRateSchedule"/>.</typeparam>
    /// <returns>The built object.</returns>
    /// <remarks>A porting method that chooses by name between a schedule and a plateau controller
    /// (<c>transformers.get_scheduler</c>, <c>timm.scheduler.create_scheduler_v2</c>) builds a
    /// <see cref="Porting.PortedScheduler"/>: asked for a <see cref="LearningRateSchedule"/> or a
    /// <see cref="Plateau.ReduceLearningRateOnPlateau"/>, this returns the one the name chose.</remarks>
    /// <exception cref="ScheduleConfigurationException">There is a problem (every one is listed), or the description builds something else.</exception>
    public T Get<T>()
        where T : class
    {
        if (!Succeeded)
        {
            throw new ScheduleConfigurationException(Problems);
        }

        return Internal.Factories.Unwrapped(Built!, typeof(T)) as T ?? throw new ScheduleConfigurationException(
            [new ScheduleProblem("Type", $"Type must be the name of a type that builds {Internal.Binder.Article(typeof(T).Name)} but was '{Description?.Type}', which builds {Internal.Binder.Article(Unwrapped(Built!).GetType().Name)}.")]);
    }

    private static object Unwrapped(object built) => built is Porting.PortedScheduler ported ? Internal.Factories.Chosen(ported) : built;
}
