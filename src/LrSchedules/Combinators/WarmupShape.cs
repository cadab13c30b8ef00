namespace LrSchedules.Combinators;

/// <summary>How a <see cref="WarmupSchedule"/> moves during its warmup steps.</summary>
internal enum WarmupShape
{
    /// <summary>A straight line from the initial learning rate towards the wrapped schedule's rate at its own step 0.</summary>
    Linear = 0,

    /// <summary>A fixed learning rate held for the whole warmup (PyTorch <c>ConstantLR</c>).</summary>
    Constant = 1,
}
