using LrSchedules.Tests.Contract;

namespace LrSchedules.Porting.Tests;

/// <summary>The origin quirks the porting surface reproduces (or rejects), with values worked out by hand from each origin's formula.</summary>
public class QuirkTests
{
    [Fact]
    public void Torch_MultiplicativeLR_precomputes_the_running_product_and_holds_past_its_table()
    {
        // lr(0) = 1; lr(t) = lr(t - 1) · λ(t), λ(0) never applied: λ = 0.5 at even steps, 1 at odd ones.
        LearningRateSchedule schedule = Torch.MultiplicativeLR(1.0, step => step % 2 == 0 ? 0.5 : 1.0, totalSteps: 4);
        long[] steps = [0, 1, 2, 3, 4, 5, long.MaxValue];
        steps.Select(schedule.GetLearningRate).Should().Equal(1.0, 1.0, 0.5, 0.5, 0.25, 0.25, 0.25);
        ScheduleContract.Holds(schedule);
    }

    [Fact]
    public void Optax_sgdr_schedule_whose_cycles_sum_past_a_long_is_rejected_naming_the_cycle()
    {
        // Found by the configuration fuzzer: the running sum of decay_steps overflowed with an OverflowException.
        var sgdr = () => Optax.SgdrSchedule([new WarmupCosineDecayKwargs(0.0, 0.1, 5, 30, 0.001), new WarmupCosineDecayKwargs(0.0, 0.1, 5, long.MaxValue, 0.001)]);

        var rejection = sgdr.Should().Throw<ScheduleArgumentException>().Which;
        rejection.ParamName.Should().Be("cosineKwargs");
        rejection.Index.Should().Be(1);
        rejection.ActualValue.Should().Be(long.MaxValue);
        rejection.Requirement.Should().Be("decay_steps whose running sum fits a long (the cycles before sum to 30)");
    }

    [Fact]
    public void OlmoCore_ExponentialScheduler_wider_than_doubles_range_stays_finite_on_the_log_scale()
    {
        // Found by the configuration fuzzer: 1e308 / 1e-9 overflows, and OLMo's lr_min · ∞^r was +∞ from step 1.
        LearningRateSchedule schedule = OlmoCore.ExponentialScheduler(1e308, 1_000);

        schedule.GetLearningRate(0).Should().Be(1e-9);
        schedule.GetLearningRate(1).Should().Be(Math.Exp(Math.Log(1e-9) + (0.001 * (Math.Log(1e308) - Math.Log(1e-9)))));
        schedule.GetLearningRate(1_000).Should().Be(1e308);
        ScheduleContract.Holds(schedule);
    }

    [Fact]
    public void Timm_create_scheduler_v2_with_epochs_past_a_long_in_updates_is_rejected_naming_them()
    {
        // Found by the configuration fuzzer: warmup_epochs · updates_per_epoch overflowed with an OverflowException.
        var create = () => Timm.CreateSchedulerV2(0.1, sched: "cosine", numEpochs: 10, warmupEpochs: long.MaxValue, stepOnEpochs: false, updatesPerEpoch: 10);

        var rejection = create.Should().Throw<ScheduleArgumentException>().Which;
        rejection.ParamName.Should().Be("warmupEpochs");
        rejection.ActualValue.Should().Be(long.MaxValue);
    }

    [Fact]
    public void Megatron_iterations_past_a_long_in_samples_are_rejected_naming_the_count()
    {
        // Found by the configuration fuzzer: train_iters · global_batch_size overflowed with an OverflowException.
        var build = () => Megatron.GetOptimizerParamScheduler(0.1, long.MaxValue, trainIters: 1000, minLr: 0.01, lrDecayStyle: "WSD", lrWarmupIters: 100, lrWsdDecayIters: 100);

        var rejection = build.Should().Throw<ScheduleArgumentException>().Which;
        rejection.ParamName.Should().Be("trainIters");
        rejection.ActualValue.Should().Be(1000L);
        rejection.Requirement.Should().Be("at most long.MaxValue / 9223372036854775807 = 1 (counted in samples: times globalBatchSize)");
    }

    [Theory]
    [InlineData(4L, 1L, "lrDecayIters")]
    [InlineData(null, 4L, "lrWsdDecayIters")]
    public void Megatron_decay_iterations_past_a_long_in_samples_are_rejected_naming_their_argument(long? lrDecayIters, long lrWsdDecayIters, string paramName)
    {
        long batch = (long.MaxValue / 3) + 1;
        var build = () => Megatron.GetOptimizerParamScheduler(0.1, batch, trainIters: 2, lrDecayIters: lrDecayIters, lrDecayStyle: "WSD", lrWsdDecayIters: lrWsdDecayIters);

        var rejection = build.Should().Throw<ScheduleArgumentException>().Which;
        rejection.ParamName.Should().Be(paramName);
        rejection.ActualValue.Should().Be(4L);
        rejection.Requirement.Should().Be("at most long.MaxValue / 3074457345618258603 = 2 (counted in samples: times globalBatchSize)");
    }

