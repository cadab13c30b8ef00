using System.Text.Json;

namespace LrSchedules.Tests.Conformance;

/// <summary>
/// Maps a case's <c>api</c> and <c>params</c> onto the library's public API. Every parameter each reference API accepts
/// is mapped with that library's default when absent; a parameter with no equivalent fails the case by name.
/// </summary>
public static partial class GoldenMapper
{
    /// <summary>Returns the learning rates the library gives for the case, step by step.</summary>
    public static double[] Run(GoldenCase goldenCase)
    {
        if (goldenCase.Api == "torch.optim.lr_scheduler.ReduceLROnPlateau")
        {
            return RunPlateau(goldenCase);
        }

        ILearningRateSchedule schedule = Build(goldenCase.Api, goldenCase.Parameters, goldenCase.BaseLearningRate);
        var rates = new double[goldenCase.Steps];
        for (int step = 0; step < rates.Length; step++)
        {
            rates[step] = schedule.GetLearningRate(step);
        }

        return rates;
    }

    /// <summary>Builds the schedule a pure (step-driven) case describes.</summary>
    public static ILearningRateSchedule Build(string api, JsonElement parameters, double? baseLearningRate)
    {
        var p = new GoldenParameters(parameters, api);
        ILearningRateSchedule schedule = api switch
        {
            _ when api.StartsWith("torch.", StringComparison.Ordinal) => Torch(api, p, RequireBase(api, baseLearningRate)),
            _ when api.StartsWith("optax.", StringComparison.Ordinal) => Optax(api, p),
            _ when api.StartsWith("transformers.", StringComparison.Ordinal) => Transformers(api, p, RequireBase(api, baseLearningRate)),
            _ when api.StartsWith("timm.", StringComparison.Ordinal) => Timm(api, p, RequireBase(api, baseLearningRate)),
            _ => throw new UnmappableCaseException($"Unknown api {api}."),
        };
        p.EnsureAllRead();
        return schedule;
    }

    private static double RequireBase(string api, double? baseLearningRate) =>
        baseLearningRate ?? throw new UnmappableCaseException($"{api}: the case has no base_lr.");

    private static ILearningRateSchedule Child(JsonElement child, double? baseLearningRate) =>
        Build(child.GetProperty("api").GetString()!, child, baseLearningRate);

    private static Curve ParseInterpolation(string api, string name) => name switch
    {
        "cos" or "cosine" => Curve.Cosine,
        "linear" => Curve.Linear,
        _ => throw new UnmappableCaseException($"{api}: unknown interpolation '{name}'."),
    };

    private static ILearningRateSchedule WithTimmWarmup(ILearningRateSchedule schedule, GoldenParameters p, bool prefixByDefault, double? target = null)
    {
        long warmup = p.Long("warmup_t", 0);
        double warmupStart = p.Double("warmup_lr_init", 0.0);
        bool prefix = p.Bool("warmup_prefix", prefixByDefault);
        // Parameters that do not change the recorded rate, or that have no deterministic equivalent.
        p.Ignore("t_in_epochs", "initialize");
        p.RequireDefault("noise_range_t", null);
        p.Ignore("noise_pct", "noise_std", "noise_seed");
        return warmup == 0
            ? schedule
            : schedule.WithLinearWarmup(warmup, warmupStart, prefix ? WarmupPlacement.Prefix : WarmupPlacement.Overlay, target);
    }
}
