namespace LrSchedules.Porting.Shapes;

/// <summary>
/// One OLMo-core scheduler's <c>get_lr(initial_lr, current, t_max)</c>, verbatim: a pure function of its three inputs,
/// so that a <c>SequentialScheduler</c> can call it with another initial rate and horizon, as OLMo does.
/// </summary>
/// <remarks>Origin: <c>src/olmo_core/optim/scheduler.py</c> of allenai/OLMo-core at commit fa6c5014c9f6e9ee789da2d9c20d5126fee8df0d.</remarks>
internal abstract class OlmoRule
{
    /// <summary>Whether OLMo's value past <paramref name="tMax"/> is not a rate (a tail extrapolating below its floor, an assert), so the schedule holds its value at <c>t_max</c>.</summary>
    public virtual bool HoldsPastTMax(long tMax) => false;

    /// <summary>OLMo's <c>get_lr</c>.</summary>
    public abstract double GetLr(double initialLr, long current, long tMax);

    /// <summary>Checks, once, what OLMo asserts at every call (<c>0 ≤ min &lt; initial_lr</c> in the warmup and decay helpers), for this initial rate and horizon.</summary>
    public abstract void Validate(double initialLr, long tMax);

    /// <summary><c>_linear_warmup</c>; OLMo's 0/0 at <c>warmup = 0</c>, <c>current = 0</c> (its trainer never asks) reads as 0.</summary>
    protected static double LinearWarmup(double initialLr, long current, long warmup, double warmupMinLr) =>
        warmup == 0 ? warmupMinLr : warmupMinLr + ((initialLr - warmupMinLr) * Math.Min(current, warmup) / warmup);

    /// <summary><c>_linear_decay</c>.</summary>
    protected static double LinearDecay(double initialLr, long stepFromEnd, long decay, double decayMinLr) =>
        decayMinLr + ((initialLr - decayMinLr) * Math.Min(stepFromEnd, decay) / decay);

    /// <summary>Python's <c>round(t_max * fraction)</c> when the count is not given.</summary>
    protected static long Resolve(long? count, double? fraction, long tMax) =>
        count ?? Port.PythonRound(tMax * fraction!.Value);

    /// <summary>OLMo's <c>assert 0 &lt;= min_lr &lt; initial_lr</c>.</summary>
    protected static void Below(double minimum, string minimumName, double initialLr, string what)
    {
        if (!(minimum >= 0.0 && minimum < initialLr))
        {
            throw Preconditions.OutOfRange(minimumName, minimum, $">= 0 and < {what} ({Port.Format(initialLr)}) (OLMo asserts 0 <= min < initial_lr)");
        }
    }

    /// <summary>OLMo's "exactly one of the count and the fraction", fraction in [0, 1].</summary>
    public static void CountOrFraction(long? count, double? fraction, string countName, string fractionName)
    {
        if (count.HasValue == fraction.HasValue)
        {
            throw Preconditions.OutOfRange(fractionName, fraction, $"given when {countName} is not, and null when it is (Either '{Snake(fractionName)}' or '{Snake(countName)}' must be specified. Never both.)");
        }

        if (fraction is double f)
        {
            Preconditions.InClosedRange(f, 0.0, 1.0, fractionName);
        }

        if (count is long c)
        {
            Preconditions.NonNegative(c, countName);
        }
    }

    /// <summary>OLMo's <c>value &gt;= 0</c> on an optional rate or fraction (finite here), quoting OLMo's message.</summary>
    public static void NonNegativeOrNull(double? value, string paramName, string olmoMessage)
    {
        if (value is double v && (!(v >= 0.0) || double.IsPositiveInfinity(v)))
        {
            throw Preconditions.OutOfRange(paramName, v, $"a finite number >= 0, or null ({olmoMessage})");
        }
    }

    /// <summary>OLMo's <c>ComposableSchedulerStageType</c>: <c>"linear"</c> or <c>"cosine"</c> (OLMo raises <c>NotImplementedError</c> at the first step for any other); true for cosine.</summary>
    public static bool IsCosine(string? shape, string paramName) =>
        Port.OneOf(shape, paramName, "linear", "cosine") == "cosine";

