using LrSchedules.Tests.Contract;
using LrSchedules.Tests.Randomness;

namespace LrSchedules.Tests.Plateau;

public class ReduceLearningRateOnPlateauTests
{
    private static readonly ReduceOnPlateauOptions Quick = new() { Factor = 0.5, Patience = 2, Threshold = 0.0, ThresholdMode = PlateauThresholdMode.Absolute };

    /// <summary>Reads the current rate, then reports the metric: the order of PyTorch's <c>lr[t]</c> then <c>step(metrics[t])</c>.</summary>
    private static double[] Run(IMetricDrivenSchedule schedule, IEnumerable<double> metrics)
    {
        var rates = new List<double>();
        foreach (double metric in metrics)
        {
            rates.Add(schedule.CurrentLearningRate);
            schedule.Report(metric);
        }

        return [.. rates];
    }

    private static double[] Noisy(int seed, int count, double trend = 0.99, double noise = 0.02)
    {
        var random = new Random(seed);
        var metrics = new double[count];
        double level = 1.0;
        for (int i = 0; i < count; i++)
        {
            level *= i % 40 < 15 ? trend : 1.0;
            metrics[i] = level * (1 + (noise * ((2 * random.NextDouble()) - 1)));
        }

        return metrics;
    }

    [Fact]
    public void Options_default_to_pytorch_defaults()
    {
        var options = new ReduceOnPlateauOptions();
        options.Should().Be(ReduceOnPlateauOptions.Default);
        options.Mode.Should().Be(PlateauMode.Min);
        options.Factor.Should().Be(0.1);
        options.Patience.Should().Be(10);
        options.Threshold.Should().Be(1e-4);
        options.ThresholdMode.Should().Be(PlateauThresholdMode.Relative);
        options.Cooldown.Should().Be(0);
        options.MinimumLearningRate.Should().Be(0.0);
        options.Epsilon.Should().Be(1e-8);
        options.IgnoredReports.Should().Be(0);
    }

    [Fact]
    public void Ignored_reports_advance_the_step_but_are_neither_compared_nor_counted()
    {
        var plateau = Schedule.Constant(1.0).ReduceOnPlateau(Quick with { Patience = 0, IgnoredReports = 3 });

        // Step:      0    1    2    3    4     5
        // Metric:    9    9    9    5    5     5
        // Counted:   -    -    -    best bad→reduce  bad→reduce
        double[] rates = Run(plateau, [9, 9, 9, 5, 5, 5]);

        rates.Should().Equal(1.0, 1.0, 1.0, 1.0, 1.0, 0.5);
        plateau.CurrentLearningRate.Should().Be(0.25);
        plateau.Best.Should().Be(5.0);
        plateau.Reductions.Should().Be(2);
        plateau.ReportCount.Should().Be(6);
    }

    [Fact]
    public void While_reports_are_ignored_the_best_stays_the_worst_value_and_no_state_changes_but_the_count()
    {
        var plateau = Schedule.Linear(1.0, 0.0, 10).ReduceOnPlateau(Quick with { Patience = 0, IgnoredReports = 2 });
        plateau.Report(double.NaN);
        plateau.Report(0.5);

        plateau.ExportState().Should().Be(new ReduceOnPlateauState(2, double.PositiveInfinity, 0, 0, 0));
        plateau.CurrentLearningRate.Should().Be(0.8, "the underlying schedule gives the rate at step 2");
        plateau.Report(0.5);
        plateau.Best.Should().Be(0.5, "report 3 is the first compared");
    }

