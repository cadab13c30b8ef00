using System.Globalization;

namespace LrSchedules.Porting;

/// <summary>
/// Hugging Face transformers' <c>optimization.py</c>, value for value: every <c>get_*_schedule*</c> function with its
/// parameters C#-cased (<c>num_warmup_steps</c> → <c>numWarmupSteps</c>) and its defaults, the optimizer's learning rate
/// as <c>lr</c>, plus <see cref="GetScheduler"/> with its name table and <see cref="CreateScheduler"/> for a
/// <c>TrainingArguments</c> (<c>lr_scheduler_type</c>, <c>lr_scheduler_kwargs</c>, <c>warmup_steps</c> or <c>warmup_ratio</c>).
/// </summary>
/// <remarks>
/// <para>Origin: <c>src/transformers/optimization.py</c> of huggingface/transformers at commit
/// 005edacb6b5dabbf0843e92c6623de9e07ca6241 and <c>training_args.py</c> at 00349ae87eddc872ffa21a8a54f264375a0056a8 (the
/// golden file records transformers 5.17). Every function is a <c>LambdaLR</c> factor on <c>lr</c>; where Hugging Face
/// reads <c>optimizer.defaults["lr"]</c> (polynomial's <c>lr_init</c>, cosine's <c>min_lr</c>) this port uses <c>lr</c>,
/// the same number for one parameter group. <c>last_epoch</c> (resuming) is not a parameter.</para>
/// </remarks>
[ConfigurationFactories(Prefix = "transformers", SnakeCaseNames = true)]
public static class Transformers
{
    /// <summary>The names of <see cref="GetScheduler"/>'s table (<c>SchedulerType</c>), in Hugging Face's order.</summary>
    public static IReadOnlyList<string> SchedulerTypes { get; } =
    [
        "linear", "cosine", "cosine_with_restarts", "polynomial", "constant", "constant_with_warmup", "inverse_sqrt",
        "reduce_lr_on_plateau", "cosine_with_min_lr", "cosine_warmup_with_min_lr", "warmup_stable_decay",
    ];

    /// <summary><c>get_constant_schedule(optimizer)</c>: <c>lr</c>.</summary>
    /// <remarks><para><expression>Schedule.Constant(lr)</expression></para><para>Origin: <c>optimization.py</c> <c>get_constant_schedule</c> (commit 005edacb).</para></remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException"><paramref name="lr"/> is out of range.</exception>
    public static LearningRateSchedule GetConstantSchedule(double lr) =>
        Schedule.Constant(lr).Ported()
            .Declared(nameof(GetConstantSchedule), lr);

    /// <summary><c>get_constant_schedule_with_warmup(optimizer, num_warmup_steps)</c>: <c>lr · t / W</c> up to <c>W</c>, then <c>lr</c>.</summary>
    /// <remarks><para><expression>Schedule.Constant(lr).WithLinearWarmup(numWarmupSteps)</expression></para><para>Origin: <c>get_constant_schedule_with_warmup</c> (commit 005edacb).</para></remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="numWarmupSteps">The warmup from 0; ≥ 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range.</exception>
    public static LearningRateSchedule GetConstantScheduleWithWarmup(double lr, long numWarmupSteps) =>
        Warmup(Schedule.Constant(lr), numWarmupSteps).Ported()
            .Declared(nameof(GetConstantScheduleWithWarmup), lr, numWarmupSteps);

    /// <summary><c>get_linear_schedule_with_warmup(optimizer, num_warmup_steps, num_training_steps)</c>: warmup, then a line to 0 at <c>T</c>, held.</summary>
    /// <remarks><para><expression>Schedule.Linear(lr, 0, max(1, T − W)).WithLinearWarmup(W)</expression></para><para>Origin: <c>_get_linear_schedule_with_warmup_lr_lambda</c> (commit 005edacb), with its <c>max(1, T − W)</c> divisor.</para></remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="numWarmupSteps">The warmup from 0; ≥ 0.</param>
    /// <param name="numTrainingSteps">The step at which the rate reaches 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range.</exception>
    public static LearningRateSchedule GetLinearScheduleWithWarmup(double lr, long numWarmupSteps, long numTrainingSteps) =>
        Warmup(Schedule.Linear(lr, 0.0, DecaySteps(numWarmupSteps, numTrainingSteps)), numWarmupSteps).Ported()
            .Declared(nameof(GetLinearScheduleWithWarmup), lr, numWarmupSteps, numTrainingSteps);

