using LrSchedules.Batching;

namespace LrSchedules.Tests.Batching;

public class GradientNoiseScaleTests
{
    // Measurements at B_small = 1, B_big = 2 keep every operation exact: |G|² = 2·|G_big|² − |G_small|²,
    // tr(Σ) = 2·(|G_small|² − |G_big|²).

    [Fact]
    public void Before_any_measurement_the_estimates_are_zero_and_the_scale_is_infinite()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale();

        estimator.Smoothing.Should().Be(0.99);
        estimator.MeasurementCount.Should().Be(0);
        estimator.IsBiased.Should().BeFalse();
        estimator.GradientSquaredNorm.Should().Be(0.0);
        estimator.CovarianceTrace.Should().Be(0.0);
        estimator.NoiseScale.Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void One_measurement_gives_the_raw_estimates_after_bias_correction()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale();

        // |G|² = 2·3 − 5 = 1; tr(Σ) = 2·(5 − 3) = 4.
        estimator.Update(1, 5.0, 2, 3.0).Should().BeTrue();

        estimator.MeasurementCount.Should().Be(1);
        estimator.GradientSquaredNorm.Should().Be(1.0);
        estimator.CovarianceTrace.Should().Be(4.0);
        estimator.NoiseScale.Should().Be(4.0);
    }

    [Fact]
    public void Two_measurements_are_averaged_with_weights_corrected_by_the_number_of_measurements()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale(smoothing: 0.5);

        estimator.Update(1, 5.0, 2, 3.0); // |G|² = 1, tr(Σ) = 4
        estimator.Update(1, 11.0, 2, 6.0); // |G|² = 12 − 11 = 1, tr(Σ) = 2·5 = 10

        // Biased averages: |G|²: 0.5·0.5 + 0.5·1 = 0.75; tr: 0.5·2 + 0.5·10 = 6; correction 1 − 0.5² = 0.75.
        estimator.MeasurementCount.Should().Be(2);
        estimator.GradientSquaredNorm.Should().Be(1.0);
        estimator.CovarianceTrace.Should().Be(8.0);
        estimator.NoiseScale.Should().Be(8.0);
    }

    [Fact]
    public void Numerator_and_denominator_are_averaged_separately_then_divided()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale(smoothing: 0.5);

        estimator.Update(1, 3.0, 2, 2.0); // |G|² = 1, tr(Σ) = 2: raw scale 2
        estimator.Update(1, 10.0, 2, 7.0); // |G|² = 4, tr(Σ) = 6: raw scale 1.5

        // |G|²: (0.25·1 + 0.5·4) / 0.75 = 3; tr: (0.25·2 + 0.5·6) / 0.75 = 14/3. Their ratio 14/9, not an average of 2 and 1.5.
        estimator.GradientSquaredNorm.Should().Be(3.0);
        estimator.NoiseScale.Should().Be(estimator.CovarianceTrace / 3.0);
        estimator.NoiseScale.Should().BeApproximately(14.0 / 9.0, 1e-15);
    }

    [Fact]
    public void The_bias_correction_counts_measurements_not_calls()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale(smoothing: 0.5);

        estimator.Update(1, double.NaN, 2, 3.0).Should().BeFalse();
        estimator.Update(1, 5.0, 2, double.PositiveInfinity).Should().BeFalse();
        estimator.Update(1, 5.0, 2, 3.0).Should().BeTrue();

        // Two skipped calls did not count: one measurement, corrected by 1 − 0.5, so the raw values come back.
        estimator.MeasurementCount.Should().Be(1);
        estimator.GradientSquaredNorm.Should().Be(1.0);
        estimator.CovarianceTrace.Should().Be(4.0);
    }

    [Fact]
    public void A_measurement_whose_estimate_overflows_is_skipped_and_changes_nothing()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale();
        estimator.Update(1, 5.0, 2, 3.0);

        // 2 · 1e308 overflows to +∞.
        estimator.Update(1, 1.0, 2, 1e308).Should().BeFalse();

        estimator.MeasurementCount.Should().Be(1);
        estimator.NoiseScale.Should().Be(4.0);
    }

    [Fact]
    public void A_negative_trace_estimate_gives_a_scale_of_zero_not_a_negative_one()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale();

        estimator.Update(1, 1.0, 2, 2.0); // |G|² = 4 − 1 = 3, tr(Σ) = 2·(1 − 2) = −2

        estimator.CovarianceTrace.Should().Be(-2.0);
        estimator.NoiseScale.Should().Be(0.0);
    }

    [Fact]
    public void A_non_positive_gradient_estimate_gives_an_infinite_scale_not_nan()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale();

        estimator.Update(1, 5.0, 2, 1.0); // |G|² = 2 − 5 = −3, tr(Σ) = 8
        estimator.GradientSquaredNorm.Should().Be(-3.0);
        estimator.NoiseScale.Should().Be(double.PositiveInfinity);

        GradientNoiseScale zero = AdaptiveBatching.NoiseScale();
        zero.Update(1, 2.0, 2, 1.0); // |G|² = 0, tr(Σ) = 2
        zero.NoiseScale.Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Parts_are_the_mean_part_norm_at_the_part_batch_and_the_whole_at_the_summed_batch()
    {
        GradientNoiseScale parts = AdaptiveBatching.NoiseScale();
        GradientNoiseScale direct = AdaptiveBatching.NoiseScale();

        // Four workers of 2 samples: mean part norm 6 at B_small = 2, the all-reduced norm 3 at B_big = 8.
        parts.UpdateFromParts(2, [3.0, 5.0, 7.0, 9.0], 3.0).Should().BeTrue();
        direct.Update(2, 6.0, 8, 3.0);

        parts.GradientSquaredNorm.Should().Be(direct.GradientSquaredNorm);
        parts.CovarianceTrace.Should().Be(direct.CovarianceTrace);
        parts.NoiseScale.Should().Be(direct.NoiseScale);

        // By hand: |G|² = (8·3 − 2·6)/6 = 2, tr(Σ) = (6 − 3)/(1/2 − 1/8) = 8, B_simple = 4.
        parts.GradientSquaredNorm.Should().BeApproximately(2.0, 1e-15);
        parts.CovarianceTrace.Should().Be(8.0);
        parts.NoiseScale.Should().BeApproximately(4.0, 1e-14);
    }

    [Fact]
    public void Two_micro_batches_of_one_sample_give_the_exact_estimates()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale();

        estimator.UpdateFromParts(1, [4.0, 6.0], 3.0).Should().BeTrue(); // mean 5 at 1, 3 at 2

        estimator.GradientSquaredNorm.Should().Be(1.0);
        estimator.CovarianceTrace.Should().Be(4.0);
    }

    [Fact]
    public void Consecutive_batches_use_the_mean_of_the_two_norms_and_the_norm_of_their_average_and_are_biased()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale();

        estimator.UpdateFromConsecutiveBatches(1, 4.0, 6.0, 3.0).Should().BeTrue();

        estimator.IsBiased.Should().BeTrue();
        estimator.GradientSquaredNorm.Should().Be(1.0);
        estimator.CovarianceTrace.Should().Be(4.0);

        // b = 2: mean 5 at B = 2, 3 at B = 4: |G|² = (4·3 − 2·5)/2 = 1, tr(Σ) = (5 − 3)/(1/2 − 1/4) = 8.
        GradientNoiseScale two = AdaptiveBatching.NoiseScale();
        two.UpdateFromConsecutiveBatches(2, 4.0, 6.0, 3.0).Should().BeTrue();
        two.GradientSquaredNorm.Should().Be(1.0);
        two.CovarianceTrace.Should().Be(8.0);
    }

    [Fact]
    public void The_first_unbiased_measurement_after_biased_ones_restarts_the_averages_as_adaptdl_does()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale(smoothing: 0.5);
        estimator.UpdateFromConsecutiveBatches(1, 4.0, 6.0, 3.0);
        estimator.UpdateFromConsecutiveBatches(1, 4.0, 6.0, 3.0);

        estimator.Update(1, 11.0, 2, 6.0).Should().BeTrue(); // |G|² = 1, tr(Σ) = 10

        estimator.IsBiased.Should().BeFalse();
        estimator.MeasurementCount.Should().Be(1);
        estimator.CovarianceTrace.Should().Be(10.0);
    }

    [Fact]
    public void A_skipped_unbiased_measurement_does_not_restart_the_biased_averages()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale();
        estimator.UpdateFromConsecutiveBatches(1, 4.0, 6.0, 3.0);

        estimator.Update(1, double.NaN, 2, 3.0).Should().BeFalse();

        estimator.IsBiased.Should().BeTrue();
        estimator.MeasurementCount.Should().Be(1);
    }

    [Fact]
    public void Smoothing_zero_keeps_only_the_last_measurement()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale(smoothing: 0.0);
        estimator.Update(1, 5.0, 2, 3.0);
        estimator.Update(1, 11.0, 2, 6.0);

        estimator.CovarianceTrace.Should().Be(10.0);
        estimator.NoiseScale.Should().Be(10.0);
    }

    [Fact]
    public void Many_measurements_of_the_same_values_converge_to_them()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale();
        for (int i = 0; i < 10_000; i++)
        {
            estimator.Update(1, 5.0, 2, 3.0);
        }

        estimator.MeasurementCount.Should().Be(10_000);
        estimator.GradientSquaredNorm.Should().BeApproximately(1.0, 1e-12);
        estimator.NoiseScale.Should().BeApproximately(4.0, 1e-12);
    }

    [Fact]
    public void Updates_allocate_nothing()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale();
        double[] parts = [3.0, 5.0, 7.0, 9.0];
        BatchAssertions.AllocatesNothing(() =>
        {
            estimator.Update(1, 5.0, 2, 3.0);
            estimator.UpdateFromParts(2, parts, 3.0);
            estimator.UpdateFromConsecutiveBatches(1, 4.0, 6.0, 3.0);
            return (long)estimator.NoiseScale;
        });
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Smoothing_outside_zero_to_one_is_rejected(double smoothing)
    {
        Action act = () => AdaptiveBatching.NoiseScale(smoothing);

        act.Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("smoothing");
    }

    [Fact]
    public void Bad_measurements_are_rejected_naming_the_parameter_and_change_nothing()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale();
        estimator.Update(1, 5.0, 2, 3.0);

        Rejects(() => estimator.Update(0, 5.0, 2, 3.0), "smallBatchSize", 0L);
        Rejects(() => estimator.Update(2, 5.0, 2, 3.0), "bigBatchSize", 2L).Requirement.Should().Be("> smallBatchSize = 2");
        Rejects(() => estimator.Update(1, -1.0, 2, 3.0), "smallSquaredNorm", -1.0).Requirement.Should().Be("a squared norm >= 0");
        Rejects(() => estimator.Update(1, 5.0, 2, double.NegativeInfinity), "bigSquaredNorm", double.NegativeInfinity);
        Rejects(() => estimator.UpdateFromParts(0, [1.0, 2.0], 1.0), "partBatchSize", 0L);
        Rejects(() => estimator.UpdateFromParts(1, [1.0], 1.0), "partSquaredNorms", 1).Requirement.Should().Be("at least 2 parts (a count)");
        Rejects(() => estimator.UpdateFromParts(long.MaxValue, [1.0, 2.0], 1.0), "partBatchSize", long.MaxValue)
            .Requirement.Should().Be("small enough that partBatchSize * 2 parts fits in a long");
        ScheduleArgumentException part = Rejects(() => estimator.UpdateFromParts(1, [1.0, -2.0], 1.0), "partSquaredNorms", -2.0);
        part.Index.Should().Be(1);
        part.Requirement.Should().Be("a squared norm >= 0");
        Rejects(() => estimator.UpdateFromParts(1, [1.0, 2.0], -1.0), "wholeSquaredNorm", -1.0);
        Rejects(() => estimator.UpdateFromConsecutiveBatches(0, 1.0, 1.0, 1.0), "batchSize", 0L);
        Rejects(() => estimator.UpdateFromConsecutiveBatches((long.MaxValue / 2) + 1, 1.0, 1.0, 1.0), "batchSize", (long.MaxValue / 2) + 1)
            .Requirement.Should().Be("<= long.MaxValue / 2");
        Rejects(() => estimator.UpdateFromConsecutiveBatches(1, -1.0, 1.0, 1.0), "previousSquaredNorm", -1.0);
        Rejects(() => estimator.UpdateFromConsecutiveBatches(1, 1.0, -1.0, 1.0), "currentSquaredNorm", -1.0);
        Rejects(() => estimator.UpdateFromConsecutiveBatches(1, 1.0, 1.0, -1.0), "averageSquaredNorm", -1.0);

        estimator.MeasurementCount.Should().Be(1);
        estimator.NoiseScale.Should().Be(4.0);
    }

    [Fact]
    public void Exported_state_restores_a_run_that_continues_bit_for_bit()
    {
        GradientNoiseScale original = AdaptiveBatching.NoiseScale();
        original.Update(1, 5.0, 2, 3.0);
        original.UpdateFromParts(2, [3.1, 5.7, 7.3, 9.9], 3.3);
        original.Update(3, 0.1234567, 17, 0.0456789);

        GradientNoiseScale restored = AdaptiveBatching.NoiseScale();
        restored.ImportStateJson(original.ExportStateJson());

        restored.MeasurementCount.Should().Be(3);
        original.Update(1, 0.7, 4, 0.3);
        restored.Update(1, 0.7, 4, 0.3);
        BitConverter.DoubleToInt64Bits(restored.GradientSquaredNorm).Should().Be(BitConverter.DoubleToInt64Bits(original.GradientSquaredNorm));
        BitConverter.DoubleToInt64Bits(restored.CovarianceTrace).Should().Be(BitConverter.DoubleToInt64Bits(original.CovarianceTrace));
        restored.ExportStateJson().Should().Be(original.ExportStateJson());
    }

    [Fact]
    public void The_state_is_versioned_json_with_named_fields()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale(0.5);
        estimator.UpdateFromConsecutiveBatches(1, 4.0, 6.0, 3.0);

        estimator.ExportStateJson().Should().Be(
            """{"type":"GradientNoiseScale","version":1,"smoothing":0.5,"measurementCount":1,"biased":true,"gradientSquaredNormAverage":0.5,"covarianceTraceAverage":2}""");
    }

    [Fact]
    public void Zero_squared_norms_are_measurements_not_errors()
    {
        // Equal norms at both batch sizes: no noise, |G|² = the norm, tr(Σ) = 0.
        GradientNoiseScale zero = AdaptiveBatching.NoiseScale();
        zero.Update(1, 0.0, 2, 0.0).Should().BeTrue();
        zero.MeasurementCount.Should().Be(1);
        zero.GradientSquaredNorm.Should().Be(0.0);
        zero.CovarianceTrace.Should().Be(0.0);

        // Parts 0 and 2 (mean 1 at B = 1), whole 0.5 at B = 2: |G|² = 2·0.5 − 1 = 0, tr(Σ) = 2·(1 − 0.5) = 1.
        GradientNoiseScale parts = AdaptiveBatching.NoiseScale();
        parts.UpdateFromParts(1, [0.0, 2.0], 0.5).Should().BeTrue();
        parts.GradientSquaredNorm.Should().Be(0.0);
        parts.CovarianceTrace.Should().Be(1.0);
    }

    [Fact]
    public void Consecutive_batches_of_half_long_max_value_are_accepted()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale();

        // Equal norms at b and 2b: no noise, |G|² = the norm, tr(Σ) = 0.
        estimator.UpdateFromConsecutiveBatches(long.MaxValue / 2, 1.0, 1.0, 1.0).Should().BeTrue();

        estimator.MeasurementCount.Should().Be(1);
        estimator.GradientSquaredNorm.Should().Be(1.0);
        estimator.CovarianceTrace.Should().Be(0.0);
    }

    [Fact]
    public void A_measurement_with_one_infinite_estimate_is_skipped_without_restarting_biased_averages()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale();
        estimator.UpdateFromConsecutiveBatches(1, 4.0, 6.0, 3.0);

        // |G|² = 2·0 − 1.7e308 is finite; tr(Σ) = 2·1.7e308 overflows.
        estimator.Update(1, 1.7e308, 2, 0.0).Should().BeFalse();

        estimator.IsBiased.Should().BeTrue();
        estimator.MeasurementCount.Should().Be(1);
        estimator.CovarianceTrace.Should().Be(4.0);
    }

    [Fact]
    public void No_measurement_is_taken_once_the_count_is_long_max_value()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale(0.5);
        estimator.ImportStateJson("""{"type":"GradientNoiseScale","version":1,"smoothing":0.5,"measurementCount":9223372036854775807,"biased":false,"gradientSquaredNormAverage":1,"covarianceTraceAverage":4}""");

        estimator.Update(1, 11.0, 2, 6.0).Should().BeFalse();

        estimator.MeasurementCount.Should().Be(long.MaxValue);
        estimator.GradientSquaredNorm.Should().Be(1.0); // 0.5^(2^63 − 1) is 0: no correction
        estimator.CovarianceTrace.Should().Be(4.0);
    }

    [Fact]
    public void An_empty_state_imports_and_a_mismatched_smoothing_says_which_one_is_expected()
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale();
        estimator.Update(1, 5.0, 2, 3.0);

        estimator.ImportStateJson("""{"type":"GradientNoiseScale","version":1,"smoothing":0.99,"measurementCount":0,"biased":false,"gradientSquaredNormAverage":0,"covarianceTraceAverage":0}""");
        estimator.MeasurementCount.Should().Be(0);
        estimator.NoiseScale.Should().Be(double.PositiveInfinity);

        ScheduleArgumentException smoothing = ((Action)(() => estimator.ImportStateJson("""{"type":"GradientNoiseScale","version":1,"smoothing":0.9,"measurementCount":1,"biased":false,"gradientSquaredNormAverage":1,"covarianceTraceAverage":1}""")))
            .Should().Throw<ScheduleArgumentException>().Which;
        smoothing.ParamName.Should().Be("json.smoothing");
        smoothing.Requirement.Should().Be("this instance's Smoothing = 0.99");
    }

    [Theory]
    [InlineData(1.0, 0.0, false)]
    [InlineData(0.0, 1.0, false)]
    [InlineData(0.0, 0.0, true)]
    public void A_state_without_measurements_must_have_zero_averages_and_be_unbiased(double squaredNorm, double trace, bool biased)
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale();
        string json = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{{\"type\":\"GradientNoiseScale\",\"version\":1,\"smoothing\":0.99,\"measurementCount\":0,\"biased\":{(biased ? "true" : "false")},\"gradientSquaredNormAverage\":{squaredNorm},\"covarianceTraceAverage\":{trace}}}");

        ScheduleArgumentException exception = ((Action)(() => estimator.ImportStateJson(json))).Should().Throw<ScheduleArgumentException>().Which;

        exception.ParamName.Should().Be("json.measurementCount");
        exception.Requirement.Should().Be("> 0 when an average is not 0 or biased is true");
    }

    [Theory]
    [InlineData("""{"type":"GradientNoiseScale","version":1,"smoothing":0.99,"measurementCount":1""", "json")]
    [InlineData("""[1, 2]""", "json")]
    [InlineData("""{"type":"AdaScale","version":1}""", "json.type")]
    [InlineData("""{"type":"GradientNoiseScale","version":2,"smoothing":0.99,"measurementCount":1,"biased":false,"gradientSquaredNormAverage":1,"covarianceTraceAverage":1}""", "json.version")]
    [InlineData("""{"type":"GradientNoiseScale","version":1,"smoothing":0.9,"measurementCount":1,"biased":false,"gradientSquaredNormAverage":1,"covarianceTraceAverage":1}""", "json.smoothing")]
    [InlineData("""{"type":"GradientNoiseScale","version":1,"smoothing":0.99,"measurementCount":-1,"biased":false,"gradientSquaredNormAverage":1,"covarianceTraceAverage":1}""", "json.measurementCount")]
    [InlineData("""{"type":"GradientNoiseScale","version":1,"smoothing":0.99,"measurementCount":0,"biased":false,"gradientSquaredNormAverage":1,"covarianceTraceAverage":1}""", "json.measurementCount")]
    [InlineData("""{"type":"GradientNoiseScale","version":1,"smoothing":0.99,"measurementCount":1,"biased":"no","gradientSquaredNormAverage":1,"covarianceTraceAverage":1}""", "json.biased")]
    [InlineData("""{"type":"GradientNoiseScale","version":1,"smoothing":0.99,"measurementCount":1,"biased":false,"covarianceTraceAverage":1}""", "json.gradientSquaredNormAverage")]
    [InlineData("""{"type":"GradientNoiseScale","version":1,"smoothing":0.99,"measurementCount":1,"biased":false,"gradientSquaredNormAverage":1,"covarianceTraceAverage":1e400}""", "json.covarianceTraceAverage")]
    public void A_corrupt_truncated_or_mismatched_state_is_rejected_naming_the_field_and_nothing_changes(string json, string field)
    {
        GradientNoiseScale estimator = AdaptiveBatching.NoiseScale();
        estimator.Update(1, 5.0, 2, 3.0);
        string before = estimator.ExportStateJson();

        Action act = () => estimator.ImportStateJson(json);

        act.Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be(field);
        estimator.ExportStateJson().Should().Be(before);
    }

    private static ScheduleArgumentException Rejects(Action act, string parameter, object value)
    {
        ScheduleArgumentException exception = act.Should().Throw<ScheduleArgumentException>().Which;
        exception.ParamName.Should().Be(parameter);
        exception.ActualValue.Should().Be(value);
        return exception;
    }
}