    [Fact]
    public void Reductions_of_a_held_rate_are_applied_one_multiplication_at_a_time_as_in_pytorch()
    {
        // 0.1 · 0.3 · 0.3 · 0.3 in turn is 2.6999999999999997e-3, while 0.1 · (0.3 · 0.3 · 0.3) is 2.7e-3: the held rate
        // follows PyTorch's order.
        var options = new ReduceOnPlateauOptions { Factor = 0.3, Patience = 0 };
        var plateau = Schedule.Constant(0.1).ReduceOnPlateau(options);
        var torch = new PyTorchReduceLROnPlateau(0.1, options);
        for (int i = 0; i < 4; i++)
        {
            plateau.Report(1.0);
            torch.Step(1.0);
        }

        plateau.Reductions.Should().Be(3);
        plateau.CurrentLearningRate.Should().Be(torch.Lr).And.Be(((0.1 * 0.3) * 0.3) * 0.3).And.Be(0.0026999999999999997);
        plateau.GetLearningRate(0).Should().Be(0.0026999999999999997, "a constant holds the optimizer's one rate from step 0 on");
        (0.1 * plateau.Scale).Should().Be(0.0027, "the product in the other order differs in the last bit");
    }

    [Fact]
    public void Rate_is_reduced_at_the_report_after_patience_bad_reports()
    {
        var plateau = Schedule.Constant(0.1).ReduceOnPlateau(Quick);

        // Step:      0    1    2    3    4     5     6     7     8      9
        // Metric:    5    4    4    4    4     4     3     3     3      3
        // Bad:       0    0    1    2    3→0   1     0     1     2      3→0
        double[] rates = Run(plateau, [5, 4, 4, 4, 4, 4, 3, 3, 3, 3]);

        rates.Should().Equal(0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05);
        plateau.CurrentLearningRate.Should().Be(0.025);
        plateau.Reductions.Should().Be(2);
        plateau.Scale.Should().Be(0.25);
        plateau.ReportCount.Should().Be(10);
        plateau.Best.Should().Be(3);
    }

    [Fact]
    public void Before_any_report_the_rate_is_the_underlying_schedule_and_best_is_the_worst_value()
    {
        var min = Schedule.Constant(0.1).ReduceOnPlateau();
        min.CurrentLearningRate.Should().Be(0.1);
        min.ReportCount.Should().Be(0);
        min.ExportState().Should().Be(new ReduceOnPlateauState(0, double.PositiveInfinity, 0, 0, 0));

        var max = Schedule.Constant(0.1).ReduceOnPlateau(new ReduceOnPlateauOptions { Mode = PlateauMode.Max });
        max.Best.Should().Be(double.NegativeInfinity);
    }

    [Fact]
    public void Max_mode_counts_a_rising_metric_as_improvement()
    {
        var options = Quick with { Mode = PlateauMode.Max };
        var plateau = Schedule.Constant(1.0).ReduceOnPlateau(options);

        double[] rates = Run(plateau, [0.5, 0.6, 0.7, 0.7, 0.7, 0.7, 0.71]);

        rates.Should().Equal(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5);
        plateau.Best.Should().Be(0.71);
    }

    [Theory]
    [InlineData(PlateauMode.Min, PlateauThresholdMode.Relative, 0.1, 0.91, false)]
    [InlineData(PlateauMode.Min, PlateauThresholdMode.Relative, 0.1, 0.89, true)]
    [InlineData(PlateauMode.Min, PlateauThresholdMode.Absolute, 0.1, 0.91, false)]
    [InlineData(PlateauMode.Min, PlateauThresholdMode.Absolute, 0.1, 0.89, true)]
    [InlineData(PlateauMode.Max, PlateauThresholdMode.Relative, 0.1, 1.09, false)]
    [InlineData(PlateauMode.Max, PlateauThresholdMode.Relative, 0.1, 1.11, true)]
    [InlineData(PlateauMode.Max, PlateauThresholdMode.Absolute, 0.1, 1.09, false)]
    [InlineData(PlateauMode.Max, PlateauThresholdMode.Absolute, 0.1, 1.11, true)]
    [InlineData(PlateauMode.Min, PlateauThresholdMode.Relative, 0.0, 1.0, false)]
    [InlineData(PlateauMode.Max, PlateauThresholdMode.Relative, 0.0, 1.0, false)]
    [InlineData(PlateauMode.Min, PlateauThresholdMode.Relative, 0.5, 0.5, false)]
    [InlineData(PlateauMode.Max, PlateauThresholdMode.Relative, 0.5, 1.5, false)]
    [InlineData(PlateauMode.Min, PlateauThresholdMode.Absolute, 0.5, 0.5, false)]
    [InlineData(PlateauMode.Max, PlateauThresholdMode.Absolute, 0.5, 1.5, false)]
    public void Threshold_decides_what_counts_as_improvement(PlateauMode mode, PlateauThresholdMode thresholdMode, double threshold, double second, bool improves)
    {
        var options = new ReduceOnPlateauOptions { Mode = mode, ThresholdMode = thresholdMode, Threshold = threshold, Patience = 0, Factor = 0.5 };
        var plateau = Schedule.Constant(1.0).ReduceOnPlateau(options);

        plateau.Report(1.0);
        plateau.Report(second);

        plateau.Best.Should().Be(improves ? second : 1.0);
        plateau.CurrentLearningRate.Should().Be(improves ? 1.0 : 0.5);
    }