    /// <summary><c>get_cosine_schedule_with_warmup(optimizer, num_warmup_steps, num_training_steps, num_cycles=0.5)</c>: warmup, then a cosine wave that goes on past <c>T</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.CosineWave(lr, 0, max(1, T − W), numCycles).WithLinearWarmup(W)</expression></para>
    /// <para>Origin: <c>_get_cosine_schedule_with_warmup_lr_lambda</c> (commit 005edacb). Quirk reproduced: progress is not
    /// clamped, so past <c>T</c> the rate rises again along the cosine.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="numWarmupSteps">The warmup from 0; ≥ 0.</param>
    /// <param name="numTrainingSteps">The end of the decay.</param>
    /// <param name="numCycles">The number of cosine periods over the decay; &gt; 0. Defaults to 0.5.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range.</exception>
    public static LearningRateSchedule GetCosineScheduleWithWarmup(double lr, long numWarmupSteps, long numTrainingSteps, double numCycles = 0.5) =>
        Warmup(Schedule.CosineWave(lr, 0.0, DecaySteps(numWarmupSteps, numTrainingSteps), numCycles), numWarmupSteps).Ported()
            .Declared(nameof(GetCosineScheduleWithWarmup), lr, numWarmupSteps, numTrainingSteps, numCycles);

    /// <summary><c>get_cosine_with_min_lr_schedule_with_warmup(optimizer, num_warmup_steps, num_training_steps, num_cycles=0.5, min_lr=None, min_lr_rate=None)</c>: the cosine above with a floor.</summary>
    /// <remarks>
    /// <para><expression>Schedule.CosineWave(lr, minLr ?? lr * minLrRate, max(1, T − W), numCycles).WithLinearWarmup(W)</expression></para>
    /// <para>Origin: <c>get_cosine_with_min_lr_schedule_with_warmup</c> (commit 005edacb): exactly one of <c>min_lr</c> and
    /// <c>min_lr_rate</c> (its messages). Hugging Face computes <c>lr·(c(1 − ρ) + ρ)</c>; this computes
    /// <c>min + (lr − min)·c</c>, equal up to rounding. The wave goes on past <c>T</c>, as there.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="numWarmupSteps">The warmup from 0; ≥ 0.</param>
    /// <param name="numTrainingSteps">The end of the decay.</param>
    /// <param name="numCycles">The number of cosine periods over the decay; &gt; 0. Defaults to 0.5.</param>
    /// <param name="minLr">The floor as a rate; or null.</param>
    /// <param name="minLrRate">The floor as a fraction of <paramref name="lr"/>; or null.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">Both or neither of <paramref name="minLr"/> and <paramref name="minLrRate"/> are given, or an argument is out of range.</exception>
    public static LearningRateSchedule GetCosineWithMinLrScheduleWithWarmup(double lr, long numWarmupSteps, long numTrainingSteps, double numCycles = 0.5, double? minLr = null, double? minLrRate = null)
    {
        double floor = Floor(lr, minLr, minLrRate);
        return Warmup(Schedule.CosineWave(lr, floor, DecaySteps(numWarmupSteps, numTrainingSteps), numCycles), numWarmupSteps).Ported()
            .Declared(nameof(GetCosineWithMinLrScheduleWithWarmup), lr, numWarmupSteps, numTrainingSteps, numCycles, minLr, minLrRate);
    }

    private static double Floor(double lr, double? minLr, double? minLrRate)
    {
        if (minLr.HasValue && minLrRate.HasValue)
        {
            throw Preconditions.OutOfRange(nameof(minLrRate), minLrRate, "null when minLr is given (Only one of min_lr or min_lr_rate should be set)");
        }

        if (minLr is double rate)
        {
            return Preconditions.NonNegative(rate, nameof(minLr));
        }

        if (minLrRate is double fraction)
        {
            return lr * Preconditions.NonNegative(fraction, nameof(minLrRate));
        }

        throw Preconditions.OutOfRange(nameof(minLr), null, "given, or minLrRate given (One of min_lr or min_lr_rate should be set through the `lr_scheduler_kwargs`)");
    }

