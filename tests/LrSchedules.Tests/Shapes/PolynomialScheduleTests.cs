using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class PolynomialScheduleTests
{
    // optax.polynomial_schedule(init_value=0.1, end_value=0.001, power=2, transition_steps=50)
    private readonly PolynomialSchedule _schedule = (PolynomialSchedule)Schedule.Polynomial(0.1, 0.001, totalSteps: 50, power: 2.0);

    /// <summary>optax's and Hugging Face's expression, in their order: (init − end) · (1 − t / T)^power + end.</summary>
    private static double Reference(double initial, double final, long totalSteps, double power, double step) =>
        ((initial - final) * Math.Pow(1.0 - (Math.Min(step, totalSteps) / totalSteps), power)) + final;

    [Fact]
    public void Polynomial_follows_the_optax_expression_bit_for_bit()
    {
        _schedule.ShouldHaveRate(0, Reference(0.1, 0.001, 50, 2.0, 0));
        _schedule.ShouldHaveRate(0, 0.1, ScheduleAssertions.Tight);
        _schedule.ShouldHaveRate(1, Reference(0.1, 0.001, 50, 2.0, 1));
        _schedule.ShouldHaveRate(25, (0.099 * 0.25) + 0.001, ScheduleAssertions.Tight);
        _schedule.ShouldHaveRate(49, Reference(0.1, 0.001, 50, 2.0, 49));
        _schedule.GetLearningRate(0.5).Should().Be(Reference(0.1, 0.001, 50, 2.0, 0.5));
    }

    [Fact]
    public void Polynomial_holds_the_final_rate_from_the_end_on()
    {
        _schedule.ShouldHaveRate(50, 0.001);
        _schedule.ShouldHaveRate(51, 0.001);
        _schedule.ShouldHaveRate(long.MaxValue, 0.001);
    }

    [Fact]
    public void Polynomial_without_a_final_rate_is_pytorch_polynomial_lr()
    {
        // PolynomialLR(total_iters=50, power=0.9) on a base rate of 0.05: base · (1 − min(50, t) / 50)^0.9.
        var schedule = (PolynomialSchedule)Schedule.Polynomial(0.05, totalSteps: 50, power: 0.9);
        schedule.FinalLearningRate.Should().Be(0.0);
        schedule.ShouldHaveRate(0, 0.05);
        schedule.ShouldHaveRate(1, 0.05 * Math.Pow(1.0 - (1.0 / 50), 0.9), ScheduleAssertions.Tight);
        schedule.ShouldHaveRate(49, 0.05 * Math.Pow(1.0 / 50, 0.9), ScheduleAssertions.Tight);
        schedule.ShouldHaveRate(50, 0.0);
        schedule.ShouldHaveRate(51, 0.0);
        schedule.ShouldHaveRate(long.MaxValue, 0.0);
    }

    [Fact]
    public void Polynomial_of_power_one_is_the_linear_schedule()
    {
        var polynomial = Schedule.Polynomial(0.3, 0.1, 7, 1.0);
        var linear = Schedule.Linear(0.3, 0.1, 7);
        for (long step = 0; step <= 9; step++)
        {
            polynomial.GetLearningRate(step).Should().Be(linear.GetLearningRate(step));
        }
    }

    [Fact]
    public void Polynomial_keeps_the_contract()
    {
        ScheduleContract.Holds(_schedule, [49, 50, 51]);
        ScheduleContract.Holds(Schedule.Polynomial(0.0, 0.2, 10, 0.5));
    }

    [Fact]
    public void Polynomial_exposes_its_parameters()
    {
        _schedule.InitialLearningRate.Should().Be(0.1);
        _schedule.FinalLearningRate.Should().Be(0.001);
        _schedule.TotalSteps.Should().Be(50);
        _schedule.Power.Should().Be(2.0);
    }

    [Theory]
    [InlineData(-0.1, 0.0, 50, 1.0, "initialLearningRate")]
    [InlineData(double.PositiveInfinity, 0.0, 50, 1.0, "initialLearningRate")]
    [InlineData(0.1, -0.001, 50, 1.0, "finalLearningRate")]
    [InlineData(0.1, double.NaN, 50, 1.0, "finalLearningRate")]
    [InlineData(0.1, 0.0, 0, 1.0, "totalSteps")]
    [InlineData(0.1, 0.0, -50, 1.0, "totalSteps")]
    [InlineData(0.1, 0.0, 50, 0.0, "power")]
    [InlineData(0.1, 0.0, 50, -1.0, "power")]
    [InlineData(0.1, 0.0, 50, double.NaN, "power")]
    [InlineData(0.1, 0.0, 50, double.PositiveInfinity, "power")]
    public void Polynomial_rejects_bad_input(double initial, double final, long totalSteps, double power, string parameter) =>
        FluentActions.Invoking(() => Schedule.Polynomial(initial, final, totalSteps, power))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);

    [Theory]
    [InlineData(-0.1, 50, 1.0, "initialLearningRate")]
    [InlineData(0.1, 0, 1.0, "totalSteps")]
    [InlineData(0.1, 50, double.NaN, "power")]
    public void Polynomial_to_zero_rejects_bad_input(double initial, long totalSteps, double power, string parameter) =>
        FluentActions.Invoking(() => Schedule.Polynomial(initial, totalSteps, power))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
}
