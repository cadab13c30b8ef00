using LrSchedules.Batching;

namespace LrSchedules.Tests.Batching;

/// <summary>The README's data-parallel example, run with made-up norms: it compiles and does what the comments say.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void The_data_parallel_example_grows_the_batch_at_decision_points_by_whole_factors_and_resumes_from_json()
    {
        int workers = 8;
        var noise = AdaptiveBatching.NoiseScale();
        var controller = AdaptiveBatching.Controller(
            Schedule.Cosine(0.1, 0.0, 100_000), datasetSize: 1_281_167,
            initialBatchSize: 256, minimumBatchSize: 256, maximumBatchSize: 8192,
            decisionIntervalSteps: 500, rateRule: AdaptiveRateRule.Linear,
            granularity: BatchSizeGranularity.MultipleOf(workers * 32), integerFactors: true);
        double[] localSquaredNorms = new double[workers];

        for (int step = 0; step < 1000; step++)
        {
            long batch = controller.CurrentBatchSize;
            double rate = controller.CurrentLearningRate;
            rate.Should().BeGreaterThan(0.0);

            // A gradient with |G|² = 1 and tr(Σ) = 1000 samples: each worker's mean over b samples has
            // E|g_w|² = 1 + 1000/b, the all-reduced one 1 + 1000/(W·b). So B_noise = 1000.
            long local = batch / workers;
            Array.Fill(localSquaredNorms, 1.0 + (1000.0 / local));
            double wholeSquaredNorm = 1.0 + (1000.0 / batch);
            noise.UpdateFromParts(local, localSquaredNorms, wholeSquaredNorm);
            controller.Report(noise.NoiseScale);
        }

        noise.NoiseScale.Should().BeApproximately(1000.0, 1e-9);

        // Step 500 decided on 1000: the nearest multiple of 256 is 1024 = 256 × 4, a whole factor, applied once the
        // epoch's samples divide into batches of 1024.
        controller.Changes.Should().NotBeEmpty();
        controller.Changes[0].BatchSize.Should().Be(1024);
        controller.Changes[0].Threshold.Should().BeGreaterThanOrEqualTo(500);
        controller.CurrentLearningRate.Should().BeApproximately(controller.LearningRate.GetLearningRate(1000) * 4.0, 1e-15);

        var resumed = AdaptiveBatching.Controller(
            Schedule.Cosine(0.1, 0.0, 100_000), 1_281_167, 256, 256, 8192, 500, AdaptiveRateRule.Linear,
            BatchSizeGranularity.MultipleOf(workers * 32), integerFactors: true);
        resumed.ImportStateJson(controller.ExportStateJson());
        resumed.CurrentBatchSize.Should().Be(controller.CurrentBatchSize);
        resumed.CurrentLearningRate.Should().Be(controller.CurrentLearningRate);
    }
}