    private static string Snake(string camel) => string.Concat(camel.Select(ch => char.IsUpper(ch) ? "_" + char.ToLowerInvariant(ch) : ch.ToString()));
}

/// <summary><c>ConstantScheduler</c>: <c>initial_lr</c>.</summary>
internal sealed class OlmoConstant : OlmoRule
{
    public override double GetLr(double initialLr, long current, long tMax) => initialLr;

    public override void Validate(double initialLr, long tMax)
    {
    }
}

/// <summary><c>ConstantWithWarmup</c>: the warmup while <c>current ≤ warmup</c> (inclusive), then <c>initial_lr</c>.</summary>
internal sealed class OlmoConstantWithWarmup(long? warmup, double? warmupFraction, double warmupMinLr) : OlmoRule
{
    public override double GetLr(double initialLr, long current, long tMax)
    {
        long w = Resolve(warmup, warmupFraction, tMax);
        return current <= w ? LinearWarmup(initialLr, current, w, warmupMinLr) : initialLr;
    }

    public override void Validate(double initialLr, long tMax) => Below(warmupMinLr, "warmupMinLr", initialLr, "lr");
}

/// <summary><c>WSD</c>: warmup (inclusive), stable, then a linear decay over the last <c>decay</c> steps to <c>decay_min_lr</c> at <c>t_max</c>.</summary>
internal sealed class OlmoWsd(long? warmup, double? warmupFraction, long? decay, double? decayFraction, double warmupMinLr, double decayMinLr) : OlmoRule
{
    public override bool HoldsPastTMax(long tMax) => true;

    public override double GetLr(double initialLr, long current, long tMax)
    {
        long w = Resolve(warmup, warmupFraction, tMax);
        if (current <= w)
        {
            return LinearWarmup(initialLr, current, w, warmupMinLr);
        }

        long d = Resolve(decay, decayFraction, tMax);
        return current >= tMax - d ? LinearDecay(initialLr, tMax - current, d, decayMinLr) : initialLr;
    }

    public override void Validate(double initialLr, long tMax)
    {
        Below(warmupMinLr, "warmupMinLr", initialLr, "lr");
        Below(decayMinLr, "decayMinLr", initialLr, "lr");
        if (Resolve(decay, decayFraction, tMax) < 1)
        {
            throw Preconditions.OutOfRange(decay.HasValue ? "decay" : "decayFraction", (object?)decay ?? decayFraction, ">= 1 step (OLMo divides by the decay)");
        }
    }
}

/// <summary><c>PowerLR</c>: warmup (inclusive), <c>lr·(current/warmup)^b</c>, then a linear tail from its value at <c>t_max − decay</c>.</summary>
internal sealed class OlmoPower(double b, long? warmup, double? warmupFraction, double warmupMinLr, long? decay, double? decayFraction, double decayMinLr) : OlmoRule
{
    public override bool HoldsPastTMax(long tMax) => true;

    public override double GetLr(double initialLr, long current, long tMax)
    {
        long w = Resolve(warmup, warmupFraction, tMax);
        long d = Resolve(decay, decayFraction, tMax);
        if (current <= w)
        {
            return LinearWarmup(initialLr, current, w, warmupMinLr);
        }

        if (current >= tMax - d)
        {
            double tail = initialLr * Math.Pow((double)(tMax - d) / w, b);
            return LinearDecay(tail, tMax - current, d, decayMinLr);
        }

        return initialLr * Math.Pow((double)current / w, b);
    }

