using LrSchedules.Batching;

namespace LrSchedules.Tests.Batching;

public class AdaScaleTests
{
    /// <summary>Statistics |G|² = 1, tr(Σ) = 4 (B_small = 1, |G_small|² = 5; B_big = 2, |G_big|² = 3).</summary>
    private static GradientNoiseScale Measured(double smallNorm = 5.0, double bigNorm = 3.0)
    {
        GradientNoiseScale statistics = AdaptiveBatching.NoiseScale();
        statistics.Update(1, smallNorm, 2, bigNorm);
        return statistics;
    }

    [Theory]
    [InlineData(1, 1.0)] // S = 1: (4 + 1)/(4 + 1)
    [InlineData(2, 5.0 / 3.0)] // (4 + 1)/(2 + 1)
    [InlineData(4, 2.5)] // (4 + 1)/(1 + 1)
    [InlineData(8, 10.0 / 3.0)] // (4 + 1)/(0.5 + 1)
    public void The_gain_is_variance_plus_norm_over_variance_by_scale_plus_norm(long batchSize, double gain)
    {
        AdaScale adaScale = AdaptiveBatching.AdaScale(Measured(), Schedule.Constant(0.1), referenceBatchSize: 1, totalSteps: 100);

        adaScale.GetGain(batchSize).Should().Be(gain);
    }

    [Fact]
    public void The_variance_is_the_trace_over_the_base_batch_size()
    {
        // σ² = tr(Σ)/B0 = 4/2 = 2, μ² = 1, S = 4/2 = 2: (2 + 1)/(1 + 1) = 1.5.
        AdaScale adaScale = AdaptiveBatching.AdaScale(Measured(), Schedule.Constant(0.1), referenceBatchSize: 2, totalSteps: 100);

        adaScale.GetGain(4).Should().Be(1.5);
    }

    [Fact]
    public void The_gain_matches_adaptdl_test_object_var_3_norm_1_scale_3_gives_2()
    {
        // adaptdl/adaptdl/torch/scaling_rules_test.py test_object: var_avg = 3, norm 1, gain(3.0) = 2.0.
        // |G|² = 2·2.5 − 4 = 1, tr(Σ) = 2·(4 − 2.5) = 3.
        AdaScale adaScale = AdaptiveBatching.AdaScale(Measured(4.0, 2.5), Schedule.Constant(0.1), referenceBatchSize: 1, totalSteps: 100);

        adaScale.GetGain(3).Should().Be(2.0);
    }

    [Fact]
    public void Before_any_measurement_the_gain_uses_adaptdl_initial_statistics_and_is_almost_one()
    {
        AdaScale adaScale = AdaptiveBatching.AdaScale(AdaptiveBatching.NoiseScale(), Schedule.Constant(0.1), 1, 100);

        // sqr_avg = 1, var_avg = 0 floored to 1e-6: (1e-6 + 1)/(1e-6/4 + 1) = 1 + 7.5e-7 to first order.
        adaScale.GetGain(4).Should().BeApproximately(1.00000075, 1e-12);
    }

    [Fact]
    public void A_gradient_that_is_all_noise_gives_the_full_scale()
    {
        // |G|² = 2·1 − 5 = −3 → 0, tr(Σ) = 8: r = 8/(8/4) = S.
        AdaScale adaScale = AdaptiveBatching.AdaScale(Measured(5.0, 1.0), Schedule.Constant(0.1), 1, 100);

        adaScale.GetGain(4).Should().Be(4.0);
    }

    [Fact]
    public void A_negative_variance_is_floored_at_adaptdl_1e_minus_6_so_the_gain_is_almost_one()
    {
        // |G|² = 2·2 − 1 = 3, tr(Σ) = 2·(1 − 2) = −2 → 1e-6.
        AdaScale adaScale = AdaptiveBatching.AdaScale(Measured(1.0, 2.0), Schedule.Constant(0.1), 1, 100);

        double gain = adaScale.GetGain(4);
        gain.Should().BeGreaterThanOrEqualTo(1.0).And.BeLessThan(1.0 + 1e-6);
    }

    [Fact]
    public void The_rate_is_the_gain_times_the_schedule_read_at_the_progress_and_the_clock_advances_by_the_gain()
    {
        // r = 2.5 at B = 4; linear 1 → 0 over 10 base steps, read at τ = 0, 2.5, 5, 7.5.
        AdaScale adaScale = AdaptiveBatching.AdaScale(Measured(), Schedule.Linear(1.0, 0.0, 10), 1, 10);

        adaScale.GetLearningRate(4).Should().Be(2.5);
        adaScale.Advance(4).Should().Be(2.5);
        adaScale.Progress.Should().Be(2.5);
        adaScale.GetLearningRate(4).Should().Be(2.5 * 0.75);
        adaScale.Advance(4);
        adaScale.GetLearningRate(4).Should().Be(2.5 * 0.5);
        adaScale.Advance(4);
        adaScale.Progress.Should().Be(7.5);
        adaScale.IsComplete.Should().BeFalse();
        adaScale.Advance(4);

        // Four steps at S = 4 did the work of ten base steps: over exactly at τ = 10.
        adaScale.Progress.Should().Be(10.0);
        adaScale.IsComplete.Should().BeTrue();
        adaScale.GetLearningRate(4).Should().Be(0.0);
    }

    [Fact]
    public void At_the_base_batch_size_the_clock_is_the_step_and_the_rate_is_the_schedule()
    {
        AdaScale adaScale = AdaptiveBatching.AdaScale(Measured(), Schedule.Linear(1.0, 0.0, 4), 8, 4);
        for (long step = 0; step < 4; step++)
        {
            adaScale.Progress.Should().Be(step);
            adaScale.GetLearningRate(8).Should().Be(1.0 - (step / 4.0));
            adaScale.Advance(8).Should().Be(1.0);
        }

        adaScale.IsComplete.Should().BeTrue();
    }

