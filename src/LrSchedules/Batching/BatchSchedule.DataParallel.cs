using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <content>Data-parallel plans: every step's global batch split over workers and gradient-accumulation steps.</content>
public static partial class BatchSchedule
{
    /// <summary>Splits every step of a plan over data-parallel workers and gradient-accumulation steps, exactly, or says at once which batch cannot be split.</summary>
    /// <param name="plan">The training plan whose global batch sizes are split.</param>
    /// <param name="workers">The number of data-parallel workers; &gt; 0.</param>
    /// <param name="maximumMicroBatchSize">The most samples one worker can process in one forward-backward pass; &gt; 0.</param>
    /// <param name="sizing">How the micro-batch size is chosen; <see cref="MicroBatchSizing.Largest"/> by default.</param>
    /// <returns>A <see cref="DataParallelPlan"/> with <c>B = workers · accumulation steps · micro-batch size</c> at every step.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it, or a batch of the plan (named by step and epoch in the message) cannot be split exactly: with <see cref="MicroBatchSizing.Largest"/> it is not a multiple of <paramref name="workers"/>; with <see cref="MicroBatchSizing.Fixed"/> not a multiple of <c>workers · maximumMicroBatchSize</c>.</exception>
    public static DataParallelPlan DataParallel(TrainingPlan plan, int workers, long maximumMicroBatchSize, MicroBatchSizing sizing = MicroBatchSizing.Largest)
    {
        Preconditions.NotNull(plan);
        Preconditions.Positive(workers);
        Preconditions.Positive(maximumMicroBatchSize);
        return new DataParallelPlan(plan, workers, maximumMicroBatchSize, Preconditions.Defined(sizing))
            .Declared(nameof(DataParallel), plan, workers, maximumMicroBatchSize, sizing);
    }
}
