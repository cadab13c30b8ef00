namespace LrSchedules.Batching;

/// <summary>Where one optimizer step of a <see cref="TrainingPlan"/> is, on every clock at once.</summary>
/// <remarks>Returned by <see cref="TrainingPlan.GetPosition"/> without allocating. Immutable. Public because a loop needs the epoch, the step within it and the samples seen of a step in one call.</remarks>
public readonly struct TrainingPosition : IEquatable<TrainingPosition>
{
    internal TrainingPosition(
        long step,
        long epoch,
        long stepInEpoch,
        long samplesSeen,
        long samplesSeenInEpoch,
        long batchSize,
        long scheduledBatchSize,
        double fractionalEpoch)
    {
        Step = step;
        Epoch = epoch;
        StepInEpoch = stepInEpoch;
        SamplesSeen = samplesSeen;
        SamplesSeenInEpoch = samplesSeenInEpoch;
        BatchSize = batchSize;
        ScheduledBatchSize = scheduledBatchSize;
        FractionalEpoch = fractionalEpoch;
    }

    /// <summary>Gets the zero-based step.</summary>
    public long Step { get; }

    /// <summary>Gets the zero-based epoch the step belongs to.</summary>
    public long Epoch { get; }

    /// <summary>Gets the zero-based index of the step within its epoch.</summary>
    public long StepInEpoch { get; }

    /// <summary>Gets the samples drawn by all earlier steps (saturates at <see cref="long.MaxValue"/>).</summary>
    public long SamplesSeen { get; }

    /// <summary>Gets the samples of the step's epoch drawn by earlier steps of the same epoch.</summary>
    public long SamplesSeenInEpoch { get; }

    /// <summary>Gets the samples the step draws: <see cref="ScheduledBatchSize"/>, or fewer for the last step of an epoch when the last batch is kept.</summary>
    public long BatchSize { get; }

    /// <summary>Gets the batch size the schedule gives the step.</summary>
    public long ScheduledBatchSize { get; }

    /// <summary>Gets <c>Epoch + SamplesSeenInEpoch / datasetSize</c>: the epoch and the share of its pass over the data already drawn.</summary>
    public double FractionalEpoch { get; }

    /// <summary>Compares two positions by value.</summary>
    public static bool operator ==(TrainingPosition left, TrainingPosition right) => left.Equals(right);

    /// <summary>Compares two positions by value.</summary>
    public static bool operator !=(TrainingPosition left, TrainingPosition right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(TrainingPosition other) =>
        Step == other.Step && Epoch == other.Epoch && StepInEpoch == other.StepInEpoch && SamplesSeen == other.SamplesSeen
        && SamplesSeenInEpoch == other.SamplesSeenInEpoch && BatchSize == other.BatchSize
        && ScheduledBatchSize == other.ScheduledBatchSize && FractionalEpoch.Equals(other.FractionalEpoch);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TrainingPosition other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Step, Epoch, StepInEpoch, SamplesSeen, SamplesSeenInEpoch, BatchSize, ScheduledBatchSize);

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant(
            $"step {Step}: epoch {Epoch} (step {StepInEpoch} of it), {SamplesSeen} samples seen, batch size {BatchSize}");
}
