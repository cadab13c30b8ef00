using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LrSchedules.Porting;

namespace LrSchedules.Tests.Conformance;

/// <summary>Thrown when a case cannot be expressed through the porting surface; the harness reports it as a failure.</summary>
public sealed class UnmappableCaseException(string message) : Exception(message);

/// <summary>
/// Runs a golden case through LrSchedules.Porting with no per-API code: the case's <c>api</c> names the origin class by its
/// prefix (<c>torch.optim.lr_scheduler.</c> → <see cref="Torch"/>, ...) and the method by its last segment, PascalCased
/// (<c>get_wsd_schedule</c> → <c>GetWsdSchedule</c>); each of its <c>params</c> binds by name to the method's parameter
/// (snake_case → camelCase: <c>T_max</c> → <c>tMax</c>), the case's <c>base_lr</c> to <c>lr</c> where the method has one,
/// and absent parameters take the method's (the origin's) defaults. A parameter the method does not have fails the case
/// as unmappable, so any other recording of the same APIs runs with no new test code.
/// </summary>
public static class GoldenBinder
{
    private static readonly (string Prefix, Type Origin)[] Origins =
    [
        ("torch.optim.lr_scheduler.", typeof(Torch)),
        ("optax.", typeof(Optax)),
        ("transformers.", typeof(Transformers)),
        ("timm.scheduler.", typeof(Timm)),
    ];

    /// <summary>Returns the learning rates the porting surface gives for the case, step by step.</summary>
    public static double[] Run(GoldenCase goldenCase)
    {
        object built = Build(goldenCase.Api, goldenCase.Parameters, goldenCase.BaseLearningRate);
        var rates = new double[goldenCase.Steps];
        if (built is IMetricDrivenSchedule metricDriven)
        {
            // PyTorch's scheduler.step(metric) after the optimizer step of step t: read, then report.
            double[] metrics = goldenCase.Metrics ?? throw new UnmappableCaseException($"{goldenCase.Api}: a metric-driven case needs metrics.");
            for (int step = 0; step < rates.Length; step++)
            {
                rates[step] = metricDriven.CurrentLearningRate;
                metricDriven.Report(metrics[step]);
            }

            return rates;
        }

        ILearningRateSchedule schedule = AsSchedule(built, goldenCase.Api);
        for (int step = 0; step < rates.Length; step++)
        {
            rates[step] = schedule.GetLearningRate(step);
        }

        return rates;
    }

    /// <summary>Calls the porting method <paramref name="api"/> names with <paramref name="parameters"/> bound by name.</summary>
    public static object Build(string api, JsonElement parameters, double? baseLearningRate)
    {
        (Type origin, string methodName) = Resolve(api);
        var given = parameters.EnumerateObject()
            .Where(p => p.Name != "api")
            .ToDictionary(p => CamelCase(p.Name), p => p.Value, StringComparer.Ordinal);
        MethodInfo[] candidates = origin.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == methodName)
            .ToArray();
        if (candidates.Length == 0)
        {
            throw new UnmappableCaseException($"{api}: {origin.Name} has no method {methodName}.");
        }

        MethodInfo? method = candidates
            .Where(m => Fits(m, given, baseLearningRate))
            .OrderBy(m => m.GetParameters().Count(p => typeof(Delegate).IsAssignableFrom(p.ParameterType)))
            .FirstOrDefault();
        if (method is null)
        {
            string[] unknown = given.Keys.Where(k => candidates.All(m => m.GetParameters().All(p => p.Name != k))).ToArray();
            throw new UnmappableCaseException(unknown.Length > 0
                ? $"{api}: parameter(s) {string.Join(", ", unknown)} not mapped ({origin.Name}.{methodName} has no such parameter)."
                : $"{api}: no overload of {origin.Name}.{methodName} takes exactly ({string.Join(", ", given.Keys)}) with its required parameters.");
        }

        object?[] arguments = method.GetParameters()
            .Select(p => given.TryGetValue(p.Name!, out JsonElement value)
                ? Convert(value, p.ParameterType, api, p.Name!, baseLearningRate)
                : p.Name == "lr" && baseLearningRate is double lr ? lr : p.DefaultValue)
            .ToArray();
        try
        {
            return method.Invoke(null, arguments) ?? throw new UnmappableCaseException($"{api}: {methodName} returned null.");
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }

