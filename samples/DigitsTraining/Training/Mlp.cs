using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace DigitsTraining.Training;

/// <summary>A trainable tensor: its values and the gradient of the loss with respect to them, both flat arrays.</summary>
/// <remarks>Mutable: the optimizer writes <see cref="Values"/>, the backward pass writes <see cref="Gradient"/>.</remarks>
internal sealed class Parameter
{
    public Parameter(string name, double[] values)
    {
        Name = name;
        Values = values;
        Gradient = new double[values.Length];
    }

    /// <summary>Gets the name, as PyTorch would print it (<c>fc1.weight</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the values; for a weight matrix, the column-major storage of the MathNet matrix that uses them.</summary>
    public double[] Values { get; }

    /// <summary>Gets the gradient, laid out as <see cref="Values"/>.</summary>
    public double[] Gradient { get; }
}

/// <summary>
/// A two-layer perceptron, <c>inputs → hidden (ReLU) → classes</c>, trained with softmax cross-entropy: PyTorch's
/// <c>nn.Sequential(nn.Linear(inputs, hidden), nn.ReLU(), nn.Linear(hidden, classes))</c> with
/// <c>nn.CrossEntropyLoss()</c> (mean over the batch).
/// </summary>
/// <remarks>
/// <para>Weights are stored as PyTorch stores them, <c>out × in</c>, and a batch is a matrix with one example per row,
/// so a layer is <c>Z = X·Wᵀ + b</c>, one matrix product for the whole batch.</para>
/// <para>Mutable and not thread-safe: each run owns its model. The activation buffers are kept per batch size, so a
/// step allocates nothing once each batch size has been seen.</para>
/// </remarks>
internal sealed class Mlp
{
    private readonly DenseMatrix _w1;
    private readonly double[] _b1;
    private readonly DenseMatrix _w2;
    private readonly double[] _b2;
    private readonly DenseMatrix _gradW1;
    private readonly double[] _gradB1;
    private readonly DenseMatrix _gradW2;
    private readonly double[] _gradB2;
    private readonly Dictionary<int, Activations> _activations = [];

    /// <summary>Creates the model with weights and biases uniform in ±1/sqrt(fan_in), as <c>nn.Linear</c> initialises them.</summary>
    /// <param name="inputs">The number of input features.</param>
    /// <param name="hidden">The width of the hidden layer.</param>
    /// <param name="classes">The number of classes.</param>
    /// <param name="initialisation">The generator the initial values are drawn from, in the order fc1.weight, fc1.bias, fc2.weight, fc2.bias.</param>
    public Mlp(int inputs, int hidden, int classes, Rng initialisation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentNullException.ThrowIfNull(initialisation);
        Inputs = inputs;
        Hidden = hidden;
        Classes = classes;

        var fc1Weight = new Parameter("fc1.weight", Uniform(hidden * inputs, inputs, initialisation));
        var fc1Bias = new Parameter("fc1.bias", Uniform(hidden, inputs, initialisation));
        var fc2Weight = new Parameter("fc2.weight", Uniform(classes * hidden, hidden, initialisation));
        var fc2Bias = new Parameter("fc2.bias", Uniform(classes, hidden, initialisation));
        Parameters = [fc1Weight, fc1Bias, fc2Weight, fc2Bias];

        // The matrices are views over the parameters' arrays (MathNet binds, not copies, a storage array).
        _w1 = new DenseMatrix(hidden, inputs, fc1Weight.Values);
        _b1 = fc1Bias.Values;
        _w2 = new DenseMatrix(classes, hidden, fc2Weight.Values);
        _b2 = fc2Bias.Values;
        _gradW1 = new DenseMatrix(hidden, inputs, fc1Weight.Gradient);
        _gradB1 = fc1Bias.Gradient;
        _gradW2 = new DenseMatrix(classes, hidden, fc2Weight.Gradient);
        _gradB2 = fc2Bias.Gradient;
    }

    public int Inputs { get; }

    public int Hidden { get; }

    public int Classes { get; }

    /// <summary>Gets the trainable parameters, in PyTorch's order.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>
    /// Runs the forward and backward pass on the examples <paramref name="rows"/> of <paramref name="data"/>, writes the
    /// gradient of the mean cross-entropy into each <see cref="Parameter.Gradient"/>, and returns that loss.
    /// </summary>
    public double ForwardBackward(Dataset data, ReadOnlySpan<int> rows)
    {
        ArgumentNullException.ThrowIfNull(data);
        int batch = rows.Length;
        ArgumentOutOfRangeException.ThrowIfZero(batch, nameof(rows));
        Activations a = ActivationsFor(batch);
        Gather(data, rows, a.Input);
        Forward(a);

        // Softmax cross-entropy; dLoss/dLogits = (softmax − one-hot) / batch, written over the logits.
        double[] logits = a.Logits.Values;
        double lossSum = 0.0;
        for (int i = 0; i < batch; i++)
        {
            int label = data.Labels[rows[i]];
            double logSumExp = LogSumExp(logits, i, batch);
            lossSum += logSumExp - logits[(label * batch) + i];
            for (int j = 0; j < Classes; j++)
            {
                int at = (j * batch) + i;
                double probability = Math.Exp(logits[at] - logSumExp);
                logits[at] = (probability - (j == label ? 1.0 : 0.0)) / batch;
            }
        }

        DenseMatrix gradLogits = a.Logits;

        // fc2: dW2 = dZ2ᵀ·H, db2 = column sums of dZ2, dH = dZ2·W2.
        gradLogits.TransposeThisAndMultiply(a.Hidden, _gradW2);
        ColumnSums(gradLogits, _gradB2);
        gradLogits.Multiply(_w2, a.GradHidden);

        // ReLU: the gradient passes where the pre-activation was positive (PyTorch's threshold_backward).
        double[] gradHidden = a.GradHidden.Values;
        double[] preActivation = a.PreActivation.Values;
        for (int k = 0; k < gradHidden.Length; k++)
        {
            if (!(preActivation[k] > 0.0))
            {
                gradHidden[k] = 0.0;
            }
        }

        // fc1: dW1 = dZ1ᵀ·X, db1 = column sums of dZ1.
        a.GradHidden.TransposeThisAndMultiply(a.Input, _gradW1);
        ColumnSums(a.GradHidden, _gradB1);

        return lossSum / batch;
    }

