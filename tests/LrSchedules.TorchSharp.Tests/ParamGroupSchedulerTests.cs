using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace LrSchedules.TorchSharp.Tests;

public class ParamGroupSchedulerTests
{
    // lr(t) = 0.5 + 0.25 t, m(t) = 0.5 + 0.125 t (in [0, 1) up to t = 3), β2(t) = 0.75 + 0.0625 t, wd(t) = 0.5 t.
    private static readonly AffineSchedule Rate = new(0.5, 0.25);
    // User schedules (their values are unknown in advance), so each series is checked where it is read.
    private static readonly MomentumSchedule Momentum = new AffineSchedule(0.5, 0.125).AsMomentum();
    private static readonly BetaSchedule Beta2 = new AffineSchedule(0.75, 0.0625).AsBeta();
    private static readonly WeightDecaySchedule Decay = new AffineSchedule(0.0, 0.5).AsWeightDecay();

    [Fact]
    public void Apply_sets_every_groups_rate_times_its_scale_and_leaves_the_initial_rate()
    {
        var head = new RateOnlyGroup();
        var backbone = new RateOnlyGroup();
        var scheduler = new ParamGroupScheduler([head, backbone], new HyperparameterSchedules(Rate), learningRateScales: [1.0, 0.125]);

        scheduler.Apply(2);

        head.LearningRate.Should().Be(1.0);
        backbone.LearningRate.Should().Be(0.125);
        head.InitialLearningRate.Should().Be(-2);
        scheduler.GroupCount.Should().Be(2);
    }

    [Fact]
    public void Apply_is_closed_form_in_any_order()
    {
        var group = new RateOnlyGroup();
        var scheduler = new ParamGroupScheduler([group], new HyperparameterSchedules(Rate));

        scheduler.Apply(1_000_000);
        group.LearningRate.Should().Be(250_000.5);
        scheduler.Apply(0);
        group.LearningRate.Should().Be(0.5);
        scheduler.Apply(long.MaxValue / 4);
        group.LearningRate.Should().Be(0.5 + (0.25 * (long.MaxValue / 4)));
    }

    [Fact]
    public void Momentum_series_sets_the_momentum_of_a_group_with_momentum_and_beta1_of_a_group_with_betas()
    {
        var sgd = new MomentumGroup();
        var adam = new BetasGroup();
        var scheduler = new ParamGroupScheduler([sgd, adam], new HyperparameterSchedules(Rate, momentum: Momentum));

        scheduler.Apply(3);

        sgd.Momentum.Should().Be(0.875);
        adam.Betas.Should().Be((0.875, 0.999));
        sgd.WeightDecay.Should().Be(-4, "the weight decay is not scheduled");
        adam.WeightDecay.Should().Be(-4);
    }

    [Fact]
    public void Beta2_series_alone_keeps_beta1()
    {
        var adam = new BetasGroup { Betas = (0.8, 0.5) };
        var scheduler = new ParamGroupScheduler([adam], new HyperparameterSchedules(Rate, beta2: Beta2));

        scheduler.Apply(3);

        adam.Betas.Should().Be((0.8, 0.9375));
    }

    [Fact]
    public void Momentum_and_beta2_series_set_both_betas()
    {
        var adam = new BetasGroup();
        var scheduler = new ParamGroupScheduler([adam], new HyperparameterSchedules(Rate, momentum: Momentum, beta2: Beta2));

        scheduler.Apply(2);

        adam.Betas.Should().Be((0.75, 0.875));
    }

    [Fact]
    public void Weight_decay_follows_its_schedule_times_each_groups_scale()
    {
        var decayed = new MomentumGroup();
        var biases = new MomentumGroup();
        var scheduler = new ParamGroupScheduler(
            [decayed, biases],
            new HyperparameterSchedules(Rate, weightDecay: Decay),
            weightDecayScales: [1.0, 0.0]);

        scheduler.Apply(3);

        decayed.WeightDecay.Should().Be(1.5);
        biases.WeightDecay.Should().Be(0.0);
        decayed.Momentum.Should().Be(-3, "the momentum is not scheduled");
    }

