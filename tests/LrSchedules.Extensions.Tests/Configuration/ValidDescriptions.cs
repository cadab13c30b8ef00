using LrSchedules.Configuration;
using LrSchedules.Configuration.Internal;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>
/// Finds a valid description of any configuration type without knowing its ranges: each parameter walks a pool of
/// candidate values, and the parameter the factory rejects (the path of the first problem) moves to its next candidate.
/// So a type added to the core is covered by the table's tests with nothing written for it here.
/// </summary>
internal static class ValidDescriptions
{
    private const int Attempts = 400;

    /// <summary>A description of <paramref name="factory"/> that builds; null when the search found none.</summary>
    public static ScheduleDescription? For(Factory factory, int depth = 0)
    {
        if (depth > 3)
        {
            return null;
        }

        Parameter[] required = factory.Parameters.Where(p => p.Required).ToArray();
        var pools = required.Select(p => Candidates(p.Shape, depth).ToList()).ToArray();
        if (pools.Any(p => p.Count == 0))
        {
            return null;
        }

        int[] choice = new int[required.Length];
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            var description = new ScheduleDescription(factory.Name);
            for (int i = 0; i < required.Length; i++)
            {
                description.Parameters[required[i].Key] = pools[i][choice[i]];
            }

            ScheduleLoadResult result = ScheduleConfiguration.LoadDescription(description);
            if (result.Succeeded)
            {
                return description;
            }

            string first = result.Problems[0].Path.Split(':')[0];
            int rejected = Array.FindIndex(required, p => string.Equals(p.Key, first, StringComparison.OrdinalIgnoreCase));
            if (rejected < 0)
            {
                // A problem the search cannot attribute: try the next combination in order.
                rejected = required.Length - 1;
            }

            if (!Advance(choice, pools, rejected))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Moves parameter <paramref name="index"/> to its next candidate, carrying over to the ones before it when it runs out.</summary>
    private static bool Advance(int[] choice, List<object?>[] pools, int index)
    {
        for (int i = index; i >= 0; i--)
        {
            if (++choice[i] < pools[i].Count)
            {
                return true;
            }

            choice[i] = 0;
        }

        return false;
    }

    private static IEnumerable<object?> Candidates(Shape shape, int depth) => shape.Kind switch
    {
        ShapeKind.Number => [0.1, 0.5, 2.0, 1.0, 0.0, 10.0, 1e-4, 100.0],
        ShapeKind.Integer => [10L, 100L, 1L, 2L, 1000L, 5L, 10_000L, 0L],
        ShapeKind.Int32 => [10, 1, 2, 100, 0],
        ShapeKind.Boolean => [false, true],
        ShapeKind.Text => ["a"],
        ShapeKind.Enum => shape.Names,
        ShapeKind.List => Lists(shape.Element!, depth),
        ShapeKind.Built => Nested(shape.Type!, depth),
        _ => [new ScheduleDescription()],
    };

    private static IEnumerable<object?> Lists(Shape element, int depth)
    {
        List<object?> one = Candidates(element, depth + 1).Take(3).ToList();
        if (one.Count == 0)
        {
            return [];
        }

        return element.Kind switch
        {
            ShapeKind.Number => [new List<object?> { 0.1, 0.05 }, new List<object?> { 0.0, 1.0 }, new List<object?> { 0.1 }, new List<object?>(), new List<object?> { 0.1, 0.05, 0.01 }],
            ShapeKind.Integer => [new List<object?> { 10L, 20L }, new List<object?> { 10L }, new List<object?>(), new List<object?> { 1L, 2L, 3L }],
            _ => [new List<object?> { one[0] }, new List<object?> { one[0], one[0] }, new List<object?>(), new List<object?> { one[0], one[0], one[0] }],
        };
    }

    /// <summary>Descriptions of the simplest types that build a <paramref name="target"/>.</summary>
    private static IEnumerable<object?> Nested(Type target, int depth) =>
        Factories.All.Where(f => target.IsAssignableFrom(f.Result))
            .OrderBy(f => f.Parameters.Count(p => p.Required))
            .Take(3)
            .Select(f => For(f, depth + 1))
            .Where(d => d is not null);
}
