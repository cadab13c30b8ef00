namespace LrSchedules.Tests.Batching;

public static class BatchAssertions
{
    /// <summary>Asserts that a query allocates nothing, measured as <c>ScheduleContract.AllocatesNothing</c> does.</summary>
    public static void AllocatesNothing(Func<long> query)
    {
        long sink = 0;
        for (int round = 0; round < 3; round++)
        {
            sink += query();
        }

        long fewest = long.MaxValue;
        for (int attempt = 0; attempt < 5 && fewest > 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int round = 0; round < 1_000; round++)
            {
                sink += query();
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        fewest.Should().Be(0, $"the query must allocate nothing (sink {sink})");
    }
}
