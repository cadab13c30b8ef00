using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Hyperparameters;

public sealed class ScalarScheduleTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.9)]
    [InlineData(0.9999)]
    [InlineData(0.99999999999999989)] // the largest double below 1
    public void Momentum_and_beta_accept_every_value_below_one(double value)
    {
        Schedule.Constant(value).AsMomentum().GetValue(0).Should().Be(value);
        Schedule.Constant(value).AsBeta().GetValue(long.MaxValue).Should().Be(value);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(double.MaxValue)]
    public void Momentum_and_beta_reject_a_constant_of_one_or_more_naming_the_schedule_and_the_value(double value)
    {
        Action momentum = () => Schedule.Constant(value).AsMomentum();
        momentum.Should().Throw<ScheduleArgumentException>()
            .Which.Should().Match<ScheduleArgumentException>(e => e.ParamName == "schedule" && Equals(e.ActualValue, value) && e.Requirement == "a schedule whose every value lies in [0, 1) (its greatest value is shown)");
        Action beta = () => Schedule.Constant(value).AsBeta();
        beta.Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("schedule");
    }

    [Fact]
    public void A_schedule_that_reaches_one_only_somewhere_is_rejected_at_construction_with_its_greatest_value()
    {
        Action rising = () => Schedule.Linear(0.9, 1.0, 100).AsMomentum();
        rising.Should().Throw<ScheduleArgumentException>()
            .Which.ActualValue.Should().BeOfType<double>().Which.Should().BeInRange(1.0, 1.000000000000001);

        Action warmedUp = () => Schedule.Cosine(0.95, 0.85, 100).WithLinearWarmup(10, 0.5, targetLearningRate: 1.2).AsMomentum();
        warmedUp.Should().Throw<ScheduleArgumentException>().Which.ActualValue.Should().BeOfType<double>().Which.Should().BeGreaterThanOrEqualTo(1.2);

        Action scaled = () => Schedule.Constant(0.6).Scale(2.0).AsBeta();
        scaled.Should().Throw<ScheduleArgumentException>().Which.ActualValue.Should().Be(1.2);

        Action cycled = () => Schedule.Cyclic(0.5, 1.0, 10).AsMomentum();
        cycled.Should().Throw<ScheduleArgumentException>();
    }

    [Fact]
    public void Common_momentum_and_beta_schedules_pass()
    {
        Schedule.Cosine(0.95, 0.85, 1_000).AsMomentum().GetValue(0).Should().Be(0.95);
        Schedule.Cosine(0.85, 0.95, 1_000).AsMomentum().GetValue(1_000).Should().Be(0.95);
        Schedule.Linear(0.85, 0.9999, 1_000).AsMomentum().GetValue(1_000).Should().Be(0.9999);
        Schedule.OneCycleMomentum(0.85, 0.95, 1_000).AsMomentum().GetValue(299).Should().Be(0.85);
        Schedule.CyclicMomentum(0.8, 0.9, 10).AsMomentum().GetValue(10).Should().Be(0.8);
        Schedule.Constant(0.999).AsBeta().GetValue(12_345).Should().Be(0.999);
        Schedule.Linear(0.9, 2.0, 100).WithCeiling(0.99).AsMomentum().GetValue(100).Should().Be(0.99, "a clamp brings any schedule into the range");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(1e300)]
    public void Weight_decay_accepts_every_finite_value_at_least_zero(double value)
    {
        double got = Schedule.Constant(value).AsWeightDecay().GetValue(7);
        got.Should().Be(value);
        double.IsNegative(got).Should().Be(double.IsNegative(value), "the value is returned as is, -0.0 included");
        Schedule.WeightDecayIncrease(0.01, 0.1, 1_000, Curve.Cosine).AsWeightDecay().GetValue(1_000).Should().Be(0.1);
    }

    [Fact]
    public void Negative_zero_is_a_valid_weight_decay_momentum_and_beta_and_is_returned_as_is()
    {
        // xUnit treats 0.0 and -0.0 as the same InlineData, so -0.0 has its own test.
        double[] values =
        [
            Schedule.Constant(-0.0).AsWeightDecay().GetValue(0),
            Schedule.Constant(-0.0).AsMomentum().GetValue(long.MaxValue),
            Schedule.Constant(-0.0).AsBeta().GetValue(1),
        ];

        values.Should().OnlyContain(v => v == 0.0 && double.IsNegative(v));
    }

    [Fact]
    public void A_negative_weight_decay_is_rejected_at_construction_by_the_shape()
    {
        Action negative = () => Schedule.Constant(-1e-9).AsWeightDecay();
        negative.Should().Throw<ScheduleArgumentException>().Which.ParamName.Should().Be("learningRate");
    }

    [Fact]
    public void A_schedule_with_unknown_values_is_checked_at_the_query_naming_the_step_and_the_value()
    {
        MomentumSchedule momentum = Schedule.FromFunction((long step) => step < 10 ? 0.9 : 1.0).AsMomentum();
        momentum.GetValue(9).Should().Be(0.9);
        momentum.Invoking(m => m.GetValue(10)).Should().Throw<InvalidOperationException>()
            .WithMessage("MomentumSchedule: the schedule returned 1 at step 10; every value must lie in [0, 1).");

        BetaSchedule beta = new UserSchedule(step => step == 3 ? 1.5 : 0.99).AsBeta();
        beta.GetValue(2).Should().Be(0.99);
        beta.Invoking(b => b.GetValue(3)).Should().Throw<InvalidOperationException>().WithMessage("*1.5 at step 3*");

        WeightDecaySchedule decay = new UserSchedule(step => step == 5 ? -0.1 : 0.01).AsWeightDecay();
        decay.GetValue(4).Should().Be(0.01);
        decay.Invoking(d => d.GetValue(5)).Should().Throw<InvalidOperationException>()
            .WithMessage("WeightDecaySchedule: the schedule returned -0.1 at step 5; every value must be finite and >= 0.");
    }

    [Fact]
    public void A_user_schedule_is_checked_against_one_exclusively_for_momentum_and_not_at_all_for_weight_decay()
    {
        MomentumSchedule momentum = new UserSchedule(step => step == 4 ? 1.0 : 0.99999999999999989).AsMomentum();
        momentum.GetValue(3).Should().Be(0.99999999999999989);
        momentum.Invoking(m => m.GetValue(4)).Should().Throw<InvalidOperationException>()
            .WithMessage("MomentumSchedule: the schedule returned 1 at step 4; every value must lie in [0, 1).");

        new UserSchedule(_ => 2.5).AsWeightDecay().GetValue(7).Should().Be(2.5);
        Schedule.FromFunction((long _) => 2.5).AsWeightDecay().GetValue(7).Should().Be(2.5, "a weight decay has no upper bound, whatever the schedule");
    }

    [Fact]
    public void The_typed_schedules_are_not_learning_rate_schedules_and_keep_what_was_passed_in()
    {
        var user = new UserSchedule(_ => 0.9);
        typeof(ILearningRateSchedule).IsAssignableFrom(typeof(ScalarSchedule)).Should().BeFalse("a momentum must not be passed where a rate is expected");
        user.AsMomentum().Schedule.Should().BeSameAs(user);
        LearningRateSchedule cosine = Schedule.Cosine(0.95, 0.85, 10);
        cosine.AsBeta().Schedule.Should().BeSameAs(cosine);
        cosine.AsWeightDecay().Schedule.Should().BeSameAs(cosine);
    }

    [Fact]
    public void Null_is_rejected_naming_the_schedule()
    {
        Action act = () => ScheduleExtensions.AsMomentum(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("schedule");
    }

    [Fact]
    public void The_typed_schedules_keep_the_schedule_contract()
    {
        ScalarScheduleContract.Holds(Schedule.Cosine(0.95, 0.85, 1_000).WithLinearWarmup(100, 0.85).AsMomentum(), 0.0, 1.0);
        ScalarScheduleContract.Holds(Schedule.OneCycleMomentum(0.85, 0.95, 1_000, threePhase: true).AsBeta(), 0.0, 1.0);
        ScalarScheduleContract.Holds(Schedule.FromFunction((long step) => 0.5 + (0.4 * Math.Sin(step))).AsMomentum(), 0.0, 1.0);
        ScalarScheduleContract.Holds(Schedule.WeightDecayIncrease(0.0, 0.1, 1_000).PerEpoch(10).AsWeightDecay(), 0.0, double.PositiveInfinity);
        ScalarScheduleContract.Holds(new UserSchedule(step => step % 7 * 0.01).AsWeightDecay(), 0.0, double.PositiveInfinity);
    }

    private sealed class UserSchedule(Func<long, double> value) : ILearningRateSchedule
    {
        public double GetLearningRate(long step) => value(step);
    }
}
