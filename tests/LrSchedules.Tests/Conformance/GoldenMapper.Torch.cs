namespace LrSchedules.Tests.Conformance;

/// <summary>PyTorch <c>torch/optim/lr_scheduler.py</c>: rates relative to the optimizer's base learning rate.</summary>
public static partial class GoldenMapper
{
    private static ILearningRateSchedule Torch(string api, GoldenParameters p, double baseLr)
    {
        p.RequireDefault("last_epoch", -1);
        p.Ignore("verbose");
        switch (api)
        {
            case "torch.optim.lr_scheduler.StepLR":
                return Schedule.Step(baseLr, p.Long("step_size"), p.Double("gamma", 0.1));

            case "torch.optim.lr_scheduler.MultiStepLR":
                return TorchMultiStep(baseLr, p.Longs("milestones"), p.Double("gamma", 0.1));

            case "torch.optim.lr_scheduler.ConstantLR":
            {
                double factor = p.Double("factor", 1.0 / 3.0);
                long totalIters = p.Long("total_iters", 5);
                return Schedule.Constant(baseLr).WithConstantWarmup(baseLr * factor, totalIters, WarmupPlacement.Overlay);
            }

            case "torch.optim.lr_scheduler.LinearLR":
            {
                double start = p.Double("start_factor", 1.0 / 3.0);
                double end = p.Double("end_factor", 1.0);
                long totalIters = p.Long("total_iters", 5);
                return Schedule.Linear(baseLr * start, baseLr * end, totalIters);
            }

            case "torch.optim.lr_scheduler.ExponentialLR":
                return Schedule.Exponential(baseLr, p.Double("gamma"));

            case "torch.optim.lr_scheduler.PolynomialLR":
                return Schedule.Polynomial(baseLr, 0.0, p.Long("total_iters", 5), p.Double("power", 1.0));

            case "torch.optim.lr_scheduler.CosineAnnealingLR":
                // PyTorch's recursive form keeps following the cosine wave past T_max.
                return Schedule.CosineWave(baseLr, p.Double("eta_min", 0.0), p.Long("T_max"), 0.5);

            case "torch.optim.lr_scheduler.CosineAnnealingWarmRestarts":
                return Schedule.CosineWarmRestarts(
                    baseLr,
                    p.Double("eta_min", 0.0),
                    p.Long("T_0"),
                    p.Long("T_mult", 1));

            case "torch.optim.lr_scheduler.OneCycleLR":
            {
                long totalSteps = p.LongOrNull("total_steps")
                    ?? (p.Long("epochs") * p.Long("steps_per_epoch"));
                p.Ignore("epochs", "steps_per_epoch", "cycle_momentum", "base_momentum", "max_momentum");
                return Schedule.OneCycle(
                    p.Double("max_lr"),
                    totalSteps,
                    p.Double("pct_start", 0.3),
                    ParseInterpolation(api, p.String("anneal_strategy", "cos")),
                    p.Double("div_factor", 25.0),
                    p.Double("final_div_factor", 1e4),
                    p.Bool("three_phase", false));
            }

            case "torch.optim.lr_scheduler.CyclicLR":
            {
                p.RequireDefault("scale_fn", null);
                p.Ignore("cycle_momentum", "base_momentum", "max_momentum");
                string mode = p.String("mode", "triangular");
                string defaultScaleMode = mode == "exp_range" ? "iterations" : "cycle";
                p.RequireDefault("scale_mode", defaultScaleMode);
                long up = p.Long("step_size_up", 2000);
                return Schedule.Cyclic(
                    p.Double("base_lr"),
                    p.Double("max_lr"),
                    up,
                    p.LongOrNull("step_size_down"),
                    mode switch
                    {
                        "triangular" => CyclicMode.Triangular,
                        "triangular2" => CyclicMode.Triangular2,
                        "exp_range" => CyclicMode.ExponentialRange,
                        _ => throw new UnmappableCaseException($"{api}: unknown mode '{mode}'."),
                    },
                    p.Double("gamma", 1.0));
            }

            case "torch.optim.lr_scheduler.SequentialLR":
                return Schedule.Join(
                    p.Objects("schedulers").Select(child => Child(child, baseLr)).ToArray(),
                    p.Longs("milestones"));

            case "torch.optim.lr_scheduler.ChainedScheduler":
            {
                // Each chained scheduler multiplies the rate by its own factor: the first carries the base rate,
                // the others are built on a base of 1 and act as multipliers.
                var children = p.Objects("schedulers")
                    .Select((child, index) => Child(child, index == 0 ? baseLr : 1.0))
                    .ToArray();
                p.Ignore("optimizer");
                return Schedule.Product(children);
            }

            default:
                throw new UnmappableCaseException($"Unknown api {api}.");
        }
    }

    /// <summary>PyTorch counts repeated milestones (a <c>Counter</c>): a milestone listed twice decays twice.</summary>
    private static ILearningRateSchedule TorchMultiStep(double baseLr, long[] milestones, double gamma)
    {
        long[] sorted = milestones.Order().ToArray();
        if (sorted.Distinct().Count() == sorted.Length)
        {
            return Schedule.MultiStep(baseLr, sorted, gamma);
        }

        long[] boundaries = sorted.Distinct().ToArray();
        var rates = new double[boundaries.Length + 1];
        rates[0] = baseLr;
        for (int i = 0; i < boundaries.Length; i++)
        {
            int repeats = sorted.Count(m => m == boundaries[i]);
            rates[i + 1] = rates[i] * Math.Pow(gamma, repeats);
        }

        return Schedule.PiecewiseConstant(rates, boundaries);
    }
}