    [Fact]
    public void TorchSharp_sgd_group_options_receive_rate_momentum_and_weight_decay()
    {
        var group = new SGD.ParamGroup { Options = new SGD.Options { LearningRate = 0.1, InitialLearningRate = 0.1, momentum = 0.9, weight_decay = 0.0 } };
        var scheduler = new ParamGroupScheduler([group], new HyperparameterSchedules(Rate, momentum: Momentum, weightDecay: Decay));

        scheduler.Apply(1);

        group.Options.LearningRate.Should().Be(0.75);
        group.Options.momentum.Should().Be(0.625);
        group.Options.weight_decay.Should().Be(0.5);
        group.Options.InitialLearningRate.Should().Be(0.1);
    }

    [Fact]
    public void TorchSharp_adam_and_adamw_group_options_receive_betas_and_weight_decay()
    {
        var adam = new Adam.ParamGroup { Options = new Adam.Options { LearningRate = 0.1, beta1 = 0.9, beta2 = 0.999, weight_decay = 0.0 } };
        var adamW = new AdamW.ParamGroup { Options = new AdamW.Options { LearningRate = 0.1, beta1 = 0.9, beta2 = 0.999, weight_decay = 0.01 } };
        var scheduler = new ParamGroupScheduler(
            [adam, adamW],
            new HyperparameterSchedules(Rate, momentum: Momentum, beta2: Beta2, weightDecay: Decay),
            learningRateScales: [1.0, 2.0],
            weightDecayScales: [0.0, 1.0]);

        scheduler.Apply(2);

        adam.Options.LearningRate.Should().Be(1.0);
        adam.Options.beta1.Should().Be(0.75);
        adam.Options.beta2.Should().Be(0.875);
        adam.Options.weight_decay.Should().Be(0.0);
        adamW.Options.LearningRate.Should().Be(2.0);
        adamW.Options.beta1.Should().Be(0.75);
        adamW.Options.weight_decay.Should().Be(1.0);
    }

    [Fact]
    public void Weight_decay_is_set_for_every_torchsharp_optimizer_with_a_weight_decay_option()
    {
        ParamGroup[] groups =
        [
            new SGD.ParamGroup { Options = new SGD.Options() },
            new Adam.ParamGroup { Options = new Adam.Options() },
            new AdamW.ParamGroup { Options = new AdamW.Options() },
            new Adamax.ParamGroup { Options = new Adamax.Options() },
            new NAdam.ParamGroup { Options = new NAdam.Options() },
            new RAdam.ParamGroup { Options = new RAdam.Options() },
            new RMSProp.ParamGroup { Options = new RMSProp.Options() },
            new Adagrad.ParamGroup { Options = new Adagrad.Options() },
            new Adadelta.ParamGroup { Options = new Adadelta.Options() },
            new ASGD.ParamGroup { Options = new ASGD.Options() },
        ];
        var scheduler = new ParamGroupScheduler(groups, new HyperparameterSchedules(Rate, weightDecay: Decay));

        scheduler.Apply(5);

        double?[] decays =
        [
            ((SGD.Options)groups[0].Options).weight_decay, ((Adam.Options)groups[1].Options).weight_decay,
            ((AdamW.Options)groups[2].Options).weight_decay, ((Adamax.Options)groups[3].Options).weight_decay,
            ((NAdam.Options)groups[4].Options).weight_decay, ((RAdam.Options)groups[5].Options).weight_decay,
            ((RMSProp.Options)groups[6].Options).weight_decay, ((Adagrad.Options)groups[7].Options).weight_decay,
            ((Adadelta.Options)groups[8].Options).weight_decay, ((ASGD.Options)groups[9].Options).weight_decay,
        ];
        decays.Should().AllBeEquivalentTo(2.5);
        groups.Select(g => g.Options.LearningRate).Should().AllBeEquivalentTo(1.75);
    }

