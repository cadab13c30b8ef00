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
        if (@base != 1.0)
        {
            double from = Math.Ceiling(SaturationLog2 / Math.Abs(Math.Log2(@base)));
            double value = @base < 1.0 ? 0.0 : double.PositiveInfinity;

            // Checked against the library once, so a libm that did otherwise would only lose the shortcut.
            if (double.IsFinite(from) && Math.Pow(@base, from) == value)
            {
                _saturatedFrom = from;
                _saturatedValue = value;
            }
        }
    }

    /// <summary>Returns <c>Math.Pow(base, exponent)</c> for an exponent ≥ 0.</summary>
    public double Pow(double exponent) => exponent >= _saturatedFrom ? _saturatedValue : Math.Pow(_base, exponent);
}
