namespace LrSchedules.Tests.Batching;

public class ScaleBeta2Tests
{
    [Fact]
    public void Beta2_is_raised_to_the_batch_ratio()
    {
        BatchScaling.ScaleBeta2(0.999, 256, 1024).Should().Be(Math.Pow(0.999, 4.0));
        BatchScaling.ScaleBeta2(0.95, 512, 1).Should().Be(Math.Pow(0.95, 1.0 / 512));
        BatchScaling.ScaleBeta2(0.0, 64, 128).Should().Be(0.0);
    }

    [Fact]
    public void At_the_reference_batch_size_beta2_comes_back_unchanged()
    {
        BatchScaling.ScaleBeta2(0.999, 256, 256).Should().Be(0.999);
        BatchScaling.ScaleBeta2(0.0, 1, 1).Should().Be(0.0);
    }

    [Fact]
    public void The_half_life_in_samples_is_kept()
    {
        // Half-life in samples: B · ln ½ / ln β.
        double before = 256 * Math.Log(0.5) / Math.Log(0.999);
        double after = 4096 * Math.Log(0.5) / Math.Log(BatchScaling.ScaleBeta2(0.999, 256, 4096));

        after.Should().BeApproximately(before, before * 1e-12);
    }

    [Fact]
    public void Agrees_with_malladis_first_order_rule_for_small_changes_and_stays_in_range_where_it_turns_negative()
    {
        double power = BatchScaling.ScaleBeta2(0.999, 100, 200);
        double malladi = BatchScaling.ScaleAdam(1e-3, 0.9, 0.999, 1e-8, 100, 200).Beta2;
        // κ = 2: 0.999² = 1 − 2 · 0.001 + 0.001², one second-order term (1e-6) above the first-order value 0.998.
        power.Should().BeApproximately(malladi + 1e-6, 1e-15);

        // κ = 2000 > 1 / (1 − 0.999): Malladi's 1 − κ(1 − β2) would be −1; the power rule gives 0.999^2000.
        FluentActions.Invoking(() => BatchScaling.ScaleAdam(1e-3, 0.9, 0.999, 1e-8, 1, 2000)).Should().Throw<ArgumentOutOfRangeException>();
        BatchScaling.ScaleBeta2(0.999, 1, 2000).Should().Be(Math.Pow(0.999, 2000.0)).And.BeInRange(0.13, 0.14);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void Beta2_outside_zero_one_is_rejected(double bad)
    {
        var exception = FluentActions.Invoking(() => BatchScaling.ScaleBeta2(bad, 1, 2)).Should().Throw<ScheduleArgumentException>().Which;
        exception.ParamName.Should().Be("beta2");
        exception.ActualValue.Should().Be(bad);
    }

    [Fact]
    public void Batch_sizes_below_one_are_rejected()
    {
        FluentActions.Invoking(() => BatchScaling.ScaleBeta2(0.9, 0, 2)).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("referenceBatchSize");
        FluentActions.Invoking(() => BatchScaling.ScaleBeta2(0.9, 2, -1)).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("batchSize");
    }
}
