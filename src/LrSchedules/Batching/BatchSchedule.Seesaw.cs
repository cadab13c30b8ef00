using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <content>Seesaw (Meterez et al. 2025): the Adam counterpart of Smith's transform.</content>
public static partial class BatchSchedule
{
    /// <summary>
    /// Turns a decaying learning-rate schedule for Adam into a growing batch size and a gentler decay: wherever the
    /// source multiplies the rate by <c>α &lt; 1</c>, the plan multiplies it by <c>√α</c> and the batch by <c>1/α</c>,
    /// up to <paramref name="maximumBatchSize"/> — "Seesaw: Accelerating Training by Balancing Learning Rate and Batch
    /// Size Scheduling" (Meterez, Morwani, Wu, Oncescu, Pehlevan and Kakade 2025, arXiv:2510.14717).
    /// </summary>
    /// <param name="learningRate">The source schedule (step, multi-step, exponential, cosine, ...), written on <paramref name="clock"/> for <paramref name="initialBatchSize"/>; finite and &gt; 0 at the start of each of the first <paramref name="epochs"/> epochs, because the transform divides by it.</param>
    /// <param name="clock">The clock <paramref name="learningRate"/> is written on: <see cref="TrainingClock.Epochs"/> or <see cref="TrainingClock.Samples"/> (the paper compares at equal samples, i.e. equal FLOPs).</param>
    /// <param name="datasetSize">The number of samples in one epoch; &gt; 0 and ≥ <paramref name="maximumBatchSize"/>.</param>
    /// <param name="lastBatch">Whether the last, partial batch of an epoch is kept or dropped.</param>
    /// <param name="initialBatchSize"><c>B0</c>, the batch size the source schedule is for; &gt; 0 and allowed by <paramref name="granularity"/>.</param>
    /// <param name="maximumBatchSize">The critical batch size: the batch grows no further, and past it the rest of the decay goes back to the rate; ≥ <paramref name="initialBatchSize"/> and allowed by <paramref name="granularity"/>. Seesaw's equivalence holds only below the critical batch size.</param>
    /// <param name="epochs">The number of epochs at whose start the batch size is computed, usually the length of training; in [1, 1 000 000]. Later epochs keep the last batch size.</param>
    /// <param name="granularity">The batch sizes allowed; <see cref="BatchSizeGranularity.Any"/> when null.</param>
    /// <returns>A <see cref="SeesawPlan"/>: <c>B(e) = min(Bmax, round(B0 · lr(0) / lr(e)))</c> and <c>lr'(t) = lr(x(t)) · √(B(t) / B0)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="learningRate"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it, or <paramref name="learningRate"/> is 0, negative or not finite where the transform divides by it.</exception>
    public static SeesawPlan Seesaw(
        ILearningRateSchedule learningRate,
        TrainingClock clock,
        long datasetSize,
        LastBatch lastBatch,
        long initialBatchSize,
        long maximumBatchSize,
        long epochs,
        BatchSizeGranularity? granularity = null)
    {
        LearningRateSchedule source = LearningRateSchedule.From(learningRate, nameof(learningRate));
        BatchSizeGranularity allowed = granularity ?? BatchSizeGranularity.Any;
        RequireGrowthArguments(clock, datasetSize, lastBatch, initialBatchSize, maximumBatchSize, epochs, allowed);
        TrainingPlan plan = GrowBatchWhereRateDecays(source, clock, datasetSize, lastBatch, initialBatchSize, maximumBatchSize, epochs, allowed, growth: 1.0);
        return new SeesawPlan(learningRate, source, clock, plan, initialBatchSize, maximumBatchSize, epochs, allowed)
            .Declared(nameof(Seesaw), learningRate, clock, datasetSize, lastBatch, initialBatchSize, maximumBatchSize, epochs, allowed);
    }
}
