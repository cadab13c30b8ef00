using LrSchedules;
using LrSchedules.Batching;

namespace DigitsTraining.Training;

/// <summary>
/// The library's <see cref="TrainingPlan"/> as the trainer's <see cref="IBatchPlan"/>: every member forwards to the
/// plan, which knows the batch size of every step and the first step of every epoch; the adapter adds only where
/// training stops (a plan itself never ends).
/// </summary>
/// <remarks>
/// <para>A fixed batch is <c>BatchSchedule.Plan(trainingSize, BatchSchedule.ConstantBatchSize(batchSize), LastBatch.Drop)</c>;
/// a growing one is, for instance, the <see cref="BatchGrowthPlan.Plan"/> of
/// <see cref="BatchSchedule.IncreaseBatchSizeInsteadOfDecay"/>. The trainer drops the examples an epoch's steps leave
/// unused, so the plan should be built with <see cref="LastBatch.Drop"/>.</para>
/// </remarks>
internal sealed class TrainingPlanBatches : IBatchPlan
{
    /// <summary>Adapts <paramref name="plan"/> for a run of <paramref name="epochs"/> epochs.</summary>
    /// <param name="plan">The library's plan; its dataset size must be the training set's.</param>
    /// <param name="epochs">The number of epochs to train; &gt; 0.</param>
    public TrainingPlanBatches(TrainingPlan plan, int epochs)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        Plan = plan;
        Epochs = epochs;
    }

    /// <summary>Gets the library's plan this adapter forwards to.</summary>
    public TrainingPlan Plan { get; }

    /// <inheritdoc />
    public int Epochs { get; }

    /// <inheritdoc />
    public long EpochStartStep(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(epoch, Epochs);
        return Plan.GetFirstStepOfEpoch(epoch);
    }

    /// <inheritdoc />
    public int BatchSize(long step) => checked((int)Plan.GetBatchSize(step));
}
