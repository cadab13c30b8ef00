using System.Globalization;

namespace LrSchedules.Porting.Shapes;

/// <summary>Helpers shared by the origin classes: wrapping an expression under its porting call, Python's arithmetic, origin vocabulary.</summary>
internal static class Port
{
    /// <summary>Wraps <paramref name="expression"/> in a fresh <see cref="PortedSchedule"/>, ready for <c>.Declared(nameof(Method), ...)</c>.</summary>
    public static PortedSchedule Ported(this ILearningRateSchedule expression) =>
        new(LearningRateSchedule.From(expression, nameof(expression)));

    /// <summary>
    /// The LrSchedules expression behind a schedule a porting method built (itself otherwise), for a porting combinator
    /// to compose: the core combinator then holds core schedules only, one call shallower, and its description is the
    /// core expression's.
    /// </summary>
    public static ILearningRateSchedule Unwrapped(ILearningRateSchedule schedule) =>
        schedule is PortedSchedule ported ? ported.Expression : schedule;

    /// <summary>Python 3's <c>round(x)</c> on a float: half to even, on the binary64 value.</summary>
    public static long PythonRound(double value) => (long)Math.Round(value, MidpointRounding.ToEven);

    /// <summary>Python's <c>int(x)</c> on a float: truncation toward zero.</summary>
    public static long PythonInt(double value) => (long)Math.Truncate(value);

    /// <summary>Requires <paramref name="value"/> to be one of the origin's accepted strings, naming them all when it is not.</summary>
    public static string OneOf(string? value, string paramName, params string[] accepted)
    {
        Preconditions.NotNull(value, paramName);
        if (Array.IndexOf(accepted, value) < 0)
        {
            throw Preconditions.OutOfRange(paramName, value, "one of " + string.Join(", ", accepted.Select(a => "\"" + a + "\"")));
        }

        return value;
    }

    /// <summary>Requires a whole number of steps in a <see cref="double"/> (a Python int passed as a number).</summary>
    public static long Whole(double value, string paramName)
    {
        if (!double.IsFinite(value) || value != Math.Floor(value) || Math.Abs(value) > 9.0e15)
        {
            throw Preconditions.OutOfRange(paramName, value, "a whole number");
        }

        return (long)value;
    }

    /// <summary>
    /// <paramref name="count"/> · <paramref name="factor"/> (epochs or iterations converted to updates or samples), where the
    /// origin's Python ints would simply grow: a product past a <see cref="long"/> is rejected naming
    /// <paramref name="paramName"/>, its value and the largest count that fits, instead of an <see cref="OverflowException"/>.
    /// </summary>
    /// <param name="count">The count; its parameter is <paramref name="paramName"/>.</param>
    /// <param name="factor">The factor, already validated as ≥ 0.</param>
    /// <param name="paramName">The parameter the rejection names.</param>
    /// <param name="unit">What the product counts, with the factor's name, for the message ("updates: times updatesPerEpoch").</param>
    public static long Times(long count, long factor, string paramName, string unit) =>
        factor == 0 || (count <= long.MaxValue / factor && count >= long.MinValue / factor)
            ? count * factor
            : throw Preconditions.OutOfRange(paramName, count, $"at most long.MaxValue / {Preconditions.Format(factor)} = {Preconditions.Format(long.MaxValue / factor)} (counted in {unit})");

    /// <summary>Rejects a parameter that only its default can have (resuming, random noise, per-group lists).</summary>
    public static void OnlyDefault(bool isDefault, string paramName, object? value, string why)
    {
        if (!isDefault)
        {
            throw Preconditions.OutOfRange(paramName, value, why);
        }
    }

    /// <summary>Formats a number as the invariant culture does, for messages.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The factory name recorded for <paramref name="schedule"/>, if any factory built it.</summary>
    public static string? BuiltBy(ILearningRateSchedule schedule) =>
        FactoryCalls.TryGetCall(schedule, out FactoryCall? call) ? call.Factory : null;
}
