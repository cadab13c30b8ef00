using System.Globalization;
using System.Numerics;
using System.Text.Json;
using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <summary>
/// Sets the batch size from the measured gradient noise scale at decision points, scales the learning rate by a rule
/// at each change, and keeps the step, epoch and samples clocks exact across the changes it decides at run time.
/// </summary>
/// <remarks>
/// <para><b>Decisions.</b> The loop reports the current noise scale <c>B_noise</c> (say
/// <see cref="GradientNoiseScale.NoiseScale"/>) after every step. When the next step <c>t</c> is a decision point —
/// every <see cref="DecisionIntervalSteps"/> steps (<c>t mod K = 0</c>), or, when that is 0, the first step of each
/// epoch — the batch size from step <c>t</c> on becomes</para>
/// <code>
/// target = clamp(round(k · B_noise), MinimumBatchSize, MaximumBatchSize)
/// </code>
/// <para>with <c>k</c> = <see cref="NoiseScaleMultiplier"/> and the rounding to <see cref="Granularity"/> (an infinite
/// noise scale gives the maximum, zero the minimum). Then, in order:</para>
/// <list type="bullet">
/// <item><description><see cref="GrowOnly"/>: the batch never shrinks, <c>target = max(target, current)</c>.</description></item>
/// <item><description><see cref="IntegerFactors"/>: the batch changes only by whole factors, OLMo-core's rule
/// (<c>src/olmo_core/train/callbacks/batch_size_scheduler.py</c>, <c>BatchSizeSchedulerCallback</c>): a growth goes to
/// <c>current · r</c> with <c>r = floor(target / current)</c> (the largest power of two below that for
/// <see cref="BatchSizeGranularity.PowerOfTwo"/>); a shrink goes to the smallest <c>current / r</c> ≥ target with
/// <c>r</c> dividing <c>current</c> (and allowed by the granularity). A growth by <c>r</c> waits, as OLMo-core's
/// <c>_maybe_update_batch_size_and_lr</c> does, until "batches_processed % ratio == 0" — here: until the samples drawn in
/// the current epoch are a multiple of the new batch size, so that the epoch divides into whole new batches; it is then
/// applied at the first step where that holds, unless a later decision replaces it.</description></item>
/// </list>
/// <para><b>Rate.</b> The learning-rate schedule <c>lr</c> is tuned at <see cref="InitialBatchSize"/> <c>B0</c> and
/// read on <see cref="Clock"/> (steps, fractional epochs or samples seen of this run's own plan). A step after a change to
/// <c>B</c> uses <c>lr(x(t)) · m</c>, where <c>m</c> is fixed when the change is made, by <see cref="RateRule"/>:
/// <c>B/B0</c>, <c>√(B/B0)</c>, or AdaScale's gain <c>(1 + B_noise/B0)/(1 + B_noise/B)</c> at the reported noise scale.
/// Before the first change <c>m = 1</c>.</para>
/// <para><b>Clocks.</b> The changes made so far form a piecewise batch-size schedule on steps (<c>BatchSchedule.Piecewise</c>), resolved by a
/// <see cref="TrainingPlan"/> (<see cref="Plan"/>) exactly as a plan fixed in advance would be, with the last batch size
/// held from the last change on: step → epoch, samples seen and batch size in O(log changes) with no allocation. A change
/// rebuilds the plan (O(changes), at a decision point only).</para>
/// <para><b>Mutable and not thread-safe</b>; deterministic: the same reported statistics give the same decisions, rates
/// and clocks on every worker, so data-parallel workers that report the same all-reduced norms agree without
/// communicating. <see cref="ExportStateJson"/> saves everything as versioned JSON; <see cref="ImportStateJson"/> continues the
/// run bit for bit.</para>
/// </remarks>
public sealed class AdaptiveBatchSizeController : IBatchSizeController
{
    private const string StateType = "AdaptiveBatchSizeController";
    private const int StateVersion = 1;

    private readonly LearningRateSchedule _learningRate;
    private readonly PowerBatchScalingRule _linear;
    private readonly PowerBatchScalingRule _squareRoot;

    private long _reportCount;
    private BatchSizeChange[] _changes = [];
    private long[] _changeSteps = [];
    private double[] _multipliers = [];
    private TrainingPlan _plan = null!;
    private LearningRateSchedule _rates = null!;
    private long _pendingBatchSize;
    private double _pendingNoiseScale;