    [Fact]
    public void Cooldown_ignores_bad_reports_after_a_reduction()
    {
        var plateau = Schedule.Constant(0.1).ReduceOnPlateau(Quick with { Patience = 0, Cooldown = 2 });

        // Report 1 is bad and reduces; reports 2 and 3 are in cooldown; report 4 is bad again and reduces; report 5 is
        // the first of the new cooldown.
        double[] rates = Run(plateau, [1, 1, 1, 1, 1, 1]);

        rates.Should().Equal(0.1, 0.1, 0.05, 0.05, 0.05, 0.025);
        plateau.CurrentLearningRate.Should().Be(0.025);
        plateau.ExportState().CooldownCounter.Should().Be(1);
    }

    [Fact]
    public void Minimum_learning_rate_stops_the_reductions()
    {
        var plateau = Schedule.Constant(0.1).ReduceOnPlateau(Quick with { Patience = 0, MinimumLearningRate = 0.03 });

        double[] rates = Run(plateau, [1, 1, 1, 1, 1]);

        rates.Should().Equal(0.1, 0.1, 0.05, 0.03, 0.03);
        plateau.Reductions.Should().Be(2, "a reduction that changes nothing is skipped");
    }

    [Fact]
    public void A_reduction_smaller_than_epsilon_is_skipped_but_still_starts_the_cooldown()
    {
        var plateau = Schedule.Constant(1e-8).ReduceOnPlateau(Quick with { Patience = 0, Cooldown = 3, Epsilon = 1e-8 });

        plateau.Report(1);
        plateau.Report(1);

        plateau.CurrentLearningRate.Should().Be(1e-8);
        plateau.Reductions.Should().Be(0);
        plateau.ExportState().Should().Be(new ReduceOnPlateauState(2, 1, 0, 3, 0));
    }

    [Fact]
    public void A_reduction_of_exactly_epsilon_is_skipped_as_in_pytorch()
    {
        // PyTorch applies a reduction only when old_lr - new_lr > eps; 1 - 0.5 = 0.5 is not.
        var options = Quick with { Patience = 0, Epsilon = 0.5 };
        foreach (ILearningRateSchedule underlying in new ILearningRateSchedule[] { Schedule.Constant(1.0), Schedule.FromFunction((long _) => 1.0) })
        {
            var plateau = underlying.ReduceOnPlateau(options);
            var torch = new PyTorchReduceLROnPlateau(1.0, options);
            plateau.Report(1.0);
            plateau.Report(1.0);
            torch.Step(1.0);
            torch.Step(1.0);

            plateau.Reductions.Should().Be(0);
            plateau.CurrentLearningRate.Should().Be(torch.Lr).And.Be(1.0);
            plateau.ExportState().CooldownCounter.Should().Be(0);
        }
    }

