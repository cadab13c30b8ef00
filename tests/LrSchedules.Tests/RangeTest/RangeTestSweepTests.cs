using LrSchedules.Internal;
using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.RangeTest;

public class RangeTestSweepTests
{
    // fastai lr_find defaults: start_lr=1e-7, end_lr=10, num_it=100; sched_exp(start, end, pos) = start * (end/start) ** pos.
    private readonly LearningRateSchedule _exponential = Schedule.RangeTestSweep(1e-7, 10.0, 100);
    private readonly LearningRateSchedule _linear = Schedule.RangeTestSweep(0.01, 1.0, 100, RangeTestSpacing.Linear);

    [Fact]
    public void Exponential_sweep_is_fastais_rate_of_each_batch()
    {
        // Python: 1e-07 * (10.0 / 1e-07) ** (i / 100)
        _exponential.ShouldHaveRate(0, 1e-07);
        _exponential.ShouldHaveRate(1, 1.202264434617413e-07);
        _exponential.ShouldHaveRate(50, 0.001);
        for (long step = 0; step < 100; step++)
        {
            _exponential.GetLearningRate(step).Should().Be(1e-7 * Math.Pow(10.0 / 1e-7, step / 100.0));
        }
    }

    [Fact]
    public void Exponential_sweep_reaches_the_end_rate_at_the_last_step_and_holds_it()
    {
        _exponential.ShouldHaveRate(99, 1e-7 * Math.Pow(1e8, 0.99));
        _exponential.ShouldHaveRate(100, 10.0);
        _exponential.ShouldHaveRate(101, 10.0);
        _exponential.ShouldHaveRate(long.MaxValue, 10.0);
    }

    [Fact]
    public void An_exponential_sweep_wider_than_doubles_range_stays_finite_on_the_log_scale()
    {
        // Found by the configuration fuzzer: 1e308 / 1e-7 overflows, and 1e-7 · ∞^p was +∞ from step 1 on.
        LearningRateSchedule sweep = Schedule.RangeTestSweep(1e-7, 1e308, 100);

        sweep.GetLearningRate(0).Should().Be(1e-7);
        sweep.GetLearningRate(1).Should().Be(Math.Exp(Math.Log(1e-7) + (0.01 * (Math.Log(1e308) - Math.Log(1e-7)))));
        double step99 = Math.Exp(Math.Log(1e-7) + (0.99 * (Math.Log(1e308) - Math.Log(1e-7))));
        sweep.GetLearningRate(99).Should().Be(step99).And.BeApproximately(1e308 / Math.Pow(10, 3.15), 1e308 * 1e-12);
        sweep.GetLearningRate(100).Should().Be(1e308);
        ScheduleContract.Holds(sweep);
    }

    [Fact]
    public void The_largest_double_is_accepted_as_the_end_rate()
    {
        // The end rate must be finite and above the start: double.MaxValue is the last value allowed.
        LearningRateSchedule sweep = Schedule.RangeTestSweep(1.0, double.MaxValue, 4, RangeTestSpacing.Linear);

        sweep.GetLearningRate(0).Should().Be(1.0);
        sweep.GetLearningRate(4).Should().Be(double.MaxValue);
        sweep.GetLearningRate(long.MaxValue).Should().Be(double.MaxValue);
    }

    [Fact]
    public void Linear_sweep_rises_by_equal_steps()
    {
        _linear.ShouldHaveRate(0, 0.01);
        _linear.ShouldHaveRate(1, 0.01 + (0.01 * (1.0 - 0.01)));
        _linear.ShouldHaveRate(50, 0.01 + (0.5 * 0.99));
        _linear.ShouldHaveRate(99, 0.01 + (0.99 * 0.99));
        _linear.ShouldHaveRate(100, 1.0);
        _linear.ShouldHaveRate(1_000_000_000_000, 1.0);
    }

    [Fact]
    public void Linear_sweep_is_exactly_the_end_rate_at_the_last_step_where_fastais_formula_is_an_ulp_above()
    {
        // sched_lin(0.001, 0.01, 1.0) = 0.001 + 1.0 * (0.01 - 0.001) = 0.010000000000000002; from t = n on the rate is end itself.
        LearningRateSchedule sweep = Schedule.RangeTestSweep(0.001, 0.01, 100, RangeTestSpacing.Linear);
        sweep.ShouldHaveRate(99, 0.009910000000000002);
        sweep.ShouldHaveRate(100, 0.01);
        sweep.ShouldHaveRate(101, 0.01);
    }

    [Fact]
    public void Sweeps_hold_the_schedule_contract()
    {
        ScheduleContract.Holds(_exponential, [99, 100, 101]);
        ScheduleContract.Holds(_linear, [99, 100, 101]);
    }

    [Fact]
    public void Sweep_records_the_call_that_built_it()
    {
        FactoryCalls.TryGetCall(_linear, out FactoryCall? call).Should().BeTrue();
        call!.Factory.Should().Be("RangeTestSweep");
        call.Arguments.Should().Equal(0.01, 1.0, 100L, RangeTestSpacing.Linear);
    }

    [Theory]
    [InlineData(0.0, 10.0, 100, RangeTestSpacing.Exponential, "initialLearningRate")]
    [InlineData(double.NaN, 10.0, 100, RangeTestSpacing.Exponential, "initialLearningRate")]
    [InlineData(1e-7, 1e-7, 100, RangeTestSpacing.Exponential, "finalLearningRate")]
    [InlineData(1e-7, double.PositiveInfinity, 100, RangeTestSpacing.Exponential, "finalLearningRate")]
    [InlineData(1e-7, 10.0, 0, RangeTestSpacing.Exponential, "totalSteps")]
    [InlineData(1e-7, 10.0, 100, (RangeTestSpacing)7, "spacing")]
    public void Sweep_rejects_bad_arguments_naming_them(double start, double end, long totalSteps, RangeTestSpacing spacing, string parameter)
    {
        FluentActions.Invoking(() => Schedule.RangeTestSweep(start, end, totalSteps, spacing))
            .Should().Throw<ScheduleArgumentException>().WithParameterName(parameter);
    }
}