    /// <summary>
    /// <c>get_cosine_with_min_lr_schedule_with_warmup_lr_rate(optimizer, num_warmup_steps, num_training_steps,
    /// num_cycles=0.5, min_lr=None, min_lr_rate=None, warmup_lr_rate=None)</c> (<c>"cosine_warmup_with_min_lr"</c>): the
    /// cosine with a floor, shifted one step ahead.
    /// </summary>
    /// <remarks>
    /// <para><expression>Schedule.FromFunction(t =&gt; lr * lambda(t))</expression> with Hugging Face's lambda verbatim:
    /// warmup <c>(t + 1) / max(1, W)</c> (or <c>r + (1 − r)·t / max(1, W − 1)</c> with <c>warmup_lr_rate</c>), then
    /// <c>max(0, c(1 − ρ) + ρ)</c> with <c>c = ½(1 + cos(2π·n·(t − W + 1) / max(1, T − W)))</c>.</para>
    /// <para>Origin: <c>_get_cosine_schedule_with_warmup_lr_rate_lambda</c> (commit 005edacb). Quirks reproduced: the warmup
    /// reaches the peak at <c>W − 1</c>, the first decay step is already below it, the floor comes at <c>T − 1</c>, and the
    /// wave goes on past the end. No core shape has the one-step shift, so the factor is computed as there.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="numWarmupSteps">The warmup; ≥ 0.</param>
    /// <param name="numTrainingSteps">The end of the decay.</param>
    /// <param name="numCycles">The number of cosine periods over the decay; finite. Defaults to 0.5.</param>
    /// <param name="minLr">The floor as a rate; or null.</param>
    /// <param name="minLrRate">The floor as a fraction of <paramref name="lr"/>; or null.</param>
    /// <param name="warmupLrRate">The warmup's starting fraction; in [0, 1], or null for <c>(t + 1)/W</c>.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">Both or neither of <paramref name="minLr"/> and <paramref name="minLrRate"/> are given, or an argument is out of range.</exception>
    public static LearningRateSchedule GetCosineWithMinLrScheduleWithWarmupLrRate(double lr, long numWarmupSteps, long numTrainingSteps, double numCycles = 0.5, double? minLr = null, double? minLrRate = null, double? warmupLrRate = null)
    {
        Preconditions.NonNegative(lr);
        Preconditions.NonNegative(numWarmupSteps);
        Preconditions.Finite(numCycles);
        double floor = Floor(lr, minLr, minLrRate);
        double rho = lr == 0.0 ? 0.0 : floor / lr;
        if (minLrRate is double given)
        {
            rho = given;
        }

        if (warmupLrRate is double r)
        {
            Preconditions.InClosedRange(r, 0.0, 1.0, nameof(warmupLrRate));
        }

        double w = numWarmupSteps;
        double total = numTrainingSteps;
        double cycles = numCycles;
        double? warmupRate = warmupLrRate;
        LearningRateSchedule expression = Schedule.FromFunction((long step) =>
        {
            double current = step;
            if (current < w)
            {
                return lr * (warmupRate is double rate
                    ? rate + ((1.0 - rate) * current / Math.Max(1, w - 1))
                    : (current + 1.0) / Math.Max(1.0, w));
            }

            double progress = (current - w + 1.0) / Math.Max(1.0, total - w);
            double factor = 0.5 * (1.0 + Math.Cos(Math.PI * cycles * 2.0 * progress));
            factor = (factor * (1 - rho)) + rho;
            return lr * Math.Max(0, factor);
        });
        return expression.Ported()
            .Declared(nameof(GetCosineWithMinLrScheduleWithWarmupLrRate), lr, numWarmupSteps, numTrainingSteps, numCycles, minLr, minLrRate, warmupLrRate);
    }

    /// <summary><c>get_cosine_with_hard_restarts_schedule_with_warmup(optimizer, num_warmup_steps, num_training_steps, num_cycles=1)</c>: warmup, then <c>num_cycles</c> half cosines, 0 from <c>T</c> on.</summary>
    /// <remarks>
    /// <para><expression>Schedule.CosineWarmRestarts(lr, 0, (T − W) / numCycles, cycleLimit: numCycles).WithLinearWarmup(W)</expression>
    /// when the cycles divide the decay steps; otherwise Hugging Face's lambda verbatim,
    /// <expression>Schedule.FromFunction(t =&gt; lr · max(0, ½(1 + cos(π · ((n · p) mod 1)))))</expression> with
    /// <c>p = (t − W) / max(1, T − W)</c>, 0 from <c>p ≥ 1</c>, after the warmup.</para>
    /// <para>Origin: <c>_get_cosine_with_hard_restarts_schedule_with_warmup_lr_lambda</c> (commit 005edacb). Hugging Face's
    /// cycle is the real number <c>(T − W) / num_cycles</c>; the core's is a whole number of steps, used when it is one.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="numWarmupSteps">The warmup from 0; ≥ 0.</param>
    /// <param name="numTrainingSteps">The end of the last cycle.</param>
    /// <param name="numCycles">The number of cycles; ≥ 1. Defaults to 1.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range.</exception>
    public static LearningRateSchedule GetCosineWithHardRestartsScheduleWithWarmup(double lr, long numWarmupSteps, long numTrainingSteps, long numCycles = 1)
    {
        long decay = DecaySteps(numWarmupSteps, numTrainingSteps);
        if (numCycles < 1 || numCycles > int.MaxValue)
        {
            throw Preconditions.OutOfRange(nameof(numCycles), numCycles, "in [1, int.MaxValue]");
        }

        LearningRateSchedule expression;
        if (decay % numCycles == 0)
        {
            expression = Warmup(Schedule.CosineWarmRestarts(lr, 0.0, decay / numCycles, cycleLimit: (int)numCycles), numWarmupSteps);
        }
        else
        {
            Preconditions.NonNegative(lr);
            Preconditions.NonNegative(numWarmupSteps);
            double warmup = numWarmupSteps, span = decay, cycles = numCycles;
            expression = Schedule.FromFunction((long step) =>
            {
                if (step < warmup)
                {
                    return lr * (step / Math.Max(1.0, warmup));
                }

                double progress = (step - warmup) / span;
                return progress >= 1.0 ? 0.0 : lr * Math.Max(0.0, 0.5 * (1.0 + Math.Cos(Math.PI * (cycles * progress % 1.0))));
            });
        }

        return expression.Ported()
            .Declared(nameof(GetCosineWithHardRestartsScheduleWithWarmup), lr, numWarmupSteps, numTrainingSteps, numCycles);
    }