    [Fact]
    public void Epsilon_is_compared_with_the_rate_torch_holds_reduced_one_multiplication_at_a_time()
    {
        // PyTorch reduces the optimizer's rate: after one reduction 0.7 · 0.1 = 0.06999999999999999, and the second
        // reduction's difference is that minus its product by 0.1, 0.063 (python3). The same difference from the closed form
        // 0.7 · 0.1 − 0.7 · (0.1 · 0.1) is 0.06299999999999999. With eps equal to the latter, PyTorch reduces again
        // (0.063 > eps) to 0.006999999999999999; a plateau comparing the closed form with eps would not.
        const double rate = 0.7, factor = 0.1;
        double closedFormDifference = (rate * factor) - (rate * (factor * factor));
        closedFormDifference.Should().Be(0.06299999999999999);
        var options = new ReduceOnPlateauOptions { Factor = factor, Patience = 0, Epsilon = closedFormDifference };
        var plateau = Schedule.Constant(rate).ReduceOnPlateau(options);
        var torch = new PyTorchReduceLROnPlateau(rate, options);
        for (int i = 0; i < 3; i++)
        {
            plateau.Report(1.0);
            torch.Step(1.0);
        }

        plateau.Reductions.Should().Be(2);
        plateau.CurrentLearningRate.Should().Be(torch.Lr).And.Be(0.006999999999999999);
    }

    [Fact]
    public void A_zero_rate_of_the_underlying_schedule_keeps_its_sign_after_reductions()
    {
        // Negative zero is a valid rate, returned as is by every schedule; a rate at or below the floor is never changed.
        var plateau = Schedule.FromFunction((long step) => step < 5 ? 0.1 : -0.0).ReduceOnPlateau(Quick with { Patience = 0 });
        plateau.Report(1.0);
        plateau.Report(1.0);
        plateau.Reductions.Should().Be(1);

        double rate = plateau.GetLearningRate(5);
        rate.Should().Be(0.0);
        double.IsNegative(rate).Should().BeTrue();
    }

    [Fact]
    public void A_rate_below_the_minimum_is_never_raised()
    {
        var plateau = Schedule.Constant(0.01).ReduceOnPlateau(Quick with { Patience = 0, MinimumLearningRate = 0.05 });
        double[] rates = Run(plateau, [1, 1, 1]);
        rates.Should().Equal(0.01, 0.01, 0.01);
        plateau.Reductions.Should().Be(0);
    }

    [Fact]
    public void A_NaN_metric_never_improves_and_counts_as_bad()
    {
        var plateau = Schedule.Constant(0.1).ReduceOnPlateau(Quick);

        double[] rates = Run(plateau, [1.0, double.NaN, double.NaN, double.NaN, 0.5]);

        rates.Should().Equal(0.1, 0.1, 0.1, 0.1, 0.05);
        plateau.Best.Should().Be(0.5);
    }

    [Fact]
    public void Constant_underlying_schedule_reproduces_pytorch_bit_for_bit()
    {
        var grid = new[]
        {
            ReduceOnPlateauOptions.Default,
            new ReduceOnPlateauOptions { Factor = 0.5, Patience = 3, Threshold = 0.01, ThresholdMode = PlateauThresholdMode.Absolute, Cooldown = 2, MinimumLearningRate = 0.001 },
            new ReduceOnPlateauOptions { Factor = 0.3, Patience = 0, Threshold = 0.0, Cooldown = 1, Epsilon = 0.0 },
            new ReduceOnPlateauOptions { Factor = 0.7, Patience = 1, Threshold = 1e-3, MinimumLearningRate = 1e-4, Epsilon = 1e-3 },
            new ReduceOnPlateauOptions { Mode = PlateauMode.Max, Factor = 0.2, Patience = 2, Threshold = 1e-3 },
            new ReduceOnPlateauOptions { Mode = PlateauMode.Max, Factor = 0.9, Patience = 4, ThresholdMode = PlateauThresholdMode.Absolute, Threshold = 0.001, Cooldown = 5 },
        };

        foreach (ReduceOnPlateauOptions options in grid)
        {
            for (int seed = 0; seed < 10; seed++)
            {
                double[] metrics = Noisy(TestSeed.Or(seed), 400);
                if (options.Mode == PlateauMode.Max)
                {
                    metrics = Array.ConvertAll(metrics, m => 2 - m);
                }

                double initial = 0.1 + (0.037 * seed);
                var reference = new PyTorchReduceLROnPlateau(initial, options);
                var plateau = Schedule.Constant(initial).ReduceOnPlateau(options);
                for (int t = 0; t < metrics.Length; t++)
                {
                    plateau.CurrentLearningRate.Should().Be(reference.Lr, $"step {t} of {TestSeed.Describe(TestSeed.Or(seed))} with {options}");
                    plateau.Report(metrics[t]);
                    reference.Step(metrics[t]);
                }
            }
        }
    }

