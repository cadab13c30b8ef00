namespace LrSchedules;

/// <summary>
/// The curve a schedule follows between two rates: a warmup, a decay, or the stretch between two knots. The one curve
/// vocabulary of the library, taken by <see cref="Schedule.WarmupStableDecay(double, long, long, long, Curve, double, Curve, double)"/> and <see cref="Schedule.WarmupStableDecay(double, double, double, long, long, long, Curve)"/> (its warmup and its decay),
/// <see cref="Schedule.OneCycle"/> (its anneal) and <see cref="Schedule.PiecewiseInterpolated(IEnumerable{double}, IEnumerable{double}, Curve)"/>.
/// </summary>
/// <remarks>
/// For progress <c>p</c> in [0, 1] through a stretch, the fraction of the way from its first rate to its last. A factory
/// that implements only some curves says which, and rejects the others with a <see cref="ScheduleArgumentException"/>.
/// Origins: Hugging Face <c>get_wsd_schedule</c>'s <c>warmup_type</c> and <c>decay_type</c>, PyTorch <c>OneCycleLR</c>'s
/// <c>anneal_strategy</c>, optax <c>piecewise_interpolate_schedule</c>'s <c>interpolate_type</c>.
/// </remarks>
public enum Curve
{
    /// <summary>A straight line (<c>"linear"</c>): warmup factor <c>p</c>, decay factor <c>1 − p</c>.</summary>
    Linear = 0,

    /// <summary>A half cosine (<c>"cosine"</c>, <c>"cos"</c>): warmup factor <c>½ (1 − cos(π · p))</c>, decay factor <c>½ (1 + cos(2π · cycles · p))</c>.</summary>
    Cosine = 1,

    /// <summary>One minus a square root (<c>"1-sqrt"</c>, Megatron's <c>"minus_sqrt"</c>): warmup factor <c>1 − √(1 − p)</c>, decay factor <c>1 − √p</c>. Warmup–stable–decay only.</summary>
    OneMinusSquareRoot = 2,

    /// <summary>
    /// Megatron-LM's exponential anneal (<c>"exponential"</c>, its default WSD decay style): decay factor
    /// <c>2 · 0.5^p − 1</c>, which falls from 1 at <c>p = 0</c> to exactly 0 at <c>p = 1</c> (√2 − 1 at the midpoint).
    /// The decay of a warmup–stable–decay schedule only.
    /// </summary>
    Exponential = 3,
}