    /// <summary><c>get_polynomial_decay_schedule_with_warmup(optimizer, num_warmup_steps, num_training_steps, lr_end=1e-7, power=1.0)</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Polynomial(lr, lrEnd, T − W, power).WithLinearWarmup(W)</expression></para>
    /// <para>Origin: <c>_get_polynomial_decay_schedule_with_warmup_lr_lambda</c> (commit 005edacb): <c>lr_end</c> must be
    /// below <c>lr</c> (its message). <c>T ≤ W</c>, where Hugging Face divides 0 by 0 or jumps to <c>lr_end</c>, is rejected.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (also <c>lr_init</c>); finite and &gt; <paramref name="lrEnd"/>.</param>
    /// <param name="numWarmupSteps">The warmup from 0; ≥ 0.</param>
    /// <param name="numTrainingSteps">The end of the decay; &gt; <paramref name="numWarmupSteps"/>.</param>
    /// <param name="lrEnd">The final rate; finite and ≥ 0. Defaults to 1e-7.</param>
    /// <param name="power">The exponent; finite and &gt; 0. Defaults to 1.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range.</exception>
    public static LearningRateSchedule GetPolynomialDecayScheduleWithWarmup(double lr, long numWarmupSteps, long numTrainingSteps, double lrEnd = 1e-7, double power = 1.0)
    {
        if (!(lr > lrEnd))
        {
            throw Preconditions.OutOfRange(nameof(lrEnd), lrEnd, $"< lr ({Port.Format(lr)}) (lr_end must be smaller than initial lr)");
        }

        if (numTrainingSteps <= numWarmupSteps)
        {
            throw Preconditions.OutOfRange(nameof(numTrainingSteps), numTrainingSteps, $"> numWarmupSteps ({numWarmupSteps})");
        }

        return Warmup(Schedule.Polynomial(lr, lrEnd, numTrainingSteps - numWarmupSteps, power), numWarmupSteps).Ported()
            .Declared(nameof(GetPolynomialDecayScheduleWithWarmup), lr, numWarmupSteps, numTrainingSteps, lrEnd, power);
    }

    /// <summary><c>get_inverse_sqrt_schedule(optimizer, num_warmup_steps, timescale=None)</c>: warmup, then <c>lr / √((t − W + τ) / τ)</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.InverseSquareRoot(lr, timescale ?? (W &gt; 0 ? W : 10000)).WithLinearWarmup(W)</expression></para>
    /// <para>Origin: <c>get_inverse_sqrt_schedule</c> (commit 005edacb): the default timescale is <c>num_warmup_steps or 10_000</c>.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="numWarmupSteps">The warmup from 0; ≥ 0.</param>
    /// <param name="timescale">The decay's timescale; &gt; 0, or null for the default.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range.</exception>
    public static LearningRateSchedule GetInverseSqrtSchedule(double lr, long numWarmupSteps, long? timescale = null)
    {
        long tau = timescale ?? (numWarmupSteps > 0 ? numWarmupSteps : 10_000);
        return Warmup(Schedule.InverseSquareRoot(lr, tau), numWarmupSteps).Ported()
            .Declared(nameof(GetInverseSqrtSchedule), lr, numWarmupSteps, timescale);
    }