    internal AdaptiveBatchSizeController(
        LearningRateSchedule learningRate,
        long datasetSize,
        long initialBatchSize,
        long minimumBatchSize,
        long maximumBatchSize,
        long decisionIntervalSteps,
        AdaptiveRateRule rateRule,
        BatchSizeGranularity granularity,
        double noiseScaleMultiplier,
        bool growOnly,
        bool integerFactors,
        LastBatch lastBatch,
        TrainingClock clock)
    {
        _learningRate = learningRate;
        DatasetSize = datasetSize;
        InitialBatchSize = initialBatchSize;
        MinimumBatchSize = minimumBatchSize;
        MaximumBatchSize = maximumBatchSize;
        DecisionIntervalSteps = decisionIntervalSteps;
        RateRule = rateRule;
        Granularity = granularity;
        NoiseScaleMultiplier = noiseScaleMultiplier;
        GrowOnly = growOnly;
        IntegerFactors = integerFactors;
        LastBatch = lastBatch;
        Clock = clock;
        _linear = new PowerBatchScalingRule(initialBatchSize, 1.0);
        _squareRoot = new PowerBatchScalingRule(initialBatchSize, 0.5);
        Rebuild([], []);
    }

    /// <summary>Gets the learning-rate schedule tuned at <see cref="InitialBatchSize"/>, written on <see cref="Clock"/>.</summary>
    public ILearningRateSchedule LearningRate => Children.Original(_learningRate);

    /// <summary>Gets the number of samples in one epoch.</summary>
    public long DatasetSize { get; }

    /// <summary>Gets the batch size before the first change, <c>B0</c>, at which the learning-rate schedule was tuned.</summary>
    public long InitialBatchSize { get; }

    /// <summary>Gets the smallest batch size a decision may set.</summary>
    public long MinimumBatchSize { get; }

    /// <summary>Gets the largest batch size a decision may set.</summary>
    public long MaximumBatchSize { get; }

    /// <summary>Gets the steps between decision points; 0 means a decision at the first step of each epoch.</summary>
    public long DecisionIntervalSteps { get; }

    /// <summary>Gets how the learning rate is scaled at a change.</summary>
    public AdaptiveRateRule RateRule { get; }

    /// <summary>Gets the batch sizes a decision may set.</summary>
    public BatchSizeGranularity Granularity { get; }

    /// <summary>Gets the factor <c>k</c> on the noise scale: the target batch size is <c>k · B_noise</c> before clamping and rounding.</summary>
    public double NoiseScaleMultiplier { get; }

    /// <summary>Gets a value indicating whether the batch size only grows.</summary>
    public bool GrowOnly { get; }

    /// <summary>Gets a value indicating whether the batch size changes only by whole factors (OLMo-core's rule).</summary>
    public bool IntegerFactors { get; }

    /// <summary>Gets what an epoch does with a last, partial batch.</summary>
    public LastBatch LastBatch { get; }

    /// <summary>Gets the clock the learning-rate schedule is read on.</summary>
    public TrainingClock Clock { get; }

    /// <inheritdoc />
    public long ReportCount => _reportCount;

    /// <summary>Gets the plan of the changes made so far, the last batch size held from the last change on.</summary>
    public TrainingPlan Plan => _plan;

    /// <summary>Gets the changes made so far: from which step (<see cref="BatchSizeChange.Threshold"/>) which batch size.</summary>
    public IReadOnlyList<BatchSizeChange> Changes => Array.AsReadOnly(_changes);

    /// <summary>Gets the batch size decided but waiting for the epoch to divide into whole new batches (<see cref="IntegerFactors"/>); 0 when none.</summary>
    public long PendingBatchSize => _pendingBatchSize;

    /// <inheritdoc />
    /// <remarks>The samples the current step draws (<see cref="TrainingPlan.GetBatchSize"/>): the decided size, or the
    /// rest of the epoch for a last, partial batch under <see cref="LastBatch.Keep"/>.</remarks>
    public long CurrentBatchSize => _plan.GetBatchSize(_reportCount);

    /// <inheritdoc />
    public double CurrentLearningRate => Rate(_reportCount);

    /// <summary>Gets every clock of a step given the changes made so far.</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <returns>The step's epoch, index in the epoch, samples seen, batch size and fractional epoch.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public TrainingPosition GetPosition(long step) => _plan.GetPosition(step);

