using DigitsTraining.Experiments;
using DigitsTraining.Training;

namespace DigitsTraining.Output;

/// <summary>One trained run: which experiment, variant and seed, and what happened.</summary>
internal sealed record RunResult(Experiment Experiment, Variant Variant, long Seed, int PlannedEpochs, TrainingOutcome Outcome)
{
    /// <summary>Gets the record of the last epoch run.</summary>
    public EpochRecord Final => Outcome.Epochs[^1];
}

/// <summary>The data one experiment trained on.</summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="TrainingRows">The number of training examples.</param>
/// <param name="TestRows">The number of test examples.</param>
/// <param name="LabelsChanged">How many training labels the label noise actually changed (a random label can equal the true one).</param>
internal sealed record ExperimentData(Experiment Experiment, int TrainingRows, int TestRows, int LabelsChanged);

/// <summary>Everything one invocation of the program produced, what the output writers read.</summary>
/// <param name="Experiments">The experiments run, in order, with their data.</param>
/// <param name="Runs">Every run, grouped by experiment, then variant, then seed.</param>
/// <param name="Seeds">The seeds each variant ran with.</param>
/// <param name="MaxEpochs">The epoch limit of a smoke run, or null when every run followed its whole plan.</param>
/// <param name="Hidden">The width of the hidden layer.</param>
/// <param name="Momentum">The SGD momentum.</param>
internal sealed record ResultSet(
    IReadOnlyList<ExperimentData> Experiments,
    IReadOnlyList<RunResult> Runs,
    IReadOnlyList<long> Seeds,
    int? MaxEpochs,
    int Hidden,
    double Momentum)
{
    /// <summary>Returns the runs of <paramref name="experiment"/> grouped by variant, in the order of its variants.</summary>
    public IReadOnlyList<(Variant Variant, IReadOnlyList<RunResult> Runs)> ByVariant(Experiment experiment) =>
    [
        .. experiment.Variants
            .Select(v => (v, (IReadOnlyList<RunResult>)[.. Runs.Where(r => r.Experiment == experiment && r.Variant == v)]))
            .Where(g => g.Item2.Count > 0),
    ];
}
