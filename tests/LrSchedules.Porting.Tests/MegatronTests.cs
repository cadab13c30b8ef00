using LrSchedules.Tests.Contract;

namespace LrSchedules.Porting.Tests;

/// <summary>
/// Megatron-LM's OptimizerParamScheduler against data/reference.py (get_lr and get_wd transcribed from
/// megatron/core/optimizer_param_scheduler.py @ d98e8a64): lr_warmup_steps = 1000, lr_decay_steps = 10000 samples,
/// init 1e-5, max 3e-4, min 3e-5, weight decay 0.01 → 0.1 over 10000 samples, WSD anneal 2000.
/// </summary>
public class MegatronTests
{
    private static MegatronSchedules Build(string style, string wdStyle, string? wsdStyle = null) =>
        Megatron.OptimizerParamScheduler(
            1e-5, 3e-4, 3e-5, 1000, 10_000, style, 0.01, 0.1, 10_000, wdStyle,
            wsdDecaySteps: wsdStyle is null ? null : 2000,
            lrWsdDecayStyle: wsdStyle);

    [Theory]
    [InlineData("linear", "linear", "linear", null)]
    [InlineData("cosine", "cosine", "cosine", null)]
    [InlineData("isqrt", "inverse-square-root", "linear", null)]
    [InlineData("constant", "constant", "cosine", null)]
    [InlineData("wsd_exponential", "WSD", "linear", "exponential")]
    [InlineData("wsd_linear", "WSD", "linear", "linear")]
    [InlineData("wsd_cosine", "WSD", "linear", "cosine")]
    [InlineData("wsd_minus_sqrt", "WSD", "linear", "minus_sqrt")]
    public void Learning_rate_and_weight_decay_match_Megatron_at_every_boundary(string name, string style, string wdStyle, string? wsdStyle)
    {
        MegatronSchedules schedules = Build(style, wdStyle, wsdStyle);
        foreach ((long step, double[] values) in Reference.Case("megatron_" + name))
        {
            schedules.LearningRate.GetLearningRate(step).Should().BeApproximately(values[0], 1e-15 * values[0] + 1e-20, $"lr at {step}");
            schedules.WeightDecay.GetLearningRate(step).Should().BeApproximately(values[1], 1e-15 * values[1], $"wd at {step}");
        }

        ScheduleContract.Holds(schedules.LearningRate);
        ScheduleContract.Holds(schedules.WeightDecay);
    }

    [Fact]
    public void Inverse_square_root_falls_to_min_lr_after_the_decay_steps()
    {
        LearningRateSchedule lr = Build("inverse-square-root", "linear").LearningRate;

        // max·√(W/D) = 3e-4·√0.1 ≈ 9.49e-5 at D, then min_lr: Megatron's drop.
        lr.GetLearningRate(10_000).Should().BeApproximately(3e-4 * Math.Sqrt(1000.0) / Math.Sqrt(10_000.0), 1e-18);
        lr.GetLearningRate(10_001).Should().Be(3e-5);
    }

    [Fact]
    public void The_warmup_is_inclusive_and_constant_ignores_the_decay_steps()
    {
        LearningRateSchedule lr = Build("constant", "linear").LearningRate;
        lr.GetLearningRate(1000).Should().Be(3e-4);
        lr.GetLearningRate(long.MaxValue).Should().Be(3e-4);
    }

    [Fact]
    public void A_fractional_warmup_from_lr_warmup_fraction_is_used_unrounded()
    {
        MegatronSchedules schedules = Megatron.OptimizerParamScheduler(0.0, 1e-3, 1e-5, 0.0333 * 10_000, 10_000, "cosine", 0.1, 0.1, 10_000, "constant");
        foreach ((long step, double[] values) in Reference.Case("megatron_fraction"))
        {
            schedules.LearningRate.GetLearningRate(step).Should().BeApproximately(values[0], 1e-15 * values[0] + 1e-20, $"lr at {step}");
        }
    }

    [Fact]
    public void Per_iteration_reads_the_sample_counter_at_iteration_times_batch()
    {
        MegatronSchedules perSample = Build("linear", "linear");
        MegatronSchedules perIteration = perSample.PerIteration(100);
        perIteration.LearningRate.GetLearningRate(10).Should().Be(perSample.LearningRate.GetLearningRate(1000));
        perIteration.WeightDecay.GetLearningRate(80).Should().Be(perSample.WeightDecay.GetLearningRate(8000));
        perIteration.LearningRate.GetLearningRate(long.MaxValue).Should().Be(3e-5);
        ScheduleContract.Holds(perIteration.LearningRate);
    }

