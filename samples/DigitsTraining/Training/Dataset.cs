using System.Globalization;
using System.IO.Compression;
using MathNet.Numerics.LinearAlgebra.Double;

namespace DigitsTraining.Training;

/// <summary>A set of examples: one row of <see cref="Features"/> per example and its class in <see cref="Labels"/>.</summary>
/// <remarks>Treated as immutable once built: nothing in the sample writes to it after loading.</remarks>
internal sealed class Dataset
{
    public Dataset(DenseMatrix features, int[] labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.RowCount != labels.Length)
        {
            throw new ArgumentException($"{features.RowCount} rows of features but {labels.Length} labels.", nameof(labels));
        }

        if (Array.Exists(labels, y => y < 0 || y >= classes))
        {
            throw new ArgumentException($"A label is outside 0..{classes - 1}.", nameof(labels));
        }

        Features = features;
        Labels = labels;
        Classes = classes;
    }

    /// <summary>Gets the features, one example per row.</summary>
    public DenseMatrix Features { get; }

    /// <summary>Gets the class of each example, 0 ≤ label &lt; <see cref="Classes"/>.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Gets the number of classes.</summary>
    public int Classes { get; }

    /// <summary>Gets the number of examples.</summary>
    public int Count => Features.RowCount;

    /// <summary>Gets the number of features of an example.</summary>
    public int FeatureCount => Features.ColumnCount;

    /// <summary>Returns the examples at <paramref name="rows"/>, in that order.</summary>
    public Dataset Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var features = DenseMatrix.Create(rows.Count, FeatureCount, 0.0);
        var labels = new int[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            features.SetRow(i, Features.Row(rows[i]));
            labels[i] = Labels[rows[i]];
        }

        return new Dataset(features, labels, Classes);
    }

    /// <summary>Returns a copy whose labels are <paramref name="labels"/>.</summary>
    public Dataset WithLabels(int[] labels) => new(Features, labels, Classes);
}

/// <summary>The UCI handwritten digits and the fixed train/test split every run of the sample uses.</summary>
internal static class Digits
{
    /// <summary>The number of pixels of an 8×8 image.</summary>
    public const int Pixels = 64;

    /// <summary>The number of classes, the digits 0 to 9.</summary>
    public const int Classes = 10;

    /// <summary>The largest pixel count; pixels are divided by it on loading.</summary>
    public const double MaxPixel = 16.0;

    /// <summary>The rows the training set takes; the remaining 397 of the 1,797 are the test set.</summary>
    public const int TrainingRows = 1400;

    /// <summary>The seed of the train/test permutation. Fixed: every run and every seed sees the same split.</summary>
    public const long SplitSeed = 20_171_101;

    /// <summary>The seed of the label noise. Fixed: every run of an experiment sees the same noisy labels.</summary>
    public const long LabelNoiseSeed = 171_100_489;

    /// <summary>Gets the path of the copy of <c>digits.csv.gz</c> shipped next to the program.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Data", "digits.csv.gz");

    /// <summary>Reads <c>digits.csv.gz</c>: 64 pixel counts then the label on each line; pixels are divided by 16.</summary>
    /// <exception cref="InvalidDataException">A line does not have 65 numbers, or a value is out of range.</exception>
    public static Dataset Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rows = new List<double[]>();
        var labels = new List<int>();
        using (var file = File.OpenRead(path))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip))
        {
            int lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }

                string[] fields = line.Split(',');
                if (fields.Length != Pixels + 1)
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: expected {Pixels + 1} values, found {fields.Length}.");
                }

                var pixels = new double[Pixels];
                for (int j = 0; j < Pixels; j++)
                {
                    double value = double.Parse(fields[j], NumberStyles.Float, CultureInfo.InvariantCulture);
                    if (!(value >= 0.0 && value <= MaxPixel))
                    {
                        throw new InvalidDataException($"{path}:{lineNumber}: pixel {j} is {fields[j]}, outside 0..16.");
                    }

                    pixels[j] = value / MaxPixel;
                }

                double label = double.Parse(fields[Pixels], NumberStyles.Float, CultureInfo.InvariantCulture);
                if (label != Math.Floor(label) || label < 0 || label >= Classes)
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: label {fields[Pixels]} is not a digit 0..9.");
                }

                rows.Add(pixels);
                labels.Add((int)label);
            }
        }

        return new Dataset(DenseMatrix.OfRowArrays(rows), [.. labels], Classes);
    }

    /// <summary>
    /// Splits the data with a permutation drawn from <see cref="SplitSeed"/>: the first <paramref name="trainingRows"/>
    /// permuted rows are the training set, the rest the test set.
    /// </summary>
    public static (Dataset Training, Dataset Test) Split(Dataset all, int trainingRows = TrainingRows)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trainingRows);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(trainingRows, all.Count);
        int[] order = Enumerable.Range(0, all.Count).ToArray();
        new Rng(SplitSeed, RngStreams.Split).Shuffle(order.AsSpan());
        return (all.Select(order[..trainingRows]), all.Select(order[trainingRows..]));
    }

    /// <summary>
    /// Replaces the labels of <c>round(fraction · n)</c> examples, chosen at random, by a class drawn uniformly from all
    /// classes (so about one in ten keeps its label), with the fixed seed <see cref="LabelNoiseSeed"/>.
    /// </summary>
    /// <returns>The noisy set and the number of labels that actually changed.</returns>
    public static (Dataset Noisy, int Changed) WithLabelNoise(Dataset data, double fraction)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1.0);
        var rng = new Rng(LabelNoiseSeed, RngStreams.LabelNoise);
        int[] order = Enumerable.Range(0, data.Count).ToArray();
        rng.Shuffle(order.AsSpan());
        int replaced = (int)Math.Round(fraction * data.Count, MidpointRounding.AwayFromZero);
        int[] labels = [.. data.Labels];
        int changed = 0;
        foreach (int row in order.AsSpan(0, replaced))
        {
            int label = rng.NextInt(data.Classes);
            changed += label != labels[row] ? 1 : 0;
            labels[row] = label;
        }

        return (data.WithLabels(labels), changed);
    }
}

/// <summary>The stream constants that keep the random numbers of different uses of one seed apart.</summary>
internal static class RngStreams
{
    public const ulong Split = 1;
    public const ulong LabelNoise = 2;
    public const ulong Initialisation = 3;
    public const ulong Shuffle = 4;
}
