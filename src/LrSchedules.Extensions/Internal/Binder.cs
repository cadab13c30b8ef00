using System.Globalization;
using LrSchedules.Internal;
using LrSchedules.Porting;

namespace LrSchedules.Configuration.Internal;

/// <summary>
/// Reads a description from a node tree (JSON, configuration, or a description built in code) and builds it, in one
/// pass, collecting every problem with its path: every structural problem of the whole tree (an unknown type or key,
/// a missing required key, a value that cannot be read, an object where a number belongs), and for each node whose
/// arguments could all be read (an unknown key does not stop it), the problem its factory finds.
/// </summary>
/// <remarks>
/// Ranges are not checked here: the factory is called and its <see cref="ScheduleArgumentException"/> (parameter,
/// index, value and requirement as data) is turned into a problem at that parameter's path. A factory stops at its
/// first bad argument, so a node reports at most one such problem.
/// </remarks>
internal sealed class Binder
{
    private readonly List<ScheduleProblem> _problems = [];

    /// <summary>Reads and builds the description at <paramref name="node"/>, which must build a <paramref name="expected"/>.</summary>
    public static ScheduleLoadResult Load(Node node, Type expected)
    {
        var binder = new Binder();
        Bound bound = binder.Description(node, expected);
        return new ScheduleLoadResult(bound.Value as ScheduleDescription, binder._problems, binder._problems.Count == 0 ? bound.Argument : null);
    }

    /// <summary>A description (or the bare name of a type that takes no parameters), built as a <paramref name="expected"/>.</summary>
    private Bound Description(Node node, Type expected)
    {
        Node? typeNode = null;
        string? name = node.Text;
        if (name is not null && Factories.Find(name) is not { Parameters.Length: 0 })
        {
            // Only a type that takes no parameters may be written as its bare name ("PowerOfTwo").
            name = null;
        }

        if (name is null)
        {
            if (!node.IsObject)
            {
                Add(node.Path, $"{Paths.Subject(node.Path)} must be a description (an object with a Type) but was {node.What}.");
                return Bound.Failed;
            }

            typeNode = node.Children.LastOrDefault(c => IsType(c.Key));
            name = typeNode?.Text;
        }

        string typePath = typeNode?.Path ?? Paths.Child(node.Path, nameof(ScheduleDescription.Type));
        string known = string.Join(", ", Factories.NamesFor(expected));
        if (string.IsNullOrWhiteSpace(name))
        {
            Add(typePath, typeNode is null || typeNode.IsAbsent || name is not null
                ? $"{typePath} is required: the name of a type that builds {Kind(expected)} ({known})."
                : $"{typePath} must be the name of a type but was {typeNode.What}.");
            return Bound.Failed;
        }

        Factory? factory = Factories.Find(name);
        if (factory is null)
        {
            string must = expected == typeof(object) ? "a type" : $"the name of a type that builds {Kind(expected)}";
            // A name in an origin's language (torch.optim.lr_scheduler.OneCycleRL) is compared with that origin's names only.
            List<string> origin = Factories.SameOrigin(name.Trim(), expected);
            Add(typePath, origin.Count > 0
                ? $"{typePath} must be {must} but was '{name}'{Paths.DidYouMean(name.Trim(), origin)}; the types of that origin are {string.Join(", ", origin)}."
                : $"{typePath} must be {must} but was '{name}'{Paths.DidYouMean(name, Factories.NamesFor(expected))}; the types are {known}.");
            return Bound.Failed;
        }

        if (!Factories.Builds(factory.Result, expected))
        {
            Add(typePath, $"{typePath} must be the name of a type that builds {Kind(expected)} ({known}) but was '{name}', which builds {Article(factory.Result.Name)}.");
            return Bound.Failed;
        }

        if (typeNode is not null)
        {
            factory = Factories.Overload(factory, [.. node.Children.Where(c => !IsType(c.Key)).Select(c => c.Key)]);
        }

        var description = new ScheduleDescription(factory.Name);
        var arguments = new object?[factory.Parameters.Length];
        // A bare name (a scalar: no children) reaches here only for a type without parameters (checked above), so it reads nothing.
        bool complete = Parameters(node, true, factory.Parameters, factory.Name, description.Parameters, arguments);
        if (!complete)
        {
            return new Bound(description, null, false);
        }

        try
        {
            // Not recorded here (FactoryCalls): every factory records its own call, and one that returns a shared constant
            // (MultipleOf(1) returns Any) must not change how that constant, which the describer names, is described.
            object built = factory.Invoke(arguments);
            if (Factories.Unwrapped(built, expected) is not { } unwrapped)
            {
                // A porting method that chooses by name built the other kind (a plateau controller where a schedule belongs).
                object chosen = Factories.Chosen((PortedScheduler)built);
                Add(typePath, $"{typePath} must be the name of a type that builds {Kind(expected)} ({known}) but was '{name}', which with these arguments builds {Article(chosen.GetType().Name)}.");
                return new Bound(description, null, false);
            }

            return new Bound(description, unwrapped, true);
        }
        catch (ArgumentException exception)
        {
            Add(Rejected(exception, node.Path, factory.Parameters, factory.Method));
            return new Bound(description, null, false);
        }
    }