    public override void Validate(double initialLr, long tMax)
    {
        Below(warmupMinLr, "warmupMinLr", initialLr, "lr");
        long w = Resolve(warmup, warmupFraction, tMax);
        long d = Resolve(decay, decayFraction, tMax);
        if (w < 1)
        {
            throw Preconditions.OutOfRange(warmup.HasValue ? "warmup" : "warmupFraction", (object?)warmup ?? warmupFraction, ">= 1 step (OLMo divides by the warmup)");
        }

        if (d < 1 || tMax - d < w)
        {
            throw Preconditions.OutOfRange(decay.HasValue ? "decay" : "decayFraction", (object?)decay ?? decayFraction, $">= 1 step and leaving the warmup ({w}) before t_max - decay");
        }

        Below(decayMinLr, "decayMinLr", initialLr * Math.Pow((double)(tMax - d) / w, b), "the power-law rate where the tail starts");
    }
}

/// <summary>
/// The schedulers whose warmup test is strict (<c>current &lt; warmup</c>) and whose floor is
/// <c>eta_min = alpha_f · initial_lr</c>: the warmup, then <see cref="AfterWarmup"/>. The scheduler's own <c>t_max</c>
/// field (<paramref name="schedulerTMax"/>), when set, replaces the one OLMo passes, first thing in <c>get_lr</c>:
/// <c>t_max = t_max if self.t_max is None else self.t_max</c> (LinearWithWarmup, CosWithWarmup, HalfCosWithWarmup).
/// </summary>
internal abstract class OlmoAlphaRule(double alphaF, long? warmup, double? warmupFraction, double warmupMinLr, long? schedulerTMax = null) : OlmoRule
{
    public override double GetLr(double initialLr, long current, long tMax)
    {
        tMax = schedulerTMax ?? tMax;
        long w = Resolve(warmup, warmupFraction, tMax);
        return current < w
            ? LinearWarmup(WarmupPeak(initialLr), current, w, warmupMinLr)
            : AfterWarmup(initialLr, initialLr * alphaF, current, w, tMax);
    }

    public override void Validate(double initialLr, long tMax)
    {
        Preconditions.NonNegative(alphaF, "alphaF");
        if (Resolve(warmup, warmupFraction, schedulerTMax ?? tMax) > 0)
        {
            Below(warmupMinLr, "warmupMinLr", WarmupPeak(initialLr), "the warmup's peak");
        }
    }

    /// <summary>The rate from the end of the warmup <paramref name="w"/> on.</summary>
    protected abstract double AfterWarmup(double initialLr, double etaMin, long current, long w, long tMax);

    /// <summary>The rate the warmup reaches.</summary>
    protected virtual double WarmupPeak(double initialLr) => initialLr;
}

/// <summary><c>LinearWithWarmup</c>.</summary>
internal sealed class OlmoLinear(double alphaF, long? warmup, double? warmupFraction, double warmupMinLr, long? schedulerTMax) : OlmoAlphaRule(alphaF, warmup, warmupFraction, warmupMinLr, schedulerTMax)
{
    protected override double AfterWarmup(double initialLr, double etaMin, long current, long w, long tMax) =>
        current >= tMax ? etaMin : initialLr - ((initialLr - etaMin) * ((double)(current - w) / (tMax - w)));
}

/// <summary><c>InvSqrtWithWarmup</c>: never ends; <c>t_max</c> only resolves the warmup fraction.</summary>
internal sealed class OlmoInvSqrt(double alphaF, long? warmup, double? warmupFraction, double warmupMinLr) : OlmoAlphaRule(alphaF, warmup, warmupFraction, warmupMinLr)
{
    // OLMo's sqrt(0 / 0) at warmup = 0, current = 0 (its trainer never asks) reads as 0.
    protected override double AfterWarmup(double initialLr, double etaMin, long current, long w, long tMax) =>
        etaMin + ((initialLr - etaMin) * Math.Sqrt(current == 0 ? 0.0 : (double)w / current));
}

/// <summary><c>CosWithWarmup</c>.</summary>
internal class OlmoCos(double alphaF, long? warmup, double? warmupFraction, double warmupMinLr, long? schedulerTMax) : OlmoAlphaRule(alphaF, warmup, warmupFraction, warmupMinLr, schedulerTMax)
{
    protected override double AfterWarmup(double initialLr, double etaMin, long current, long w, long tMax) =>
        current >= tMax ? etaMin : etaMin + ((initialLr - etaMin) * (1 + Math.Cos(Math.PI * (current - w) / (tMax - w))) / 2);
}

