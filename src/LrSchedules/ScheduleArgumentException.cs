using System.Globalization;
using LrSchedules.Internal;

namespace LrSchedules;

/// <summary>
/// The exception every factory of this library throws for an argument it does not accept: it carries the parameter,
/// the value and what would have been valid as data, so that code (and the configuration layer, which turns the
/// parameter into a configuration path) never has to read the message.
/// </summary>
/// <remarks>
/// Derives from <see cref="ArgumentOutOfRangeException"/> (and so from <see cref="ArgumentException"/>), so existing
/// <c>catch</c> blocks for either keep working. The message is always
/// <c>{parameter}[{index}] must be {requirement} but was {value}.</c>, the index only for an element of a collection.
/// </remarks>
public sealed class ScheduleArgumentException : ArgumentOutOfRangeException
{
    /// <summary>Initializes a new instance for a parameter (or one element of a collection parameter) outside what it accepts.</summary>
    /// <param name="parameterName">The name of the parameter, as declared by the factory.</param>
    /// <param name="actualValue">The value that was rejected (the element, for a collection).</param>
    /// <param name="requirement">What would have been valid, completing "must be …", e.g. <c>a finite number &gt; 0</c>.</param>
    /// <param name="index">The index of the rejected element within a collection parameter, or <see langword="null"/>.</param>
    public ScheduleArgumentException(string parameterName, object? actualValue, string requirement, int? index = null)
        : base(parameterName, actualValue, Describe(parameterName, actualValue, requirement, index))
    {
        Requirement = requirement;
        Index = index;
    }

    /// <summary>Gets what would have been valid, completing "must be …".</summary>
    /// <value>For example <c>a finite number &gt; 0</c> or <c>strictly increasing</c>.</value>
    public string Requirement { get; }

    /// <summary>Gets the index of the rejected element within a collection parameter.</summary>
    /// <value><see langword="null"/> when the parameter itself was rejected.</value>
    public int? Index { get; }

    /// <summary>Gets the message: the parameter, the value and what would have been valid.</summary>
    /// <value><c>{parameter}[{index}] must be {requirement} but was {value}.</c></value>
    public override string Message => Describe(ParamName ?? string.Empty, ActualValue, Requirement, Index);

    private static string Describe(string parameterName, object? actualValue, string requirement, int? index)
    {
        string where = index is int i ? $"{parameterName}[{i.ToString(CultureInfo.InvariantCulture)}]" : parameterName;
        return $"{where} must be {requirement} but was {Preconditions.Format(actualValue)}.";
    }
}