    [Fact]
    public void Megatron_warmup_iterations_past_a_long_in_samples_are_rejected_naming_them()
    {
        var build = () => Megatron.GetOptimizerParamScheduler(0.1, 1L << 40, trainIters: 2, lrWarmupIters: 1L << 23);

        var rejection = build.Should().Throw<ScheduleArgumentException>().Which;
        rejection.ParamName.Should().Be("lrWarmupIters");
        rejection.Requirement.Should().Be("at most long.MaxValue / 1099511627776 = 8388607 (counted in samples: times globalBatchSize)");
    }

    [Fact]
    public void Megatron_largest_iteration_count_that_fits_is_accepted()
    {
        MegatronSchedules schedules = Megatron.GetOptimizerParamScheduler(0.1, 1L << 40, trainIters: 8_388_607);

        schedules.LearningRate.GetLearningRate(0).Should().Be(0.1);
        schedules.LearningRate.GetLearningRate(8_388_607L << 40).Should().Be(0.0);
    }

    [Fact]
    public void Torch_OneCycleLR_epochs_past_a_long_in_steps_are_rejected_naming_the_epochs()
    {
        var build = () => Torch.OneCycleLR(0.1, epochs: long.MaxValue, stepsPerEpoch: 2);

        var rejection = build.Should().Throw<ScheduleArgumentException>().Which;
        rejection.ParamName.Should().Be("epochs");
        rejection.ActualValue.Should().Be(long.MaxValue);
        rejection.Requirement.Should().Be("at most long.MaxValue / 2 = 4611686018427387903 (counted in steps: times stepsPerEpoch)");
    }

    [Fact]
    public void OlmoCore_WSDS_periods_summing_past_a_long_are_rejected_naming_the_period()
    {
        var build = () => OlmoCore.WSDS(3e-4, [100, long.MaxValue - 99], warmup: 10, decay: 5);

        var rejection = build.Should().Throw<ScheduleArgumentException>().Which;
        rejection.ParamName.Should().Be("periodLengths");
        rejection.Index.Should().Be(1);
        rejection.ActualValue.Should().Be(long.MaxValue - 99);
        rejection.Requirement.Should().Be("lengths whose sum fits a long (the periods before sum to 100)");
    }

    [Fact]
    public void OlmoCore_WSDS_periods_summing_to_exactly_long_MaxValue_are_accepted()
    {
        LearningRateSchedule schedule = OlmoCore.WSDS(3e-4, [100, long.MaxValue - 100], warmup: 10, decay: 5);

        schedule.GetLearningRate(10).Should().Be(3e-4);
    }

