using DigitsTraining.Training;
using LrSchedules;
using LrSchedules.Batching;

namespace DigitsTraining.Experiments;

/// <summary>
/// <c>seesaw</c>: the digits network trained with Adam (bias-corrected, as <c>torch.optim.Adam</c>): a step decay that
/// halves the rate at epochs 10, 20 and 30, against its Seesaw transform (<see cref="BatchSchedule.Seesaw"/>: the rate
/// falls by √2 and the batch doubles instead), with the critical batch at 80 (every halving becomes a doubling) and at
/// 40 (the last halving goes back to the rate).
/// </summary>
internal static class SeesawExperiment
{
    public const string Name = "seesaw";
    public const int Epochs = 40;
    public const double InitialLearningRate = 0.002;
    public const int InitialBatchSize = 10;
    public static readonly long[] MilestoneEpochs = [10, 20, 30];

    public static Experiment Create() => new(
        Name,
        $"Adam (torch.optim.Adam: β1 0.9, β2 0.999, ε 1e-8) instead of the header's SGD; clean labels; rate {InitialLearningRate} at batch {InitialBatchSize} halved at epochs {string.Join(", ", MilestoneEpochs)}, or its Seesaw transform",
        0.0,
        [
            new Variant(
                "step-decay",
                null,
                $"Adam; plan.PerStep(Schedule.MultiStep({InitialLearningRate}, [{string.Join(", ", MilestoneEpochs)}], 0.5), TrainingClock.Epochs) at batch {InitialBatchSize}",
                trainingSize =>
                {
                    TrainingPlan plan = BatchSchedule.Plan(trainingSize, BatchSchedule.ConstantBatchSize(InitialBatchSize), LastBatch.Drop);
                    return new RunDrivers(plan.PerStep(Decay(), TrainingClock.Epochs), new TrainingPlanBatches(plan, Epochs), Optimizer: AdamFor);
                }),
            Transformed("seesaw", 80),
            Transformed("seesaw-cap-40", 40),
        ]);

    internal static LearningRateSchedule Decay() => Schedule.MultiStep(InitialLearningRate, MilestoneEpochs, 0.5);

    private static Variant Transformed(string name, int maximumBatchSize) => new(
        name,
        null,
        $"Adam; BatchSchedule.Seesaw(the step decay, TrainingClock.Epochs, N, LastBatch.Drop, {InitialBatchSize}, maximumBatchSize: {maximumBatchSize}, {Epochs})",
        trainingSize =>
        {
            SeesawPlan seesaw = BatchSchedule.Seesaw(Decay(), TrainingClock.Epochs, trainingSize, LastBatch.Drop, InitialBatchSize, maximumBatchSize, Epochs);
            return new RunDrivers(seesaw.LearningRate, new TrainingPlanBatches(seesaw.Plan, Epochs), Optimizer: AdamFor);
        });

    private static IOptimizer AdamFor(IReadOnlyList<Parameter> parameters) => new Adam(parameters);
}
