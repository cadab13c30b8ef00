namespace DigitsTraining.Training;

/// <summary>
/// Adam with bias correction, exactly as PyTorch's <c>torch.optim.Adam(params, lr, betas, eps)</c> with no weight decay,
/// no AMSGrad and not maximizing (<c>torch/optim/adam.py</c>, <c>_single_tensor_adam</c>, the non-capturable path):
/// <c>m.lerp_(g, 1 − β1)</c>; <c>v = β2 · v + (1 − β2) · g²</c>; <c>step_size = lr / (1 − β1^t)</c>;
/// <c>denom = √v / √(1 − β2^t) + eps</c>; <c>p −= step_size · m / denom</c>, in double precision.
/// </summary>
/// <remarks>The learning rate is an argument of <see cref="Step(double)"/>, as for <see cref="MomentumSgd"/>. Mutable, not thread-safe.</remarks>
internal sealed class Adam : IOptimizer
{
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly double[][] _firstMoments;
    private readonly double[][] _secondMoments;

    public Adam(IReadOnlyList<Parameter> parameters, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(beta1 >= 0.0 && beta1 < 1.0) || !(beta2 >= 0.0 && beta2 < 1.0) || !(epsilon >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "Adam needs betas in [0, 1) and eps ≥ 0.");
        }

        _parameters = parameters;
        _firstMoments = [.. parameters.Select(p => new double[p.Values.Length])];
        _secondMoments = [.. parameters.Select(p => new double[p.Values.Length])];
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Epsilon { get; }

    /// <inheritdoc />
    public long Updates { get; private set; }

    /// <inheritdoc />
    public void Step(double learningRate)
    {
        if (!(learningRate >= 0.0) || double.IsPositiveInfinity(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be finite and ≥ 0.");
        }

        long step = Updates + 1;
        double biasCorrection1 = 1 - Math.Pow(Beta1, step);
        double biasCorrection2 = 1 - Math.Pow(Beta2, step);
        double stepSize = learningRate / biasCorrection1;
        double biasCorrection2Sqrt = Math.Sqrt(biasCorrection2);
        double weight = 1 - Beta1;
        for (int p = 0; p < _parameters.Count; p++)
        {
            Span<double> values = _parameters[p].Values;
            ReadOnlySpan<double> gradient = _parameters[p].Gradient;
            Span<double> m = _firstMoments[p];
            Span<double> v = _secondMoments[p];
            for (int k = 0; k < values.Length; k++)
            {
                double g = gradient[k];

                // torch.lerp (aten/src/ATen/native/Lerp.h): self + w · (end − self) when |w| < 0.5, else end − (end − self) · (1 − w).
                m[k] = Math.Abs(weight) < 0.5 ? m[k] + (weight * (g - m[k])) : g - ((g - m[k]) * (1 - weight));
                v[k] = (v[k] * Beta2) + ((1 - Beta2) * g * g);
                double denominator = (Math.Sqrt(v[k]) / biasCorrection2Sqrt) + Epsilon;
                values[k] += -stepSize * (m[k] / denominator);
            }
        }

        Updates++;
    }
}