/// <summary><c>HalfCosWithWarmup</c>: warms up to the midpoint, then the second half of a cosine.</summary>
internal sealed class OlmoHalfCos(double alphaF, long? warmup, double? warmupFraction, double warmupMinLr, long? schedulerTMax) : OlmoAlphaRule(alphaF, warmup, warmupFraction, warmupMinLr, schedulerTMax)
{
    private readonly double _alphaF = alphaF;

    protected override double AfterWarmup(double initialLr, double etaMin, long current, long w, long tMax)
    {
        if (current >= tMax)
        {
            return etaMin;
        }

        // Python's integers do not overflow: current − w + span and 2·span in 128 bits (t_max near long.MaxValue), each
        // then rounded to a float as Python's int / float arithmetic does.
        Int128 span = (Int128)tMax - w;
        return etaMin + ((initialLr - etaMin) * (1 + Math.Cos(Math.PI * (double)(current - w + span) / (double)(span * 2))) / 2);
    }

    protected override double WarmupPeak(double initialLr)
    {
        double etaMin = initialLr * _alphaF;
        return etaMin + ((initialLr - etaMin) / 2);
    }
}

/// <summary>
/// <c>CosWithWarmupAndLinearDecay</c>: the cosine cut at <c>t_max − decay</c>, then a line to <c>decay_min_lr</c>; the
/// decay test comes first. The decay and the tail's position use the <c>t_max</c> OLMo passes; the scheduler's own
/// <c>t_max</c> field replaces it only inside the cosine (<c>super().get_lr</c>), as there.
/// </summary>
internal sealed class OlmoCosLinearDecay(double alphaF, long? warmup, double? warmupFraction, double warmupMinLr, long? schedulerTMax, long? decay, double? decayFraction, double decayMinLr)
    : OlmoCos(alphaF, warmup, warmupFraction, warmupMinLr, schedulerTMax)
{
    public override bool HoldsPastTMax(long tMax) => true;

    public override double GetLr(double initialLr, long current, long tMax)
    {
        long d = Resolve(decay, decayFraction, tMax);
        if (current >= tMax - d)
        {
            double finalCosine = base.GetLr(initialLr, tMax - d, tMax);
            return LinearDecay(finalCosine, tMax - current, d, decayMinLr);
        }

        return base.GetLr(initialLr, current, tMax);
    }

    public override void Validate(double initialLr, long tMax)
    {
        base.Validate(initialLr, tMax);
        long d = Resolve(decay, decayFraction, tMax);
        if (d < 1 || d > tMax)
        {
            throw Preconditions.OutOfRange(decay.HasValue ? "decay" : "decayFraction", (object?)decay ?? decayFraction, $"in [1, t_max] steps (OLMo divides by the decay)");
        }

        Below(decayMinLr, "decayMinLr", base.GetLr(initialLr, tMax - d, tMax), "the cosine's rate where the tail starts");
    }
}

/// <summary><c>ExponentialScheduler</c>: grows from <c>lr_min</c> at 0 to <c>initial_lr</c> at <c>t_max</c>, held after.</summary>
internal sealed class OlmoExponential(double lrMin) : OlmoRule
{
    public override double GetLr(double initialLr, long current, long tMax)
    {
        if (current >= tMax)
        {
            return initialLr;
        }

        if (current == 0)
        {
            return lrMin;
        }

        double ratio = (double)current / tMax;
        double span = initialLr / lrMin;
        if (double.IsPositiveInfinity(span))
        {
            // Found by the configuration fuzzer: lr / lr_min overflows (1e308 / 1e-9) and OLMo's form gives +inf; read
            // the same curve on the log scale, which stays finite (every other case is OLMo's arithmetic, bit for bit).
            return Math.Min(Math.Exp(Math.Log(lrMin) + (ratio * (Math.Log(initialLr) - Math.Log(lrMin)))), initialLr);
        }

        return Math.Min(lrMin * Math.Pow(span, ratio), double.MaxValue);
    }

