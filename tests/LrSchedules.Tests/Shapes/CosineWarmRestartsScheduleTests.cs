using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class CosineWarmRestartsScheduleTests
{
    // PyTorch CosineAnnealingWarmRestarts(T_0=10, T_mult=2, eta_min=0.001) on base_lr 0.1: cycles start at 0, 10, 30, 70, 150.
    private readonly CosineWarmRestartsSchedule _torch = (CosineWarmRestartsSchedule)Schedule.CosineWarmRestarts(0.1, 0.001, 10, 2);

    /// <summary>PyTorch's expression: <c>eta_min + (base_lr - eta_min) * (1 + math.cos(math.pi * T_cur / T_i)) / 2</c>.</summary>
    private static double Torch(double baseLr, double etaMin, long tCur, long tI) =>
        etaMin + ((baseLr - etaMin) * (1 + Math.Cos(Math.PI * tCur / tI)) / 2);

    /// <summary>PyTorch's stepwise counter: <c>T_cur += 1; if T_cur &gt;= T_i: T_cur %= T_i; T_i *= T_mult</c>.</summary>
    private static IEnumerable<(long Step, long TCur, long TI)> TorchCounter(long t0, long tMult, long steps)
    {
        long tCur = 0;
        long tI = t0;
        for (long step = 0; step < steps; step++)
        {
            yield return (step, tCur, tI);
            tCur++;
            if (tCur >= tI)
            {
                tCur %= tI;
                tI *= tMult;
            }
        }
    }

    [Theory]
    [InlineData(10, 2)]
    [InlineData(1, 3)]
    [InlineData(7, 1)]
    [InlineData(3, 10)]
    public void CosineWarmRestarts_equals_PyTorchs_integer_counter_at_every_step(long t0, long tMult)
    {
        var schedule = Schedule.CosineWarmRestarts(0.1, 0.001, t0, tMult);
        foreach ((long step, long tCur, long tI) in TorchCounter(t0, tMult, 5_000))
        {
            schedule.ShouldHaveRate(step, Torch(0.1, 0.001, tCur, tI));
        }
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 3)]
    [InlineData(7, 3)]
    [InlineData(10, 2)]
    [InlineData(3, 10)]
    [InlineData(5, 1)]
    public void CosineWarmRestarts_restarts_exactly_at_every_PyTorch_restart_below_2_to_the_53(long t0, long tMult)
    {
        var schedule = Schedule.CosineWarmRestarts(0.1, 0.001, t0, tMult);
        long start = 0;
        long length = t0;
        while (start + length < (1L << 53) && start + length > 0)
        {
            long next = start + length;
            schedule.ShouldHaveRate(next - 1, Torch(0.1, 0.001, length - 1, length));
            schedule.ShouldHaveRate(next, 0.1);
            schedule.ShouldHaveRate(next + 1, Torch(0.1, 0.001, 1, length * tMult));
            start = next;
            length *= tMult;
            if (tMult == 1)
            {
                start = (start * 9973) - ((start * 9973) % t0);
            }
        }
    }

    [Fact]
    public void CosineWarmRestarts_starts_at_the_initial_rate() => _torch.ShouldHaveRate(0, 0.1);

    [Fact]
    public void CosineWarmRestarts_restarts_exactly_at_each_cycle_start()
    {
        _torch.ShouldHaveRate(9, Torch(0.1, 0.001, 9, 10));
        _torch.ShouldHaveRate(10, 0.1);
        _torch.ShouldHaveRate(11, Torch(0.1, 0.001, 1, 20));
        _torch.ShouldHaveRate(29, Torch(0.1, 0.001, 19, 20));
        _torch.ShouldHaveRate(30, 0.1);
        _torch.ShouldHaveRate(31, Torch(0.1, 0.001, 1, 40));
        _torch.ShouldHaveRate(149, Torch(0.1, 0.001, 79, 80));
        _torch.ShouldHaveRate(150, 0.1);
    }

    [Fact]
    public void CosineWarmRestarts_restarts_where_timms_float_log_falls_one_cycle_short()
    {
        // timm: i = floor(math.log(1 + 121 / 1 * (3 - 1), 3)) = 4, so it returns lr_min at t = 121; the 6th cycle starts there.
        var schedule = Schedule.CosineWarmRestarts(0.1, 0.001, 1, 3, 0.5);
        schedule.ShouldHaveRate(120, Torch(0.1 * Math.Pow(0.5, 4), 0.001, 80, 81));
        schedule.ShouldHaveRate(121, 0.1 * Math.Pow(0.5, 5));

        // A fractional multiplier: with t_initial 16 and cycle_mul 1.5 the 6th cycle starts at 211, where timm's index is 4.
        var fractional = Schedule.CosineWarmRestarts(1.0, 0.0, 16, 1.5);
        fractional.ShouldHaveRate(211, 1.0);
        fractional.ShouldHaveRate(210, 0.5 * (1 + Math.Cos(Math.PI * 80 / 81)), ScheduleAssertions.Tight);
    }

    [Fact]
    public void CosineWarmRestarts_decays_each_peak()
    {
        var schedule = Schedule.CosineWarmRestarts(0.1, 0.001, 20, 2, 0.5);
        schedule.ShouldHaveRate(20, 0.1 * 0.5);
        schedule.ShouldHaveRate(60, 0.1 * 0.25);
        schedule.ShouldHaveRate(61, 0.001 + (0.5 * ((0.1 * 0.25) - 0.001) * (1 + Math.Cos(Math.PI * 1 / 80))));
    }

    [Fact]
    public void CosineWarmRestarts_holds_the_final_rate_after_the_cycle_limit()
    {
        // timm CosineLRScheduler(t_initial=20, lr_min=0.001, cycle_mul=2, cycle_decay=0.5, cycle_limit=3): 20 + 40 + 80 = 140 steps.
        var schedule = Schedule.CosineWarmRestarts(0.1, 0.001, 20, 2.0, 0.5, 3);
        schedule.ShouldHaveRate(139, 0.001 + (0.5 * ((0.1 * 0.25) - 0.001) * (1 + Math.Cos(Math.PI * 79 / 80))));
        schedule.ShouldHaveRate(140, 0.001);
        schedule.ShouldHaveRate(141, 0.001);
        schedule.ShouldHaveRate(long.MaxValue, 0.001);
        schedule.GetLearningRate(139.5).Should().BeGreaterThan(0.001);
        schedule.GetLearningRate(140.0).Should().Be(0.001);
    }

    [Fact]
    public void CosineWarmRestarts_with_a_cycle_limit_of_one_is_a_single_cosine_then_the_floor()
    {
        // timm CosineLRScheduler(t_initial=50, lr_min=1e-4) (cycle_limit defaults to 1).
        var schedule = Schedule.CosineWarmRestarts(0.1, 1e-4, 50, cycleLimit: 1);
        schedule.ShouldHaveRate(0, 0.1);
        schedule.ShouldHaveRate(25, 1e-4 + (0.5 * (0.1 - 1e-4) * (1 + Math.Cos(Math.PI * 25 / 50))));
        schedule.ShouldHaveRate(49, 1e-4 + (0.5 * (0.1 - 1e-4) * (1 + Math.Cos(Math.PI * 49 / 50))));
        schedule.ShouldHaveRate(50, 1e-4);
        schedule.ShouldHaveRate(51, 1e-4);
    }

    [Fact]
    public void CosineWarmRestarts_applies_k_decay_to_position_and_length()
    {
        var schedule = (CosineWarmRestartsSchedule)Schedule.CosineWarmRestarts(1.0, 0.0, 10, kDecay: 2.0);
        schedule.ShouldHaveRate(3, 0.5 * (1 + Math.Cos(Math.PI * Math.Pow(3, 2.0) / Math.Pow(10, 2.0))));
        schedule.ShouldHaveRate(10, 1.0);
        schedule.KDecay.Should().Be(2.0);
    }

    [Fact]
    public void CosineWarmRestarts_reproduces_Hugging_Faces_hard_restarts_after_warmup()
    {
        // get_cosine_with_hard_restarts_schedule_with_warmup(num_warmup_steps=10, num_training_steps=100, num_cycles=3):
        // after warmup, lambda = 0.0 if progress >= 1.0 else 0.5 * (1.0 + cos(pi * ((num_cycles * progress) % 1.0))).
        const long warmup = 10, training = 100;
        const int cycles = 3;
        var schedule = Schedule.CosineWarmRestarts(0.1, 0.0, (training - warmup) / cycles, cycleLimit: cycles);
        for (long step = warmup; step < 200; step++)
        {
            double progress = (double)(step - warmup) / (training - warmup);
            double lambda = progress >= 1.0 ? 0.0 : Math.Max(0.0, 0.5 * (1.0 + Math.Cos(Math.PI * ((cycles * progress) % 1.0))));
            schedule.ShouldHaveRate(step - warmup, 0.1 * lambda, ScheduleAssertions.Tight);
        }

        schedule.ShouldHaveRate(30, 0.1);
        schedule.ShouldHaveRate(89, 0.5 * 0.1 * (1 + Math.Cos(Math.PI * 29 / 30)), ScheduleAssertions.Tight);
        schedule.ShouldHaveRate(90, 0.0);
    }

    [Fact]
    public void CosineWarmRestarts_is_continuous_between_steps_and_restarts_at_the_exact_start()
    {
        _torch.GetLearningRate(2.5).Should().Be(0.001 + (0.5 * (0.1 - 0.001) * (1 + Math.Cos(Math.PI * 2.5 / 10))));
        _torch.GetLearningRate(9.999).Should().BeApproximately(0.001, 1e-7);
        _torch.GetLearningRate(10.0).Should().Be(0.1);
        _torch.GetLearningRate(10.5).Should().Be(0.001 + (0.5 * (0.1 - 0.001) * (1 + Math.Cos(Math.PI * 0.5 / 20))));
    }

    [Fact]
    public void CosineWarmRestarts_stays_exact_at_huge_steps()
    {
        // 2^63 is a multiple of 8: a restart.
        Schedule.CosineWarmRestarts(0.1, 0.001, 8).ShouldHaveRate(long.MaxValue, 0.1);
        Schedule.CosineWarmRestarts(0.1, 0.001, 8).ShouldHaveRate(1L << 60, 0.1);
        Schedule.CosineWarmRestarts(0.1, 0.001, 8).ShouldHaveRate((1L << 40) + 4, 0.001 + (0.5 * (0.1 - 0.001) * (1 + Math.Cos(Math.PI * 4 / 8))));
        double value = _torch.GetLearningRate(long.MaxValue);
        value.Should().BeInRange(0.001, 0.1);
    }

    [Fact]
    public void CosineWarmRestarts_stays_in_range_for_any_finite_position()
    {
        foreach (var schedule in new[]
                 {
                     _torch,
                     Schedule.CosineWarmRestarts(0.1, 0.001, 1, 1.0000001, 0.9),
                     Schedule.CosineWarmRestarts(0.1, 0.001, 3, 1e300, kDecay: 7.0),
                 })
        {
            foreach (double position in new[] { 0.0, 1e-300, 0.7, 1e15, 1e19, 1e200, 1e308, double.MaxValue })
            {
                schedule.GetLearningRate(position).Should().BeInRange(0.0, 0.1, $"at {position}");
            }
        }
    }

    [Fact]
    public void CosineWarmRestarts_exposes_its_parameters()
    {
        var schedule = (CosineWarmRestartsSchedule)Schedule.CosineWarmRestarts(0.1, 0.001, 20, 2.0, 0.5, 3, 1.5);
        schedule.InitialLearningRate.Should().Be(0.1);
        schedule.PeriodSteps.Should().Be(20);
        schedule.FinalLearningRate.Should().Be(0.001);
        schedule.PeriodMultiplier.Should().Be(2.0);
        schedule.RestartDecay.Should().Be(0.5);
        schedule.CycleLimit.Should().Be(3);
        schedule.KDecay.Should().Be(1.5);
        _torch.CycleLimit.Should().BeNull();
    }

    [Fact]
    public void CosineWarmRestarts_keeps_the_contract()
    {
        ScheduleContract.Holds(_torch, [9, 10, 11, 29, 30, 31, 69, 70, 71]);
        ScheduleContract.Holds(Schedule.CosineWarmRestarts(0.1, 0.001, 20, 2.0, 0.5, 3), [139, 140, 141]);
        ScheduleContract.Holds(Schedule.CosineWarmRestarts(0.1, 0.0, 30, cycleLimit: 3, kDecay: 2.0));
        ScheduleContract.Holds(Schedule.CosineWarmRestarts(0.1, 0.2, 1, 1.5, 0.9));
    }

    [Theory]
    [InlineData(-0.1, 10, 0.0, 1.0, 1.0, null, 1.0, "initialLearningRate")]
    [InlineData(double.NaN, 10, 0.0, 1.0, 1.0, null, 1.0, "initialLearningRate")]
    [InlineData(double.PositiveInfinity, 10, 0.0, 1.0, 1.0, null, 1.0, "initialLearningRate")]
    [InlineData(0.1, 0, 0.0, 1.0, 1.0, null, 1.0, "periodSteps")]
    [InlineData(0.1, -10, 0.0, 1.0, 1.0, null, 1.0, "periodSteps")]
    [InlineData(0.1, 10, -0.001, 1.0, 1.0, null, 1.0, "finalLearningRate")]
    [InlineData(0.1, 10, double.NaN, 1.0, 1.0, null, 1.0, "finalLearningRate")]
    [InlineData(0.1, 10, double.PositiveInfinity, 1.0, 1.0, null, 1.0, "finalLearningRate")]
    [InlineData(0.1, 10, 0.0, 0.5, 1.0, null, 1.0, "periodMultiplier")]
    [InlineData(0.1, 10, 0.0, double.NaN, 1.0, null, 1.0, "periodMultiplier")]
    [InlineData(0.1, 10, 0.0, double.PositiveInfinity, 1.0, null, 1.0, "periodMultiplier")]
    [InlineData(0.1, 10, 0.0, 1.0, 0.0, null, 1.0, "restartDecay")]
    [InlineData(0.1, 10, 0.0, 1.0, 1.5, null, 1.0, "restartDecay")]
    [InlineData(0.1, 10, 0.0, 1.0, double.NaN, null, 1.0, "restartDecay")]
    [InlineData(0.1, 10, 0.0, 1.0, 1.0, 0, 1.0, "cycleLimit")]
    [InlineData(0.1, 10, 0.0, 1.0, 1.0, -1, 1.0, "cycleLimit")]
    [InlineData(0.1, 10, 0.0, 1.0, 1.0, null, 0.0, "kDecay")]
    [InlineData(0.1, 10, 0.0, 1.0, 1.0, null, -1.0, "kDecay")]
    [InlineData(0.1, 10, 0.0, 1.0, 1.0, null, double.NaN, "kDecay")]
    [InlineData(0.1, 10, 0.0, 1.0, 1.0, null, double.PositiveInfinity, "kDecay")]
    public void CosineWarmRestarts_rejects_bad_input(
        double initial, long period, double final, double multiplier, double decay, int? limit, double kDecay, string parameter) =>
        FluentActions.Invoking(() => Schedule.CosineWarmRestarts(initial, final, period, multiplier, decay, limit, kDecay))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter)
            .WithMessage($"*{parameter} must be*but was*");

    [Fact]
    public void Past_the_tabled_cycles_the_closed_form_finds_the_cycle_an_exact_search_finds()
    {
        // m = 1.01, P = 10: 128 tabled cycles end at S_128 ≈ 2573.8; later steps take the logarithm estimate and its one
        // correction. Expected: the cycle i with S_i ≤ step < S_(i+1) found by a bisection over S_i = (1 − m^i) / (1 − m) · P
        // (double, as documented), then 0.001 + 0.5 · (0.1 − 0.001) · (1 + cos(π · (step − S_i) / (m^i · P))), in python3.
        var schedule = Schedule.CosineWarmRestarts(0.1, 0.001, 10, 1.01);
        schedule.ShouldHaveRate(5000, 0.09880733465812508);                 // cycle 180
        schedule.ShouldHaveRate(18788, 0.0010013834112637002);              // the last step of cycle 299
        schedule.ShouldHaveRate(18789, 0.09999822293034358);                // the first of cycle 300 (S_300 ≈ 18788.4)
        schedule.ShouldHaveRate(1_000_000_000, 0.05882261092814622);        // cycle 1388
        schedule.ShouldHaveRate(1L << 62, 0.016636056471786866);            // cycle 3624
        schedule.ShouldHaveRate(9_299_138_620_600_622, 0.1);                // exactly S_3001 (a whole double above 2^53): a restart

        // m = 1.001, P = 1 (tabled up to S_128 ≈ 136.5): steps where the estimate is one off and the correction decides.
        var slow = Schedule.CosineWarmRestarts(0.1, 0.001, 1, 1.001);
        slow.ShouldHaveRate(248_843_673_122, 0.001);  // the estimate says 19342, whose start rounds just above: the end of 19341
        slow.ShouldHaveRate(971_793_989_948, 0.1);    // the estimate says 20704, but S_20705 = 971793989947.9999 lies just below the step: a restart
    }

    [Fact]
    public void A_step_exactly_on_a_start_past_the_table_restarts_there_where_the_logarithm_lands_one_cycle_short()
    {
        // m = 1.01, P = 1: S_2588 = (1 − 1.01^2588) / (1 − 1.01) = 15265651705233 exactly (a whole double), and the
        // estimate floor(log(1 + S · 0.01) / log 1.01) is 2587 there. The exact comparison makes the step the first of
        // cycle 2588, at its peak 0.999^2588; timm's floor(math.log(…)) stays in cycle 2587 and gives 0.0 (python3), the
        // divergence Schedule.CosineWarmRestarts documents. The peaks decay so that the cycle is told by its peak too.
        const double multiplier = 1.01;
        const long start = 15_265_651_705_233;
        ((1.0 - Math.Pow(multiplier, 2588)) / (1.0 - multiplier)).Should().Be(start, "the step is the start timm's expression gives");
        Math.Floor(Math.Log(1.0 + (start * (multiplier - 1.0))) / Math.Log(multiplier)).Should().Be(2587, "the estimate is one cycle short here");

        var schedule = Schedule.CosineWarmRestarts(1.0, 0.0, 1, multiplier, restartDecay: 0.999);
        schedule.ShouldHaveRate(start - 1, 0.0);                      // the end of cycle 2587 (timm: 0.0)
        schedule.ShouldHaveRate(start, Math.Pow(0.999, 2588));        // the restart: 0.07507295812279442
        schedule.ShouldHaveRate(start + 1, Math.Pow(0.999, 2588));    // one step into a cycle 1.5e11 steps long (timm: the same)
    }

    [Fact]
    public void A_period_multiplier_below_one_is_rejected_stating_the_range() =>
        FluentActions.Invoking(() => Schedule.CosineWarmRestarts(0.1, 0.001, 10, 0.5))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("periodMultiplier")
            .Which.Requirement.Should().Be("a finite number >= 1");

    [Theory]
    [InlineData(1L, 2.0, 63, 1.0842021724855044E-19)]         // 0.5^63 = 2^-63: S_63 = 2^63 - 1
    [InlineData(6_018_353_089L, 1_532_540_862.0, 2, 0.25)]     // S_2 = T_0 · (1 + T_mult) = 2^63 - 1
    public void CosineWarmRestarts_restarts_at_a_PyTorch_restart_on_the_last_long_step(long t0, double tMult, int cycle, double peak)
    {
        // PyTorch's integer recurrence S_(i+1) = S_i · T_mult + T_0 reaches long.MaxValue = 2^63 - 1 exactly here (python3:
        // 1 → 3 → … → 2^63 - 1, and 6018353089 · 1532540863 = 9223372036854775807), so the last step is a restart: the
        // new cycle's peak 1 · 0.5^cycle. (timm's (1 - m^2) / (1 - m) · P for the second one is 2^63 + 2048, past the step.)
        const double decay = 0.5;
        Math.Pow(decay, cycle).Should().Be(peak);
        var schedule = Schedule.CosineWarmRestarts(1.0, 0.0, t0, tMult, decay);
        schedule.ShouldHaveRate(long.MaxValue, peak);
    }

    [Fact]
    public void A_k_decay_power_of_the_cycle_length_that_overflows_keeps_the_formulas_value()
    {
        // P = 2.6e15, k = 20: T^k ≈ 1.9e308 overflows a double while t^k at step 2.5e15 (≈ 9.1e307) does not; timm's
        // t ** k / T ** k would raise OverflowError. The formula's t^k / T^k = (t / T)^k = 0.45638694620129270 and
        // 0.001 + 0.5 · 0.099 · (1 + cos(π · 0.4563869462012927)) = 0.057261014780401465 (python3).
        Math.Pow(2.6e15, 20.0).Should().Be(double.PositiveInfinity);
        double.IsFinite(Math.Pow(2.5e15, 20.0)).Should().BeTrue();
        var schedule = Schedule.CosineWarmRestarts(0.1, 0.001, 2_600_000_000_000_000, kDecay: 20.0);
        schedule.ShouldHaveRate(2_500_000_000_000_000, 0.057261014780401465);
    }

    [Fact]
    public void A_large_k_decay_power_past_1e300_keeps_the_timm_value()
    {
        // P = 2e15, k = 20: T^k = 2^20 · 1e300 ≈ 1.05e306 (finite, above the 1e300 rescaling threshold) and at step 1.8e15
        // t^k ≈ 1.27e305. timm: 0.001 + 0.5 · 0.099 · (1 + cos(π · t^k / T^k)), in python3 = 0.09643311369270158.
        var schedule = Schedule.CosineWarmRestarts(0.1, 0.001, 2_000_000_000_000_000, kDecay: 20.0);
        schedule.ShouldHaveRate(1_800_000_000_000_000, 0.09643311369270158);
    }
}
