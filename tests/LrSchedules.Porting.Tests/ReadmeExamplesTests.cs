namespace LrSchedules.Porting.Tests;

/// <summary>The three examples of the README's "Porting from Python", as written there, with values worked out by hand.</summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void OneCycleLR_example()
    {
        var schedule = Torch.OneCycleLR(maxLr: 0.1, totalSteps: 1000, pctStart: 0.25);

        // Starts at max_lr / div_factor = 0.004 and peaks at pct_start · total − 1 = 249.
        schedule.GetLearningRate(0).Should().BeApproximately(0.004, 1e-17);
        schedule.GetLearningRate(249).Should().Be(0.1);

        // The momentum: max_momentum at 0, base_momentum where the rate peaks (cos(π) + 1 = 0 exactly), max again at the end.
        MomentumSchedule momentum = Torch.GetMomentum(schedule)!;
        momentum.GetValue(0).Should().Be(0.95);
        momentum.GetValue(249).Should().Be(0.85);
        momentum.GetValue(999).Should().Be(0.95);
    }

    [Fact]
    public void Get_scheduler_cosine_with_min_lr_example()
    {
        var schedule = Transformers.GetScheduler("cosine_with_min_lr", lr: 3e-4, numWarmupSteps: 100, numTrainingSteps: 1000,
            schedulerSpecificKwargs: new Dictionary<string, object?> { ["min_lr_rate"] = 0.1 });

        schedule.GetLearningRate(50).Should().BeApproximately(1.5e-4, 1e-19); // 3e-4 · 50 / 100
        schedule.GetLearningRate(100).Should().BeApproximately(3e-4, 1e-18);
        schedule.GetLearningRate(1000).Should().BeApproximately(3e-5, 1e-19); // the floor, lr · min_lr_rate
    }

    [Fact]
    public void Megatron_wsd_launch_example()
    {
        MegatronSchedules megatron = Megatron.GetOptimizerParamScheduler(
            lr: 3e-4, globalBatchSize: 512, trainIters: 10_000, minLr: 3e-5, lrDecayStyle: "WSD",
            lrWsdDecayStyle: "exponential", lrWarmupIters: 500, lrWsdDecayIters: 2000).PerIteration(512);

        megatron.LearningRate.GetLearningRate(250).Should().BeApproximately(1.5e-4, 1e-19); // half the warmup
        megatron.LearningRate.GetLearningRate(8000).Should().Be(3e-4); // the last stable iteration
        megatron.LearningRate.GetLearningRate(9000).Should().BeApproximately(3e-5 + (((2 * Math.Pow(0.5, 0.5)) - 1) * 2.7e-4), 1e-18);
        megatron.LearningRate.GetLearningRate(10_000).Should().BeApproximately(3e-5, 1e-19);
        megatron.WeightDecay.GetLearningRate(0).Should().Be(0.01); // --weight-decay's default, constant
    }
}
