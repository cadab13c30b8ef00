namespace LrSchedules.Batching;

/// <summary>How <see cref="AdaptiveBatchSizeController"/> scales the learning rate when it changes the batch size.</summary>
/// <remarks>Relative to the reference batch size <c>B0</c> the learning-rate schedule was tuned at (the initial batch size).</remarks>
public enum AdaptiveRateRule
{
    /// <summary>The linear rule for SGD: the rate times <c>B / B0</c> (<see cref="BatchScaling.LinearScaling"/>; Goyal et al. 2017).</summary>
    Linear = 0,

    /// <summary>The square-root rule for Adam and other adaptive optimizers: the rate times <c>√(B / B0)</c> (<see cref="BatchScaling.SquareRootScaling"/>).</summary>
    SquareRoot = 1,

    /// <summary>
    /// AdaScale's gain at the noise scale measured when the change is decided: the rate times
    /// <c>r = (1 + B_noise/B0) / (1 + B_noise/B)</c> (<see cref="BatchScaling.SaturatingScaling"/>), which is
    /// <see cref="AdaScale"/>'s <c>(σ² + μ²)/(σ²/S + μ²)</c> written with <c>B_noise = tr(Σ)/|G|²</c>; <c>B / B0</c> when
    /// <c>B_noise</c> is +∞, 1 when it is 0.
    /// </summary>
    Gain = 2,
}
