using DigitsTraining.Training;
using LrSchedules;
using LrSchedules.Batching;

namespace DigitsTraining.Experiments;

/// <summary>The run with no arguments: one seed, clean labels, a cosine decay over 10 epochs at batch 10; a few seconds.</summary>
internal static class QuickExperiment
{
    public const string Name = "quick";
    public const int Epochs = 10;
    public const double InitialLearningRate = 0.05;
    public const int BatchSize = 10;

    public static Experiment Create() => new(
        Name,
        $"clean labels; batch {BatchSize}; cosine decay from {InitialLearningRate} to 0 over {Epochs} epochs",
        0.0,
        [
            new Variant(
                "cosine",
                null,
                $"batch {BatchSize}; Schedule.Cosine({InitialLearningRate}, 0.0, total steps of {Epochs} epochs)",
                trainingSize =>
                {
                    TrainingPlan plan = BatchSchedule.Plan(trainingSize, BatchSchedule.ConstantBatchSize(BatchSize), LastBatch.Drop);
                    var schedule = Schedule.Cosine(InitialLearningRate, 0.0, plan.GetFirstStepOfEpoch(Epochs));
                    return new RunDrivers(schedule, new TrainingPlanBatches(plan, Epochs));
                }),
        ],
        DefaultSeeds: 1,
        DefaultLogEvery: 1);
}