    /// <summary>Gets the samples a step draws given the changes made so far.</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <returns>The batch size of <paramref name="step"/> (see <see cref="TrainingPlan.GetBatchSize"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public long GetBatchSize(long step) => _plan.GetBatchSize(step);

    /// <summary>Gets the learning rate of a step given the changes made so far: <c>lr(x(step)) · m</c>.</summary>
    /// <param name="step">The zero-based step; ≥ 0.</param>
    /// <returns>The learning rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public double GetLearningRate(long step)
    {
        // Stryker disable once Block : Rate reads _rates.GetLearningRate(step), which throws the same exception (Preconditions.ThrowNegativeStep) for a negative step
        if (step < 0)
        {
            // Stryker disable once Statement : Rate reads _rates.GetLearningRate(step), which throws the same exception (Preconditions.ThrowNegativeStep) for a negative step
            Preconditions.ThrowNegativeStep(step);
        }

        return Rate(step);
    }

    /// <summary>Reports the noise scale measured at the current step, advances to the next step and, at a decision point, decides its batch size.</summary>
    /// <param name="statistic">The gradient noise scale <c>B_noise</c>, in samples; ≥ 0, +∞ allowed (noise dominates).</param>
    /// <exception cref="ScheduleArgumentException"><paramref name="statistic"/> is NaN or negative; nothing changes.</exception>
    /// <exception cref="InvalidOperationException"><see cref="ReportCount"/> is already <see cref="long.MaxValue"/>.</exception>
    public void Report(double statistic)
    {
        if (!(statistic >= 0.0))
        {
            throw Preconditions.OutOfRange(nameof(statistic), statistic, "a noise scale >= 0 (+infinity allowed)");
        }

        if (_reportCount == long.MaxValue)
        {
            throw new InvalidOperationException("No more statistics can be reported: ReportCount has reached long.MaxValue.");
        }

        long step = ++_reportCount;
        if (IsDecisionPoint(step))
        {
            Decide(step, statistic);
        }
        else if (_pendingBatchSize != 0 && IsAligned(step, _pendingBatchSize))
        {
            Apply(step, _pendingBatchSize, _pendingNoiseScale);
        }
    }