    public override void Validate(double initialLr, long tMax) => Preconditions.Positive(lrMin, "lrMin");
}

/// <summary>
/// <c>WSDS</c>: periods, each a plateau at its peak then a linear decay to <c>decay_min_lr</c>; the warmup is taken out
/// of the first period; <c>t_max</c> is ignored. Precomputed at construction; a query is a binary search.
/// </summary>
internal sealed class OlmoWsds : OlmoRule
{
    private readonly long[] _periodLengths;
    private readonly double[]? _multipliers;
    private readonly long? _decay;
    private readonly double? _decayFraction;
    private readonly double _warmupMinLr;
    private readonly double _decayMinLr;
    private readonly long _warmupSteps;
    private readonly long[] _adjusted;
    private readonly long[] _cumEnd;

    public OlmoWsds(long[] periodLengths, double[]? multipliers, long? warmup, double? warmupFraction, long? decay, double? decayFraction, double warmupMinLr, double decayMinLr)
    {
        _periodLengths = periodLengths;
        _multipliers = multipliers;
        _decay = decay;
        _decayFraction = decayFraction;
        _warmupMinLr = warmupMinLr;
        _decayMinLr = decayMinLr;
        long l0 = periodLengths[0];
        _warmupSteps = warmup ?? Port.PythonRound(warmupFraction!.Value * l0);
        long d0 = ResolveDecay(l0);
        if (_warmupSteps + d0 > l0)
        {
            throw Preconditions.OutOfRange(warmup.HasValue ? "warmup" : "warmupFraction", (object?)warmup ?? warmupFraction, $"small enough that warmup ({_warmupSteps}) + decay ({d0}) <= the first period ({l0})");
        }

        for (int i = 0; i < periodLengths.Length; i++)
        {
            long di = ResolveDecay(periodLengths[i]);
            if (di > periodLengths[i] || di < 1)
            {
                throw Preconditions.OutOfRange(decay.HasValue ? "decay" : "decayFraction", (object?)decay ?? decayFraction, $"in [1, {periodLengths[i]}] steps for period {i} (OLMo divides by the decay)");
            }
        }

        _adjusted = [l0 - _warmupSteps, .. periodLengths[1..]];
        _cumEnd = new long[_adjusted.Length];
        long sum = 0;
        for (int i = 0; i < _adjusted.Length; i++)
        {
            sum = checked(sum + _adjusted[i]);
            _cumEnd[i] = sum;
        }
    }

    private long ResolveDecay(long length) => _decay ?? Port.PythonRound(_decayFraction!.Value * length);

    private double Peak(double initialLr, int index) => _multipliers is null ? initialLr : initialLr * _multipliers[index];

    public override double GetLr(double initialLr, long current, long tMax)
    {
        if (current < _warmupSteps)
        {
            return LinearWarmup(Peak(initialLr, 0), current, _warmupSteps, _warmupMinLr);
        }

        long adjusted = current - _warmupSteps;
        if (adjusted >= _cumEnd[^1])
        {
            return _decayMinLr;
        }

        // _find_period: the first index whose cumulative end is >= adjusted.
        int index = Array.BinarySearch(_cumEnd, adjusted);
        if (index < 0)
        {
            index = ~index;
        }

        long start = index == 0 ? 0 : _cumEnd[index - 1];
        long length = _adjusted[index];
        long position = Math.Min(Math.Max(adjusted - start, 0), length);
        long d = ResolveDecay(_periodLengths[index]);
        long stable = length - d;
        if (position < stable)
        {
            return Peak(initialLr, index);
        }

        long t = position - stable;
        return LinearDecay(Peak(initialLr, index), d - t, d, _decayMinLr);
    }

