using LrSchedules.Batching;

namespace LrSchedules.Tests.Batching;

public class AdamHyperparametersTests
{
    // At the reference batch size ScaleAdam returns its input, so these are exactly the values passed.
    private static AdamHyperparameters Adam(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) =>
        BatchScaling.ScaleAdam(learningRate, beta1, beta2, epsilon, 256, 256);

    [Fact]
    public void Equal_values_are_equal_with_equal_hash_codes()
    {
        AdamHyperparameters left = Adam();
        AdamHyperparameters right = Adam();

        left.Equals(right).Should().BeTrue();
        left.Equals((object)right).Should().BeTrue();
        (left == right).Should().BeTrue();
        (left != right).Should().BeFalse();
        left.GetHashCode().Should().Be(right.GetHashCode());
    }

    [Fact]
    public void Values_that_differ_in_any_one_hyperparameter_are_not_equal()
    {
        AdamHyperparameters reference = Adam();
        AdamHyperparameters[] others = [Adam(learningRate: 2e-3), Adam(beta1: 0.95), Adam(beta2: 0.99), Adam(epsilon: 1e-6)];

        foreach (AdamHyperparameters other in others)
        {
            reference.Equals(other).Should().BeFalse(other.ToString());
            (reference == other).Should().BeFalse(other.ToString());
            (reference != other).Should().BeTrue(other.ToString());
        }
    }

    [Fact]
    public void A_different_type_is_not_equal_and_the_text_names_every_value()
    {
        AdamHyperparameters adam = Adam();

        adam.Equals("learning rate 0.001").Should().BeFalse();
        adam.ToString().Should().Be("learning rate 0.001, beta1 0.9, beta2 0.999, epsilon 1E-08");
    }
}
