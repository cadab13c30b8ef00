namespace LrSchedules.Batching;

/// <summary>The learning rate grows as a power of the batch size: linear (exponent 1), square root (exponent ½), or any other exponent.</summary>
/// <remarks>
/// <para><c>scale(B) = (B / referenceBatchSize)^exponent</c>.</para>
/// <para>Exponent 1 is the linear scaling rule of Goyal et al. 2017 (arXiv:1706.02677), for SGD. Exponent ½ is the
/// square-root rule of Krizhevsky 2014 and Hoffer et al. 2017, which keeps the variance of the step constant; Granziol et
/// al. (arXiv:2006.09092) derive it for adaptive optimizers such as Adam (for the full Adam rule, see
/// <see cref="BatchScaling.ScaleAdam"/>). Exponents 1 and ½ are computed with a division and <see cref="Math.Sqrt"/>, so
/// they are exact to the last bit.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class PowerBatchScalingRule : BatchScalingRule
{
    internal PowerBatchScalingRule(long referenceBatchSize, double exponent)
        : base(referenceBatchSize) => Exponent = exponent;

    /// <summary>Gets the power the batch-size ratio is raised to: 1 for linear, 0.5 for square root.</summary>
    public double Exponent { get; }

    internal override double Scale(long batchSize)
    {
        double ratio = (double)batchSize / ReferenceBatchSize;
        return Exponent switch
        {
            1.0 => ratio,
            0.5 => Math.Sqrt(ratio),
            _ => Math.Pow(ratio, Exponent),
        };
    }
}