    [Fact]
    public void Torch_MultiplicativeLR_rejects_a_table_above_its_cap()
    {
        Action build = () => Torch.MultiplicativeLR(1.0, _ => 1.0, Torch.MultiplicativeTableCap + 1);
        build.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "totalSteps");
    }

    [Fact]
    public void Torch_ConstantLR_with_no_iterations_keeps_its_factor_for_ever()
    {
        LearningRateSchedule schedule = Torch.ConstantLR(0.3, 0.5, totalIters: 0);
        schedule.GetLearningRate(0).Should().Be(0.15);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.15);
    }

    [Fact]
    public void Torch_MultiStepLR_decays_twice_at_a_repeated_milestone()
    {
        LearningRateSchedule schedule = Torch.MultiStepLR(1.0, [5, 2, 5], 0.5);
        long[] steps = [0, 1, 2, 4, 5, 100];
        steps.Select(schedule.GetLearningRate).Should().Equal(1.0, 1.0, 0.5, 0.5, 0.125, 0.125);
    }

    [Fact]
    public void Torch_ChainedScheduler_multiplies_and_rejects_an_absolute_scheduler_after_the_first()
    {
        LearningRateSchedule chained = Torch.ChainedScheduler([Torch.ExponentialLR(0.5, 0.5), Torch.StepLR(0.5, 2, 0.1)], 0.5);
        chained.GetLearningRate(2).Should().BeApproximately(0.5 * 0.25 * 0.1, 1e-17);

        Action build = () => Torch.ChainedScheduler([Torch.ExponentialLR(0.5, 0.5), Torch.OneCycleLR(0.5, totalSteps: 10)], 0.5);
        build.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "schedulers" && e.Index == 1);
    }

    [Fact]
    public void Torch_CyclicLR_with_a_scale_function_follows_torch_get_lr()
    {
        // total 4, ratio 0.5: step 1 → x = 0.25, scale 0.5, cycle 1: 0 + 1 · 0.5 · f(1) with f(c) = 1 / c.
        LearningRateSchedule schedule = Torch.CyclicLR(0.0, 1.0, 2, scaleFn: cycle => 1.0 / cycle);
        schedule.GetLearningRate(1).Should().Be(0.5);
        schedule.GetLearningRate(2).Should().Be(1.0);
        schedule.GetLearningRate(6).Should().Be(0.5); // cycle 2, at its peak: 1 · 1/2.
    }

    [Fact]
    public void Transformers_lr_rate_cosine_is_shifted_one_step_ahead()
    {
        // (s + 1) / W in the warmup, then progress (s − W + 1) / (T − W): the peak at W − 1, the floor at T − 1.
        LearningRateSchedule schedule = Transformers.GetCosineWithMinLrScheduleWithWarmupLrRate(0.1, 10, 100, minLrRate: 0.1);
        schedule.GetLearningRate(0).Should().Be(0.1 * 0.1); // lr · (0 + 1) / 10, as LambdaLR multiplies
        schedule.GetLearningRate(9).Should().Be(0.1);
        schedule.GetLearningRate(10).Should().BeLessThan(0.1);
        schedule.GetLearningRate(99).Should().BeApproximately(0.01, 1e-17);
        ScheduleContract.Holds(schedule);
    }

    [Theory]
    [InlineData(100, 0.07, null, 8)] // ceil(7.000000000000001)
    [InlineData(7, 0.3, null, 3)]
    [InlineData(100, 2.7, null, 2)] // int(2.7)
    [InlineData(100, 1.0, null, 1)] // 1.0 is one step, not a ratio
    [InlineData(1000, 5.0, 0.1, 100)] // the deprecated ratio wins
    public void Transformers_warmup_steps_round_as_TrainingArguments(long total, double warmupSteps, double? warmupRatio, long expected) =>
        Transformers.GetWarmupSteps(total, warmupSteps, warmupRatio).Should().Be(expected);

    [Fact]
    public void Transformers_GetScheduler_ports_a_TrainingArguments_recipe_in_one_call()
    {
        var kwargs = new Dictionary<string, object?> { ["min_lr_rate"] = "0.1" };
        LearningRateSchedule viaTable = Transformers.CreateScheduler(0.1, 100, "cosine_with_min_lr", warmupSteps: 0.1, lrSchedulerKwargs: kwargs).Schedule!;
        LearningRateSchedule direct = Transformers.GetCosineWithMinLrScheduleWithWarmup(0.1, 10, 100, minLrRate: 0.1);
        foreach (long step in new long[] { 0, 9, 10, 55, 100, 150 })
        {
            viaTable.GetLearningRate(step).Should().Be(direct.GetLearningRate(step));
        }
    }

    [Fact]
    public void Transformers_GetScheduler_rejects_an_unknown_name_or_keyword_with_the_accepted_ones()
    {
        Action name = () => Transformers.GetScheduler("cosine_annealing", 0.1, 10, 100);
        name.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "name").WithMessage("*\"cosine_with_min_lr\"*");

        Action keyword = () => Transformers.GetScheduler("cosine", 0.1, 10, 100, new Dictionary<string, object?> { ["cycles"] = 2.0 });
        keyword.Should().Throw<ScheduleArgumentException>().Where(e => Equals(e.ActualValue, "cycles")).WithMessage("*num_cycles*");

        Action plateau = () => Transformers.GetScheduler("reduce_lr_on_plateau", 0.1, schedulerSpecificKwargs: new Dictionary<string, object?> { ["num_cycles"] = 1.0 });
        plateau.Should().Throw<ScheduleArgumentException>().Where(e => Equals(e.ActualValue, "num_cycles"))
            .WithMessage("*a keyword of reduce_lr_on_plateau: mode, factor, patience, threshold, threshold_mode, cooldown, min_lr, eps*");
    }

    [Fact]
    public void Transformers_constant_ignores_warmup_and_kwargs_as_get_scheduler_does()
    {
        LearningRateSchedule schedule = Transformers.GetScheduler("constant", 0.1, 10, 100, new Dictionary<string, object?> { ["anything"] = 1.0 }).Schedule!;
        schedule.GetLearningRate(0).Should().Be(0.1);
    }

    [Fact]
    public void Timm_noise_is_rejected_with_a_clear_message()
    {
        Action build = () => Timm.CosineLRScheduler(0.1, 100, noiseRangeT: [0.5]);
        build.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "noiseRangeT").WithMessage("*random*");

        Action factory = () => Timm.CreateSchedulerV2(0.1, noise: [0.4, 0.8]);
        factory.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "noise");
    }

    [Fact]
    public void Timm_create_scheduler_v2_uses_the_factory_defaults_and_counts_updates()
    {
        // step: decay_t 2 epochs, warmup_prefix False (the constructor's default is True), 10 updates per epoch.
        (PortedScheduler schedule, long epochs) = Timm.CreateSchedulerV2(1.0, "step", numEpochs: 6, decayEpochs: 2, decayRate: 0.5, updatesPerEpoch: 10);
        schedule.IsMetricDriven.Should().BeFalse();
        epochs.Should().Be(6);
        schedule.GetLearningRate(19).Should().Be(1.0);
        schedule.GetLearningRate(20).Should().Be(0.5);

        (PortedScheduler perUpdate, _) = Timm.CreateSchedulerV2(1.0, "step", numEpochs: 6, decayEpochs: 2, decayRate: 0.5, stepOnEpochs: false, updatesPerEpoch: 10);
        perUpdate.GetLearningRate(20).Should().Be(0.5);

        (_, long cosineEpochs) = Timm.CreateSchedulerV2(1.0, "cosine", numEpochs: 50, cooldownEpochs: 5, cycleLimit: 2);
        cosineEpochs.Should().Be(105);
    }

    [Fact]
    public void Timm_multistep_decays_one_step_before_its_milestone()
    {
        LearningRateSchedule schedule = Timm.MultiStepLRScheduler(1.0, [10, 20], 0.5);
        schedule.GetLearningRate(8).Should().Be(1.0);
        schedule.GetLearningRate(9).Should().Be(0.5);
        schedule.GetLearningRate(19).Should().Be(0.25);
    }

    [Fact]
    public void Keras_PolynomialDecay_with_cycle_restarts_lower_each_time()
    {
        // m = ceil(t / 10), p = t / (10 m): 1 − p.
        LearningRateSchedule schedule = Keras.PolynomialDecay(1.0, 10, endLearningRate: 0.0, cycle: true);
        long[] steps = [0, 5, 10, 11, 20, 21];
        steps.Select(schedule.GetLearningRate).Should().Equal(1.0, 0.5, 0.0, 1 - (11 / 20.0), 0.0, 1 - (21 / 30.0));
        ScheduleContract.Holds(schedule);
    }

    [Fact]
    public void Keras_PiecewiseConstantDecay_switches_one_step_after_each_boundary()
    {
        LearningRateSchedule schedule = Keras.PiecewiseConstantDecay([10, 20], [1.0, 0.5, 0.1]);
        long[] steps = [10, 11, 20, 21];
        steps.Select(schedule.GetLearningRate).Should().Equal(1.0, 0.5, 0.5, 0.1);
    }

    [Fact]
    public void Keras_CosineDecay_ignores_warmup_steps_without_a_target_and_decays_after_the_warmup_with_one()
    {
        Keras.CosineDecay(1.0, 10, warmupSteps: 5).GetLearningRate(0).Should().Be(1.0);
        LearningRateSchedule warm = Keras.CosineDecay(0.0, 10, warmupTarget: 1.0, warmupSteps: 5);
        warm.GetLearningRate(0).Should().Be(0.0);
        warm.GetLearningRate(5).Should().Be(1.0);
        warm.GetLearningRate(15).Should().BeApproximately(0.0, 1e-16);
    }

    [Fact]
    public void Keras_CosineDecayRestarts_with_a_floor_scales_only_the_cosine_part()
    {
        // alpha 0.1, m_mul 0.5, t_mul 1, 10 steps per period: restart 1 peaks at init·((1 − alpha)·0.5 + alpha) = 0.55.
        LearningRateSchedule schedule = Keras.CosineDecayRestarts(1.0, 10, tMul: 1.0, mMul: 0.5, alpha: 0.1);
        schedule.GetLearningRate(0).Should().Be(1.0);
        schedule.GetLearningRate(10).Should().BeApproximately(0.55, 1e-15);
        ScheduleContract.Holds(schedule);
    }
}

public class HardRestartTests
{
    [Fact]
    public void Transformers_hard_restarts_with_cycles_that_do_not_divide_the_steps_follow_the_lambda()
    {
        // W = 0, T = 10, n = 3: p = t / 10, value 0.5·(1 + cos(π·((3p) mod 1))); t = 4: 3p = 1.2 → 0.2.
        LearningRateSchedule schedule = Transformers.GetCosineWithHardRestartsScheduleWithWarmup(1.0, 0, 10, 3);
        schedule.GetLearningRate(0).Should().Be(1.0);
        schedule.GetLearningRate(4).Should().Be(0.5 * (1.0 + Math.Cos(Math.PI * ((3 * 0.4) % 1.0))));
        schedule.GetLearningRate(10).Should().Be(0.0);
        LrSchedules.Tests.Contract.ScheduleContract.Holds(schedule);
    }
}
