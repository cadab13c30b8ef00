using LrSchedules.Tests.Contract;

namespace LrSchedules.Porting.Tests;

/// <summary>
/// OLMo-core's <c>override_decay</c> (SequentialScheduler and ComposableScheduler), <c>ComposableScheduler</c> and the
/// schedulers' own <c>t_max</c> field, against data/reference.py (the classes transcribed from
/// src/olmo_core/optim/scheduler.py @ fa6c5014, printed with repr): exact values, lr = 3e-4 and t_max = 1000 unless
/// said otherwise; the step is OLMo's <c>current</c>. Past t_max, where OLMo asserts, the values are worked out by hand.
/// </summary>
public class OlmoCoreComposableTests
{
    private const double Lr = 3e-4;
    private const long Huge = long.MaxValue / 2;

    private static readonly ComposableSchedulerStage[] Stages =
    [
        new(100, StartLr: 0.0, EndLrFraction: 1.0),
        new(400, "cosine", EndLrFraction: 0.1),
        new(200, StartLrFraction: 0.2, EndLr: 1e-6),
    ];

    public static TheoryData<string> Cases() =>
    [
        "sequential_override", "sequential_override_late", "composable", "composable_override", "composable_inherit",
        "linear_field", "cos_field", "halfcos_field", "coslinear_field", "coslinear_field_long", "sequential_field",
    ];

