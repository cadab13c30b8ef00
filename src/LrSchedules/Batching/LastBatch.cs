namespace LrSchedules.Batching;

/// <summary>What an epoch does with the samples left over when fewer than a batch size remain.</summary>
/// <remarks>The two choices of PyTorch's <c>DataLoader(drop_last=...)</c>; they give different steps-per-epoch and so different clocks.</remarks>
public enum LastBatch
{
    /// <summary>The leftover samples form a last, smaller batch: an epoch of <c>N</c> samples at batch size <c>B</c> takes <c>ceil(N / B)</c> steps and draws all <c>N</c> samples (<c>drop_last=False</c>).</summary>
    Keep = 0,

    /// <summary>The leftover samples are skipped: an epoch takes <c>floor(N / B)</c> steps of exactly <c>B</c> samples and <c>N mod B</c> samples are not seen in it (<c>drop_last=True</c>).</summary>
    Drop = 1,
}
