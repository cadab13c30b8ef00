using DigitsTraining.Training;
using LrSchedules;

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
                $"batch {BatchSize}; Schedule.Cosine({InitialLearningRate}, total steps of {Epochs} epochs)",
                trainingSize =>
                {
                    var plan = new FixedBatchPlan(BatchSize, trainingSize, Epochs);
                    return new RunDrivers(Schedule.Cosine(InitialLearningRate, plan.EpochStartStep(Epochs)), plan);
                }),
        ],
        DefaultSeeds: 1,
        DefaultLogEvery: 1);
}
