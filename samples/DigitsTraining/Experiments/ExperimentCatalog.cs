namespace DigitsTraining.Experiments;

/// <summary>The experiments the command line can run, by name.</summary>
internal static class ExperimentCatalog
{
    /// <summary>Gets every experiment, those of <c>all</c> in the order it runs them (<c>quick</c>, the supplementary <c>smith-low-rate</c>, issue 12's <c>adaptive</c> and <c>adascale</c> and issue 13's <c>lr-find</c> and <c>seesaw</c> are not part of <c>all</c>).</summary>
    public static IReadOnlyList<Experiment> All { get; } =
        [QuickExperiment.Create(), SmithExperiment.Create(), ScalingExperiment.Create(), SmithExperiment.CreateLowRate(), AdaptiveExperiment.Create(), AdaScaleExperiment.Create(), LrFindExperiment.Create(), SeesawExperiment.Create()];

    /// <summary>Gets the experiments <c>all</c> stands for: the two of issue 6.</summary>
    public static IReadOnlyList<Experiment> Full =>
        [.. All.Where(e => e.Name is SmithExperiment.Name or ScalingExperiment.Name)];

    public static Experiment? Find(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
}
