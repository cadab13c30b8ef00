using DigitsTraining.Experiments;
using DigitsTraining.Training;
using LrSchedules;

namespace DigitsTraining.Tests;

/// <summary>The registered variants are driven by the library's values: batch sizes, rates and epochs as the papers' recipes give them.</summary>
public class VariantTests
{
    private const int TrainingSize = 1400;

    private static readonly Lazy<(Dataset Training, Dataset Test)> NoisySplit = new(() =>
    {
        (Dataset training, Dataset test) = Digits.Split(Digits.Load(Digits.DefaultPath));
        return (Digits.WithLabelNoise(training, SmithExperiment.LabelNoise).Noisy, test);
    });

    [Fact]
    public void The_experiments_register_every_variant_of_the_issue()
    {
        SmithExperiment.Create().Variants.Select(v => v.Label).Should().Equal("decay-lr", "increase-batch");
        ScalingExperiment.Create().Variants.Select(v => v.Label).Should().Equal(
            "none k=1", "none k=2", "none k=4", "none k=8",
            "linear-warmup k=1", "linear-warmup k=2", "linear-warmup k=4", "linear-warmup k=8",
            "sqrt-warmup k=1", "sqrt-warmup k=2", "sqrt-warmup k=4", "sqrt-warmup k=8");
    }