    public override void Validate(double initialLr, long tMax)
    {
        for (int i = 0; i < _periodLengths.Length; i++)
        {
            Below(_decayMinLr, "decayMinLr", Peak(initialLr, i), $"period {i}'s peak");
        }

        if (_warmupSteps > 0)
        {
            Below(_warmupMinLr, "warmupMinLr", Peak(initialLr, 0), "the first period's peak");
        }
    }
}

/// <summary>
/// <c>SequentialScheduler</c>: scheduler <c>k</c> for the <c>schedulers_max[k]</c> steps after the previous ones
/// (inclusive at each end), starting from the previous scheduler's final rate and counting its own steps; with an
/// <c>override_decay</c>, from its start on, the override instead. A query walks the schedulers (bounded by their count,
/// allocation-free), since their initial rates and horizons depend on the <c>initial_lr</c> and <c>t_max</c> passed in.
/// </summary>
internal sealed class OlmoSequential(OlmoRule[] rules, long[] maxes, OlmoOverrideDecay? overrideDecay) : OlmoRule
{
    /// <summary>
    /// Past <c>t_max</c> OLMo asserts; the value at <c>t_max</c> holds, unless the override started by then: it ignores
    /// <c>t_max</c> (OLMo's docstring), so it runs on to its end rate and holds that.
    /// </summary>
    public override bool HoldsPastTMax(long tMax) => overrideDecay is null || overrideDecay.Start > tMax;

    /// <summary><c>SequentialScheduler.get_lr</c> (OLMo's <c>assert 0 &lt;= current &lt;= t_max</c> aside).</summary>
    public override double GetLr(double initialLr, long current, long tMax)
    {
        if (overrideDecay is null || current < overrideDecay.Start)
        {
            return SequentialLr(initialLr, current, tMax);
        }

        double overrideStartLr = SequentialLr(initialLr, overrideDecay.Start, tMax);
        return overrideDecay.GetLr(initialLr, overrideStartLr, current);
    }

    /// <summary><c>SequentialScheduler._sequential_lr</c>.</summary>
    private double SequentialLr(double initialLr, long current, long tMax)
    {
        for (int i = 0; i < maxes.Length; i++)
        {
            if (current <= maxes[i])
            {
                return rules[i].GetLr(initialLr, current, Math.Min(tMax, maxes[i]));
            }

            initialLr = rules[i].GetLr(initialLr, maxes[i], maxes[i]);
            current -= maxes[i];
            tMax -= maxes[i];
        }

        return rules[^1].GetLr(initialLr, current, tMax);
    }

    public override void Validate(double initialLr, long tMax)
    {
        double lr = initialLr;
        long remaining = tMax;
        for (int i = 0; i < maxes.Length; i++)
        {
            rules[i].Validate(lr, Math.Min(remaining, maxes[i]));
            lr = rules[i].GetLr(lr, maxes[i], maxes[i]);
            remaining -= maxes[i];
        }

        if (remaining <= 0)
        {
            throw Preconditions.OutOfRange("schedulersMax", maxes.Sum(), "a sum below tMax (OLMo asserts t_max > 0 for the last scheduler)");
        }

        rules[^1].Validate(lr, remaining);
        overrideDecay?.Validate(initialLr);
    }
}

/// <summary>
/// <c>OverrideDecay</c> as <c>SequentialScheduler.get_lr</c> and <c>ComposableScheduler.get_lr</c> apply it: from
/// <c>start</c>, <c>_interpolate_lr</c> from the main schedule's rate at <c>start</c> to <c>_resolve_override_decay_end</c>
/// over <c>duration</c> steps, then that end rate; <c>t_max</c> is not read.
/// </summary>
internal sealed class OlmoOverrideDecay(long start, long duration, bool cosine, double? endLr, double? endLrFraction)
{
    public long Start => start;

