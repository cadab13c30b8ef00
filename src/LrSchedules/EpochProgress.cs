namespace LrSchedules;

/// <summary>How a schedule written in epochs is read at an optimizer step.</summary>
public enum EpochProgress
{
    /// <summary>At the whole epoch, <c>floor(step / stepsPerEpoch)</c>: the rate changes only at epoch boundaries
    /// (PyTorch's per-epoch <c>scheduler.step()</c>, timm with <c>t_in_epochs=True</c>).</summary>
    Staircase = 0,

    /// <summary>At the fractional epoch, <c>step / stepsPerEpoch</c>, on the schedule's continuous clock: the rate moves
    /// at every step (timm's <c>step_update</c>, PyTorch's <c>scheduler.step(epoch + i / iters)</c>).</summary>
    Fractional = 1,
}
