namespace LrSchedules;

/// <summary>
/// The curve a schedule follows between two rates: a warmup, a decay, or the stretch between two knots. The one curve
/// vocabulary of the library, taken by <see cref="Schedule.WarmupStableDecay"/> (its warmup and its decay),
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

    /// <summary>One minus a square root (<c>"1-sqrt"</c>): warmup factor <c>1 − √(1 − p)</c>, decay factor <c>1 − √p</c>. Warmup–stable–decay only.</summary>
    OneMinusSquareRoot = 2,
}