    /// <summary>The rate at <paramref name="current"/> ≥ <see cref="Start"/>, the main schedule's rate at the start being <paramref name="overrideStartLr"/>.</summary>
    public double GetLr(double initialLr, double overrideStartLr, long current)
    {
        double overrideEndLr = OlmoInterpolation.Resolve(initialLr, endLr, endLrFraction);
        long overrideCurrent = current - start;
        return overrideCurrent < duration
            ? OlmoInterpolation.Interpolate(cosine, overrideStartLr, overrideEndLr, overrideCurrent, duration)
            : overrideEndLr;
    }

    /// <summary>The end rate must be a finite number (a fraction of a large rate can overflow).</summary>
    public void Validate(double initialLr)
    {
        double end = OlmoInterpolation.Resolve(initialLr, endLr, endLrFraction);
        if (!double.IsFinite(end))
        {
            throw Preconditions.OutOfRange("overrideDecay", end, "an end rate (end_lr_fraction · lr) that is a finite number");
        }
    }
}

/// <summary>The helpers of <c>ComposableScheduler</c> and <c>OverrideDecay</c>: <c>_resolve_lr_from_initial</c> and <c>_interpolate_lr</c>.</summary>
internal static class OlmoInterpolation
{
    /// <summary><c>_resolve_lr_from_initial</c>: the value if given, else <c>initial_lr * fraction</c>.</summary>
    public static double Resolve(double initialLr, double? value, double? fraction) =>
        value ?? initialLr * fraction!.Value;

    /// <summary>
    /// <c>_interpolate_lr</c>: linear <c>start + (end − start)·current / duration</c>, cosine
    /// <c>end + (start − end)(1 + cos(π·current / duration)) / 2</c>.
    /// </summary>
    public static double Interpolate(bool cosine, double startLr, double endLr, long current, long duration)
    {
        if (cosine)
        {
            return endLr + ((startLr - endLr) * (1 + Math.Cos(Math.PI * current / duration)) / 2);
        }

        double product = (endLr - startLr) * current;
        // OLMo's form overflows only for rates near double.MaxValue over a long stage; divide first there (finite).
        return double.IsInfinity(product)
            ? startLr + ((endLr - startLr) * ((double)current / duration))
            : startLr + (product / duration);
    }
}

/// <summary>
/// <c>ComposableScheduler</c>: stages, each interpolating (linear or cosine) from its start rate (given, or the previous
/// stage's end rate) to its end rate over its duration, the last end rate held; an optional <c>override_decay</c>;
/// <c>t_max</c> ignored. The stage ends are precomputed; a query is a binary search over them.
/// </summary>
internal sealed class OlmoComposable : OlmoRule
{
    private readonly long[] _ends;
    private readonly long[] _durations;
    private readonly bool[] _cosine;
    private readonly double?[] _startLr;
    private readonly double?[] _startLrFraction;
    private readonly double?[] _endLr;
    private readonly double?[] _endLrFraction;
    private readonly OlmoOverrideDecay? _overrideDecay;

    /// <param name="durations">Each stage's duration, &gt; 0.</param>
    /// <param name="cosine">Whether each stage's shape is <c>"cosine"</c>.</param>
    /// <param name="startLr">Each stage's <c>start_lr</c>.</param>
    /// <param name="startLrFraction">Each stage's <c>start_lr_fraction</c>.</param>
    /// <param name="endLr">Each stage's <c>end_lr</c>.</param>
    /// <param name="endLrFraction">Each stage's <c>end_lr_fraction</c>.</param>
    /// <param name="overrideDecay">The override, or null.</param>
    public OlmoComposable(long[] durations, bool[] cosine, double?[] startLr, double?[] startLrFraction, double?[] endLr, double?[] endLrFraction, OlmoOverrideDecay? overrideDecay)
    {
        _durations = durations;
        _cosine = cosine;
        _endLr = endLr;
        _endLrFraction = endLrFraction;
        _overrideDecay = overrideDecay;
        _ends = new long[durations.Length];
        _startLr = new double?[durations.Length];
        _startLrFraction = new double?[durations.Length];
        long end = 0;
        for (int i = 0; i < durations.Length; i++)
        {
            if (durations[i] > long.MaxValue - end)
            {
                throw Preconditions.OutOfRange("stages", durations[i], $"a duration whose running sum fits a long (the stages before sum to {Preconditions.Format(end)})", i);
            }

            end += durations[i];
            _ends[i] = end;

            // _resolve_stage_start: neither given, the previous stage's end rate (initial_lr before the first stage,
            // which is initial_lr * 1.0, bit for bit).
            bool given = startLr[i].HasValue || startLrFraction[i].HasValue;
            _startLr[i] = given ? startLr[i] : i == 0 ? null : endLr[i - 1];
            _startLrFraction[i] = given ? startLrFraction[i] : i == 0 ? 1.0 : endLrFraction[i - 1];
        }
    }

