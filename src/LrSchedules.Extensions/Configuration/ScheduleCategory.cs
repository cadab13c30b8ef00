namespace LrSchedules.Configuration;

/// <summary>What a schedule type of a description builds.</summary>
public enum ScheduleCategory
{
    /// <summary>An <see cref="ILearningRateSchedule"/>: a shape, a combinator, or a schedule on a training plan's clock.</summary>
    LearningRate = 0,

    /// <summary>A <see cref="LrSchedules.BatchSizeSchedule"/>, the batch-size schedule of a training plan.</summary>
    BatchSize = 1,

    /// <summary>A <see cref="LrSchedules.TrainingPlan"/>: a dataset size and a batch-size schedule, resolved into per-step clocks.</summary>
    TrainingPlan = 2,

    /// <summary>A <see cref="BatchScalingRule"/>: how the learning rate follows the batch size.</summary>
    ScalingRule = 3,

    /// <summary>A <see cref="LrSchedules.BatchGrowthPlan"/>: a learning-rate decay turned into batch-size growth (Smith et al. 2017).</summary>
    BatchGrowthPlan = 4,

    /// <summary>A <see cref="LrSchedules.DataParallelPlan"/>: each step's batch split over workers and accumulation steps.</summary>
    DataParallelPlan = 5,

    /// <summary>A <see cref="ReduceLearningRateOnPlateau"/>: a schedule reduced when a reported metric stops improving. Mutable.</summary>
    ReduceOnPlateau = 6,
}
