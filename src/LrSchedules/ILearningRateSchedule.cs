namespace LrSchedules;

/// <summary>
/// A learning-rate schedule: the learning rate that the optimizer step with a given zero-based index uses.
/// </summary>
/// <remarks>
/// <para>Every implementation in this library keeps this contract, and an implementation written by a user should too:</para>
/// <list type="bullet">
/// <item><description><b>Pure.</b> The same <c>step</c> always gives the same value.</description></item>
/// <item><description><b>Immutable and thread-safe.</b> Nothing changes after construction, so any number of threads may query one instance at once.</description></item>
/// <item><description><b>Closed form.</b> A value never depends on an earlier call; steps may be queried in any order, which makes resuming from a checkpoint, plotting and data-parallel training trivial.</description></item>
/// <item><description><b>Allocation-free and flat in cost.</b> A query allocates nothing and costs O(1) in the step index (O(log n) in the number of milestones of a multi-part schedule), from step 0 to step 10^12 and beyond.</description></item>
/// <item><description><b>Total.</b> Every step from 0 to <see cref="long.MaxValue"/> gives a finite, non-negative value; a negative step throws <see cref="ArgumentOutOfRangeException"/>.</description></item>
/// </list>
/// <para>Build schedules with the factories on <see cref="Schedule"/> and compose them with the extension methods on <see cref="ScheduleExtensions"/>.</para>
/// </remarks>
public interface ILearningRateSchedule
{
    /// <summary>Gets the learning rate used by the optimizer step with zero-based index <paramref name="step"/>.</summary>
    /// <param name="step">The zero-based index of the optimizer step (parameter update).</param>
    /// <returns>The learning rate, finite and non-negative.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    double GetLearningRate(long step);
}
