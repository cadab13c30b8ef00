using System.Text.Json;

namespace LrSchedules.Tests.Conformance;

/// <summary>optax <c>optax/schedules/_schedule.py</c> and <c>_join.py</c>: schedules that carry their own values.</summary>
public static partial class GoldenMapper
{
    private static ILearningRateSchedule Optax(string api, GoldenParameters p)
    {
        switch (api)
        {
            case "optax.constant_schedule":
                return Schedule.Constant(p.Double("value"));

            case "optax.exponential_decay":
                return OptaxExponential(
                    p.Double("init_value"),
                    p.Long("transition_steps"),
                    p.Double("decay_rate"),
                    p.Long("transition_begin", 0),
                    p.Bool("staircase", false),
                    p.DoubleOrNull("end_value"));

            case "optax.piecewise_constant_schedule":
                return Schedule.PiecewiseConstant(p.Double("init_value"), p.BoundariesAndScales("boundaries_and_scales"));

            case "optax.linear_schedule":
                return OptaxPolynomial(p.Double("init_value"), p.Double("end_value"), 1.0, p.Long("transition_steps"), p.Long("transition_begin", 0));

            case "optax.polynomial_schedule":
                return OptaxPolynomial(p.Double("init_value"), p.Double("end_value"), p.Double("power"), p.Long("transition_steps"), p.Long("transition_begin", 0));

            case "optax.cosine_decay_schedule":
            {
                double init = p.Double("init_value");
                return Schedule.Cosine(init, p.Double("alpha", 0.0) * init, p.Long("decay_steps"), p.Double("exponent", 1.0));
            }

            case "optax.warmup_cosine_decay_schedule":
                return OptaxWarmupCosine(p);

            case "optax.warmup_exponential_decay_schedule":
            {
                double init = p.Double("init_value");
                double peak = p.Double("peak_value");
                long warmup = p.Long("warmup_steps");
                var decay = OptaxExponential(
                    peak,
                    p.Long("transition_steps"),
                    p.Double("decay_rate"),
                    p.Long("transition_begin", 0),
                    p.Bool("staircase", false),
                    p.DoubleOrNull("end_value"));
                return OptaxLinearWarmup(decay, warmup, init, peak);
            }

            case "optax.warmup_constant_schedule":
                return OptaxPolynomial(p.Double("init_value"), p.Double("peak_value"), 1.0, p.Long("warmup_steps"), 0);

            case "optax.join_schedules":
                return Schedule.Join(
                    p.Objects("schedules").Select(child => Child(child, null)).ToArray(),
                    p.Longs("boundaries"));

            case "optax.piecewise_interpolate_schedule":
                return Schedule.PiecewiseInterpolated(
                    p.Double("init_value"),
                    p.BoundariesAndScales("boundaries_and_scales"),
                    ParseInterpolation(api, p.String("interpolate_type", "linear")));

            case "optax.cosine_onecycle_schedule":
            {
                long steps = p.Long("transition_steps");
                double peak = p.Double("peak_value");
                double pctStart = p.Double("pct_start", 0.3);
                double div = p.Double("div_factor", 25.0);
                double finalDiv = p.Double("final_div_factor", 1e4);
                return Schedule.PiecewiseInterpolated(
                    peak / div,
                    OptaxScales((Truncate(pctStart * steps), div), (steps, 1.0 / (div * finalDiv))),
                    Curve.Cosine);
            }

            case "optax.linear_onecycle_schedule":
            {
                long steps = p.Long("transition_steps");
                double peak = p.Double("peak_value");
                double pctStart = p.Double("pct_start", 0.3);
                double pctFinal = p.Double("pct_final", 0.85);
                double div = p.Double("div_factor", 25.0);
                double finalDiv = p.Double("final_div_factor", 1e4);
                return Schedule.PiecewiseInterpolated(
                    peak / div,
                    OptaxScales((Truncate(pctStart * steps), div), (Truncate(pctFinal * steps), 1.0 / div), (steps, 1.0 / finalDiv)),
                    Curve.Linear);
            }

            case "optax.sgdr_schedule":
            {
                // One warmup-cosine per entry, joined at the running sum of decay_steps.
                JsonElement[] cycles = p.Objects("cosine_kwargs");
                var schedules = new List<ILearningRateSchedule>();
                var boundaries = new List<long>();
                long step = 0;
                foreach (JsonElement kwargs in cycles)
                {
                    var cycle = new GoldenParameters(kwargs, "optax.warmup_cosine_decay_schedule");
                    schedules.Add(OptaxWarmupCosine(cycle));
                    cycle.EnsureAllRead();
                    step += (long)kwargs.GetProperty("decay_steps").GetDouble();
                    boundaries.Add(step);
                }

                boundaries.RemoveAt(boundaries.Count - 1);
                return schedules.Count == 1 ? schedules[0] : Schedule.Join(schedules, boundaries);
            }

            default:
                throw new UnmappableCaseException($"Unknown api {api}.");
        }
    }

