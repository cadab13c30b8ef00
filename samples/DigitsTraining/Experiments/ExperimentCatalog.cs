namespace DigitsTraining.Experiments;

/// <summary>The experiments the command line can run, by name.</summary>
internal static class ExperimentCatalog
{
    /// <summary>Gets every experiment, in the order <c>all</c> runs them (<c>quick</c> is not part of <c>all</c>).</summary>
    public static IReadOnlyList<Experiment> All { get; } =
        [QuickExperiment.Create(), SmithExperiment.Create(), ScalingExperiment.Create()];

    /// <summary>Gets the experiments <c>all</c> stands for.</summary>
    public static IReadOnlyList<Experiment> Full => [.. All.Where(e => e.Name != QuickExperiment.Name)];

    public static Experiment? Find(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
}
