using LrSchedules.Tests.Contract;

namespace LrSchedules.Porting.Tests;

/// <summary>
/// OLMo-core's schedulers against data/reference.py (every get_lr transcribed from src/olmo_core/optim/scheduler.py
/// @ fa6c5014): lr = 3e-4, t_max = 1000 unless said otherwise; the step is OLMo's <c>current</c>.
/// </summary>
public class OlmoCoreTests
{
    public static TheoryData<string> Cases() =>
    [
        "constant_with_warmup", "wsd", "power", "linear", "invsqrt", "cos", "halfcos", "coslinear", "exponential", "wsds", "sequential",
    ];

    private static LearningRateSchedule Build(string name) => name switch
    {
        "constant_with_warmup" => OlmoCore.ConstantWithWarmup(3e-4, 1000, warmupFraction: 0.0125, warmupMinLr: 1e-5),
        "wsd" => OlmoCore.WSD(3e-4, 1000, warmup: 10, decayFraction: 0.1, warmupMinLr: 1e-5, decayMinLr: 3e-5),
        "power" => OlmoCore.PowerLR(3e-4, 1000, warmupFraction: 0.0125, decayFraction: 0.1, decayMinLr: 1e-6),
        "linear" => OlmoCore.LinearWithWarmup(3e-4, 1000, warmup: 10),
        "invsqrt" => OlmoCore.InvSqrtWithWarmup(3e-4, 1000, warmup: 10),
        "cos" => OlmoCore.CosWithWarmup(3e-4, 1000, warmup: 10),
        "halfcos" => OlmoCore.HalfCosWithWarmup(3e-4, 1000, warmup: 10),
        "coslinear" => OlmoCore.CosWithWarmupAndLinearDecay(3e-4, 1000, warmup: 10, decay: 100, decayFraction: null),
        "exponential" => OlmoCore.ExponentialScheduler(1e-2, 1000, lrMin: 1e-7),
        "wsds" => OlmoCore.WSDS(3e-4, [100, 50, 50], [1.0, 0.5, 0.25], warmup: 10, decayFraction: 0.2, decayMinLr: 1e-6),
        "sequential" => OlmoCore.SequentialScheduler(
            3e-4,
            1000,
            [
                OlmoCore.ConstantWithWarmup(1, 1, warmup: 10),
                OlmoCore.LinearWithWarmup(1, 1, alphaF: 0.5, warmup: 0),
                OlmoCore.CosWithWarmup(1, 1, warmup: 0),
            ],
            [100, 400]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_value_matches_OLMo(string name)
    {
        LearningRateSchedule schedule = Build(name);
        foreach ((long step, double[] values) in Reference.Case("olmo_" + name))
        {
            schedule.GetLearningRate(step).Should().BeApproximately(values[0], 1e-15 * values[0], $"{name} at current = {step}");
        }

        ScheduleContract.Holds(schedule);
    }

    [Fact]
    public void Warmup_fraction_rounds_half_to_even_as_python()
    {
        // round(1000 * 0.0125) = round(12.5) = 12: the warmup ends at 12, not 13.
        LearningRateSchedule schedule = OlmoCore.ConstantWithWarmup(3e-4, 1000, warmupFraction: 0.0125);
        schedule.GetLearningRate(12).Should().Be(3e-4);
        schedule.GetLearningRate(11).Should().BeLessThan(3e-4);

        // round(1000 * 0.0135) = 14 (13.5 rounds to the even 14).
        OlmoCore.ConstantWithWarmup(3e-4, 1000, warmupFraction: 0.0135).GetLearningRate(13).Should().BeLessThan(3e-4);
    }

    [Fact]
    public void Past_t_max_the_tails_hold_their_floor_where_OLMo_extrapolates_below_it()
    {
        OlmoCore.WSD(3e-4, 1000, warmup: 10, decayMinLr: 3e-5).GetLearningRate(5000).Should().Be(3e-5);
        OlmoCore.PowerLR(3e-4, 1000, warmupFraction: 0.0125, decayMinLr: 1e-6).GetLearningRate(long.MaxValue).Should().Be(1e-6);
    }

    [Fact]
    public void Half_cosine_warms_up_to_the_midpoint()
    {
        LearningRateSchedule schedule = OlmoCore.HalfCosWithWarmup(3e-4, 1000, warmup: 10);
        schedule.GetLearningRate(9).Should().BeLessThan(3e-5 + ((3e-4 - 3e-5) / 2));
        schedule.GetLearningRate(10).Should().BeApproximately(3e-5 + ((3e-4 - 3e-5) / 2), 1e-18);
    }

    [Fact]
    public void Decay_with_its_default_fraction_is_rejected_as_in_OLMo()
    {
        Action build = () => OlmoCore.WSD(3e-4, 1000, warmup: 10, decay: 100);
        build.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "decayFraction").WithMessage("*Never both*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void Power_law_exponent_must_be_negative(double b)
    {
        Action build = () => OlmoCore.PowerLR(3e-4, 1000, b, warmup: 10);
        build.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "b" && Equals(e.ActualValue, b));
    }

    [Fact]
    public void Warmup_min_lr_above_the_rate_breaks_OLMo_assert()
    {
        Action build = () => OlmoCore.CosWithWarmup(1e-4, 1000, warmup: 10, warmupMinLr: 2e-4);
        build.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "warmupMinLr");
    }

    [Fact]
    public void Sequential_takes_only_OLMo_schedulers()
    {
        Action build = () => OlmoCore.SequentialScheduler(3e-4, 1000, [Schedule.Constant(1)], []);
        build.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "schedulers" && e.Index == 0);
    }

    [Fact]
    public void Wsds_rejects_a_first_period_too_short_for_warmup_and_decay()
    {
        Action build = () => OlmoCore.WSDS(3e-4, [10, 50], warmup: 8, decay: 5);
        build.Should().Throw<ScheduleArgumentException>().Where(e => e.ParamName == "warmup");
    }
}