    [Fact]
    public void Get_optimizer_param_scheduler_converts_iterations_to_samples()
    {
        MegatronSchedules fromArgs = Megatron.GetOptimizerParamScheduler(
            3e-4, globalBatchSize: 10, trainIters: 1000, minLr: 3e-5, lrDecayStyle: "WSD", lrWarmupIters: 100, lrWarmupInit: 1e-5,
            lrWsdDecayIters: 200, startWeightDecay: 0.01, endWeightDecay: 0.1, weightDecayIncrStyle: "linear");
        MegatronSchedules direct = Build("WSD", "linear", "exponential");
        foreach (long step in new long[] { 0, 999, 1000, 8000, 8001, 9999, 10_000, 10_001 })
        {
            fromArgs.LearningRate.GetLearningRate(step).Should().Be(direct.LearningRate.GetLearningRate(step));
            fromArgs.WeightDecay.GetLearningRate(step).Should().Be(direct.WeightDecay.GetLearningRate(step));
        }
    }

    [Theory]
    [InlineData("lrDecayStyle", "polynomial")]
    [InlineData("wdIncrStyle", "exponential")]
    public void An_unknown_style_is_rejected_up_front_with_the_accepted_names(string parameter, string value)
    {
        Action build = () => Megatron.OptimizerParamScheduler(
            0, 1e-3, 0, 10, 100, parameter == "lrDecayStyle" ? value : "linear", 0.1, 0.1, 100, parameter == "wdIncrStyle" ? value : "constant");
        build.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == parameter && Equals(e.ActualValue, value))
            .WithMessage("*\"linear\"*");
    }

    [Theory]
    [InlineData(2e-3, 1e-3, 0.0, "initLr")]
    [InlineData(0.0, 1e-3, 2e-3, "maxLr")]
    [InlineData(0.0, 1e-3, -1.0, "minLr")]
    public void Megatron_asserts_are_rejections_naming_the_parameter(double init, double max, double min, string parameter)
    {
        Action build = () => Megatron.OptimizerParamScheduler(init, max, min, 10, 100, "linear", 0.1, 0.1, 100, "constant");
        build.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == parameter);
    }

    [Fact]
    public void Wsd_without_its_anneal_style_is_rejected()
    {
        Action build = () => Megatron.OptimizerParamScheduler(0, 1e-3, 0, 10, 100, "WSD", 0.1, 0.1, 100, "constant", wsdDecaySteps: 20);
        build.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "lrWsdDecayStyle");
    }

    [Theory]
    [InlineData("0:768 250B:1536 500B:3072", 4096L, new long[] { 0, 61_035_156, 122_070_312 }, new long[] { 768, 1536, 3072 })]
    [InlineData("0:8,1.005K:16 2k:1K", null, new long[] { 0, 1004, 2000 }, new long[] { 8, 16, 1000 })]
    public void The_step_batch_size_schedule_parses_as_Megatron_does(string text, long? seqLength, long[] thresholds, long[] batches)
    {
        BatchSizeSchedule schedule = Megatron.StepBatchSizeSchedule(text, seqLength);
        for (int i = 0; i < thresholds.Length; i++)
        {
            schedule.GetBatchSize(thresholds[i]).Should().Be(batches[i]);
            if (thresholds[i] > 0)
            {
                schedule.GetBatchSize(thresholds[i] - 1).Should().Be(batches[i - 1]);
            }
        }
    }

    [Theory]
    [InlineData("0:8 100", 1, "*entry 1 (character 4)*")]
    [InlineData("10:8 100:16", 0, "*first threshold of 0*entry 0*")]
    [InlineData("0:8 1x:16", 1, "*entry 1 (character 4)*")]
    [InlineData("0:8 5:0", 1, "*positive batch size*entry 1*")]
    [InlineData("0:8 5:16 5:32", 2, "*strictly increasing*entry 2*")]
    public void A_bad_schedule_string_is_rejected_naming_the_position(string text, int index, string message)
    {
        Action parse = () => Megatron.StepBatchSizeSchedule(text);
        parse.Should().Throw<ScheduleArgumentException>().Where(e => e.Index == index).WithMessage(message);
    }

    [Fact]
    public void The_legacy_rampup_matches_Megatron()
    {
        BatchSizeSchedule ramp = Megatron.RampupBatchSize(32, 32, 1000, 128);
        foreach ((long consumed, double[] batch) in Reference.Case("rampup"))
        {
            ramp.GetBatchSize(consumed).Should().Be((long)batch[0], $"at {consumed} samples");
        }
    }
}