    /// <summary>Returns the complete state as versioned JSON, to save with a checkpoint.</summary>
    /// <returns>A JSON object: type, version, the configuration it checks on import, the report count, the changes with their rate multipliers and any pending change.</returns>
    public string ExportStateJson() => StateJson.Write(StateType, StateVersion, writer =>
    {
        writer.WriteStartObject("configuration");
        writer.WriteNumber("datasetSize", DatasetSize);
        writer.WriteNumber("initialBatchSize", InitialBatchSize);
        writer.WriteNumber("minimumBatchSize", MinimumBatchSize);
        writer.WriteNumber("maximumBatchSize", MaximumBatchSize);
        writer.WriteNumber("decisionIntervalSteps", DecisionIntervalSteps);
        writer.WriteString("rateRule", RateRule.ToString());
        writer.WriteString("granularity", Granularity.ToString());
        writer.WriteNumber("noiseScaleMultiplier", NoiseScaleMultiplier);
        writer.WriteBoolean("growOnly", GrowOnly);
        writer.WriteBoolean("integerFactors", IntegerFactors);
        writer.WriteString("lastBatch", LastBatch.ToString());
        writer.WriteString("clock", Clock.ToString());
        writer.WriteEndObject();
        writer.WriteNumber("reportCount", _reportCount);
        writer.WriteStartArray("changes");
        for (int i = 0; i < _changes.Length; i++)
        {
            writer.WriteStartObject();
            writer.WriteNumber("step", _changes[i].Threshold);
            writer.WriteNumber("batchSize", _changes[i].BatchSize);
            writer.WriteNumber("rateMultiplier", _multipliers[i]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("pendingBatchSize", _pendingBatchSize);
        StateJson.WriteExtended(writer, "pendingNoiseScale", _pendingNoiseScale);
    });

    /// <summary>Replaces the state with one saved by <see cref="ExportStateJson"/>, so the run continues bit for bit.</summary>
    /// <param name="json">The saved state.</param>
    /// <remarks>Everything is checked before anything changes: on an exception the instance is as it was.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">The JSON is malformed or truncated, is not this type's state or version,
    /// was saved with another configuration, or a field is missing or out of range; the parameter names the field
    /// (<c>json.changes[2].batchSize</c>, say).</exception>
    public void ImportStateJson(string json)
    {
        using JsonDocument document = StateJson.Parse(json, StateType, StateVersion);
        JsonElement root = document.RootElement;
        JsonElement configuration = StateJson.Object(root, "configuration");
        Same(configuration, "datasetSize", DatasetSize);
        Same(configuration, "initialBatchSize", InitialBatchSize);
        Same(configuration, "minimumBatchSize", MinimumBatchSize);
        Same(configuration, "maximumBatchSize", MaximumBatchSize);
        Same(configuration, "decisionIntervalSteps", DecisionIntervalSteps);
        Same(configuration, "rateRule", RateRule.ToString());
        Same(configuration, "granularity", Granularity.ToString());
        Same(configuration, "noiseScaleMultiplier", NoiseScaleMultiplier);

        Same(configuration, "growOnly", GrowOnly);
        Same(configuration, "integerFactors", IntegerFactors);
        Same(configuration, "lastBatch", LastBatch.ToString());
        Same(configuration, "clock", Clock.ToString());

        long reportCount = StateJson.Long(root, "reportCount", 0);
        JsonElement changesElement = StateJson.Array(root, "changes");
        var changes = new List<BatchSizeChange>();
        var multipliers = new List<double>();
        long previousStep = 0;
        foreach (JsonElement change in changesElement.EnumerateArray())
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"changes[{changes.Count}]");
            long step = StateJson.Long(change, "step", previousStep + 1, path + ".step");
            if (step > reportCount)
            {
                throw StateJson.Mismatch(path + ".step", step, $"<= reportCount = {Preconditions.Format(reportCount)}");
            }

            long batchSize = StateJson.Long(change, "batchSize", 1, path + ".batchSize");
            CheckDecidable(batchSize, path + ".batchSize");
            long previousBatchSize = changes.Count == 0 ? InitialBatchSize : changes[^1].BatchSize;
            if (GrowOnly ? batchSize <= previousBatchSize : batchSize == previousBatchSize)
            {
                throw StateJson.Mismatch(path + ".batchSize", batchSize, $"{(GrowOnly ? "greater than" : "different from")} the batch size before it, {Preconditions.Format(previousBatchSize)}");
            }

            double rateMultiplier = StateJson.Double(change, "rateMultiplier", path + ".rateMultiplier");
            double? expected = RateRule switch
            {
                AdaptiveRateRule.Linear => _linear.Scale(batchSize),
                AdaptiveRateRule.SquareRoot => _squareRoot.Scale(batchSize),
                _ => null,
            };
            if (!(rateMultiplier > 0.0) || (expected is { } rule && rateMultiplier != rule))
            {
                throw StateJson.Mismatch(
                    path + ".rateMultiplier",
                    rateMultiplier,
                    expected is { } value ? $"{Preconditions.Format(value)}, the {RateRule} rule's factor at batch {Preconditions.Format(batchSize)}" : "a finite number > 0");
            }

            changes.Add(new BatchSizeChange(step, batchSize));
            multipliers.Add(rateMultiplier);
            previousStep = step;
        }

        long pending = StateJson.Long(root, "pendingBatchSize", 0);
        if (pending != 0)
        {
            CheckDecidable(pending, "pendingBatchSize");
        }

        double pendingNoiseScale = StateJson.ExtendedDouble(root, "pendingNoiseScale");
        if (!(pendingNoiseScale >= 0.0))
        {
            throw StateJson.Mismatch("pendingNoiseScale", pendingNoiseScale, "a noise scale >= 0 or \"Infinity\"");
        }

        _reportCount = reportCount;
        Rebuild([.. changes], [.. multipliers]);
        _pendingBatchSize = pending;
        _pendingNoiseScale = pendingNoiseScale;
    }

    private double Rate(long step)
    {
        double rate = _rates.GetLearningRate(step);
        int changes = SortedSearch.CountAtOrBelow(_changeSteps, step);
        return changes == 0 ? rate : rate * _multipliers[changes - 1];
    }

    private bool IsDecisionPoint(long step) =>
        DecisionIntervalSteps > 0 ? step % DecisionIntervalSteps == 0 : _plan.GetStepInEpoch(step) == 0;

    private bool IsAligned(long step, long batchSize) => _plan.GetPosition(step).SamplesSeenInEpoch % batchSize == 0;

