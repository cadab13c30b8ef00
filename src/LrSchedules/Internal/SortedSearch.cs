namespace LrSchedules.Internal;

/// <summary>Binary searches over sorted boundaries: O(log n), allocation-free.</summary>
internal static class SortedSearch
{
    /// <summary>
    /// Returns how many of the ascending <paramref name="boundaries"/> are ≤ <paramref name="position"/>
    /// (Python's <c>bisect_right</c>).
    /// </summary>
    public static int CountAtOrBelow(double[] boundaries, double position)
    {
        int low = 0;
        int high = boundaries.Length;
        while (low < high)
        {
            // Stryker disable once Bitwise : high >= low, so high - low >= 0 and >> and >>> shift the same bits
            int middle = low + ((high - low) >> 1);
            if (boundaries[middle] <= position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>
    /// Returns how many of the ascending <paramref name="boundaries"/> are ≤ <paramref name="value"/>
    /// (Python's <c>bisect_right</c>), in exact integer arithmetic.
    /// </summary>
    public static int CountAtOrBelow(long[] boundaries, long value)
    {
        int low = 0;
        int high = boundaries.Length;
        while (low < high)
        {
            // Stryker disable once Bitwise : high >= low, so high - low >= 0 and >> and >>> shift the same bits
            int middle = low + ((high - low) >> 1);
            if (boundaries[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