    [Fact]
    public void Any_underlying_schedule_makes_the_same_decisions_as_pytorch_on_a_constant()
    {
        var options = new ReduceOnPlateauOptions { Factor = 0.5, Patience = 3, Threshold = 0.01, ThresholdMode = PlateauThresholdMode.Absolute, Cooldown = 2, MinimumLearningRate = 0.001 };
        int seed = TestSeed.Or(7);
        double[] metrics = Noisy(seed, 300);
        var reference = new PyTorchReduceLROnPlateau(0.1, options);
        var plateau = Schedule.FromFunction((long _) => 0.1).ReduceOnPlateau(options);
        foreach (double metric in metrics)
        {
            plateau.CurrentLearningRate.Should().Be(reference.Lr, TestSeed.Describe(seed));
            plateau.Report(metric);
            reference.Step(metric);
        }

        plateau.Reductions.Should().BeGreaterThan(3, TestSeed.Describe(seed));
    }

    [Fact]
    public void Warmup_then_plateau_multiplies_the_warmed_up_schedule()
    {
        var plateau = Schedule.Constant(0.1).WithLinearWarmup(5).ReduceOnPlateau(Quick);

        double[] rates = Run(plateau, [9, 8, 7, 6, 5, 5, 5, 5, 5, 5]);

        // Improvements until step 4; steps 5, 6 and 7 are bad, so the report of step 7 reduces.
        rates.Should().Equal(0.0, 0.1 * 0.2, 0.1 * 0.4, 0.1 * (3 / 5.0), 0.1 * 0.8, 0.1, 0.1, 0.1, 0.05, 0.05);
        plateau.GetLearningRate(2).Should().Be(0.1 * 0.4 * 0.5, "the multiplier applies at every step of the underlying schedule");
        plateau.GetLearningRate(1_000_000).Should().Be(0.05);
    }

    [Fact]
    public void At_the_last_step_the_rate_is_the_underlying_schedules_times_the_reductions()
    {
        var plateau = Schedule.Cosine(0.1, 0.001, 100).ReduceOnPlateau(Quick with { Patience = 0 });
        plateau.GetLearningRate(long.MaxValue).Should().Be(0.001, "before any reduction the rate is the cosine's final rate");

        plateau.Report(1.0);
        plateau.Report(1.0);

        plateau.Reductions.Should().Be(1);
        plateau.GetLearningRate(long.MaxValue).Should().Be(0.0005);
        plateau.GetLearningRate(long.MaxValue - 1).Should().Be(0.0005);
    }

    [Fact]
    public void Floor_applies_to_the_reduced_rate_but_never_raises_the_underlying_schedule()
    {
        var options = Quick with { Patience = 0, MinimumLearningRate = 0.03 };
        var plateau = Schedule.Constant(0.1).WithLinearWarmup(10).ReduceOnPlateau(options);

        // Bad reports at steps 1-3 are judged at warmup rates 0.01, 0.02, 0.03 <= the floor: nothing to reduce.
        Run(plateau, [1, 1, 1, 1]);
        plateau.Reductions.Should().Be(0);

        // At step 4 the rate is 0.04 > 0.03, so its bad report reduces (0.04 -> 0.03); at step 5 another reduction
        // would leave the rate on the floor, so it is skipped.
        Run(plateau, [1, 1]);
        plateau.Reductions.Should().Be(1);
        plateau.GetLearningRate(2).Should().Be(0.1 * (2 / 10.0), "below the floor the underlying rate is kept");
        plateau.GetLearningRate(5).Should().Be(0.03, "0.05 * 0.5 is floored at 0.03");
        plateau.GetLearningRate(20).Should().Be(0.05);
    }