    private void Decide(long step, double noiseScale)
    {
        _pendingBatchSize = 0;
        _pendingNoiseScale = 0.0;
        long current = _plan.GetScheduledBatchSize(step);
        long target = Target(noiseScale);
        if (GrowOnly)
        {
            target = Math.Max(target, current);
        }

        if (IntegerFactors)
        {
            target = WholeFactor(current, target);
        }

        if (target == current)
        {
            return;
        }

        // Stryker disable once Equality : target == current has returned just above, so target >= current is target > current here
        if (IntegerFactors && target > current && !IsAligned(step, target))
        {
            _pendingBatchSize = target;
            _pendingNoiseScale = noiseScale;
            return;
        }

        Apply(step, target, noiseScale);
    }

    private long Target(double noiseScale)
    {
        double raw = NoiseScaleMultiplier * noiseScale;

        // Stryker disable once Equality,Block : for raw <= MinimumBatchSize the clamped rounding below gives MinimumBatchSize too (the minimum is allowed, so it rounds to itself, and anything below rounds to at most it)
        if (!(raw > MinimumBatchSize))
        {
            return MinimumBatchSize;
        }

        if (raw >= MaximumBatchSize)
        {
            return MaximumBatchSize;
        }

        return Math.Clamp(Granularity.RoundUnchecked(raw), MinimumBatchSize, MaximumBatchSize);
    }

    private long WholeFactor(long current, long target)
    {
        // Stryker disable once Equality : at target == current the factor is 1 and current * 1 == current, what the shrink loop returns too
        if (target > current)
        {
            long factor = target / current;
            if (Granularity.IsPowerOfTwo)
            {
                factor = 1L << (63 - BitOperations.LeadingZeroCount((ulong)factor));
            }

            return current * factor;
        }

        long best = current;
        for (long factor = 2; current / factor >= target; factor++)
        {
            long candidate = current / factor;
            if (current % factor == 0 && candidate >= MinimumBatchSize && Granularity.Allows(candidate))
            {
                best = candidate;
            }
        }

        return best;
    }

    private void Apply(long step, long batchSize, double noiseScale)
    {
        double multiplier = RateRule switch
        {
            AdaptiveRateRule.Linear => _linear.Scale(batchSize),
            AdaptiveRateRule.SquareRoot => _squareRoot.Scale(batchSize),
            _ => Gain(batchSize, noiseScale),
        };

        _pendingBatchSize = 0;
        _pendingNoiseScale = 0.0;
        Rebuild([.. _changes, new BatchSizeChange(step, batchSize)], [.. _multipliers, multiplier]);
    }

    private double Gain(long batchSize, double noiseScale) => noiseScale switch
    {
        double.PositiveInfinity => _linear.Scale(batchSize),
        0.0 => 1.0,
        _ => new SaturatingBatchScalingRule(InitialBatchSize, noiseScale).Scale(batchSize),
    };

    private void Rebuild(BatchSizeChange[] changes, double[] multipliers)
    {
        TrainingPlan plan = BatchSchedule.Plan(DatasetSize, BatchSchedule.Piecewise(InitialBatchSize, changes, TrainingClock.Steps), LastBatch);
        _rates = plan.PerStep(_learningRate, Clock);
        _plan = plan;
        _changes = changes;
        _multipliers = multipliers;
        _changeSteps = Array.ConvertAll(changes, c => c.Threshold);
    }

    private void CheckDecidable(long batchSize, string field)
    {
        if (batchSize < MinimumBatchSize || batchSize > MaximumBatchSize || !Granularity.Allows(batchSize))
        {
            throw StateJson.Mismatch(
                field,
                batchSize,
                $"in [{Preconditions.Format(MinimumBatchSize)}, {Preconditions.Format(MaximumBatchSize)}] and allowed by the granularity ({Granularity})");
        }
    }

    private static void Same<T>(JsonElement configuration, string field, T expected)
    {
        string path = "configuration." + field;
        switch (expected)
        {
            case long number:
                StateJson.Same(configuration, field, path, number);
                break;
            case double number:
                StateJson.Same(configuration, field, path, number);
                break;
            case bool flag:
                StateJson.Same(configuration, field, path, flag);
                break;
            default:
                // Stryker disable once String : every T that reaches here is a non-null string (an enum's or a granularity's ToString), so the ?? arm never runs
                StateJson.Same(configuration, field, path, expected?.ToString() ?? string.Empty);
                break;
        }
    }
}
