namespace LrSchedules.Tests.Conformance;

/// <summary>timm <c>timm/scheduler/*.py</c> (1.0.29), read per epoch (<c>t_in_epochs=True</c>).</summary>
public static partial class GoldenMapper
{
    private static ILearningRateSchedule Timm(string api, GoldenParameters p, double baseLr)
    {
        switch (api)
        {
            case "timm.scheduler.CosineLRScheduler":
                return WithTimmWarmup(
                    Schedule.CosineWarmRestarts(
                        baseLr,
                        p.Double("lr_min", 0.0),
                        p.Long("t_initial"),
                        p.Double("cycle_mul", 1.0),
                        p.Double("cycle_decay", 1.0),
                        checked((int)p.Long("cycle_limit", 1)),
                        p.Double("k_decay", 1.0)),
                    p,
                    prefixByDefault: false);

            case "timm.scheduler.TanhLRScheduler":
            {
                // tanh_lr.py ramps to `base_values if warmup_prefix else _get_lr(warmup_t)`, not to its value at 0.
                var tanh = Schedule.Tanh(
                        baseLr,
                        p.Double("lr_min", 0.0),
                        p.Long("t_initial"),
                        p.Double("lb", -7.0),
                        p.Double("ub", 3.0),
                        p.Double("cycle_mul", 1.0),
                        p.Double("cycle_decay", 1.0),
                        checked((int)p.Long("cycle_limit", 1)));
                bool prefix = p.Bool("warmup_prefix", false);
                long warmup = p.Long("warmup_t", 0);
                double target = prefix ? baseLr : tanh.GetLearningRate(warmup);
                return WithTimmWarmup(tanh, p, prefixByDefault: false, target);
            }

            case "timm.scheduler.PolyLRScheduler":
                return WithTimmWarmup(
                    Schedule.PolynomialWarmRestarts(
                        baseLr,
                        p.Double("lr_min", 0.0),
                        p.Long("t_initial"),
                        p.Double("power", 0.5),
                        p.Double("cycle_mul", 1.0),
                        p.Double("cycle_decay", 1.0),
                        checked((int)p.Long("cycle_limit", 1)),
                        p.Double("k_decay", 1.0)),
                    p,
                    prefixByDefault: false);

            case "timm.scheduler.StepLRScheduler":
                return WithTimmWarmup(
                    Schedule.Step(baseLr, p.Long("decay_t"), p.Double("decay_rate", 1.0)),
                    p,
                    prefixByDefault: true);

            case "timm.scheduler.MultiStepLRScheduler":
            {
                // timm 1.0.29 decays where bisect_right(decay_t, t + 1) counts a milestone: one step before it.
                long[] milestones = p.Longs("decay_t").Select(d => Math.Max(0, d - 1)).ToArray();
                return WithTimmWarmup(
                    TorchMultiStep(baseLr, milestones, p.Double("decay_rate", 1.0)),
                    p,
                    prefixByDefault: true);
            }

            default:
                throw new UnmappableCaseException($"Unknown api {api}.");
        }
    }
}
