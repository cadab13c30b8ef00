using System.Runtime.CompilerServices;

namespace LrSchedules.Internal;

/// <summary>The factory call that built an object: the factory's name and its arguments, in declaration order, after validation.</summary>
/// <param name="Factory">The factory method's name (unique across the factory classes).</param>
/// <param name="Arguments">The arguments in the order the factory declares its parameters (the receiver first for an extension method).</param>
internal sealed record FactoryCall(string Factory, IReadOnlyList<object?> Arguments);

/// <summary>
/// Remembers, for each object a public factory built, the call that built it, so that the configuration layer can
/// describe a schedule built in code by the same call (and rebuild it bit for bit) without a second table of types.
/// </summary>
/// <remarks>
/// A learning-rate schedule keeps its record in a field of its own; any other object in a weak table. Recording allocates
/// once at construction, never on a query, and keeps nothing alive beyond the object. The first record wins, so a factory that returns an object it was given (a scale by 1, say) does not overwrite that object's own call.
/// </remarks>
internal static class FactoryCalls
{
    private static readonly ConditionalWeakTable<object, FactoryCall> Calls = new();

    /// <summary>Records that <paramref name="factory"/> built <paramref name="built"/> from <paramref name="arguments"/>, and returns <paramref name="built"/>.</summary>
    public static T Declared<T>(this T built, string factory, params object?[] arguments)
        where T : class
    {
        var call = new FactoryCall(factory, arguments);
        if (built is LearningRateSchedule schedule)
        {
            // On the schedule itself, not in the weak table: a record holds the schedule it wraps, so a chain of
            // combinators in the table is a chain of ephemerons, which the GC marks in time quadratic in its length
            // (a 100,000-long chain of warmups or floors stalled a full collection for minutes).
            Interlocked.CompareExchange(ref schedule.Call, call, null);
        }
        else
        {
            Calls.TryAdd(built, call);
        }

        return built;
    }

    /// <summary>
    /// Records that <paramref name="factory"/> built <paramref name="built"/>, replacing the record of the factory that
    /// created it; for a factory in another package (LrSchedules.Porting) that returns, under its own name, an object a
    /// core factory has just created for it (a plateau controller, a batch-size schedule). Never call it on an object a
    /// user passed in.
    /// </summary>
    public static T Redeclared<T>(this T built, string factory, params object?[] arguments)
        where T : class
    {
        Calls.AddOrUpdate(built, new FactoryCall(factory, arguments));
        return built;
    }

    /// <summary>Gets the call that built <paramref name="built"/>, if a factory built it.</summary>
    public static bool TryGetCall(object built, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FactoryCall? call)
    {
        if (built is LearningRateSchedule schedule)
        {
            call = Volatile.Read(ref schedule.Call);
            return call is not null;
        }

        return Calls.TryGetValue(built, out call);
    }
}
