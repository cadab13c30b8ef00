namespace LrSchedules;

/// <summary>The curve a warmup or a decay follows (Hugging Face <c>get_wsd_schedule</c>'s <c>warmup_type</c> and <c>decay_type</c>).</summary>
public enum RampShape
{
    /// <summary>A straight line (<c>"linear"</c>): warmup factor <c>p</c>, decay factor <c>1 − p</c> for progress <c>p</c> in [0, 1).</summary>
    Linear = 0,

    /// <summary>A cosine (<c>"cosine"</c>): warmup factor <c>½ (1 − cos(π · p))</c>, decay factor <c>½ (1 + cos(2π · cycles · p))</c>.</summary>
    Cosine = 1,

    /// <summary>One minus a square root (<c>"1-sqrt"</c>): warmup factor <c>1 − √(1 − p)</c>, decay factor <c>1 − √p</c>.</summary>
    OneMinusSquareRoot = 2,
}
