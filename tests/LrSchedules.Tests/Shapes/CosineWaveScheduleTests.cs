using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Shapes;

public class CosineWaveScheduleTests
{
    // PyTorch CosineAnnealingLR(T_max=100, eta_min=0.001) on a base rate of 0.1.
    private readonly CosineWaveSchedule _schedule = (CosineWaveSchedule)Schedule.CosineWave(0.1, 0.001, 100);

    /// <summary>PyTorch's closed form: eta_min + (base − eta_min) · (1 + cos(π · t / T_max)) / 2.</summary>
    private static double PyTorch(double baseRate, double etaMin, long tMax, long step) =>
        etaMin + ((baseRate - etaMin) * (1 + Math.Cos(Math.PI * step / tMax)) / 2);

    /// <summary>Hugging Face's multiplier after warmup: max(0, c · (1 − min_lr_rate) + min_lr_rate) at the local step.</summary>
    private static double HuggingFace(double baseRate, long decaySteps, double cycles, double minLrRate, long localStep)
    {
        double progress = (double)localStep / Math.Max(1, decaySteps);
        double factor = 0.5 * (1.0 + Math.Cos(Math.PI * cycles * 2.0 * progress));
        return baseRate * Math.Max(0, (factor * (1 - minLrRate)) + minLrRate);
    }

    [Fact]
    public void CosineWave_stays_finite_when_the_angle_overflows()
    {
        var schedule = Schedule.CosineWave(1.0, 0.0, 1, 1e308);
        schedule.ShouldHaveRate(1, 1.0);
        schedule.ShouldHaveRate(long.MaxValue, 1.0);
        ScheduleContract.IsFiniteAndNonNegative(schedule, ScheduleContract.ProbeSteps);
    }

    [Fact]
    public void CosineWave_decays_from_the_initial_to_the_final_rate()
    {
        _schedule.ShouldHaveRate(0, 0.1);
        _schedule.ShouldHaveRate(1, PyTorch(0.1, 0.001, 100, 1), ScheduleAssertions.Tight);
        _schedule.ShouldHaveRate(50, 0.0505, ScheduleAssertions.Tight);
        _schedule.ShouldHaveRate(99, PyTorch(0.1, 0.001, 100, 99), ScheduleAssertions.Tight);
        _schedule.ShouldHaveRate(100, 0.001);
    }

    [Fact]
    public void CosineWave_rises_again_past_the_end_as_pytorch_does()
    {
        _schedule.ShouldHaveRate(101, PyTorch(0.1, 0.001, 100, 101), ScheduleAssertions.Tight);
        _schedule.GetLearningRate(101).Should().BeGreaterThan(0.001);
        _schedule.ShouldHaveRate(150, 0.0505, ScheduleAssertions.Tight);
        _schedule.ShouldHaveRate(200, 0.1);
        _schedule.ShouldHaveRate(12_345, PyTorch(0.1, 0.001, 100, 12_345), ScheduleAssertions.Tight);
    }

    [Fact]
    public void CosineWave_stays_between_its_rates_at_huge_steps()
    {
        foreach (long step in new[] { 1_000_000_000_000, long.MaxValue / 3, long.MaxValue })
        {
            _schedule.GetLearningRate(step).Should().BeInRange(0.001, 0.1);
        }
    }

    [Fact]
    public void CosineWave_completes_the_given_number_of_cycles()
    {
        var schedule = Schedule.CosineWave(1.0, 0.0, 100, 2.0);
        schedule.ShouldHaveRate(0, 1.0);
        schedule.ShouldHaveRate(25, 0.0);
        schedule.ShouldHaveRate(50, 1.0);
        schedule.ShouldHaveRate(75, 0.0);
        schedule.ShouldHaveRate(100, 1.0);
    }

    [Fact]
    public void CosineWave_is_hugging_face_cosine_and_cosine_with_min_lr_after_warmup()
    {
        // get_cosine_schedule_with_warmup(10, 100, num_cycles) and
        // get_cosine_with_min_lr_schedule_with_warmup(10, 100, min_lr_rate=0.1) on a base rate of 0.1: 90 decay steps.
        foreach ((double cycles, double minLrRate) in new[] { (0.5, 0.0), (1.5, 0.0), (0.5, 0.1), (0.7, 0.25) })
        {
            var schedule = Schedule.CosineWave(0.1, minLrRate * 0.1, 90, cycles);
            foreach (long localStep in new long[] { 0, 1, 44, 45, 89, 90, 91, 92, 500 })
            {
                schedule.ShouldHaveRate(localStep, HuggingFace(0.1, 90, cycles, minLrRate, localStep), ScheduleAssertions.Tight);
            }
        }
    }

    [Fact]
    public void CosineWave_keeps_the_contract()
    {
        ScheduleContract.Holds(_schedule, [99, 100, 101, 150, 200]);
        ScheduleContract.Holds(Schedule.CosineWave(0.0, 0.3, 7, 3.25));
    }

    [Fact]
    public void CosineWave_exposes_its_parameters()
    {
        _schedule.InitialLearningRate.Should().Be(0.1);
        _schedule.TotalSteps.Should().Be(100);
        _schedule.FinalLearningRate.Should().Be(0.001);
        _schedule.Cycles.Should().Be(0.5);
    }

    [Theory]
    [InlineData(-0.1, 100, 0.0, 0.5, "initialLearningRate")]
    [InlineData(double.NaN, 100, 0.0, 0.5, "initialLearningRate")]
    [InlineData(0.1, 0, 0.0, 0.5, "totalSteps")]
    [InlineData(0.1, -100, 0.0, 0.5, "totalSteps")]
    [InlineData(0.1, 100, -0.001, 0.5, "finalLearningRate")]
    [InlineData(0.1, 100, double.PositiveInfinity, 0.5, "finalLearningRate")]
    [InlineData(0.1, 100, 0.0, 0.0, "cycles")]
    [InlineData(0.1, 100, 0.0, -0.5, "cycles")]
    [InlineData(0.1, 100, 0.0, double.NaN, "cycles")]
    [InlineData(0.1, 100, 0.0, double.PositiveInfinity, "cycles")]
    public void CosineWave_rejects_bad_input(double initial, long totalSteps, double final, double cycles, string parameter) =>
        FluentActions.Invoking(() => Schedule.CosineWave(initial, final, totalSteps, cycles))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
}
