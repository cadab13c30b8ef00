using LrSchedules.Tests.Contract;

namespace LrSchedules.Tests.Combinators;

/// <summary>Compositions as users write them: the library recipes, deep nesting, and values taken from the formulas.</summary>
public class CompositionTests
{
    [Fact]
    public void Optax_warmup_cosine_decay_is_a_cosine_over_the_remaining_steps_with_a_linear_warmup()
    {
        // warmup_cosine_decay_schedule(init_value=0, peak_value=0.1, warmup_steps=10, decay_steps=100, end_value=0.001):
        // decay_steps includes the warmup, so the cosine runs for 90 steps.
        var cosine = Schedule.Cosine(0.1, 0.001, 90);
        var schedule = cosine.WithLinearWarmup(10);

        schedule.ShouldHaveRate(0, 0.0);
        schedule.ShouldHaveRate(5, 0.05);
        schedule.ShouldHaveRate(9, 0.1 * 0.9);
        schedule.ShouldHaveRate(10, 0.1);
        schedule.ShouldHaveRate(11, cosine.GetLearningRate(1));
        schedule.ShouldHaveRate(55, 0.001 + (0.099 * 0.5), ScheduleAssertions.Tight);
        schedule.ShouldHaveRate(100, 0.001);
        schedule.ShouldHaveRate(long.MaxValue, 0.001);
    }

    [Fact]
    public void A_deep_composition_equals_its_formula_at_every_probe_and_allocates_nothing()
    {
        var warmupCosine = Schedule.Cosine(0.1, 0.001, 900).WithLinearWarmup(100);
        var tail = new UserSchedule().Scale(0.001);
        var schedule = Schedule.Product(Schedule.Join([warmupCosine, tail], [1_000]), Schedule.MultiStep(1.0, [500], 0.5))
            .WithFloor(0.0001)
            .Delay(10)
            .PerEpoch(2);

        static double Expected(long step)
        {
            long t = Math.Max(0, (step / 2) - 10);
            double joined = t < 100
                ? 0.1 * (t / 100.0)
                : t < 1_000
                    ? 0.001 + (0.099 * 0.5 * (1 + Math.Cos(Math.PI * (t - 100) / 900)))
                    : 0.001 * (1.0 / (1.0 + (t - 1_000)));
            double multiplied = joined * (t < 500 ? 1.0 : 0.5);
            return Math.Max(multiplied, 0.0001);
        }

        foreach (long step in ScheduleContract.ProbeSteps.Concat([20, 21, 22, 219, 220, 221, 1_019, 1_020, 1_021, 2_019, 2_020, 2_022]))
        {
            schedule.ShouldHaveRate(step, Expected(step), ScheduleAssertions.Tight);
        }

        ScheduleContract.Holds(schedule, [219, 220, 221, 2_020]);
    }

    [Fact]
    public void Combinators_expose_the_tree_they_were_built_from()
    {
        var cosine = Schedule.Cosine(0.1, 0.001, 900);
        var schedule = (EpochSchedule)cosine.WithLinearWarmup(100).Scale(2.0).PerEpoch(10);

        var scaled = schedule.Inner.Should().BeOfType<ScaledSchedule>().Subject;
        var warmup = scaled.Inner.Should().BeOfType<WarmupSchedule>().Subject;
        warmup.Inner.Should().BeSameAs(cosine);
    }
}
