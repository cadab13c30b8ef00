namespace LrSchedules.Plateau;

/// <summary>How <see cref="ReduceOnPlateauOptions.Threshold"/> defines a significant improvement (PyTorch <c>threshold_mode</c>).</summary>
public enum PlateauThresholdMode
{
    /// <summary>
    /// Relative to the best value: better than <c>best · (1 − threshold)</c> with <see cref="PlateauMode.Min"/>, than
    /// <c>best · (threshold + 1)</c> with <see cref="PlateauMode.Max"/> (PyTorch <c>"rel"</c>).
    /// </summary>
    Relative = 0,

    /// <summary>
    /// An absolute margin: better than <c>best − threshold</c> with <see cref="PlateauMode.Min"/>, than
    /// <c>best + threshold</c> with <see cref="PlateauMode.Max"/> (PyTorch <c>"abs"</c>).
    /// </summary>
    Absolute = 1,
}
