namespace LrSchedules.Batching;

/// <summary>
/// A run of consecutive steps of a <see cref="TrainingPlan"/> at one scheduled batch size, with the clocks at its first step.
/// </summary>
/// <remarks>
/// <para>Within a phase every clock is arithmetic: the phase first finishes the epoch it starts in (its <i>head</i>), then
/// runs whole epochs of <see cref="StepsPerEpoch"/> steps each, until the next phase starts. A phase that starts at the
/// first step of an epoch has a head that is a whole epoch.</para>
/// <para>Immutable.</para>
/// <para>Public because a loop that sizes its data loader reads the plan phase by phase (<see cref="TrainingPlan.Phases"/>).</para>
/// </remarks>
public readonly struct TrainingPhase : IEquatable<TrainingPhase>
{
    internal TrainingPhase(
        long firstStep,
        long batchSize,
        long samplesSeen,
        long epoch,
        long stepInEpoch,
        long samplesSeenInEpoch,
        long datasetSize,
        LastBatch lastBatch)
    {
        FirstStep = firstStep;
        BatchSize = batchSize;
        SamplesSeen = samplesSeen;
        Epoch = epoch;
        StepInEpoch = stepInEpoch;
        SamplesSeenInEpoch = samplesSeenInEpoch;
        long remaining = datasetSize - samplesSeenInEpoch;
        if (lastBatch == LastBatch.Keep)
        {
            StepsPerEpoch = CeilingDivide(datasetSize, batchSize);
            SamplesPerEpoch = datasetSize;
            HeadSteps = CeilingDivide(remaining, batchSize);
            HeadSamples = remaining;
        }
        else
        {
            StepsPerEpoch = datasetSize / batchSize;
            SamplesPerEpoch = StepsPerEpoch * batchSize;
            HeadSteps = remaining / batchSize;
            HeadSamples = HeadSteps * batchSize;
        }
    }

    /// <summary>Gets the first step of the phase.</summary>
    public long FirstStep { get; }

    /// <summary>Gets the batch size the schedule gives every step of the phase (with <see cref="LastBatch.Keep"/> the last step of an epoch may draw fewer samples).</summary>
    public long BatchSize { get; }

    /// <summary>Gets the samples seen before <see cref="FirstStep"/>.</summary>
    public long SamplesSeen { get; }

    /// <summary>Gets the epoch of <see cref="FirstStep"/>.</summary>
    public long Epoch { get; }

    /// <summary>Gets the index of <see cref="FirstStep"/> within its epoch; 0 when the phase starts an epoch.</summary>
    public long StepInEpoch { get; }

    /// <summary>Gets the samples of the current epoch drawn before <see cref="FirstStep"/>; 0 when the phase starts an epoch.</summary>
    public long SamplesSeenInEpoch { get; }

    /// <summary>Gets the number of steps of an epoch run entirely at <see cref="BatchSize"/>: <c>ceil(N / B)</c> when the last batch is kept, <c>floor(N / B)</c> when it is dropped.</summary>
    public long StepsPerEpoch { get; }

    /// <summary>Samples drawn by an epoch run entirely at <see cref="BatchSize"/>: <c>N</c>, or <c>floor(N / B) · B</c> when the last batch is dropped.</summary>
    internal long SamplesPerEpoch { get; }

    /// <summary>Steps from <see cref="FirstStep"/> to the end of the epoch it is in.</summary>
    internal long HeadSteps { get; }

    /// <summary>Samples drawn by the <see cref="HeadSteps"/>.</summary>
    internal long HeadSamples { get; }

    /// <summary>Compares two phases by value.</summary>
    public static bool operator ==(TrainingPhase left, TrainingPhase right) => left.Equals(right);

    /// <summary>Compares two phases by value.</summary>
    public static bool operator !=(TrainingPhase left, TrainingPhase right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(TrainingPhase other) =>
        FirstStep == other.FirstStep && BatchSize == other.BatchSize && SamplesSeen == other.SamplesSeen
        && Epoch == other.Epoch && StepInEpoch == other.StepInEpoch && SamplesSeenInEpoch == other.SamplesSeenInEpoch
        && StepsPerEpoch == other.StepsPerEpoch && SamplesPerEpoch == other.SamplesPerEpoch;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TrainingPhase other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FirstStep, BatchSize, SamplesSeen, Epoch, StepInEpoch, SamplesSeenInEpoch);

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant(
            $"from step {FirstStep} (epoch {Epoch}, step {StepInEpoch} of it, {SamplesSeen} samples seen): batch size {BatchSize}");

    internal static long CeilingDivide(long value, long divisor) => (value / divisor) + (value % divisor == 0 ? 0 : 1);
}
