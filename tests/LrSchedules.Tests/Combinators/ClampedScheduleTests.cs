using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Combinators;

public class ClampedScheduleTests
{
    // 0.8, 0.4, 0.2, 0.1, 0.05, ... every 10 steps.
    private static readonly StepDecaySchedule Decay = (StepDecaySchedule)Schedule.Step(0.8, stepSize: 10, decayFactor: 0.5);

    [Fact]
    public void Clamp_keeps_values_between_the_bounds()
    {
        var schedule = (ClampedSchedule)Decay.Clamp(0.1, 0.5);

        schedule.ShouldHaveRate(0, 0.5);
        schedule.ShouldHaveRate(9, 0.5);
        schedule.ShouldHaveRate(10, 0.4);
        schedule.ShouldHaveRate(19, 0.4);
        schedule.ShouldHaveRate(20, 0.2);
        schedule.ShouldHaveRate(30, 0.1);
        schedule.ShouldHaveRate(40, 0.1);
        schedule.ShouldHaveRate(long.MaxValue, 0.1);
        schedule.Minimum.Should().Be(0.1);
        schedule.Maximum.Should().Be(0.5);
        schedule.Inner.Should().BeSameAs(Decay);
    }

    [Fact]
    public void Floor_stops_a_decay()
    {
        var schedule = (ClampedSchedule)Decay.WithFloor(0.15);

        schedule.ShouldHaveRate(0, 0.8);
        schedule.ShouldHaveRate(29, 0.2);
        schedule.ShouldHaveRate(30, 0.15);
        schedule.ShouldHaveRate(long.MaxValue, 0.15);
        schedule.Maximum.Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Ceiling_caps_a_schedule()
    {
        var schedule = (ClampedSchedule)Decay.WithCeiling(0.3);

        schedule.ShouldHaveRate(0, 0.3);
        schedule.ShouldHaveRate(19, 0.3);
        schedule.ShouldHaveRate(20, 0.2);
        schedule.ShouldHaveRate(long.MaxValue, 0.0);
        schedule.Minimum.Should().Be(0.0);
    }

    [Fact]
    public void Floor_then_ceiling_merge_into_one_clamp_with_the_same_values()
    {
        var merged = (ClampedSchedule)Decay.WithFloor(0.1).WithCeiling(0.5);
        merged.Inner.Should().BeSameAs(Decay);
        merged.Minimum.Should().Be(0.1);
        merged.Maximum.Should().Be(0.5);

        var clamp = Decay.Clamp(0.1, 0.5);
        foreach (long step in ScheduleContract.ProbeSteps)
        {
            merged.GetLearningRate(step).Should().Be(clamp.GetLearningRate(step));
        }
    }

    [Fact]
    public void Clamps_with_disjoint_ranges_stay_nested_and_exact()
    {
        var schedule = (ClampedSchedule)Decay.Clamp(0.6, 0.7).WithCeiling(0.3);
        schedule.Inner.Should().BeOfType<ClampedSchedule>();
        schedule.ShouldHaveRate(0, 0.3);
        schedule.ShouldHaveRate(long.MaxValue, 0.3);
    }

    [Fact]
    public void Clamp_nested_to_depth_three_around_other_combinators_stays_exact()
    {
        var schedule = Decay.WithFloor(0.1).Scale(2.0).WithCeiling(1.0).Delay(5);
        schedule.ShouldHaveRate(0, 1.0);
        schedule.ShouldHaveRate(14, 1.0);
        schedule.ShouldHaveRate(15, 0.8);
        schedule.ShouldHaveRate(35, 0.2);
        schedule.ShouldHaveRate(long.MaxValue, 0.2);
        ScheduleContract.Holds(schedule);
    }

    [Fact]
    public void Clamp_accepts_equal_bounds() => Decay.Clamp(0.2, 0.2).ShouldHaveRate(0, 0.2);

    [Fact]
    public void Clamps_keep_the_contract()
    {
        ScheduleContract.Holds(Decay.Clamp(0.1, 0.5), [9, 10, 11]);
        ScheduleContract.Holds(Decay.WithFloor(0.01));
        ScheduleContract.Holds(new UserSchedule().WithCeiling(0.5));
    }

    [Fact]
    public void Clamps_reject_a_null_schedule()
    {
        ILearningRateSchedule none = null!;
        FluentActions.Invoking(() => none.Clamp(0.1, 0.2)).Should().Throw<ArgumentNullException>().WithParameterName("schedule");
        FluentActions.Invoking(() => none.WithFloor(0.1)).Should().Throw<ArgumentNullException>().WithParameterName("schedule");
        FluentActions.Invoking(() => none.WithCeiling(0.1)).Should().Throw<ArgumentNullException>().WithParameterName("schedule");
    }

    [Fact]
    public void Clamp_rejects_a_minimum_above_the_maximum() =>
        FluentActions.Invoking(() => Decay.Clamp(0.5, 0.1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("minimum").WithMessage("*<= maximum (0.1)*0.5*");

    [Theory]
    [InlineData(double.NaN, 0.5, "minimum")]
    [InlineData(-0.1, 0.5, "minimum")]
    [InlineData(0.1, double.NaN, "maximum")]
    [InlineData(0.1, double.PositiveInfinity, "maximum")]
    [InlineData(0.1, -1.0, "maximum")]
    public void Clamp_rejects_a_bad_bound(double minimum, double maximum, string parameter) =>
        FluentActions.Invoking(() => Decay.Clamp(minimum, maximum))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(double.PositiveInfinity)]
    public void Floor_and_ceiling_reject_a_bad_bound(double bound)
    {
        FluentActions.Invoking(() => Decay.WithFloor(bound)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("minimum");
        FluentActions.Invoking(() => Decay.WithCeiling(bound)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maximum");
    }

    [Fact]
    public void Clamps_whose_ranges_touch_at_one_value_merge_into_that_constant()
    {
        // [0.6, 0.7] then a ceiling of 0.6: the ranges share 0.6 only, clamp[max(0, 0.6), min(0.6, 0.7)] = [0.6, 0.6].
        var merged = (ClampedSchedule)Decay.Clamp(0.6, 0.7).WithCeiling(0.6);
        merged.Inner.Should().BeSameAs(Decay);
        merged.Minimum.Should().Be(0.6);
        merged.Maximum.Should().Be(0.6);
        merged.ShouldHaveRate(0, 0.6);
        merged.ShouldHaveRate(long.MaxValue, 0.6);
    }

    [Fact]
    public void A_clamp_of_a_schedule_at_the_depth_limit_is_rejected_naming_the_schedule()
    {
        LearningRateSchedule deepest = DelayedScheduleTests.DelaysAtTheDepthLimit();
        foreach (Func<LearningRateSchedule> clamp in (Func<LearningRateSchedule>[])[() => deepest.Clamp(0.01, 1.0), () => deepest.WithFloor(0.01), () => deepest.WithCeiling(1.0)])
        {
            var rejection = clamp.Should().Throw<ScheduleArgumentException>().Which;
            rejection.ParamName.Should().Be("schedule");
            rejection.ActualValue.Should().Be(Composition.MaxDepth + 1);
            rejection.Message.Should().StartWith("schedule must be a composition at most 1000 schedules deep");
        }
    }
}
