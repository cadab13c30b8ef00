namespace LrSchedules;

/// <summary>How the amplitude of a <see cref="Schedule.Cyclic"/> schedule changes from cycle to cycle (PyTorch <c>CyclicLR</c>'s <c>mode</c>).</summary>
public enum CyclicMode
{
    /// <summary>The same triangle every cycle (PyTorch's <c>"triangular"</c>).</summary>
    Triangular = 0,

    /// <summary>The amplitude halves every cycle: scaled by <c>1 / 2^(cycle − 1)</c> (PyTorch's <c>"triangular2"</c>).</summary>
    Triangular2 = 1,

    /// <summary>The amplitude is scaled by <c>decayFactor^t</c> at step <c>t</c> (PyTorch's <c>"exp_range"</c>).</summary>
    ExponentialRange = 2,
}
