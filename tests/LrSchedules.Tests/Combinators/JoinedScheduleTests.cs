using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Combinators;

public class JoinedScheduleTests
{
    // optax linear_schedule(0.0, 0.1, 10), written as a function of the continuous position.
    private static readonly FunctionSchedule Ramp = (FunctionSchedule)Schedule.FromFunction((double t) => 0.1 * (Math.Min(t, 10.0) / 10.0));
    private static readonly CosineSchedule Cosine = (CosineSchedule)Schedule.Cosine(0.1, 0.0, 40);

    [Fact]
    public void Join_switches_at_the_boundary_and_the_next_schedule_starts_at_its_step_zero()
    {
        // optax join_schedules([linear_schedule(0, 0.1, 10), cosine_decay_schedule(0.1, 40)], [10]).
        var schedule = Schedule.Join([Ramp, Cosine], [10]);

        schedule.ShouldHaveRate(0, 0.0);
        schedule.ShouldHaveRate(9, Ramp.GetLearningRate(9));
        schedule.ShouldHaveRate(10, 0.1);
        schedule.ShouldHaveRate(11, Cosine.GetLearningRate(1));
        schedule.ShouldHaveRate(49, Cosine.GetLearningRate(39));
        schedule.ShouldHaveRate(50, 0.0);
        schedule.ShouldHaveRate(1_000_000_000_000, 0.0);
        schedule.ShouldHaveRate(long.MaxValue, 0.0);
    }

    [Fact]
    public void Join_of_several_schedules_uses_each_between_its_boundaries()
    {
        var a = Schedule.Constant(1.0);
        var b = Schedule.Step(0.5, stepSize: 2, decayFactor: 0.5);
        var c = Schedule.MultiStep(0.1, [5], 0.1);
        var schedule = Schedule.Join([a, b, c], [10, 20]);

        schedule.ShouldHaveRate(0, 1.0);
        schedule.ShouldHaveRate(9, 1.0);
        schedule.ShouldHaveRate(10, 0.5);
        schedule.ShouldHaveRate(11, 0.5);
        schedule.ShouldHaveRate(12, 0.25);
        schedule.ShouldHaveRate(19, 0.5 * Math.Pow(0.5, 4));
        schedule.ShouldHaveRate(20, 0.1);
        schedule.ShouldHaveRate(21, 0.1);
        schedule.ShouldHaveRate(24, 0.1);
        schedule.ShouldHaveRate(25, 0.1 * 0.1);
        schedule.ShouldHaveRate(long.MaxValue, 0.1 * 0.1);
    }

    [Fact]
    public void Then_is_a_join_of_two()
    {
        var then = (JoinedSchedule)Schedule.Join([Ramp, Cosine], [10]);
        var join = Schedule.Join([Ramp, Cosine], [10]);
        foreach (long step in ScheduleContract.ProbeSteps)
        {
            then.GetLearningRate(step).Should().Be(join.GetLearningRate(step));
        }

        then.Schedules.Should().Equal(Ramp, Cosine);
        then.Boundaries.Should().Equal(10L);
    }

    [Fact]
    public void Join_reads_the_next_schedule_between_steps_from_the_boundary()
    {
        var schedule = Schedule.Join([Schedule.Constant(1.0), Schedule.FromFunction((double t) => t)], [10]);
        schedule.GetLearningRate(9.5).Should().Be(1.0);
        schedule.GetLearningRate(10.25).Should().Be(0.25);
    }

    [Fact]
    public void Join_is_pytorch_sequential_lr_linear_then_cosine()
    {
        // SequentialLR([LinearLR(start_factor=0.01, total_iters=10), CosineAnnealingLR(T_max=90)], milestones=[10]) on 0.1.
        var linear = Schedule.FromFunction((long t) => 0.1 * (0.01 + (0.99 * Math.Min(t, 10) / 10)));
        var cosine = Schedule.Cosine(0.1, 0.0, 90);
        var schedule = Schedule.Join([linear, cosine], [10]);
        var warmup = cosine.WithLinearWarmup(10, 0.001);

        foreach (long step in new long[] { 0, 1, 9, 10, 11, 55, 99, 100, 101 })
        {
            schedule.ShouldHaveRate(step, warmup.GetLearningRate(step), ScheduleAssertions.Tight);
        }

        schedule.ShouldHaveRate(0, 0.001, ScheduleAssertions.Tight);
        schedule.ShouldHaveRate(10, 0.1);
        schedule.ShouldHaveRate(100, 0.0);
    }

