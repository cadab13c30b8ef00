using LrSchedules.RangeTest;

namespace LrSchedules.Tests.RangeTest;

/// <summary>
/// The finders against their origins. Expected values of whole sweeps come from range_test_oracle.py (beside this file),
/// which transcribes fastai's and torch-lr-finder's arithmetic in plain Python; the small cases are worked out in the
/// comments.
/// </summary>
public class RangeTestFinderTests
{
    private static RangeTestPoint[] Sweep(long steps, Func<double, double> loss)
    {
        LearningRateSchedule rates = Schedule.RangeTestSweep(1e-7, 10.0, steps);
        return [.. Enumerable.Range(0, (int)steps).Select(i => new RangeTestPoint(rates.GetLearningRate(i), loss(rates.GetLearningRate(i))))];
    }

    // The oracle's bowl: minimum near lr = 1e-2, explosion past lr = 1.
    private static double Bowl(double rate) =>
        2.3 - (2.0 * Math.Exp(-Math.Pow(Math.Log10(rate) + 2.0, 2) / 2.0)) + (rate < 1 ? 0 : 50 * (rate - 1));

    private static double?[] Rates(Replayed replay) => [.. replay.Suggestions.Select(s => s.LearningRate)];

    private static Replayed Replay(IEnumerable<RangeTestPoint> sweep)
    {
        RangeTestPoint[] steps = [.. sweep];
        return new Replayed(FastaiRangeTest.Replay(steps), TorchLrFinderRangeTest.Replay(steps));
    }

    [Fact]
    public void Fastai_smooths_with_debiased_float32_lerp()
    {
        var test = new FastaiRangeTest(plannedSteps: 3);

        // 1 − 0.98f = 0.019999980926513672f. Step 1: v = 0 − (0 − 1)·that = 0.019999980926513672;
        // divided by (float)(1 − 0.98) = 0.019999999552965164 gives 0.9999990463256836.
        test.Record(1e-3, 1.0).Should().BeTrue();
        test.Points[^1].Loss.Should().Be(0.9999990463256836);
        test.Record(2e-3, 2.0).Should().BeTrue();
        test.Points[^1].Loss.Should().Be(1.5050491094589233);
        test.Record(4e-3, 4.0).Should().BeTrue("fastai's LRFinder runs at least 6 steps");
        test.Points[^1].Loss.Should().Be(2.353555202484131);
        test.Points.Select(p => p.LearningRate).Should().Equal(1e-3, 2e-3, 4e-3);
    }

    [Fact]
    public void TorchLrFinder_smooths_against_the_previous_smoothed_loss()
    {
        var test = new TorchLrFinderRangeTest(plannedSteps: 3);

        test.Record(1e-3, 1.0).Should().BeTrue();          // first loss as it is
        test.Record(2e-3, 2.0).Should().BeTrue();          // 0.05·2 + 0.95·1 = 1.05
        test.Record(4e-3, 4.0).Should().BeFalse();         // 0.05·4 + 0.95·1.05 = 1.1975; 3 of 3 steps done
        test.Points.Select(p => p.Loss).Should().Equal(1.0, 1.05, 1.1975);
        test.IsStopped.Should().BeTrue();
        test.HasDiverged.Should().BeFalse();
    }

    [Fact]
    public void A_sweep_that_diverges_at_once_stops_both_after_two_steps_with_no_suggestion()
    {
        Replayed replay = Replay(Sweep(20, _ => 1.0).Select((p, i) => p with { Loss = i == 0 ? 1.0 : i == 1 ? 100.0 : 1000.0 }));

        // fastai: (0.98·0.02 + 0.02·100) / (1 − 0.98²) ≈ 51 > 4 × 0.999999; torch-lr-finder: 0.05·100 + 0.95·1 = 5.95 > 5 × 1.
        replay.Fastai.Points.Select(p => p.Loss).Should().Equal(0.9999990463256836, 50.99995040893555);
        replay.Fastai.HasDiverged.Should().BeTrue();
        replay.TorchLrFinder.Points.Select(p => p.Loss).Should().Equal(1.0, 5.95);
        replay.TorchLrFinder.HasDiverged.Should().BeTrue();
        replay.Suggestions.Select(s => s.Method).Should().Equal("fastai.valley", "fastai.slide", "fastai.minimum", "fastai.steep", "torch_lr_finder.steepest");
        replay.Suggestions.Should().AllSatisfy(s =>
        {
            s.LearningRate.Should().BeNull();
            s.Failure.Should().NotBeNullOrEmpty();
        });
    }

