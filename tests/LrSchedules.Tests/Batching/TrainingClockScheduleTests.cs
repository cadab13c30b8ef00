using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Batching;

public class TrainingClockScheduleTests
{
    // N = 100, batch 32, last batch kept: 4 steps per epoch drawing 32, 32, 32, 4.
    private readonly TrainingPlan _plan = BatchSchedule.Plan(100, BatchSchedule.ConstantBatchSize(32), LastBatch.Keep);

    [Fact]
    public void Schedule_in_epochs_decays_at_the_first_step_of_the_epoch()
    {
        TrainingClockSchedule schedule = (TrainingClockSchedule)_plan.PerStep(Schedule.MultiStep(0.1, [2], 0.1), TrainingClock.Epochs);
        schedule.ShouldHaveRate(7, 0.1);
        schedule.ShouldHaveRate(8, 0.1 * 0.1);
    }

    [Fact]
    public void Schedule_in_epochs_is_read_at_the_fractional_epoch()
    {
        CosineSchedule cosine = (CosineSchedule)Schedule.Cosine(1.0, 0.0, 3);
        TrainingClockSchedule schedule = (TrainingClockSchedule)_plan.PerStep(cosine, TrainingClock.Epochs);
        schedule.ShouldHaveRate(2, cosine.GetLearningRate(0.64));
        schedule.ShouldHaveRate(7, cosine.GetLearningRate(1.96));
        schedule.GetLearningRate(2.5).Should().Be(cosine.GetLearningRate(0.8), "half of step 2 draws 16 more samples");
        schedule.GetLearningRate(3.5).Should().Be(cosine.GetLearningRate(0.98), "half of the last, 4-sample step");
    }

    [Fact]
    public void Schedule_in_samples_is_read_at_the_samples_seen_before_the_step()
    {
        TrainingClockSchedule schedule = (TrainingClockSchedule)_plan.PerStep(Schedule.FromFunction((double samples) => 1.0 / (1.0 + samples)), TrainingClock.Samples);
        schedule.ShouldHaveRate(3, 1.0 / 97.0);
        schedule.ShouldHaveRate(4, 1.0 / 101.0);
        schedule.GetLearningRate(3.5).Should().Be(1.0 / 99.0);
    }

    [Fact]
    public void Positions_past_long_MaxValue_read_the_clock_at_step_long_MaxValue()
    {
        // Step long.MaxValue = 4 · 2 305 843 009 213 693 951 + 3: that many whole epochs of 100, then 96 samples of the next.
        TrainingClockSchedule schedule = (TrainingClockSchedule)_plan.PerStep(Schedule.FromFunction((double samples) => 1.0 / (1.0 + samples)), TrainingClock.Samples);
        double atLastStep = 1.0 / (1.0 + 230_584_300_921_369_395_196.0);
        schedule.GetLearningRate(long.MaxValue).Should().Be(atLastStep);
        schedule.GetLearningRate(1e19).Should().Be(atLastStep, "no step lies past long.MaxValue, so no sample is drawn after it");
        schedule.GetLearningRate(double.MaxValue).Should().Be(atLastStep);
    }

    [Fact]
    public void Schedule_in_steps_is_read_unchanged()
    {
        CosineSchedule cosine = (CosineSchedule)Schedule.Cosine(1.0, 0.0, 10);
        _plan.PerStep(cosine, TrainingClock.Steps).GetLearningRate(3.25).Should().Be(cosine.GetLearningRate(3.25));
    }

    [Fact]
    public void Schedule_in_epochs_follows_a_growing_batch()
    {
        // 10 per step for 2 epochs of 100 samples (10 steps each), then 50 (2 steps per epoch).
        TrainingPlan plan = BatchSchedule.Plan(100, BatchSchedule.Piecewise(10, [new(2, 50)], TrainingClock.Epochs), LastBatch.Drop);
        TrainingClockSchedule schedule = (TrainingClockSchedule)plan.PerStep(Schedule.MultiStep(1.0, [3], 0.5), TrainingClock.Epochs);
        schedule.ShouldHaveRate(21, 1.0);
        schedule.ShouldHaveRate(22, 0.5);
        schedule.Plan.Should().BeSameAs(plan);
        schedule.Clock.Should().Be(TrainingClock.Epochs);
    }

    public static TheoryData<TrainingClock, LastBatch> Clocks() => new()
    {
        { TrainingClock.Epochs, LastBatch.Keep },
        { TrainingClock.Epochs, LastBatch.Drop },
        { TrainingClock.Samples, LastBatch.Keep },
        { TrainingClock.Samples, LastBatch.Drop },
        { TrainingClock.Steps, LastBatch.Drop },
    };

    [Theory]
    [MemberData(nameof(Clocks))]
    public void Per_step_schedule_keeps_the_contract(TrainingClock clock, LastBatch lastBatch)
    {
        TrainingPlan plan = BatchSchedule.Plan(97, BatchSchedule.LinearRamp(4, 12, 500, 40), lastBatch);
        ScheduleContract.Holds(plan.PerStep(Schedule.Cosine(0.1, 0.001, 1_000), clock));
    }

    [Fact]
    public void PerStep_rejects_a_null_schedule_and_an_undefined_clock()
    {
        _plan.Invoking(p => p.PerStep(null!, TrainingClock.Epochs)).Should().Throw<ArgumentNullException>().WithParameterName("learningRate");
        _plan.Invoking(p => p.PerStep(Schedule.Constant(0.1), (TrainingClock)3)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("clock");
    }
}