    /// <summary>Python's snake_case keyword as the C# parameter: <c>T_max</c> → <c>tMax</c>, <c>eta_min</c> → <c>etaMin</c>.</summary>
    public static string CamelCase(string snake)
    {
        string[] parts = snake.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((part, i) => i == 0
            ? part.ToLowerInvariant()
            : char.ToUpperInvariant(part[0]) + part[1..]));
    }

    /// <summary>The origin class and method an <c>api</c> names.</summary>
    public static (Type Origin, string Method) Resolve(string api)
    {
        foreach ((string prefix, Type origin) in Origins)
        {
            if (api.StartsWith(prefix, StringComparison.Ordinal))
            {
                string name = api[prefix.Length..];
                string method = name.Contains('_', StringComparison.Ordinal) || char.IsLower(name[0])
                    ? string.Concat(name.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]))
                    : name;
                return (origin, method);
            }
        }

        throw new UnmappableCaseException($"Unknown api {api}: no porting class for its prefix.");
    }

    private static bool Fits(MethodInfo method, Dictionary<string, JsonElement> given, double? baseLearningRate)
    {
        ParameterInfo[] parameters = method.GetParameters();
        return given.Keys.All(k => parameters.Any(p => p.Name == k))
            && parameters.All(p => p.HasDefaultValue || given.ContainsKey(p.Name!) || (p.Name == "lr" && baseLearningRate.HasValue));
    }

    private static ILearningRateSchedule AsSchedule(object built, string api) => built switch
    {
        ILearningRateSchedule schedule => schedule,
        ITuple tuple when tuple.Length > 0 && tuple[0] is ILearningRateSchedule first => first,
        _ => built.GetType().GetProperty("LearningRate")?.GetValue(built) as ILearningRateSchedule
            ?? throw new UnmappableCaseException($"{api}: the method returns {built.GetType().Name}, not a schedule."),
    };

    private static object? Convert(JsonElement value, Type type, string api, string name, double? baseLearningRate)
    {
        Type? underlying = Nullable.GetUnderlyingType(type);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return !type.IsValueType || underlying is not null
                ? null
                : throw new UnmappableCaseException($"{api}: parameter {name} is null but {type.Name} is required.");
        }

        Type target = underlying ?? type;
        if (target == typeof(double))
        {
            return Number(value, api, name);
        }

        if (target == typeof(long) || target == typeof(int))
        {
            double number = Number(value, api, name);
            if (number != Math.Floor(number))
            {
                throw new UnmappableCaseException($"{api}: parameter {name} = {number} is not a whole number.");
            }

            return target == typeof(long) ? (long)number : checked((int)number);
        }

        if (target == typeof(bool))
        {
            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new UnmappableCaseException($"{api}: parameter {name} is not a boolean."),
            };
        }

        if (target == typeof(string))
        {
            return value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw new UnmappableCaseException($"{api}: parameter {name} is not a string.");
        }

        if (target == typeof(IReadOnlyDictionary<long, double>))
        {
            return value.EnumerateObject().ToDictionary(
                p => long.Parse(p.Name, CultureInfo.InvariantCulture),
                p => Number(p.Value, api, name));
        }

        if (target == typeof(IReadOnlyDictionary<string, object?>))
        {
            return value.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value));
        }

        Type? element = target.IsArray
            ? target.GetElementType()
            : target.IsGenericType && target.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? target.GetGenericArguments()[0] : null;
        if (element is not null && value.ValueKind == JsonValueKind.Array)
        {
            JsonElement[] items = value.EnumerateArray().ToArray();
            Array array = Array.CreateInstance(element, items.Length);
            for (int i = 0; i < items.Length; i++)
            {
                array.SetValue(Convert(items[i], element, api, $"{name}[{i}]", baseLearningRate), i);
            }

            return array;
        }

        if (target == typeof(ILearningRateSchedule) && value.ValueKind == JsonValueKind.Object)
        {
            string child = value.GetProperty("api").GetString()!;
            return AsSchedule(Build(child, value, baseLearningRate), child);
        }

        if (value.ValueKind == JsonValueKind.Object && target.GetConstructors().Length == 1)
        {
            // A record of keyword arguments (optax's sgdr cosine_kwargs): bind its constructor by name.
            ConstructorInfo constructor = target.GetConstructors()[0];
            var fields = value.EnumerateObject().ToDictionary(p => CamelCase(p.Name), p => p.Value, StringComparer.OrdinalIgnoreCase);
            string[] unknown = fields.Keys.Where(k => constructor.GetParameters().All(p => !string.Equals(p.Name, k, StringComparison.OrdinalIgnoreCase))).ToArray();
            if (unknown.Length > 0)
            {
                throw new UnmappableCaseException($"{api}: parameter(s) {string.Join(", ", unknown)} of {name} not mapped.");
            }

            object?[] arguments = constructor.GetParameters()
                .Select(p => fields.TryGetValue(p.Name!, out JsonElement field)
                    ? Convert(field, p.ParameterType, api, $"{name}.{p.Name}", baseLearningRate)
                    : p.HasDefaultValue ? p.DefaultValue : throw new UnmappableCaseException($"{api}: {name} needs {p.Name}."))
                .ToArray();
            return constructor.Invoke(arguments);
        }

        throw new UnmappableCaseException($"{api}: parameter {name} of type {type.Name} cannot be read from {value.ValueKind}.");
    }

    private static double Number(JsonElement value, string api, string name) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
        _ => throw new UnmappableCaseException($"{api}: parameter {name} = {value} is not a number."),
    };

    private static object? Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
