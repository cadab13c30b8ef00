using System.Globalization;
using System.Runtime.CompilerServices;

namespace LrSchedules.Cli.Formatting;

/// <summary>
/// The shortest decimal text that reads back as the same double, written exactly as .NET writes it
/// (<c>double.TryFormat</c> with no format and the invariant culture: <c>0.0001</c>, <c>1E-05</c>, <c>1E+17</c>), about
/// five times faster: Ryū (Ulf Adams, "Ryū: fast float-to-string conversion", PLDI 2018), ported from
/// <c>ryu/d2s.c</c> of github.com/ulfjack/ryu (Copyright 2018 Ulf Adams; used under the Boost Software License 1.0,
/// whose text is in THIRD-PARTY-NOTICES.md at the repository root) with its 128-bit path, without the small-integer
/// shortcut (same digits, as the tests check).
/// </summary>
/// <remarks>
/// Zero, negative zero, infinities and NaN go to <c>double.TryFormat</c>. A test compares this with
/// <c>double.TryFormat</c> on millions of doubles (random bit patterns, schedule values, powers of ten and two,
/// subnormals): the same text everywhere except at a few exact powers of two (2^-958, 2^-25), where .NET 10 writes one
/// digit too few and its text reads back as a neighbouring double; this text reads back exactly. Compiled optimised at
/// once (no tiering): a table of 10^6 rows is over before tiered compilation would promote it.
/// </remarks>
internal static class ShortestDouble
{
    private const int MantissaBits = 52;
    private const int ExponentBits = 11;
    private const int Bias = 1023;
    private const int Pow5InvBitCount = 125;
    private const int Pow5BitCount = 125;

    /// <summary>The longest text this writes: "-1.2345678901234567E-308".</summary>
    public const int MostBytes = 24;

    /// <summary>Writes <paramref name="value"/> as UTF-8; returns the number of bytes (at most <see cref="MostBytes"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Format(double value, Span<byte> destination)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        ulong ieeeMantissa = bits & ((1UL << MantissaBits) - 1);
        int ieeeExponent = (int)((bits >> MantissaBits) & ((1U << ExponentBits) - 1));
        if (ieeeExponent == (1 << ExponentBits) - 1 || (ieeeExponent == 0 && ieeeMantissa == 0))
        {
            value.TryFormat(destination, out int written, default, CultureInfo.InvariantCulture);
            return written;
        }