    [Fact]
    public void A_restored_instance_continues_exactly_as_the_original()
    {
        foreach (ILearningRateSchedule underlying in new ILearningRateSchedule[]
                 {
                     Schedule.Constant(0.1), Schedule.Cosine(0.1, 0.001, 500).WithLinearWarmup(20),
                 })
        {
            var options = new ReduceOnPlateauOptions { Factor = 0.5, Patience = 3, Cooldown = 2, MinimumLearningRate = 1e-4 };
            int seed = TestSeed.Or(3);
            double[] metrics = Noisy(seed, 400);
            var original = underlying.ReduceOnPlateau(options);
            Run(original, metrics.Take(173));

            ReduceOnPlateauState saved = original.ExportState();
            var restored = underlying.ReduceOnPlateau(options, saved);

            restored.ExportState().Should().Be(saved);
            restored.Scale.Should().Be(original.Scale);
            Run(restored, metrics.Skip(173)).Should().Equal(Run(original, metrics.Skip(173)), TestSeed.Describe(seed));
            restored.ExportState().Should().Be(original.ExportState());
            foreach (long step in new long[] { 0, 19, 20, 250, 399, 400, 10_000 })
            {
                restored.GetLearningRate(step).Should().Be(original.GetLearningRate(step));
            }

            original.Reductions.Should().BeGreaterThan(2, TestSeed.Describe(seed));
        }
    }

    [Fact]
    public void Restoring_many_reductions_replays_them_bit_for_bit()
    {
        var options = new ReduceOnPlateauOptions { Factor = 0.3, Patience = 0, Threshold = 0, Epsilon = 0 };
        var original = Schedule.Constant(0.7).ReduceOnPlateau(options);
        Run(original, Enumerable.Repeat(1.0, 2_000));

        var restored = Schedule.Constant(0.7).ReduceOnPlateau(options, original.ExportState());

        restored.CurrentLearningRate.Should().Be(original.CurrentLearningRate);
        restored.Scale.Should().Be(original.Scale);
        restored.Reductions.Should().Be(original.Reductions);
    }

    [Fact]
    public void A_state_with_more_reductions_than_can_change_the_rate_is_restored_at_once_keeping_its_count()
    {
        // 0.7 · 0.5ᵏ reaches 0 (and the multiplier 0.5ᵏ underflows) after about 1,100 reductions; later ones change nothing.
        var options = new ReduceOnPlateauOptions { Factor = 0.5, Patience = 0, Threshold = 0, Epsilon = 0 };
        var state = new ReduceOnPlateauState(long.MaxValue, 1.0, 0, 0, long.MaxValue);

        foreach (ILearningRateSchedule underlying in new ILearningRateSchedule[] { Schedule.Constant(0.7), Schedule.Cosine(0.7, 0.0, 100) })
        {
            var restored = underlying.ReduceOnPlateau(options, state);

            restored.ExportState().Should().Be(state);
            restored.Reductions.Should().Be(long.MaxValue);
            restored.Scale.Should().Be(0.0);
            restored.GetLearningRate(0).Should().Be(0.0);
        }
    }

    [Fact]
    public void After_long_MaxValue_reports_no_more_can_be_made_and_the_state_is_kept()
    {
        var state = new ReduceOnPlateauState(long.MaxValue, 0.5, 1, 0, 2);
        var plateau = Schedule.Constant(0.1).ReduceOnPlateau(Quick, state);

        plateau.Invoking(p => p.Report(0.1)).Should().Throw<InvalidOperationException>()
            .WithMessage("No more metrics can be reported: ReportCount has reached long.MaxValue.");
        plateau.ExportState().Should().Be(state);
        plateau.CurrentLearningRate.Should().Be(0.025);
    }

