using System.Numerics;
using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>The batch sizes a schedule may use: every multiple of a number, or every power of two.</summary>
/// <remarks>
/// <para>Batch sizes are usually powers of two or multiples of the device count; a schedule that computes a batch size
/// (a growth by a factor, <see cref="BatchSchedule.IncreaseBatchSizeInsteadOfDecay"/>) rounds it to the granularity the
/// user picks with <see cref="Round"/>.</para>
/// <para>Rounding is to the nearest allowed size: for multiples of <c>k</c>, the nearest multiple, halves rounded up;
/// for powers of two, the nearest in ratio (the boundary between <c>2^n</c> and <c>2^(n+1)</c> is <c>2^n·√2</c>), so the
/// relative error is at most <c>√2</c> either way. The result is never below the smallest allowed size.</para>
/// <para>Immutable and thread-safe.</para>
/// <para>Public because a caller passes it to say which batch sizes the hardware or loader accepts.</para>
/// </remarks>
[ConfigurationFactories]
public sealed class BatchSizeGranularity
{
    /// <summary>The largest value <see cref="Round"/> accepts: 2^62.</summary>
    private const double LargestRoundable = 4_611_686_018_427_387_904.0;

    private BatchSizeGranularity(long multiple, bool isPowerOfTwo)
    {
        Multiple = multiple;
        IsPowerOfTwo = isPowerOfTwo;
    }

    /// <summary>Gets the granularity that allows every batch size ≥ 1 (multiples of 1).</summary>
    public static BatchSizeGranularity Any { get; } = new(1, false);

    /// <summary>Gets the granularity that allows the powers of two: 1, 2, 4, 8, ...</summary>
    public static BatchSizeGranularity PowerOfTwo { get; } = new(1, true);

    /// <summary>Gets the number every allowed batch size is a multiple of; 1 for <see cref="PowerOfTwo"/>.</summary>
    public long Multiple { get; }

    /// <summary>Gets a value indicating whether the allowed batch sizes are the powers of two.</summary>
    public bool IsPowerOfTwo { get; }

    /// <summary>Gets the smallest allowed batch size: <see cref="Multiple"/>, or 1 for <see cref="PowerOfTwo"/>.</summary>
    public long Smallest => Multiple;

    /// <summary>Creates the granularity that allows the multiples of <paramref name="multiple"/>.</summary>
    /// <param name="multiple">The number every batch size must be a multiple of, such as the number of devices; &gt; 0.</param>
    /// <returns>A granularity; <see cref="Any"/> when <paramref name="multiple"/> is 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="multiple"/> is 0 or negative.</exception>
    public static BatchSizeGranularity MultipleOf(long multiple) =>
        Preconditions.Positive(multiple) == 1 ? Any : new BatchSizeGranularity(multiple, false).Declared(nameof(MultipleOf), multiple);

    /// <summary>Tells whether <paramref name="batchSize"/> is allowed.</summary>
    /// <param name="batchSize">A batch size.</param>
    /// <returns><see langword="true"/> when <paramref name="batchSize"/> is &gt; 0 and a multiple of <see cref="Multiple"/> (or a power of two).</returns>
    public bool Allows(long batchSize) =>
        batchSize > 0 && (IsPowerOfTwo ? BitOperations.IsPow2(batchSize) : batchSize % Multiple == 0);

    /// <summary>Rounds a batch size to the nearest allowed one (see the remarks of <see cref="BatchSizeGranularity"/>).</summary>
    /// <param name="batchSize">The batch size to round; finite, &gt; 0 and ≤ 2^62.</param>
    /// <returns>The nearest allowed batch size, at least <see cref="Smallest"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not in (0, 2^62].</exception>
    public long Round(double batchSize) =>
        RoundUnchecked(Preconditions.InRange(batchSize, 0.0, false, LargestRoundable, true));

    /// <inheritdoc />
    public override string ToString() =>
        IsPowerOfTwo ? "powers of two" : FormattableString.Invariant($"multiples of {Multiple}");

    /// <summary>Rounds a value the caller guarantees to be &gt; 0; values past 2^62 are rounded as 2^62.</summary>
    internal long RoundUnchecked(double batchSize)
    {
        batchSize = Math.Min(batchSize, LargestRoundable);
        if (IsPowerOfTwo)
        {
            // Stryker disable once Equality : at exactly 1.0 the general branch also returns 1 (below = 1, 1 < √2)
            if (batchSize <= 1.0)
            {
                return 1;
            }

            long below = 1L << (63 - BitOperations.LeadingZeroCount((ulong)(long)batchSize));
            return batchSize >= below * Math.Sqrt(2.0) ? below << 1 : below;
        }

        // At least one multiple. The product cannot overflow: two or more multiples need batchSize / Multiple >= 1.5, so
        // Multiple <= 2^62 / 1.5 and the product is at most batchSize + Multiple / 2 < 2^63.
        double multiples = Math.Round(batchSize / Multiple, MidpointRounding.AwayFromZero);
        return Math.Max((long)multiples, 1L) * Multiple;
    }
}