    /// <summary>The parameters of a description (<paramref name="typed"/>: it has a Type key) or the fields of an options object: every key read, every unknown key reported.</summary>
    private bool Parameters(Node node, bool typed, Parameter[] parameters, string owner, IDictionary<string, object?> values, object?[] arguments)
    {
        bool complete = true;
        IReadOnlyList<Node> children = node.Children;
        foreach (Node child in children)
        {
            if (!(typed && IsType(child.Key)) && !parameters.Any(p => Same(p.Key, child.Key)))
            {
                // Reported, but the arguments are complete without it: the factory still checks them.
                Add(child.Path, $"{child.Path} is not a parameter of {owner}{Paths.DidYouMean(child.Key, parameters.Select(p => p.Key))}; its parameters are {string.Join(", ", parameters.Select(p => p.Key))}.");
            }
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            Parameter parameter = parameters[i];
            Node? child = children.LastOrDefault(c => Same(parameter.Key, c.Key));
            string path = Paths.Child(node.Path, parameter.Key);
            if (child is { IsAbsent: true } and ConfigurationNode && parameter.Shape.Kind == ShapeKind.List)
            {
                // IConfiguration keeps an empty JSON array of appsettings as a key without a value.
                values[parameter.Key] = new List<object?>();
                arguments[i] = Array.Empty<object?>();
                continue;
            }

            if (child is null || (child.IsAbsent && !parameter.Shape.Nullable))
            {
                if (parameter.Required)
                {
                    complete = Fail(path, $"{path} is required for {owner} ({parameter.Shape.Display}): {parameter.Documentation}");
                }

                arguments[i] = parameter.Default;
                continue;
            }

            Bound bound = child.IsAbsent ? new Bound(null, null, true) : Value(child, parameter.Shape);
            values[parameter.Key] = bound.Value;
            arguments[i] = bound.Argument;
            complete &= bound.Complete;
        }

        return complete;
    }

