using LrSchedules.Batching;
using LrSchedules.Tests.Randomness;

namespace LrSchedules.Tests.Batching;

/// <summary>
/// The estimator against line-by-line ports of the files it follows: EleutherAI gpt-neox
/// <c>megatron/gradient_noise_scale/gradient_noise_scale.py</c> (<c>ema</c> and the arithmetic of <c>_update</c>) and
/// adaptdl <c>adaptdl/torch/gradient_noise_scale.py</c> (<c>_final_callback</c>'s estimates and <c>_update_avg</c>).
/// </summary>
public class ReferencePortTests
{
    /// <summary>gpt-neox <c>ema</c>: returns the new average and the bias-corrected one, <c>avg / (1 - beta ** (i + 1))</c>.</summary>
    private static (double Average, double Corrected) Ema(double average, double beta, double value, long i)
    {
        average = (beta * average) + ((1 - beta) * value);
        return (average, average / (1 - Math.Pow(beta, i + 1)));
    }

    private static IEnumerable<(long Small, double SmallNorm, long Big, double BigNorm)> Measurements()
    {
        var random = new Random(TestSeed.Or(1812));
        for (int i = 0; i < 200; i++)
        {
            long small = random.Next(1, 9);
            long big = small * random.Next(2, 9);
            double bigNorm = 0.5 + random.NextDouble();
            double smallNorm = bigNorm + ((random.NextDouble() - 0.2) * 3.0); // sometimes below: negative trace estimates
            yield return (small, Math.Max(smallNorm, 0.0), big, bigNorm);
        }
    }

    [Fact]
    public void Equals_gpt_neox_bit_for_bit_when_its_update_counter_is_the_number_of_measurements()
    {
        const double beta = 0.99;
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale(beta);
        double emaNoise = 0.0, emaScale = 0.0;
        long measurement = 0;
        foreach ((long small, double smallNorm, long big, double bigNorm) in Measurements())
        {
            // gpt-neox _update, with its names: "noise" estimates |G|², "scale" estimates tr(Σ).
            double noise = 1.0 / (big - small) * ((big * bigNorm) - (small * smallNorm));
            double scale = 1.0 / ((1.0 / small) - (1.0 / big)) * (smallNorm - bigNorm);
            (emaNoise, double correctedNoise) = Ema(emaNoise, beta, noise, measurement);
            (emaScale, double correctedScale) = Ema(emaScale, beta, scale, measurement);
            measurement++;

            estimator.Update(small, smallNorm, big, bigNorm).Should().BeTrue();

            estimator.GradientSquaredNorm.Should().Be(correctedNoise);
            estimator.CovarianceTrace.Should().Be(correctedScale);

            // gpt-neox's noise_scale = scale / noise, without this library's clamp and guard.
            double neox = correctedScale / correctedNoise;
            estimator.NoiseScale.Should().Be(correctedNoise > 0 ? Math.Max(correctedScale, 0.0) / correctedNoise : double.PositiveInfinity);
            if (correctedNoise > 0 && correctedScale >= 0)
            {
                estimator.NoiseScale.Should().Be(neox);
            }
        }
    }

    [Fact]
    public void Agrees_with_adaptdl_estimates_for_parts_and_consecutive_batches()
    {
        // adaptdl _final_callback: with count parts of the same batch, local_sqr the mean part norm, total_sqr the
        // whole's, and scale = B / B0:
        //   grad_sqr = (count * total_sqr - local_sqr) / (count - 1);  grad_var = (local_sqr - total_sqr) * scale / (count - 1)
        // grad_var is the variance at B0, tr(Σ) / B0. _update_avg bias-corrects with an accumulator
        // unbias = θ·unbias + (1 − θ), which is 1 − θ^k after k updates up to rounding.
        const double theta = 0.9;
        const long baseBatch = 4;
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale(theta);
        double sqrBiased = 0.0, varBiased = 0.0, unbias = 0.0;
        int seed = TestSeed.Or(2021);
        var random = new Random(seed);
        for (int step = 0; step < 100; step++)
        {
            int count = random.Next(2, 9);
            long part = 2;
            double[] norms = new double[count];
            for (int i = 0; i < count; i++)
            {
                norms[i] = 1.0 + random.NextDouble();
            }

            double total = 0.4 + (0.5 * random.NextDouble());
            double local = norms.Average();
            double scale = (double)(part * count) / baseBatch;
            double gradSqr = ((count * total) - local) / (count - 1);
            double gradVar = (local - total) * scale / (count - 1);
            sqrBiased = (theta * sqrBiased) + ((1.0 - theta) * gradSqr);
            varBiased = (theta * varBiased) + ((1.0 - theta) * gradVar);
            unbias = (theta * unbias) + (1.0 - theta);

            estimator.UpdateFromParts(part, norms, total).Should().BeTrue();

            estimator.GradientSquaredNorm.Should().BeApproximately(sqrBiased / unbias, 1e-12, TestSeed.Describe(seed));
            (estimator.CovarianceTrace / baseBatch).Should().BeApproximately(varBiased / unbias, 1e-12, TestSeed.Describe(seed));
        }

        // The differenced fallback: local_sqr = (|g_prev|² + |g|²)/2, total_sqr = |(g_prev + g)/2|², count = 2, scale = 2·B/B0.
        GradientNoiseScale differenced = AdaptiveBatching.NoiseScale(0.0);
        differenced.UpdateFromConsecutiveBatches(4, 1.5, 2.5, 1.2);
        double localSqr = (1.5 + 2.5) / 2, totalSqr = 1.2;
        differenced.GradientSquaredNorm.Should().BeApproximately(((2 * totalSqr) - localSqr) / 1, 1e-15);
        (differenced.CovarianceTrace / 4).Should().BeApproximately((localSqr - totalSqr) * (2.0 * 4 / 4) / 1, 1e-15);
    }
}