    /// <summary>
    /// <c>get_wsd_schedule(optimizer, num_warmup_steps, num_decay_steps, num_training_steps=None, num_stable_steps=None,
    /// warmup_type="linear", decay_type="cosine", min_lr_ratio=0, num_cycles=0.5)</c>: warmup–stable–decay.
    /// </summary>
    /// <remarks>
    /// <para><expression>Schedule.WarmupStableDecay(lr, W, numStableSteps ?? T − W − D, D, decayType, minLrRatio, warmupType, numCycles)</expression></para>
    /// <para>Origin: <c>get_wsd_schedule</c> (commit 005edacb): its validation and messages; <c>num_stable_steps</c> wins when
    /// both are given. Quirks reproduced: the warmup starts at <c>min_lr_ratio · lr</c>; the floor holds after the decay.
    /// Divergences, rejected here: <c>num_decay_steps = 0</c>, a negative stable phase, a ratio outside [0, 1].</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="numWarmupSteps">The warmup; ≥ 0.</param>
    /// <param name="numDecaySteps">The decay; &gt; 0.</param>
    /// <param name="numTrainingSteps">The total, used when <paramref name="numStableSteps"/> is null.</param>
    /// <param name="numStableSteps">The stable phase; ≥ 0, or null.</param>
    /// <param name="warmupType">"linear", "cosine" or "1-sqrt". Defaults to "linear".</param>
    /// <param name="decayType">"linear", "cosine" or "1-sqrt". Defaults to "cosine".</param>
    /// <param name="minLrRatio">The floor as a fraction of <paramref name="lr"/>; in [0, 1]. Defaults to 0.</param>
    /// <param name="numCycles">The cosine periods over the decay; &gt; 0. Defaults to 0.5.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, or neither <paramref name="numTrainingSteps"/> nor <paramref name="numStableSteps"/> is given.</exception>
    public static LearningRateSchedule GetWsdSchedule(double lr, long numWarmupSteps, long numDecaySteps, long? numTrainingSteps = null, long? numStableSteps = null, string warmupType = "linear", string decayType = "cosine", double minLrRatio = 0.0, double numCycles = 0.5)
    {
        long stable = numStableSteps ?? (numTrainingSteps is long total
            ? total - numWarmupSteps - numDecaySteps
            : throw Preconditions.OutOfRange(nameof(numTrainingSteps), null, "given, or numStableSteps given (Either num_training_steps or num_stable_steps must be specified.)"));
        Curve warmup = Ramp(warmupType, nameof(warmupType));
        Curve decay = Ramp(decayType, nameof(decayType));
        return Schedule.WarmupStableDecay(lr, numWarmupSteps, stable, numDecaySteps, decay, minLrRatio, warmup, numCycles).Ported()
            .Declared(nameof(GetWsdSchedule), lr, numWarmupSteps, numDecaySteps, numTrainingSteps, numStableSteps, warmupType, decayType, minLrRatio, numCycles);
    }

    private static Curve Ramp(string name, string paramName) => Port.OneOf(name, paramName, "linear", "cosine", "1-sqrt") switch
    {
        "linear" => Curve.Linear,
        "cosine" => Curve.Cosine,
        _ => Curve.OneMinusSquareRoot,
    };

    /// <summary><c>get_reduce_on_plateau_schedule(optimizer, **kwargs)</c>: PyTorch's <c>ReduceLROnPlateau</c> with the same keyword arguments.</summary>
    /// <remarks>
    /// <para><expression>Torch.ReduceLROnPlateau(lr, mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps)</expression></para>
    /// <para>Origin: <c>get_reduce_on_plateau_schedule</c> (commit 005edacb), which forwards its kwargs to torch.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="mode">"min" or "max". Defaults to "min".</param>
    /// <param name="factor">The reduction factor; in (0, 1) (PyTorch also accepts 0, which would zero the rate at the first reduction). Defaults to 0.1.</param>
    /// <param name="patience">The bad reports tolerated; ≥ 0. Defaults to 10.</param>
    /// <param name="threshold">The significance threshold. Defaults to 1e-4.</param>
    /// <param name="thresholdMode">"rel" or "abs". Defaults to "rel".</param>
    /// <param name="cooldown">The reports ignored after a reduction; ≥ 0. Defaults to 0.</param>
    /// <param name="minLr">The floor. Defaults to 0.</param>
    /// <param name="eps">The smallest change applied. Defaults to 1e-8.</param>
    /// <returns>A new controller (one per training run).</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range.</exception>
    public static ReduceLearningRateOnPlateau GetReduceOnPlateauSchedule(double lr, string mode = "min", double factor = 0.1, long patience = 10, double threshold = 1e-4, string thresholdMode = "rel", long cooldown = 0, double minLr = 0.0, double eps = 1e-8) =>
        Torch.Plateau(lr, mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps)
            .Redeclared(nameof(GetReduceOnPlateauSchedule), lr, mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);