    private static ILearningRateSchedule OptaxWarmupCosine(GoldenParameters p)
    {
        double init = p.Double("init_value");
        double peak = p.Double("peak_value");
        long warmup = p.Long("warmup_steps");
        long decaySteps = p.Long("decay_steps");
        double end = p.Double("end_value", 0.0);
        double exponent = p.Double("exponent", 1.0);
        // optax: alpha = end / peak (0 when peak is 0), cosine over decay_steps - warmup_steps.
        double final = peak == 0.0 ? 0.0 : end;
        var cosine = Schedule.Cosine(peak, final, decaySteps - warmup, exponent);
        return OptaxLinearWarmup(cosine, warmup, init, peak);
    }

    /// <summary>optax joins <c>linear_schedule(init, peak, warmup)</c> in front; a non-positive warmup is dropped.</summary>
    private static ILearningRateSchedule OptaxLinearWarmup(ILearningRateSchedule schedule, long warmup, double init, double peak)
    {
        if (warmup <= 0)
        {
            // linear_schedule with transition_steps <= 0 is constant at init; join_schedules then switches at step 0.
            return schedule;
        }

        return Schedule.Join([Schedule.Linear(init, peak, warmup), schedule], [warmup]);
    }

    /// <summary>optax's fall-backs: transition_steps ≤ 0 gives a constant; a negative transition_begin counts as 0.</summary>
    private static ILearningRateSchedule OptaxPolynomial(double init, double end, double power, long transitionSteps, long transitionBegin)
    {
        if (transitionSteps <= 0)
        {
            return Schedule.Constant(init);
        }

        ILearningRateSchedule schedule = power == 1.0
            ? Schedule.Linear(init, end, transitionSteps)
            : Schedule.Polynomial(init, end, transitionSteps, power);
        return transitionBegin > 0 ? schedule.Delay(transitionBegin) : schedule;
    }

    /// <summary>optax's fall-backs: transition_steps ≤ 0 or decay_rate = 0 give a constant; a negative begin counts as 0.</summary>
    private static ILearningRateSchedule OptaxExponential(double init, long transitionSteps, double decayRate, long transitionBegin, bool staircase, double? end)
    {
        if (transitionSteps <= 0 || decayRate == 0.0)
        {
            return Schedule.Constant(init);
        }

        return Schedule.Exponential(init, decayRate, transitionSteps, Math.Max(0, transitionBegin), staircase, end);
    }

    /// <summary>Python's <c>int(x)</c> for the step products optax truncates.</summary>
    private static long Truncate(double value) => (long)Math.Truncate(value);

    /// <summary>A boundaries-and-scales dictionary: later keys replace earlier equal ones, as in a Python dict literal.</summary>
    private static KeyValuePair<long, double>[] OptaxScales(params (long Boundary, double Scale)[] entries)
    {
        var dictionary = new Dictionary<long, double>();
        foreach ((long boundary, double scale) in entries)
        {
            dictionary[boundary] = scale;
        }

        return dictionary.ToArray();
    }
}
