namespace LrSchedules.Tests.Batching;

public class BatchSizeScheduleTests
{
    [Fact]
    public void Constant_gives_the_same_batch_everywhere()
    {
        ConstantBatchSizeSchedule schedule = (ConstantBatchSizeSchedule)BatchSchedule.ConstantBatchSize(32);
        schedule.GetBatchSize(0).Should().Be(32);
        schedule.GetBatchSize(long.MaxValue).Should().Be(32);
        schedule.BatchSize.Should().Be(32);
        schedule.Changes.Should().BeEmpty();
    }

    [Fact]
    public void StepGrowth_multiplies_at_milestones_up_to_the_ceiling()
    {
        StepGrowthBatchSizeSchedule schedule = (StepGrowthBatchSizeSchedule)BatchSchedule.StepGrowth(10, 5.0, [30, 45, 55], TrainingClock.Epochs, 250);
        new[] { 0L, 29, 30, 31, 44, 45, 46, 54, 55, long.MaxValue }.Select(schedule.GetBatchSize)
            .Should().Equal(10, 10, 50, 50, 50, 250, 250, 250, 250, 250);
        schedule.Changes.Should().Equal(new BatchSizeChange(30, 50), new BatchSizeChange(45, 250));
        schedule.LargestBatchSize.Should().Be(250);
        schedule.Clock.Should().Be(TrainingClock.Epochs);
    }

    [Fact]
    public void StepGrowth_accepts_the_largest_finite_growth_factor_and_jumps_to_the_maximum_at_the_first_milestone()
    {
        StepGrowthBatchSizeSchedule schedule = (StepGrowthBatchSizeSchedule)BatchSchedule.StepGrowth(8, double.MaxValue, [3], TrainingClock.Epochs, 64);
        new[] { 0L, 2, 3, long.MaxValue }.Select(schedule.GetBatchSize).Should().Equal(8, 8, 64, 64);
        schedule.Granularity.Should().Be(BatchSizeGranularity.Any, "no granularity given is any batch size");
    }

    [Fact]
    public void LinearRamp_accepts_exactly_a_million_increments_and_rejects_one_more()
    {
        BatchSizeSchedule ramp = BatchSchedule.LinearRamp(1, 1, 1_000_000, 1_000_001);
        ramp.GetBatchSize(1_000_000).Should().Be(1_000_001);
        FluentActions.Invoking(() => BatchSchedule.LinearRamp(1, 1, 1_000_000, 1_000_002))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("batchSizeIncrement")
            .Which.Requirement.Should().Be(">= (finalBatchSize - initialBatchSize) / 1000000 = 1, so that the ramp has at most 1000000 increments");
    }

    [Fact]
    public void StepGrowth_rounds_the_exact_product_not_the_previous_size()
    {
        // 32 · 1.5^k = 48, 72, 108, 162, 243: to the nearest power of two in ratio, 64, 64, 128, 128, 256.
        StepGrowthBatchSizeSchedule schedule = (StepGrowthBatchSizeSchedule)BatchSchedule.StepGrowth(32, 1.5, [1, 2, 3, 4, 5], TrainingClock.Steps, 256, BatchSizeGranularity.PowerOfTwo);
        Enumerable.Range(0, 6).Select(s => schedule.GetBatchSize(s)).Should().Equal(32, 64, 64, 128, 128, 256);
        schedule.Changes.Should().Equal(new BatchSizeChange(1, 64), new BatchSizeChange(3, 128), new BatchSizeChange(5, 256));
    }