    /// <summary>
    /// <c>get_scheduler(name, optimizer, num_warmup_steps=None, num_training_steps=None, scheduler_specific_kwargs=None)</c>:
    /// the schedule a <c>SchedulerType</c> name stands for, with Hugging Face's argument flow.
    /// </summary>
    /// <remarks>
    /// <para><expression>the method the name table gives, called with lr, numWarmupSteps, numTrainingSteps and the kwargs as get_scheduler passes them</expression></para>
    /// <para>The name table (<see cref="SchedulerTypes"/>): linear → <see cref="GetLinearScheduleWithWarmup"/>, cosine →
    /// <see cref="GetCosineScheduleWithWarmup"/>, cosine_with_restarts → <see cref="GetCosineWithHardRestartsScheduleWithWarmup"/>,
    /// polynomial → <see cref="GetPolynomialDecayScheduleWithWarmup"/>, constant → <see cref="GetConstantSchedule"/>,
    /// constant_with_warmup → <see cref="GetConstantScheduleWithWarmup"/>, inverse_sqrt → <see cref="GetInverseSqrtSchedule"/>,
    /// cosine_with_min_lr → <see cref="GetCosineWithMinLrScheduleWithWarmup"/>, cosine_warmup_with_min_lr →
    /// <see cref="GetCosineWithMinLrScheduleWithWarmupLrRate"/>, warmup_stable_decay → <see cref="GetWsdSchedule"/>.</para>
    /// <para><paramref name="schedulerSpecificKwargs"/> is a dictionary keyed by the Python keyword names
    /// (<c>"num_cycles"</c>, <c>"min_lr_rate"</c>, <c>"num_decay_steps"</c>, ...), values numbers, strings or booleans
    /// (numeric strings are read as numbers, as <c>TrainingArguments</c> does); an unknown key is rejected with the
    /// function's accepted names (Hugging Face raises TypeError). Quirks reproduced: "constant" ignores the steps and the
    /// kwargs; "constant_with_warmup" and "inverse_sqrt" drop the kwargs; "warmup_stable_decay" does not require
    /// <c>num_training_steps</c>.</para>
    /// <para>"reduce_lr_on_plateau" gives the metric-driven controller (<see cref="PortedScheduler.Plateau"/>): Hugging Face
    /// calls <c>get_reduce_on_plateau_schedule(optimizer, **scheduler_specific_kwargs)</c>, ignoring the steps, so the kwargs
    /// are torch <c>ReduceLROnPlateau</c>'s (<c>mode</c>, <c>factor</c>, <c>patience</c>, <c>threshold</c>,
    /// <c>threshold_mode</c>, <c>cooldown</c>, <c>min_lr</c>, <c>eps</c>), as <see cref="GetReduceOnPlateauSchedule"/> takes
    /// them. Every other name gives a schedule (<see cref="PortedScheduler.Schedule"/>).</para>
    /// <para>Origin: <c>get_scheduler</c> and <c>TYPE_TO_SCHEDULER_FUNCTION</c> in <c>optimization.py</c> (commit 005edacb).</para>
    /// </remarks>
    /// <param name="name">The <c>SchedulerType</c> value.</param>
    /// <param name="lr">The optimizer's learning rate; finite and ≥ 0.</param>
    /// <param name="numWarmupSteps">The warmup; required by every name but constant.</param>
    /// <param name="numTrainingSteps">The total; required by every name but constant, constant_with_warmup, inverse_sqrt and warmup_stable_decay.</param>
    /// <param name="schedulerSpecificKwargs">The function's other keyword arguments by their Python names; or null.</param>
    /// <returns>The schedule, or for "reduce_lr_on_plateau" the controller (one per training run).</returns>
    /// <exception cref="ScheduleArgumentException">An unknown name or keyword, a missing argument, or an argument out of range.</exception>
    public static PortedScheduler GetScheduler(string name, double lr, long? numWarmupSteps = null, long? numTrainingSteps = null, IReadOnlyDictionary<string, object?>? schedulerSpecificKwargs = null)
    {
        Port.OneOf(name, nameof(name), [.. SchedulerTypes]);
        var kwargs = new Kwargs(schedulerSpecificKwargs, name);

        // Python binds the keywords before the function runs: an unknown one is a TypeError whatever else is wrong.
        kwargs.EnsureAllRead(name is "constant" or "constant_with_warmup" or "inverse_sqrt");
        var copy = schedulerSpecificKwargs is null ? null : new Dictionary<string, object?>(schedulerSpecificKwargs);
        if (name == "reduce_lr_on_plateau")
        {
            ReduceLearningRateOnPlateau plateau = Torch.Plateau(
                lr,
                kwargs.String("mode") ?? "min",
                kwargs.Double("factor") ?? 0.1,
                kwargs.Long("patience") ?? 10,
                kwargs.Double("threshold") ?? 1e-4,
                kwargs.String("threshold_mode") ?? "rel",
                kwargs.Long("cooldown") ?? 0,
                kwargs.Double("min_lr") ?? 0.0,
                kwargs.Double("eps") ?? 1e-8,
                names: PlateauNames.All(Kwargs.Name));
            return new PortedScheduler(plateau.Redeclared(nameof(GetScheduler), name, lr, numWarmupSteps, numTrainingSteps, copy))
                .Declared(nameof(GetScheduler), name, lr, numWarmupSteps, numTrainingSteps, copy);
        }

        LearningRateSchedule built;
        if (name == "constant")
        {
            built = GetConstantSchedule(lr);
        }
        else
        {
            long warmup = numWarmupSteps ?? throw Preconditions.OutOfRange(nameof(numWarmupSteps), null, $"given ({name} requires `num_warmup_steps`, please provide that argument.)");
            if (name == "constant_with_warmup")
            {
                built = GetConstantScheduleWithWarmup(lr, warmup);
            }
            else if (name == "inverse_sqrt")
            {
                built = GetInverseSqrtSchedule(lr, warmup);
            }
            else if (name == "warmup_stable_decay")
            {
                built = GetWsdSchedule(
                    lr,
                    warmup,
                    kwargs.Long("num_decay_steps") ?? throw Preconditions.OutOfRange(nameof(schedulerSpecificKwargs), null, "a num_decay_steps entry (get_wsd_schedule requires it)"),
                    numTrainingSteps,
                    kwargs.Long("num_stable_steps"),
                    kwargs.String("warmup_type") ?? "linear",
                    kwargs.String("decay_type") ?? "cosine",
                    kwargs.Double("min_lr_ratio") ?? 0.0,
                    kwargs.Double("num_cycles") ?? 0.5);
            }
            else
            {
                long total = numTrainingSteps ?? throw Preconditions.OutOfRange(nameof(numTrainingSteps), null, $"given ({name} requires `num_training_steps`, please provide that argument.)");
                built = name switch
                {
                    "linear" => GetLinearScheduleWithWarmup(lr, warmup, total),
                    "cosine" => GetCosineScheduleWithWarmup(lr, warmup, total, kwargs.Double("num_cycles") ?? 0.5),
                    "cosine_with_restarts" => GetCosineWithHardRestartsScheduleWithWarmup(lr, warmup, total, kwargs.Long("num_cycles") ?? 1),
                    "polynomial" => GetPolynomialDecayScheduleWithWarmup(lr, warmup, total, kwargs.Double("lr_end") ?? 1e-7, kwargs.Double("power") ?? 1.0),
                    "cosine_with_min_lr" => GetCosineWithMinLrScheduleWithWarmup(lr, warmup, total, kwargs.Double("num_cycles") ?? 0.5, kwargs.Double("min_lr"), kwargs.Double("min_lr_rate")),
                    _ => GetCosineWithMinLrScheduleWithWarmupLrRate(lr, warmup, total, kwargs.Double("num_cycles") ?? 0.5, kwargs.Double("min_lr"), kwargs.Double("min_lr_rate"), kwargs.Double("warmup_lr_rate")),
                };
            }
        }

        return new PortedScheduler(built.Ported().Declared(nameof(GetScheduler), name, lr, numWarmupSteps, numTrainingSteps, copy))
            .Declared(nameof(GetScheduler), name, lr, numWarmupSteps, numTrainingSteps, copy);
    }

