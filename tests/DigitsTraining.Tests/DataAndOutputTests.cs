using System.Text.Json;
using DigitsTraining.Experiments;
using DigitsTraining.Output;
using DigitsTraining.Training;

namespace DigitsTraining.Tests;

public class DataAndOutputTests
{
    [Fact]
    public void Digits_load_as_1797_rows_of_64_pixels_scaled_to_0_1_with_labels_0_to_9()
    {
        Dataset all = Digits.Load(Digits.DefaultPath);

        all.Count.Should().Be(1797);
        all.FeatureCount.Should().Be(64);
        all.Features.Enumerate().Should().OnlyContain(v => v >= 0.0 && v <= 1.0);
        all.Features.Enumerate().Max().Should().Be(1.0);
        all.Labels.Distinct().Order().Should().Equal(Enumerable.Range(0, 10));
    }

    [Fact]
    public void The_split_is_fixed_1400_training_and_397_test_rows()
    {
        Dataset all = Digits.Load(Digits.DefaultPath);

        (Dataset training, Dataset test) = Digits.Split(all);
        (Dataset training2, _) = Digits.Split(all);

        training.Count.Should().Be(1400);
        test.Count.Should().Be(397);
        training2.Labels.Should().Equal(training.Labels);
        training2.Features.Equals(training.Features).Should().BeTrue();

        // Together the two sets hold every row once: compare the multisets of (label, pixel sum).
        var rows = Enumerable.Range(0, all.Count).Select(i => (all.Labels[i], all.Features.Row(i).Sum())).Order();
        var split = Enumerable.Range(0, 1400).Select(i => (training.Labels[i], training.Features.Row(i).Sum()))
            .Concat(Enumerable.Range(0, 397).Select(i => (test.Labels[i], test.Features.Row(i).Sum()))).Order();
        split.Should().Equal(rows);
    }

    [Fact]
    public void Label_noise_redraws_a_fixed_fifth_of_the_labels()
    {
        (Dataset training, _) = Digits.Split(Digits.Load(Digits.DefaultPath));

        (Dataset noisy, int changed) = Digits.WithLabelNoise(training, 0.2);
        (Dataset again, _) = Digits.WithLabelNoise(training, 0.2);

        int differing = Enumerable.Range(0, training.Count).Count(i => noisy.Labels[i] != training.Labels[i]);
        differing.Should().Be(changed);
        changed.Should().BeInRange(200, 280, "280 labels are redrawn and about a tenth land on the true class");
        again.Labels.Should().Equal(noisy.Labels);
        noisy.Features.Should().BeSameAs(training.Features);
    }

    [Fact]
    public void Results_json_holds_every_run_with_per_epoch_series_and_summary_has_a_row_per_variant()
    {
        string directory = Path.Combine(Path.GetTempPath(), "digits-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new Options(
                [SmithExperiment.Create(), ScalingExperiment.Create()],
                Variants: null,
                Seeds: 2,
                FirstSeed: 5,
                MaxEpochs: 1,
                directory,
                Digits.DefaultPath,
                LogEvery: 0,
                Parallel: 2,
                Plots: false);

            ResultSet results = Runner.Run(options, TextWriter.Null);

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "results.json")));
            JsonElement runs = json.RootElement.GetProperty("runs");
            runs.GetArrayLength().Should().Be(2 * (2 + 12));
            runs.EnumerateArray().Select(r => r.GetProperty("seed").GetInt64()).Distinct().Order().Should().Equal(5, 6);
            JsonElement first = runs[0];
            first.GetProperty("experiment").GetString().Should().Be("smith");
            first.GetProperty("series").GetProperty("trainLoss").GetArrayLength().Should().Be(2);
            first.GetProperty("series").GetProperty("updates")[1].GetInt64().Should().Be(140);
            runs.EnumerateArray().Last().GetProperty("k").GetInt32().Should().Be(8);
            json.RootElement.GetProperty("setup").GetProperty("maxEpochs").GetInt32().Should().Be(1);

            string summary = File.ReadAllText(Path.Combine(directory, "summary.md"));
            summary.Should().Contain("| decay-lr | – | 2 | 1 | 10 → 10 |")
                .And.Contain("| increase-batch | – | 2 | 1 | 10 → 10 |")
                .And.Contain("| none | 8 | 2 | 1 | 80 → 80 |")
                .And.Contain("| linear-warmup | 8 | 2 | 1 | 80 → 80 |")
                .And.Contain("| sqrt-warmup | 8 | 2 | 1 | 80 → 80 |");
            results.Runs.Should().HaveCount(28);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void Mean_and_sample_standard_deviation_are_formatted_invariantly()
    {
        SummaryTable.MeanStd([1.0, 2.0, 3.0], "F3").Should().Be("2.000 ± 1.000");
        SummaryTable.MeanStd([0.5], "F2").Should().Be("0.50 ± –");
        SummaryTable.MeanStd([double.NaN], "F2").Should().Be("–");
    }

    [Fact]
    public void Command_line_defaults_to_the_quick_run_and_rejects_unknown_input()
    {
        Options options = CommandLine.Parse([])!;
        options.Experiments.Select(e => e.Name).Should().Equal("quick");
        options.OutputDirectory.Should().Be("artifacts/digits");

        CommandLine.Parse(["all", "--seeds", "2", "--max-epochs", "3"])!.Experiments.Select(e => e.Name).Should().Equal("smith", "scaling");
        CommandLine.Parse(["--help"]).Should().BeNull();
        FluentActions.Invoking(() => CommandLine.Parse(["--seeds", "0"])).Should().Throw<UsageException>();
        FluentActions.Invoking(() => CommandLine.Parse(["nope"])).Should().Throw<UsageException>();
        CommandLine.Parse(["smith", "--variants", "increase-batch"])!.Variants.Should().BeEquivalentTo(["increase-batch"]);
        FluentActions.Invoking(() => CommandLine.Parse(["smith", "--variants", "sqrt-warmup"])).Should().Throw<UsageException>();
        FluentActions.Invoking(() => CommandLine.Parse(["--out"])).Should().Throw<UsageException>();
    }
}
