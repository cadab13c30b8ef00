namespace LrSchedules.Porting.Tests;

/// <summary>
/// timm's <c>PlateauLRScheduler</c> with its warmup, and the one-call plateau of <c>create_scheduler_v2</c> and Hugging
/// Face's <c>get_scheduler</c>. The expected rates are printed by <c>data/timm_plateau.py</c> (timm's and torch's code
/// transcribed verbatim into python3): the optimizer's lr before the first report, then after each report.
/// </summary>
public class TimmPlateauTests
{
    private static double[] Run(IMetricDrivenSchedule controller, double[] metrics)
    {
        var rates = new List<double> { controller.CurrentLearningRate };
        foreach (double metric in metrics)
        {
            controller.Report(metric);
            rates.Add(controller.CurrentLearningRate);
        }

        return [.. rates];
    }

    [Fact]
    public void Plateau_warmup_drops_its_metrics_and_every_rate_equals_timms_bit_for_bit()
    {
        // python3 data/timm_plateau.py: warmup
        ReduceLearningRateOnPlateau plateau = Timm.PlateauLRScheduler(0.1, decayRate: 0.3, patienceT: 1, warmupT: 3, warmupLrInit: 1e-5, mode: "min");

        Run(plateau, [5, 9, 9, 9, 4, 4, 4, 4, 4, 4, 4, 4]).Should().Equal(
            1e-05, 0.03334000000000001, 0.06667000000000001, 0.10000000000000002, 0.10000000000000002, 0.10000000000000002,
            0.10000000000000002, 0.030000000000000006, 0.030000000000000006, 0.009000000000000001, 0.009000000000000001, 0.0027, 0.0027);
        plateau.Options.IgnoredReports.Should().Be(3);
        plateau.Best.Should().Be(4.0, "the 5 and 9s of the warmup were never compared");
    }

    [Fact]
    public void Plateau_warmup_is_timms_arithmetic_not_the_core_warmup()
    {
        ReduceLearningRateOnPlateau plateau = Timm.PlateauLRScheduler(0.1, warmupT: 3, warmupLrInit: 1e-5);
        LearningRateSchedule core = Schedule.Constant(0.1).WithLinearWarmup(3, 1e-5, WarmupPlacement.Overlay);

        plateau.GetLearningRate(0).Should().Be(1e-5);
        plateau.GetLearningRate(1).Should().Be(1e-5 + (1 * ((0.1 - 1e-5) / 3))).And.Be(0.03334000000000001);
        core.GetLearningRate(1).Should().Be(0.03334, "the core's a + (b - a) · (t / W) rounds differently");
        plateau.GetLearningRate(2).Should().Be(0.06667000000000001);
        plateau.GetLearningRate(3).Should().Be(0.10000000000000002, "timm holds warmup_lr_init + warmup_t · s, one ulp above lr");
        plateau.GetLearningRate(4).Should().Be(0.10000000000000002);
        plateau.GetLearningRate(long.MaxValue).Should().Be(0.10000000000000002);
    }

    [Fact]
    public void Plateau_with_a_floor_stops_reducing_at_lr_min()
    {
        // python3 data/timm_plateau.py: floor
        ReduceLearningRateOnPlateau plateau = Timm.PlateauLRScheduler(0.1, decayRate: 0.5, patienceT: 0, warmupT: 2, lrMin: 0.03);
        Run(plateau, [1, 1, 2, 1, 1, 1, 1]).Should().Equal(0.0, 0.05, 0.1, 0.1, 0.05, 0.03, 0.03, 0.03);
    }

    [Fact]
    public void Plateau_without_warmup_is_torchs_controller_on_the_constant_rate()
    {
        ReduceLearningRateOnPlateau plateau = Timm.PlateauLRScheduler(0.1, decayRate: 0.5, patienceT: 0);
        plateau.Options.IgnoredReports.Should().Be(0);
        plateau.Options.Mode.Should().Be(PlateauMode.Max);
        Run(plateau, [1, 1]).Should().Equal(0.1, 0.1, 0.05);
    }

    [Theory]
    [InlineData("warmupT", -1.0)]
    [InlineData("warmupT", 2147483648.0)]
    [InlineData("warmupLrInit", double.NaN)]
    [InlineData("decayRate", 1.0)]
    [InlineData("patienceT", -1.0)]
    [InlineData("cooldownT", -1.0)]
    [InlineData("lrMin", -1.0)]
    [InlineData("threshold", double.PositiveInfinity)]
    public void Plateau_rejects_bad_input_naming_the_parameter_and_the_value(string parameter, double value)
    {
        Action build = parameter switch
        {
            "warmupT" => () => Timm.PlateauLRScheduler(0.1, warmupT: (long)value),
            "warmupLrInit" => () => Timm.PlateauLRScheduler(0.1, warmupT: 2, warmupLrInit: value),
            "decayRate" => () => Timm.PlateauLRScheduler(0.1, decayRate: value),
            "patienceT" => () => Timm.PlateauLRScheduler(0.1, patienceT: (long)value),
            "cooldownT" => () => Timm.PlateauLRScheduler(0.1, cooldownT: (long)value),
            "lrMin" => () => Timm.PlateauLRScheduler(0.1, lrMin: value),
            _ => () => Timm.PlateauLRScheduler(0.1, threshold: value),
        };

        ScheduleArgumentException e = build.Should().Throw<ScheduleArgumentException>().Which;
        e.ParamName.Should().Be(parameter);
        e.ActualValue.Should().Be(parameter is "warmupT" or "patienceT" or "cooldownT" ? (object)(long)value : value);
    }

