using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace LrSchedules.Internal;

/// <summary>
/// The one validation policy of the library: bad input throws at construction, naming the parameter, the bad value
/// and what would be valid. NaN and infinities are always bad input.
/// </summary>
internal static class Preconditions
{
    /// <summary>Rejects null.</summary>
    public static T NotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        return value;
    }

    /// <summary>Rejects NaN and infinities.</summary>
    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value))
        {
            throw OutOfRange(paramName, value, "a finite number");
        }

        return value;
    }

    /// <summary>Requires a finite value ≥ 0: learning rates, floors, ceilings.</summary>
    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value >= 0.0) || double.IsPositiveInfinity(value))
        {
            throw OutOfRange(paramName, value, "a finite number >= 0");
        }

        return value;
    }

    /// <summary>Requires a finite value &gt; 0: factors, divisors, exponents.</summary>
    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value > 0.0) || double.IsPositiveInfinity(value))
        {
            throw OutOfRange(paramName, value, "a finite number > 0");
        }

        return value;
    }

    /// <summary>Requires a finite value in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static double InClosedRange(double value, double minimum, double maximum, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value >= minimum && value <= maximum))
        {
            throw OutOfRange(paramName, value, $"in [{Format(minimum)}, {Format(maximum)}]");
        }

        return value;
    }

    /// <summary>Requires a finite value in (<paramref name="minimum"/>, <paramref name="maximum"/>) with the bounds excluded as named.</summary>
    public static double InRange(double value, double minimum, bool minimumIncluded, double maximum, bool maximumIncluded, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        bool aboveMinimum = minimumIncluded ? value >= minimum : value > minimum;
        bool belowMaximum = maximumIncluded ? value <= maximum : value < maximum;
        if (!(aboveMinimum && belowMaximum) || double.IsNaN(value))
        {
            throw OutOfRange(
                paramName,
                value,
                $"in {(minimumIncluded ? "[" : "(")}{Format(minimum)}, {Format(maximum)}{(maximumIncluded ? "]" : ")")}");
        }

        return value;
    }

    /// <summary>Requires a named member of <typeparamref name="TEnum"/> (a cast integer is not one).</summary>
    public static TEnum Defined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw OutOfRange(paramName, value, $"one of {string.Join(", ", Enum.GetNames<TEnum>())}");
        }

        return value;
    }

    /// <summary>Requires a length or count &gt; 0.</summary>
    public static long Positive(long value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value <= 0)
        {
            throw OutOfRange(paramName, value, "> 0");
        }

        return value;
    }

    /// <summary>Requires a length, count or offset ≥ 0.</summary>
    public static long NonNegative(long value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < 0)
        {
            throw OutOfRange(paramName, value, ">= 0");
        }

        return value;
    }

    /// <summary>Requires a value ≥ <paramref name="minimum"/>.</summary>
    public static long AtLeast(long value, long minimum, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < minimum)
        {
            throw OutOfRange(paramName, value, $">= {minimum.ToString(CultureInfo.InvariantCulture)}");
        }

        return value;
    }

    /// <summary>Copies <paramref name="values"/> and requires them to be strictly increasing and ≥ <paramref name="minimum"/>.</summary>
    public static long[] StrictlyIncreasing(IEnumerable<long> values, long minimum, [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        long[] copy = NotNull(values, paramName).ToArray();
        for (int i = 0; i < copy.Length; i++)
        {
            if (copy[i] < minimum)
            {
                throw OutOfRange(paramName, copy[i], $">= {minimum.ToString(CultureInfo.InvariantCulture)}", i);
            }

            if (i > 0 && copy[i] <= copy[i - 1])
            {
                throw OutOfRange(paramName, copy[i], $"> {paramName}[{i - 1}] = {Format(copy[i - 1])} (strictly increasing)", i);
            }
        }

        return copy;
    }

    /// <summary>Copies <paramref name="values"/> and requires them to be finite and strictly increasing.</summary>
    public static double[] StrictlyIncreasing(IEnumerable<double> values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        double[] copy = NotNull(values, paramName).ToArray();
        for (int i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i]))
            {
                throw OutOfRange(paramName, copy[i], "a finite number", i);
            }

            if (i > 0 && copy[i] <= copy[i - 1])
            {
                throw OutOfRange(paramName, copy[i], $"> {paramName}[{i - 1}] = {Format(copy[i - 1])} (strictly increasing)", i);
            }
        }

        return copy;
    }

    /// <summary>Copies <paramref name="values"/> and requires each to be a finite number ≥ 0.</summary>
    public static double[] AllNonNegative(IEnumerable<double> values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        double[] copy = NotNull(values, paramName).ToArray();
        for (int i = 0; i < copy.Length; i++)
        {
            if (!(copy[i] >= 0.0) || double.IsPositiveInfinity(copy[i]))
            {
                throw OutOfRange(paramName, copy[i], "a finite number >= 0", i);
            }
        }

        return copy;
    }

    /// <summary>Requires one of the <paramref name="allowed"/> members of <typeparamref name="TEnum"/>: a factory that implements only some of them.</summary>
    public static TEnum OneOf<TEnum>(TEnum value, TEnum[] allowed, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where TEnum : struct, Enum
    {
        if (Array.IndexOf(allowed, value) < 0)
        {
            throw OutOfRange(paramName, value, $"one of {string.Join(", ", allowed)}");
        }

        return value;
    }

    /// <summary>Requires a collection of <paramref name="expected"/> elements where <paramref name="actual"/> were given.</summary>
    public static void Count(int actual, int expected, string paramName, string why)
    {
        if (actual != expected)
        {
            throw OutOfRange(paramName, actual, $"{expected.ToString(CultureInfo.InvariantCulture)} elements long ({why})");
        }
    }

    /// <summary>The exception for a value outside what the parameter accepts.</summary>
    // Stryker disable once String : every caller passes a name (CallerArgumentExpression or nameof), so paramName is never null here.
    public static ScheduleArgumentException OutOfRange(string? paramName, object? value, string requirement, int? index = null) =>
        new(paramName ?? string.Empty, value, requirement, index);

    /// <summary>
    /// Checks a rate returned by code the library does not control (a user delegate or <see cref="ILearningRateSchedule"/>):
    /// it must be finite and ≥ 0, or the query fails naming where the rate came from.
    /// </summary>
    public static double CheckUserRate(double rate, double position, object source)
    {
        if (!(rate >= 0.0) || double.IsPositiveInfinity(rate))
        {
            ThrowBadUserRate(rate, position, source);
        }

        return rate;
    }

    /// <summary>The position on a step clock that a whole-step user schedule is read at: <c>floor(position)</c>, saturated.</summary>
    public static long ToStep(double position) => position >= long.MaxValue ? long.MaxValue : (long)position;

    [DoesNotReturn]
    private static void ThrowBadUserRate(double rate, double position, object source) =>
        throw new InvalidOperationException(
            $"{source.GetType().Name} returned {Format(rate)} at position {Format(position)}; a learning rate must be a finite number >= 0.");

    /// <summary>Throws for a negative step passed to a query.</summary>
    [DoesNotReturn]
    public static void ThrowNegativeStep(long step) =>
        throw new ArgumentOutOfRangeException(nameof(step), step, $"step must be >= 0 but was {step.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>Throws for a negative, NaN or infinite position passed to a query.</summary>
    [DoesNotReturn]
    public static void ThrowBadPosition(double position) =>
        throw new ArgumentOutOfRangeException(nameof(position), position, $"position must be a finite number >= 0 but was {Format(position)}.");

    /// <summary>Formats a value for a message, invariantly and round-trippably.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        // Stryker disable once String : since .NET Core 3.0 the default format of a double ("" is "G") is the same shortest round-trippable text as "R".
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
