namespace LrSchedules.Tests.Conformance;

/// <summary>Hugging Face <c>src/transformers/optimization.py</c>: <c>LambdaLR</c> factors on the base learning rate.</summary>
public static partial class GoldenMapper
{
    private static ILearningRateSchedule Transformers(string api, GoldenParameters p, double baseLr)
    {
        p.RequireDefault("last_epoch", -1);
        long warmup = p.Long("num_warmup_steps", api == "transformers.get_constant_schedule" ? 0 : null);
        switch (api)
        {
            case "transformers.get_constant_schedule":
                return Schedule.Constant(baseLr);

            case "transformers.get_constant_schedule_with_warmup":
                return HfWarmup(Schedule.Constant(baseLr), warmup);

            case "transformers.get_linear_schedule_with_warmup":
                return HfWarmup(Schedule.Linear(baseLr, 0.0, HfDecaySteps(p, warmup)), warmup);

            case "transformers.get_cosine_schedule_with_warmup":
                return HfWarmup(Schedule.CosineWave(baseLr, 0.0, HfDecaySteps(p, warmup), p.Double("num_cycles", 0.5)), warmup);

            case "transformers.get_cosine_with_min_lr_schedule_with_warmup":
            {
                double? minLr = p.DoubleOrNull("min_lr");
                double? minLrRate = p.DoubleOrNull("min_lr_rate");
                if (minLr.HasValue == minLrRate.HasValue)
                {
                    throw new UnmappableCaseException($"{api}: exactly one of min_lr and min_lr_rate must be given.");
                }

                double final = minLr ?? (baseLr * minLrRate!.Value);
                return HfWarmup(Schedule.CosineWave(baseLr, final, HfDecaySteps(p, warmup), p.Double("num_cycles", 0.5)), warmup);
            }

            case "transformers.get_cosine_with_hard_restarts_schedule_with_warmup":
            {
                long decaySteps = HfDecaySteps(p, warmup);
                long cycles = p.Long("num_cycles", 1);

                // Hugging Face's cycle is (training − warmup) / num_cycles steps; periodSteps is a whole number of steps
                // (every step count is a long), so only a case whose cycles divide the decay steps maps onto it.
                if (decaySteps % cycles != 0)
                {
                    throw new NotSupportedException($"{api}: {decaySteps} decay steps do not split into {cycles} whole cycles.");
                }

                var restarts = Schedule.CosineWarmRestarts(
                    baseLr,
                    0.0,
                    decaySteps / cycles,
                    cycleLimit: checked((int)cycles));
                return HfWarmup(restarts, warmup);
            }

            case "transformers.get_polynomial_decay_schedule_with_warmup":
                return HfWarmup(
                    Schedule.Polynomial(baseLr, p.Double("lr_end", 1e-7), HfDecaySteps(p, warmup), p.Double("power", 1.0)),
                    warmup);

            case "transformers.get_inverse_sqrt_schedule":
            {
                long timescale = p.LongOrNull("timescale") ?? (warmup > 0 ? warmup : 10_000);
                return HfWarmup(Schedule.InverseSquareRoot(baseLr, timescale), warmup);
            }

            case "transformers.get_wsd_schedule":
            {
                long decay = p.Long("num_decay_steps");
                long? stable = p.LongOrNull("num_stable_steps");
                long? training = p.LongOrNull("num_training_steps");
                long stableSteps = stable ?? (training.HasValue
                    ? training.Value - warmup - decay
                    : throw new UnmappableCaseException($"{api}: num_stable_steps or num_training_steps is required."));
                return Schedule.WarmupStableDecay(
                    baseLr,
                    warmup,
                    stableSteps,
                    decay,
                    ParseRamp(api, p.String("decay_type", "cosine")),
                    p.Double("min_lr_ratio", 0.0),
                    ParseRamp(api, p.String("warmup_type", "linear")),
                    p.Double("num_cycles", 0.5));
            }

            default:
                throw new UnmappableCaseException($"Unknown api {api}.");
        }
    }

    /// <summary>HF divides by <c>max(1, num_training_steps − num_warmup_steps)</c>.</summary>
    private static long HfDecaySteps(GoldenParameters p, long warmup) =>
        Math.Max(1, p.Long("num_training_steps") - warmup);

    /// <summary>HF's warmup: <c>step / max(1, num_warmup_steps)</c> of the base rate, from 0, before the schedule starts.</summary>
    private static ILearningRateSchedule HfWarmup(ILearningRateSchedule schedule, long warmup) =>
        schedule.WithLinearWarmup(warmup, 0.0, WarmupPlacement.Prefix);

    private static Curve ParseRamp(string api, string name) => name switch
    {
        "linear" => Curve.Linear,
        "cosine" => Curve.Cosine,
        "1-sqrt" => Curve.OneMinusSquareRoot,
        _ => throw new UnmappableCaseException($"{api}: unknown ramp type '{name}'."),
    };
}