    [Fact]
    public void Apply_allocates_nothing()
    {
        var sgd = new SGD.ParamGroup { Options = new SGD.Options { LearningRate = 0.1, momentum = 0.9, weight_decay = 0.0 } };
        var momentumGroup = new MomentumGroup();
        var sgdScheduler = new ParamGroupScheduler(
            [sgd, momentumGroup],
            new HyperparameterSchedules(Rate, momentum: new AffineSchedule(0.5, 0.0).AsMomentum(), weightDecay: Decay),
            learningRateScales: [1.0, 0.5]);
        var adam = new Adam.ParamGroup { Options = new Adam.Options { LearningRate = 0.1, beta1 = 0.9, beta2 = 0.999, weight_decay = 0.0 } };
        var betasGroup = new BetasGroup();
        var adamScheduler = new ParamGroupScheduler(
            [adam, betasGroup],
            new HyperparameterSchedules(Rate, momentum: new AffineSchedule(0.5, 0.0).AsMomentum(), beta2: new AffineSchedule(0.9, 0.0).AsBeta(), weightDecay: Decay),
            weightDecayScales: [1.0, 0.0]);

        AllocatesNothing(sgdScheduler.Apply);
        AllocatesNothing(adamScheduler.Apply);
        sgd.Options.LearningRate.Should().Be(0.5 + (0.25 * 999));
        adam.Options.beta2.Should().Be(0.9);
    }

