namespace DigitsTraining.Training;

/// <summary>
/// Shown the squared gradient norms of every step: how a run that measures its gradient noise scale (and a run whose
/// batch size or rate depends on it) hears about the gradients. The trainer splits each batch into <see cref="Parts"/>
/// equal parts, computes each part's mean gradient for the norms only, and then the whole batch's gradient, which is the
/// one the optimizer uses; so a run with an observer makes exactly the updates the same run without one makes.
/// </summary>
internal interface IGradientObserver
{
    /// <summary>Gets the number of equal parts each batch is split into for the measurement (the batch sizes must divide).</summary>
    int Parts { get; }

    /// <summary>Gets the noise scale measured so far, recorded at the end of each epoch.</summary>
    double NoiseScale { get; }

    /// <summary>Gets AdaScale's progress so far, or null for runs without AdaScale.</summary>
    double? Progress { get; }

    /// <summary>Receives a step's squared norms: each part's mean gradient (batch / parts samples) and the whole batch's.</summary>
    void Observe(long step, int batchSize, ReadOnlySpan<double> partSquaredNorms, double wholeSquaredNorm);

    /// <summary>Called after the optimizer made the step's update.</summary>
    void AfterStep(long step, int batchSize);
}

/// <summary>Computes the squared norms of the parts' and the whole batch's gradients for an <see cref="IGradientObserver"/>.</summary>
internal sealed class GradientNorms(IReadOnlyList<Parameter> parameters, int parts)
{
    private readonly double[] _partNorms = new double[parts];

    /// <summary>Runs the forward and backward pass on each part and keeps the squared norm of each part's gradient.</summary>
    public void MeasureParts(Mlp model, Dataset data, ReadOnlySpan<int> rows)
    {
        if (rows.Length % parts != 0)
        {
            throw new InvalidOperationException($"A batch of {rows.Length} does not split into {parts} equal parts.");
        }

        int size = rows.Length / parts;
        for (int p = 0; p < parts; p++)
        {
            model.ForwardBackward(data, rows.Slice(p * size, size));
            _partNorms[p] = SquaredNorm();
        }
    }

    /// <summary>Hands the parts' norms and the whole batch's (the gradient now in the parameters) to the observer.</summary>
    public void Report(IGradientObserver observer, long step, int batchSize) =>
        observer.Observe(step, batchSize, _partNorms, SquaredNorm());

    private double SquaredNorm()
    {
        double sum = 0.0;
        foreach (Parameter parameter in parameters)
        {
            foreach (double g in parameter.Gradient)
            {
                sum += g * g;
            }
        }

        return sum;
    }
}