    /// <summary>
    /// <c>TrainingArguments.get_warmup_steps(num_training_steps)</c>: <c>warmup_steps</c> when ≥ 1 (truncated), else
    /// <c>ceil(num_training_steps · warmup_steps)</c>; a <c>warmup_ratio</c>, when given, replaces <c>warmup_steps</c>.
    /// </summary>
    /// <remarks>
    /// <para><expression>warmupRatio ?? warmupSteps ≥ 1 ? (long)warmupSteps : (long)Math.Ceiling(numTrainingSteps * (warmupRatio ?? warmupSteps))</expression> (a step count, for the methods above)</para>
    /// <para>Origin: <c>training_args.py</c> (commit 00349ae8, transformers v5): <c>int(warmup_steps) if warmup_steps &gt;= 1
    /// else math.ceil(num_training_steps * warmup_steps)</c>, the deprecated <c>warmup_ratio</c> overriding. The ceiling is
    /// taken of the binary64 product, as Python does: <c>ceil(100 · 0.07) = 8</c>.</para>
    /// </remarks>
    /// <param name="numTrainingSteps">The Trainer's <c>max_steps</c>; ≥ 0.</param>
    /// <param name="warmupSteps">Steps (≥ 1, truncated) or a ratio in [0, 1). Defaults to 0.</param>
    /// <param name="warmupRatio">The deprecated ratio; in [0, 1], or null.</param>
    /// <returns>The warmup steps.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is negative, NaN or infinite.</exception>
    [NotConfigurable("returns a step count, not a schedule; transformers.Trainer.create_scheduler takes warmup_steps and warmup_ratio")]
    public static long GetWarmupSteps(long numTrainingSteps, double warmupSteps = 0.0, double? warmupRatio = null)
    {
        Preconditions.NonNegative(numTrainingSteps);
        double value = warmupRatio is double ratio ? Preconditions.InClosedRange(ratio, 0.0, 1.0, nameof(warmupRatio)) : Preconditions.NonNegative(warmupSteps);
        return value >= 1.0 ? (long)value : (long)Math.Ceiling(numTrainingSteps * value);
    }

