using System.Diagnostics.CodeAnalysis;

namespace LrSchedules.Porting;

/// <summary>
/// What a porting method whose origin picks the scheduler by name returns: exactly one of a pure schedule
/// (<see cref="Schedule"/>) or a metric-driven controller (<see cref="Plateau"/>), as the name decides —
/// <see cref="Transformers.GetScheduler"/>'s <c>"reduce_lr_on_plateau"</c> and <see cref="Timm.CreateSchedulerV2"/>'s
/// <c>"plateau"</c> give a controller, every other name a schedule.
/// </summary>
/// <remarks>
/// <para>Public because the origin's one call returns either kind, and a training loop must know which: a schedule is
/// read at each step (<see cref="ILearningRateSchedule.GetLearningRate(long)"/>), a controller is also told the metric
/// after each step or epoch (<see cref="ReduceLearningRateOnPlateau.Report(double)"/>), as the origin's training loop
/// calls <c>scheduler.step()</c> or <c>scheduler.step(metric)</c>.</para>
/// <para>Immutable itself; <see cref="Plateau"/> is the mutable controller of one training run.</para>
/// </remarks>
public sealed class PortedScheduler
{
    internal PortedScheduler(LearningRateSchedule schedule) => Schedule = schedule;

    internal PortedScheduler(ReduceLearningRateOnPlateau plateau) => Plateau = plateau;

    /// <summary>Gets the schedule; null when the name gives a metric-driven controller (<see cref="IsMetricDriven"/>).</summary>
    public LearningRateSchedule? Schedule { get; }

    /// <summary>Gets the metric-driven controller (one per training run); null when the name gives a pure schedule.</summary>
    public ReduceLearningRateOnPlateau? Plateau { get; }

    /// <summary>Gets a value indicating whether the name gives a metric-driven controller (<see cref="Plateau"/> is set) rather than a pure schedule (<see cref="Schedule"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(Plateau))]
    [MemberNotNullWhen(false, nameof(Schedule))]
    public bool IsMetricDriven => Plateau is not null;

    /// <summary>Gets the learning rate at <paramref name="step"/>: the schedule's, or the controller's given the metrics reported so far.</summary>
    /// <param name="step">A zero-based step, ≥ 0.</param>
    /// <returns>The learning rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public double GetLearningRate(long step) => IsMetricDriven ? Plateau.GetLearningRate(step) : Schedule.GetLearningRate(step);
}
