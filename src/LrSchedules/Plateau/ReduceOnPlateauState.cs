namespace LrSchedules.Plateau;

/// <summary>
/// The complete state of a <see cref="ReduceLearningRateOnPlateau"/>, to save with a checkpoint and resume from
/// (<see cref="ScheduleExtensions.ReduceOnPlateau"/> with <c>state:</c>).
/// </summary>
/// <remarks>
/// An immutable value. The fields are PyTorch <c>ReduceLROnPlateau</c>'s (<c>torch/optim/lr_scheduler.py</c>):
/// <c>last_epoch</c>, <c>best</c>, <c>num_bad_epochs</c> and <c>cooldown_counter</c>, plus the number of reductions
/// made, which PyTorch keeps in the optimizer's learning rate instead. A state only makes sense with the schedule and
/// options of the instance that exported it. Restoring replays the reductions in order, so the restored rates equal the
/// original's bit for bit; a report makes at most one reduction, so the replay is never more work than the reports that
/// produced the state (and it stops early once the rate sits on its floor).
/// <para>Public because a checkpoint saves it and a resumed run passes it back.</para>
/// </remarks>
/// <param name="ReportCount">The number of metrics reported so far (PyTorch <c>last_epoch</c>); ≥ 0.</param>
/// <param name="Best">The best metric so far; +∞ (<see cref="PlateauMode.Min"/>) or −∞ (<see cref="PlateauMode.Max"/>) before the first report (PyTorch <c>best</c>, initially <c>mode_worse</c>). Never NaN.</param>
/// <param name="BadEpochs">The number of reports in a row without improvement since the last improvement, reduction or report in cooldown (PyTorch <c>num_bad_epochs</c>); in [0, <see cref="ReduceOnPlateauOptions.Patience"/>].</param>
/// <param name="CooldownCounter">The number of reports left in the cooldown (PyTorch <c>cooldown_counter</c>); in [0, <see cref="ReduceOnPlateauOptions.Cooldown"/>].</param>
/// <param name="Reductions">The number of reductions made so far; in [0, <paramref name="ReportCount"/>]. The current multiplier is <see cref="ReduceOnPlateauOptions.Factor"/> to this power.</param>
public readonly record struct ReduceOnPlateauState(long ReportCount, double Best, long BadEpochs, int CooldownCounter, long Reductions);