    [Fact]
    public void State_is_an_immutable_value()
    {
        var plateau = Schedule.Constant(0.1).ReduceOnPlateau(Quick);
        ReduceOnPlateauState before = plateau.ExportState();
        plateau.Report(1.0);
        before.ReportCount.Should().Be(0);
        plateau.ExportState().Should().NotBe(before);
        (before with { ReportCount = 5 }).ReportCount.Should().Be(5);
    }

    [Theory]
    [InlineData(-1L, 1.0, 0L, 0, 0L, "ReportCount must be >= 0 but was -1.")]
    [InlineData(5L, double.NaN, 0L, 0, 0L, "Best must be a number (±infinity before the first report) but was NaN.")]
    [InlineData(5L, 1.0, 3L, 0, 0L, "BadEpochs must be in [0, Patience = 2] but was 3.")]
    [InlineData(5L, 1.0, -1L, 0, 0L, "BadEpochs must be in [0, Patience = 2] but was -1.")]
    [InlineData(5L, 1.0, 0L, 1, 0L, "CooldownCounter must be in [0, Cooldown = 0] but was 1.")]
    [InlineData(5L, 1.0, 0L, 0, 6L, "Reductions must be in [0, ReportCount] but was 6.")]
    [InlineData(5L, 1.0, 0L, 0, -1L, "Reductions must be in [0, ReportCount] but was -1.")]
    public void Restoring_rejects_a_state_that_does_not_fit_the_options(long reports, double best, long bad, int cooldown, long reductions, string error)
    {
        var state = new ReduceOnPlateauState(reports, best, bad, cooldown, reductions);

        ScheduleArgumentException rejection = FluentActions.Invoking(() => Schedule.Constant(0.1).ReduceOnPlateau(Quick, state))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("state").Which;

        rejection.ActualValue.Should().Be(state);
        rejection.Requirement.Should().Be($"a state this schedule can resume from (ReduceOnPlateauState.{error})");
    }

    [Fact]
    public void Restoring_rejects_more_reductions_than_reports_compared()
    {
        ReduceOnPlateauOptions options = Quick with { IgnoredReports = 3 };
        FluentActions.Invoking(() => Schedule.Constant(0.1).ReduceOnPlateau(options, new ReduceOnPlateauState(5, 1.0, 0, 0, 3)))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("state")
            .WithMessage("*ReduceOnPlateauState.Reductions must be in [0, ReportCount - IgnoredReports] but was 3.*");
        Schedule.Constant(0.1).ReduceOnPlateau(options, new ReduceOnPlateauState(5, 1.0, 0, 0, 2)).CurrentLearningRate.Should().Be(0.025);
    }

    [Theory]
    [InlineData("Factor", 1.0, "in (0, 1)")]
    [InlineData("Factor", 0.0, "in (0, 1)")]
    [InlineData("Factor", 1.5, "in (0, 1)")]
    [InlineData("Factor", double.NaN, "in (0, 1)")]
    [InlineData("Patience", -1, ">= 0")]
    [InlineData("Threshold", -0.1, "a finite number >= 0")]
    [InlineData("Threshold", double.PositiveInfinity, "a finite number >= 0")]
    [InlineData("Cooldown", -2, ">= 0")]
    [InlineData("MinimumLearningRate", -0.001, "a finite number >= 0")]
    [InlineData("MinimumLearningRate", double.NaN, "a finite number >= 0")]
    [InlineData("Epsilon", -1e-8, "a finite number >= 0")]
    [InlineData("Mode", 5, "Min or Max")]
    [InlineData("ThresholdMode", 9, "Relative or Absolute")]
    [InlineData("IgnoredReports", -1, ">= 0")]
    public void Options_out_of_range_are_rejected_naming_the_option_the_value_and_the_range(string option, double value, string range)
    {
        ReduceOnPlateauOptions options = option switch
        {
            "Factor" => new() { Factor = value },
            "Patience" => new() { Patience = (int)value },
            "Threshold" => new() { Threshold = value },
            "Cooldown" => new() { Cooldown = (int)value },
            "MinimumLearningRate" => new() { MinimumLearningRate = value },
            "Epsilon" => new() { Epsilon = value },
            "Mode" => new() { Mode = (PlateauMode)(int)value },
            "IgnoredReports" => new() { IgnoredReports = (int)value },
            _ => new() { ThresholdMode = (PlateauThresholdMode)(int)value },
        };
        string shown = Internal.Preconditions.Format(option is "Mode" or "ThresholdMode" or "Patience" or "Cooldown" or "IgnoredReports" ? (object)(int)value : value);

        ScheduleArgumentException rejection = FluentActions.Invoking(() => Schedule.Constant(0.1).ReduceOnPlateau(options))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("options").Which;

        rejection.ActualValue.Should().BeSameAs(options);
        rejection.Requirement.Should().Be($"options with every value in range (ReduceOnPlateauOptions.{option} must be {range} but was {shown}.)");
    }

