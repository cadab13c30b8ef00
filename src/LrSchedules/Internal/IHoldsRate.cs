namespace LrSchedules.Internal;

/// <summary>
/// A schedule that holds one rate from some step on. <see cref="Plateau.ReduceLearningRateOnPlateau"/> reduces that
/// held rate one multiplication at a time, as PyTorch's <c>_reduce_lr</c> reduces the optimizer's rate, so the reduced
/// rates there equal PyTorch's bit for bit (a product <c>r · fᵏ</c> may differ from <c>((r · f) · f) …</c> in the
/// last bits).
/// </summary>
internal interface IHoldsRate
{
    /// <summary>Gets the first step from which every value is <see cref="HeldRate"/>; ≥ 0.</summary>
    long HoldsFrom { get; }

    /// <summary>Gets the rate held from <see cref="HoldsFrom"/> on.</summary>
    double HeldRate { get; }
}
