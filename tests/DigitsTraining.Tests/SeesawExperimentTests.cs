using DigitsTraining.Experiments;
using DigitsTraining.Training;

namespace DigitsTraining.Tests;

/// <summary>The sample's Adam and the seesaw experiment's variants.</summary>
public class SeesawExperimentTests
{
    [Fact]
    public void Adam_moves_each_parameter_by_the_rate_while_the_gradient_is_constant()
    {
        // torch.optim.Adam: with a constant gradient g the bias-corrected m / √v is sign(g) at every step
        // (m_t / (1 − β1^t) = g and √(v_t / (1 − β2^t)) = |g|), so each step moves by lr, less eps's share.
        var parameter = new Parameter("w", [1.0, -2.0]);
        var adam = new Adam([parameter]);
        parameter.Gradient[0] = 0.5;
        parameter.Gradient[1] = -3.0;

        adam.Step(0.1);
        adam.Step(0.1);

        parameter.Values[0].Should().BeApproximately(0.8, 1e-7);
        parameter.Values[1].Should().BeApproximately(-1.8, 1e-7);
        adam.Updates.Should().Be(2);
    }

    [Fact]
    public void Adam_first_step_is_the_rate_over_one_plus_eps_over_the_gradient()
    {
        // Step 1: m = 0.1·g, v = 0.001·g², step_size = lr / (1 − 0.9), denom = |g| + eps: Δ = lr · g / (|g| + eps).
        var parameter = new Parameter("w", [0.0]);
        var adam = new Adam([parameter]);
        parameter.Gradient[0] = 1e-8;

        adam.Step(1.0);

        parameter.Values[0].Should().BeApproximately(-0.5, 1e-9, "eps equals the gradient, so the step is halved");
    }

    [Fact]
    public void Seesaw_variants_use_Adam_and_the_transform_of_the_step_decay()
    {
        Experiment experiment = SeesawExperiment.Create();
        experiment.Variants.Select(v => v.Name).Should().Equal("step-decay", "seesaw", "seesaw-cap-40");

        RunDrivers decay = experiment.Variants[0].CreateDrivers(1_400);
        RunDrivers seesaw = experiment.Variants[1].CreateDrivers(1_400);
        RunDrivers capped = experiment.Variants[2].CreateDrivers(1_400);
        decay.Optimizer!([new Parameter("w", [0.0])]).Should().BeOfType<Adam>();

        // Epoch 30: the decay is at 0.002/8 with batch 10; Seesaw at 0.002/√8 with batch 80; capped at 40: 0.002/4 with batch 40.
        decay.LearningRate.GetLearningRate(decay.Batches.EpochStartStep(30)).Should().Be(0.00025);
        seesaw.Batches.BatchSize(seesaw.Batches.EpochStartStep(30)).Should().Be(80);
        seesaw.LearningRate.GetLearningRate(seesaw.Batches.EpochStartStep(30)).Should().BeApproximately(0.002 / Math.Sqrt(8), 1e-15);
        capped.Batches.BatchSize(capped.Batches.EpochStartStep(30)).Should().Be(40);
        capped.LearningRate.GetLearningRate(capped.Batches.EpochStartStep(30)).Should().BeApproximately(0.0005, 1e-15);
        seesaw.Batches.EpochStartStep(40).Should().Be(2_620);
        decay.Batches.EpochStartStep(40).Should().Be(5_600);
    }
}