    [Fact]
    public void All_bad_options_are_reported_together() =>
        FluentActions.Invoking(() => Schedule.Constant(0.1).ReduceOnPlateau(new ReduceOnPlateauOptions { Factor = 2, Patience = -1, Epsilon = double.NaN }))
            .Should().Throw<ScheduleArgumentException>().Which.Requirement.Should().Be(
                "options with every value in range (ReduceOnPlateauOptions.Factor must be in (0, 1) but was 2. " +
                "ReduceOnPlateauOptions.Patience must be >= 0 but was -1. ReduceOnPlateauOptions.Epsilon must be a finite number >= 0 but was NaN.)");

    [Fact]
    public void All_bad_state_fields_are_reported_together() =>
        FluentActions.Invoking(() => Schedule.Constant(0.1).ReduceOnPlateau(Quick, new ReduceOnPlateauState(-1, double.NaN, 0, 0, 0)))
            .Should().Throw<ScheduleArgumentException>().Which.Requirement.Should().Be(
                "a state this schedule can resume from (ReduceOnPlateauState.ReportCount must be >= 0 but was -1. " +
                "ReduceOnPlateauState.Best must be a number (±infinity before the first report) but was NaN.)");

    [Fact]
    public void Plateau_rejects_a_null_schedule() =>
        FluentActions.Invoking(() => ((ILearningRateSchedule)null!).ReduceOnPlateau())
            .Should().Throw<ArgumentNullException>().WithParameterName("schedule");

    [Fact]
    public void Plateau_rejects_a_negative_step()
    {
        var plateau = Schedule.Constant(0.1).ReduceOnPlateau();
        plateau.Invoking(p => p.GetLearningRate(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("step");
    }

    [Fact]
    public void Plateau_is_not_a_pure_schedule_and_cannot_be_put_in_a_combinator()
    {
        typeof(ILearningRateSchedule).IsAssignableFrom(typeof(ReduceLearningRateOnPlateau)).Should().BeFalse();
        typeof(IMetricDrivenSchedule).IsAssignableFrom(typeof(ReduceLearningRateOnPlateau)).Should().BeTrue();
    }

    [Fact]
    public void Plateau_exposes_its_schedule_and_options()
    {
        var cosine = Schedule.Cosine(0.1, 0.0, 100);
        var plateau = cosine.ReduceOnPlateau(Quick);
        plateau.Inner.Should().BeSameAs(cosine);
        plateau.Options.Should().BeSameAs(Quick);
        cosine.ReduceOnPlateau().Options.Should().BeSameAs(ReduceOnPlateauOptions.Default);
    }

    [Fact]
    public void Querying_the_rate_allocates_nothing()
    {
        var plateau = Schedule.Cosine(0.1, 0.0, 100).WithLinearWarmup(10).ReduceOnPlateau(Quick);
        Run(plateau, [1, 1, 1, 1]);
        double sink = 0;
        for (int i = 0; i < 100; i++)
        {
            sink += plateau.GetLearningRate(i) + plateau.CurrentLearningRate;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            sink += plateau.GetLearningRate(i) + plateau.CurrentLearningRate;
            plateau.Report(1.0);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0, $"sink {sink}");
    }
}
