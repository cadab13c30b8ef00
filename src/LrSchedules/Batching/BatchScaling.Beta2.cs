namespace LrSchedules.Batching;

public static partial class BatchScaling
{
    /// <summary>
    /// Scales Adam's β2 from one batch size to another so that the second-moment average keeps its half-life in samples
    /// (or tokens): <c>β2' = β2^(batchSize / referenceBatchSize)</c> (Marek et al. 2025).
    /// </summary>
    /// <param name="beta2">β2 at <paramref name="referenceBatchSize"/>; in [0, 1).</param>
    /// <param name="referenceBatchSize">The batch size β2 was tuned at; &gt; 0.</param>
    /// <param name="batchSize">The new batch size; &gt; 0.</param>
    /// <returns><c>β2^κ</c> with <c>κ = batchSize / referenceBatchSize</c>; in [0, 1), and β2 itself at the reference batch size.</returns>
    /// <remarks>
    /// <para><b>Why.</b> An exponential average with decay <c>β</c> forgets half its weight in <c>ln ½ / ln β</c> steps, that is
    /// <c>B · ln ½ / ln β</c> samples at batch size <c>B</c>. Keeping that number of samples when the batch changes from
    /// <c>B</c> to <c>B'</c> gives <c>ln β' = (B' / B) ln β</c>, so <c>β' = β^(B'/B)</c>, the rule of Marek et al. 2025
    /// (arXiv:2507.07101), who keep β2's half-life in tokens fixed across batch sizes.</para>
    /// <para><b>Against <see cref="ScaleAdam"/>.</b> Malladi et al.'s square-root rule moves β2 to <c>1 − κ (1 − β2)</c>,
    /// the first-order expansion of <c>β2^κ = exp(κ ln β2)</c> around <c>β2 = 1</c>; the two agree while <c>κ (1 − β2)</c>
    /// is small (β2 = 0.999 and κ up to a few tens), and there <see cref="ScaleAdam"/> also gives the rate (<c>·√κ</c>)
    /// and ε (<c>/√κ</c>) of its SDE argument. As <c>κ (1 − β2)</c> grows they part (for a larger batch the first-order value is the lower one, by
    /// Bernoulli's inequality) and past
    /// <c>κ = 1 / (1 − β2)</c> the first-order value is negative, which <see cref="ScaleAdam"/> rejects; the power rule
    /// stays in [0, 1) for every κ. Use the power rule for β2 when the batch grows or shrinks by large factors (small-
    /// batch language-model training, batch ramps), and Malladi's full rule for moderate changes around a tuned
    /// setting. Neither rule says anything about β1.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it.</exception>
    public static double ScaleBeta2(double beta2, long referenceBatchSize, long batchSize)
    {
        Preconditions.InRange(beta2, 0.0, true, 1.0, false);
        Preconditions.Positive(referenceBatchSize);
        Preconditions.Positive(batchSize);
        // Stryker disable once Conditional : at the reference batch size the exponent is exactly 1.0 and Math.Pow(x, 1.0) is x, so the fast path returns the same value
        return batchSize == referenceBatchSize ? beta2 : Math.Pow(beta2, (double)batchSize / referenceBatchSize);
    }
}
