using DigitsTraining.Experiments;
using DigitsTraining.Training;

namespace DigitsTraining.Tests;

/// <summary>Issue 12's variants: measuring changes nothing, AdaScale at S = 1 is the baseline, the controller's batches follow its rules.</summary>
public class AdaptiveVariantTests
{
    private const int TrainingSize = 1400;

    private static readonly Lazy<Trainer> NoisyTrainer = new(() =>
    {
        (Dataset training, Dataset test) = Digits.Split(Digits.Load(Digits.DefaultPath));
        return new Trainer(Digits.WithLabelNoise(training, SmithExperiment.LabelNoise).Noisy, test);
    });

    [Fact]
    public void The_experiments_register_their_variants()
    {
        AdaptiveExperiment.Create().Variants.Select(v => v.Label).Should().Equal("decay-lr", "increase-batch", "adaptive", "adaptive-gain");
        AdaScaleExperiment.Create().Variants.Select(v => v.Label).Should().Equal("adascale k=1", "adascale k=4", "adascale k=8");
    }

    [Fact]
    public void Measuring_the_noise_scale_leaves_the_updates_of_the_baseline_unchanged()
    {
        TrainingOutcome plain = NoisyTrainer.Value.Train(SmithExperiment.DecayLearningRate().CreateDrivers(TrainingSize), seed: 1, maxEpochs: 2);
        TrainingOutcome measured = NoisyTrainer.Value.Train(AdaptiveExperiment.Create().Variants[0].CreateDrivers(TrainingSize), seed: 1, maxEpochs: 2);

        measured.Epochs.Select(e => e with { NoiseScale = null }).Should().Equal(plain.Epochs);
        measured.Epochs.Skip(1).Should().OnlyContain(e => e.NoiseScale > 0);
    }

    [Fact]
    public void AdaScale_at_scale_one_is_the_batch_10_baseline_and_its_clock_counts_the_steps()
    {
        TrainingOutcome plain = NoisyTrainer.Value.Train(SmithExperiment.DecayLearningRate().CreateDrivers(TrainingSize), seed: 2, maxEpochs: 2);
        TrainingOutcome scaled = NoisyTrainer.Value.Train(AdaScaleExperiment.Scaled(1).CreateDrivers(TrainingSize), seed: 2, maxEpochs: 2);

        scaled.Epochs.Select(e => e with { NoiseScale = null, Progress = null }).Should().Equal(plain.Epochs);
        scaled.Epochs.Skip(1).Select(e => e.Progress).Should().Equal(140.0, 280.0);
    }

    [Fact]
    public void AdaScale_at_scale_four_advances_its_clock_by_gains_between_one_and_four()
    {
        TrainingOutcome scaled = NoisyTrainer.Value.Train(AdaScaleExperiment.Scaled(4).CreateDrivers(TrainingSize), seed: 0, maxEpochs: 2);

        // 35 steps of batch 40 per epoch, each advancing τ by a gain in [1, 4].
        double progress = scaled.Epochs[1].Progress!.Value;
        progress.Should().BeInRange(35.0, 140.0);
        scaled.Epochs[1].Updates.Should().Be(35);
    }

    [Fact]
    public void The_controller_changes_the_batch_only_at_epoch_starts_growing_in_multiples_of_10_and_deterministically()
    {
        Variant adaptive = AdaptiveExperiment.Create().Variants[2];
        RunDrivers drivers = adaptive.CreateDrivers(TrainingSize);
        TrainingOutcome first = NoisyTrainer.Value.Train(drivers, seed: 0, maxEpochs: 4);
        TrainingOutcome again = NoisyTrainer.Value.Train(adaptive.CreateDrivers(TrainingSize), seed: 0, maxEpochs: 4);

        again.Epochs.Should().Equal(first.Epochs);
        EpochRecord[] epochs = [.. first.Epochs.Skip(1)];
        epochs.Should().OnlyContain(e => e.BatchSizeFirst == e.BatchSizeLast && e.BatchSizeFirst % 10 == 0);
        epochs.Select(e => e.BatchSizeFirst).Should().BeInAscendingOrder();
        var run = (ControllerRun)drivers.Observer!;
        run.Controller.Changes.Should().NotBeEmpty();
        run.Controller.Changes.Should().OnlyContain(c => run.Controller.GetPosition(c.Threshold).StepInEpoch == 0);
        epochs[^1].Updates.Should().Be(run.Controller.ReportCount);
    }
}
