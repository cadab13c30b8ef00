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

        // slide's plotted loss: numpy.interp of the double log10 of the suggestion on the float32 log10 of the rates.
        replay.Suggestions[1].MarkerLoss.Should().Be(1.9441289075638304);
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
    public void Valley_runs_are_strictly_descending_and_the_first_longest_run_wins()
    {
        float[] rates = [1, 2, 3, 4, 5, 6, 7];

        // [3, 2, 2, 1]: the equal 2s break the run, lds = [1, 2, 2, 3]; the run ends at 3 with length 3, start = 0,
        // sections = 1, index = 0 + 1 + 0 = 1.
        FastaiRangeTest.Valley(rates.AsSpan(0, 4), [3, 2, 2, 1]).LearningRate.Should().Be(2);

        // [2, 1, 3, 2]: two runs of length 2; the first (ending at 1, start −1) is kept: sections = 2/3, index = −1, the last rate.
        FastaiRangeTest.Valley(rates.AsSpan(0, 4), [2, 1, 3, 2]).LearningRate.Should().Be(4);

        // [1, 2, 5, 4, 3, 2, 1]: the run 5..1 ends at 6 with length 5, start = 1; sections = 5/3, index = 1 + 1 + 0 = 2.
        RangeTestSuggestion valley = FastaiRangeTest.Valley(rates, [1, 2, 5, 4, 3, 2, 1]);
        valley.LearningRate.Should().Be(3);
        valley.MarkerLoss.Should().Be(5);
    }

    [Fact]
    public void Minimum_is_a_tenth_of_the_rate_at_the_first_lowest_loss()
    {
        RangeTestSuggestion minimum = FastaiRangeTest.Minimum([1, 2, 3, 4, 5], [5, 4, 1, 1, 2]);

        minimum.LearningRate.Should().Be(0.3);
        minimum.MarkerLearningRate.Should().Be(3);
        minimum.MarkerLoss.Should().Be(1);

        // Its plotted loss is at the first rate nearest the minimum's rate: with the rate 2 twice, the first one's loss.
        FastaiRangeTest.Minimum([1, 2, 2], [3, 1, 2]).MarkerLoss.Should().Be(1);
        FastaiRangeTest.Minimum([], []).Failure.Should().Be("no points left after fastai's slicing (argmin of an empty tensor in minimum)");
    }

    [Fact]
    public void Steep_is_the_steepest_fall_against_log_rate()
    {
        // Each loss falls by 1, over log(2/1), log(3/2), log(4/3), log(5/4): the slope −1/log(5/4) ≈ −4.48 is the steepest.
        FastaiRangeTest.Steep([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]).LearningRate.Should().Be(4);
        FastaiRangeTest.Steep([1], [5]).Failure.Should().Be("1 point(s) left after fastai's slicing; steep needs 2 (argmin of an empty tensor)");

        // Two points: one slope, at the first rate.
        FastaiRangeTest.Steep([1, 2], [5, 4]).LearningRate.Should().Be(1);

        // Rising losses: slopes 1/log 2 ≈ 1.44 and 1/log 1.5 ≈ 2.47, the smaller (still positive) one first.
        FastaiRangeTest.Steep([1, 2, 3], [1, 2, 3]).LearningRate.Should().Be(1);

        // A repeated rate gives 0/0 = NaN, and torch.argmin returns the first NaN: slopes −1/log 2, NaN, −0.1/log 1.5.
        FastaiRangeTest.Steep([1, 2, 2, 3], [5, 4, 4, 3.9f]).LearningRate.Should().Be(2);
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

        FastaiRangeTest.Slide(rates.AsSpan(0, 15), jump.AsSpan(0, 15)).Failure.Should().Be("15 points left after fastai's slicing; slide reads lrs[-16] (IndexError)");
        FastaiRangeTest.Slide(rates.AsSpan(0, 2), jump.AsSpan(0, 2)).Failure.Should().Be("2 points left after fastai's slicing; slide reads lrs[-16] (IndexError)");
        FastaiRangeTest.Slide(rates.AsSpan(0, 1), jump.AsSpan(0, 1)).Failure.Should().Be("1 point(s) left after fastai's slicing; numpy.gradient needs 2 (ValueError in slide)");
    }

    [Fact]
    public void Slide_stops_when_the_gradients_differ_by_no_more_than_the_threshold()
    {
        float[] rates = [.. Enumerable.Range(1, 20).Select(i => (float)i)];

        // Zeros, then −0.01f, 0.005f, 0.01f: gradient[19] = 0.01f − 0.005f = 0.005f exactly, gradient[18] = 0.01f.
        // |0.005f − 0| > 0.005f is false, so the window stays at lrs[−16] (had it moved, 0.01f against 0 would move it again).
        FastaiRangeTest.Slide(rates, [.. Enumerable.Repeat(0f, 17), -0.01f, 0.005f, 0.01f]).LearningRate.Should().Be(5);

        // Ones, then 0.99f, 1, 1.004f: gradient[19] = 1.004f − 1 ≈ 0.004 (a one-sided difference): no move, lrs[−16];
        // gradient[18] = (1.004f − 0.99f) / 2 ≈ 0.007 is never compared.
        FastaiRangeTest.Slide(rates, [.. Enumerable.Repeat(1f, 17), 0.99f, 1f, 1.004f]).LearningRate.Should().Be(5);
    }

    [Fact]
    public void Slide_can_walk_its_window_down_to_the_first_point()
    {
        float[] rates = [.. Enumerable.Range(1, 17).Select(i => (float)i)];

        // 17 points, ones then 2 last: gradient = 0 … 0, 0.5, 1. Window (16, 1): 1 vs 0 moves to lrs[1]; window (15, 0):
        // 0.5 vs 0 moves to lrs[0]; the next left end, −18, is past the start.
        RangeTestSuggestion slide = FastaiRangeTest.Slide(rates, [.. Enumerable.Repeat(1f, 16), 2f]);
        slide.LearningRate.Should().Be(1);
        slide.MarkerLoss.Should().Be(1, "log10(1) = 0 is the first knot exactly");

        // Ones, 2 at index 15, 1 last: gradient[16] = −1, gradient[15] = 0, gradient[1] = gradient[0] = 0 (f[1] − f[0]).
        // Window (16, 1) moves to lrs[1]; window (15, 0) compares 0 with 0 and stops there.
        FastaiRangeTest.Slide(rates, [.. Enumerable.Repeat(1f, 15), 2f, 1f]).LearningRate.Should().Be(2);

        // 16 points, the fewest slide takes: one window (15, 0), and 1 vs 0 moves it to lrs[0].
        FastaiRangeTest.Slide(rates.AsSpan(0, 16), [.. Enumerable.Repeat(1f, 15), 2f]).LearningRate.Should().Be(1);
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
        FluentActions.Invoking(() => test.Record(1e-3, 1.0)).Should().Throw<InvalidOperationException>()
            .WithMessage("The range test has stopped; start a new one to record more steps.");
    }

    [Fact]
    public void Fastai_with_beta_below_one_half_takes_torch_lerps_other_branch()
    {
        // β = 0.25 (|β| < 0.5): v = x + β(v − x). Step 1: v = 0.75, / (1 − 0.25) = 1. Step 2: v = 2 + 0.25 · (0.75 − 2)
        // = 1.6875, / (1 − 0.0625) = 1.8 (as float32, 1.7999999523162842).
        var test = new FastaiRangeTest(plannedSteps: 10, beta: 0.25);
        test.Record(1e-3, 1.0);
        test.Record(2e-3, 2.0);
        test.Points.Select(p => p.Loss).Should().Equal(1.0, 1.7999999523162842);

        // Where the two lerp forms round apart: losses 0.1f, 0.4f. v = 0.075, then 0.4 + 0.25 · (0.075 − 0.4) = 0.31875,
        // / 0.9375 = 0.34: in float32 0.3400000333786011 (v − (v − x)(1 − β) would round to 0.3400000035762787).
        var other = new FastaiRangeTest(plannedSteps: 10, beta: 0.25);
        other.Record(1e-3, 0.1);
        other.Record(2e-3, 0.4);
        other.Points.Select(p => p.Loss).Should().Equal(0.10000000149011612, 0.3400000333786011);
    }

    [Fact]
    public void Fastai_with_beta_one_half_takes_the_end_minus_branch()
    {
        // β = 0.5 is not < 0.5: v = v − (v − x)(1 − β). Step 2 from v = 0.05f with x = 0.3f: v − x = −0.25 rounds in
        // float32 so that v − (v − x)/2 = 0.17499999701976776 (x + (v − x)/2 would give 0.17500001192092896);
        // / 0.75 = 0.23333333432674408 in float32.
        var test = new FastaiRangeTest(plannedSteps: 10, beta: 0.5);
        test.Record(1e-3, 0.1);
        test.Record(2e-3, 0.3);
        test.Points.Select(p => p.Loss).Should().Equal(0.10000000149011612, 0.23333333432674408);
    }

    [Fact]
    public void Fastai_with_beta_zero_records_raw_losses_and_stops_only_above_four_times_the_best()
    {
        var test = new FastaiRangeTest(plannedSteps: 10, beta: 0.0);

        test.Record(1e-3, 1.0).Should().BeTrue();
        test.Record(2e-3, 4.0).Should().BeTrue("4 is not above 4 × 1");
        test.Record(3e-3, 4.5).Should().BeFalse();
        test.HasDiverged.Should().BeTrue();
        test.Points.Select(p => p.Loss).Should().Equal(1.0, 4.0, 4.5);
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
    public void TorchLrFinder_gradient_ends_are_one_sided_and_inside_halved()
    {
        // No skipping. [5, 4, 2]: gradient = [−1, (2 − 5)/2 = −1.5, −2]: the last point.
        Raw([5, 4, 2], skipStart: 0, skipEnd: 0).Suggest().Single().LearningRate.Should().Be(3);

        // [5, 1, 1, 1]: gradient = [−4, −2, 0, 0]: the first point.
        Raw([5, 1, 1, 1], skipStart: 0, skipEnd: 0).Suggest().Single().LearningRate.Should().Be(1);

        // [5, 5, 5, 5, 1]: gradient = [0, 0, 0, −2, −4]: the last point.
        Raw([5, 5, 5, 5, 1], skipStart: 0, skipEnd: 0).Suggest().Single().LearningRate.Should().Be(5);
    }

    [Fact]
    public void TorchLrFinder_suggests_from_two_points_and_fails_below_two()
    {
        // 4 points, [1:-1] leaves [8, 6]: gradient [−2, −2], the first.
        RangeTestSuggestion two = Raw([9, 8, 6, 5], skipStart: 1, skipEnd: 1).Suggest().Single();
        two.LearningRate.Should().Be(2);
        two.MarkerLoss.Should().Be(8);

        Raw([9, 8, 6], skipStart: 1, skipEnd: 1).Suggest().Single().Failure
            .Should().Be("1 point(s) left after skipping 1 at the start and 1 at the end; numpy.gradient needs 2");
    }

    [Fact]
    public void TorchLrFinder_refuses_steps_after_it_stopped()
    {
        var test = new TorchLrFinderRangeTest(plannedSteps: 1);
        test.Record(1e-3, 1.0).Should().BeFalse();
        FluentActions.Invoking(() => test.Record(1e-3, 1.0)).Should().Throw<InvalidOperationException>()
            .WithMessage("The range test has stopped; start a new one to record more steps.");
    }

    [Fact]
    public void Replaying_fewer_than_six_steps_through_fastai_reads_them_all_without_stopping()
    {
        FastaiRangeTest test = FastaiRangeTest.Replay(Points([3, 2, 1]));

        test.Points.Should().HaveCount(3);
        test.IsStopped.Should().BeFalse("fastai's LRFinder runs at least 6 steps");
    }

    [Fact]
    public void Finders_reject_bad_arguments_naming_them()
    {
        FluentActions.Invoking(() => new FastaiRangeTest(0)).Should().Throw<ScheduleArgumentException>().WithParameterName("plannedSteps");
        FluentActions.Invoking(() => new TorchLrFinderRangeTest(0)).Should().Throw<ScheduleArgumentException>().WithParameterName("plannedSteps");
        FluentActions.Invoking(() => new TorchLrFinderRangeTest(10, skipEnd: -1)).Should().Throw<ScheduleArgumentException>().WithParameterName("skipEnd");
        FluentActions.Invoking(() => new TorchLrFinderRangeTest(10).Record(0.0, 1.0)).Should().Throw<ScheduleArgumentException>().WithParameterName("learningRate");
        FluentActions.Invoking(() => new FastaiRangeTest(10, beta: 1.0)).Should().Throw<ScheduleArgumentException>().WithParameterName("beta");
        FluentActions.Invoking(() => new TorchLrFinderRangeTest(10, smoothing: 1.0)).Should().Throw<ScheduleArgumentException>().WithParameterName("smoothing");
        FluentActions.Invoking(() => new TorchLrFinderRangeTest(10, divergenceThreshold: 0)).Should().Throw<ScheduleArgumentException>().WithParameterName("divergenceThreshold");
        FluentActions.Invoking(() => new TorchLrFinderRangeTest(10, skipStart: -1)).Should().Throw<ScheduleArgumentException>().WithParameterName("skipStart");
        FluentActions.Invoking(() => new FastaiRangeTest(10).Record(0.0, 1.0)).Should().Throw<ScheduleArgumentException>().WithParameterName("learningRate");
        FluentActions.Invoking(() => FastaiRangeTest.Replay([])).Should().Throw<ScheduleArgumentException>().WithParameterName("sweep");
        FluentActions.Invoking(() => TorchLrFinderRangeTest.Replay([new RangeTestPoint(1e-3, 1), new RangeTestPoint(double.NaN, 1)]))
            .Should().Throw<ScheduleArgumentException>().Where(e => e.Index == 1 && e.ParamName == "sweep");
    }

    [Fact]
    public void Replay_rejections_name_the_step_value_and_requirement()
    {
        FluentActions.Invoking(() => FastaiRangeTest.Replay([]))
            .Should().Throw<ScheduleArgumentException>()
            .Where(e => e.ParamName == "sweep" && Equals(e.ActualValue, "empty") && e.Requirement == "at least one step" && e.Index == null);

        FluentActions.Invoking(() => TorchLrFinderRangeTest.Replay([new RangeTestPoint(1e-3, 1), new RangeTestPoint(2e-3, 1), new RangeTestPoint(0.0, 1)]))
            .Should().Throw<ScheduleArgumentException>()
            .Where(e => e.ParamName == "sweep" && Equals(e.ActualValue, 0.0) && e.Requirement == "a learning rate that is a finite number > 0" && e.Index == 2);

        FluentActions.Invoking(() => FastaiRangeTest.Replay([new RangeTestPoint(double.PositiveInfinity, 1)]))
            .Should().Throw<ScheduleArgumentException>().Where(e => e.Index == 0);
    }

    [Fact]
    public void Fastai_accepts_beta_zero_but_not_below()
    {
        new FastaiRangeTest(10, beta: 0.0).Beta.Should().Be(0.0);
        FluentActions.Invoking(() => new FastaiRangeTest(10, beta: -0.01)).Should().Throw<ScheduleArgumentException>().WithParameterName("beta");
    }

    // A torch-lr-finder test without smoothing that recorded these losses at the rates 1, 2, 3, ...
    private static TorchLrFinderRangeTest Raw(double[] losses, int skipStart, int skipEnd)
    {
        var test = new TorchLrFinderRangeTest(losses.Length, smoothing: 0.0, skipStart: skipStart, skipEnd: skipEnd);
        for (int i = 0; i < losses.Length; i++)
        {
            test.Record(i + 1, losses[i]);
        }

        return test;
    }

    // Losses at the rates 1, 2, 3, ...
    private static RangeTestPoint[] Points(double[] losses) => [.. losses.Select((loss, i) => new RangeTestPoint(i + 1, loss))];
}

/// <summary>A sweep replayed through both finders, with their suggestions in the order lrs suggest prints them.</summary>
internal sealed record Replayed(FastaiRangeTest Fastai, TorchLrFinderRangeTest TorchLrFinder)
{
    public IReadOnlyList<RangeTestSuggestion> Suggestions { get; } = [.. Fastai.Suggest(), .. TorchLrFinder.Suggest()];
}
