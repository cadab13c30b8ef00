using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class PiecewiseInterpolatedScheduleTests
{
    private readonly PiecewiseInterpolatedSchedule _linear = (PiecewiseInterpolatedSchedule)Schedule.PiecewiseInterpolated([0.1, 0.2, 0.1], [0, 10, 30]);

    // optax.piecewise_interpolate_schedule('linear', 0.1, {10: 2.0, 30: 0.5, 60: 0.1})
    private readonly PiecewiseInterpolatedSchedule _optax = (PiecewiseInterpolatedSchedule)Schedule.PiecewiseInterpolated(
        0.1,
        new Dictionary<long, double> { [10] = 2.0, [30] = 0.5, [60] = 0.1 },
        Curve.Linear);

    /// <summary>optax's _linear_interpolate: (end − start) · pct + start.</summary>
    private static double Linear(double start, double end, double pct) => ((end - start) * pct) + start;

    /// <summary>optax's _cosine_interpolate: end + (start − end) / 2 · (cos(π · pct) + 1).</summary>
    private static double Cosine(double start, double end, double pct) => end + ((start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1));

    [Fact]
    public void PiecewiseInterpolated_passes_through_each_knot()
    {
        _linear.ShouldHaveRate(0, 0.1);
        _linear.ShouldHaveRate(10, 0.2);
        _linear.ShouldHaveRate(30, 0.1);
    }

    [Fact]
    public void PiecewiseInterpolated_interpolates_linearly_between_knots()
    {
        _linear.ShouldHaveRate(1, Linear(0.1, 0.2, 0.1));
        _linear.ShouldHaveRate(5, 0.15, ScheduleAssertions.Tight);
        _linear.ShouldHaveRate(9, Linear(0.1, 0.2, 0.9));
        _linear.ShouldHaveRate(11, Linear(0.2, 0.1, 1.0 / 20));
        _linear.ShouldHaveRate(29, Linear(0.2, 0.1, 19.0 / 20));
        _linear.GetLearningRate(2.5).Should().Be(Linear(0.1, 0.2, 0.25));
    }

    [Fact]
    public void PiecewiseInterpolated_holds_the_last_rate_after_the_last_knot()
    {
        _linear.ShouldHaveRate(31, 0.1);
        _linear.ShouldHaveRate(long.MaxValue, 0.1);
    }

    [Fact]
    public void PiecewiseInterpolated_holds_the_first_rate_before_the_first_knot()
    {
        var schedule = Schedule.PiecewiseInterpolated([0.5, 1.0], [10, 20]);
        schedule.ShouldHaveRate(0, 0.5);
        schedule.ShouldHaveRate(9, 0.5);
        schedule.ShouldHaveRate(10, 0.5);
        schedule.ShouldHaveRate(15, 0.75);
        schedule.ShouldHaveRate(20, 1.0);
    }

    [Fact]
    public void PiecewiseInterpolated_accepts_negative_and_fractional_positions()
    {
        var schedule = Schedule.PiecewiseInterpolated([1.0, 0.0], [-5.0, 2.5]);
        schedule.ShouldHaveRate(0, Linear(1.0, 0.0, 5.0 / 7.5));
        schedule.ShouldHaveRate(2, Linear(1.0, 0.0, 7.0 / 7.5));
        schedule.ShouldHaveRate(3, 0.0);
        schedule.GetLearningRate(2.5).Should().Be(0.0);
    }

    [Fact]
    public void PiecewiseInterpolated_with_one_knot_is_constant() =>
        Schedule.PiecewiseInterpolated([0.3], [7.0], Curve.Cosine).ShouldHaveRate(long.MaxValue, 0.3);

    [Fact]
    public void PiecewiseInterpolated_cosine_follows_half_a_cosine_between_knots()
    {
        var schedule = (PiecewiseInterpolatedSchedule)Schedule.PiecewiseInterpolated([1.0, 0.0], [0, 10], Curve.Cosine);
        schedule.ShouldHaveRate(0, 1.0);
        schedule.ShouldHaveRate(1, Cosine(1.0, 0.0, 0.1));
        schedule.ShouldHaveRate(5, 0.5, ScheduleAssertions.Tight);
        schedule.ShouldHaveRate(9, Cosine(1.0, 0.0, 0.9));
        schedule.ShouldHaveRate(10, 0.0);
        schedule.ShouldHaveRate(11, 0.0);
        schedule.Curve.Should().Be(Curve.Cosine);
    }

    [Fact]
    public void PiecewiseInterpolated_optax_form_starts_its_first_interval_at_zero()
    {
        // bounds = (0,) + boundaries: the first interval is [0, 10), reaching init · 2 at 10.
        _optax.Positions.Should().Equal(0.0, 10.0, 30.0, 60.0);
        _optax.LearningRates.Should().Equal(0.1, 0.1 * 2.0, 0.1 * 2.0 * 0.5, 0.1 * 2.0 * 0.5 * 0.1);
        _optax.ShouldHaveRate(0, 0.1);
        _optax.ShouldHaveRate(1, Linear(0.1, 0.2, 0.1));
        _optax.ShouldHaveRate(9, Linear(0.1, 0.2, 0.9));
        _optax.ShouldHaveRate(10, 0.2);
        _optax.ShouldHaveRate(11, Linear(0.2, 0.1, 1.0 / 20));
        _optax.ShouldHaveRate(59, Linear(0.1, 0.1 * 2.0 * 0.5 * 0.1, 29.0 / 30));
        _optax.ShouldHaveRate(60, 0.1 * 2.0 * 0.5 * 0.1);
        _optax.ShouldHaveRate(61, 0.1 * 2.0 * 0.5 * 0.1);
        _optax.ShouldHaveRate(long.MaxValue, 0.1 * 2.0 * 0.5 * 0.1);
    }

    [Fact]
    public void PiecewiseInterpolated_optax_form_with_a_boundary_at_zero_starts_from_its_value()
    {
        var schedule = (PiecewiseInterpolatedSchedule)Schedule.PiecewiseInterpolated(1.0, new Dictionary<long, double> { [0] = 2.0, [10] = 0.5 }, Curve.Linear);
        schedule.Positions.Should().Equal(0.0, 10.0);
        schedule.LearningRates.Should().Equal(2.0, 1.0);
        schedule.ShouldHaveRate(0, 2.0);
        schedule.ShouldHaveRate(5, 1.5);
        schedule.ShouldHaveRate(10, 1.0);
    }

    [Fact]
    public void PiecewiseInterpolated_optax_form_without_boundaries_is_constant()
    {
        var schedule = Schedule.PiecewiseInterpolated(0.25, [], Curve.Cosine);
        schedule.ShouldHaveRate(0, 0.25);
        schedule.ShouldHaveRate(long.MaxValue, 0.25);
    }

    [Fact]
    public void PiecewiseInterpolated_ports_optax_cosine_onecycle()
    {
        // optax.cosine_onecycle_schedule(transition_steps=100, peak_value=0.1, pct_start=0.3, div_factor=25, final_div_factor=1e4)
        const long transitionSteps = 100;
        const double peak = 0.1, pctStart = 0.3, div = 25.0, finalDiv = 1e4;
        var schedule = Schedule.PiecewiseInterpolated(
            peak / div,
            new Dictionary<long, double> { [(long)(pctStart * transitionSteps)] = div, [transitionSteps] = 1.0 / (div * finalDiv) },
            Curve.Cosine);

        double start = peak / div, top = start * div, end = top * (1.0 / (div * finalDiv));

        // optax evaluates the cosine at pct = 0, which gives end + (start − end), not start, in the last bit.
        schedule.ShouldHaveRate(0, Cosine(start, top, 0.0));
        schedule.ShouldHaveRate(0, 0.004, ScheduleAssertions.Tight);
        schedule.ShouldHaveRate(15, Cosine(start, top, 0.5));
        schedule.ShouldHaveRate(30, Cosine(top, end, 0.0));
        schedule.ShouldHaveRate(65, Cosine(top, end, 0.5));
        schedule.ShouldHaveRate(100, end);
        schedule.ShouldHaveRate(101, end);
    }

    [Fact]
    public void PiecewiseInterpolated_ports_optax_linear_onecycle()
    {
        // optax.linear_onecycle_schedule(100, 0.1, pct_start=0.3, pct_final=0.85, div_factor=25, final_div_factor=1e4)
        const long transitionSteps = 100;
        const double peak = 0.1, pctStart = 0.3, pctFinal = 0.85, div = 25.0, finalDiv = 1e4;
        var schedule = (PiecewiseInterpolatedSchedule)Schedule.PiecewiseInterpolated(
            peak / div,
            new Dictionary<long, double>
            {
                [(long)(pctStart * transitionSteps)] = div,
                [(long)(pctFinal * transitionSteps)] = 1.0 / div,
                [transitionSteps] = 1.0 / finalDiv,
            },
            Curve.Linear);

        schedule.Positions.Should().Equal(0.0, 30.0, 85.0, 100.0);
        schedule.ShouldHaveRate(0, 0.004);
        schedule.ShouldHaveRate(30, 0.1);
        schedule.ShouldHaveRate(85, 0.1 * (1.0 / div));
        schedule.ShouldHaveRate(100, 0.1 * (1.0 / div) * (1.0 / finalDiv));
        schedule.ShouldHaveRate(104, 0.1 * (1.0 / div) * (1.0 / finalDiv));
    }

    [Fact]
    public void PiecewiseInterpolated_keeps_the_contract()
    {
        ScheduleContract.Holds(_linear, [9, 10, 11, 29, 30, 31]);
        ScheduleContract.Holds(_optax, [59, 60, 61]);
        ScheduleContract.Holds(Schedule.PiecewiseInterpolated([0.0, 1.0, 0.0], [-3.5, 0.25, 2e18], Curve.Cosine));
    }

    [Fact]
    public void PiecewiseInterpolated_copies_its_inputs_and_exposes_them_read_only()
    {
        double[] positions = [0, 10];
        double[] rates = [1.0, 0.0];
        var schedule = (PiecewiseInterpolatedSchedule)Schedule.PiecewiseInterpolated(rates, positions);
        positions[1] = 20;
        rates[0] = 5.0;
        schedule.Positions.Should().Equal(0.0, 10.0);
        schedule.LearningRates.Should().Equal(1.0, 0.0);
        schedule.Positions.Should().NotBeAssignableTo<double[]>();
        schedule.LearningRates.Should().NotBeAssignableTo<double[]>();
        schedule.Curve.Should().Be(Curve.Linear);
    }

    [Fact]
    public void PiecewiseInterpolated_rejects_a_rate_count_that_does_not_match_and_names_both_counts() =>
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated([1.0, 0.5], [0, 10, 20]))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("learningRates")
            .WithMessage("learningRates must be 3 elements long (one per each of the 3 positions) but was 2.");

    [Fact]
    public void PiecewiseInterpolated_rejects_no_knots() =>
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated([], []))
            .Should().Throw<ArgumentException>().WithParameterName("positions").WithMessage("*at least one knot*");

    [Fact]
    public void PiecewiseInterpolated_rejects_positions_not_strictly_increasing() =>
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated([1.0, 0.5, 0.1], [0, 10, 10]))
            .Should().Throw<ArgumentException>().WithParameterName("positions").WithMessage("*strictly increasing*");

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void PiecewiseInterpolated_rejects_a_position_that_is_not_finite(double position) =>
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated([1.0, 0.5], [0, position]))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("positions");

    [Fact]
    public void PiecewiseInterpolated_rejects_knots_too_far_apart_to_subtract() =>
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated([1.0, 0.5], [-1e308, 1e308]))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("positions").WithMessage("positions[1] must be close enough to positions[0] = -1E+308 that their difference is finite but was 1E+308.");

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void PiecewiseInterpolated_rejects_a_bad_rate(double rate) =>
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated([rate, 0.5], [0, 10]))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRates");

    [Fact]
    public void PiecewiseInterpolated_rejects_an_undefined_interpolation()
    {
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated([1.0, 0.5], [0, 10], (Curve)7))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("curve");
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated(1.0, [], (Curve)(-1)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("curve");
    }

    [Fact]
    public void PiecewiseInterpolated_rejects_null()
    {
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated([1.0], null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("positions");
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated(null!, [0.0]))
            .Should().Throw<ArgumentNullException>().WithParameterName("learningRates");
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated(1.0, null!, Curve.Linear))
            .Should().Throw<ArgumentNullException>().WithParameterName("boundariesAndScales");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void PiecewiseInterpolated_optax_form_rejects_a_bad_initial_rate(double initial) =>
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated(initial, new Dictionary<long, double> { [10] = 0.5 }, Curve.Linear))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("initialLearningRate");

    [Fact]
    public void PiecewiseInterpolated_optax_form_rejects_bad_boundaries_and_scales()
    {
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated(1.0, new Dictionary<long, double> { [10] = -0.5 }, Curve.Cosine))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("boundariesAndScales").WithMessage("*(the scale at boundary 10) but was -0.5.");
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated(1.0, new Dictionary<long, double> { [-1] = 0.5 }, Curve.Cosine))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("boundariesAndScales").WithMessage("*must be a boundary >= 0*but was -1.");
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated(1.0, [new(10, 0.5), new(10, 0.5)], Curve.Cosine))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("boundariesAndScales").WithMessage("*appears once*");
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated(1e300, new Dictionary<long, double> { [10] = 1e300 }, Curve.Cosine))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("boundariesAndScales").WithMessage("*overflows*");
    }

    [Fact]
    public void PiecewiseInterpolated_optax_form_rejects_boundaries_that_collide_as_doubles() =>
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated(1.0, [new(1L << 53, 0.5), new((1L << 53) + 1, 0.5)], Curve.Linear))
            .Should().Throw<ArgumentException>().WithParameterName("boundariesAndScales").WithMessage("*collide*");

    [Fact]
    public void PiecewiseInterpolated_optax_form_names_the_colliding_boundary_after_a_boundary_at_zero() =>
        // The boundary at 0 replaces the initial knot; 2^53 + 1 then collides with 2^53 as a double.
        FluentActions.Invoking(() => Schedule.PiecewiseInterpolated(1.0, [new(0, 2.0), new(1L << 53, 0.5), new((1L << 53) + 1, 0.5)], Curve.Linear))
            .Should().Throw<ScheduleArgumentException>()
            .Where(e => Equals(e.ActualValue, (1L << 53) + 1)
                && e.Requirement == "a boundary that stays distinct from 9007199254740992 as a double (they collide above 2^53)");
}
