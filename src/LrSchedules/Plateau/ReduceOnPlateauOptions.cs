using System.ComponentModel.DataAnnotations;
using System.Globalization;
using LrSchedules.Internal;

namespace LrSchedules.Plateau;

/// <summary>The settings of <see cref="ReduceLearningRateOnPlateau"/>, with PyTorch <c>ReduceLROnPlateau</c>'s defaults.</summary>
/// <remarks>
/// <para>An immutable record: derive variants with <c>with</c>, e.g.
/// <c>ReduceOnPlateauOptions.Default with { Factor = 0.5, Patience = 3 }</c>. The options are validated when they are
/// used (<see cref="ScheduleExtensions.ReduceOnPlateau"/>); every value out of range is reported in one
/// <see cref="ScheduleArgumentException"/> whose requirement names each option and its value. The <see cref="RangeAttribute"/>s state the same
/// ranges for configuration binding (<c>ValidateDataAnnotations</c>).</para>
/// <para>The names map onto PyTorch's arguments (<c>torch/optim/lr_scheduler.py</c>): <c>mode</c> →
/// <see cref="Mode"/>, <c>factor</c> → <see cref="Factor"/>, <c>patience</c> → <see cref="Patience"/>,
/// <c>threshold</c> → <see cref="Threshold"/>, <c>threshold_mode</c> → <see cref="ThresholdMode"/>,
/// <c>cooldown</c> → <see cref="Cooldown"/>, <c>min_lr</c> → <see cref="MinimumLearningRate"/>, <c>eps</c> →
/// <see cref="Epsilon"/>. <see cref="IgnoredReports"/> has no PyTorch argument: it is timm's <c>PlateauLRScheduler</c>
/// warmup, which drops the metrics reported during it (Keras' <c>EarlyStopping</c> calls the same idea
/// <c>start_from_epoch</c>).</para>
/// </remarks>
public sealed record ReduceOnPlateauOptions
{
    /// <summary>Gets PyTorch's defaults: <c>ReduceLROnPlateau(optimizer)</c>.</summary>
    public static ReduceOnPlateauOptions Default { get; } = new();

    /// <summary>Gets whether a lower or a higher metric is an improvement.</summary>
    /// <value><see cref="PlateauMode.Min"/> (PyTorch <c>mode="min"</c>).</value>
    public PlateauMode Mode { get; init; } = PlateauMode.Min;

    /// <summary>Gets the factor the learning rate is multiplied by at each reduction; in (0, 1).</summary>
    /// <value>0.1.</value>
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    public double Factor { get; init; } = 0.1;

    /// <summary>
    /// Gets the number of reports without improvement that are tolerated; the rate is reduced at the next one
    /// (when more than <see cref="Patience"/> reports in a row have not improved); ≥ 0.
    /// </summary>
    /// <value>10.</value>
    [Range(0, int.MaxValue)]
    public int Patience { get; init; } = 10;

    /// <summary>Gets the margin a metric must beat the best value by to count as an improvement; finite and ≥ 0.</summary>
    /// <value>1e-4.</value>
    [Range(0.0, double.MaxValue)]
    public double Threshold { get; init; } = 1e-4;

    /// <summary>Gets whether <see cref="Threshold"/> is relative to the best value or absolute.</summary>
    /// <value><see cref="PlateauThresholdMode.Relative"/> (PyTorch <c>threshold_mode="rel"</c>).</value>
    public PlateauThresholdMode ThresholdMode { get; init; } = PlateauThresholdMode.Relative;

    /// <summary>Gets the number of reports after a reduction during which bad reports are not counted; ≥ 0.</summary>
    /// <value>0.</value>
    [Range(0, int.MaxValue)]
    public int Cooldown { get; init; }

    /// <summary>Gets the learning rate below which reductions do not go (PyTorch <c>min_lr</c>); finite and ≥ 0.</summary>
    /// <value>0.</value>
    [Range(0.0, double.MaxValue)]
    public double MinimumLearningRate { get; init; }

    /// <summary>Gets the smallest decrease of the learning rate that a reduction makes; a smaller one is skipped (PyTorch <c>eps</c>); finite and ≥ 0.</summary>
    /// <value>1e-8.</value>
    [Range(0.0, double.MaxValue)]
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>
    /// Gets the number of reports, from the first, that are ignored: each advances the step (<see cref="ReduceLearningRateOnPlateau.ReportCount"/>)
    /// but is neither compared with the best value nor counted as a report without improvement, so no reduction can be
    /// made before report <see cref="IgnoredReports"/> + 1; ≥ 0.
    /// </summary>
    /// <value>0 (PyTorch compares every report).</value>
    /// <remarks>timm's <c>PlateauLRScheduler</c> with <c>warmup_t &gt; 0</c> drops the metrics of its first <c>warmup_t</c>
    /// epochs (<c>timm/scheduler/plateau_lr.py</c>: <c>step(epoch, metric)</c> with <c>epoch &lt;= warmup_t</c> only sets
    /// the warmup's rate); the underlying schedule gives the rates meanwhile.</remarks>
    [Range(0, int.MaxValue)]
    public int IgnoredReports { get; init; }

    /// <summary>Throws one exception listing every option out of range.</summary>
    internal void Validate(string paramName)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Mode))
        {
            errors.Add(Error(nameof(Mode), Mode, "Min or Max"));
        }

        if (!(Factor > 0.0 && Factor < 1.0))
        {
            errors.Add(Error(nameof(Factor), Factor, "in (0, 1)"));
        }

        if (Patience < 0)
        {
            errors.Add(Error(nameof(Patience), Patience, ">= 0"));
        }

        if (!(Threshold >= 0.0) || double.IsPositiveInfinity(Threshold))
        {
            errors.Add(Error(nameof(Threshold), Threshold, "a finite number >= 0"));
        }

        if (!Enum.IsDefined(ThresholdMode))
        {
            errors.Add(Error(nameof(ThresholdMode), ThresholdMode, "Relative or Absolute"));
        }

        if (Cooldown < 0)
        {
            errors.Add(Error(nameof(Cooldown), Cooldown, ">= 0"));
        }

        if (!(MinimumLearningRate >= 0.0) || double.IsPositiveInfinity(MinimumLearningRate))
        {
            errors.Add(Error(nameof(MinimumLearningRate), MinimumLearningRate, "a finite number >= 0"));
        }

        if (!(Epsilon >= 0.0) || double.IsPositiveInfinity(Epsilon))
        {
            errors.Add(Error(nameof(Epsilon), Epsilon, "a finite number >= 0"));
        }

        if (IgnoredReports < 0)
        {
            errors.Add(Error(nameof(IgnoredReports), IgnoredReports, ">= 0"));
        }

        if (errors.Count > 0)
        {
            throw Preconditions.OutOfRange(paramName, this, $"options with every value in range ({string.Join(" ", errors)})");
        }
    }

    private static string Error(string option, object value, string requirement) =>
        string.Create(CultureInfo.InvariantCulture, $"{nameof(ReduceOnPlateauOptions)}.{option} must be {requirement} but was {Preconditions.Format(value)}.");
}
