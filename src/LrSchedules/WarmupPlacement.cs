namespace LrSchedules;

/// <summary>Where a warmup sits relative to the schedule it warms up.</summary>
public enum WarmupPlacement
{
    /// <summary>
    /// The warmup comes first: the wrapped schedule starts its own step 0 at step <c>warmupSteps</c>, so it is shifted
    /// right by the warmup. This is optax <c>join_schedules([warmup, schedule], [warmup_steps])</c>
    /// (<c>optax/schedules/_schedule.py</c>, <c>warmup_cosine_decay_schedule</c>), Hugging Face's <c>*_with_warmup</c>
    /// schedules (<c>src/transformers/optimization.py</c>) and timm with <c>warmup_prefix=True</c>
    /// (<c>timm/scheduler/cosine_lr.py</c>: <c>t = t - self.warmup_t</c>).
    /// </summary>
    Prefix = 0,

    /// <summary>
    /// The warmup replaces the first <c>warmupSteps</c> steps of the wrapped schedule, which keeps its own step count:
    /// from step <c>warmupSteps</c> on, the value is the wrapped schedule's value at that same step. This is timm with
    /// <c>warmup_prefix=False</c> (the default) and PyTorch <c>ConstantLR</c> (<c>torch/optim/lr_scheduler.py</c>).
    /// </summary>
    Overlay = 1,
}