    [Fact]
    public void Create_scheduler_v2_plateau_ports_in_one_call_as_timms_branch_builds_it()
    {
        // python3 data/timm_plateau.py: v2
        (PortedScheduler scheduler, long epochs) = Timm.CreateSchedulerV2(0.1, "plateau", numEpochs: 30, cooldownEpochs: 5, patienceEpochs: 2, decayRate: 0.5, warmupEpochs: 2);

        scheduler.IsMetricDriven.Should().BeTrue();
        scheduler.Schedule.Should().BeNull();
        epochs.Should().Be(30, "cooldown_epochs only counts for cycle schedulers, and there is no warmup prefix");
        scheduler.Plateau!.Options.Cooldown.Should().Be(0, "timm's branch passes cooldown_t=0");
        Run(scheduler.Plateau!, [0.9, 0.1, 0.5, 0.5, 0.5, 0.5, 0.6, 0.6, 0.6, 0.6]).Should().Equal(
            1e-05, 0.05000500000000001, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025);
        scheduler.GetLearningRate(0).Should().Be(1e-05 * (0.5 * 0.5), "read at an earlier step, the warmup is scaled by the reductions made so far");

        Timm.CreateSchedulerV2(0.1, "plateau", numEpochs: 30, warmupEpochs: 4, warmupPrefix: true).NumEpochs.Should().Be(34, "num_epochs += warmup_epochs with a prefix");
    }

    [Fact]
    public void Create_scheduler_v2_plateau_per_update_is_rejected_as_timm_asserts()
    {
        Action build = () => Timm.CreateSchedulerV2(0.1, "plateau", stepOnEpochs: false, updatesPerEpoch: 10);
        build.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "stepOnEpochs" && Equals(e.ActualValue, false))
            .WithMessage("*Plateau LR only supports step per epoch*");

        Action negative = () => Timm.CreateSchedulerV2(0.1, "plateau", warmupEpochs: -1);
        negative.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "warmupEpochs" && Equals(e.ActualValue, -1L));

        Action patience = () => Timm.CreateSchedulerV2(0.1, "plateau", patienceEpochs: -3);
        patience.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "patienceEpochs" && Equals(e.ActualValue, -3L));

        Action mode = () => Timm.CreateSchedulerV2(0.1, "plateau", plateauMode: "maximum");
        mode.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "plateauMode" && Equals(e.ActualValue, "maximum"));
    }

    [Fact]
    public void Get_scheduler_reduce_lr_on_plateau_ports_in_one_call_with_torchs_kwargs()
    {
        var kwargs = new Dictionary<string, object?> { ["factor"] = 0.5, ["patience"] = "1", ["mode"] = "max" };
        PortedScheduler scheduler = Transformers.GetScheduler("reduce_lr_on_plateau", 0.1, numWarmupSteps: 100, numTrainingSteps: 1000, schedulerSpecificKwargs: kwargs);
        ReduceLearningRateOnPlateau direct = Transformers.GetReduceOnPlateauSchedule(0.1, mode: "max", factor: 0.5, patience: 1);

        scheduler.IsMetricDriven.Should().BeTrue("get_scheduler calls get_reduce_on_plateau_schedule(optimizer, **kwargs), ignoring the steps");
        scheduler.Plateau!.Options.Should().Be(direct.Options);
        double[] metrics = [1, 2, 2, 2, 2, 2, 3];
        Run(scheduler.Plateau!, metrics).Should().Equal(Run(direct, metrics)).And.Equal(0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025);

        Transformers.CreateScheduler(0.1, 1000, "reduce_lr_on_plateau").Plateau.Should().NotBeNull("Trainer.create_scheduler goes through get_scheduler");
        Transformers.GetScheduler("linear", 0.1, 10, 100).IsMetricDriven.Should().BeFalse();
    }

    [Fact]
    public void Get_scheduler_reduce_lr_on_plateau_rejects_a_bad_kwarg_naming_the_dictionary_and_the_value()
    {
        Action factor = () => Transformers.GetScheduler("reduce_lr_on_plateau", 0.1, schedulerSpecificKwargs: new Dictionary<string, object?> { ["factor"] = 1.5 });
        factor.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "schedulerSpecificKwargs" && Equals(e.ActualValue, 1.5));

        Action mode = () => Transformers.GetScheduler("reduce_lr_on_plateau", 0.1, schedulerSpecificKwargs: new Dictionary<string, object?> { ["mode"] = "lowest" });
        mode.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "schedulerSpecificKwargs" && Equals(e.ActualValue, "lowest"));
    }
}
