using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Combinators;

public class EpochScheduleTests
{
    // Written in epochs: 0.1 for epochs 0-2, then halved every 3 epochs.
    private static readonly StepDecaySchedule Epochs = (StepDecaySchedule)Schedule.Step(0.1, stepSize: 3, decayFactor: 0.5);

    [Fact]
    public void Staircase_reads_the_whole_epoch()
    {
        var schedule = (EpochSchedule)Epochs.PerEpoch(100);

        schedule.ShouldHaveRate(0, 0.1);
        schedule.ShouldHaveRate(299, 0.1);
        schedule.ShouldHaveRate(300, 0.05);
        schedule.ShouldHaveRate(301, 0.05);
        schedule.ShouldHaveRate(599, 0.05);
        schedule.ShouldHaveRate(600, 0.025);
        schedule.ShouldHaveRate(long.MaxValue, 0.0);
        schedule.StepsPerEpoch.Should().Be(100);
        schedule.Progress.Should().Be(EpochProgress.Staircase);
        schedule.Inner.Should().BeSameAs(Epochs);
    }

    [Fact]
    public void Staircase_uses_integer_division_at_huge_steps()
    {
        // 2^60 / 1000 = 1152921504606846.976: epoch 1152921504606846 (even), but the quotient in doubles rounds up to
        // the odd epoch 1152921504606847.
        const long stepsPerEpoch = 1_000;
        const long step = 1L << 60;
        var schedule = Schedule.FromFunction((long epoch) => epoch % 2 == 0 ? 1.0 : 0.5).PerEpoch(stepsPerEpoch);
        Math.Floor(step / (double)stepsPerEpoch).Should().Be(1152921504606847.0);
        schedule.ShouldHaveRate(step, 1.0);
    }

    [Fact]
    public void Fractional_reads_the_epoch_on_the_continuous_clock()
    {
        var cosine = Schedule.Cosine(0.1, 0.0, 10);
        var schedule = cosine.PerEpoch(4, EpochProgress.Fractional);

        schedule.ShouldHaveRate(0, 0.1);
        schedule.ShouldHaveRate(1, cosine.GetLearningRate(0.25));
        schedule.ShouldHaveRate(6, cosine.GetLearningRate(1.5));
        schedule.ShouldHaveRate(39, cosine.GetLearningRate(9.75));
        schedule.ShouldHaveRate(40, 0.0);
        schedule.ShouldHaveRate(long.MaxValue, 0.0);
    }

    [Fact]
    public void Fractional_reads_a_user_schedule_at_whole_epochs()
    {
        var schedule = new UserSchedule().PerEpoch(4, EpochProgress.Fractional);
        schedule.ShouldHaveRate(3, 1.0);
        schedule.ShouldHaveRate(4, 0.5);
        schedule.ShouldHaveRate(7, 0.5);
    }

    [Fact]
    public void Epoch_warmup_then_decay_in_steps_stays_exact_when_nested()
    {
        // Depth 3: a warmup of a step decay, written in epochs, joined in front of a constant.
        var inEpochs = Epochs.WithLinearWarmup(2);
        var schedule = Schedule.Join([inEpochs.PerEpoch(10), Schedule.Constant(0.001)], [1_000]);

        schedule.ShouldHaveRate(0, 0.0);
        schedule.ShouldHaveRate(9, 0.0);
        schedule.ShouldHaveRate(10, 0.05);
        schedule.ShouldHaveRate(20, 0.1);
        schedule.ShouldHaveRate(49, 0.1);
        schedule.ShouldHaveRate(50, 0.05);
        schedule.ShouldHaveRate(999, inEpochs.GetLearningRate(99));
        schedule.ShouldHaveRate(1_000, 0.001);
        ScheduleContract.Holds(schedule, [9, 10, 49, 50, 999]);
    }

    [Fact]
    public void Epoch_schedules_keep_the_contract()
    {
        ScheduleContract.Holds(Epochs.PerEpoch(100), [299, 300, 301]);
        ScheduleContract.Holds(Epochs.PerEpoch(7, EpochProgress.Fractional));
        ScheduleContract.Holds(Epochs.PerEpoch(long.MaxValue));
    }

    [Fact]
    public void PerEpoch_rejects_a_null_schedule() =>
        FluentActions.Invoking(() => ((ILearningRateSchedule)null!).PerEpoch(10))
            .Should().Throw<ArgumentNullException>().WithParameterName("schedule");

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public void PerEpoch_rejects_steps_per_epoch_that_are_not_positive(long stepsPerEpoch) =>
        FluentActions.Invoking(() => Epochs.PerEpoch(stepsPerEpoch))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("stepsPerEpoch").WithMessage("*> 0*");

    [Fact]
    public void PerEpoch_rejects_an_undefined_progress() =>
        FluentActions.Invoking(() => Epochs.PerEpoch(10, (EpochProgress)2))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("progress");
}
