using LrSchedules.Batching;

namespace LrSchedules.Tests.Batching;

public class GoodputTests
{
    [Theory]
    [InlineData(30.0, 10, 10, 1.0)] // M = M0
    [InlineData(30.0, 10, 30, 40.0 / 60.0)]
    [InlineData(30.0, 10, 90, 40.0 / 120.0)]
    [InlineData(0.0, 10, 40, 0.25)] // φ = 0: M0/M
    [InlineData(double.PositiveInfinity, 10, 1000, 1.0)]
    public void Statistical_efficiency_is_noise_plus_initial_over_noise_plus_batch(double noise, long initial, long batch, double expected) =>
        AdaptiveBatching.GetStatisticalEfficiency(noise, initial, batch).Should().Be(expected);

    [Fact]
    public void Statistical_efficiency_is_adascale_gain_over_scale()
    {
        // B_noise = tr(Σ)/|G|² = 4 with B0 = 1: gain at S = 4 is 2.5 (AdaScaleTests), efficiency 2.5/4 = (4 + 1)/(4 + 4).
        AdaptiveBatching.GetStatisticalEfficiency(4.0, 1, 4).Should().Be(2.5 / 4.0);
    }

    [Fact]
    public void Goodput_is_throughput_times_efficiency()
    {
        AdaptiveBatching.GetGoodput(1200.0, 30.0, 10, 90).Should().Be(1200.0 * (40.0 / 120.0));
        AdaptiveBatching.GetGoodput(0.0, 30.0, 10, 90).Should().Be(0.0);
    }

    [Theory]
    [InlineData(100.0, 6400.0, 64, 200.0, 12800.0)] // B = B_crit: twice both minima
    [InlineData(100.0, 6400.0, 16, 500.0, 8000.0)]
    [InlineData(100.0, 6400.0, 256, 125.0, 32000.0)]
    public void Steps_and_examples_follow_the_tradeoff(double minSteps, double minExamples, long batch, double steps, double examples)
    {
        AdaptiveBatching.GetStepsNeeded(minSteps, minExamples, batch).Should().Be(steps);
        AdaptiveBatching.GetExamplesNeeded(minSteps, minExamples, batch).Should().Be(examples);
        (((steps / minSteps) - 1.0) * ((examples / minExamples) - 1.0)).Should().Be(1.0);
        (batch * steps).Should().Be(examples);
    }

    [Fact]
    public void The_critical_batch_size_is_minimum_examples_over_minimum_steps() =>
        AdaptiveBatching.GetCriticalBatchSize(100.0, 6400.0).Should().Be(64.0);

    [Fact]
    public void Bad_arguments_are_rejected_naming_them()
    {
        Rejects(() => AdaptiveBatching.GetStatisticalEfficiency(double.NaN, 10, 20), "noiseScale");
        Rejects(() => AdaptiveBatching.GetStatisticalEfficiency(-1.0, 10, 20), "noiseScale")
            .Requirement.Should().Be("a noise scale >= 0 (+infinity allowed)");
        Rejects(() => AdaptiveBatching.GetStatisticalEfficiency(1.0, 0, 20), "initialBatchSize");
        Rejects(() => AdaptiveBatching.GetStatisticalEfficiency(1.0, 10, 9), "batchSize")
            .Requirement.Should().Be(">= initialBatchSize = 10");
        Rejects(() => AdaptiveBatching.GetGoodput(-1.0, 1.0, 10, 20), "throughput");
        Rejects(() => AdaptiveBatching.GetGoodput(double.PositiveInfinity, 1.0, 10, 20), "throughput");
        Rejects(() => AdaptiveBatching.GetStepsNeeded(0.0, 1.0, 10), "minimumSteps");
        Rejects(() => AdaptiveBatching.GetStepsNeeded(1.0, double.NaN, 10), "minimumExamples");
        Rejects(() => AdaptiveBatching.GetStepsNeeded(1.0, 1.0, 0), "batchSize");
        Rejects(() => AdaptiveBatching.GetExamplesNeeded(double.PositiveInfinity, 1.0, 10), "minimumSteps");
        Rejects(() => AdaptiveBatching.GetCriticalBatchSize(1.0, -1.0), "minimumExamples");
    }

    private static ScheduleArgumentException Rejects(Action act, string parameter)
    {
        ScheduleArgumentException exception = act.Should().Throw<ScheduleArgumentException>().Which;
        exception.ParamName.Should().Be(parameter);
        return exception;
    }
}
