using DigitsTraining.Training;
using LrSchedules;

namespace DigitsTraining.Experiments;

/// <summary>
/// "Don't decay the learning rate, increase the batch size" (Smith, Kindermans, Ying and Le, arXiv:1711.00489,
/// ICLR 2018) on the digits: noisy labels make the training loss a visible measure of the noise of SGD.
/// </summary>
/// <remarks>
/// 20% of the training labels are replaced by random ones (fixed seed); 45 epochs; initial rate 0.1 at batch 10;
/// the baseline divides the rate by 5 at epochs 15, 27 and 37. The paper's comparison, the same schedule turned into
/// batch increases up to a batch of 250 with the rest of each factor going to the rate, is added to
/// <see cref="Create"/> once the library has that transform (see the sample's README).
/// </remarks>
internal static class SmithExperiment
{
    public const string Name = "smith";
    public const int Epochs = 45;
    public const double InitialLearningRate = 0.1;
    public const int InitialBatchSize = 10;
    public const double DecayFactor = 5.0;
    public const int MaxBatchSize = 250;
    public const double LabelNoise = 0.2;

    /// <summary>Gets the epochs at whose start the baseline divides the rate by <see cref="DecayFactor"/>.</summary>
    public static IReadOnlyList<int> MilestoneEpochs { get; } = [15, 27, 37];

    public static Experiment Create() => new(
        Name,
        $"{LabelNoise * 100:0}% noisy labels; rate {InitialLearningRate} at batch {InitialBatchSize}, ÷{DecayFactor} at epochs {string.Join(", ", MilestoneEpochs)}",
        LabelNoise,
        [DecayLearningRate()]);

    /// <summary>The baseline: batch 10 throughout; the rate divided by 5 at the milestone epochs.</summary>
    internal static Variant DecayLearningRate() => new(
        "decay-lr",
        null,
        $"batch {InitialBatchSize}; Schedule.MultiStep({InitialLearningRate}, epochs {string.Join("/", MilestoneEpochs)} in steps, 1/{DecayFactor})",
        trainingSize =>
        {
            var plan = new FixedBatchPlan(InitialBatchSize, trainingSize, Epochs);
            var schedule = Schedule.MultiStep(
                InitialLearningRate,
                MilestoneEpochs.Select(plan.EpochStartStep),
                1.0 / DecayFactor);
            return new RunDrivers(schedule, plan);
        });
}
