namespace LrSchedules.Plateau;

/// <summary>Which direction of a reported metric counts as an improvement (PyTorch <c>ReduceLROnPlateau(mode=…)</c>).</summary>
public enum PlateauMode
{
    /// <summary>Lower is better, e.g. a loss (PyTorch <c>"min"</c>).</summary>
    Min = 0,

    /// <summary>Higher is better, e.g. an accuracy (PyTorch <c>"max"</c>).</summary>
    Max = 1,
}