    private Bound Value(Node node, Shape shape)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Built:
                return Description(node, shape.Type!);
            case ShapeKind.List:
                return List(node, shape);
            case ShapeKind.Record:
                return Record(node, shape);
            case ShapeKind.StepMap:
            case ShapeKind.Keywords:
                return Map(node, shape);
        }

        string? text = node.Text?.Trim();
        // A null text (an object or a list where a scalar belongs) gives null in every arm: TryParse of null fails, and no name equals null.
        object? value = shape.Kind switch
        {
            ShapeKind.Number => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : null,
            ShapeKind.Integer => ParseInteger(text, long.MinValue, long.MaxValue),
            ShapeKind.Int32 => ParseInteger(text, int.MinValue, int.MaxValue) is long l ? (int)l : null,
            ShapeKind.Boolean => bool.TryParse(text, out bool b) ? b : null,
            ShapeKind.Enum => Array.FindIndex(shape.Names, n => Same(n, text)) is int k and >= 0 ? shape.Values[k] : null,
            _ => text,
        };

        if (value is null)
        {
            string hint = shape.Kind == ShapeKind.Enum && text is not null ? Paths.DidYouMean(text, shape.Names) : string.Empty;
            Add(node.Path, $"{node.Path} must be {Expected(shape)} but was {node.What}{hint}.");
            return Bound.Failed;
        }

        return new Bound(value, value, true);
    }

    private Bound List(Node node, Shape shape)
    {
        if (node.Text is { Length: 0 })
        {
            // How IConfiguration keeps an empty JSON array.
            return new Bound(new List<object?>(), Array.Empty<object?>(), true);
        }

        if (!node.IsList)
        {
            Add(node.Path, $"{node.Path} must be a {shape.Display} but was {node.What}.");
            return Bound.Failed;
        }

        var values = new List<object?>();
        var arguments = new object?[node.Children.Count];
        bool complete = true;
        for (int i = 0; i < arguments.Length; i++)
        {
            Node element = node.Children[i];
            Bound bound = element.IsAbsent ? new Bound(null, null, Fail(element.Path, $"{element.Path} must not be null.")) : Value(element, shape.Element!);
            values.Add(bound.Value);
            arguments[i] = bound.Argument;
            complete &= bound.Complete;
        }

        return new Bound(values, arguments, complete);
    }

    private Bound Record(Node node, Shape shape)
    {
        if (!node.IsObject)
        {
            Add(node.Path, $"{node.Path} must be a {shape.Display} but was {node.What}.");
            return Bound.Failed;
        }

        var description = new ScheduleDescription();
        var arguments = new object?[shape.Fields.Length];
        if (!Parameters(node, false, shape.Fields, shape.Type!.Name, description.Parameters, arguments))
        {
            return new Bound(description, null, false);
        }

        try
        {
            return new Bound(description, shape.Create!(arguments), true);
        }
        catch (ArgumentException exception)
        {
            Add(Rejected(exception, node.Path, shape.Fields, shape.Type.Name));
            return new Bound(description, null, false);
        }
    }

    /// <summary>
    /// An object whose keys are data: steps to numbers (<see cref="ShapeKind.StepMap"/>, the argument a
    /// <c>Dictionary&lt;long, double&gt;</c>), or Python keyword arguments (<see cref="ShapeKind.Keywords"/>: a number, text,
    /// true or false each, the argument a <c>Dictionary&lt;string, object?&gt;</c>). The description holds an object without a Type.
    /// </summary>
    private Bound Map(Node node, Shape shape)
    {
        // IConfiguration shows an object whose keys are all numbers (steps) as a list; its keys are still the steps.
        if (!node.IsObject && !(node.IsList && node is ConfigurationNode))
        {
            Add(node.Path, $"{node.Path} must be an {shape.Display} but was {node.What}.");
            return Bound.Failed;
        }

        var description = new ScheduleDescription();
        bool complete = true;
        if (shape.Kind == ShapeKind.StepMap)
        {
            var steps = new Dictionary<long, double>();
            foreach (Node child in node.Children)
            {
                long? step = ParseInteger(child.Key.Trim(), long.MinValue, long.MaxValue);
                double? value = child.Text is { } text && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : null;
                if (step is null)
                {
                    complete = Fail(child.Path, $"{child.Path}: the key '{child.Key}' must be a step (an integer).");
                }
                else if (value is null)
                {
                    complete = Fail(child.Path, $"{child.Path} must be a number but was {child.What}.");
                }
                else if (!steps.TryAdd(step.Value, value.Value))
                {
                    complete = Fail(child.Path, $"{child.Path}: step {Paths.Format(step.Value)} is given twice.");
                }
                else
                {
                    description.Parameters[child.Key.Trim()] = value.Value;
                }
            }

            return new Bound(description, steps, complete);
        }

        var keywords = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (Node child in node.Children)
        {
            string? text = child.Text;
            object? value = child.IsAbsent ? null
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) ? number
                : bool.TryParse(text, out bool flag) ? flag
                : text;
            if (!child.IsAbsent && text is null)
            {
                complete = Fail(child.Path, $"{child.Path} must be a number, text, true or false but was {child.What}.");
                continue;
            }

            keywords[child.Key] = value;
            description.Parameters[child.Key] = value;
        }

        return new Bound(description, keywords, complete);
    }

    /// <summary>A factory's rejection at the path of the parameter (and element) it names; nothing in its message is read.</summary>
    internal static ScheduleProblem Rejected(ArgumentException exception, string path, Parameter[] parameters, string factory)
    {
        string at = path;
        if (exception.ParamName is { } name)
        {
            Parameter? parameter = parameters.FirstOrDefault(p => p.CSharpName == name);
            if (parameter is not null)
            {
                at = Paths.Child(path, parameter.Key);
            }
            else if (parameters.SelectMany(p => p.Shape.Fields.Select(f => (p, f))).FirstOrDefault(pf => Same(pf.f.CSharpName, name)) is ({ } owner, { } field))
            {
                at = Paths.Child(Paths.Child(path, owner.Key), field.Key);
            }
        }

        if (exception is ScheduleArgumentException rejected)
        {
            at = rejected.Index is int index ? Paths.Index(at, index) : at;
            return new ScheduleProblem(at, $"{Paths.Subject(at)} must be {rejected.Requirement} but was {Paths.Format(rejected.ActualValue)}.");
        }

        // Stryker disable once String : no configurable factory throws an ArgumentException other than a ScheduleArgumentException for arguments the binder has read (null never reaches a parameter that is not nullable); kept so that one would be a problem, not a crash
        return new ScheduleProblem(at, $"{Paths.Subject(at)} is not accepted by {factory}: {exception.Message}");
    }

    private static string Expected(Shape shape) => shape.Kind switch
    {
        ShapeKind.Number => "a number",
        ShapeKind.Integer => "an integer",
        ShapeKind.Int32 => $"an integer in [{int.MinValue.ToString(CultureInfo.InvariantCulture)}, {int.MaxValue.ToString(CultureInfo.InvariantCulture)}]",
        ShapeKind.Enum => "one of " + string.Join(", ", shape.Names),
        _ => shape.Display,
    };

    /// <summary>An integer, also written with an exponent or a fraction of zero (<c>1e5</c>, <c>100.0</c>), read exactly.</summary>
    private static long? ParseInteger(string? text, long minimum, long maximum)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
        {
            return value >= minimum && value <= maximum ? value : null;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact)
            && exact == decimal.Truncate(exact) && exact >= minimum && exact <= maximum ? (long)exact : null;
    }

    /// <summary>What a type builds, for messages: <c>an ILearningRateSchedule</c>, <c>a TrainingPlan</c>; <c>anything</c> for any object.</summary>
    internal static string Kind(Type expected) => expected == typeof(object) ? "anything" : Article(expected.Name);

    /// <summary>A type name with its indefinite article: <c>an ILearningRateSchedule</c>, <c>a TrainingPlan</c>.</summary>
    internal static string Article(string name) => ("AEIOU".Contains(name[0], StringComparison.Ordinal) ? "an " : "a ") + name;

    private static bool IsType(string key) => Same(key, nameof(ScheduleDescription.Type));

    private static bool Same(string a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private void Add(string path, string message) => _problems.Add(new ScheduleProblem(path, message));

    private void Add(ScheduleProblem problem) => _problems.Add(problem);

    private bool Fail(string path, string message)
    {
        Add(path, message);
        return false;
    }

    /// <summary>One value read: what the description holds, what the factory is passed, and whether the subtree had no problem.</summary>
    private readonly record struct Bound(object? Value, object? Argument, bool Complete)
    {
        public static Bound Failed => new(null, null, false);
    }
}