    [Fact]
    public void Training_is_complete_exactly_when_the_progress_reaches_the_length()
    {
        // r = 5/3 at B = 2: τ = 5/3, 10/3, 5 after three steps; length 5.
        AdaScale adaScale = AdaptiveBatching.AdaScale(Measured(), Schedule.Linear(1.0, 0.0, 5), 1, 5);
        adaScale.Advance(2);
        adaScale.Advance(2);
        adaScale.IsComplete.Should().BeFalse();
        adaScale.Advance(1); // r = 1: τ = 10/3 + 1 < 5
        adaScale.IsComplete.Should().BeFalse();
        adaScale.Advance(4); // r = 2.5
        adaScale.IsComplete.Should().BeTrue();
        adaScale.GetLearningRate(4).Should().Be(0.0);
        for (int i = 0; i < 1000; i++)
        {
            adaScale.Advance(8);
        }

        adaScale.GetLearningRate(8).Should().Be(0.0);
    }

    [Fact]
    public void A_user_schedule_is_read_at_the_whole_part_of_the_progress()
    {
        var user = new StepSchedule();
        AdaScale adaScale = AdaptiveBatching.AdaScale(Measured(), user, 1, 10);
        adaScale.Advance(4); // τ = 2.5

        adaScale.GetLearningRate(4).Should().Be(2.5 * 2.0);
        adaScale.LearningRate.Should().BeSameAs(user);
    }

    [Fact]
    public void Queries_allocate_nothing()
    {
        AdaScale adaScale = AdaptiveBatching.AdaScale(Measured(), Schedule.Linear(1.0, 0.0, 10), 1, 10);
        BatchAssertions.AllocatesNothing(() => (long)(adaScale.GetLearningRate(4) + adaScale.Advance(4)));
    }

    [Fact]
    public void Bad_arguments_are_rejected_naming_them()
    {
        GradientNoiseScale statistics = Measured();
        ((Action)(() => AdaptiveBatching.AdaScale(null!, Schedule.Constant(0.1), 1, 10))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("statistics");
        ((Action)(() => AdaptiveBatching.AdaScale(statistics, null!, 1, 10))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("learningRate");
        ((Action)(() => AdaptiveBatching.AdaScale(statistics, Schedule.Constant(0.1), 0, 10))).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("referenceBatchSize");
        ((Action)(() => AdaptiveBatching.AdaScale(statistics, Schedule.Constant(0.1), 1, 0))).Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("totalSteps");

        AdaScale adaScale = AdaptiveBatching.AdaScale(statistics, Schedule.Constant(0.1), 4, 10);
        ScheduleArgumentException below = ((Action)(() => adaScale.Advance(3))).Should().Throw<ScheduleArgumentException>().Which;
        below.ParamName.Should().Be("batchSize");
        below.ActualValue.Should().Be(3L);
        below.Requirement.Should().Be(">= the reference batch size 4");
        adaScale.Progress.Should().Be(0.0);
    }

    [Fact]
    public void Exported_progress_restores_bit_for_bit_and_a_mismatch_is_rejected_naming_the_field()
    {
        AdaScale original = AdaptiveBatching.AdaScale(Measured(), Schedule.Linear(1.0, 0.0, 10), 1, 10);
        original.Advance(3);
        original.Advance(7);

        AdaScale restored = AdaptiveBatching.AdaScale(Measured(), Schedule.Linear(1.0, 0.0, 10), 1, 10);
        restored.ImportStateJson(original.ExportStateJson());
        restored.Progress.Should().Be(original.Progress);
        restored.GetLearningRate(5).Should().Be(original.GetLearningRate(5));

        AdaScale other = AdaptiveBatching.AdaScale(Measured(), Schedule.Linear(1.0, 0.0, 10), 2, 10);
        Mismatch(() => other.ImportStateJson(original.ExportStateJson()), "json.referenceBatchSize", "this instance's ReferenceBatchSize = 2");
        Mismatch(() => restored.ImportStateJson("""{"type":"AdaScale","version":1,"referenceBatchSize":1,"totalSteps":11,"progress":1}"""), "json.totalSteps", "this instance's TotalSteps = 10");
        Mismatch(() => restored.ImportStateJson("""{"type":"AdaScale","version":1,"referenceBatchSize":1,"totalSteps":10,"progress":-1}"""), "json.progress", "a finite number >= 0");
        ((Action)(() => restored.ImportStateJson("""{"type":"AdaScale","version":1,"referenceBatchSize":1,"totalSteps":10,"prog""")))
            .Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("json");
        restored.Progress.Should().Be(original.Progress);
    }

    [Fact]
    public void A_saved_progress_of_zero_restarts_the_clock()
    {
        AdaScale adaScale = AdaptiveBatching.AdaScale(Measured(), Schedule.Linear(1.0, 0.0, 10), 1, 10);
        adaScale.Advance(4);

        adaScale.ImportStateJson("""{"type":"AdaScale","version":1,"referenceBatchSize":1,"totalSteps":10,"progress":0}""");

        adaScale.Progress.Should().Be(0.0);
        adaScale.GetLearningRate(4).Should().Be(2.5);
    }

    private static void Mismatch(Action act, string field, string requirement)
    {
        ScheduleArgumentException exception = act.Should().Throw<ScheduleArgumentException>().Which;
        exception.ParamName.Should().Be(field);
        exception.Requirement.Should().Be(requirement);
    }

    private sealed class StepSchedule : ILearningRateSchedule
    {
        public double GetLearningRate(long step) => step;
    }
}
