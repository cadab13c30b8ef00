using DigitsTraining.Training;
using MathNet.Numerics.LinearAlgebra.Double;

namespace DigitsTraining.Tests;

public class ModelTests
{
    [Fact]
    public void Backward_pass_matches_central_finite_differences_for_every_parameter()
    {
        Dataset data = RandomData(examples: 6, features: 5, classes: 4, seed: 7);
        var model = new Mlp(inputs: 5, hidden: 7, classes: 4, new Rng(3, 0));
        int[] rows = [4, 0, 2, 5, 1];

        model.ForwardBackward(data, rows);
        double[][] analytic = [.. model.Parameters.Select(p => (double[])p.Gradient.Clone())];

        const double h = 1e-6;
        double worst = 0.0;
        for (int p = 0; p < model.Parameters.Count; p++)
        {
            double[] values = model.Parameters[p].Values;
            for (int k = 0; k < values.Length; k++)
            {
                double saved = values[k];
                values[k] = saved + h;
                double plus = model.ForwardBackward(data, rows);
                values[k] = saved - h;
                double minus = model.ForwardBackward(data, rows);
                values[k] = saved;
                double numeric = (plus - minus) / (2 * h);
                double error = Math.Abs(numeric - analytic[p][k]) / Math.Max(1e-3, Math.Abs(numeric) + Math.Abs(analytic[p][k]));
                worst = Math.Max(worst, error);
            }
        }

        worst.Should().BeLessThan(1e-6);
    }

    [Fact]
    public void Loss_is_the_mean_cross_entropy_of_the_batch()
    {
        Dataset data = RandomData(examples: 3, features: 2, classes: 3, seed: 1);
        var model = new Mlp(inputs: 2, hidden: 3, classes: 3, new Rng(5, 0));

        double loss = model.ForwardBackward(data, [0, 1, 2]);

        // Recompute by hand, one example at a time, with the model's own weights.
        double[] w1 = model.Parameters[0].Values, b1 = model.Parameters[1].Values;
        double[] w2 = model.Parameters[2].Values, b2 = model.Parameters[3].Values;
        double expected = 0.0;
        for (int i = 0; i < 3; i++)
        {
            double[] hidden = new double[3];
            for (int j = 0; j < 3; j++)
            {
                double z = b1[j];
                for (int f = 0; f < 2; f++)
                {
                    z += w1[(f * 3) + j] * data.Features[i, f]; // column-major out × in
                }

                hidden[j] = Math.Max(0.0, z);
            }

            double[] logits = new double[3];
            for (int c = 0; c < 3; c++)
            {
                logits[c] = b2[c];
                for (int j = 0; j < 3; j++)
                {
                    logits[c] += w2[(j * 3) + c] * hidden[j];
                }
            }

            double logSumExp = Math.Log(logits.Sum(Math.Exp));
            expected += (logSumExp - logits[data.Labels[i]]) / 3;
        }

        loss.Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Evaluate_agrees_with_the_training_loss_on_the_same_examples()
    {
        Dataset data = RandomData(examples: 8, features: 4, classes: 3, seed: 2);
        var model = new Mlp(inputs: 4, hidden: 6, classes: 3, new Rng(9, 0));

        (double loss, int correct) = model.Evaluate(data);

        loss.Should().BeApproximately(model.ForwardBackward(data, [.. Enumerable.Range(0, 8)]), 1e-12);
        correct.Should().BeInRange(0, 8);
    }

    [Fact]
    public void Initial_weights_and_biases_are_uniform_within_one_over_sqrt_fan_in_like_nn_Linear()
    {
        var model = new Mlp(inputs: 16, hidden: 9, classes: 3, new Rng(1, 0));

        double[] bounds = [1 / 4.0, 1 / 4.0, 1 / 3.0, 1 / 3.0];
        for (int p = 0; p < 4; p++)
        {
            double[] values = model.Parameters[p].Values;
            values.Should().OnlyContain(v => Math.Abs(v) <= bounds[p]);
            if (values.Length < 20)
            {
                continue;
            }

            values.Max().Should().BeGreaterThan(bounds[p] / 3, "the values should spread over the interval");
            values.Min().Should().BeLessThan(-bounds[p] / 3);
        }

        model.Parameters.Select(p => p.Name).Should().Equal("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias");
        model.Parameters.Select(p => p.Values.Length).Should().Equal(16 * 9, 9, 9 * 3, 3);
    }

    [Fact]
    public void Momentum_sgd_follows_torch_optim_SGD()
    {
        var p = new Parameter("p", [1.0, -2.0]);
        var sgd = new MomentumSgd([p], momentum: 0.9);

        // Step 1: buf = g; p -= lr * buf.
        p.Gradient[0] = 0.5;
        p.Gradient[1] = -1.0;
        sgd.Step(0.1);
        p.Values.Should().Equal(1.0 - (0.1 * 0.5), -2.0 - (0.1 * -1.0));

        // Step 2: buf = 0.9 * buf + g; p -= lr * buf, with a new rate (the schedule's).
        p.Gradient[0] = 0.25;
        p.Gradient[1] = 0.0;
        sgd.Step(0.02);
        p.Values[0].Should().Be(1.0 - (0.1 * 0.5) - (0.02 * ((0.9 * 0.5) + 0.25)));
        p.Values[1].Should().Be(-2.0 - (0.1 * -1.0) - (0.02 * (0.9 * -1.0)));
        sgd.Updates.Should().Be(2);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(double.PositiveInfinity)]
    public void Momentum_sgd_rejects_a_bad_learning_rate(double learningRate)
    {
        var sgd = new MomentumSgd([new Parameter("p", [1.0])], momentum: 0.9);

        FluentActions.Invoking(() => sgd.Step(learningRate)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Rng_is_reproducible_and_separates_streams()
    {
        var first = new Rng(42, 1);
        var second = new Rng(42, 1);
        var other = new Rng(42, 2);
        for (int i = 0; i < 5; i++)
        {
            ulong x = first.NextUInt64();
            second.NextUInt64().Should().Be(x);
            other.NextUInt64().Should().NotBe(x);
        }

        var rng = new Rng(1, 0);
        Enumerable.Range(0, 1000).Select(_ => rng.NextInt(7)).Should().OnlyContain(v => v >= 0 && v < 7)
            .And.Contain([0, 6]);
    }

    internal static Dataset RandomData(int examples, int features, int classes, long seed)
    {
        var rng = new Rng(seed, 99);
        var x = DenseMatrix.Create(examples, features, (_, _) => rng.NextDouble(-1.0, 1.0));
        int[] labels = [.. Enumerable.Range(0, examples).Select(_ => rng.NextInt(classes))];
        return new Dataset(x, labels, classes);
    }
}
