using System.Collections.ObjectModel;
using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <content>
/// The tokens clock: tokens seen before a step are the samples seen times their sequence length, exact in 128-bit
/// integers and read as a long (saturated past <see cref="long.MaxValue"/>, as samples seen are). Schedules and
/// batch-size schedules written in tokens (<see cref="TrainingClock.Tokens"/>) are read per step through it.
/// </content>
public sealed partial class TrainingPlan
{
    private readonly SequenceLengths? _sequenceLengths;

    /// <summary>Gets a value indicating whether the plan counts tokens (it was built by <see cref="BatchSchedule.TokenPlan"/>).</summary>
    public bool CountsTokens => _sequenceLengths is not null;

    /// <summary>Gets the sequence length of the first samples.</summary>
    /// <value>The tokens per sample before the first <see cref="SequenceLengthChanges"/> entry; <see langword="null"/> when the plan does not count tokens.</value>
    public long? SequenceLength => _sequenceLengths?.InitialLength;

    /// <summary>Gets the changes of sequence length, by samples seen.</summary>
    /// <value>Empty for one sequence length, and when the plan does not count tokens.</value>
    public IReadOnlyList<SequenceLengthChange> SequenceLengthChanges =>
        new ReadOnlyCollection<SequenceLengthChange>(_sequenceLengths is null ? [] : [.. _sequenceLengths.Changes]);

    /// <summary>Gets the tokens of the samples drawn by all steps before <paramref name="step"/>.</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <returns>The tokens seen before the step, exact; <see cref="long.MaxValue"/> if there are more. O(log phases + log sequence-length changes).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The plan does not count tokens.</exception>
    public long GetTokensSeen(long step)
    {
        SequenceLengths lengths = RequireTokens();
        Int128 tokens = lengths.TokensAt(Locate(CheckStep(step)).SamplesSeen);
        // Stryker disable once Equality : at tokens == long.MaxValue both branches give long.MaxValue
        return tokens > long.MaxValue ? long.MaxValue : (long)tokens;
    }

    /// <summary>Gets the first step before which at least <paramref name="tokensSeen"/> tokens have been seen: the inverse of <see cref="GetTokensSeen"/>.</summary>
    /// <param name="tokensSeen">A number of tokens; ≥ 0.</param>
    /// <returns>The first step <c>t</c> with <c>GetTokensSeen(t) ≥ tokensSeen</c>; 0 for 0. O(log phases + log sequence-length changes).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tokensSeen"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The plan does not count tokens.</exception>
    public long GetFirstStepWithTokensSeen(long tokensSeen)
    {
        SequenceLengths lengths = RequireTokens();
        Preconditions.NonNegative(tokensSeen);
        return GetFirstStepWithSamplesSeen(lengths.SamplesFor(tokensSeen));
    }

    /// <summary>Gets the sequence length of the first sample a step draws.</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <returns>Its tokens per sample.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The plan does not count tokens.</exception>
    public long GetSequenceLength(long step)
    {
        SequenceLengths lengths = RequireTokens();
        return lengths.LengthAt(Locate(CheckStep(step)).SamplesSeen);
    }

    /// <summary>The position on the tokens clock of a located step plus <paramref name="drawn"/> of its samples (a fractional step).</summary>
    internal double TokensPosition(in Located at, double drawn) =>
        (double)_sequenceLengths!.TokensAt(at.SamplesSeen) + (drawn * _sequenceLengths.LengthAt(at.SamplesSeen));

    /// <summary>A batch-size schedule on tokens needs a plan that counts them.</summary>
    private static SequenceLengths? RequireTokensClock(BatchSizeSchedule batchSizeSchedule, SequenceLengths? sequenceLengths) =>
        batchSizeSchedule.Clock == TrainingClock.Tokens && sequenceLengths is null
            ? throw Preconditions.OutOfRange(nameof(batchSizeSchedule), batchSizeSchedule.Clock, "on steps, epochs or samples: a batch-size schedule on tokens needs a plan with a sequence length (BatchSchedule.TokenPlan)")
            : sequenceLengths;

    /// <summary>A clock a schedule can be read on: any, and tokens only when the plan counts them.</summary>
    private TrainingClock RequireClock(TrainingClock clock) =>
        Preconditions.Defined(clock) == TrainingClock.Tokens && _sequenceLengths is null
            ? throw Preconditions.OutOfRange(nameof(clock), clock, "Steps, Epochs or Samples: this plan has no sequence length to count tokens (build it with BatchSchedule.TokenPlan)")
            : clock;

    private SequenceLengths RequireTokens() =>
        _sequenceLengths ?? throw new InvalidOperationException("This plan does not count tokens: build it with BatchSchedule.TokenPlan and a sequence length.");
}
