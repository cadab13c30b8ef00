using System.Globalization;
using System.Text;
using DigitsTraining.Experiments;

namespace DigitsTraining.Output;

/// <summary>
/// Writes <c>summary.md</c>: per experiment, one row per variant with the mean and the sample standard deviation over
/// seeds of the final training loss and test accuracy, and the number of parameter updates. Deterministic.
/// </summary>
internal static class SummaryTable
{
    public static string Render(ResultSet results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var md = new StringBuilder();
        md.AppendLine("# Digits training: summary");
        md.AppendLine();
        md.AppendLine(string.Create(
            CultureInfo.InvariantCulture,
            $"MLP {Training.Digits.Pixels}-{results.Hidden}-{Training.Digits.Classes} (ReLU, softmax cross-entropy), SGD with momentum {results.Momentum}, " +
            $"on the UCI handwritten digits (fixed split). Seeds {string.Join(", ", results.Seeds)}; " +
            $"each cell is the mean ± sample standard deviation over the seeds, at the last epoch run. " +
            $"The training loss is over the whole training set with the labels the run trains on (noisy ones where the experiment has label noise); " +
            $"the test accuracy is on clean labels."));
        if (results.MaxEpochs is { } max)
        {
            md.AppendLine();
            md.AppendLine(Invariant($"**Smoke run:** every run stopped after at most {max} epochs (`--max-epochs`); these are not the experiments' results."));
        }

        foreach (ExperimentData data in results.Experiments)
        {
            Experiment experiment = data.Experiment;
            md.AppendLine();
            md.AppendLine(Invariant($"## {experiment.Name}: {experiment.Title}"));
            md.AppendLine();
            md.AppendLine(Invariant($"{data.TrainingRows} training rows, {data.TestRows} test rows") +
                (experiment.LabelNoise > 0
                    ? Invariant($"; {experiment.LabelNoise * 100:0.#}% of the training labels replaced by random ones ({data.LabelsChanged} actually changed).")
                    : "; clean labels."));
            md.AppendLine();
            md.AppendLine("| variant | k | seeds | epochs | batch size (first → last) | learning rate (first → last) | updates | final training loss | final test accuracy (%) |");
            md.AppendLine("|---|---:|---:|---:|---|---|---:|---|---|");
            foreach ((Variant variant, IReadOnlyList<RunResult> runs) in results.ByVariant(experiment))
            {
                RunResult first = runs[0];
                var epochs = first.Outcome.Epochs;
                string k = variant.K?.ToString(CultureInfo.InvariantCulture) ?? "–";
                string batch = Invariant($"{epochs[1].BatchSizeFirst} → {epochs[^1].BatchSizeLast}");
                string rate = Invariant($"{epochs[1].LearningRateFirst:G4} → {epochs[^1].LearningRateLast:G4}");
                string epochCount = string.Join("/", runs.Select(r => r.Outcome.Epochs.Count - 1).Distinct());
                string updates = string.Join("/", runs.Select(r => r.Final.Updates).Distinct());
                int diverged = runs.Count(r => r.Outcome.Diverged);
                string loss = MeanStd(runs.Select(r => r.Final.TrainLoss), "F4");
                string accuracy = MeanStd(runs.Select(r => 100.0 * r.Final.TestAccuracy), "F2");
                if (diverged > 0)
                {
                    loss += Invariant($" ({diverged} of {runs.Count} diverged)");
                }

                md.AppendLine(Invariant($"| {variant.Name} | {k} | {runs.Count} | {epochCount} | {batch} | {rate} | {updates} | {loss} | {accuracy} |"));
            }

            md.AppendLine();
            foreach (Variant variant in experiment.Variants.DistinctBy(v => v.Name))
            {
                md.AppendLine(Invariant($"- `{variant.Name}`: {variant.Description}"));
            }
        }

        return md.ToString();
    }

    /// <summary>Formats the mean ± sample standard deviation (n − 1) of the finite values; "–" for the deviation of one value.</summary>
    internal static string MeanStd(IEnumerable<double> values, string format)
    {
        double[] finite = [.. values.Where(double.IsFinite)];
        if (finite.Length == 0)
        {
            return "–";
        }

        double mean = finite.Average();
        if (finite.Length == 1)
        {
            return mean.ToString(format, CultureInfo.InvariantCulture) + " ± –";
        }

        double variance = finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1);
        return mean.ToString(format, CultureInfo.InvariantCulture) + " ± " + Math.Sqrt(variance).ToString(format, CultureInfo.InvariantCulture);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
