using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Batching;

public class BatchScalingTests
{
    [Fact]
    public void Linear_multiplies_the_rate_by_the_batch_ratio()
    {
        PowerBatchScalingRule rule = (PowerBatchScalingRule)BatchScaling.LinearScaling(256);
        rule.GetScale(256).Should().Be(1.0);
        rule.GetScale(8192).Should().Be(32.0);
        rule.GetScale(64).Should().Be(0.25);
        rule.GetLearningRate(0.1, 8192).Should().Be(0.1 * 32.0);
        (rule.Exponent, rule.ReferenceBatchSize).Should().Be((1.0, 256L));
    }

    [Fact]
    public void SquareRoot_multiplies_the_rate_by_the_root_of_the_batch_ratio()
    {
        PowerBatchScalingRule rule = (PowerBatchScalingRule)BatchScaling.SquareRootScaling(256);
        rule.GetScale(1024).Should().Be(2.0);
        rule.GetScale(512).Should().Be(Math.Sqrt(2.0));
        rule.Exponent.Should().Be(0.5);
    }

    [Fact]
    public void Power_raises_the_batch_ratio_to_the_exponent() =>
        BatchScaling.PowerScaling(100, 0.75).GetScale(1_600).Should().Be(Math.Pow(16.0, 0.75));

