using System.Globalization;
using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>
/// The tokens clock of a plan: a sequence length per run of samples, and the exact maps between samples seen and
/// tokens seen, <c>tokens(S) = c_i + (S − s_i) · L_i</c> for <c>s_i ≤ S &lt; s_(i+1)</c>, with <c>c_i</c> the tokens
/// seen at <c>s_i</c>.
/// </summary>
/// <remarks>
/// Both maps are one binary search over the changes and a few integer operations. The token count at every change is
/// computed in 128-bit integers at construction and rejected past <see cref="long.MaxValue"/>, so that every token
/// count the plan is written in is exact in 64 bits; past the last change a count is computed in 128 bits and read
/// saturated, as samples seen are. Immutable and thread-safe.
/// </remarks>
internal sealed class SequenceLengths
{
    private readonly long[] _samples;
    private readonly long[] _tokens;
    private readonly long[] _lengths;

    private SequenceLengths(long[] samples, long[] tokens, long[] lengths)
    {
        _samples = samples;
        _tokens = tokens;
        _lengths = lengths;
    }

    /// <summary>Gets the sequence length before the first change.</summary>
    public long InitialLength => _lengths[0];

    /// <summary>Gets the changes after the initial length.</summary>
    public IEnumerable<SequenceLengthChange> Changes =>
        Enumerable.Range(1, _samples.Length - 1).Select(i => new SequenceLengthChange(_samples[i], _lengths[i]));

    /// <summary>Validates and builds the map; the parameter names are the factory's.</summary>
    public static SequenceLengths Create(long sequenceLength, IEnumerable<SequenceLengthChange>? sequenceLengthChanges)
    {
        Preconditions.Positive(sequenceLength);
        SequenceLengthChange[] list = sequenceLengthChanges is null ? [] : [.. sequenceLengthChanges];
        var samples = new long[list.Length + 1];
        var tokens = new long[list.Length + 1];
        var lengths = new long[list.Length + 1];
        lengths[0] = sequenceLength;
        for (int i = 0; i < list.Length; i++)
        {
            SequenceLengthChange change = list[i];
            if (change.SamplesSeen <= samples[i])
            {
                throw Preconditions.OutOfRange(
                    nameof(sequenceLengthChanges),
                    change.SamplesSeen,
                    $"a SamplesSeen > {samples[i].ToString(CultureInfo.InvariantCulture)} (the changes' samples seen are >= 1 and strictly increasing)",
                    i);
            }

            if (change.SequenceLength <= 0)
            {
                throw Preconditions.OutOfRange(nameof(sequenceLengthChanges), change.SequenceLength, "a SequenceLength > 0", i);
            }

            Int128 reached = tokens[i] + ((Int128)(change.SamplesSeen - samples[i]) * lengths[i]);
            if (reached > long.MaxValue)
            {
                throw Preconditions.OutOfRange(
                    nameof(sequenceLengthChanges),
                    change.SamplesSeen,
                    $"a SamplesSeen at which the tokens seen ({reached.ToString(CultureInfo.InvariantCulture)}) fit in a long",
                    i);
            }

            samples[i + 1] = change.SamplesSeen;
            tokens[i + 1] = (long)reached;
            lengths[i + 1] = change.SequenceLength;
        }

        return new SequenceLengths(samples, tokens, lengths);
    }

    /// <summary>The tokens in the first <paramref name="samplesSeen"/> samples (≥ 0), exact in 128 bits.</summary>
    public Int128 TokensAt(Int128 samplesSeen)
    {
        // Stryker disable once Equality : at samplesSeen == long.MaxValue the search also finds the last change (every change is <= long.MaxValue)
        int i = samplesSeen >= long.MaxValue ? _samples.Length - 1 : SortedSearch.CountAtOrBelow(_samples, (long)samplesSeen) - 1;
        return _tokens[i] + ((samplesSeen - _samples[i]) * _lengths[i]);
    }

    /// <summary>The sequence length of the sample after the first <paramref name="samplesSeen"/> (≥ 0).</summary>
    public long LengthAt(Int128 samplesSeen) =>
        // Stryker disable once Equality : at samplesSeen == long.MaxValue the search also finds the last change (every change is <= long.MaxValue)
        _lengths[samplesSeen >= long.MaxValue ? _lengths.Length - 1 : SortedSearch.CountAtOrBelow(_samples, (long)samplesSeen) - 1];

    /// <summary>The fewest samples whose tokens reach <paramref name="tokensSeen"/> (≥ 0): <c>s_i + ceil((T − c_i) / L_i)</c>. At most <paramref name="tokensSeen"/>, since every sample has a token.</summary>
    public long SamplesFor(long tokensSeen)
    {
        int i = SortedSearch.CountAtOrBelow(_tokens, tokensSeen) - 1;
        long rest = tokensSeen - _tokens[i];
        return _samples[i] + (rest / _lengths[i]) + (rest % _lengths[i] == 0 ? 0 : 1);
    }
}