    [Fact]
    public void Smith_increase_batch_run_grows_the_batch_10_50_250_and_then_divides_the_rate_by_5()
    {
        var trainer = new Trainer(NoisySplit.Value.Training, NoisySplit.Value.Test);
        RunDrivers drivers = SmithExperiment.IncreaseBatchSize().CreateDrivers(TrainingSize);

        TrainingOutcome outcome = trainer.Train(drivers, seed: 0);

        EpochRecord[] epochs = [.. outcome.Epochs.Skip(1)];
        epochs.Should().HaveCount(45);
        outcome.Diverged.Should().BeFalse();
        int[] expectedBatch = [.. Enumerable.Range(0, 45).Select(e => e < 15 ? 10 : e < 27 ? 50 : 250)];
        epochs.Select(e => e.BatchSizeFirst!.Value).Should().Equal(expectedBatch);
        epochs.Select(e => e.BatchSizeLast!.Value).Should().Equal(expectedBatch);

        // The four phases: epochs 0-14, 15-26, 27-36 and 37-44.
        int[] phaseStarts = [0, 15, 27, 37];
        phaseStarts.Select(e => epochs[e].BatchSizeFirst).Should().Equal(10, 50, 250, 250);
        double[] rates = [0.1, 0.1, 0.1, 0.02];
        for (int phase = 0; phase < 4; phase++)
        {
            int end = phase < 3 ? phaseStarts[phase + 1] : 45;
            for (int e = phaseStarts[phase]; e < end; e++)
            {
                epochs[e].LearningRateFirst.Should().BeApproximately(rates[phase], 1e-12, $"epoch {e}");
                epochs[e].LearningRateLast.Should().BeApproximately(rates[phase], 1e-12, $"epoch {e}");
            }
        }

        // 140 steps per epoch at batch 10, 28 at 50, 5 at 250 (150 examples dropped): 2,526 updates against 6,300.
        epochs[^1].Updates.Should().Be((15 * 140) + (12 * 28) + (18 * 5)).And.Be(2526);
        epochs.Select(e => e.Samples).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Smith_increase_batch_keeps_the_baseline_rate_over_batch_at_the_start_of_every_epoch()
    {
        RunDrivers decay = SmithExperiment.DecayLearningRate().CreateDrivers(TrainingSize);
        RunDrivers increase = SmithExperiment.IncreaseBatchSize().CreateDrivers(TrainingSize);

        decay.Batches.EpochStartStep(45).Should().Be(6300);
        increase.Batches.EpochStartStep(45).Should().Be(2526);
        for (int epoch = 0; epoch < 45; epoch++)
        {
            long d = decay.Batches.EpochStartStep(epoch);
            long i = increase.Batches.EpochStartStep(epoch);
            double baselineNoise = decay.LearningRate.GetLearningRate(d) / decay.Batches.BatchSize(d);
            double increasedNoise = increase.LearningRate.GetLearningRate(i) / increase.Batches.BatchSize(i);
            increasedNoise.Should().BeApproximately(baselineNoise, 1e-15, $"the SGD noise scale lr·N/(B(1−m)) of epoch {epoch}");
        }
    }

    [Fact]
    public void The_supplementary_smith_run_starts_five_times_lower_and_is_not_part_of_all()
    {
        Experiment low = ExperimentCatalog.Find(SmithExperiment.LowRateName)!;
        RunDrivers decay = low.Variants[0].CreateDrivers(TrainingSize);
        RunDrivers increase = low.Variants[1].CreateDrivers(TrainingSize);

        low.Variants.Select(v => v.Name).Should().Equal("decay-lr", "increase-batch");
        low.Title.Should().StartWith("supplementary");
        ExperimentCatalog.Full.Select(e => e.Name).Should().Equal("smith", "scaling");
        decay.LearningRate.GetLearningRate(0).Should().Be(0.02);
        decay.LearningRate.GetLearningRate(15 * 140).Should().BeApproximately(0.004, 1e-15);
        long[] phaseStarts = [.. new[] { 0, 15, 27, 37 }.Select(increase.Batches.EpochStartStep)];
        phaseStarts.Select(increase.Batches.BatchSize).Should().Equal(10, 50, 250, 250);
        phaseStarts.Select(increase.LearningRate.GetLearningRate).Should().Equal(
            [0.02, 0.02, 0.02, 0.004], (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Theory]
    [InlineData(1, 140)]
    [InlineData(2, 70)]
    [InlineData(4, 35)]
    [InlineData(8, 17)]
    public void Scaling_linear_rule_warms_up_from_the_base_rate_to_k_times_it_over_5_epochs(int k, int stepsPerEpoch)
    {
        RunDrivers drivers = ScalingExperiment.LinearWithWarmup(k).CreateDrivers(TrainingSize);
        long warmup = 5L * stepsPerEpoch;
        ILearningRateSchedule rate = drivers.LearningRate;

        drivers.Batches.Epochs.Should().Be(60);
        drivers.Batches.BatchSize(0).Should().Be(10 * k);
        drivers.Batches.EpochStartStep(5).Should().Be(warmup);
        rate.GetLearningRate(0).Should().Be(0.05);
        rate.GetLearningRate(warmup / 2).Should().BeApproximately(0.05 + ((0.05 * k) - 0.05) * (warmup / 2) / warmup, 1e-12);
        rate.GetLearningRate(warmup).Should().BeApproximately(0.05 * k, 1e-12, "the warmup ends at the linearly scaled rate");
        rate.GetLearningRate((30L * stepsPerEpoch) - 1).Should().BeApproximately(0.05 * k, 1e-12);
        rate.GetLearningRate(30L * stepsPerEpoch).Should().BeApproximately(0.01 * k, 1e-12);
        rate.GetLearningRate(55L * stepsPerEpoch).Should().BeApproximately(0.05 * k / 125, 1e-12);
        if (k > 1)
        {
            rate.GetLearningRate(warmup - 1).Should().BeLessThan(0.05 * k);
        }
    }

    [Theory]
    [InlineData(1, 140)]
    [InlineData(2, 70)]
    [InlineData(4, 35)]
    [InlineData(8, 17)]
    public void Scaling_square_root_rule_warms_up_from_the_base_rate_to_root_k_times_it_over_5_epochs(int k, int stepsPerEpoch)
    {
        RunDrivers drivers = ScalingExperiment.SquareRootWithWarmup(k).CreateDrivers(TrainingSize);
        long warmup = 5L * stepsPerEpoch;
        ILearningRateSchedule rate = drivers.LearningRate;
        double root = Math.Sqrt(k);

        drivers.Batches.BatchSize(0).Should().Be(10 * k);
        drivers.Batches.EpochStartStep(60).Should().Be(60L * stepsPerEpoch);
        rate.GetLearningRate(0).Should().Be(0.05);
        rate.GetLearningRate(warmup).Should().BeApproximately(0.05 * root, 1e-12);
        rate.GetLearningRate((45L * stepsPerEpoch) - 1).Should().BeApproximately(0.01 * root, 1e-12);
        rate.GetLearningRate(45L * stepsPerEpoch).Should().BeApproximately(0.002 * root, 1e-12);
    }

    [Fact]
    public void At_k_1_the_three_scaling_variants_are_the_same_run()
    {
        RunDrivers none = ScalingExperiment.NoScaling(1).CreateDrivers(TrainingSize);
        RunDrivers linear = ScalingExperiment.LinearWithWarmup(1).CreateDrivers(TrainingSize);
        RunDrivers root = ScalingExperiment.SquareRootWithWarmup(1).CreateDrivers(TrainingSize);

        foreach (long step in new long[] { 0, 1, 349, 700, 4199, 4200, 8399 })
        {
            linear.LearningRate.GetLearningRate(step).Should().Be(none.LearningRate.GetLearningRate(step));
            root.LearningRate.GetLearningRate(step).Should().Be(none.LearningRate.GetLearningRate(step));
        }
    }
}
