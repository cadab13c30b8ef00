using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class LinearScheduleTests
{
    private readonly LinearSchedule _decay = (LinearSchedule)Schedule.Linear(0.1, 0.0, totalSteps: 100);

    // optax.linear_schedule(init_value=0.0, end_value=0.1, transition_steps=20) without its delay.
    private readonly LinearSchedule _rise = (LinearSchedule)Schedule.Linear(0.0, 0.1, totalSteps: 20);

    /// <summary>optax's expression, in optax's order: (init − end) · (1 − t / T) + end.</summary>
    private static double Optax(double initial, double final, long totalSteps, long step) =>
        ((initial - final) * (1.0 - ((double)Math.Min(step, totalSteps) / totalSteps))) + final;

    [Fact]
    public void Linear_goes_down_in_a_straight_line()
    {
        _decay.ShouldHaveRate(0, 0.1);
        _decay.ShouldHaveRate(1, Optax(0.1, 0.0, 100, 1));
        _decay.ShouldHaveRate(50, 0.05);
        _decay.ShouldHaveRate(99, 0.001, ScheduleAssertions.Tight);
        _decay.GetLearningRate(0.5).Should().Be(0.1 * (1.0 - (0.5 / 100)));
    }

    [Fact]
    public void Linear_holds_the_final_rate_from_the_end_on()
    {
        _decay.ShouldHaveRate(100, 0.0);
        _decay.ShouldHaveRate(101, 0.0);
        _decay.ShouldHaveRate(long.MaxValue, 0.0);
    }

    [Fact]
    public void Linear_rises_when_the_final_rate_is_higher_bit_for_bit_as_optax()
    {
        _rise.ShouldHaveRate(0, 0.0);
        _rise.ShouldHaveRate(1, Optax(0.0, 0.1, 20, 1));
        _rise.ShouldHaveRate(19, Optax(0.0, 0.1, 20, 19));
        _rise.ShouldHaveRate(20, 0.1);
        _rise.ShouldHaveRate(21, 0.1);
        _rise.ShouldHaveRate(long.MaxValue, 0.1);
    }

    [Fact]
    public void Linear_ports_pytorch_linear_lr()
    {
        // LinearLR(start_factor=1/3, end_factor=1.0, total_iters=10) on a base rate of 0.1.
        var schedule = Schedule.Linear(0.1 / 3, 0.1, 10);
        for (long step = 0; step <= 12; step++)
        {
            double closedForm = 0.1 * ((1.0 / 3) + ((1.0 - (1.0 / 3)) * Math.Min(10, step) / 10));
            schedule.ShouldHaveRate(step, closedForm, ScheduleAssertions.Tight);
        }
    }

    [Fact]
    public void Linear_keeps_the_contract()
    {
        ScheduleContract.Holds(_decay, [49, 50, 51]);
        ScheduleContract.Holds(_rise, [19, 20, 21]);
    }

    [Fact]
    public void Linear_exposes_its_parameters()
    {
        _rise.InitialLearningRate.Should().Be(0.0);
        _rise.FinalLearningRate.Should().Be(0.1);
        _rise.TotalSteps.Should().Be(20);
    }

    [Theory]
    [InlineData(-0.1, 0.0, 100, "initialLearningRate")]
    [InlineData(double.NaN, 0.0, 100, "initialLearningRate")]
    [InlineData(0.1, -1e-9, 100, "finalLearningRate")]
    [InlineData(0.1, double.PositiveInfinity, 100, "finalLearningRate")]
    [InlineData(0.1, 0.0, 0, "totalSteps")]
    [InlineData(0.1, 0.0, -1, "totalSteps")]
    public void Linear_rejects_bad_input(double initial, double final, long totalSteps, string parameter) =>
        FluentActions.Invoking(() => Schedule.Linear(initial, final, totalSteps))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
}