        (ulong digits, int exponent) = ToDecimal(ieeeMantissa, ieeeExponent);
        return Write(destination, (bits >> 63) != 0, digits, exponent);
    }

    /// <summary>Ryū's d2d: the shortest <c>digits · 10^exponent</c> inside the rounding interval of the double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (ulong Digits, int Exponent) ToDecimal(ulong ieeeMantissa, int ieeeExponent)
    {
        int e2;
        ulong m2;
        if (ieeeExponent == 0)
        {
            e2 = 1 - Bias - MantissaBits - 2;
            m2 = ieeeMantissa;
        }
        else
        {
            e2 = ieeeExponent - Bias - MantissaBits - 2;
            m2 = (1UL << MantissaBits) | ieeeMantissa;
        }

        bool acceptBounds = (m2 & 1) == 0;
        ulong mv = 4 * m2;
        uint mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1U : 0U;
        ulong vr, vp, vm;
        int e10;
        bool vmIsTrailingZeros = false;
        bool vrIsTrailingZeros = false;
        if (e2 >= 0)
        {
            int q = Log10Pow2(e2) - (e2 > 3 ? 1 : 0);
            e10 = q;
            int k = Pow5InvBitCount + Pow5Bits(q) - 1;
            int i = -e2 + q + k;
            ReadOnlySpan<ulong> table = RyuTables.Pow5InvSplit;
            (vr, vp, vm) = MulShiftAll(m2, table[2 * q], table[(2 * q) + 1], i, mmShift);
            if (q <= 21)
            {
                if (mv % 5 == 0)
                {
                    vrIsTrailingZeros = MultipleOfPowerOf5(mv, q);
                }
                else if (acceptBounds)
                {
                    vmIsTrailingZeros = MultipleOfPowerOf5(mv - 1 - mmShift, q);
                }
                else
                {
                    vp -= MultipleOfPowerOf5(mv + 2, q) ? 1UL : 0UL;
                }
            }
        }
        else
        {
            int q = Log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
            e10 = q + e2;
            int i = -e2 - q;
            int k = Pow5Bits(i) - Pow5BitCount;
            int j = q - k;
            ReadOnlySpan<ulong> table = RyuTables.Pow5Split;
            (vr, vp, vm) = MulShiftAll(m2, table[2 * i], table[(2 * i) + 1], j, mmShift);
            if (q <= 1)
            {
                vrIsTrailingZeros = true;
                if (acceptBounds)
                {
                    vmIsTrailingZeros = mmShift == 1;
                }
                else
                {
                    vp--;
                }
            }
            else if (q < 63)
            {
                vrIsTrailingZeros = (mv & ((1UL << q) - 1)) == 0;
            }
        }

        int removed = 0;
        ulong output;
        if (vmIsTrailingZeros || vrIsTrailingZeros)
        {
            // The general case (under 1% of doubles).
            uint lastRemovedDigit = 0;
            while (vp / 10 > vm / 10)
            {
                vmIsTrailingZeros &= vm % 10 == 0;
                vrIsTrailingZeros &= lastRemovedDigit == 0;
                lastRemovedDigit = (uint)(vr % 10);
                vr /= 10;
                vp /= 10;
                vm /= 10;
                removed++;
            }

            if (vmIsTrailingZeros)
            {
                while (vm % 10 == 0)
                {
                    vrIsTrailingZeros &= lastRemovedDigit == 0;
                    lastRemovedDigit = (uint)(vr % 10);
                    vr /= 10;
                    vp /= 10;
                    vm /= 10;
                    removed++;
                }
            }

            if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0)
            {
                // Round to even when the exact value ends in ...50...0.
                lastRemovedDigit = 4;
            }

            output = vr + ((vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5 ? 1UL : 0UL);
        }
        else
        {
            bool roundUp = false;
            if (vp / 100 > vm / 100)
            {
                roundUp = vr % 100 >= 50;
                vr /= 100;
                vp /= 100;
                vm /= 100;
                removed += 2;
            }

            while (vp / 10 > vm / 10)
            {
                roundUp = vr % 10 >= 5;
                vr /= 10;
                vp /= 10;
                vm /= 10;
                removed++;
            }

            output = vr + (vr == vm || roundUp ? 1UL : 0UL);
        }

        return (output, e10 + removed);
    }

    /// <summary>
    /// Writes digits · 10^exponent as .NET's shortest round-trip format does: positional notation when the decimal
    /// exponent of the first digit is in [−4, 16], otherwise <c>d.dddE±XX</c> (at least two exponent digits).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Write(Span<byte> destination, bool negative, ulong digits, int exponent)
    {
        Span<byte> text = stackalloc byte[20];
        int count = 0;
        for (ulong rest = digits; rest != 0 || count == 0; rest /= 10)
        {
            text[count++] = (byte)('0' + (int)(rest % 10));
        }

        text[..count].Reverse();
        int scientific = exponent + count - 1;
        int at = 0;
        if (negative)
        {
            destination[at++] = (byte)'-';
        }

        if (scientific is < -4 or >= 17)
        {
            destination[at++] = text[0];
            if (count > 1)
            {
                destination[at++] = (byte)'.';
                text[1..count].CopyTo(destination[at..]);
                at += count - 1;
            }

            destination[at++] = (byte)'E';
            destination[at++] = scientific < 0 ? (byte)'-' : (byte)'+';
            int magnitude = Math.Abs(scientific);
            if (magnitude >= 100)
            {
                destination[at++] = (byte)('0' + (magnitude / 100));
            }

            destination[at++] = (byte)('0' + (magnitude / 10 % 10));
            destination[at++] = (byte)('0' + (magnitude % 10));
            return at;
        }

        if (scientific < 0)
        {
            destination[at++] = (byte)'0';
            destination[at++] = (byte)'.';
            for (int zero = -1; zero > scientific; zero--)
            {
                destination[at++] = (byte)'0';
            }

            text[..count].CopyTo(destination[at..]);
            return at + count;
        }

        int integerDigits = scientific + 1;
        for (int d = 0; d < integerDigits; d++)
        {
            destination[at++] = d < count ? text[d] : (byte)'0';
        }

        if (count > integerDigits)
        {
            destination[at++] = (byte)'.';
            text[integerDigits..count].CopyTo(destination[at..]);
            at += count - integerDigits;
        }

        return at;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Vr, ulong Vp, ulong Vm) MulShiftAll(ulong m, ulong mulLow, ulong mulHigh, int j, uint mmShift) =>
        (MulShift(4 * m, mulLow, mulHigh, j), MulShift((4 * m) + 2, mulLow, mulHigh, j), MulShift((4 * m) - 1 - mmShift, mulLow, mulHigh, j));

    /// <summary>(m · mul) >> j for a 128-bit mul, keeping the top 64 bits (j ≥ 115 in every call).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulShift(ulong m, ulong mulLow, ulong mulHigh, int j)
    {
        ulong high0 = Math.BigMul(m, mulLow, out _);
        ulong high1 = Math.BigMul(m, mulHigh, out ulong low1);
        ulong sum = high0 + low1;
        if (sum < high0)
        {
            high1++;
        }

        int shift = j - 64;
        return (high1 << (64 - shift)) | (sum >> shift);
    }

    private static bool MultipleOfPowerOf5(ulong value, int power)
    {
        int count = 0;
        while (value % 5 == 0)
        {
            value /= 5;
            count++;
        }

        return count >= power;
    }

    /// <summary>ceil(log2(5^e)) for e ≥ 1, and 1 for e = 0.</summary>
    private static int Pow5Bits(int e) => (int)(((uint)e * 1217359) >> 19) + 1;

    /// <summary>floor(log10(2^e)).</summary>
    private static int Log10Pow2(int e) => (int)(((uint)e * 78913) >> 18);

    /// <summary>floor(log10(5^e)).</summary>
    private static int Log10Pow5(int e) => (int)(((uint)e * 732923) >> 20);
}