    [Fact]
    public void Bowl_sweep_gives_each_origins_suggestions()
    {
        Replayed replay = Replay(Sweep(100, Bowl));

        replay.Fastai.Points.Should().HaveCount(94);
        replay.Fastai.HasDiverged.Should().BeTrue();
        replay.Fastai.Points[^1].Loss.Should().Be(7.157701015472412);
        replay.Fastai.Points[^2].Loss.Should().Be(5.164379119873047);
        replay.TorchLrFinder.Points.Should().HaveCount(92);
        replay.TorchLrFinder.Points[^1].Loss.Should().Be(6.027105648946026);
        Rates(replay).Should().Equal(0.0002290867705596611, 0.0014454397605732083, 0.014454397559165954, 0.00363078061491251, 0.00363078054770101);
    }

    [Fact]
    public void NaN_losses_cut_fastais_points_and_win_torch_lr_finders_argmin()
    {
        RangeTestPoint[] sweep = [.. Sweep(100, Bowl).Select((p, i) => i < 80 ? p : p with { Loss = double.NaN })];

        Replayed replay = Replay(sweep);

        replay.Fastai.Points.Should().HaveCount(100, "a NaN never compares, so it never stops the test");
        replay.Fastai.HasDiverged.Should().BeFalse();
        replay.TorchLrFinder.Points.Should().HaveCount(100);
        double.IsNaN(replay.TorchLrFinder.Points[^1].Loss).Should().BeTrue();

        // fastai drops the points from the first NaN: the same suggestions as the clean bowl. torch-lr-finder's
        // numpy.argmin returns the first NaN gradient: index 69 of the slice [10:-5] (step 79), whose central difference reads step 80.
        Rates(replay).Should().Equal(0.0002290867705596611, 0.0014454397605732083, 0.014454397559165954, 0.00363078061491251, 0.2089296130854041);
        replay.Suggestions[4].LearningRate.Should().Be(sweep[79].LearningRate);
    }

    [Fact]
    public void Valley_takes_fastais_index_arithmetic_including_its_start_before_zero()
    {
        float[] rates = [1, 2, 3, 4, 5, 6, 7];

        // lds = [1, 2, 3, 4, 5, 4, 3]: the run ends at 4 with length 5, so start = 4 − 5 = −1;
        // sections = 5 / 3, index = −1 + int(1.67) + int(0.83) = 0.
        FastaiRangeTest.Valley(rates, [5, 4, 3, 2, 1, 2, 3]).LearningRate.Should().Be(1);

        // Two falling points: start = 1 − 2 = −1, sections = 2/3, index = −1: Python's lrs[−1], the last rate.
        FastaiRangeTest.Valley(rates.AsSpan(0, 2), [2, 1]).LearningRate.Should().Be(2);

        // One point: index 0. None: fastai raises IndexError.
        FastaiRangeTest.Valley(rates.AsSpan(0, 1), [3]).LearningRate.Should().Be(1);
        FastaiRangeTest.Valley([], []).Failure.Should().Contain("IndexError");
    }

    [Fact]
    public void Minimum_is_a_tenth_of_the_rate_at_the_first_lowest_loss()
    {
        RangeTestSuggestion minimum = FastaiRangeTest.Minimum([1, 2, 3, 4, 5], [5, 4, 1, 1, 2]);

        minimum.LearningRate.Should().Be(0.3);
        minimum.MarkerLearningRate.Should().Be(3);
        minimum.MarkerLoss.Should().Be(1);
    }

    [Fact]
    public void Steep_is_the_steepest_fall_against_log_rate()
    {
        // Each loss falls by 1, over log(2/1), log(3/2), log(4/3), log(5/4): the slope −1/log(5/4) ≈ −4.48 is the steepest.
        FastaiRangeTest.Steep([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]).LearningRate.Should().Be(4);
        FastaiRangeTest.Steep([1], [5]).Failure.Should().NotBeNull();
    }

    [Fact]
    public void Slide_walks_the_window_down_while_the_gradients_at_its_ends_differ()
    {
        float[] rates = [.. Enumerable.Range(1, 20).Select(i => (float)i)];

        // A straight line: every gradient is −1, so the window never moves and the suggestion is lrs[−16].
        FastaiRangeTest.Slide(rates, [.. Enumerable.Range(0, 20).Select(i => 30f - i)]).LearningRate.Should().Be(5);

        // Flat, then a jump at the last point: gradient[19] = 9, gradient[18] = 4.5, the rest 0. The window's right end
        // sees 9 then 4.5 (moving to lrs[−16] = 5, then lrs[−17] = 4), then 0 against 0 and stops.
        float[] jump = [.. Enumerable.Repeat(1f, 19), 10f];
        FastaiRangeTest.Slide(rates, jump).LearningRate.Should().Be(4);

        FastaiRangeTest.Slide(rates.AsSpan(0, 15), jump.AsSpan(0, 15)).Failure.Should().Contain("IndexError");
    }

