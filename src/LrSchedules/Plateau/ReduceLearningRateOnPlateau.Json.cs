using System.Globalization;
using System.Text.Json;
using LrSchedules.Internal;

namespace LrSchedules.Plateau;

/// <summary>The state of <see cref="ReduceLearningRateOnPlateau"/> as versioned JSON, beside <see cref="ExportState"/>.</summary>
public sealed partial class ReduceLearningRateOnPlateau
{
    private const string StateType = "ReduceLearningRateOnPlateau";
    private const int StateVersion = 1;

    /// <summary>Returns the state as versioned JSON, to save with a checkpoint: <see cref="ExportState"/> plus the options it was made with.</summary>
    /// <returns>A JSON object: type, version, the options it checks on import, report count, best (<c>"Infinity"</c> or <c>"-Infinity"</c> before the first improvement), bad reports, cooldown counter and reductions.</returns>
    public string ExportStateJson() => StateJson.Write(StateType, StateVersion, writer =>
    {
        writer.WriteStartObject("options");
        writer.WriteString("mode", Options.Mode.ToString());
        writer.WriteString("thresholdMode", Options.ThresholdMode.ToString());
        writer.WriteNumber("factor", Options.Factor);
        writer.WriteNumber("patience", Options.Patience);
        writer.WriteNumber("threshold", Options.Threshold);
        writer.WriteNumber("cooldown", Options.Cooldown);
        writer.WriteNumber("minimumLearningRate", Options.MinimumLearningRate);
        writer.WriteNumber("epsilon", Options.Epsilon);
        writer.WriteNumber("ignoredReports", Options.IgnoredReports);
        writer.WriteEndObject();
        writer.WriteNumber("reportCount", _reportCount);
        StateJson.WriteExtended(writer, "best", _best);
        writer.WriteNumber("badEpochs", _badEpochs);
        writer.WriteNumber("cooldownCounter", _cooldownCounter);
        writer.WriteNumber("reductions", _reductions);
    });

    /// <summary>Replaces the state with one saved by <see cref="ExportStateJson"/>, so the run continues bit for bit.</summary>
    /// <param name="json">The saved state.</param>
    /// <remarks>Everything is checked before anything changes: on an exception the instance is as it was. The reductions
    /// are replayed as <see cref="ReduceOnPlateauState"/> restoring does.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">The JSON is malformed or truncated, is not this type's state or version,
    /// was saved with other options, or a field is missing or out of range; the parameter names the field
    /// (<c>json.badEpochs</c>, say).</exception>
    public void ImportStateJson(string json)
    {
        using JsonDocument document = StateJson.Parse(json, StateType, StateVersion);
        JsonElement root = document.RootElement;
        JsonElement options = StateJson.Object(root, "options");
        SameOption(options, "mode", Options.Mode.ToString());
        SameOption(options, "thresholdMode", Options.ThresholdMode.ToString());
        SameOption(options, "factor", Options.Factor);
        SameOption(options, "patience", Options.Patience);
        SameOption(options, "threshold", Options.Threshold);
        SameOption(options, "cooldown", Options.Cooldown);
        SameOption(options, "minimumLearningRate", Options.MinimumLearningRate);
        SameOption(options, "epsilon", Options.Epsilon);
        if (options.TryGetProperty("ignoredReports", out _) || Options.IgnoredReports != 0)
        {
            // A state saved before the option existed has no entry, and was saved with none ignored.
            StateJson.Same(options, "ignoredReports", "options.ignoredReports", (long)Options.IgnoredReports);
        }

        long reportCount = StateJson.Long(root, "reportCount", 0);
        double best = StateJson.ExtendedDouble(root, "best");
        long badEpochs = StateJson.Long(root, "badEpochs", 0);
        if (badEpochs > _patience)
        {
            throw StateJson.Mismatch("badEpochs", badEpochs, $"in [0, Patience = {_patience.ToString(CultureInfo.InvariantCulture)}]");
        }

        long cooldownCounter = StateJson.Long(root, "cooldownCounter", 0);
        if (cooldownCounter > _cooldown)
        {
            throw StateJson.Mismatch("cooldownCounter", cooldownCounter, $"in [0, Cooldown = {_cooldown.ToString(CultureInfo.InvariantCulture)}]");
        }

        long reductions = StateJson.Long(root, "reductions", 0);
        if (reductions > CountedReports(reportCount))
        {
            throw StateJson.Mismatch("reductions", reductions, _ignoredReports == 0 ? "in [0, reportCount]" : "in [0, reportCount - options.ignoredReports]");
        }

        var restored = new ReduceLearningRateOnPlateau(
            _schedule,
            Options,
            new ReduceOnPlateauState(reportCount, best, badEpochs, (int)cooldownCounter, reductions));
        _reportCount = restored._reportCount;
        _best = restored._best;
        _badEpochs = restored._badEpochs;
        _cooldownCounter = restored._cooldownCounter;
        _reductions = restored._reductions;
        _scale = restored._scale;
        _heldRate = restored._heldRate;
    }

    private static void SameOption(JsonElement options, string field, string expected) =>
        StateJson.Same(options, field, "options." + field, expected);

    private static void SameOption(JsonElement options, string field, double expected) =>
        StateJson.Same(options, field, "options." + field, expected);
}
