namespace LrSchedules.Tests.Contract;

/// <summary>
/// The rejections a user reads: each kind of check of the one validation policy (Internal/Preconditions.cs), seen
/// through a public factory, names the parameter, the element's index, the value and the requirement, and its message is
/// exactly <c>{parameter}[{index}] must be {requirement} but was {value}.</c>
/// </summary>
public class ValidationMessageTests
{
    public static TheoryData<string, Func<object>, string, int?, object, string> Rejections => new()
    {
        { "a non-finite number", () => Schedule.Tanh(0.1, 0.0, 100, lowerBound: double.NaN), "lowerBound", null, double.NaN, "a finite number" },
        { "a factor that is not > 0", () => Schedule.CosineWarmRestarts(0.1, 0.0, 100, kDecay: 0.0), "kDecay", null, 0.0, "a finite number > 0" },
        { "a fraction outside [0, 1]", () => Schedule.OneCycle(0.1, 100, warmupFraction: 1.5), "warmupFraction", null, 1.5, "in [0, 1]" },
        { "a factor outside (0, 1]", () => Schedule.Cyclic(0.1, 0.2, 10, decayFactor: 1.5), "decayFactor", null, 1.5, "in (0, 1]" },
        { "a smoothing outside [0, 1)", () => AdaptiveBatching.NoiseScale(1.0), "smoothing", null, 1.0, "in [0, 1)" },
        { "an undefined enum value", () => Schedule.Constant(0.1).WithLinearWarmup(10, placement: (WarmupPlacement)9), "placement", null, (WarmupPlacement)9, "one of Prefix, Overlay" },
        { "a curve the factory does not implement", () => Schedule.OneCycle(0.1, 100, curve: Curve.OneMinusSquareRoot), "curve", null, Curve.OneMinusSquareRoot, "one of Linear, Cosine" },
        { "a count below its least value", () => BatchSchedule.LinearRamp(32, 32, 1_000, 32), "finalBatchSize", null, 32L, ">= 33" },
        { "a repeated milestone", () => Schedule.MultiStep(0.1, [5, 5, 9], 0.5), "milestones", 1, 5L, "> milestones[0] = 5 (strictly increasing)" },
        { "a position out of order", () => Schedule.PiecewiseInterpolated([0.1, 0.2, 0.3], [0.0, 2.5, 1.0]), "positions", 2, 1.0, "> positions[1] = 2.5 (strictly increasing)" },
        { "a non-finite position", () => Schedule.PiecewiseInterpolated([0.1, 0.2, 0.3], [0.0, double.NaN, 1.0]), "positions", 1, double.NaN, "a finite number" },
        { "an infinite last position", () => Schedule.PiecewiseInterpolated([0.1, 0.2], [0.0, double.PositiveInfinity]), "positions", 1, double.PositiveInfinity, "a finite number" },
        { "a negative rate in a list", () => Schedule.PiecewiseConstant([0.1, -0.5], [10]), "learningRates", 1, -0.5, "a finite number >= 0" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void A_rejection_names_the_parameter_the_index_the_value_and_the_requirement(string what, Func<object> build, string parameter, int? index, object value, string requirement)
    {
        ScheduleArgumentException rejection = build.Should().Throw<ScheduleArgumentException>(what).Which;

        rejection.ParamName.Should().Be(parameter, what);
        rejection.Index.Should().Be(index, what);
        rejection.ActualValue.Should().Be(value, what);
        rejection.Requirement.Should().Be(requirement, what);
        string where = index is int i ? $"{parameter}[{i}]" : parameter;
        rejection.Message.Should().Be($"{where} must be {requirement} but was {Preconditions.Format(value)}.", what);
    }

    [Fact]
    public void A_negative_step_is_rejected_naming_the_step()
    {
        LearningRateSchedule schedule = Schedule.Constant(0.1);

        ArgumentOutOfRangeException rejection = schedule.Invoking(s => s.GetLearningRate(-3L)).Should().Throw<ArgumentOutOfRangeException>().Which;

        rejection.ParamName.Should().Be("step");
        rejection.ActualValue.Should().Be(-3L);
        rejection.Message.Should().StartWith("step must be >= 0 but was -3.");
    }

    [Theory]
    [InlineData(-0.5, "-0.5")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void A_bad_position_is_rejected_naming_the_position(double position, string shown)
    {
        LearningRateSchedule schedule = Schedule.Constant(0.1);

        ArgumentOutOfRangeException rejection = schedule.Invoking(s => s.GetLearningRate(position)).Should().Throw<ArgumentOutOfRangeException>().Which;

        rejection.ParamName.Should().Be("position");
        rejection.Message.Should().StartWith($"position must be a finite number >= 0 but was {shown}.");
    }

    [Fact]
    public void A_value_that_is_null_or_shows_as_null_is_written_so()
    {
        new ScheduleArgumentException("schedule", null, "present").Message.Should().Be("schedule must be present but was null.");
        new ScheduleArgumentException("schedule", new ShownAsNull(), "a schedule").Message.Should().Be("schedule must be a schedule but was .");
    }

    [Fact]
    public void A_value_that_is_neither_a_number_nor_null_is_shown_by_its_own_text()
    {
        var options = new ReduceOnPlateauOptions { Factor = 2.0 };

        ScheduleArgumentException rejection = FluentActions.Invoking(() => Schedule.Constant(0.1).ReduceOnPlateau(options)).Should().Throw<ScheduleArgumentException>().Which;

        rejection.Message.Should().EndWith($" but was {options}.");
        options.ToString().Should().StartWith("ReduceOnPlateauOptions { Mode = Min, Factor = 2,");
    }

    [Fact]
    public void Without_a_parameter_name_the_message_starts_with_the_requirement()
    {
        var rejection = new ScheduleArgumentException(null!, 1.5, "in [0, 1]", 2);

        rejection.ParamName.Should().BeNull();
        rejection.Message.Should().Be("[2] must be in [0, 1] but was 1.5.");
        new ScheduleArgumentException(null!, 1.5, "in [0, 1]").Message.Should().Be(" must be in [0, 1] but was 1.5.");
    }

    private sealed class ShownAsNull
    {
        public override string? ToString() => null;
    }
}
