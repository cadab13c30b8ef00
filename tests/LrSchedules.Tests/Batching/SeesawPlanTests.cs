using LrSchedules.Internal;
using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Batching;

public class SeesawPlanTests
{
    /// <summary>An Adam rate of 0.01 halved at epochs 10, 20 and 30.</summary>
    private static readonly LearningRateSchedule Halving = Schedule.MultiStep(0.01, [10, 20, 30], 0.5);

    /// <summary>1 400 samples, last batch dropped, B0 = 10, critical batch 40, 40 epochs.</summary>
    private static readonly SeesawPlan Seesaw = BatchSchedule.Seesaw(Halving, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 40, 40);

    [Fact]
    public void Each_halving_doubles_the_batch_and_divides_the_rate_by_root_two_until_the_critical_batch()
    {
        // Epochs 0–9: B 10, 140 steps each; 10–19: B 20 (70 steps); 20–29: B 40 (35 steps); 30–39: B stays 40.
        Seesaw.Plan.Phases.Select(p => (p.FirstStep, p.BatchSize)).Should().Equal((0L, 10L), (1_400L, 20L), (2_100L, 40L));
        Seesaw.Plan.GetFirstStepOfEpoch(10).Should().Be(1_400);
        Seesaw.Plan.GetFirstStepOfEpoch(20).Should().Be(2_100);
        Seesaw.Plan.GetFirstStepOfEpoch(30).Should().Be(2_450);

        // lr' = lr(epoch) · √(B / 10): 0.01; 0.005·√2; 0.0025·√4 = 0.005; then at the cap 0.00125·√4 = 0.0025 (a full halving).
        Seesaw.LearningRate.ShouldHaveRates(
            (0, 0.01),
            (1_399, 0.01),
            (1_400, 0.007071067811865476),
            (1_401, 0.007071067811865476),
            (2_099, 0.007071067811865476),
            (2_100, 0.005),
            (2_449, 0.005),
            (2_450, 0.0025),
            (2_451, 0.0025),
            (2_799, 0.0025));
    }

    [Fact]
    public void After_the_planned_epochs_the_last_batch_and_the_source_rate_hold_to_huge_steps()
    {
        Seesaw.LearningRate.ShouldHaveRates((2_800, 0.0025), (1_000_000_000_000, 0.0025), (long.MaxValue, 0.0025));
        Seesaw.Plan.GetBatchSize(long.MaxValue).Should().Be(40);
        ScheduleContract.Holds(Seesaw.LearningRate, [1_399, 1_400, 1_401, 2_100, 2_450]);
    }

    [Fact]
    public void Half_the_updates_of_the_source_for_the_same_epochs()
    {
        Seesaw.GetTotalSteps(40).Should().Be(2_800);
        Seesaw.GetSourceTotalSteps(40).Should().Be(5_600);
    }

    [Fact]
    public void Batches_are_the_Smith_transforms_the_rates_fall_by_root_alpha_instead_of_not_at_all()
    {
        BatchGrowthPlan smith = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(Halving, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 40, 40);

        Seesaw.Plan.Phases.Should().Equal(smith.Plan.Phases);
        smith.LearningRate.GetLearningRate(1_400).Should().Be(0.01);
        Seesaw.LearningRate.GetLearningRate(1_400).Should().Be(0.005 * Math.Sqrt(2.0));
    }

    [Theory]
    [InlineData(LastBatch.Drop, TrainingClock.Epochs)]
    [InlineData(LastBatch.Keep, TrainingClock.Epochs)]
    [InlineData(LastBatch.Drop, TrainingClock.Samples)]
    public void Rate_per_root_batch_is_the_sources_at_every_step_rounding_included(LastBatch lastBatch, TrainingClock clock)
    {
        // A cosine over 30 epochs (or their samples), batch multiples of 8: rounding leaves the rest of the decay to the rate.
        long length = clock == TrainingClock.Epochs ? 30 : 30 * 1_400;
        var cosine = Schedule.Cosine(0.003, 0.0003, length);
        SeesawPlan seesaw = BatchSchedule.Seesaw(cosine, clock, 1_400, lastBatch, 8, 64, 30, BatchSizeGranularity.MultipleOf(8));

        seesaw.Plan.Phases.Select(p => p.BatchSize).Should().Contain([8, 16, 64]);
        for (long epoch = 0; epoch < 32; epoch++)
        {
            long first = seesaw.Plan.GetFirstStepOfEpoch(epoch);
            foreach (long step in new[] { first, first + 1 })
            {
                double source = seesaw.GetSourceRatePerRootBatch(step);
                seesaw.GetRatePerRootBatch(step).Should().BeApproximately(source, source * ScheduleAssertions.Tight, $"epoch {epoch}, step {step}");
            }
        }
    }

    [Fact]
    public void Seesaw_records_the_call_that_built_it()
    {
        FactoryCalls.TryGetCall(Seesaw, out FactoryCall? call).Should().BeTrue();
        call!.Factory.Should().Be("Seesaw");
        call.Arguments.Should().Equal(Halving, TrainingClock.Epochs, 1_400L, LastBatch.Drop, 10L, 40L, 40L, BatchSizeGranularity.Any);
    }

    [Fact]
    public void Seesaw_rejects_bad_arguments_naming_them()
    {
        FluentActions.Invoking(() => BatchSchedule.Seesaw(Halving, TrainingClock.Steps, 1_400, LastBatch.Drop, 10, 40, 40))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("clock");
        FluentActions.Invoking(() => BatchSchedule.Seesaw(Halving, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 5, 40))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maximumBatchSize");
        FluentActions.Invoking(() => BatchSchedule.Seesaw(Halving, TrainingClock.Epochs, 30, LastBatch.Drop, 10, 40, 40))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("datasetSize");
        FluentActions.Invoking(() => BatchSchedule.Seesaw(Halving, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 40, 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("epochs");
        FluentActions.Invoking(() => BatchSchedule.Seesaw(Schedule.Constant(0.0), TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 40, 40))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate");
        FluentActions.Invoking(() => BatchSchedule.Seesaw(null!, TrainingClock.Epochs, 1_400, LastBatch.Drop, 10, 40, 40))
            .Should().Throw<ArgumentNullException>().WithParameterName("learningRate");
    }
}
