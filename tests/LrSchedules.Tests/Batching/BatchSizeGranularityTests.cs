namespace LrSchedules.Tests.Batching;

public class BatchSizeGranularityTests
{
    [Theory]
    [InlineData(49.99999999999999, 50)]
    [InlineData(50.00000000000001, 50)]
    [InlineData(44.9, 40)]
    [InlineData(45.0, 50)]
    [InlineData(3.0, 10)]
    [InlineData(1e-300, 10)]
    public void Multiple_rounds_to_the_nearest_multiple_halves_up_never_below_the_multiple(double batchSize, long expected) =>
        BatchSizeGranularity.MultipleOf(10).Round(batchSize).Should().Be(expected);

    [Theory]
    [InlineData(0.3, 1)]
    [InlineData(1.0, 1)]
    [InlineData(1.4, 1)]
    [InlineData(1.5, 2)]
    [InlineData(45.0, 32)]
    [InlineData(45.26, 64)]
    [InlineData(64.0, 64)]
    [InlineData(4_611_686_018_427_387_904.0, 4_611_686_018_427_387_904)]
    public void Power_of_two_rounds_to_the_nearest_in_ratio(double batchSize, long expected) =>
        BatchSizeGranularity.PowerOfTwo.Round(batchSize).Should().Be(expected);

    [Theory]
    [InlineData(1L)]
    [InlineData(32L)]
    [InlineData(1L << 40)]
    public void Power_of_two_rounds_the_boundary_2_pow_n_root_2_up_and_just_below_it_down(long power)
    {
        // The boundary between 2^n and 2^(n+1) is 2^n · √2, which is a double exactly (√2 scaled by a power of two);
        // like a half between two multiples, it rounds up.
        double boundary = power * Math.Sqrt(2.0);
        BatchSizeGranularity.PowerOfTwo.Round(boundary).Should().Be(2 * power);
        BatchSizeGranularity.PowerOfTwo.Round(Math.BitDecrement(boundary)).Should().Be(power);
    }

    [Fact]
    public void Any_rounds_to_the_nearest_whole_batch_of_at_least_one()
    {
        BatchSizeGranularity.Any.Round(0.2).Should().Be(1);
        BatchSizeGranularity.Any.Round(7.5).Should().Be(8);
        BatchSizeGranularity.MultipleOf(1).Should().BeSameAs(BatchSizeGranularity.Any);
    }

    [Fact]
    public void Allows_says_which_sizes_are_allowed()
    {
        BatchSizeGranularity.MultipleOf(8).Allows(24).Should().BeTrue();
        BatchSizeGranularity.MultipleOf(8).Allows(20).Should().BeFalse();
        BatchSizeGranularity.MultipleOf(8).Allows(0).Should().BeFalse();
        BatchSizeGranularity.PowerOfTwo.Allows(1).Should().BeTrue();
        BatchSizeGranularity.PowerOfTwo.Allows(96).Should().BeFalse();
        BatchSizeGranularity.Any.Allows(-3).Should().BeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-8)]
    public void MultipleOf_rejects_a_multiple_that_is_not_positive(long multiple) =>
        FluentActions.Invoking(() => BatchSizeGranularity.MultipleOf(multiple))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("multiple");

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e19)]
    public void Round_rejects_sizes_outside_0_to_2_pow_62(double batchSize) =>
        FluentActions.Invoking(() => BatchSizeGranularity.PowerOfTwo.Round(batchSize))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("batchSize");
}