    [Fact]
    public void StepGrowth_copies_its_milestones()
    {
        long[] milestones = [2, 4];
        StepGrowthBatchSizeSchedule schedule = (StepGrowthBatchSizeSchedule)BatchSchedule.StepGrowth(8, 2.0, milestones, TrainingClock.Epochs, 64);
        milestones[0] = 3;
        schedule.Milestones.Should().Equal(2, 4);
        schedule.GetBatchSize(2).Should().Be(16);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void StepGrowth_rejects_a_growth_factor_that_does_not_grow(double growthFactor) =>
        FluentActions.Invoking(() => BatchSchedule.StepGrowth(8, growthFactor, [1], TrainingClock.Epochs, 64))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("growthFactor").WithMessage("growthFactor must be in (1, *");

    [Theory]
    [InlineData(0, 64, "initialBatchSize", 0, "> 0")]
    [InlineData(-8, 64, "initialBatchSize", -8, "> 0")]
    [InlineData(128, 64, "maximumBatchSize", 64, ">= 128")]
    public void StepGrowth_rejects_bad_batch_sizes(long initial, long maximum, string parameter, long value, string requirement)
    {
        var rejection = FluentActions.Invoking(() => BatchSchedule.StepGrowth(initial, 2.0, [1], TrainingClock.Epochs, maximum))
            .Should().Throw<ScheduleArgumentException>().Which;
        (rejection.ParamName, rejection.ActualValue, rejection.Requirement).Should().Be((parameter, (object)value, requirement));
    }

    [Fact]
    public void StepGrowth_reaches_a_maximum_above_the_rounding_limit_of_2_to_the_62()
    {
        // 3 · 2^59 doubled twice is exactly the maximum 3 · 2^61 = 6 917 529 027 641 081 856, which lies past 2^62: the ceiling
        // applies as such, not through rounding (which stops at 2^62).
        StepGrowthBatchSizeSchedule schedule = (StepGrowthBatchSizeSchedule)BatchSchedule.StepGrowth(3L << 59, 2.0, [1, 2], TrainingClock.Steps, 3L << 61);
        new[] { 0L, 1, 2, long.MaxValue }.Select(schedule.GetBatchSize)
            .Should().Equal(1_729_382_256_910_270_464, 3_458_764_513_820_540_928, 6_917_529_027_641_081_856, 6_917_529_027_641_081_856);

        // Past the maximum (2^61 · 2 · 2 = 2^63 > 3 · 2^61) the ceiling applies too.
        BatchSchedule.StepGrowth(1L << 61, 2.0, [1, 2], TrainingClock.Steps, 3L << 61).GetBatchSize(2).Should().Be(6_917_529_027_641_081_856);
    }

    [Fact]
    public void LinearRamp_accepts_a_million_increments_larger_than_one()
    {
        // 2 000 000 / 2 = 1 000 000 increments of 2, over 1 000 000 samples: one increment per sample.
        BatchSizeSchedule ramp = BatchSchedule.LinearRamp(1, 2, 1_000_000, 2_000_001);
        new[] { 0L, 1, 999_999, 1_000_000 }.Select(ramp.GetBatchSize).Should().Equal(1, 3, 1_999_999, 2_000_001);
    }

    [Fact]
    public void StepGrowth_rejects_a_granularity_that_does_not_divide_the_ceiling() =>
        FluentActions.Invoking(() => BatchSchedule.StepGrowth(32, 2.0, [1], TrainingClock.Epochs, 100, BatchSizeGranularity.MultipleOf(32)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maximumBatchSize")
            .WithMessage("maximumBatchSize must be allowed by the granularity (multiples of 32) but was 100.*");

    [Fact]
    public void StepGrowth_rejects_an_initial_batch_outside_the_granularity() =>
        FluentActions.Invoking(() => BatchSchedule.StepGrowth(48, 2.0, [1], TrainingClock.Epochs, 256, BatchSizeGranularity.PowerOfTwo))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("initialBatchSize").WithMessage("*powers of two*48*");

    [Fact]
    public void StepGrowth_rejects_bad_milestones_and_clock()
    {
        FluentActions.Invoking(() => BatchSchedule.StepGrowth(8, 2.0, [0, 4], TrainingClock.Epochs, 64))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("milestones");
        FluentActions.Invoking(() => BatchSchedule.StepGrowth(8, 2.0, [4, 4], TrainingClock.Epochs, 64))
            .Should().Throw<ArgumentException>().WithParameterName("milestones");
        FluentActions.Invoking(() => BatchSchedule.StepGrowth(8, 2.0, null!, TrainingClock.Epochs, 64))
            .Should().Throw<ArgumentNullException>().WithParameterName("milestones");
        FluentActions.Invoking(() => BatchSchedule.StepGrowth(8, 2.0, [1], (TrainingClock)9, 64))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("clock");
    }

    [Fact]
    public void LinearRamp_from_the_largest_batch_size_is_rejected_naming_it_not_overflowing()
    {
        var ramp = () => BatchSchedule.LinearRamp(long.MaxValue, 1, 100, long.MaxValue);

        var rejection = ramp.Should().Throw<ScheduleArgumentException>().Which;
        rejection.ParamName.Should().Be("initialBatchSize");
        rejection.ActualValue.Should().Be(long.MaxValue);
        rejection.Message.Should().Be("initialBatchSize must be < long.MaxValue, so that the batch can grow but was 9223372036854775807.");
        BatchSchedule.LinearRamp(long.MaxValue - 1, 1, 100, long.MaxValue).GetBatchSize(100).Should().Be(long.MaxValue);
    }

    [Fact]
    public void LinearRamp_grows_in_increments_spread_over_the_samples()
    {
        LinearRampBatchSizeSchedule schedule = (LinearRampBatchSizeSchedule)BatchSchedule.LinearRamp(32, 32, 100, 96);
        new[] { 0L, 49, 50, 99, 100, long.MaxValue }.Select(schedule.GetBatchSize).Should().Equal(32, 32, 64, 64, 96, 96);
        schedule.Clock.Should().Be(TrainingClock.Samples);
        (schedule.InitialBatchSize, schedule.BatchSizeIncrement, schedule.RampSamples, schedule.FinalBatchSize).Should().Be((32L, 32L, 100L, 96L));
    }

    [Theory]
    [InlineData(32, 32, 100, 96)]
    [InlineData(16, 16, 300, 64)]
    [InlineData(1, 1, 3, 11)]
    [InlineData(32, 8, 1_000, 512)]
    [InlineData(64, 64, 12_345, 1_024)]
    public void LinearRamp_matches_Megatron_at_every_sample_count(long start, long increment, long rampSamples, long final)
    {
        LinearRampBatchSizeSchedule schedule = (LinearRampBatchSizeSchedule)BatchSchedule.LinearRamp(start, increment, rampSamples, final);
        long increments = (final - start) / increment;
        double samplesPerIncrement = rampSamples / (double)increments;
        for (long consumed = 0; consumed <= rampSamples + 5; consumed++)
        {
            // megatron/core/num_microbatches_calculator.py, RampupBatchsizeNumMicroBatchesCalculator.update
            long megatron = consumed > rampSamples ? final : start + ((long)(consumed / samplesPerIncrement) * increment);
            schedule.GetBatchSize(consumed).Should().Be(megatron, $"{consumed} samples consumed");
        }
    }

    [Fact]
    public void LinearRamp_over_quadrillions_of_samples_matches_Megatron_where_its_doubles_round_below_the_exact_threshold()
    {
        // R = 6 041 981 791 226 188 samples (< 2^53, so R / 5 is the correctly rounded quotient in C# as in Python),
        // 5 increments: s / (R / 5) is rounded in doubles, and Megatron's first s with int(s / (R / 5)) >= 2 is before
        // the exact ceil(2 R / 5). Check every sample near each exact threshold against
        // megatron/core/num_microbatches_calculator.py (RampupBatchsizeNumMicroBatchesCalculator.update).
        const long rampSamples = 6_041_981_791_226_188;
        BatchSizeSchedule schedule = BatchSchedule.LinearRamp(8, 8, rampSamples, 48);
        double samplesPerIncrement = rampSamples / 5.0;
        var samples = new List<long> { 0, rampSamples, rampSamples + 1 };
        for (long k = 1; k <= 5; k++)
        {
            long exact = (long)((((Int128)k * rampSamples) + 4) / 5);
            for (long s = exact - 20; s <= exact + 20; s++)
            {
                samples.Add(s);
            }
        }

        foreach (long consumed in samples)
        {
            long megatron = consumed > rampSamples ? 48 : 8 + ((long)(consumed / samplesPerIncrement) * 8);
            schedule.GetBatchSize(consumed).Should().Be(megatron, $"{consumed} samples consumed");
        }
    }

    [Fact]
    public void LinearRamp_shorter_than_its_increments_skips_sizes_as_Megatron_does() =>
        BatchSchedule.LinearRamp(1, 1, 3, 11).Changes.Should().Equal(new BatchSizeChange(1, 4), new BatchSizeChange(2, 7), new BatchSizeChange(3, 11));

    [Theory]
    [InlineData(0, 32, 100, 96, "initialBatchSize")]
    [InlineData(32, 0, 100, 96, "batchSizeIncrement")]
    [InlineData(32, 32, 0, 96, "rampSamples")]
    [InlineData(32, 32, 100, 32, "finalBatchSize")]
    [InlineData(32, 32, 100, 16, "finalBatchSize")]
    [InlineData(1, 1, 100, 2_000_002, "batchSizeIncrement")]
    public void LinearRamp_rejects_bad_input(long start, long increment, long rampSamples, long final, string parameter) =>
        FluentActions.Invoking(() => BatchSchedule.LinearRamp(start, increment, rampSamples, final))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);

    [Fact]
    public void LinearRamp_rejects_more_than_a_million_increments_giving_the_smallest_increment_allowed() =>
        FluentActions.Invoking(() => BatchSchedule.LinearRamp(1, 1, 100, 2_000_002))
            .Should().Throw<ScheduleArgumentException>().Which.Message
            .Should().Be("batchSizeIncrement must be >= (finalBatchSize - initialBatchSize) / 1000000 = 2, so that the ramp has at most 1000000 increments but was 1.");

    [Fact]
    public void LinearRamp_rejects_an_increment_that_does_not_divide_the_range() =>
        FluentActions.Invoking(() => BatchSchedule.LinearRamp(32, 24, 100, 96))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("batchSizeIncrement")
            .WithMessage("batchSizeIncrement must be a divisor of finalBatchSize - initialBatchSize = 64 but was 24.*");

    [Fact]
    public void Piecewise_changes_at_each_threshold_and_leaves_out_changes_to_the_same_size()
    {
        BatchSizeChange[] changes = [new(3, 64), new(5, 64), new(9, 16)];
        PiecewiseBatchSizeSchedule schedule = (PiecewiseBatchSizeSchedule)BatchSchedule.Piecewise(32, changes, TrainingClock.Steps);
        changes[0] = new(4, 8);
        new[] { 0L, 2, 3, 8, 9, long.MaxValue }.Select(schedule.GetBatchSize).Should().Equal(32, 32, 64, 64, 16, 16);
        schedule.Changes.Should().Equal(new BatchSizeChange(3, 64), new BatchSizeChange(9, 16));
        schedule.LargestBatchSize.Should().Be(64);
    }

    [Fact]
    public void Piecewise_rejects_bad_changes()
    {
        FluentActions.Invoking(() => BatchSchedule.Piecewise(32, [new(0, 64)], TrainingClock.Steps))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("changes")
            .WithMessage("changes[0] must be a change whose Threshold is >= 1 (the batch size at 0 is initialBatchSize) but was 0.")
            .Which.Index.Should().Be(0);
        FluentActions.Invoking(() => BatchSchedule.Piecewise(32, [new(1, 64), new(2, 0)], TrainingClock.Steps))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("changes").WithMessage("changes[1] must be a change whose BatchSize is > 0 but was 0.")
            .Which.Index.Should().Be(1);
        FluentActions.Invoking(() => BatchSchedule.Piecewise(32, [new(2, 64), new(2, 8)], TrainingClock.Steps))
            .Should().Throw<ScheduleArgumentException>().WithParameterName("changes").WithMessage("*strictly increasing*")
            .Which.Index.Should().Be(1);
        FluentActions.Invoking(() => BatchSchedule.Piecewise(32, [new(1, 64), new(4, 8), new(3, 16)], TrainingClock.Steps))
            .Should().Throw<ScheduleArgumentException>()
            .WithMessage("changes[2] must be a change whose Threshold is > changes[1].Threshold = 4 (strictly increasing) but was 3.")
            .Which.Index.Should().Be(2);
        FluentActions.Invoking(() => BatchSchedule.Piecewise(-1, [], TrainingClock.Steps))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("initialBatchSize");
        FluentActions.Invoking(() => BatchSchedule.Piecewise(32, null!, TrainingClock.Steps))
            .Should().Throw<ArgumentNullException>().WithParameterName("changes");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-32)]
    public void Constant_rejects_a_batch_size_that_is_not_positive(long batchSize) =>
        FluentActions.Invoking(() => BatchSchedule.ConstantBatchSize(batchSize))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("batchSize").WithMessage("batchSize must be > 0 but was *");

    [Fact]
    public void GetBatchSize_rejects_a_negative_position() =>
        BatchSchedule.ConstantBatchSize(8).Invoking(s => s.GetBatchSize(-1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("position").WithMessage("position must be >= 0 but was -1.*");

    [Fact]
    public void BatchSizeChange_is_equal_only_when_threshold_and_batch_size_both_are()
    {
        var change = new BatchSizeChange(30, 50);
        (change == new BatchSizeChange(30, 50), change != new BatchSizeChange(30, 50)).Should().Be((true, false));
        (change == new BatchSizeChange(30, 250), change != new BatchSizeChange(30, 250)).Should().Be((false, true));
        (change == new BatchSizeChange(45, 50), change != new BatchSizeChange(45, 50)).Should().Be((false, true));
        change.Equals((object)new BatchSizeChange(30, 50)).Should().BeTrue();
        change.Equals((object)"30 -> 50").Should().BeFalse();
        change.GetHashCode().Should().Be(new BatchSizeChange(30, 50).GetHashCode());
        change.ToString().Should().Be("30 -> 50");
    }
}
