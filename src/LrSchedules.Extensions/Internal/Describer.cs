using LrSchedules.Internal;

namespace LrSchedules.Configuration.Internal;

/// <summary>
/// Describes an object a factory built by the call that built it (<see cref="FactoryCalls"/>): its factory's
/// configuration type and its arguments, the objects among them described the same way, to any depth.
/// </summary>
internal static class Describer
{
    public static ScheduleDescription Describe(object built, string path)
    {
        if (!FactoryCalls.TryGetCall(built, out FactoryCall? call))
        {
            Factory? constant = Factories.All.FirstOrDefault(f => f.Constant is not null && ReferenceEquals(f.Constant, built));
            return constant is not null
                ? new ScheduleDescription(constant.Name)
                : throw new NotSupportedException(
                    $"{Paths.Subject(path)} is a {built.GetType().Name} that no factory of LrSchedules built (a user's own ILearningRateSchedule, say), so it has no description.");
        }

        Factory factory = Factories.ForCall(call.Factory, call.Arguments, built) ?? throw new NotSupportedException(
            $"{Paths.Subject(path)} was built by {call.Factory}, which has no configuration form (a factory that takes a delegate, say), so it has no description.");
        // A delegate passed to a parameter configuration never sets (CyclicLR's scale_fn) would be lost: refuse.
        for (int i = 0; i < call.Arguments.Count; i++)
        {
            // Stryker disable once Linq : All for Any changes nothing: the one configurable factory that records a delegate (torch CyclicLR, scale_fn) has ten other parameters and none at the delegate's index, so "none at i" and "not all at i" are both true
            if (call.Arguments[i] is Delegate && !factory.Parameters.Any(p => p.ArgumentIndex == i))
            {
                throw new NotSupportedException(
                    $"{Paths.Subject(path)} was built by {call.Factory} with a delegate argument, which configuration cannot express, so it has no description.");
            }
        }

        var description = new ScheduleDescription(factory.Name);
        Fill(description, factory.Parameters, call.Arguments, path);
        return description;
    }

    private static void Fill(ScheduleDescription description, Parameter[] parameters, IReadOnlyList<object?> arguments, string path)
    {
        foreach (Parameter parameter in parameters)
        {
            object? argument = arguments[parameter.ArgumentIndex];
            if (argument is not null || parameter.Default is not null)
            {
                description.Parameters[parameter.Key] = Value(argument, parameter.Shape, Paths.Child(path, parameter.Key));
            }
        }
    }

    private static object? Value(object? argument, Shape shape, string path)
    {
        switch (argument)
        {
            case null:
                return null;
            case System.Collections.IEnumerable list when shape.Kind == ShapeKind.List:
                return list.Cast<object?>().Select((element, i) => Value(element, shape.Element!, Paths.Index(path, i))).ToList();
        }

        switch (shape.Kind)
        {
            case ShapeKind.Built:
                return Describe(argument, path);
            case ShapeKind.Record:
                var record = new ScheduleDescription();
                Fill(record, shape.Fields, shape.Read!(argument), path);
                return record;
            case ShapeKind.StepMap:
                var steps = new ScheduleDescription();
                foreach (KeyValuePair<long, double> entry in ((IEnumerable<KeyValuePair<long, double>>)argument).OrderBy(e => e.Key))
                {
                    steps.Parameters[Paths.Format(entry.Key)] = entry.Value;
                }

                return steps;
            case ShapeKind.Keywords:
                var keywords = new ScheduleDescription();
                foreach (KeyValuePair<string, object?> entry in (IEnumerable<KeyValuePair<string, object?>>)argument)
                {
                    keywords.Parameters[entry.Key] = entry.Value;
                }

                return keywords;
            default:
                return argument;
        }
    }
}
