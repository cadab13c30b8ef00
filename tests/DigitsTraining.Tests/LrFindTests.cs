using System.Globalization;
using DigitsTraining.Experiments;
using DigitsTraining.Training;
using LrSchedules;
using LrSchedules.RangeTest;

namespace DigitsTraining.Tests;

/// <summary>The lr-find experiment: its sweep is the library's schedule and its CSV is what lrs suggest reads.</summary>
public class LrFindTests
{
    private static readonly Lazy<Dataset> Training = new(() => Digits.Split(Digits.Load(Digits.DefaultPath)).Training);

    [Fact]
    public void Sweep_uses_the_range_test_schedule_and_records_a_loss_per_step()
    {
        RangeTestPoint[] sweep = LrFindExperiment.RunSweep(Training.Value, seed: 0);

        LearningRateSchedule rates = Schedule.RangeTestSweep(1e-7, 10.0, 100);
        sweep.Should().HaveCount(100);
        sweep.Select(p => p.LearningRate).Should().Equal(Enumerable.Range(0, 100).Select(i => rates.GetLearningRate(i)));
        sweep[0].Loss.Should().BeInRange(2.0, 2.6, "an untrained 10-class network starts near ln 10");
        LrFindExperiment.RunSweep(Training.Value, seed: 0).Should().Equal(sweep, "the sweep is deterministic for a seed");
    }

    [Fact]
    public void Csv_round_trips_every_number()
    {
        RangeTestPoint[] sweep = [new(1e-7, 2.3025850929940455), new(1.202264434617413e-07, double.NaN)];

        string[] lines = LrFindExperiment.ToCsv(sweep).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Should().Equal("learning_rate,loss", "1E-07,2.3025850929940455", "1.202264434617413E-07,NaN");
        double.Parse(lines[2].Split(',')[0], CultureInfo.InvariantCulture).Should().Be(1.202264434617413e-07);
    }

    [Fact]
    public void Prepare_writes_the_sweep_and_adds_one_variant_per_suggestion_beside_the_hand_tuned_rate()
    {
        string directory = Directory.CreateTempSubdirectory("lr-find-").FullName;
        try
        {
            Experiment experiment = LrFindExperiment.Prepare(Training.Value, directory, TextWriter.Null);

            File.Exists(Path.Combine(directory, LrFindExperiment.SweepFile)).Should().BeTrue();
            experiment.Variants.Select(v => v.Name).Should().Equal(
                "hand-tuned", "fastai.valley", "fastai.slide", "fastai.minimum", "fastai.steep", "torch_lr_finder.steepest");
            RunDrivers drivers = experiment.Variants[1].CreateDrivers(Training.Value.Count);
            drivers.LearningRate.GetLearningRate(0).Should().Be(
                FastaiRangeTest.Replay(LrFindExperiment.RunSweep(Training.Value, 0)).Suggest()[0].LearningRate!.Value);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