    [Fact]
    public void Chained_then_is_flattened_into_one_join_with_the_same_values()
    {
        var a = Schedule.Constant(1.0);
        var b = Schedule.Step(0.5, 2, 0.5);
        var c = Schedule.Constant(0.1);
        var chained = (JoinedSchedule)Schedule.Join([Schedule.Join([a, b], [10]), c], [20]);

        chained.Schedules.Should().Equal(a, b, c);
        chained.Boundaries.Should().Equal(10L, 20L);
        var nested = (JoinedSchedule)Schedule.Join([Schedule.Join([a, b], [10]), c], [20]);
        nested.Schedules.Should().HaveCount(3);
        foreach (long step in new long[] { 0, 9, 10, 11, 12, 19, 20, 21, long.MaxValue })
        {
            chained.GetLearningRate(step).Should().Be(nested.GetLearningRate(step));
        }

        chained.ShouldHaveRate(19, 0.5 * Math.Pow(0.5, 4));
        chained.ShouldHaveRate(20, 0.1);
    }

    [Fact]
    public void Flattening_drops_the_parts_of_the_first_join_that_are_never_reached()
    {
        var a = Schedule.Constant(1.0);
        var b = Schedule.Constant(0.5);
        var c = Schedule.Constant(0.25);
        var d = Schedule.Constant(0.125);
        var schedule = (JoinedSchedule)Schedule.Join([Schedule.Join([a, b, c], [10, 20]), d], [15]);

        schedule.Schedules.Should().Equal(a, b, d);
        schedule.Boundaries.Should().Equal(10L, 15L);
        schedule.ShouldHaveRate(14, 0.5);
        schedule.ShouldHaveRate(15, 0.125);
        ((JoinedSchedule)Schedule.Join([Schedule.Join([a, b], [10]), c], [10])).Schedules.Should().Equal(a, c);
    }

    [Fact]
    public void Join_of_one_schedule_is_that_schedule()
    {
        var schedule = (JoinedSchedule)Schedule.Join([Cosine], []);
        schedule.Boundaries.Should().BeEmpty();
        foreach (long step in ScheduleContract.ProbeSteps)
        {
            schedule.GetLearningRate(step).Should().Be(Cosine.GetLearningRate(step));
        }

        var join = Schedule.Join([Ramp, Cosine], [10]);
        Schedule.Join([join], []).Should().BeSameAs(join);
    }

    [Fact]
    public void Join_nested_in_later_positions_stays_exact()
    {
        // Depth 3: a join inside a join inside a join, not in first position, so nothing is flattened.
        var inner = Schedule.Join([Schedule.Constant(0.3), Schedule.Step(0.2, 3, 0.5)], [5]);
        var middle = Schedule.Join([Schedule.Constant(0.4), inner], [10]);
        var outer = Schedule.Join([Schedule.Constant(0.5), middle], [100]);

        outer.ShouldHaveRate(99, 0.5);
        outer.ShouldHaveRate(100, 0.4);
        outer.ShouldHaveRate(109, 0.4);
        outer.ShouldHaveRate(110, 0.3);
        outer.ShouldHaveRate(114, 0.3);
        outer.ShouldHaveRate(115, 0.2);
        outer.ShouldHaveRate(117, 0.2);
        outer.ShouldHaveRate(118, 0.1);
        outer.ShouldHaveRate(long.MaxValue, 0.0);
        ScheduleContract.Holds(outer, [99, 100, 109, 110, 114, 115, 118]);
    }

