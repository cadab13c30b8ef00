namespace LrSchedules;

/// <summary>How a schedule moves between two learning rates.</summary>
public enum Interpolation
{
    /// <summary>A straight line: <c>a + (b − a) · p</c> for progress <c>p</c> in [0, 1].</summary>
    Linear = 0,

    /// <summary>Half a cosine: <c>b + (a − b) · ½ (1 + cos(π · p))</c> for progress <c>p</c> in [0, 1] (PyTorch's and optax's <c>cos</c> anneal).</summary>
    Cosine = 1,
}
