using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>The learning rate grows linearly with small batches and levels off past the gradient noise scale (McCandlish et al. 2018).</summary>
/// <remarks>
/// <para>McCandlish, Kaplan, Amodei et al., "An Empirical Model of Large-Batch Training" (arXiv:1812.06162): the best rate is
/// <c>lr(B) = lr_max / (1 + B_noise / B)</c>, linear while <c>B ≪ B_noise</c> and flat once <c>B ≫ B_noise</c>, where
/// <c>B_noise = tr(Σ) / |G|²</c> is the gradient noise scale (measured in samples; their appendix A estimates it from
/// gradient norms at two batch sizes). Relative to a reference batch size the factor is
/// <c>scale(B) = (1 + B_noise / referenceBatchSize) / (1 + B_noise / B)</c>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class SaturatingBatchScalingRule : BatchScalingRule
{
    internal SaturatingBatchScalingRule(long referenceBatchSize, double gradientNoiseScale)
        : base(referenceBatchSize) => GradientNoiseScale = gradientNoiseScale;

    /// <summary>Gets the gradient noise scale <c>B_noise</c>, in samples: the batch size at which the rate is half its maximum.</summary>
    public double GradientNoiseScale { get; }

    /// <summary>Gets the rate the rule tends to for very large batches, <c>lr_max</c>, from the rate tuned at the reference batch size.</summary>
    /// <param name="referenceLearningRate">The learning rate at <see cref="BatchScalingRule.ReferenceBatchSize"/>; finite and ≥ 0.</param>
    /// <returns><c>referenceLearningRate · (1 + B_noise / referenceBatchSize)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="referenceLearningRate"/> is negative, NaN or infinite.</exception>
    public double GetMaximumLearningRate(double referenceLearningRate) =>
        Preconditions.NonNegative(referenceLearningRate) * (1.0 + (GradientNoiseScale / ReferenceBatchSize));

    internal override double Scale(long batchSize) =>
        (1.0 + (GradientNoiseScale / ReferenceBatchSize)) / (1.0 + (GradientNoiseScale / batchSize));
}
