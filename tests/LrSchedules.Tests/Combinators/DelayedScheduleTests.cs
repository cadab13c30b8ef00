using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Combinators;

public class DelayedScheduleTests
{
    private static readonly StepDecaySchedule Decay = (StepDecaySchedule)Schedule.Step(0.1, stepSize: 10, decayFactor: 0.5);

    [Fact]
    public void Delay_holds_the_initial_value_then_runs_the_schedule_from_its_step_zero()
    {
        var schedule = (DelayedSchedule)Decay.Delay(5);

        schedule.ShouldHaveRate(0, 0.1);
        schedule.ShouldHaveRate(4, 0.1);
        schedule.ShouldHaveRate(5, 0.1);
        schedule.ShouldHaveRate(14, 0.1);
        schedule.ShouldHaveRate(15, 0.05);
        schedule.ShouldHaveRate(16, 0.05);
        schedule.ShouldHaveRate(long.MaxValue, 0.0);
        schedule.Steps.Should().Be(5);
        schedule.Inner.Should().BeSameAs(Decay);
    }

    [Fact]
    public void Delay_is_optax_transition_begin()
    {
        // optax linear_schedule(init_value=0.0, end_value=0.1, transition_steps=20, transition_begin=5).
        var linear = Schedule.FromFunction((double t) => 0.1 * (Math.Min(t, 20.0) / 20.0));
        var schedule = linear.Delay(5);

        schedule.ShouldHaveRate(0, 0.0);
        schedule.ShouldHaveRate(5, 0.0);
        schedule.ShouldHaveRate(6, 0.1 * (1 / 20.0));
        schedule.ShouldHaveRate(25, 0.1);
        schedule.GetLearningRate(6.5).Should().Be(0.1 * (1.5 / 20.0));
    }

    [Fact]
    public void Zero_delay_is_exactly_the_wrapped_schedule()
    {
        var schedule = Decay.Delay(0);
        foreach (long step in ScheduleContract.ProbeSteps)
        {
            schedule.GetLearningRate(step).Should().Be(Decay.GetLearningRate(step));
        }
    }

    [Fact]
    public void Delay_nested_to_depth_three_adds_up()
    {
        var schedule = Decay.Delay(1).Delay(2).Delay(3);
        schedule.ShouldHaveRate(15, 0.1);
        schedule.ShouldHaveRate(16, 0.05);
        ScheduleContract.Holds(schedule, [15, 16]);
    }

    [Fact]
    public void Delay_keeps_the_contract()
    {
        ScheduleContract.Holds(Decay.Delay(5), [4, 5, 6, 14, 15, 16]);
        ScheduleContract.Holds(Decay.Delay(long.MaxValue));
        ScheduleContract.Holds(new UserSchedule().Delay(3));
    }

    [Fact]
    public void Delay_rejects_a_null_schedule() =>
        FluentActions.Invoking(() => ((ILearningRateSchedule)null!).Delay(5))
            .Should().Throw<ArgumentNullException>().WithParameterName("schedule");

    [Fact]
    public void Delay_rejects_a_negative_delay() =>
        FluentActions.Invoking(() => Decay.Delay(-1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("steps").WithMessage("*>= 0*-1*");

    /// <summary>A chain of delays exactly <see cref="Composition.MaxDepth"/> deep (delays never fold); built, never queried.</summary>
    internal static LearningRateSchedule DelaysAtTheDepthLimit()
    {
        LearningRateSchedule deepest = Schedule.Constant(0.1);
        for (int i = 1; i < Composition.MaxDepth; i++)
        {
            deepest = deepest.Delay(1);
        }

        deepest.Depth.Should().Be(Composition.MaxDepth);
        return deepest;
    }

    [Fact]
    public void Delay_of_a_schedule_at_the_depth_limit_is_rejected_naming_the_schedule()
    {
        LearningRateSchedule deepest = DelaysAtTheDepthLimit();
        var rejection = FluentActions.Invoking(() => deepest.Delay(1)).Should().Throw<ScheduleArgumentException>().Which;
        rejection.ParamName.Should().Be("schedule");
        rejection.ActualValue.Should().Be(Composition.MaxDepth + 1);
        rejection.Message.Should().StartWith("schedule must be a composition at most 1000 schedules deep");
    }
}
