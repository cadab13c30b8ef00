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

        // The parameters searched: the required ones, and any optional one a problem names (a porting method that needs
        // one of two optional parameters, OLMo's warmup or warmup_fraction, say).
        var active = factory.Parameters.Where(p => p.Required).ToList();
        var pools = active.Select(p => Candidates(p.Shape, depth, factory.Name).ToList()).ToList();
        if (pools.Any(p => p.Count == 0))
        {
            return null;
        }

        var choice = new List<int>(new int[active.Count]);
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            var description = new ScheduleDescription(factory.Name);
            for (int i = 0; i < active.Count; i++)
            {
                description.Parameters[active[i].Key] = pools[i][choice[i]];
            }

            ScheduleLoadResult result = ScheduleConfiguration.LoadDescription(description);
            if (result.Succeeded)
            {
                return description;
            }

            string first = result.Problems[0].Path.Split(':')[0];
            int rejected = active.FindIndex(p => string.Equals(p.Key, first, StringComparison.OrdinalIgnoreCase));
            Parameter? named = rejected < 0 ? factory.Parameters.FirstOrDefault(p => string.Equals(p.Key, first, StringComparison.OrdinalIgnoreCase)) : null;
            if (named is not null && Candidates(named.Shape, depth, factory.Name).ToList() is { Count: > 0 } pool)
            {
                active.Add(named);
                pools.Add(pool);
                choice.Add(0);
                continue;
            }

            if (rejected < 0)
            {
                // A problem the search cannot attribute: try the next combination in order.
                rejected = active.Count - 1;
            }

            if (rejected < 0 || !Advance(choice, pools, rejected))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Moves parameter <paramref name="index"/> to its next candidate, carrying over to the ones before it when it runs out.</summary>
    private static bool Advance(List<int> choice, List<List<object?>> pools, int index)
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

    private static IEnumerable<object?> Candidates(Shape shape, int depth, string owner) => shape.Kind switch
    {
        ShapeKind.Number => [0.1, 0.5, 2.0, 1.0, 0.0, 10.0, 1e-4, 100.0],
        ShapeKind.Integer => [10L, 100L, 1L, 2L, 1000L, 5L, 10_000L, 0L],
        ShapeKind.Int32 => [10, 1, 2, 100, 0],
        ShapeKind.Boolean => [false, true],
        // The origins' vocabulary (decay styles, interpolation types, scheduler names, a Megatron batch schedule).
        ShapeKind.Text => ["a", "linear", "cosine", "constant", "0:16 1000:32"],
        ShapeKind.Enum => shape.Names,
        ShapeKind.List => Lists(shape.Element!, depth, owner),
        ShapeKind.Built => Nested(shape.Type!, depth, owner),
        ShapeKind.Record => Records(shape, depth, owner),
        _ => [new ScheduleDescription()],
    };

    /// <summary>
    /// Objects of fields: the required fields each set from its pool, shifted together through a few combinations, and
    /// the same with one optional field set (a record that needs one of two optional fields, OLMo's <c>end_lr</c> or
    /// <c>end_lr_fraction</c>); those the record's constructor accepts first.
    /// </summary>
    private static IEnumerable<object?> Records(Shape shape, int depth, string owner)
    {
        var required = shape.Fields.Where(f => f.Required).Select(f => (f.Key, Pool: Candidates(f.Shape, depth + 1, owner).ToList())).ToList();
        var records = new List<ScheduleDescription>();
        for (int k = 0; k < 8; k++)
        {
            records.Add(Record(required, k));
        }

        foreach (Parameter optional in shape.Fields.Where(f => !f.Required))
        {
            foreach (object? value in Candidates(optional.Shape, depth + 1, owner).Where(v => v is not null).Take(3))
            {
                ScheduleDescription record = Record(required, 0);
                record.Parameters[optional.Key] = value;
                records.Add(record);
            }
        }

        return records.OrderBy(record => Accepts(shape, record) ? 0 : 1);
    }

    private static ScheduleDescription Record(List<(string Key, List<object?> Pool)> required, int k)
    {
        var record = new ScheduleDescription();
        foreach ((string key, List<object?> pool) in required.Where(r => r.Pool.Count > 0))
        {
            record.Parameters[key] = pool[(k + record.Parameters.Count) % pool.Count];
        }

        return record;
    }

    /// <summary>Whether the record's constructor accepts these fields (plain values only; a record of nested objects is tried as it comes).</summary>
    private static bool Accepts(Shape shape, ScheduleDescription record)
    {
        object?[] arguments = shape.Fields.Select(f => record.Parameters.TryGetValue(f.Key, out object? value) ? value : f.Default).ToArray();
        try
        {
            shape.Create!(arguments);
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidCastException or NullReferenceException)
        {
            return false;
        }
    }

    private static IEnumerable<object?> Lists(Shape element, int depth, string owner)
    {
        List<object?> one = Candidates(element, depth + 1, owner).Take(3).ToList();
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

    /// <summary>Descriptions of the simplest types that build a <paramref name="target"/>, those of the owner's origin first (OLMo's SequentialScheduler takes OLMo's schedulers).</summary>
    private static IEnumerable<object?> Nested(Type target, int depth, string owner) =>
        Factories.All.Where(f => target.IsAssignableFrom(f.Result))
            .OrderBy(f => Origin(f.Name) == Origin(owner) ? 0 : 1)
            .ThenBy(f => f.Parameters.Count(p => p.Required))
            .Take(3)
            .Select(f => For(f, depth + 1))
            .Where(d => d is not null);

    /// <summary>The origin of a type name: <c>olmo_core.optim.scheduler</c> for <c>olmo_core.optim.scheduler.WSD</c>; empty for the core's names.</summary>
    private static string Origin(string name) =>
        name.Length > 0 && char.IsLower(name[0]) && name.LastIndexOf('.') is int dot and > 0 ? name[..dot] : string.Empty;
}