    [Fact]
    public void Fastai_runs_at_least_six_steps_and_stops_after_the_planned_ones()
    {
        var test = new FastaiRangeTest(plannedSteps: 2);
        for (int i = 0; i < 5; i++)
        {
            test.Record(1e-3, 1.0).Should().BeTrue();
        }

        test.Record(1e-3, 1.0).Should().BeFalse();
        test.IsStopped.Should().BeTrue();
        test.HasDiverged.Should().BeFalse();
        FluentActions.Invoking(() => test.Record(1e-3, 1.0)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Fastai_does_not_stop_on_divergence_when_told_not_to()
    {
        var test = new FastaiRangeTest(plannedSteps: 10, stopOnDivergence: false);

        test.Record(1e-3, 1.0).Should().BeTrue();
        test.Record(1e-2, 1000.0).Should().BeTrue();
        test.HasDiverged.Should().BeFalse();
    }

    [Fact]
    public void TorchLrFinder_without_smoothing_records_the_raw_losses()
    {
        var test = new TorchLrFinderRangeTest(plannedSteps: 10, smoothing: 0.0);

        test.Record(1e-3, 2.0);
        test.Record(2e-3, 1.0);
        test.Record(3e-3, 5.0).Should().BeTrue("5 is not above 5 × 1");
        test.Record(4e-3, 5.5).Should().BeFalse();
        test.HasDiverged.Should().BeTrue();
        test.Points.Select(p => p.Loss).Should().Equal(2.0, 1.0, 5.0, 5.5);
    }

    [Fact]
    public void TorchLrFinder_suggests_the_steepest_gradient_after_skipping()
    {
        var test = new TorchLrFinderRangeTest(plannedSteps: 6, smoothing: 0.0, skipStart: 1, skipEnd: 1);
        double[] losses = [9, 8, 7, 4, 3, 3];
        for (int i = 0; i < losses.Length; i++)
        {
            test.Record(i + 1, losses[i]);
        }

        // Slice [1:-1] = 8, 7, 4, 3; numpy.gradient = [−1, −2, −2, −1]: the first −2, at rate 3.
        test.Suggest().Single().LearningRate.Should().Be(3);
    }

    [Fact]
    public void Finders_reject_bad_arguments_naming_them()
    {
        FluentActions.Invoking(() => new FastaiRangeTest(0)).Should().Throw<ScheduleArgumentException>().WithParameterName("plannedSteps");
        FluentActions.Invoking(() => new FastaiRangeTest(10, beta: 1.0)).Should().Throw<ScheduleArgumentException>().WithParameterName("beta");
        FluentActions.Invoking(() => new TorchLrFinderRangeTest(10, smoothing: 1.0)).Should().Throw<ScheduleArgumentException>().WithParameterName("smoothing");
        FluentActions.Invoking(() => new TorchLrFinderRangeTest(10, divergenceThreshold: 0)).Should().Throw<ScheduleArgumentException>().WithParameterName("divergenceThreshold");
        FluentActions.Invoking(() => new TorchLrFinderRangeTest(10, skipStart: -1)).Should().Throw<ScheduleArgumentException>().WithParameterName("skipStart");
        FluentActions.Invoking(() => new FastaiRangeTest(10).Record(0.0, 1.0)).Should().Throw<ScheduleArgumentException>().WithParameterName("learningRate");
        FluentActions.Invoking(() => FastaiRangeTest.Replay([])).Should().Throw<ScheduleArgumentException>().WithParameterName("sweep");
        FluentActions.Invoking(() => TorchLrFinderRangeTest.Replay([new RangeTestPoint(1e-3, 1), new RangeTestPoint(double.NaN, 1)]))
            .Should().Throw<ScheduleArgumentException>().Where(e => e.Index == 1 && e.ParamName == "sweep");
    }
}

/// <summary>A sweep replayed through both finders, with their suggestions in the order lrs suggest prints them.</summary>
internal sealed record Replayed(FastaiRangeTest Fastai, TorchLrFinderRangeTest TorchLrFinder)
{
    public IReadOnlyList<RangeTestSuggestion> Suggestions { get; } = [.. Fastai.Suggest(), .. TorchLrFinder.Suggest()];
}
