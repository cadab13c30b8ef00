using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class ExponentialScheduleTests
{
    // optax.exponential_decay(init_value=0.1, transition_steps=10, decay_rate=0.5, transition_begin=5)
    private readonly ExponentialSchedule _delayed = (ExponentialSchedule)Schedule.Exponential(0.1, 0.5, transitionSteps: 10, transitionBegin: 5);

    // optax.exponential_decay(0.1, 10, 0.5, staircase=True, end_value=0.01)
    private readonly ExponentialSchedule _stairs = (ExponentialSchedule)Schedule.Exponential(0.1, 0.5, transitionSteps: 10, staircase: true, finalLearningRate: 0.01);

    [Fact]
    public void Exponential_holds_the_initial_rate_until_the_transition_begins()
    {
        _delayed.ShouldHaveRate(0, 0.1);
        _delayed.ShouldHaveRate(4, 0.1);
        _delayed.ShouldHaveRate(5, 0.1);
    }

    [Fact]
    public void Exponential_decays_continuously_after_the_transition_begins()
    {
        _delayed.ShouldHaveRate(6, 0.1 * Math.Pow(0.5, 0.1));
        _delayed.ShouldHaveRate(14, 0.1 * Math.Pow(0.5, 0.9));
        _delayed.ShouldHaveRate(15, 0.1 * 0.5);
        _delayed.ShouldHaveRate(16, 0.1 * Math.Pow(0.5, 1.1));
        _delayed.GetLearningRate(5.5).Should().Be(0.1 * Math.Pow(0.5, 0.05));
    }

    [Fact]
    public void Exponential_underflows_to_zero_without_a_final_rate()
    {
        _delayed.ShouldHaveRate(1_000_000_000_000, 0.0);
        _delayed.ShouldHaveRate(long.MaxValue, 0.0);
    }

    [Fact]
    public void Exponential_staircase_changes_only_at_multiples_of_the_transition_steps()
    {
        _stairs.ShouldHaveRate(0, 0.1);
        _stairs.ShouldHaveRate(9, 0.1);
        _stairs.ShouldHaveRate(10, 0.05);
        _stairs.ShouldHaveRate(11, 0.05);
        _stairs.ShouldHaveRate(19, 0.05);
        _stairs.ShouldHaveRate(20, 0.025);
        _stairs.ShouldHaveRate(30, 0.0125);
        _stairs.GetLearningRate(19.99).Should().Be(0.05);
    }

    [Fact]
    public void Exponential_final_rate_is_a_floor_when_decaying()
    {
        _stairs.ShouldHaveRate(39, 0.0125);
        _stairs.ShouldHaveRate(40, 0.01);
        _stairs.ShouldHaveRate(41, 0.01);
        _stairs.ShouldHaveRate(long.MaxValue, 0.01);
    }

    [Fact]
    public void Exponential_with_the_defaults_is_pytorch_exponential_lr()
    {
        var schedule = Schedule.Exponential(0.1, 0.95);
        schedule.ShouldHaveRate(0, 0.1);
        schedule.ShouldHaveRate(1, 0.1 * 0.95);
        schedule.ShouldHaveRate(3, 0.1 * Math.Pow(0.95, 3));
        schedule.ShouldHaveRate(99, 0.1 * Math.Pow(0.95, 99));
        schedule.ShouldHaveRate(long.MaxValue, 0.0);
    }

    [Fact]
    public void Exponential_growth_is_capped_by_the_final_rate_and_never_overflows()
    {
        var schedule = Schedule.Exponential(0.01, 2.0, finalLearningRate: 1.0);
        schedule.ShouldHaveRate(0, 0.01);
        schedule.ShouldHaveRate(1, 0.02);
        schedule.ShouldHaveRate(6, 0.64);
        schedule.ShouldHaveRate(7, 1.0);
        schedule.ShouldHaveRate(2_000, 1.0);
        schedule.ShouldHaveRate(long.MaxValue, 1.0);
    }

    [Fact]
    public void Exponential_growth_from_zero_stays_zero_where_the_power_overflows()
    {
        var schedule = Schedule.Exponential(0.0, 2.0, finalLearningRate: 1.0);
        schedule.ShouldHaveRate(2_000, 0.0);
        schedule.ShouldHaveRate(long.MaxValue, 0.0);
    }

    [Fact]
    public void Exponential_clamps_at_every_step_as_optax_does()
    {
        // optax applies jnp.maximum(value, end_value) for decay_rate < 1 everywhere, before transition_begin too.
        Schedule.Exponential(0.1, 0.5, transitionBegin: 10, finalLearningRate: 0.2).ShouldHaveRate(0, 0.2);

        // decay_rate == 1 selects jnp.minimum: the final rate is a ceiling.
        var flat = Schedule.Exponential(0.1, 1.0, finalLearningRate: 0.05);
        flat.ShouldHaveRate(0, 0.05);
        flat.ShouldHaveRate(long.MaxValue, 0.05);
    }

    [Fact]
    public void Exponential_with_a_factor_of_one_is_a_constant_that_passes_as_a_momentum()
    {
        // 0.9 · 1^p is 0.9 at every step: its greatest value is 0.9 (< 1), so the momentum range check accepts it.
        var momentum = Schedule.Exponential(0.9, 1.0, transitionSteps: 10, transitionBegin: 5).AsMomentum();
        momentum.GetValue(0).Should().Be(0.9);
        momentum.GetValue(1_000).Should().Be(0.9);
        momentum.GetValue(long.MaxValue).Should().Be(0.9);
    }

    [Fact]
    public void Exponential_keeps_the_contract()
    {
        ScheduleContract.Holds(_delayed, [4, 5, 6, 14, 15, 16]);
        ScheduleContract.Holds(_stairs, [39, 40, 41]);
        ScheduleContract.Holds(Schedule.Exponential(0.01, 2.0, 3, 7, finalLearningRate: 1.0));
        ScheduleContract.Holds(Schedule.Exponential(0.0, 1e300, finalLearningRate: 0.5));
    }

    [Fact]
    public void Exponential_exposes_its_parameters()
    {
        _stairs.InitialLearningRate.Should().Be(0.1);
        _stairs.DecayFactor.Should().Be(0.5);
        _stairs.TransitionSteps.Should().Be(10);
        _stairs.TransitionBegin.Should().Be(0);
        _stairs.Staircase.Should().BeTrue();
        _stairs.FinalLearningRate.Should().Be(0.01);
        _delayed.FinalLearningRate.Should().BeNull();
    }

    [Theory]
    [InlineData(-0.1, 0.5, 1, 0, null, "initialLearningRate")]
    [InlineData(double.NaN, 0.5, 1, 0, null, "initialLearningRate")]
    [InlineData(double.PositiveInfinity, 0.5, 1, 0, null, "initialLearningRate")]
    [InlineData(0.1, 0.0, 1, 0, null, "decayFactor")]
    [InlineData(0.1, -0.5, 1, 0, null, "decayFactor")]
    [InlineData(0.1, double.NaN, 1, 0, null, "decayFactor")]
    [InlineData(0.1, double.PositiveInfinity, 1, 0, 1.0, "decayFactor")]
    [InlineData(0.1, 0.5, 0, 0, null, "transitionSteps")]
    [InlineData(0.1, 0.5, -10, 0, null, "transitionSteps")]
    [InlineData(0.1, 0.5, 1, -1, null, "transitionBegin")]
    [InlineData(0.1, 0.5, 1, 0, -0.01, "finalLearningRate")]
    [InlineData(0.1, 0.5, 1, 0, double.NaN, "finalLearningRate")]
    [InlineData(0.1, 2.0, 1, 0, double.PositiveInfinity, "finalLearningRate")]
    public void Exponential_rejects_bad_input(double initial, double decayRate, long transitionSteps, long transitionBegin, double? final, string parameter) =>
        FluentActions.Invoking(() => Schedule.Exponential(initial, decayRate, transitionSteps, transitionBegin, false, final))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);

    [Fact]
    public void Exponential_rejects_an_uncapped_growth_and_says_why() =>
        FluentActions.Invoking(() => Schedule.Exponential(0.1, 1.5))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("decayFactor")
            .WithMessage("*decayFactor must be <= 1 when no finalLearningRate caps the growth*overflows to infinity*but was 1.5*");

    [Fact]
    public void Exponential_with_a_factor_of_exactly_one_and_no_cap_is_accepted_as_a_constant()
    {
        // 1 is not a growth: 0.1 · 1^t = 0.1 at every step, so no finalLearningRate is needed to cap it.
        var schedule = Schedule.Exponential(0.1, 1.0);

        schedule.ShouldHaveRate(0, 0.1);
        schedule.ShouldHaveRate(1, 0.1);
        schedule.ShouldHaveRate(1_000_000, 0.1);
        schedule.ShouldHaveRate(long.MaxValue, 0.1);
    }
}