    /// <summary>Asserts that an action allocates nothing: warmed up, then the fewest bytes of five rounds of 1,000 calls is 0 (as the core's contract tests measure).</summary>
    internal static void AllocatesNothing(Action<long> apply)
    {
        for (long step = 0; step < 3; step++)
        {
            apply(step);
        }

        long fewest = long.MaxValue;
        for (int attempt = 0; attempt < 5 && fewest > 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (long step = 0; step < 1_000; step++)
            {
                apply(step);
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        fewest.Should().Be(0, "setting the groups must allocate nothing");
    }

    [Fact]
    public void Negative_step_is_rejected()
    {
        var scheduler = new ParamGroupScheduler([new RateOnlyGroup()], new HyperparameterSchedules(Rate));

        FluentActions.Invoking(() => scheduler.Apply(-1))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ActualValue.Should().Be(-1L);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(-0.5)]
    public void Momentum_outside_zero_one_is_rejected_at_the_query_naming_series_step_and_value(double value)
    {
        var group = new MomentumGroup();
        var scheduler = new ParamGroupScheduler([group], new HyperparameterSchedules(Rate, momentum: new AffineSchedule(value, 0.0).AsMomentum()));

        FluentActions.Invoking(() => scheduler.Apply(7))
            .Should().Throw<InvalidOperationException>()
            .WithMessage($"MomentumSchedule: the schedule returned {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} at step 7; every value must lie in [0, 1).");
    }

    [Fact]
    public void A_value_out_of_range_leaves_every_group_as_it_was()
    {
        var first = new MomentumGroup();
        var second = new MomentumGroup();
        var scheduler = new ParamGroupScheduler([first, second], new HyperparameterSchedules(Rate, momentum: Momentum, weightDecay: Decay));
        scheduler.Apply(1);

        // At step 4 the momentum is 1.0: rejected before any group is written.
        FluentActions.Invoking(() => scheduler.Apply(4)).Should().Throw<InvalidOperationException>();

        first.LearningRate.Should().Be(0.75);
        second.LearningRate.Should().Be(0.75);
        second.Momentum.Should().Be(0.625);
        second.WeightDecay.Should().Be(0.5);
    }

    [Fact]
    public void Beta2_of_one_is_rejected_at_the_query()
    {
        var scheduler = new ParamGroupScheduler([new BetasGroup()], new HyperparameterSchedules(Rate, beta2: new AffineSchedule(1.0, 0.0).AsBeta()));

        FluentActions.Invoking(() => scheduler.Apply(0)).Should().Throw<InvalidOperationException>().WithMessage("BetaSchedule: the schedule returned 1 at step 0; every value must lie in [0, 1).");
    }

    [Theory]
    [InlineData(-0.25)]
    [InlineData(double.PositiveInfinity)]
    public void Negative_or_infinite_weight_decay_or_rate_is_rejected_at_the_query(double value)
    {
        var decayScheduler = new ParamGroupScheduler([new MomentumGroup()], new HyperparameterSchedules(Rate, weightDecay: new AffineSchedule(value, 0.0).AsWeightDecay()));
        var rateScheduler = new ParamGroupScheduler([new MomentumGroup()], new HyperparameterSchedules(new AffineSchedule(value, 0.0)));

        FluentActions.Invoking(() => decayScheduler.Apply(0)).Should().Throw<InvalidOperationException>().WithMessage("WeightDecaySchedule:*every value must be finite and >= 0.");
        FluentActions.Invoking(() => rateScheduler.Apply(0)).Should().Throw<InvalidOperationException>().WithMessage("*LearningRate*a finite number >= 0*");
    }

    [Fact]
    public void No_group_is_rejected()
    {
        FluentActions.Invoking(() => new ParamGroupScheduler([], new HyperparameterSchedules(Rate)))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("paramGroups");
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        FluentActions.Invoking(() => new ParamGroupScheduler(null!, new HyperparameterSchedules(Rate)))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("paramGroups");
        FluentActions.Invoking(() => new ParamGroupScheduler([new RateOnlyGroup()], null!))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("schedules");
        FluentActions.Invoking(() => new HyperparameterSchedules(null!))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("learningRate");
        FluentActions.Invoking(() => new ParamGroupScheduler([new RateOnlyGroup(), null!], new HyperparameterSchedules(Rate)))
            .Should().Throw<ArgumentException>().WithMessage("paramGroups[1] is null.*");
    }

    [Fact]
    public void A_scale_count_other_than_the_group_count_is_rejected_naming_parameter_and_count()
    {
        var exception = FluentActions.Invoking(() => new ParamGroupScheduler(
                [new RateOnlyGroup(), new RateOnlyGroup()], new HyperparameterSchedules(Rate), learningRateScales: [1.0]))
            .Should().Throw<ScheduleArgumentException>().Which;

        exception.ParamName.Should().Be("learningRateScales");
        exception.ActualValue.Should().Be(1);
        exception.Requirement.Should().Be("one scale per parameter group (2)");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_bad_scale_is_rejected_naming_parameter_index_and_value(double scale)
    {
        var exception = FluentActions.Invoking(() => new ParamGroupScheduler(
                [new MomentumGroup(), new MomentumGroup()], new HyperparameterSchedules(Rate), weightDecayScales: [1.0, scale]))
            .Should().Throw<ScheduleArgumentException>().Which;

        exception.ParamName.Should().Be("weightDecayScales");
        exception.Index.Should().Be(1);
        exception.ActualValue.Should().Be(scale);
    }

    [Fact]
    public void A_momentum_schedule_for_a_group_without_momentum_or_betas_is_rejected_at_construction()
    {
        FluentActions.Invoking(() => new ParamGroupScheduler(
                [new MomentumGroup(), new RateOnlyGroup()], new HyperparameterSchedules(Rate, momentum: Momentum)))
            .Should().Throw<ArgumentException>().WithMessage("paramGroups[1] (*RateOnlyGroup) has no momentum or betas*");
    }

    [Fact]
    public void A_beta2_schedule_for_a_group_without_betas_is_rejected_at_construction()
    {
        var sgd = new SGD.ParamGroup { Options = new SGD.Options { LearningRate = 0.1, momentum = 0.9 } };

        FluentActions.Invoking(() => new ParamGroupScheduler([sgd], new HyperparameterSchedules(Rate, beta2: Beta2)))
            .Should().Throw<ArgumentException>().WithMessage("paramGroups[0] (TorchSharp.Modules.SGD+ParamGroup) has no betas*");
    }

    [Fact]
    public void A_weight_decay_schedule_for_a_group_without_weight_decay_is_rejected_at_construction()
    {
        var rprop = new Rprop.ParamGroup { Options = new Rprop.Options { LearningRate = 0.1 } };

        FluentActions.Invoking(() => new ParamGroupScheduler([rprop], new HyperparameterSchedules(Rate, weightDecay: Decay)))
            .Should().Throw<ArgumentException>().WithMessage("paramGroups[0] (TorchSharp.Modules.Rprop+ParamGroup) has no weight decay*");
    }
}