    /// <summary>
    /// <c>Trainer.create_scheduler</c> from <c>TrainingArguments</c>: <c>get_scheduler(lr_scheduler_type, optimizer,
    /// num_warmup_steps=args.get_warmup_steps(max_steps), num_training_steps=max_steps,
    /// scheduler_specific_kwargs=lr_scheduler_kwargs)</c>, in one call.
    /// </summary>
    /// <remarks>
    /// <para><expression>GetScheduler(lrSchedulerType, lr, GetWarmupSteps(numTrainingSteps, warmupSteps, warmupRatio), numTrainingSteps, lrSchedulerKwargs)</expression></para>
    /// <para>Origin: <c>Trainer.create_scheduler</c> and <c>TrainingArguments</c> (<c>lr_scheduler_type="linear"</c>,
    /// <c>warmup_steps=0</c>, <c>warmup_ratio=None</c>, <c>lr_scheduler_kwargs</c>) of transformers v5.</para>
    /// </remarks>
    /// <param name="lr">The optimizer's learning rate (<c>learning_rate</c>); finite and ≥ 0.</param>
    /// <param name="numTrainingSteps">The Trainer's <c>max_steps</c>.</param>
    /// <param name="lrSchedulerType">The <c>SchedulerType</c> name. Defaults to "linear".</param>
    /// <param name="warmupSteps">Steps (≥ 1) or a ratio below 1. Defaults to 0.</param>
    /// <param name="warmupRatio">The deprecated ratio, overriding <paramref name="warmupSteps"/>; or null.</param>
    /// <param name="lrSchedulerKwargs">The scheduler's keyword arguments by their Python names; or null.</param>
    /// <returns>The schedule, or for "reduce_lr_on_plateau" the controller (as <see cref="GetScheduler"/>).</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range, as in <see cref="GetScheduler"/>.</exception>
    [ConfigurationName("Trainer.create_scheduler")]
    public static PortedScheduler CreateScheduler(double lr, long numTrainingSteps, string lrSchedulerType = "linear", double warmupSteps = 0.0, double? warmupRatio = null, IReadOnlyDictionary<string, object?>? lrSchedulerKwargs = null)
    {
        long warmup = GetWarmupSteps(numTrainingSteps, warmupSteps, warmupRatio);
        var copy = lrSchedulerKwargs is null ? null : new Dictionary<string, object?>(lrSchedulerKwargs);
        PortedScheduler scheduler = GetScheduler(lrSchedulerType, lr, warmup, numTrainingSteps, lrSchedulerKwargs);
        object?[] call = [lr, numTrainingSteps, lrSchedulerType, warmupSteps, warmupRatio, copy];
        return (scheduler.IsMetricDriven
            ? new PortedScheduler(scheduler.Plateau.Redeclared(nameof(CreateScheduler), call))
            : new PortedScheduler(scheduler.Schedule.Ported().Declared(nameof(CreateScheduler), call))).Declared(nameof(CreateScheduler), call);
    }

    private static long DecaySteps(long warmup, long total) => Math.Max(1, total - warmup);

    private static LearningRateSchedule Warmup(LearningRateSchedule schedule, long warmup) =>
        schedule.WithLinearWarmup(warmup, 0.0, WarmupPlacement.Prefix);

    /// <summary>A <c>scheduler_specific_kwargs</c> dictionary read by Python keyword names.</summary>
    private sealed class Kwargs(IReadOnlyDictionary<string, object?>? values, string name)
    {
        private static readonly Dictionary<string, string[]> Accepted = new()
        {
            ["linear"] = [],
            ["cosine"] = ["num_cycles"],
            ["cosine_with_restarts"] = ["num_cycles"],
            ["polynomial"] = ["lr_end", "power"],
            ["cosine_with_min_lr"] = ["num_cycles", "min_lr", "min_lr_rate"],
            ["cosine_warmup_with_min_lr"] = ["num_cycles", "min_lr", "min_lr_rate", "warmup_lr_rate"],
            ["warmup_stable_decay"] = ["num_decay_steps", "num_stable_steps", "warmup_type", "decay_type", "min_lr_ratio", "num_cycles"],
            ["reduce_lr_on_plateau"] = ["mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min_lr", "eps"],
        };

        /// <summary>The parameter a bad keyword value is reported under.</summary>
        public const string Name = "schedulerSpecificKwargs";

        public double? Double(string key) => Get(key) switch
        {
            null => null,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
            IConvertible c and not string and not bool => c.ToDouble(CultureInfo.InvariantCulture),
            object other => throw Preconditions.OutOfRange("schedulerSpecificKwargs", other, $"a number for {key}"),
        };

        public long? Long(string key) => Double(key) is double d ? Port.Whole(d, "schedulerSpecificKwargs") : null;

        public string? String(string key) => Get(key) switch
        {
            null => null,
            string s => s,
            object other => throw Preconditions.OutOfRange("schedulerSpecificKwargs", other, $"a string for {key}"),
        };

        public void EnsureAllRead(bool dropped)
        {
            if (values is null || dropped)
            {
                return;
            }

            string[] accepted = Accepted[name];
            foreach (string key in values.Keys)
            {
                if (Array.IndexOf(accepted, key) < 0)
                {
                    throw Preconditions.OutOfRange("schedulerSpecificKwargs", key, $"a keyword of {name}: {(accepted.Length == 0 ? "none" : string.Join(", ", accepted))}");
                }
            }
        }

        private object? Get(string key) => values is not null && values.TryGetValue(key, out object? value) ? value : null;
    }
}