    public override double GetLr(double initialLr, long current, long tMax)
    {
        if (_overrideDecay is null || current < _overrideDecay.Start)
        {
            return MainScheduleLr(initialLr, current);
        }

        return _overrideDecay.GetLr(initialLr, MainScheduleLr(initialLr, _overrideDecay.Start), current);
    }

    /// <summary><c>_main_schedule_lr</c>: the first stage whose end is past <paramref name="current"/>, else the last end rate.</summary>
    private double MainScheduleLr(double initialLr, long current)
    {
        int i = SortedSearch.CountAtOrBelow(_ends, current);
        if (i == _ends.Length)
        {
            return OlmoInterpolation.Resolve(initialLr, _endLr[^1], _endLrFraction[^1]);
        }

        long stageStart = i == 0 ? 0 : _ends[i - 1];
        return OlmoInterpolation.Interpolate(
            _cosine[i],
            OlmoInterpolation.Resolve(initialLr, _startLr[i], _startLrFraction[i]),
            OlmoInterpolation.Resolve(initialLr, _endLr[i], _endLrFraction[i]),
            current - stageStart,
            _durations[i]);
    }

    public override void Validate(double initialLr, long tMax)
    {
        for (int i = 0; i < _durations.Length; i++)
        {
            double start = OlmoInterpolation.Resolve(initialLr, _startLr[i], _startLrFraction[i]);
            double end = OlmoInterpolation.Resolve(initialLr, _endLr[i], _endLrFraction[i]);
            if (!double.IsFinite(start) || !double.IsFinite(end))
            {
                throw Preconditions.OutOfRange("stages", double.IsFinite(start) ? end : start, "rates (a fraction · lr) that are finite numbers", i);
            }
        }

        _overrideDecay?.Validate(initialLr);
    }
}

/// <summary>
/// An OLMo-core scheduler read on LrSchedules' step: the value at step <c>c</c> is <c>get_lr(lr, c, t_max)</c> (OLMo's
/// <c>current</c>), piecewise constant between whole steps; past <c>t_max</c>, for the schedulers whose value there is
/// not a rate, the value at <c>t_max</c>.
/// </summary>
internal sealed class OlmoSchedule : LearningRateSchedule
{
    internal OlmoSchedule(OlmoRule rule, double lr, long tMax, LearningRateSchedule? expression = null)
    {
        Rule = rule;
        Lr = lr;
        TMax = tMax;
        Expression = expression;
    }

    public OlmoRule Rule { get; }

    public double Lr { get; }

    public long TMax { get; }

    /// <summary>Gets the core expression that gives the same values, when there is one (PowerLR: <see cref="Schedule.Power(double, double, double, long, long, long, double)"/>).</summary>
    public LearningRateSchedule? Expression { get; }

    internal override double Evaluate(double position)
    {
        if (Expression is not null)
        {
            return Expression.Evaluate(position);
        }

        long current = Preconditions.ToStep(position);
        if (current > TMax && Rule.HoldsPastTMax(TMax))
        {
            current = TMax;
        }

        return Rule.GetLr(Lr, current, TMax);
    }

    /// <inheritdoc/>
    /// <remarks>The core expression's bounds when there is one; otherwise unknown (a typed schedule checks each query).</remarks>
    internal override ValueBounds? Bounds => Expression?.Bounds;
}
