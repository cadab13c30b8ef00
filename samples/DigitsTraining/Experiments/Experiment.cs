using DigitsTraining.Training;

namespace DigitsTraining.Experiments;

/// <summary>One configuration of an experiment, trained once per seed.</summary>
/// <param name="Name">A short name, used in file names and on the command line (<c>decay-lr</c>).</param>
/// <param name="K">The batch multiple of the scaling experiment (batch <c>10·k</c>); null elsewhere.</param>
/// <param name="Description">One line saying what the variant does.</param>
/// <param name="CreateDrivers">Builds the run's learning rate and batch plan from the number of training examples.</param>
internal sealed record Variant(string Name, int? K, string Description, Func<int, RunDrivers> CreateDrivers)
{
    /// <summary>Gets the label of the variant in tables, plots and progress lines.</summary>
    public string Label => K is { } k ? $"{Name} k={k}" : Name;
}

/// <summary>A set of variants trained on the same data and compared with each other.</summary>
/// <param name="Name">The name on the command line and in file names.</param>
/// <param name="Title">One line saying what the experiment shows.</param>
/// <param name="LabelNoise">The fraction of training labels replaced by random ones (fixed seed); 0 for clean labels.</param>
/// <param name="Variants">The variants, in the order they are run and shown.</param>
/// <param name="DefaultSeeds">The number of seeds when the command line does not say.</param>
/// <param name="DefaultLogEvery">Print progress every this many epochs when the command line does not say.</param>
internal sealed record Experiment(
    string Name,
    string Title,
    double LabelNoise,
    IReadOnlyList<Variant> Variants,
    int DefaultSeeds = 3,
    int DefaultLogEvery = 5)
{
    /// <summary>Gets, for an experiment whose variants depend on the data (<c>lr-find</c>), what makes them: called once with the training set and the output directory before the runs.</summary>
    public Func<Dataset, string, TextWriter, Experiment>? Prepare { get; init; }
}
