using System.Globalization;
using LrSchedules.Batching;
using TorchSharp;
using static TorchSharp.torch;

namespace LrSchedules.TorchSharp;

/// <summary>
/// Draws each step's batch of the size a <see cref="TrainingPlan"/> gives: the indices of the samples step <c>t</c>
/// draws, and the rows of the data tensors at those indices.
/// </summary>
/// <remarks>
/// <para><b>Which samples.</b> Step <c>t</c> of epoch <c>e</c> draws the samples at positions
/// <c>[s, s + b)</c> of epoch <c>e</c>'s order, where <c>s</c> is the samples of the epoch drawn before the step and
/// <c>b</c> its batch size (<see cref="TrainingPlan.GetPosition"/>: <c>SamplesSeenInEpoch</c> and <c>BatchSize</c>).
/// So a batch-size change in the middle of an epoch continues the same pass, the last batch of an epoch is smaller or
/// dropped as the plan's <see cref="LastBatch"/> says, and every sample is drawn once per epoch (all of them with
/// <see cref="LastBatch.Keep"/>).</para>
/// <para><b>Order.</b> Without shuffling, epoch <c>e</c>'s order is <c>0, 1, …, N − 1</c>. With shuffling it is a
/// Fisher–Yates permutation driven by SplitMix64 seeded from <c>(seed, e)</c>: the same on every machine, .NET
/// version and process, computed by this class rather than by <c>torch.randperm</c> (whose sequence depends on
/// LibTorch's generator). So the batch of any step depends only on the plan, the seed and the step: resuming at step
/// <c>t</c> draws what an uninterrupted run draws at <c>t</c>, and data-parallel workers agree without talking.</para>
/// <para><b>Cost.</b> The order of one epoch (<c>N</c> longs) is computed when a step of a new epoch is asked for and
/// kept until a step of another epoch is; <see cref="GetBatch"/> is then a position lookup and a slice, without
/// allocation. Thread-safe: concurrent callers may compute the same order twice, never see a wrong one.</para>
/// </remarks>
public sealed class PlannedBatchSampler
{
    private EpochOrder? _order;

    /// <summary>Initializes a sampler for a plan.</summary>
    /// <param name="plan">The plan that gives each step's epoch, offset in the epoch and batch size.</param>
    /// <param name="seed">The seed of the per-epoch orders.</param>
    /// <param name="shuffle">Whether each epoch visits the samples in a seeded random order (true) or in index order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">The plan's dataset is larger than an array can index (<see cref="Array.MaxLength"/>).</exception>
    public PlannedBatchSampler(TrainingPlan plan, int seed, bool shuffle = true)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.DatasetSize > Array.MaxLength)
        {
            throw new ScheduleArgumentException(
                nameof(plan),
                plan.DatasetSize,
                $"a plan over at most Array.MaxLength = {Array.MaxLength.ToString(CultureInfo.InvariantCulture)} samples");
        }

        Plan = plan;
        Seed = seed;
        Shuffle = shuffle;
    }

    /// <summary>Gets the plan.</summary>
    public TrainingPlan Plan { get; }

    /// <summary>Gets the seed of the per-epoch orders.</summary>
    public int Seed { get; }

    /// <summary>Gets whether each epoch visits the samples in a seeded random order.</summary>
    public bool Shuffle { get; }

    /// <summary>Gets the position of a step in the plan and the indices of the samples it draws.</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <returns>The step's position and its <c>BatchSize</c> sample indices, in <c>[0, DatasetSize)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public PlannedBatch GetBatch(long step)
    {
        TrainingPosition position = Plan.GetPosition(step);
        long[] order = OrderOf(position.Epoch);
        return new PlannedBatch(position, new ReadOnlyMemory<long>(order, (int)position.SamplesSeenInEpoch, (int)position.BatchSize));
    }

    /// <summary>Gets the rows of <paramref name="data"/> that a step draws: <c>data.index_select(0, indices)</c>.</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <param name="data">The whole training set, samples along dimension 0 (<c>DatasetSize</c> rows).</param>
    /// <returns>A new tensor of <c>BatchSize</c> rows, on <paramref name="data"/>'s device.</returns>
    /// <remarks>Needs TorchSharp's native library; the index tensor is created on <paramref name="data"/>'s device and disposed before returning.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public Tensor Take(long step, Tensor data)
    {
        ArgumentNullException.ThrowIfNull(data);
        PlannedBatch batch = GetBatch(step);
        using Tensor index = torch.tensor(batch.Indices.ToArray(), device: data.device);
        return data.index_select(0, index);
    }

    /// <summary>The order of an epoch's samples, from the cache when it is the epoch asked for last.</summary>
    private long[] OrderOf(long epoch)
    {
        EpochOrder? cached = Volatile.Read(ref _order);
        if (cached is null || cached.Epoch != epoch)
        {
            cached = new EpochOrder(epoch, ComputeOrder(epoch));
            Volatile.Write(ref _order, cached);
        }

        return cached.Order;
    }

    private long[] ComputeOrder(long epoch)
    {
        var order = new long[Plan.DatasetSize];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        if (Shuffle)
        {
            // SplitMix64 (Steele, Lea and Flood 2014) seeded from the seed and the epoch; Fisher–Yates from the back,
            // each index drawn without modulo bias by rejection.
            ulong state = ((ulong)(uint)Seed << 32) ^ (ulong)epoch ^ 0x9E3779B97F4A7C15UL;
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = (int)NextBelow(ref state, (ulong)i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }

        return order;
    }

    private static ulong NextBelow(ref ulong state, ulong bound)
    {
        ulong limit = ulong.MaxValue - (ulong.MaxValue % bound);
        ulong value;
        do
        {
            value = SplitMix64(ref state);
        }
        while (value >= limit);

        return value % bound;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private sealed record EpochOrder(long Epoch, long[] Order);
}

/// <summary>One step's batch: where the step is in the plan and the indices of the samples it draws.</summary>
/// <param name="Position">The step's epoch, offset in the epoch, samples seen and batch size.</param>
/// <param name="Indices">The <c>Position.BatchSize</c> sample indices the step draws; a read-only view of the epoch's order, which is never changed once computed.</param>
public readonly record struct PlannedBatch(TrainingPosition Position, ReadOnlyMemory<long> Indices);