    [Fact]
    public void Join_of_many_schedules_finds_each_by_binary_search()
    {
        const int count = 10_000;
        var schedules = Enumerable.Range(0, count).Select(i => (ILearningRateSchedule)Schedule.Constant(i)).ToArray();
        var boundaries = Enumerable.Range(1, count - 1).Select(i => (long)i * 7).ToArray();
        var schedule = Schedule.Join(schedules, boundaries);

        schedule.ShouldHaveRate(0, 0);
        schedule.ShouldHaveRate(6, 0);
        schedule.ShouldHaveRate(7, 1);
        schedule.ShouldHaveRate(7 * 5_000, 5_000);
        schedule.ShouldHaveRate((7 * 5_000) - 1, 4_999);
        schedule.ShouldHaveRate(long.MaxValue, count - 1);
        ScheduleContract.Holds(schedule);
    }

    [Fact]
    public void Join_with_a_user_schedule_reads_it_at_local_whole_steps()
    {
        var user = new UserSchedule();
        var schedule = (JoinedSchedule)Schedule.Join([Schedule.Constant(2.0), user], [3]);

        schedule.Schedules[1].Should().BeSameAs(user);
        schedule.ShouldHaveRate(3, 1.0);
        schedule.ShouldHaveRate(4, 0.5);
        schedule.GetLearningRate(4.75).Should().Be(0.5);
        ScheduleContract.Holds(schedule);
    }

    [Fact]
    public void Join_keeps_the_contract()
    {
        ScheduleContract.Holds(Schedule.Join([Ramp, Cosine], [10]), [9, 10, 11, 49, 50, 51]);
        ScheduleContract.Holds(Schedule.Join([Cosine, Ramp, Cosine], [1, long.MaxValue]), [long.MaxValue - 1]);
    }

    [Fact]
    public void Join_copies_its_boundaries()
    {
        long[] boundaries = [10];
        var schedule = (JoinedSchedule)Schedule.Join([Ramp, Cosine], boundaries);
        boundaries[0] = 20;
        schedule.Boundaries.Should().Equal(10L);
        schedule.ShouldHaveRate(10, 0.1);
        schedule.Boundaries.Should().NotBeAssignableTo<long[]>();
    }

    [Fact]
    public void Join_rejects_null_schedules() =>
        FluentActions.Invoking(() => Schedule.Join(null!, [10]))
            .Should().Throw<ArgumentNullException>().WithParameterName("schedules");

    [Fact]
    public void Join_rejects_a_null_schedule_in_the_list() =>
        FluentActions.Invoking(() => Schedule.Join([Ramp, null!], [10]))
            .Should().Throw<ArgumentNullException>().WithParameterName("schedules").WithMessage("*schedules[1]*");

    [Fact]
    public void Join_rejects_no_schedules() =>
        FluentActions.Invoking(() => Schedule.Join([], []))
            .Should().Throw<ArgumentException>().WithParameterName("schedules").WithMessage("*at least one*");

    [Fact]
    public void Join_rejects_null_boundaries() =>
        FluentActions.Invoking(() => Schedule.Join([Ramp, Cosine], null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("boundaries");

    [Theory]
    [InlineData(new long[] { }, 0)]
    [InlineData(new long[] { 10, 20 }, 2)]
    public void Join_rejects_a_wrong_number_of_boundaries_naming_both_counts(long[] boundaries, int count) =>
        FluentActions.Invoking(() => Schedule.Join([Ramp, Cosine], boundaries))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("boundaries")
            .WithMessage($"boundaries must be 1 elements long (one fewer than the 2 schedules) but was {count}.");

    [Fact]
    public void Join_rejects_boundaries_not_strictly_increasing() =>
        FluentActions.Invoking(() => Schedule.Join([Ramp, Cosine, Ramp], [10, 10]))
            .Should().Throw<ArgumentException>().WithParameterName("boundaries").WithMessage("*strictly increasing*");

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Join_rejects_a_boundary_that_is_not_positive(long boundary) =>
        FluentActions.Invoking(() => Schedule.Join([Ramp, Cosine], [boundary]))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("boundaries").WithMessage("*>= 1*");
}
