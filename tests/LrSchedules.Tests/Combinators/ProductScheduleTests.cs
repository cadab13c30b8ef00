using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Combinators;

public class ProductScheduleTests
{
    // A stand-in for ExponentialLR(gamma=0.99) on base rate 0.1, from the shapes on this branch.
    private static readonly FunctionSchedule Exponential = (FunctionSchedule)Schedule.FromFunction((long t) => 0.1 * Math.Pow(0.99, t));
    private static readonly StepDecaySchedule Halving = (StepDecaySchedule)Schedule.Step(1.0, stepSize: 20, decayFactor: 0.5);

    [Fact]
    public void Product_saturates_instead_of_overflowing() =>
        Schedule.Product(Schedule.Constant(1e200), Schedule.Constant(1e200)).ShouldHaveRate(0, double.MaxValue);

    [Fact]
    public void Product_multiplies_pointwise_like_pytorch_chained_scheduler()
    {
        // ChainedScheduler([ExponentialLR(gamma=0.99), StepLR(step_size=20, gamma=0.5)]) on 0.1.
        var schedule = Schedule.Product(Exponential, Halving);

        schedule.ShouldHaveRate(0, 0.1);
        schedule.ShouldHaveRate(1, 0.1 * 0.99);
        schedule.ShouldHaveRate(19, 0.1 * Math.Pow(0.99, 19));
        schedule.ShouldHaveRate(20, 0.1 * Math.Pow(0.99, 20) * 0.5);
        schedule.ShouldHaveRate(21, 0.1 * Math.Pow(0.99, 21) * 0.5);
        schedule.ShouldHaveRate(40, 0.1 * Math.Pow(0.99, 40) * 0.25);
        schedule.ShouldHaveRate(long.MaxValue, 0.0);
    }

    [Fact]
    public void Multiplying_by_step_multipliers_decays_at_every_milestone()
    {
        var schedule = Schedule.Product(Schedule.Constant(0.1), Schedule.MultiStep(1.0, [30, 80], 0.1));

        schedule.ShouldHaveRate(0, 0.1);
        schedule.ShouldHaveRate(29, 0.1);
        schedule.ShouldHaveRate(30, 0.1 * 0.1);
        schedule.ShouldHaveRate(31, 0.1 * 0.1);
        schedule.ShouldHaveRate(80, 0.1 * (0.1 * 0.1));
        schedule.ShouldHaveRate(long.MaxValue, 0.1 * (0.1 * 0.1));
    }

    [Fact]
    public void Multiply_and_product_agree_and_a_chain_is_flattened()
    {
        var a = Schedule.Cosine(0.1, 0.0, 100);
        var b = Halving;
        var c = Schedule.MultiStep(1.0, [50], 0.3);
        var chained = (ProductSchedule)Schedule.Product(Schedule.Product(a, b), c);

        chained.Factors.Should().Equal(a, b, c);
        var product = Schedule.Product(a, b, c);
        var list = Schedule.Product(new List<ILearningRateSchedule> { a, b, c });
        foreach (long step in ScheduleContract.ProbeSteps)
        {
            chained.GetLearningRate(step).Should().Be(product.GetLearningRate(step));
            list.GetLearningRate(step).Should().Be(product.GetLearningRate(step));
        }

        chained.ShouldHaveRate(60, a.GetLearningRate(60) * 0.125 * 0.3);
    }

    [Fact]
    public void Product_of_a_product_in_first_place_is_flattened_and_of_one_is_itself()
    {
        var inner = Schedule.Product(Exponential, Halving);
        ((ProductSchedule)Schedule.Product(inner, Halving)).Factors.Should().HaveCount(3);
        Schedule.Product(inner).Should().BeSameAs(inner);
        ((ProductSchedule)Schedule.Product(Halving, inner)).Factors.Should().HaveCount(2);
    }

    [Fact]
    public void Product_nested_to_depth_three_stays_exact()
    {
        var level1 = Schedule.Product(Halving, Schedule.Constant(0.5));
        var level2 = Schedule.Product(Schedule.Constant(0.1), level1);
        var level3 = Schedule.Product(Schedule.Constant(2.0), level2);

        level3.ShouldHaveRate(0, 2.0 * (0.1 * (1.0 * 0.5)));
        level3.ShouldHaveRate(19, 2.0 * (0.1 * (1.0 * 0.5)));
        level3.ShouldHaveRate(20, 2.0 * (0.1 * (0.5 * 0.5)));
        level3.ShouldHaveRate(long.MaxValue, 0.0);
        ScheduleContract.Holds(level3, [19, 20, 21]);
    }

    [Fact]
    public void Product_is_continuous_between_steps()
    {
        var schedule = Schedule.Product(Schedule.FromFunction((double t) => t), Schedule.Constant(0.5));
        schedule.GetLearningRate(0.5).Should().Be(0.25);
    }

    [Fact]
    public void Product_keeps_the_contract()
    {
        ScheduleContract.Holds(Schedule.Product(Exponential, Halving), [19, 20, 21]);
        ScheduleContract.Holds(Schedule.Product(Schedule.Constant(0.1), new UserSchedule()));
    }

    [Fact]
    public void Product_rejects_null_schedules()
    {
        FluentActions.Invoking(() => Schedule.Product((ILearningRateSchedule[])null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("schedules");
        FluentActions.Invoking(() => Schedule.Product((IEnumerable<ILearningRateSchedule>)null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("schedules");
    }

    [Fact]
    public void Product_rejects_a_null_schedule_in_the_list() =>
        FluentActions.Invoking(() => Schedule.Product(Halving, null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("schedules").WithMessage("*schedules[1]*");

    [Fact]
    public void Product_rejects_no_schedules()
    {
        FluentActions.Invoking(() => Schedule.Product())
            .Should().Throw<ArgumentException>().WithParameterName("schedules");
        FluentActions.Invoking(() => Schedule.Product(Enumerable.Empty<ILearningRateSchedule>()))
            .Should().Throw<ArgumentException>().WithParameterName("schedules");
    }
}
