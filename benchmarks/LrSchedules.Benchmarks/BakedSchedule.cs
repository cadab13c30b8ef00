namespace LrSchedules.Benchmarks;

/// <summary>
/// "Bake the first n steps into an array": what a precomputed table would cost and save. Not part of the library;
/// it exists here only to be measured against the closed form (see <c>docs/benchmarks/README.md</c>).
/// </summary>
/// <remarks>Holds <c>8 · n</c> bytes; steps at or past <c>n</c> fall back to the closed form.</remarks>
public sealed class BakedSchedule : ILearningRateSchedule
{
    private readonly double[] _table;
    private readonly ILearningRateSchedule _inner;

    public BakedSchedule(ILearningRateSchedule inner, int steps)
    {
        _inner = inner;
        _table = new double[steps];
        for (int step = 0; step < steps; step++)
        {
            _table[step] = inner.GetLearningRate(step);
        }
    }

    /// <summary>Gets the size of the table in bytes.</summary>
    public long TableBytes => (long)_table.Length * sizeof(double);

    // A negative step is far above the table as an unsigned number, so the inner schedule rejects it.
    public double GetLearningRate(long step) =>
        (ulong)step < (ulong)_table.Length ? _table[step] : _inner.GetLearningRate(step);
}