    /// <summary>Returns the mean cross-entropy and the number of correctly classified examples over all of <paramref name="data"/>.</summary>
    public (double Loss, int Correct) Evaluate(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int count = data.Count;
        Activations a = ActivationsFor(count);
        data.Features.CopyTo(a.Input);
        Forward(a);

        double[] logits = a.Logits.Values;
        double lossSum = 0.0;
        int correct = 0;
        for (int i = 0; i < count; i++)
        {
            int label = data.Labels[i];
            lossSum += LogSumExp(logits, i, count) - logits[(label * count) + i];
            int predicted = 0;
            for (int j = 1; j < Classes; j++)
            {
                if (logits[(j * count) + i] > logits[(predicted * count) + i])
                {
                    predicted = j;
                }
            }

            correct += predicted == label ? 1 : 0;
        }

        return (lossSum / count, correct);
    }

    private static double[] Uniform(int length, int fanIn, Rng rng)
    {
        double bound = 1.0 / Math.Sqrt(fanIn);
        var values = new double[length];
        for (int k = 0; k < length; k++)
        {
            values[k] = rng.NextDouble(-bound, bound);
        }

        return values;
    }

    private static void Gather(Dataset data, ReadOnlySpan<int> rows, DenseMatrix into)
    {
        // Column-major on both sides: column j of the batch is column j of the data read at the chosen rows.
        double[] source = data.Features.Values;
        double[] target = into.Values;
        int sourceRows = data.Count;
        int batch = rows.Length;
        for (int j = 0; j < data.FeatureCount; j++)
        {
            int sourceColumn = j * sourceRows;
            int targetColumn = j * batch;
            for (int i = 0; i < batch; i++)
            {
                target[targetColumn + i] = source[sourceColumn + rows[i]];
            }
        }
    }

    private static void AddToColumns(DenseMatrix matrix, double[] perColumn)
    {
        double[] values = matrix.Values;
        int rows = matrix.RowCount;
        for (int j = 0; j < perColumn.Length; j++)
        {
            double bias = perColumn[j];
            foreach (ref double v in values.AsSpan(j * rows, rows))
            {
                v += bias;
            }
        }
    }

    private static void ColumnSums(DenseMatrix matrix, double[] into)
    {
        double[] values = matrix.Values;
        int rows = matrix.RowCount;
        for (int j = 0; j < into.Length; j++)
        {
            double sum = 0.0;
            foreach (double v in values.AsSpan(j * rows, rows))
            {
                sum += v;
            }

            into[j] = sum;
        }
    }

    private static double LogSumExp(double[] columnMajor, int row, int rows)
    {
        int classes = columnMajor.Length / rows;
        double max = double.NegativeInfinity;
        for (int j = 0; j < classes; j++)
        {
            max = Math.Max(max, columnMajor[(j * rows) + row]);
        }

        double sum = 0.0;
        for (int j = 0; j < classes; j++)
        {
            sum += Math.Exp(columnMajor[(j * rows) + row] - max);
        }

        return max + Math.Log(sum);
    }

    private void Forward(Activations a)
    {
        // fc1 + ReLU: Z1 = X·W1ᵀ + b1, H = max(Z1, 0).
        a.Input.TransposeAndMultiply(_w1, a.PreActivation);
        AddToColumns(a.PreActivation, _b1);
        a.PreActivation.PointwiseMaximum(0.0, a.Hidden);

        // fc2: Z2 = H·W2ᵀ + b2.
        a.Hidden.TransposeAndMultiply(_w2, a.Logits);
        AddToColumns(a.Logits, _b2);
    }

    private Activations ActivationsFor(int batch)
    {
        if (!_activations.TryGetValue(batch, out Activations? a))
        {
            a = new Activations(batch, Inputs, Hidden, Classes);
            _activations.Add(batch, a);
        }

        return a;
    }

    /// <summary>The buffers of one batch size, one example per row.</summary>
    private sealed class Activations(int batch, int inputs, int hidden, int classes)
    {
        public DenseMatrix Input { get; } = new(batch, inputs);

        public DenseMatrix PreActivation { get; } = new(batch, hidden);

        public DenseMatrix Hidden { get; } = new(batch, hidden);

        /// <summary>The logits after the forward pass; the gradient of the loss with respect to them after the backward pass.</summary>
        public DenseMatrix Logits { get; } = new(batch, classes);

        public DenseMatrix GradHidden { get; } = new(batch, hidden);
    }
}
