using System.Globalization;

namespace LrSchedules.Configuration.Internal;

/// <summary>
/// A rule for one parameter's value, checked before the factory is called so that every bad value of a description is
/// reported at once; the factory still validates everything, so a rule missing here only delays a problem, never hides it.
/// </summary>
internal sealed class Check
{
    private readonly Func<object, string, IEnumerable<string>> _problems;

    private Check(string requirement, Func<object, string, IEnumerable<string>> problems)
    {
        Requirement = requirement;
        _problems = problems;
    }

    /// <summary>What a valid value is, as written in messages and in <c>lrs list</c>.</summary>
    public string Requirement { get; }

    public static Check NonNegative { get; } = Number("a finite number >= 0", v => v >= 0.0 && !double.IsPositiveInfinity(v));

    public static Check Positive { get; } = Number("a finite number > 0", v => v > 0.0 && !double.IsPositiveInfinity(v));

    public static Check Finite { get; } = Number("a finite number", double.IsFinite);

    public static Check AtLeastOne { get; } = Number("a finite number >= 1", v => v >= 1.0 && !double.IsPositiveInfinity(v));

    public static Check UnitInterval { get; } = Number("in [0, 1]", v => v >= 0.0 && v <= 1.0);

    public static Check UpToOne { get; } = Number("in (0, 1]", v => v > 0.0 && v <= 1.0);

    public static Check OpenUnitInterval { get; } = Number("in (0, 1)", v => v > 0.0 && v < 1.0);

    public static Check AboveOne { get; } = Number("in (1, 1.7976931348623157E+308]", v => v > 1.0 && !double.IsPositiveInfinity(v));

    public static Check UnitIntervalOpenAbove { get; } = Number("in [0, 1)", v => v >= 0.0 && v < 1.0);

    public static Check Granularity { get; } = new(
        "Any, PowerOfTwo, or a whole number > 0 (the multiple)",
        (value, path) => IsGranularity((string)value) ? [] : [$"{path} must be Any, PowerOfTwo, or a whole number > 0 (the multiple) but was '{value}'."]);

    public static Check AllPositiveIntegers { get; } = new(
        "each > 0",
        (value, path) => Elements<long>(value, path, "> 0", v => v > 0));

    public static Check PositiveInteger { get; } = Integer("> 0", v => v > 0);

    public static Check NonNegativeInteger { get; } = Integer(">= 0", v => v >= 0);

    public static Check CycleLimit { get; } = new(
        ">= 0 (0 for unlimited restarts)",
        (value, path) => (int)value >= 0 ? [] : [Message(path, ">= 0 (0 for unlimited restarts)", value)]);

    public static Check AllNonNegative { get; } = new(
        "each a finite number >= 0",
        (value, path) => Elements<double>(value, path, "a finite number >= 0", v => v >= 0.0 && !double.IsPositiveInfinity(v)));

    public static Check AtLeastOneSchedule { get; } = new(
        "at least one",
        (value, path) => ((IList<ScheduleDescription>)value).Count > 0 ? [] : [$"{path} must contain at least one schedule but was empty."]);

    /// <summary>Finite and strictly increasing numbers; <paramref name="atLeastOne"/> requires one or more.</summary>
    public static Check IncreasingNumbers(bool atLeastOne) => new(
        atLeastOne ? "at least one, finite and strictly increasing" : "finite and strictly increasing",
        (value, path) => Increasing((IList<double>)value, path, atLeastOne));

    /// <summary>Integers ≥ <paramref name="minimum"/> and strictly increasing.</summary>
    public static Check IncreasingIntegers(long minimum) => new(
        $"each >= {minimum.ToString(CultureInfo.InvariantCulture)}, strictly increasing",
        (value, path) => Increasing((IList<long>)value, path, minimum));

    private static bool IsGranularity(string text) =>
        text.Equals("Any", StringComparison.OrdinalIgnoreCase)
        || text.Equals("PowerOfTwo", StringComparison.OrdinalIgnoreCase)
        || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long multiple) && multiple > 0);

    public IEnumerable<string> Problems(object value, string path) => _problems(value, path);

    /// <summary>The message for a value outside what the parameter accepts, in the words of the core library.</summary>
    public static string Message(string path, string requirement, object? value) =>
        $"{path} must be {requirement} but was {Format(value)}.";

    public static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static Check Number(string requirement, Func<double, bool> valid) =>
        new(requirement, (value, path) => valid((double)value) ? [] : [Message(path, requirement, value)]);

    private static Check Integer(string requirement, Func<long, bool> valid) =>
        new(requirement, (value, path) => valid(Convert.ToInt64(value, CultureInfo.InvariantCulture)) ? [] : [Message(path, requirement, value)]);

    private static IEnumerable<string> Elements<T>(object value, string path, string requirement, Func<T, bool> valid)
    {
        var list = (IList<T>)value;
        for (int i = 0; i < list.Count; i++)
        {
            if (!valid(list[i]))
            {
                yield return Message(Paths.Index(path, i), requirement, list[i]);
            }
        }
    }

    private static IEnumerable<string> Increasing(IList<double> list, string path, bool atLeastOne)
    {
        if (atLeastOne && list.Count == 0)
        {
            yield return $"{path} must hold at least one value but was empty.";
        }

        for (int i = 0; i < list.Count; i++)
        {
            if (!double.IsFinite(list[i]))
            {
                yield return Message(Paths.Index(path, i), "a finite number", list[i]);
            }
            else if (i > 0 && double.IsFinite(list[i - 1]) && list[i] <= list[i - 1])
            {
                yield return $"{path} must be strictly increasing but {Paths.Index(path, i)} = {Format(list[i])} follows {Format(list[i - 1])}.";
            }
        }
    }

    private static IEnumerable<string> Increasing(IList<long> list, string path, long minimum)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] < minimum)
            {
                yield return Message(Paths.Index(path, i), $">= {minimum.ToString(CultureInfo.InvariantCulture)}", list[i]);
            }
            else if (i > 0 && list[i] <= list[i - 1])
            {
                yield return $"{path} must be strictly increasing but {Paths.Index(path, i)} = {Format(list[i])} follows {Format(list[i - 1])}.";
            }
        }
    }
}
