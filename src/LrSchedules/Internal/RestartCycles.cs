using System.Runtime.CompilerServices;

namespace LrSchedules.Internal;

/// <summary>
/// The cycle arithmetic shared by the warm-restart shapes (timm's <c>t_initial</c>, <c>cycle_mul</c>,
/// <c>cycle_decay</c>, <c>cycle_limit</c>; PyTorch's <c>T_0</c>, <c>T_mult</c>): which cycle a position is in, where
/// that cycle starts, how long it is, how much its peak has decayed and whether the cycle limit has been passed.
/// O(1) and allocation-free.
/// </summary>
/// <remarks>
/// <para>Cycle <c>i</c> has length <c>L_i = m^i · P</c> and starts at <c>S_i = (1 − m^i) / (1 − m) · P</c>
/// (<c>S_i = P · i</c> when <c>m = 1</c>), the expressions timm evaluates (<c>timm/scheduler/cosine_lr.py</c>); for a
/// whole <c>P</c> and a whole <c>m ≥ 2</c> the starts are precomputed exactly with PyTorch's integer recurrence instead.</para>
/// <para>The index is first estimated in closed form, <c>floor(position / P)</c> or
/// <c>floor(log(1 + position / P · (m − 1)) / log m)</c>, and then corrected by one with the exact comparisons
/// <c>S_i ≤ position &lt; S_(i+1)</c> on the same floating-point starts. So a position that lies exactly on a start is
/// always the first position of the new cycle: with whole periods and multipliers the boundaries are those of PyTorch's
/// integer <c>T_cur</c> counter, where timm's <c>floor(math.log(…))</c> can land one cycle short (see
/// <c>Schedule.CosineWarmRestarts</c>).</para>
/// <para>When cycles grow (<c>m &gt; 1</c>) there are few of them below any step a long can hold (at most 64 for
/// <c>m ≥ 2</c>), so the first ones — up to <see cref="MaxTabledCycles"/> — are precomputed: their starts, lengths and
/// peak decays, each from the same expression the closed form would evaluate, so every value is the same bit for bit. A
/// position below the last tabled start finds its cycle (the one the closed-form estimate and its correction land on)
/// instead of by a logarithm and up to four powers: the binary exponent of the position picks the cycles of its octave
/// <c>[2^(k−1), 2^k)</c>, and a binary search over those (one or two starts when <c>m ≥ 2</c>) decides. Beyond the last
/// tabled start the closed form runs as described. The tables hold at most 3 · (<see cref="MaxTabledCycles"/> + 1)
/// doubles and one int per octave (about 1.6 KB for <c>P = 1000, m = 2</c>).</para>
/// </remarks>
internal readonly struct RestartCycles
{
    private readonly double _logMultiplier;
    private readonly double _limitStart;

    // For a whole period and a whole multiplier ≥ 2: every cycle start that fits in a long, from PyTorch's integer
    // recurrence S_(i+1) = S_i · m + P (at most 64 of them). timm's (1 − m^i) / (1 − m) · P rounds once m^i passes 2^53,
    // which happens before the start itself does when P < m − 1 (T_0 = 3, T_mult = 10 restarts at 3333333333333333).
    private readonly double[]? _wholeStarts;

    // For m > 1: S_0 … S_n (strictly increasing; positions below S_n are tabled), and L_i = m^i · P and
    // restartDecay^i for i < n, each computed once here with the expression TryLocate would otherwise evaluate.
    private readonly double[]? _tabledStarts;
    private readonly double[]? _tabledLengths;
    private readonly double[]? _tabledPeakScales;

    // For each octave of positions, [2^(k−1), 2^k) in slot k and [0, 1) in slot 0: the cycle that contains its lowest
    // position. A position's cycle lies between its slot's entry and the next slot's, so the search is over the one or
    // two starts inside an octave rather than over the whole table.
    private readonly int[]? _octaveCycles;

    // restartDecay^i for the untabled cycles, which (m = 1) can number in the billions.
    private readonly SaturatingPower _decayPower;

    private RestartCycles(double periodSteps, double periodMultiplier, double restartDecay, int? cycleLimit)
    {
        PeriodSteps = periodSteps;
        PeriodMultiplier = periodMultiplier;
        RestartDecay = restartDecay;
        CycleLimit = cycleLimit;
        _logMultiplier = Math.Log(periodMultiplier);
        _decayPower = new SaturatingPower(restartDecay);
        _wholeStarts = WholeStarts(periodSteps, periodMultiplier);
        _limitStart = cycleLimit is int limit ? Start(limit) : double.PositiveInfinity;
        // Stryker disable once Equality,Boolean : the tables are a fast path: without them every position takes the closed form, which lands on the same cycle (docs/mutation/evidence/restart-cycles-fastpath.py: 5e5 positions on and next to every tabled start, 70 m, 10 P, no difference) from the same Start/Length/PeakScale; m = 1 returns before they are read
        if (periodMultiplier > 1.0)
        {
            (_tabledStarts, _tabledLengths, _tabledPeakScales) = Tabulate();
            _octaveCycles = Octaves(_tabledStarts);
        }
    }

    /// <summary>The most cycles whose start, length and peak decay are precomputed (2^63 steps need at most 64 when m ≥ 2).</summary>
    public const int MaxTabledCycles = 128;

    /// <summary>Gets the length of cycle 0.</summary>
    public double PeriodSteps { get; }

    /// <summary>Gets the factor by which each cycle is longer than the one before.</summary>
    public double PeriodMultiplier { get; }

    /// <summary>Gets the factor by which each cycle's peak is lower than the one before.</summary>
    public double RestartDecay { get; }

    /// <summary>Gets the number of cycles after which the schedule holds its final rate; null for no limit.</summary>
    public int? CycleLimit { get; }

    /// <summary>Validates the cycle parameters (naming each bad one) and builds the arithmetic.</summary>
    public static RestartCycles Create(long periodSteps, double periodMultiplier, double restartDecay, int? cycleLimit)
    {
        Preconditions.Positive(periodSteps);
        if (!(periodMultiplier >= 1.0) || double.IsPositiveInfinity(periodMultiplier))
        {
            throw Preconditions.OutOfRange(nameof(periodMultiplier), periodMultiplier, "a finite number >= 1");
        }

        Preconditions.InRange(restartDecay, 0.0, false, 1.0, true);
        if (cycleLimit is int limit)
        {
            Preconditions.AtLeast(limit, 1, nameof(cycleLimit));
        }

        return new RestartCycles(periodSteps, periodMultiplier, restartDecay, cycleLimit);
    }

    /// <summary>
    /// Finds the cycle that contains <paramref name="position"/> (finite, ≥ 0).
    /// </summary>
    /// <param name="position">The position on the schedule's clock.</param>
    /// <param name="positionInCycle">The distance from the start of the cycle, <c>t_cur</c>; ≥ 0.</param>
    /// <param name="cycleLength">The length of the cycle, <c>T_i</c>; &gt; 0.</param>
    /// <param name="peakScale">The decay of the cycle's peak, <c>restartDecay^i</c>; in [0, 1].</param>
    /// <returns>False when <paramref name="position"/> is at or past the end of the last allowed cycle.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryLocate(double position, out double positionInCycle, out double cycleLength, out double peakScale)
    {
        if (position >= _limitStart)
        {
            positionInCycle = 0.0;
            cycleLength = PeriodSteps;
            peakScale = 0.0;
            return false;
        }

        if (PeriodMultiplier == 1.0)
        {
            // Cycles of equal length: the closed form below with m = 1 written out, so that the query tests m once.
            double period = PeriodSteps;
            double cycleIndex = Math.Floor(position / period);
            double cycleStart = period * cycleIndex;
            if (cycleStart > position)
            {
                cycleIndex -= 1.0;
                cycleStart = period * cycleIndex;
            }
            else
            {
                double nextStart = period * (cycleIndex + 1.0);
                if (nextStart <= position)
                {
                    cycleIndex += 1.0;
                    cycleStart = nextStart;
                }
            }

            positionInCycle = position - cycleStart;
            cycleLength = period;
            peakScale = PeakScale(cycleIndex);
            return true;
        }

        double[]? starts = _tabledStarts;
        if (starts is not null && position < starts[^1])
        {
            // The last i with S_i ≤ position, i.e. S_i ≤ position < S_(i+1): the cycle the estimate below and its one
            // correction land on. It lies between the cycles of the octave's bounds.
            int[] octaves = _octaveCycles!;
            int slot = Octave(position);
            int cycle = octaves[slot];
            int last = octaves[slot + 1];
            while (cycle < last)
            {
                int middle = (cycle + last + 1) >> 1;
                if (starts[middle] <= position)
                {
                    cycle = middle;
                }
                else
                {
                    last = middle - 1;
                }
            }

            positionInCycle = position - starts[cycle];
            cycleLength = _tabledLengths![cycle];
            peakScale = _tabledPeakScales![cycle];
            return true;
        }

        LocateInClosedForm(position, out positionInCycle, out cycleLength, out peakScale);
        return true;
    }

    // Past the tabled cycles (or m within a hair of 1): the logarithm estimate and its one correction. Only for m > 1:
    // TryLocate handles m = 1 before it gets here.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void LocateInClosedForm(double position, out double positionInCycle, out double cycleLength, out double peakScale)
    {
        double index = Math.Floor(Math.Log(1.0 + (position / PeriodSteps * (PeriodMultiplier - 1.0))) / _logMultiplier);

        // The estimate can be one off next to a start; the exact comparison decides (no loop: one correction). Only
        // for multipliers within ~1e-12 of 1 at astronomically many cycles, or positions whose quotient overflows,
        // can it be further off; Powers then clamps the progress into [0, 1] so the value stays in range.
        double start = Start(index);
        if (start > position)
        {
            index -= 1.0;
            start = Start(index);
        }
        else
        {
            double next = Start(index + 1.0);
            if (next <= position)
            {
                index += 1.0;
                start = next;
            }
        }

        positionInCycle = position - start;
        cycleLength = Length(index);
        peakScale = PeakScale(index);
    }

    /// <summary>
    /// Gives <c>t_cur^k</c> and <c>T_i^k</c> as timm computes them (k-decay), made safe: <c>0 ≤ numerator ≤ denominator</c>,
    /// the denominator finite and &gt; 0, and <c>π · numerator</c> finite, whatever rounding or overflow did to the inputs.
    /// </summary>
    public static void Powers(double positionInCycle, double cycleLength, double kDecay, out double numerator, out double denominator)
    {
        numerator = positionInCycle;
        denominator = cycleLength;
        if (kDecay != 1.0)
        {
            numerator = Math.Pow(positionInCycle, kDecay);
            denominator = Math.Pow(cycleLength, kDecay);
            if (!(double.IsFinite(numerator) && denominator > 0.0 && double.IsFinite(denominator)))
            {
                numerator = Math.Pow(positionInCycle / cycleLength, kDecay);
                denominator = 1.0;
            }
        }

        if (!(denominator > 0.0 && double.IsFinite(denominator)) || !(numerator >= 0.0))
        {
            numerator = 0.0;
            denominator = 1.0;
        }
        else if (numerator > denominator)
        {
            numerator = denominator;
        }

        // Keep π · numerator finite for cycles longer than ~1e300 steps; scaling both by a power of two changes nothing else.
        if (denominator > 1e300)
        {
            numerator = Math.ScaleB(numerator, -64);
            denominator = Math.ScaleB(denominator, -64);
        }
    }

    private static double[]? WholeStarts(double periodSteps, double periodMultiplier)
    {
        if (periodMultiplier < 2.0 || periodMultiplier != Math.Floor(periodMultiplier) || periodMultiplier >= long.MaxValue
            || periodSteps != Math.Floor(periodSteps) || periodSteps >= long.MaxValue)
        {
            return null;
        }

        long period = (long)periodSteps;
        long multiplier = (long)periodMultiplier;
        var starts = new List<double> { 0.0 };
        long start = 0;
        while (true)
        {
            Int128 next = ((Int128)start * multiplier) + period;
            if (next > long.MaxValue)
            {
                return [.. starts];
            }

            start = (long)next;
            starts.Add(start);
        }
    }

    private (double[] Starts, double[] Lengths, double[] PeakScales) Tabulate()
    {
        // Stop at the first start past every position a long step can reach, or after MaxTabledCycles cycles.
        const double beyondLongSteps = 9223372036854775808.0; // 2^63
        var starts = new List<double> { Start(0.0) };
        // Stryker disable once Equality,Boolean : a shorter or longer (or empty) table only moves positions between the fast path and the closed form, which give the same cycle (see the constructor)
        while (starts.Count <= MaxTabledCycles && starts[^1] < beyondLongSteps)
        {
            double next = Start(starts.Count);
            // Starts that stop growing (rounding, overflow) are left to the closed form.
            // Stryker disable once Statement,Block,Equality,Boolean : a guard no input was found to reach: a search of 5.3e8 starts (m = 1 + c·2^-52 for c < 200,000 and 2e6 random m, P) found every start below 2^63 in the first 128 cycles above the one before (so next >= starts[^1] is next > starts[^1]); next < starts[^1] and the un-negation end the table at S_0, which only hands every position to the closed form (same cycle, see the constructor)
            if (!(next > starts[^1]))
            {
                break;
            }

            starts.Add(next);
        }

        double[] lengths = new double[starts.Count - 1];
        double[] peakScales = new double[starts.Count - 1];
        for (int i = 0; i < lengths.Length; i++)
        {
            lengths[i] = Length(i);
            peakScales[i] = PeakScale(i);
        }

        return ([.. starts], lengths, peakScales);
    }

    // 0 for [0, 1), k for [2^(k−1), 2^k): the biased exponent of a double ≥ 1, less 1022.
    private static int Octave(double position) =>
        position < 1.0 ? 0 : (int)(BitConverter.DoubleToInt64Bits(position) >> 52) - 1022;

    private static int[] Octaves(double[] starts)
    {
        // Positions below the last start: their slots, and one more for the bound of the highest.
        int[] cycles = new int[Octave(starts[^1]) + 2];
        // Stryker disable once Arithmetic : the cap binds only in the bound slot past the last start, and there the search never picks cycle starts.Length - 1 (position < starts[^1]), so a higher cap changes no cycle
        int lastCycle = starts.Length - 2;
        for (int slot = 0; slot < cycles.Length; slot++)
        {
            double lowest = slot == 0 ? 0.0 : Math.ScaleB(1.0, slot - 1);
            cycles[slot] = Math.Min(SortedSearch.CountAtOrBelow(starts, lowest) - 1, lastCycle);
        }

        return cycles;
    }

    // Only for m > 1: the closed form and the tables, which TryLocate uses only then.
    private double Length(double index) => Math.Pow(PeriodMultiplier, index) * PeriodSteps;

    private double PeakScale(double index) => RestartDecay == 1.0 ? 1.0 : _decayPower.Pow(index);

    private double Start(double index)
    {
        if (PeriodMultiplier == 1.0)
        {
            return PeriodSteps * index;
        }

        if (_wholeStarts is not null && index < _wholeStarts.Length)
        {
            return _wholeStarts[(int)index];
        }

        return (1.0 - Math.Pow(PeriodMultiplier, index)) / (1.0 - PeriodMultiplier) * PeriodSteps;
    }

    /// <summary>
    /// Bounds of a warm-restart shape that moves between <c>final</c> and each cycle's peak <c>initial · restartDecay^i</c>:
    /// between the two rates when the peak never decays, down to 0 otherwise (the peaks shrink towards 0).
    /// </summary>
    public ValueBounds Bounds(double initial, double final) =>
        RestartDecay == 1.0 ? ValueBounds.Between(initial, final) : ValueBounds.Between(0.0, initial, final);
}