    private static LearningRateSchedule Build(string name) => name switch
    {
        "sequential_override" => OlmoCore.SequentialScheduler(
            Lr,
            1000,
            [OlmoCore.ConstantWithWarmup(1, 1, warmup: 10), OlmoCore.LinearWithWarmup(1, 1, alphaF: 0.5, warmup: 0), OlmoCore.CosWithWarmup(1, 1, warmup: 0)],
            [100, 400],
            new OverrideDecay(800, 150, "cosine", EndLrFraction: 0.0)),
        "sequential_override_late" => SequentialOverrideLate(),
        "composable" => OlmoCore.ComposableScheduler(Lr, Stages),
        "composable_override" => OlmoCore.ComposableScheduler(Lr, Stages, new OverrideDecay(300, 100, EndLr: 0.0)),
        "composable_inherit" => OlmoCore.ComposableScheduler(Lr, [new ComposableSchedulerStage(50, "cosine", EndLrFraction: 0.5)]),
        "linear_field" => OlmoCore.LinearWithWarmup(Lr, 1000, warmupFraction: 0.05, schedulerTMax: 500),
        "cos_field" => OlmoCore.CosWithWarmup(Lr, 1000, warmup: 10, schedulerTMax: 2000),
        "halfcos_field" => OlmoCore.HalfCosWithWarmup(Lr, 1000, warmup: 10, schedulerTMax: 600),
        "coslinear_field" => OlmoCore.CosWithWarmupAndLinearDecay(Lr, 1000, warmup: 10, decayFraction: 0.1, schedulerTMax: 600),
        "coslinear_field_long" => OlmoCore.CosWithWarmupAndLinearDecay(Lr, 1000, warmup: 10, decayFraction: 0.1, schedulerTMax: 2000),
        "sequential_field" => OlmoCore.SequentialScheduler(
            Lr, 1000, [OlmoCore.CosWithWarmup(1, 1, warmup: 0, schedulerTMax: 200), OlmoCore.LinearWithWarmup(1, 1, warmup: 0)], [100]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static LearningRateSchedule SequentialOverrideLate() => OlmoCore.SequentialScheduler(
        Lr, 1000, [OlmoCore.ConstantWithWarmup(1, 1, warmup: 10), OlmoCore.CosWithWarmup(1, 1, warmup: 0)], [100], new OverrideDecay(900, 200, EndLr: 1e-5));

    private static double At(string name, long step) => Reference.Case("olmo_" + name).Single(row => row.Step == step).Values[0];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_value_is_OLMos_bit_for_bit(string name)
    {
        LearningRateSchedule schedule = Build(name);
        foreach ((long step, double[] values) in Reference.Case("olmo_" + name))
        {
            schedule.GetLearningRate(step).Should().Be(values[0], $"{name} at current = {step}");
        }

        if (name != "sequential_override_late")
        {
            // Each of these is flat by its last listed step (a held end rate or floor); the late override has its own test.
            schedule.GetLearningRate(Huge).Should().Be(Reference.Case("olmo_" + name)[^1].Values[0], $"{name} at long.MaxValue / 2");
        }

        ScheduleContract.Holds(schedule);
    }

    [Fact]
    public void Sequential_override_starts_from_the_sequence_at_start_and_holds_its_end_rate_past_t_max()
    {
        LearningRateSchedule schedule = Build("sequential_override");

        LearningRateSchedule sequence = OlmoCore.SequentialScheduler(
            Lr,
            1000,
            [OlmoCore.ConstantWithWarmup(1, 1, warmup: 10), OlmoCore.LinearWithWarmup(1, 1, alphaF: 0.5, warmup: 0), OlmoCore.CosWithWarmup(1, 1, warmup: 0)],
            [100, 400]);
        double s = sequence.GetLearningRate(800);

        // Step 799 is still the sequence's; 800 is the override's step 0: end + (s − end)·(1 + cos 0)/2, s = _sequential_lr(lr, 800, t_max).
        schedule.GetLearningRate(799).Should().Be(sequence.GetLearningRate(799));
        schedule.GetLearningRate(800).Should().Be(0.0 + ((s - 0.0) * (1 + Math.Cos(Math.PI * 0 / 150)) / 2));
        schedule.GetLearningRate(949).Should().Be(0.0 + ((s - 0.0) * (1 + Math.Cos(Math.PI * 149 / 150)) / 2));
        schedule.GetLearningRate(950).Should().Be(0.0, "start + duration: end_lr_fraction · lr = 0");
        schedule.GetLearningRate(1001).Should().Be(0.0);
        schedule.GetLearningRate(Huge).Should().Be(0.0);
        schedule.GetLearningRate(long.MaxValue).Should().Be(0.0);
    }

    [Fact]
    public void An_override_started_by_t_max_runs_on_past_it_to_its_end_rate()
    {
        LearningRateSchedule schedule = SequentialOverrideLate();
        double s = At("sequential_override_late", 900);

        // _interpolate_lr("linear", s, 1e-5, current − 900, 200): OLMo's formula, which does not read t_max.
        schedule.GetLearningRate(1001).Should().Be(s + ((1e-5 - s) * 101 / 200));
        schedule.GetLearningRate(1099).Should().Be(s + ((1e-5 - s) * 199 / 200));
        schedule.GetLearningRate(1100).Should().Be(1e-5);
        schedule.GetLearningRate(1101).Should().Be(1e-5);
        schedule.GetLearningRate(Huge).Should().Be(1e-5);
    }

    [Fact]
    public void An_override_starting_after_t_max_is_never_reached_and_the_value_at_t_max_holds()
    {
        LearningRateSchedule schedule = OlmoCore.SequentialScheduler(
            Lr, 1000, [OlmoCore.ConstantWithWarmup(1, 1, warmup: 10), OlmoCore.CosWithWarmup(1, 1, warmup: 0)], [100], new OverrideDecay(2000, 100, EndLr: 1e-5));
        LearningRateSchedule without = OlmoCore.SequentialScheduler(
            Lr, 1000, [OlmoCore.ConstantWithWarmup(1, 1, warmup: 10), OlmoCore.CosWithWarmup(1, 1, warmup: 0)], [100]);

        double atTMax = without.GetLearningRate(1000);
        atTMax.Should().Be(Lr * 0.1, "the cosine's eta_min at its t_max");
        schedule.GetLearningRate(999).Should().Be(without.GetLearningRate(999));
        schedule.GetLearningRate(1000).Should().Be(atTMax);
        schedule.GetLearningRate(2000).Should().Be(atTMax);
        schedule.GetLearningRate(2100).Should().Be(atTMax);
        schedule.GetLearningRate(Huge).Should().Be(atTMax);
        ScheduleContract.Holds(schedule);
    }

    [Fact]
    public void Composable_stages_meet_at_their_boundaries_as_OLMo_computes_them()
    {
        LearningRateSchedule schedule = OlmoCore.ComposableScheduler(Lr, Stages);

        schedule.GetLearningRate(0).Should().Be(0.0, "start_lr = 0");
        schedule.GetLearningRate(99).Should().Be(0.0 + ((Lr - 0.0) * 99 / 100));
        // Stage 2 starts from stage 1's end (lr · 1.0) and its step 0 is the cosine's end + (start − end)·2/2.
        schedule.GetLearningRate(100).Should().Be((Lr * 0.1) + ((Lr - (Lr * 0.1)) * (1 + Math.Cos(0.0)) / 2));
        schedule.GetLearningRate(500).Should().Be(Lr * 0.2, "stage 3 starts at start_lr_fraction · lr, not at stage 2's end");
        schedule.GetLearningRate(699).Should().Be((Lr * 0.2) + ((1e-6 - (Lr * 0.2)) * 199 / 200));
        schedule.GetLearningRate(700).Should().Be(1e-6, "after the last stage, its end rate");
        schedule.GetLearningRate(Huge).Should().Be(1e-6);
        schedule.GetLearningRate(long.MaxValue).Should().Be(1e-6);
    }

    [Fact]
    public void Composable_ignores_t_max_and_so_takes_none()
    {
        // The same schedule read inside a SequentialScheduler, which passes t_max = 150: the stages do not rescale.
        LearningRateSchedule inner = OlmoCore.ComposableScheduler(1, Stages);
        LearningRateSchedule sequence = OlmoCore.SequentialScheduler(Lr, 2000, [OlmoCore.ConstantScheduler(1, 1), inner], [10]);

        sequence.GetLearningRate(10 + 150).Should().Be(OlmoCore.ComposableScheduler(Lr, Stages).GetLearningRate(150));
        sequence.GetLearningRate(10 + 699).Should().Be(At("composable", 699));
    }

    [Fact]
    public void Composable_override_starts_from_the_stage_rate_at_start()
    {
        LearningRateSchedule schedule = OlmoCore.ComposableScheduler(Lr, Stages, new OverrideDecay(300, 100, EndLr: 0.0));
        double s = OlmoCore.ComposableScheduler(Lr, Stages).GetLearningRate(300);

        schedule.GetLearningRate(299).Should().Be(OlmoCore.ComposableScheduler(Lr, Stages).GetLearningRate(299));
        schedule.GetLearningRate(300).Should().Be(s + ((0.0 - s) * 0 / 100));
        schedule.GetLearningRate(301).Should().Be(s + ((0.0 - s) * 1 / 100));
        schedule.GetLearningRate(399).Should().Be(s + ((0.0 - s) * 99 / 100));
        schedule.GetLearningRate(400).Should().Be(0.0);
        schedule.GetLearningRate(700).Should().Be(0.0, "the stages after the override's start are bypassed");
        schedule.GetLearningRate(Huge).Should().Be(0.0);
    }

    [Fact]
    public void A_linear_stage_whose_product_overflows_divides_first_and_stays_finite()
    {
        const long Duration = long.MaxValue / 4;
        const long K = long.MaxValue / 8;
        LearningRateSchedule schedule = OlmoCore.ComposableScheduler(1e308, [new ComposableSchedulerStage(Duration, EndLr: 0.0)]);

        // (0 − 1e308) · k overflows for k ≥ 2: the fallback 1e308 + (0 − 1e308) · (k / duration).
        schedule.GetLearningRate(1).Should().Be(1e308 + ((0.0 - 1e308) * 1 / Duration), "OLMo's form where it does not overflow");
        schedule.GetLearningRate(K).Should().Be(1e308 + ((0.0 - 1e308) * ((double)K / Duration)));
        schedule.GetLearningRate(Duration).Should().Be(0.0);
        schedule.GetLearningRate(Huge).Should().Be(0.0);
        ScheduleContract.Holds(schedule);
    }

    [Fact]
    public void Scheduler_t_max_field_resolves_the_warmup_fraction_and_ends_the_line()
    {
        LearningRateSchedule schedule = OlmoCore.LinearWithWarmup(Lr, 1000, warmupFraction: 0.05, schedulerTMax: 500);

        // warmup = round(500 · 0.05) = 25, not round(1000 · 0.05) = 50.
        schedule.GetLearningRate(24).Should().Be(Lr * 24 / 25);
        schedule.GetLearningRate(25).Should().Be(Lr);
        schedule.GetLearningRate(26).Should().Be(Lr - ((Lr - (Lr * 0.1)) * (1.0 / 475)));
        schedule.GetLearningRate(500).Should().Be(Lr * 0.1, "eta_min from the field's t_max on");
        schedule.GetLearningRate(1000).Should().Be(Lr * 0.1);
        schedule.GetLearningRate(Huge).Should().Be(Lr * 0.1);
    }

    [Fact]
    public void Scheduler_t_max_field_longer_than_the_trainers_continues_the_cosine_past_it()
    {
        LearningRateSchedule schedule = OlmoCore.CosWithWarmup(Lr, 1000, warmup: 10, schedulerTMax: 2000);
        double etaMin = Lr * 0.1;

        schedule.GetLearningRate(1000).Should().Be(etaMin + ((Lr - etaMin) * (1 + Math.Cos(Math.PI * 990 / 1990)) / 2));
        schedule.GetLearningRate(2000).Should().Be(etaMin);
        schedule.GetLearningRate(Huge).Should().Be(etaMin);
    }

    [Fact]
    public void Cos_with_linear_decay_takes_its_tail_from_the_trainers_t_max_and_its_cosine_from_the_field()
    {
        LearningRateSchedule schedule = OlmoCore.CosWithWarmupAndLinearDecay(Lr, 1000, warmup: 10, decayFraction: 0.1, schedulerTMax: 600);
        double etaMin = Lr * 0.1;

        // decay = round(1000 · 0.1) = 100 (the trainer's t_max); the cosine ends at the field's 600 and holds eta_min.
        schedule.GetLearningRate(599).Should().Be(etaMin + ((Lr - etaMin) * (1 + Math.Cos(Math.PI * 589 / 590)) / 2));
        schedule.GetLearningRate(600).Should().Be(etaMin);
        schedule.GetLearningRate(899).Should().Be(etaMin);
        schedule.GetLearningRate(900).Should().Be(0.0 + ((etaMin - 0.0) * 100 / 100), "the tail starts at t_max − decay = 900 from the cosine's rate there");
        schedule.GetLearningRate(901).Should().Be(0.0 + ((etaMin - 0.0) * 99 / 100));
        schedule.GetLearningRate(1000).Should().Be(0.0);
        schedule.GetLearningRate(1001).Should().Be(0.0, "past t_max the tail holds decay_min_lr");
        schedule.GetLearningRate(Huge).Should().Be(0.0);
    }

    [Fact]
    public void Scheduler_t_max_field_wins_over_the_segment_length_inside_a_sequence()
    {
        LearningRateSchedule schedule = Build("sequential_field");
        double etaMin = Lr * 0.1;
        double midpoint = etaMin + ((Lr - etaMin) * (1 + Math.Cos(Math.PI * 100 / 200)) / 2);

        // OLMo passes min(1000, 100) = 100, the field 200 replaces it: at the segment's end the cosine is half way.
        schedule.GetLearningRate(100).Should().Be(midpoint);
        schedule.GetLearningRate(101).Should().Be(midpoint - ((midpoint - (midpoint * 0.1)) * (1.0 / 900)), "the next scheduler starts from get_lr(lr, 100, 100), the field still winning");
    }

    [Fact]
    public void Half_cosine_with_a_field_near_long_max_does_not_overflow()
    {
        LearningRateSchedule schedule = OlmoCore.HalfCosWithWarmup(Lr, 1000, warmup: 0, schedulerTMax: long.MaxValue);

        // cos(π · (c + T) / (2T)) with T = 2^63 − 1: at c = 0 it is cos(π/2) (the midpoint), not a wrapped negative T.
        schedule.GetLearningRate(0).Should().Be((Lr * 0.1) + ((Lr - (Lr * 0.1)) * (1 + Math.Cos(Math.PI * (double)long.MaxValue / (2.0 * long.MaxValue))) / 2));
        schedule.GetLearningRate(Huge).Should().BeLessThan(schedule.GetLearningRate(0));
        ScheduleContract.Holds(schedule);
    }

    public static TheoryData<string, string, object?, string> BadOverrides() => new()
    {
        { "start", "Start", -1L, "'start' must be >= 0 for override decay." },
        { "duration", "Duration", 0L, "'duration' must be > 0 for override decay." },
        { "both", "EndLrFraction", 0.5, "Specify exactly one of 'end_lr' or 'end_lr_fraction' for override decay." },
        { "neither", "EndLrFraction", null, "Specify exactly one of 'end_lr' or 'end_lr_fraction' for override decay." },
        { "end_lr", "EndLr", -1e-5, "'end_lr' must be >= 0 for override decay." },
        { "end_lr_fraction", "EndLrFraction", double.NaN, "'end_lr_fraction' must be >= 0 for override decay." },
        { "shape", "Shape", "exp", "\"linear\", \"cosine\"" },
    };

    [Theory]
    [MemberData(nameof(BadOverrides))]
    public void A_bad_override_is_rejected_naming_its_parameter_and_value_with_OLMos_message(string what, string parameter, object? value, string message)
    {
        Func<OverrideDecay> build = what switch
        {
            "start" => () => new OverrideDecay(-1, 100, EndLr: 0.0),
            "duration" => () => new OverrideDecay(0, 0, EndLr: 0.0),
            "both" => () => new OverrideDecay(0, 10, EndLr: 0.0, EndLrFraction: 0.5),
            "neither" => () => new OverrideDecay(0, 10),
            "end_lr" => () => new OverrideDecay(0, 10, EndLr: -1e-5),
            "end_lr_fraction" => () => new OverrideDecay(0, 10, EndLrFraction: double.NaN),
            _ => () => new OverrideDecay(0, 10, "exp", EndLr: 0.0),
        };

        build.Should().Throw<ScheduleArgumentException>()
            .Where(e => e.ParamName == parameter && Equals(e.ActualValue, value) && e.Requirement.Contains(message, StringComparison.Ordinal));
    }

    public static TheoryData<string, string, object?, string> BadStages() => new()
    {
        { "duration", "Duration", -5L, "'duration' must be > 0 for every stage." },
        { "both_starts", "StartLrFraction", 0.5, "Specify at most one of 'start_lr' or 'start_lr_fraction' for a stage." },
        { "start_lr", "StartLr", -1.0, "'start_lr' must be >= 0." },
        { "start_lr_fraction", "StartLrFraction", double.PositiveInfinity, "'start_lr_fraction' must be >= 0." },
        { "no_end", "EndLrFraction", null, "Specify exactly one of 'end_lr' or 'end_lr_fraction' for each stage." },
        { "end_lr", "EndLr", -0.1, "'end_lr' must be >= 0." },
        { "end_lr_fraction", "EndLrFraction", -0.5, "'end_lr_fraction' must be >= 0." },
        { "shape", "Shape", "Cosine", "\"linear\", \"cosine\"" },
    };

    [Theory]
    [MemberData(nameof(BadStages))]
    public void A_bad_stage_is_rejected_naming_its_parameter_and_value_with_OLMos_message(string what, string parameter, object? value, string message)
    {
        Func<ComposableSchedulerStage> build = what switch
        {
            "duration" => () => new ComposableSchedulerStage(-5, EndLr: 0.0),
            "both_starts" => () => new ComposableSchedulerStage(10, StartLr: 0.1, StartLrFraction: 0.5, EndLr: 0.0),
            "start_lr" => () => new ComposableSchedulerStage(10, StartLr: -1.0, EndLr: 0.0),
            "start_lr_fraction" => () => new ComposableSchedulerStage(10, StartLrFraction: double.PositiveInfinity, EndLr: 0.0),
            "no_end" => () => new ComposableSchedulerStage(10),
            "end_lr" => () => new ComposableSchedulerStage(10, EndLr: -0.1),
            "end_lr_fraction" => () => new ComposableSchedulerStage(10, EndLrFraction: -0.5),
            _ => () => new ComposableSchedulerStage(10, "Cosine", EndLr: 0.0),
        };

        build.Should().Throw<ScheduleArgumentException>()
            .Where(e => e.ParamName == parameter && Equals(e.ActualValue, value) && e.Requirement.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Composable_rejects_no_stages_a_null_stage_an_overflowing_sum_and_an_infinite_rate()
    {
        Action empty = () => OlmoCore.ComposableScheduler(Lr, []);
        Action nullStage = () => OlmoCore.ComposableScheduler(Lr, [null!]);
        Action overflow = () => OlmoCore.ComposableScheduler(Lr, [new(long.MaxValue - 5, EndLr: 0.0), new(10, EndLr: 0.0)]);
        Action infinite = () => OlmoCore.ComposableScheduler(1e308, [new(10, EndLrFraction: 10.0)]);
        Action infiniteOverride = () => OlmoCore.ComposableScheduler(1e308, [new(10, EndLr: 0.0)], new OverrideDecay(5, 10, EndLrFraction: 10.0));

        empty.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "stages" && Equals(e.ActualValue, "[]") && e.Requirement.Contains("'stages' must be specified and non-empty.", StringComparison.Ordinal));
        nullStage.Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "stages");
        overflow.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "stages" && e.Index == 1 && Equals(e.ActualValue, 10L));
        infinite.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "stages" && e.Index == 0 && Equals(e.ActualValue, double.PositiveInfinity));
        infiniteOverride.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "overrideDecay" && Equals(e.ActualValue, double.PositiveInfinity));
    }

    [Fact]
    public void Scheduler_t_max_field_must_be_positive_in_every_scheduler_that_has_it()
    {
        Action[] builds =
        [
            () => OlmoCore.LinearWithWarmup(Lr, 1000, warmup: 10, schedulerTMax: 0),
            () => OlmoCore.CosWithWarmup(Lr, 1000, warmup: 10, schedulerTMax: 0),
            () => OlmoCore.HalfCosWithWarmup(Lr, 1000, warmup: 10, schedulerTMax: 0),
            () => OlmoCore.CosWithWarmupAndLinearDecay(Lr, 1000, warmup: 10, schedulerTMax: 0),
        ];

        foreach (Action build in builds)
        {
            build.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "schedulerTMax" && Equals(e.ActualValue, 0L));
        }

        Action negative = () => OlmoCore.CosWithWarmup(Lr, 1000, warmup: 10, schedulerTMax: -7);
        negative.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "schedulerTMax" && Equals(e.ActualValue, -7L));
    }

    [Fact]
    public void Records_are_values_and_cannot_be_made_invalid_after_construction()
    {
        new OverrideDecay(900, 100, "cosine", EndLrFraction: 0.0).Should().Be(new OverrideDecay(900, 100, "cosine", EndLrFraction: 0.0));
        new ComposableSchedulerStage(10, EndLr: 0.1).Should().NotBe(new ComposableSchedulerStage(10, EndLrFraction: 0.1));
        typeof(OverrideDecay).GetProperties().Should().OnlyContain(p => p.SetMethod == null, "no init accessor: `with` cannot skip the checks");
        typeof(ComposableSchedulerStage).GetProperties().Should().OnlyContain(p => p.SetMethod == null);
    }
}
