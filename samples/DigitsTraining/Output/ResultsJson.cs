using System.Text.Encodings.Web;
using System.Text.Json;
using DigitsTraining.Training;

namespace DigitsTraining.Output;

/// <summary>
/// Writes <c>results.json</c>: the setup, then every run with its per-epoch series. Deterministic: the same seeds give
/// the same file, byte for byte (wall-clock times go to <c>timings.json</c> instead).
/// </summary>
/// <remarks>
/// Each run's <c>series</c> holds parallel arrays indexed by epoch, epoch 0 being the state before training, so that
/// <c>pandas.DataFrame(run["series"])</c> is a table. A loss that is NaN or infinite (a diverged run) is written as
/// <c>null</c>; so are the rate and batch size of epoch 0, which has no steps.
/// </remarks>
internal static class ResultsJson
{
    /// <summary>The value of the file's <c>format</c> property; the number changes when the layout does.</summary>
    public const string Format = "lrschedules-digits-results/1";

    public static void Write(string path, ResultSet results)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("format", Format);
        WriteSetup(json, results);

        json.WriteStartArray("experiments");
        foreach (ExperimentData data in results.Experiments)
        {
            json.WriteStartObject();
            json.WriteString("name", data.Experiment.Name);
            json.WriteString("title", data.Experiment.Title);
            json.WriteNumber("labelNoise", data.Experiment.LabelNoise);
            json.WriteNumber("labelsChanged", data.LabelsChanged);
            json.WriteNumber("trainingRows", data.TrainingRows);
            json.WriteNumber("testRows", data.TestRows);
            json.WriteStartArray("variants");
            foreach (var variant in data.Experiment.Variants)
            {
                json.WriteStartObject();
                json.WriteString("name", variant.Name);
                WriteNullable(json, "k", variant.K);
                json.WriteString("description", variant.Description);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("runs");
        foreach (RunResult run in results.Runs)
        {
            WriteRun(json, run);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSetup(Utf8JsonWriter json, ResultSet results)
    {
        json.WriteStartObject("setup");
        json.WriteString("data", "UCI optical recognition of handwritten digits (scikit-learn's digits.csv.gz), CC BY 4.0; pixels / 16");
        json.WriteNumber("splitSeed", Digits.SplitSeed);
        json.WriteNumber("labelNoiseSeed", Digits.LabelNoiseSeed);
        json.WriteString("model", $"MLP {Digits.Pixels}-{results.Hidden}-{Digits.Classes}, ReLU, softmax cross-entropy (mean over the batch)");
        json.WriteString("initialisation", "uniform(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weights and biases, as torch.nn.Linear");
        json.WriteString("optimizer", "SGD as torch.optim.SGD: buf = momentum * buf + g; p -= lr * buf (no dampening, weight decay or Nesterov)");
        json.WriteNumber("momentum", results.Momentum);
        json.WriteString("batches", "examples reshuffled every epoch (seeded); the last partial batch of an epoch is dropped");
        json.WriteStartArray("seeds");
        foreach (long seed in results.Seeds)
        {
            json.WriteNumberValue(seed);
        }

        json.WriteEndArray();
        WriteNullable(json, "maxEpochs", results.MaxEpochs);
        json.WriteEndObject();
    }

    private static void WriteRun(Utf8JsonWriter json, RunResult run)
    {
        IReadOnlyList<EpochRecord> epochs = run.Outcome.Epochs;
        json.WriteStartObject();
        json.WriteString("experiment", run.Experiment.Name);
        json.WriteString("variant", run.Variant.Name);
        WriteNullable(json, "k", run.Variant.K);
        json.WriteNumber("seed", run.Seed);
        json.WriteNumber("plannedEpochs", run.PlannedEpochs);
        json.WriteNumber("epochsRun", epochs.Count - 1);
        json.WriteBoolean("diverged", run.Outcome.Diverged);
        json.WriteNumber("updates", run.Final.Updates);
        WriteNumberOrNull(json, "finalTrainLoss", run.Final.TrainLoss);
        WriteNumberOrNull(json, "finalTestAccuracy", run.Final.TestAccuracy);

        json.WriteStartObject("series");
        WriteSeries(json, "epoch", epochs, e => e.Epoch);
        WriteSeries(json, "updates", epochs, e => e.Updates);
        WriteSeries(json, "samples", epochs, e => e.Samples);
        WriteSeries(json, "learningRateFirst", epochs, e => e.LearningRateFirst);
        WriteSeries(json, "learningRateLast", epochs, e => e.LearningRateLast);
        WriteSeries(json, "batchSizeFirst", epochs, e => e.BatchSizeFirst);
        WriteSeries(json, "batchSizeLast", epochs, e => e.BatchSizeLast);
        WriteSeries(json, "trainLoss", epochs, e => e.TrainLoss);
        WriteSeries(json, "trainAccuracy", epochs, e => e.TrainAccuracy);
        WriteSeries(json, "testLoss", epochs, e => e.TestLoss);
        WriteSeries(json, "testAccuracy", epochs, e => e.TestAccuracy);

        // Only the runs that measure them (issue 12's experiments) have these; the other runs' output is unchanged.
        if (epochs.Any(e => e.NoiseScale is not null))
        {
            WriteSeries(json, "noiseScale", epochs, e => e.NoiseScale);
        }

        if (epochs.Any(e => e.Progress is not null))
        {
            WriteSeries(json, "adaScaleProgress", epochs, e => e.Progress);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSeries(Utf8JsonWriter json, string name, IReadOnlyList<EpochRecord> epochs, Func<EpochRecord, double?> value)
    {
        json.WriteStartArray(name);
        foreach (EpochRecord epoch in epochs)
        {
            double? v = value(epoch);
            if (v is { } number && double.IsFinite(number))
            {
                json.WriteNumberValue(number);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}

/// <summary>Writes <c>timings.json</c>: the wall-clock seconds of each run, the one output that changes between identical invocations.</summary>
internal static class TimingsJson
{
    public static void Write(string path, ResultSet results, IReadOnlyDictionary<string, TimeSpan> experimentTimes, int parallel)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(experimentTimes);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("note", "Wall-clock seconds on the machine that ran them; not deterministic, unlike results.json.");
        json.WriteNumber("parallelRuns", parallel);
        json.WriteNumber("processorCount", Environment.ProcessorCount);
        json.WriteString("runtime", System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
        json.WriteStartObject("experiments");
        foreach ((string name, TimeSpan time) in experimentTimes)
        {
            json.WriteNumber(name, Math.Round(time.TotalSeconds, 3));
        }

        json.WriteEndObject();
        json.WriteStartArray("runs");
        foreach (RunResult run in results.Runs)
        {
            json.WriteStartObject();
            json.WriteString("experiment", run.Experiment.Name);
            json.WriteString("variant", run.Variant.Name);
            if (run.Variant.K is { } k)
            {
                json.WriteNumber("k", k);
            }

            json.WriteNumber("seed", run.Seed);
            json.WriteNumber("seconds", Math.Round(run.Outcome.Elapsed.TotalSeconds, 3));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