    [Fact]
    public void Saturating_is_linear_for_small_batches_and_flat_past_the_noise_scale()
    {
        SaturatingBatchScalingRule rule = (SaturatingBatchScalingRule)BatchScaling.SaturatingScaling(256, 1_024);
        rule.GetScale(256).Should().Be(1.0);
        rule.GetScale(1_024).Should().Be(5.0 / 2.0);
        rule.GetScale(16).Should().Be(5.0 / 65.0);
        rule.GetScale(long.MaxValue).Should().BeApproximately(5.0, 1e-12);
        rule.GetMaximumLearningRate(0.1).Should().Be(0.1 * 5.0);

        // McCandlish et al.: lr(B) = lr_max / (1 + B_noise / B).
        double maximum = rule.GetMaximumLearningRate(0.1);
        foreach (long batchSize in new long[] { 1, 32, 256, 1_000, 65_536 })
        {
            rule.GetLearningRate(0.1, batchSize).Should().BeApproximately(maximum / (1.0 + (1_024.0 / batchSize)), 1e-15);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-256)]
    public void Rules_reject_a_reference_batch_size_that_is_not_positive(long referenceBatchSize)
    {
        FluentActions.Invoking(() => BatchScaling.LinearScaling(referenceBatchSize)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("referenceBatchSize");
        FluentActions.Invoking(() => BatchScaling.SquareRootScaling(referenceBatchSize)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("referenceBatchSize");
        FluentActions.Invoking(() => BatchScaling.PowerScaling(referenceBatchSize, 1.0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("referenceBatchSize");
        FluentActions.Invoking(() => BatchScaling.SaturatingScaling(referenceBatchSize, 1.0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("referenceBatchSize");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Rules_reject_a_bad_exponent_or_noise_scale(double value)
    {
        FluentActions.Invoking(() => BatchScaling.PowerScaling(256, value)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("exponent");
        FluentActions.Invoking(() => BatchScaling.SaturatingScaling(256, value)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("gradientNoiseScale");
    }

    [Fact]
    public void Rules_reject_bad_queries()
    {
        BatchScaling.LinearScaling(256).Invoking(r => r.GetScale(0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("batchSize");
        BatchScaling.LinearScaling(256).Invoking(r => r.GetLearningRate(-0.1, 256)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("referenceLearningRate");
        ((SaturatingBatchScalingRule)BatchScaling.SaturatingScaling(256, 10)).Invoking(r => r.GetMaximumLearningRate(double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("referenceLearningRate");
    }

    [Fact]
    public void ScaleAdam_follows_the_square_root_rule_of_Malladi_et_al()
    {
        AdamHyperparameters scaled = BatchScaling.ScaleAdam(1e-3, 0.9, 0.999, 1e-8, 256, 1_024);
        scaled.LearningRate.Should().Be(1e-3 * 2.0);
        scaled.Beta1.Should().Be(1.0 - (4.0 * (1.0 - 0.9)));
        scaled.Beta2.Should().Be(1.0 - (4.0 * (1.0 - 0.999)));
        scaled.Epsilon.Should().Be(1e-8 / 2.0);
    }

    [Fact]
    public void ScaleAdam_to_a_smaller_batch_raises_the_betas()
    {
        AdamHyperparameters scaled = BatchScaling.ScaleAdam(1e-3, 0.9, 0.999, 1e-8, 1_024, 256);
        scaled.LearningRate.Should().Be(1e-3 * 0.5);
        scaled.Beta1.Should().Be(1.0 - (0.25 * (1.0 - 0.9)));
        scaled.Epsilon.Should().Be(1e-8 / 0.5);
    }

    [Fact]
    public void ScaleAdam_at_the_reference_batch_returns_its_input() =>
        BatchScaling.ScaleAdam(3e-4, 0.9, 0.95, 1e-6, 512, 512)
            .Should().Match<AdamHyperparameters>(h => h.LearningRate == 3e-4 && h.Beta1 == 0.9 && h.Beta2 == 0.95 && h.Epsilon == 1e-6);

    [Fact]
    public void ScaleAdam_rejects_a_batch_that_would_make_a_beta_negative() =>
        FluentActions.Invoking(() => BatchScaling.ScaleAdam(1e-3, 0.9, 0.999, 1e-8, 256, 2_561))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("batchSize").WithMessage("batchSize must be <= referenceBatchSize / (1 - min(beta1, beta2)) = 2560*but was 2561.*");

    [Theory]
    [InlineData(double.NaN, 0.9, 0.999, 1e-8, 256, "learningRate")]
    [InlineData(1e-3, 1.0, 0.999, 1e-8, 256, "beta1")]
    [InlineData(1e-3, 0.9, -0.1, 1e-8, 256, "beta2")]
    [InlineData(1e-3, 0.9, 1.0, 1e-8, 256, "beta2")]
    [InlineData(1e-3, 0.9, 0.999, -1e-8, 256, "epsilon")]
    [InlineData(1e-3, 0.9, 0.999, 1e-8, 0, "referenceBatchSize")]
    public void ScaleAdam_rejects_bad_input(double learningRate, double beta1, double beta2, double epsilon, long referenceBatchSize, string parameter) =>
        FluentActions.Invoking(() => BatchScaling.ScaleAdam(learningRate, beta1, beta2, epsilon, referenceBatchSize, 512))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);

    [Fact]
    public void ScaleMomentum_keeps_the_noise_scale()
    {
        // Smith et al. 2017: momentum 0.9 -> 0.98 with a batch five times larger.
        double momentum = BatchScaling.ScaleMomentum(0.9, 256, 1_280);
        momentum.Should().Be(1.0 - ((1.0 - 0.9) * 256 / 1_280));
        momentum.Should().BeApproximately(0.98, 1e-15);
        BatchScaling.GetSgdNoiseScale(0.1, 50_000, 1_280, momentum)
            .Should().BeApproximately(BatchScaling.GetSgdNoiseScale(0.1, 50_000, 256, 0.9), 1e-9);
        BatchScaling.ScaleMomentum(0.9, 256, 256).Should().Be(0.9);
    }

    [Fact]
    public void ScaleMomentum_rejects_a_batch_that_would_need_negative_momentum()
    {
        FluentActions.Invoking(() => BatchScaling.ScaleMomentum(0.9, 256, 25))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("batchSize").WithMessage("batchSize must be >= (1 - momentum) * referenceBatchSize = 25.59*but was 25.*");
        FluentActions.Invoking(() => BatchScaling.ScaleMomentum(1.0, 256, 512)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("momentum");
        FluentActions.Invoking(() => BatchScaling.ScaleMomentum(0.9, 256, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("batchSize");
    }

    [Fact]
    public void SgdNoiseScale_is_lr_N_over_B_one_minus_m()
    {
        BatchScaling.GetSgdNoiseScale(0.1, 50_000, 128, 0.9).Should().Be(0.1 * 50_000 / (128 * (1.0 - 0.9)));
        BatchScaling.GetSgdNoiseScale(0.1, 50_000, 128).Should().Be(0.1 * 50_000 / 128);
    }

    [Theory]
    [InlineData(-0.1, 100, 10, 0.0, "learningRate")]
    [InlineData(0.1, 0, 10, 0.0, "datasetSize")]
    [InlineData(0.1, 100, 0, 0.0, "batchSize")]
    [InlineData(0.1, 100, 10, 1.0, "momentum")]
    public void SgdNoiseScale_rejects_bad_input(double learningRate, long datasetSize, long batchSize, double momentum, string parameter) =>
        FluentActions.Invoking(() => BatchScaling.GetSgdNoiseScale(learningRate, datasetSize, batchSize, momentum))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);

    [Fact]
    public void Scaled_schedule_follows_the_batch_step_by_step()
    {
        TrainingPlan plan = BatchSchedule.Plan(100_000, BatchSchedule.Piecewise(256, [new(10, 1_024)], TrainingClock.Steps), LastBatch.Drop);
        BatchScaledSchedule linear = (BatchScaledSchedule)plan.ScaleLearningRate(Schedule.Constant(0.1), BatchScaling.LinearScaling(256));
        linear.ShouldHaveRate(9, 0.1);
        linear.ShouldHaveRate(10, 0.1 * 4.0);
        plan.ScaleLearningRate(Schedule.Constant(0.1), BatchScaling.SquareRootScaling(256)).ShouldHaveRate(10, 0.1 * 2.0);
        (linear.Plan, linear.Clock, linear.Multiplier).Should().Be((plan, TrainingClock.Steps, 1.0));
    }

    [Fact]
    public void Scaled_schedule_on_steps_reads_the_rate_at_the_step_not_at_the_samples_seen()
    {
        // 0.1 + (0 − 0.1) · 50 / 100 at step 50; 1,600 samples have been seen there, past the end of the line.
        TrainingPlan plan = BatchSchedule.Plan(100_000, BatchSchedule.ConstantBatchSize(32), LastBatch.Drop);
        LearningRateSchedule scaled = plan.ScaleLearningRate(Schedule.Linear(0.1, 0.0, 100), BatchScaling.LinearScaling(32));
        scaled.ShouldHaveRate(50, 0.05);
        scaled.ShouldHaveRate(100, 0.0);
    }

    [Fact]
    public void Scaled_schedule_in_epochs_uses_the_scheduled_batch_for_a_short_last_batch()
    {
        // N = 100, kept last batch: epoch 0 draws 32, 32, 32, 4; epoch 1 (batch 64) draws 64, 36.
        TrainingPlan plan = BatchSchedule.Plan(100, BatchSchedule.Piecewise(32, [new(1, 64)], TrainingClock.Epochs), LastBatch.Keep);
        BatchScaledSchedule scaled = (BatchScaledSchedule)plan.ScaleLearningRate(Schedule.MultiStep(1.0, [2], 0.5), BatchScaling.LinearScaling(32), TrainingClock.Epochs);
        scaled.ShouldHaveRate(3, 1.0);
        scaled.ShouldHaveRate(4, 2.0);
        scaled.ShouldHaveRate(5, 2.0);
        scaled.ShouldHaveRate(6, 1.0);
    }

    [Theory]
    [InlineData(TrainingClock.Steps)]
    [InlineData(TrainingClock.Epochs)]
    [InlineData(TrainingClock.Samples)]
    public void Scaled_schedule_keeps_the_contract(TrainingClock clock)
    {
        TrainingPlan plan = BatchSchedule.Plan(1_000, BatchSchedule.LinearRamp(32, 32, 5_000, 256), LastBatch.Keep);
        ScheduleContract.Holds(plan.ScaleLearningRate(Schedule.Cosine(0.1, 0.001, 100_000), BatchScaling.SaturatingScaling(32, 512), clock));
    }

    [Fact]
    public void ScaleLearningRate_rejects_null_input()
    {
        TrainingPlan plan = BatchSchedule.Plan(100, BatchSchedule.ConstantBatchSize(10), LastBatch.Keep);
        plan.Invoking(p => p.ScaleLearningRate(null!, BatchScaling.LinearScaling(10))).Should().Throw<ArgumentNullException>().WithParameterName("learningRate");
        plan.Invoking(p => p.ScaleLearningRate(Schedule.Constant(0.1), null!)).Should().Throw<ArgumentNullException>().WithParameterName("rule");
    }

    [Fact]
    public void ScaleAdam_accepts_zero_betas()
    {
        // κ = 0.5: betas 1 − 0.5 · (1 − 0) = 0.5.
        AdamHyperparameters scaled = BatchScaling.ScaleAdam(1e-3, 0.0, 0.0, 1e-8, 256, 128);
        (scaled.Beta1, scaled.Beta2).Should().Be((0.5, 0.5));
        scaled.LearningRate.Should().Be(1e-3 * Math.Sqrt(0.5));
    }

    [Fact]
    public void ScaleAdam_accepts_the_largest_batch_where_a_beta_reaches_zero()
    {
        // min(beta) = 0.5: batches up to 100 / (1 − 0.5) = 200; there beta1 = 1 − 2 · 0.5 = 0 and beta2 = 1 − 2 · 0.25 = 0.5.
        AdamHyperparameters scaled = BatchScaling.ScaleAdam(1e-3, 0.5, 0.75, 1e-8, 100, 200);
        (scaled.Beta1, scaled.Beta2).Should().Be((0.0, 0.5));
        scaled.Epsilon.Should().Be(1e-8 / Math.Sqrt(2.0));
    }

    [Fact]
    public void ScaleAdam_and_ScaleMomentum_at_the_reference_batch_return_betas_and_momentum_bit_for_bit()
    {
        // 1 − (1 − 0.1) is 0.09999999999999998 in doubles: the values must come back as given, not recomputed.
        AdamHyperparameters same = BatchScaling.ScaleAdam(3e-4, 0.1, 0.3, 1e-6, 512, 512);
        (same.Beta1, same.Beta2).Should().Be((0.1, 0.3));
        BatchScaling.ScaleMomentum(0.1, 256, 256).Should().Be(0.1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-256)]
    public void ScaleAdam_rejects_a_batch_size_that_is_not_positive(long batchSize)
    {
        var rejection = FluentActions.Invoking(() => BatchScaling.ScaleAdam(1e-3, 0.9, 0.999, 1e-8, 256, batchSize)).Should().Throw<ScheduleArgumentException>().Which;
        rejection.ParamName.Should().Be("batchSize");
        rejection.ActualValue.Should().Be(batchSize);
    }

    [Fact]
    public void ScaleMomentum_from_zero_momentum_and_down_to_zero_momentum()
    {
        // m = 0 at 256, batch 512: 1 − 1 · 256 / 512 = 0.5. m = 0.5 at 512, batch 256 = (1 − 0.5) · 512: exactly 0.
        BatchScaling.ScaleMomentum(0.0, 256, 512).Should().Be(0.5);
        BatchScaling.ScaleMomentum(0.5, 512, 256).Should().Be(0.0);
    }

    [Theory]
    [InlineData(0, 512, "referenceBatchSize")]
    [InlineData(256, -256, "batchSize")]
    public void ScaleMomentum_rejects_batch_sizes_that_are_not_positive(long referenceBatchSize, long batchSize, string parameter) =>
        FluentActions.Invoking(() => BatchScaling.ScaleMomentum(0.9, referenceBatchSize, batchSize))
            .Should().Throw<ScheduleArgumentException>().WithParameterName(parameter);
}
