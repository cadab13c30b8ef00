namespace LrSchedules.Internal;

/// <summary>
/// <c>Math.Pow(base, exponent)</c> for an exponent that grows with the step, without the math library's slow
/// underflow and overflow paths: once <c>base^exponent</c> is certainly below 2^−1100 (far under the smallest double),
/// the power is +0; once it is certainly above 2^1100, +∞. Those are the values <c>Math.Pow</c> itself returns there, so
/// every result is the same bit for bit; only the time changes (the libm's saturating path costs two to three times its
/// ordinary one, which would make a step-decay query dearer at step 10^12 than at step 10^3).
/// </summary>
internal readonly struct SaturatingPower
{
    // 2^−1100 is 2^−26 of the smallest subnormal: any libm that is off by less than 2^25 ulps rounds it to 0.
    private const double SaturationLog2 = 1100.0;

    private readonly double _base;
    private readonly double _saturatedFrom;
    private readonly double _saturatedValue;

    /// <summary>Prepares the powers of <paramref name="base"/>, which is finite and &gt; 0.</summary>
    public SaturatingPower(double @base)
    {
        _base = @base;
        _saturatedFrom = double.PositiveInfinity;
        _saturatedValue = 0.0;
        // Stryker disable once Equality,Block : the shortcut is only taken after the check below confirms Math.Pow's own value, so skipping it (any base) changes the speed, never a result; base 1 has Log2 = 0, from = +inf, no shortcut either way; removing the block removes only the shortcut
        if (@base != 1.0)
        {
            // Stryker disable once Arithmetic : any finite start the check below accepts is correct (Math.Pow is monotone in the exponent, so past a start where it is 0 or +inf it stays there); a rejected one only loses the shortcut
            double from = Math.Ceiling(SaturationLog2 / Math.Abs(Math.Log2(@base)));
            // Stryker disable once Conditional,Equality : a wrong saturated value (0 for a base > 1, +inf for a base < 1) fails the check below, which then leaves every power to Math.Pow: same results, slower
            double value = @base < 1.0 ? 0.0 : double.PositiveInfinity;

            // Checked against the library once, so a libm that did otherwise would only lose the shortcut.
            // Stryker disable once Logical,Boolean,Equality : from is always finite and Math.Pow(base, from) always equals value (see above), so "||" keeps the shortcut, and "!=" or the negation only drop it: Math.Pow's own results either way
            if (double.IsFinite(from) && Math.Pow(@base, from) == value)
            {
                _saturatedFrom = from;
                _saturatedValue = value;
            }
        }
    }

    /// <summary>Returns <c>Math.Pow(base, exponent)</c> for an exponent ≥ 0.</summary>
    public double Pow(double exponent)
    {
        // Stryker disable once Conditional,Equality : at exponent == from the constructor checked Math.Pow(base, from) == the saturated value, and without the shortcut Math.Pow returns the saturated value itself past from; only the speed changes (benchmarked, never unit-timed)
        return exponent >= _saturatedFrom ? _saturatedValue : Math.Pow(_base, exponent);
    }
}
