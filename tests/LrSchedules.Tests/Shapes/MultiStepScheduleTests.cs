using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class MultiStepScheduleTests
{
    private readonly MultiStepSchedule _schedule = (MultiStepSchedule)Schedule.MultiStep(0.1, [30, 80], 0.1);

    [Fact]
    public void MultiStep_decays_at_each_milestone_and_not_before()
    {
        _schedule.ShouldHaveRate(0, 0.1);
        _schedule.ShouldHaveRate(29, 0.1);
        _schedule.ShouldHaveRate(30, 0.1 * 0.1);
        _schedule.ShouldHaveRate(31, 0.1 * 0.1);
        _schedule.ShouldHaveRate(79, 0.1 * 0.1);
        _schedule.ShouldHaveRate(80, 0.1 * 0.1 * 0.1);
        _schedule.ShouldHaveRate(long.MaxValue, 0.1 * 0.1 * 0.1);
    }

    [Fact]
    public void MultiStep_with_a_milestone_at_zero_decays_from_the_start() =>
        Schedule.MultiStep(1.0, [0], 0.5).ShouldHaveRate(0, 0.5);

    [Fact]
    public void MultiStep_without_milestones_is_constant() =>
        Schedule.MultiStep(0.2, [], 0.5).ShouldHaveRate(long.MaxValue, 0.2);

    [Fact]
    public void MultiStep_keeps_the_contract() => ScheduleContract.Holds(_schedule, [79, 80, 81]);

    [Fact]
    public void MultiStep_copies_its_milestones()
    {
        long[] milestones = [10, 20];
        var schedule = (MultiStepSchedule)Schedule.MultiStep(1.0, milestones, 0.5);
        milestones[0] = 15;
        schedule.Milestones.Should().Equal(10, 20);
        schedule.ShouldHaveRate(10, 0.5);
    }

    [Fact]
    public void MultiStep_milestones_cannot_be_changed_through_the_property()
    {
        var schedule = (MultiStepSchedule)Schedule.MultiStep(1.0, [10, 20], 0.5);
        (schedule.Milestones as long[]).Should().BeNull("the property must not hand out the schedule's own array");
        schedule.Milestones.Should().BeAssignableTo<System.Collections.ObjectModel.ReadOnlyCollection<long>>();
    }

    [Fact]
    public void MultiStep_rejects_milestones_not_strictly_increasing() =>
        FluentActions.Invoking(() => Schedule.MultiStep(0.1, [30, 30], 0.1))
            .Should().Throw<ArgumentException>().WithParameterName("milestones").WithMessage("*strictly increasing*");

    [Fact]
    public void MultiStep_rejects_a_negative_milestone() =>
        FluentActions.Invoking(() => Schedule.MultiStep(0.1, [-1, 30], 0.1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("milestones");

    [Fact]
    public void MultiStep_rejects_null_milestones() =>
        FluentActions.Invoking(() => Schedule.MultiStep(0.1, null!, 0.1))
            .Should().Throw<ArgumentNullException>().WithParameterName("milestones");

    [Theory]
    [InlineData(-0.1, 0.1, "initialLearningRate")]
    [InlineData(0.1, 0.0, "decayFactor")]
    [InlineData(0.1, double.PositiveInfinity, "decayFactor")]
    public void MultiStep_rejects_bad_rates(double initial, double decayRate, string parameter) =>
        FluentActions.Invoking(() => Schedule.MultiStep(initial, [10], decayRate))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);

    [Fact]
    public void MultiStep_rejects_a_growth_that_overflows() =>
        FluentActions.Invoking(() => Schedule.MultiStep(1.0, [1, 2, 3], 1e200))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("decayFactor");

    [Fact]
    public void MultiStep_overflow_names_the_milestone_where_the_rate_stops_being_finite() =>
        // 1e200 is finite after the first milestone; 1e200 · 1e200 overflows at the second.
        FluentActions.Invoking(() => Schedule.MultiStep(1.0, [1, 2, 3], 1e200))
            .Should().Throw<ScheduleArgumentException>()
            .Which.Requirement.Should().Be("small enough that initialLearningRate * decayFactor^2 is finite");
}
