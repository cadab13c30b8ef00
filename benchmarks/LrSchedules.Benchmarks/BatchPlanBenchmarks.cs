using BenchmarkDotNet.Attributes;
using LrSchedules.Batching;

namespace LrSchedules.Benchmarks;

/// <summary>
/// What a training loop asks a batch-size plan at every step: the learning rate, the batch size and the epoch, for
/// Smith et al.'s "increase the batch size instead of decaying the rate": the README's example (a step decay ÷5 at
/// epochs 30, 45 and 55 on 1,400 samples from batch 10) with room for every decay to become a batch increase, so the
/// plan has four phases, batch sizes 10, 50, 250 and 1,250.
/// </summary>
public class BatchPlanBenchmarks : QueryBenchmarks
{
    private ILearningRateSchedule _learningRate = null!;
    private TrainingPlan _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        BatchGrowthPlan smith = BatchSchedule.IncreaseBatchSizeInsteadOfDecay(
            Schedule.MultiStep(0.1, [30, 45, 55], 0.2),
            TrainingClock.Epochs,
            datasetSize: 1_400,
            LastBatch.Drop,
            initialBatchSize: 10,
            maximumBatchSize: 1_250,
            epochs: 60);
        _learningRate = smith.LearningRate;
        _plan = smith.Plan;
        if (_plan.Phases.Count != 4)
        {
            throw new InvalidOperationException($"The plan must have four phases but has {_plan.Phases.Count}.");
        }
    }

    /// <summary>The rate, the batch size and the epoch, each asked for on its own (three lookups of the step).</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double RateBatchEpoch()
    {
        ILearningRateSchedule learningRate = _learningRate;
        TrainingPlan plan = _plan;
        double sum = 0.0;
        long end = Start + StepsPerInvoke;
        for (long step = Start; step < end; step++)
        {
            sum += learningRate.GetLearningRate(step) + plan.GetBatchSize(step) + plan.GetEpoch(step);
        }

        return sum;
    }

    /// <summary>The rate and the whole <see cref="TrainingPosition"/> (batch size, epoch, samples seen, …) in one lookup.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double RateAndPosition()
    {
        ILearningRateSchedule learningRate = _learningRate;
        TrainingPlan plan = _plan;
        double sum = 0.0;
        long end = Start + StepsPerInvoke;
        for (long step = Start; step < end; step++)
        {
            TrainingPosition position = plan.GetPosition(step);
            sum += learningRate.GetLearningRate(step) + position.BatchSize + position.Epoch;
        }

        return sum;
    }
}
