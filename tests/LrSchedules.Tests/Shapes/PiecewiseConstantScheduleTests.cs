using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class PiecewiseConstantScheduleTests
{
    private readonly PiecewiseConstantSchedule _schedule = (PiecewiseConstantSchedule)Schedule.PiecewiseConstant([1.0, 0.5, 0.1], [10, 30]);

    // optax.piecewise_constant_schedule(init_value=1.0, boundaries_and_scales={10: 0.5, 30: 0.1, 60: 0.5})
    private readonly PiecewiseConstantSchedule _optax = (PiecewiseConstantSchedule)Schedule.PiecewiseConstant(
        1.0,
        new Dictionary<long, double> { [10] = 0.5, [30] = 0.1, [60] = 0.5 });

    [Fact]
    public void PiecewiseConstant_switches_exactly_at_each_boundary()
    {
        _schedule.ShouldHaveRate(0, 1.0);
        _schedule.ShouldHaveRate(9, 1.0);
        _schedule.ShouldHaveRate(10, 0.5);
        _schedule.ShouldHaveRate(11, 0.5);
        _schedule.ShouldHaveRate(29, 0.5);
        _schedule.ShouldHaveRate(30, 0.1);
        _schedule.ShouldHaveRate(31, 0.1);
        _schedule.ShouldHaveRate(long.MaxValue, 0.1);
        _schedule.GetLearningRate(9.99).Should().Be(1.0);
    }

    [Fact]
    public void PiecewiseConstant_without_boundaries_is_constant() =>
        Schedule.PiecewiseConstant([0.3], []).ShouldHaveRate(long.MaxValue, 0.3);

    [Fact]
    public void PiecewiseConstant_with_a_boundary_at_zero_starts_with_the_second_rate() =>
        Schedule.PiecewiseConstant([1.0, 0.5], [0]).ShouldHaveRate(0, 0.5);

    [Fact]
    public void PiecewiseConstant_ports_keras_with_each_boundary_plus_one()
    {
        // Keras PiecewiseConstantDecay([10, 20], [1.0, 0.5, 0.1]): values[0] while step <= 10, values[1] for 10 < step <= 20.
        long[] kerasBoundaries = [10, 20];
        var schedule = Schedule.PiecewiseConstant([1.0, 0.5, 0.1], kerasBoundaries.Select(b => b + 1));
        schedule.ShouldHaveRate(10, 1.0);
        schedule.ShouldHaveRate(11, 0.5);
        schedule.ShouldHaveRate(20, 0.5);
        schedule.ShouldHaveRate(21, 0.1);
    }

    [Fact]
    public void PiecewiseConstant_optax_form_multiplies_in_each_scale_from_its_boundary_on()
    {
        _optax.ShouldHaveRate(0, 1.0);
        _optax.ShouldHaveRate(9, 1.0);
        _optax.ShouldHaveRate(10, 0.5);
        _optax.ShouldHaveRate(29, 0.5);
        _optax.ShouldHaveRate(30, 1.0 * 0.5 * 0.1);
        _optax.ShouldHaveRate(59, 1.0 * 0.5 * 0.1);
        _optax.ShouldHaveRate(60, 1.0 * 0.5 * 0.1 * 0.5);
        _optax.ShouldHaveRate(61, 1.0 * 0.5 * 0.1 * 0.5);
        _optax.ShouldHaveRate(long.MaxValue, 1.0 * 0.5 * 0.1 * 0.5);
        _optax.Boundaries.Should().Equal(10, 30, 60);
        _optax.LearningRates.Should().Equal(1.0, 0.5, 1.0 * 0.5 * 0.1, 1.0 * 0.5 * 0.1 * 0.5);
    }

    [Fact]
    public void PiecewiseConstant_optax_form_sorts_its_boundaries_as_optax_does()
    {
        var schedule = (PiecewiseConstantSchedule)Schedule.PiecewiseConstant(2.0, [new(30, 0.1), new(10, 0.5)]);
        schedule.Boundaries.Should().Equal(10, 30);
        schedule.ShouldHaveRate(10, 1.0);
        schedule.ShouldHaveRate(30, 2.0 * 0.5 * 0.1);
    }

    [Fact]
    public void PiecewiseConstant_optax_form_accepts_no_boundaries_and_zero_scales()
    {
        Schedule.PiecewiseConstant(0.4, []).ShouldHaveRate(long.MaxValue, 0.4);
        var zeroed = Schedule.PiecewiseConstant(0.4, new Dictionary<long, double> { [0] = 0.0 });
        zeroed.ShouldHaveRate(0, 0.0);
    }

    [Fact]
    public void PiecewiseConstant_keeps_the_contract()
    {
        ScheduleContract.Holds(_schedule, [9, 10, 11, 29, 30, 31]);
        ScheduleContract.Holds(_optax, [59, 60, 61]);
    }

    [Fact]
    public void PiecewiseConstant_copies_its_inputs_and_exposes_them_read_only()
    {
        long[] boundaries = [10, 20];
        double[] rates = [3.0, 2.0, 1.0];
        var schedule = (PiecewiseConstantSchedule)Schedule.PiecewiseConstant(rates, boundaries);
        boundaries[0] = 15;
        rates[1] = 7.0;
        schedule.Boundaries.Should().Equal(10, 20);
        schedule.LearningRates.Should().Equal(3.0, 2.0, 1.0);
        schedule.ShouldHaveRate(10, 2.0);
        schedule.Boundaries.Should().NotBeAssignableTo<long[]>();
        schedule.LearningRates.Should().NotBeAssignableTo<double[]>();
    }

    [Fact]
    public void PiecewiseConstant_rejects_a_rate_count_that_does_not_match_and_names_both_counts() =>
        FluentActions.Invoking(() => Schedule.PiecewiseConstant([1.0, 0.5], [10, 30]))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("learningRates")
            .WithMessage("learningRates must be 3 elements long (one more than the 2 boundaries) but was 2.");

    [Fact]
    public void PiecewiseConstant_rejects_boundaries_not_strictly_increasing() =>
        FluentActions.Invoking(() => Schedule.PiecewiseConstant([1.0, 0.5, 0.1], [10, 10]))
            .Should().Throw<ArgumentException>().WithParameterName("boundaries").WithMessage("*strictly increasing*");

    [Fact]
    public void PiecewiseConstant_rejects_a_negative_boundary() =>
        FluentActions.Invoking(() => Schedule.PiecewiseConstant([1.0, 0.5, 0.1], [-1, 10]))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("boundaries");

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void PiecewiseConstant_rejects_a_bad_rate(double rate) =>
        FluentActions.Invoking(() => Schedule.PiecewiseConstant([1.0, rate], [10]))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRates").WithMessage("*learningRates[1]*");

    [Fact]
    public void PiecewiseConstant_rejects_null()
    {
        FluentActions.Invoking(() => Schedule.PiecewiseConstant([1.0], null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("boundaries");
        FluentActions.Invoking(() => Schedule.PiecewiseConstant((IEnumerable<double>)null!, []))
            .Should().Throw<ArgumentNullException>().WithParameterName("learningRates");
        FluentActions.Invoking(() => Schedule.PiecewiseConstant(1.0, null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("boundariesAndScales");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void PiecewiseConstant_optax_form_rejects_a_bad_initial_rate(double initial) =>
        FluentActions.Invoking(() => Schedule.PiecewiseConstant(initial, new Dictionary<long, double> { [10] = 0.5 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("initialLearningRate");

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void PiecewiseConstant_optax_form_rejects_a_bad_scale(double scale) =>
        FluentActions.Invoking(() => Schedule.PiecewiseConstant(1.0, new Dictionary<long, double> { [10] = 0.5, [20] = scale }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("boundariesAndScales")
            .WithMessage("boundariesAndScales must be a finite scale >= 0 (the scale at boundary 20) but was *");

    [Fact]
    public void PiecewiseConstant_optax_form_rejects_a_negative_boundary() =>
        FluentActions.Invoking(() => Schedule.PiecewiseConstant(1.0, new Dictionary<long, double> { [-5] = 0.5 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("boundariesAndScales").WithMessage("*must be a boundary >= 0*but was -5.");

    [Fact]
    public void PiecewiseConstant_optax_form_rejects_a_repeated_boundary() =>
        FluentActions.Invoking(() => Schedule.PiecewiseConstant(1.0, [new(10, 0.5), new(20, 0.5), new(10, 0.1)]))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("boundariesAndScales").WithMessage("*must be a boundary that appears once*but was 10.");

    [Fact]
    public void PiecewiseConstant_optax_form_rejects_scales_whose_product_overflows() =>
        FluentActions.Invoking(() => Schedule.PiecewiseConstant(1.0, new Dictionary<long, double> { [1] = 1e200, [2] = 1e200 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("boundariesAndScales").WithMessage("*overflows*");
}
