namespace LrSchedules.Configuration.Internal;

/// <summary>What kind of value a parameter takes.</summary>
internal enum ShapeKind
{
    Number,
    Integer,
    Int32,
    Boolean,
    Text,
    Enum,
    List,
    Built,
    Record,

    /// <summary>An object whose keys are steps and whose values are numbers (optax's <c>boundaries_and_scales</c>).</summary>
    StepMap,

    /// <summary>An object of Python keyword arguments: names to numbers, text, true or false (<c>scheduler_specific_kwargs</c>).</summary>
    Keywords,
}

/// <summary>How a parameter's value is written in configuration; created by the generated table.</summary>
internal sealed class Shape
{
    private Shape(ShapeKind kind, bool nullable)
    {
        Kind = kind;
        Nullable = nullable;
    }

    public ShapeKind Kind { get; }

    /// <summary>Whether <see langword="null"/> is a value (a nullable parameter), not only "take the default".</summary>
    public bool Nullable { get; }

    /// <summary>The enum, the type a nested description must build, or the record type.</summary>
    public Type? Type { get; private init; }

    public string[] Names { get; private init; } = [];

    public object[] Values { get; private init; } = [];

    public Shape? Element { get; private init; }

    public Parameter[] Fields { get; private init; } = [];

    public Func<object?[], object>? Create { get; private init; }

    public Func<object, object?[]>? Read { get; private init; }

    /// <summary>Gets what the value is, for messages and the type table: <c>number</c>, <c>Linear | Cosine</c>, <c>list of integers</c>, ...</summary>
    public string Display => Kind switch
    {
        ShapeKind.Number => "number",
        ShapeKind.Integer => "integer",
        ShapeKind.Int32 => "integer (32-bit)",
        ShapeKind.Boolean => "true or false",
        ShapeKind.Text => "text",
        ShapeKind.Enum => string.Join(" | ", Names),
        ShapeKind.List => "list of " + Element!.Display,
        ShapeKind.Built => $"{Type!.Name} description",
        ShapeKind.StepMap => "object of step: number",
        ShapeKind.Keywords => "object of keyword arguments",
        _ => $"{Type!.Name.Split('`')[0]} object ({string.Join(", ", Fields.Select(f => f.Key))})",
    };

    /// <summary>Whether a recorded argument is a value of this shape (to tell overloads of one arity apart).</summary>
    public bool Accepts(object? value) => value is null || Kind switch
    {
        ShapeKind.Number => value is double or float or int or long,
        ShapeKind.Integer => value is long or int,
        ShapeKind.Int32 => value is int,
        ShapeKind.Boolean => value is bool,
        ShapeKind.Text => value is string,
        ShapeKind.List => value is System.Collections.IEnumerable and not string
            && ((System.Collections.IEnumerable)value).Cast<object?>().All(Element!.Accepts),
        ShapeKind.StepMap => value is IEnumerable<KeyValuePair<long, double>>,
        ShapeKind.Keywords => value is IEnumerable<KeyValuePair<string, object?>>,
        _ => Type!.IsInstanceOfType(value),
    };

    public static Shape Number(bool nullable) => new(ShapeKind.Number, nullable);

    public static Shape Integer(bool nullable) => new(ShapeKind.Integer, nullable);

    public static Shape Int32(bool nullable) => new(ShapeKind.Int32, nullable);

    public static Shape Boolean(bool nullable) => new(ShapeKind.Boolean, nullable);

    public static Shape Text(bool nullable) => new(ShapeKind.Text, nullable);

    public static Shape Enum(Type type, string[] names, object[] values, bool nullable) =>
        new(ShapeKind.Enum, nullable) { Type = type, Names = names, Values = values };

    public static Shape List(Shape element, bool nullable) => new(ShapeKind.List, nullable) { Element = element };

    public static Shape StepMap(bool nullable) => new(ShapeKind.StepMap, nullable);

    public static Shape Keywords(bool nullable) => new(ShapeKind.Keywords, nullable);

    public static Shape Built(Type type, bool nullable) => new(ShapeKind.Built, nullable) { Type = type };

    public static Shape Record(Type type, Parameter[] fields, Func<object?[], object> create, Func<object, object?[]> read, bool nullable) =>
        new(ShapeKind.Record, nullable) { Type = type, Fields = fields, Create = create, Read = read };
}
