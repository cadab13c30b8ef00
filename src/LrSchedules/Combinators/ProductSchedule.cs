using System.Collections.ObjectModel;
using LrSchedules.Internal;

namespace LrSchedules.Combinators;

/// <summary>The pointwise product of schedules.</summary>
/// <remarks>
/// <para><c>lr(t) = s₀(t) · s₁(t) · … · sₙ(t)</c>, multiplied left to right.</para>
/// <para>A schedule whose initial value is 1 acts as a multiplier on the others. This is how PyTorch
/// <c>ChainedScheduler</c> composes (<c>torch/optim/lr_scheduler.py</c>: each chained scheduler's <c>step()</c> multiplies
/// the rate that the previous one left in the optimizer), e.g. <c>ChainedScheduler([ExponentialLR(gamma=0.99),
/// StepLR(step_size=20, gamma=0.5)])</c> on base rate <c>b</c> is
/// <c>Schedule.Product(Schedule.Exponential(b, 0.99), Schedule.Step(1.0, 20, 0.5))</c>. PyTorch's chained form rounds
/// after each factor of each step, so values agree to a few ulps rather than bit for bit.</para>
/// <para>A product whose first factor is itself a product is flattened when it is built, which changes no value (the
/// multiplications happen in the same order). A product that would overflow saturates at <see cref="double.MaxValue"/>,
/// so the rate stays finite. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class ProductSchedule : LearningRateSchedule
{
    private readonly LearningRateSchedule[] _factors;

    private ProductSchedule(LearningRateSchedule[] factors)
    {
        _factors = factors;
        Depth = Composition.Over(factors, "schedules");
        Factors = new ReadOnlyCollection<ILearningRateSchedule>(Array.ConvertAll(factors, Children.Original));
    }

    /// <summary>Gets the schedules multiplied together, in the order they are multiplied.</summary>
    public IReadOnlyList<ILearningRateSchedule> Factors { get; }

    /// <summary>Builds a product from validated factors, flattening a first factor that is itself a product.</summary>
    internal static ProductSchedule Create(LearningRateSchedule[] factors)
    {
        if (factors[0] is not ProductSchedule head)
        {
            return new ProductSchedule(factors);
        }

        if (factors.Length == 1)
        {
            return head;
        }

        return new ProductSchedule([.. head._factors, .. factors.AsSpan(1)]);
    }

    internal override double Evaluate(double position)
    {
        LearningRateSchedule[] factors = _factors;
        double product = factors[0].Evaluate(position);
        for (int i = 1; i < factors.Length; i++)
        {
            product *= factors[i].Evaluate(position);
        }

        // Every factor is finite; only their product can overflow. Saturate so that the rate stays finite.
        return Math.Min(product, double.MaxValue);
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds
    {
        get
        {
            // Every factor is ≥ 0, so the product is monotone in each: multiply the least values and the greatest.
            double minimum = 1.0;
            double maximum = 1.0;
            foreach (LearningRateSchedule factor in _factors)
            {
                if (factor.Bounds is not { } bounds)
                {
                    return null;
                }

                minimum *= bounds.Minimum;
                maximum *= bounds.Maximum;
            }

            return new ValueBounds(minimum, Math.Min(maximum, double.MaxValue));
        }
    }
}
