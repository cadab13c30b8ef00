using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class CyclicScheduleTests
{
    // PyTorch CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=10): cycles of 20 steps, peak at 10, 30, 50, ...
    private readonly CyclicSchedule _triangular = (CyclicSchedule)Schedule.Cyclic(0.001, 0.1, 10);

    /// <summary>PyTorch's <c>get_lr</c> for one group, with the scale given as a function of the cycle and the step.</summary>
    private static double Torch(double baseLr, double maxLr, double up, double down, double step, Func<double, double, double> scale)
    {
        double totalSize = up + down;
        double stepRatio = up / totalSize;
        double cycle = Math.Floor(1 + (step / totalSize));
        double x = 1.0 + (step / totalSize) - cycle;
        double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
        return baseLr + ((maxLr - baseLr) * scaleFactor * scale(cycle, step));
    }

    [Fact]
    public void Cyclic_triangular_rises_to_the_peak_and_falls_back_every_cycle()
    {
        _triangular.ShouldHaveRate(0, 0.001);
        _triangular.ShouldHaveRate(5, 0.001 + ((0.1 - 0.001) * 0.5));
        _triangular.ShouldHaveRate(9, Torch(0.001, 0.1, 10, 10, 9, (_, _) => 1.0));
        _triangular.ShouldHaveRate(10, Torch(0.001, 0.1, 10, 10, 10, (_, _) => 1.0));
        _triangular.ShouldHaveRate(11, Torch(0.001, 0.1, 10, 10, 11, (_, _) => 1.0));
        _triangular.ShouldHaveRate(19, Torch(0.001, 0.1, 10, 10, 19, (_, _) => 1.0));
        _triangular.ShouldHaveRate(20, 0.001);
        _triangular.ShouldHaveRate(30, Torch(0.001, 0.1, 10, 10, 30, (_, _) => 1.0));
        _triangular.ShouldHaveRate(1_000_000_000_010, Torch(0.001, 0.1, 10, 10, 1_000_000_000_010, (_, _) => 1.0));
        _triangular.GetLearningRate(10).Should().BeApproximately(0.1, 1e-16);
    }

    [Fact]
    public void Cyclic_matches_PyTorch_over_many_cycles()
    {
        var triangular2 = Schedule.Cyclic(0.001, 0.1, 10, 5, CyclicMode.Triangular2);
        var expRange = Schedule.Cyclic(0.001, 0.1, 8, null, CyclicMode.ExponentialRange, 0.97);
        for (long step = 0; step < 2_000; step++)
        {
            triangular2.ShouldHaveRate(step, Torch(0.001, 0.1, 10, 5, step, (cycle, _) => 1 / Math.Pow(2.0, cycle - 1)));
            expRange.ShouldHaveRate(step, Torch(0.001, 0.1, 8, 8, step, (_, t) => Math.Pow(0.97, t)));
        }
    }

    [Fact]
    public void Cyclic_triangular2_halves_the_amplitude_each_cycle()
    {
        // step_size_up 10, step_size_down 5: cycles of 15, peaks at 10, 25, 40.
        var schedule = Schedule.Cyclic(0.001, 0.1, 10, 5, CyclicMode.Triangular2);
        schedule.ShouldHaveRate(10, Torch(0.001, 0.1, 10, 5, 10, (cycle, _) => 1 / Math.Pow(2.0, cycle - 1)));
        schedule.GetLearningRate(10).Should().BeApproximately(0.1, 1e-16);
        schedule.ShouldHaveRate(15, 0.001);
        schedule.ShouldHaveRate(25, Torch(0.001, 0.1, 10, 5, 25, (cycle, _) => 1 / Math.Pow(2.0, cycle - 1)));
        schedule.GetLearningRate(25).Should().BeApproximately(0.001 + ((0.1 - 0.001) * 0.5), 1e-16);
        schedule.ShouldHaveRate(40, Torch(0.001, 0.1, 10, 5, 40, (cycle, _) => 1 / Math.Pow(2.0, cycle - 1)));
        schedule.GetLearningRate(40).Should().BeApproximately(0.001 + ((0.1 - 0.001) * 0.25), 1e-16);
    }

    [Fact]
    public void Cyclic_exponential_range_scales_by_the_decay_rate_per_step()
    {
        var schedule = Schedule.Cyclic(0.001, 0.1, 8, mode: CyclicMode.ExponentialRange, decayFactor: 0.97);
        schedule.ShouldHaveRate(8, 0.001 + ((0.1 - 0.001) * Math.Pow(0.97, 8)));
        schedule.ShouldHaveRate(24, 0.001 + ((0.1 - 0.001) * Math.Pow(0.97, 24)));
    }

    [Fact]
    public void Cyclic_stays_finite_where_the_scale_underflows_or_PyTorch_would_overflow()
    {
        // PyTorch raises OverflowError in 2.0 ** (cycle - 1) past cycle 1024; the amplitude is below 2^-1023 there.
        var triangular2 = Schedule.Cyclic(0.001, 0.1, 1, 1, CyclicMode.Triangular2);
        triangular2.ShouldHaveRate((2 * 1100) + 1, 0.001);
        triangular2.ShouldHaveRate(long.MaxValue, 0.001);
        var expRange = Schedule.Cyclic(0.001, 0.1, 8, mode: CyclicMode.ExponentialRange, decayFactor: 0.97);
        expRange.ShouldHaveRate(1_000_000, 0.001);
        expRange.ShouldHaveRate(long.MaxValue, 0.001);
        _triangular.GetLearningRate(long.MaxValue).Should().BeInRange(0.001, 0.1);
    }

    [Fact]
    public void Cyclic_allows_a_peak_below_the_initial_rate()
    {
        var schedule = Schedule.Cyclic(0.1, 0.01, 10);
        schedule.ShouldHaveRate(0, 0.1);
        schedule.ShouldHaveRate(10, Torch(0.1, 0.01, 10, 10, 10, (_, _) => 1.0));
        schedule.GetLearningRate(10).Should().BeApproximately(0.01, 1e-16);
        schedule.ShouldHaveRate(20, 0.1);
    }

    [Fact]
    public void Cyclic_is_continuous_between_steps()
    {
        _triangular.GetLearningRate(2.5).Should().Be(0.001 + ((0.1 - 0.001) * 0.25));
        _triangular.GetLearningRate(19.5).Should().Be(Torch(0.001, 0.1, 10, 10, 19.5, (_, _) => 1.0));
    }

    [Fact]
    public void Cyclic_exposes_its_parameters()
    {
        var schedule = (CyclicSchedule)Schedule.Cyclic(0.001, 0.1, 10, 5, CyclicMode.ExponentialRange, 0.9);
        schedule.InitialLearningRate.Should().Be(0.001);
        schedule.PeakLearningRate.Should().Be(0.1);
        schedule.StepsUp.Should().Be(10);
        schedule.StepsDown.Should().Be(5);
        schedule.Mode.Should().Be(CyclicMode.ExponentialRange);
        schedule.DecayFactor.Should().Be(0.9);
        _triangular.StepsDown.Should().Be(10);
    }

    [Fact]
    public void Cyclic_stays_in_range_for_any_finite_position()
    {
        foreach (LearningRateSchedule schedule in new LearningRateSchedule[]
                 {
                     _triangular,
                     Schedule.Cyclic(0.001, 0.1, 3, 7, CyclicMode.Triangular2),
                     Schedule.Cyclic(0.001, 0.1, 3, 7, CyclicMode.ExponentialRange, 0.999),
                 })
        {
            foreach (double position in new[] { 0.0, 1e-300, 0.7, 1e15, 1e19, 1e200, 1e308, double.MaxValue })
            {
                schedule.GetLearningRate(position).Should().BeInRange(0.0, 0.1, $"at {position}");
            }
        }
    }

    [Fact]
    public void Cyclic_keeps_the_contract()
    {
        ScheduleContract.Holds(_triangular, [19, 20, 21]);
        ScheduleContract.Holds(Schedule.Cyclic(0.001, 0.1, 10, 5, CyclicMode.Triangular2), [14, 15, 16]);
        ScheduleContract.Holds(Schedule.Cyclic(0.001, 0.1, 8, null, CyclicMode.ExponentialRange, 0.97));
        ScheduleContract.Holds(Schedule.Cyclic(0.001, 0.1, long.MaxValue / 2, 1));
    }

    [Theory]
    [InlineData(-0.001, 0.1, 10, null, CyclicMode.Triangular, 1.0, "initialLearningRate")]
    [InlineData(double.NaN, 0.1, 10, null, CyclicMode.Triangular, 1.0, "initialLearningRate")]
    [InlineData(0.001, -0.1, 10, null, CyclicMode.Triangular, 1.0, "peakLearningRate")]
    [InlineData(0.001, double.PositiveInfinity, 10, null, CyclicMode.Triangular, 1.0, "peakLearningRate")]
    [InlineData(0.001, 0.1, 0, null, CyclicMode.Triangular, 1.0, "stepsUp")]
    [InlineData(0.001, 0.1, -10, null, CyclicMode.Triangular, 1.0, "stepsUp")]
    [InlineData(0.001, 0.1, 10, 0L, CyclicMode.Triangular, 1.0, "stepsDown")]
    [InlineData(0.001, 0.1, 10, -5L, CyclicMode.Triangular, 1.0, "stepsDown")]
    [InlineData(0.001, 0.1, 10, null, (CyclicMode)3, 1.0, "mode")]
    [InlineData(0.001, 0.1, 10, null, CyclicMode.ExponentialRange, 0.0, "decayFactor")]
    [InlineData(0.001, 0.1, 10, null, CyclicMode.ExponentialRange, 1.01, "decayFactor")]
    [InlineData(0.001, 0.1, 10, null, CyclicMode.ExponentialRange, double.NaN, "decayFactor")]
    public void Cyclic_rejects_bad_input(
        double initial, double peak, long stepsUp, long? stepsDown, CyclicMode mode, double decayRate, string parameter) =>
        FluentActions.Invoking(() => Schedule.Cyclic(initial, peak, stepsUp, stepsDown, mode, decayRate))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter)
            .WithMessage($"*{parameter} must be*but was*");
}
