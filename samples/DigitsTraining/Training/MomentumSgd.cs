namespace DigitsTraining.Training;

/// <summary>
/// Stochastic gradient descent with momentum, exactly as PyTorch's <c>torch.optim.SGD(params, lr, momentum)</c> with
/// no dampening, no weight decay and no Nesterov: <c>buf = momentum · buf + g; p = p − lr · buf</c>, the buffer starting
/// as the first gradient (<c>torch/optim/sgd.py</c>, <c>_single_tensor_sgd</c>).
/// </summary>
/// <remarks>
/// The learning rate is an argument of <see cref="Step(double)"/>, not a field: the caller asks the schedule for the
/// step's rate and passes it in, so the optimizer holds no schedule and no step counter. Mutable, not thread-safe.
/// </remarks>
internal sealed class MomentumSgd : IOptimizer
{
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly double[][] _buffers;
    private bool _started;

    public MomentumSgd(IReadOnlyList<Parameter> parameters, double momentum)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(momentum >= 0.0 && momentum < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum must be in [0, 1).");
        }

        _parameters = parameters;
        _buffers = [.. parameters.Select(p => new double[p.Values.Length])];
        Momentum = momentum;
    }

    /// <summary>Gets the momentum factor.</summary>
    public double Momentum { get; }

    /// <summary>Gets the number of updates made so far.</summary>
    public long Updates { get; private set; }

    /// <summary>Updates every parameter from its current gradient with learning rate <paramref name="learningRate"/>.</summary>
    public void Step(double learningRate)
    {
        if (!(learningRate >= 0.0) || double.IsPositiveInfinity(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be finite and ≥ 0.");
        }

        for (int p = 0; p < _parameters.Count; p++)
        {
            Span<double> values = _parameters[p].Values;
            ReadOnlySpan<double> gradient = _parameters[p].Gradient;
            Span<double> buffer = _buffers[p];
            for (int k = 0; k < values.Length; k++)
            {
                // torch: buf = clone(grad) on the first step, then buf.mul_(momentum).add_(grad); param.add_(buf, alpha=-lr).
                double b = _started ? (Momentum * buffer[k]) + gradient[k] : gradient[k];
                buffer[k] = b;
                values[k] += -learningRate * b;
            }
        }

        _started = true;
        Updates++;
    }
}
