using System.Globalization;

namespace LrSchedules.Porting;

/// <summary>
/// Megatron-LM's learning-rate, weight-decay and batch-size schedules, value for value:
/// <c>OptimizerParamScheduler</c> (<c>megatron/core/optimizer_param_scheduler.py</c>) with its constructor's parameters
/// C#-cased, the conversion <c>training.py</c> makes from iterations or samples, the legacy <c>rampup_batch_size</c> and
/// the step batch-size schedule string.
/// </summary>
/// <remarks>
/// <para>Origin: NVIDIA/Megatron-LM at commit d98e8a64ddf34856e74b24714e3bedb2f5a39553:
/// <c>megatron/core/optimizer_param_scheduler.py</c>, <c>megatron/training/training.py</c>
/// (<c>get_optimizer_param_scheduler</c>), <c>megatron/core/num_microbatches_calculator.py</c>; the legacy ramp-up at
/// 532ad926b4f2e50770841c120efcf70f686f74d9^.</para>
/// <para><b>Megatron counts samples.</b> <c>OptimizerParamScheduler.step(increment)</c> is called after each successful
/// update with the global batch size, so its <c>num_steps</c> is the number of samples consumed, in iteration-based
/// and sample-based training alike. The schedules returned here are functions of that counter; read them at the
/// samples consumed before an iteration, or use <see cref="MegatronSchedules.PerIteration(long)"/> for a constant
/// global batch.</para>
/// </remarks>
[ConfigurationFactories(Prefix = "megatron.core.optimizer_param_scheduler", Alias = "megatron")]
public static class Megatron
{
    private static readonly string[] DecayStyles = ["constant", "linear", "cosine", "inverse-square-root", "WSD"];
    private static readonly string[] WsdDecayStyles = ["exponential", "linear", "cosine", "minus_sqrt"];
    private static readonly string[] WdIncrStyles = ["constant", "linear", "cosine"];

    /// <summary>
    /// <c>OptimizerParamScheduler(optimizer, init_lr, max_lr, min_lr, lr_warmup_steps, lr_decay_steps, lr_decay_style,
    /// start_wd, end_wd, wd_incr_steps, wd_incr_style, use_checkpoint_opt_param_scheduler=True,
    /// override_opt_param_scheduler=False, wsd_decay_steps=None, lr_wsd_decay_style=None)</c>: the learning rate and the
    /// weight decay on Megatron's sample counter.
    /// </summary>
    /// <remarks>
    /// <para><expression>LearningRate: Schedule.FromFunction(n =&gt; get_lr(n)) (WSD with a whole warmup: Schedule.WarmupStableDecay(initLr, maxLr, minLr, lrWarmupSteps, lrDecaySteps, wsdDecaySteps, decayCurve)); WeightDecay: Schedule.WeightDecayIncrease(startWd, endWd, wdIncrSteps, linear → Curve.Linear | cosine → Curve.Cosine), or Schedule.Constant(endWd) for "constant"</expression></para>
    /// <para><c>get_lr</c>, verbatim: <c>init + (max − init)·n / W</c> while <c>W &gt; 0 and n ≤ W</c> (the warmup is
    /// inclusive); "constant": <c>max</c> for ever; <c>min</c> for <c>n &gt; D</c>; "inverse-square-root":
    /// <c>max(min, max·√max(W, 1) / √max(n, 1))</c>; otherwise <c>min + coeff·(max − min)</c> with <c>r = (n − W)/(D − W)</c>
    /// and coeff <c>1 − r</c> (linear), <c>½(cos πr + 1)</c> (cosine), or for "WSD" 1 up to <c>D − wsd_decay_steps</c> and
    /// then, with <c>q</c> the anneal's fraction, <c>2·0.5^q − 1</c> (exponential), <c>1 − q</c>, <c>½(cos πq + 1)</c> or
    /// <c>1 − √q</c> (minus_sqrt). <c>get_wd</c>: <c>end_wd</c> for <c>n &gt; wd_incr_steps</c> or "constant", else
    /// <c>start + coeff·(end − start)</c> with coeff <c>n / wd_incr_steps</c> (linear) or <c>½(cos(π(1 − r)) + 1)</c> (cosine):
    /// the weight decay <i>rises</i>.</para>
    /// <para>Quirks reproduced: "constant" ignores the decay steps; <b>inverse-square-root falls abruptly to
    /// <c>min_lr</c> after <c>lr_decay_steps</c></b>; a real <paramref name="lrWarmupSteps"/> (from
    /// <c>--lr-warmup-fraction</c>, not rounded) is used as it is. Megatron's asserts are kept (<c>min_lr ≥ 0</c>,
    /// <c>max_lr ≥ min_lr</c>, <c>init_lr ≤ max_lr</c>, <c>lr_decay_steps &gt; 0</c>, <c>lr_warmup_steps &lt; lr_decay_steps</c>,
    /// <c>wsd_decay_steps</c> for WSD, <c>0 ≤ start_wd ≤ end_wd</c>, equal for "constant", not both checkpoint flags).
    /// Divergences: an unknown style, which Megatron reports only when it is reached, is rejected here, as is a missing
    /// <c>lr_wsd_decay_style</c> for WSD, a negative <c>init_lr</c> and a non-positive <c>wd_incr_steps</c> for a rising
    /// weight decay (a division by zero in Megatron). The per-group overrides (<c>max_lr</c>, <c>wd_mult</c>, ...) are out
    /// of scope: one parameter group.</para>
    /// <para>Origin: <c>megatron/core/optimizer_param_scheduler.py</c> <c>get_lr</c>, <c>get_wd</c>, <c>__init__</c> (commit d98e8a64).</para>
    /// </remarks>
    /// <param name="initLr">The rate at sample 0, where the warmup starts (<c>--lr-warmup-init</c>); finite, ≥ 0 and ≤ <paramref name="maxLr"/>.</param>
    /// <param name="maxLr">The peak (<c>--lr</c>); finite and ≥ <paramref name="minLr"/>.</param>
    /// <param name="minLr">The floor (<c>--min-lr</c>); finite and ≥ 0.</param>
    /// <param name="lrWarmupSteps">The warmup in samples, possibly fractional; finite, ≥ 0 and &lt; <paramref name="lrDecaySteps"/>.</param>
    /// <param name="lrDecaySteps">The samples to the end of the decay, warmup included; &gt; 0.</param>
    /// <param name="lrDecayStyle">"constant", "linear", "cosine", "inverse-square-root" or "WSD".</param>
    /// <param name="startWd">The weight decay at sample 0; finite and ≥ 0.</param>
    /// <param name="endWd">The weight decay from <paramref name="wdIncrSteps"/> on; finite and ≥ <paramref name="startWd"/>.</param>
    /// <param name="wdIncrSteps">The samples over which the weight decay rises; &gt; 0 unless the style is "constant".</param>
    /// <param name="wdIncrStyle">"constant", "linear" or "cosine".</param>
    /// <param name="useCheckpointOptParamScheduler">Checkpoint behaviour only (no effect on the values). Defaults to true.</param>
    /// <param name="overrideOptParamScheduler">Checkpoint behaviour only; not together with <paramref name="useCheckpointOptParamScheduler"/>. Defaults to false.</param>
    /// <param name="wsdDecaySteps">The anneal's samples at the end of the decay; ≥ 1, required for "WSD".</param>
    /// <param name="lrWsdDecayStyle">"exponential", "linear", "cosine" or "minus_sqrt"; required for "WSD".</param>
    /// <returns>The learning rate and the weight decay on the sample counter.</returns>
    /// <exception cref="ScheduleArgumentException">An argument breaks one of Megatron's asserts or is an unknown style.</exception>
    public static MegatronSchedules OptimizerParamScheduler(
        double initLr,
        double maxLr,
        double minLr,
        double lrWarmupSteps,
        long lrDecaySteps,
        string lrDecayStyle,
        double startWd,
        double endWd,
        long wdIncrSteps,
        string wdIncrStyle,
        bool useCheckpointOptParamScheduler = true,
        bool overrideOptParamScheduler = false,
        long? wsdDecaySteps = null,
        string? lrWsdDecayStyle = null)
    {
        Preconditions.NonNegative(minLr);
        AtLeast(maxLr, minLr, nameof(maxLr), nameof(minLr));
        Preconditions.NonNegative(initLr);
        if (initLr > maxLr)
        {
            throw Preconditions.OutOfRange(nameof(initLr), initLr, $"<= maxLr ({Port.Format(maxLr)})");
        }

        Preconditions.Positive(lrDecaySteps);
        Preconditions.NonNegative(lrWarmupSteps);
        if (!(lrWarmupSteps < lrDecaySteps))
        {
            throw Preconditions.OutOfRange(nameof(lrWarmupSteps), lrWarmupSteps, $"< lrDecaySteps ({lrDecaySteps})");
        }

        Port.OneOf(lrDecayStyle, nameof(lrDecayStyle), DecayStyles);
        if (lrDecayStyle == "WSD")
        {
            if (wsdDecaySteps is not long wsd || wsd < 1)
            {
                throw Preconditions.OutOfRange(nameof(wsdDecaySteps), wsdDecaySteps, "a step count >= 1 for the WSD decay style");
            }

            if (lrWsdDecayStyle is null)
            {
                throw Preconditions.OutOfRange(nameof(lrWsdDecayStyle), null, "one of " + string.Join(", ", WsdDecayStyles) + " for the WSD decay style");
            }

            Port.OneOf(lrWsdDecayStyle, nameof(lrWsdDecayStyle), WsdDecayStyles);
        }

        Preconditions.NonNegative(startWd);
        AtLeast(endWd, startWd, nameof(endWd), nameof(startWd));
        Port.OneOf(wdIncrStyle, nameof(wdIncrStyle), WdIncrStyles);
        if (wdIncrStyle == "constant" && startWd != endWd)
        {
            throw Preconditions.OutOfRange(nameof(endWd), endWd, $"== startWd ({Port.Format(startWd)}) for the constant style");
        }

        if (wdIncrStyle != "constant")
        {
            Preconditions.Positive(wdIncrSteps);
        }

        if (useCheckpointOptParamScheduler && overrideOptParamScheduler)
        {
            throw Preconditions.OutOfRange(nameof(overrideOptParamScheduler), true, "false when useCheckpointOptParamScheduler is true (both override and use-checkpoint are set)");
        }

        LearningRateSchedule lr = LearningRate(initLr, maxLr, minLr, lrWarmupSteps, lrDecaySteps, lrDecayStyle, wsdDecaySteps ?? 0, lrWsdDecayStyle);
        LearningRateSchedule wd = wdIncrStyle == "constant"
            ? Schedule.Constant(endWd)
            : Schedule.WeightDecayIncrease(startWd, endWd, wdIncrSteps, wdIncrStyle == "linear" ? Curve.Linear : Curve.Cosine);
        var schedules = new MegatronSchedules(lr.Ported(), wd.Ported());
        return schedules.Declared(
            nameof(OptimizerParamScheduler), initLr, maxLr, minLr, lrWarmupSteps, lrDecaySteps, lrDecayStyle, startWd, endWd, wdIncrSteps, wdIncrStyle,
            useCheckpointOptParamScheduler, overrideOptParamScheduler, wsdDecaySteps, lrWsdDecayStyle);
    }

    private static void AtLeast(double value, double minimum, string name, string minimumName)
    {
        if (!(value >= minimum) || double.IsPositiveInfinity(value))
        {
            throw Preconditions.OutOfRange(name, value, $"finite and >= {minimumName} ({Port.Format(minimum)})");
        }
    }

    private static LearningRateSchedule LearningRate(double init, double max, double min, double warmup, long decay, string style, long wsd, string? wsdStyle)
    {
        if (style == "WSD" && warmup == Math.Floor(warmup) && wsd <= decay - (long)warmup)
        {
            Curve curve = wsdStyle switch
            {
                "exponential" => Curve.Exponential,
                "linear" => Curve.Linear,
                "cosine" => Curve.Cosine,
                _ => Curve.OneMinusSquareRoot,
            };
            return Schedule.WarmupStableDecay(init, max, min, (long)warmup, decay, wsd, curve);
        }

        return Schedule.FromFunction((long n) => LearningRateAt(n, init, max, min, warmup, decay, style, wsd, wsdStyle));
    }

    /// <summary><c>OptimizerParamScheduler.get_lr</c>, verbatim, at <c>num_steps = n</c>.</summary>
    internal static double LearningRateAt(double n, double init, double max, double min, double warmup, long decay, string style, long wsd, string? wsdStyle)
    {
        if (warmup > 0 && n <= warmup)
        {
            return init + ((max - init) * n / warmup);
        }

        if (style == "constant")
        {
            return max;
        }

        if (n > decay)
        {
            return min;
        }

        if (style == "inverse-square-root")
        {
            double warmupSteps = Math.Max(warmup, 1);
            double numSteps = Math.Max(n, 1);
            double lr = max * Math.Pow(warmupSteps, 0.5) / Math.Pow(numSteps, 0.5);
            return Math.Max(min, lr);
        }

        double ratio = (n - warmup) / (decay - warmup);
        double delta = max - min;
        double coeff;
        if (style == "linear")
        {
            coeff = 1.0 - ratio;
        }
        else if (style == "cosine")
        {
            coeff = 0.5 * (Math.Cos(Math.PI * ratio) + 1.0);
        }
        else
        {
            double annealStart = decay - wsd;
            if (n <= annealStart)
            {
                coeff = 1.0;
            }
            else
            {
                double q = (n - annealStart) / wsd;
                coeff = wsdStyle switch
                {
                    "linear" => 1.0 - q,
                    "cosine" => 0.5 * (Math.Cos(Math.PI * q) + 1.0),
                    "exponential" => (2.0 * Math.Pow(0.5, q)) - 1.0,
                    _ => 1.0 - Math.Sqrt(q),
                };
            }
        }

        return min + (coeff * delta);
    }

    /// <summary>
    /// <c>get_optimizer_param_scheduler(optimizer)</c> of <c>megatron/training/training.py</c>: the scheduler Megatron builds
    /// from its command-line arguments, every count converted to samples.
    /// </summary>
    /// <remarks>
    /// <para><expression>OptimizerParamScheduler(lrWarmupInit, lr, minLr, warmup, decay, lrDecayStyle, start, end, wdIncr, weightDecayIncrStyle, wsdDecaySteps: wsd, lrWsdDecayStyle: lrWsdDecayStyle)</expression></para>
    /// <para>Iteration-based (<c>train_iters</c>): <c>lr_decay_steps = (lr_decay_iters ?? train_iters) · global_batch_size</c>,
    /// <c>wd_incr_steps = train_iters · global_batch_size</c>, <c>wsd_decay_steps = lr_wsd_decay_iters · global_batch_size</c>,
    /// <c>lr_warmup_steps = lr_warmup_fraction · lr_decay_steps</c> (not rounded) or <c>lr_warmup_iters · global_batch_size</c>.
    /// Sample-based (<c>train_samples</c>): the <c>*_samples</c> arguments as they are. The weight decay: with
    /// "constant", <c>start = end = weight_decay</c>; else <c>start_weight_decay</c> and <c>end_weight_decay</c> are required.
    /// Megatron's exclusions (<c>train_iters</c> or <c>train_samples</c>, not both; iteration and sample arguments not
    /// mixed; fraction or count, not both) are kept. The schedules are on the sample counter; for iteration-based
    /// training with a constant batch, <see cref="MegatronSchedules.PerIteration(long)"/> reads them per iteration.</para>
    /// <para>Origin: <c>megatron/training/training.py</c> <c>get_optimizer_param_scheduler</c>,
    /// <c>megatron/training/arguments.py</c> and <c>training_config.py</c> defaults (commit d98e8a64).</para>
    /// </remarks>
    /// <param name="lr">The peak (<c>--lr</c>).</param>
    /// <param name="globalBatchSize">The global batch size (<c>--global-batch-size</c>); &gt; 0.</param>
    /// <param name="trainIters">Iteration-based training length; or null.</param>
    /// <param name="trainSamples">Sample-based training length; or null.</param>
    /// <param name="minLr">The floor (<c>--min-lr</c>). Defaults to 0.</param>
    /// <param name="lrDecayStyle">The decay style. Defaults to "linear".</param>
    /// <param name="lrDecayIters">The decay length in iterations; null for <paramref name="trainIters"/>.</param>
    /// <param name="lrDecaySamples">The decay length in samples; null for <paramref name="trainSamples"/>.</param>
    /// <param name="lrWarmupFraction">The warmup as a fraction of the decay length; or null.</param>
    /// <param name="lrWarmupIters">The warmup in iterations. Defaults to 0.</param>
    /// <param name="lrWarmupSamples">The warmup in samples. Defaults to 0.</param>
    /// <param name="lrWarmupInit">The rate at the start of the warmup. Defaults to 0.</param>
    /// <param name="lrWsdDecayStyle">The WSD anneal style. Defaults to "exponential".</param>
    /// <param name="lrWsdDecayIters">The WSD anneal in iterations; or null.</param>
    /// <param name="lrWsdDecaySamples">The WSD anneal in samples; or null.</param>
    /// <param name="weightDecay">The weight decay for the "constant" style (<c>--weight-decay</c>). Defaults to 0.01.</param>
    /// <param name="startWeightDecay">The starting weight decay of a rising style; or null.</param>
    /// <param name="endWeightDecay">The final weight decay of a rising style; or null.</param>
    /// <param name="weightDecayIncrStyle">"constant", "linear" or "cosine". Defaults to "constant".</param>
    /// <returns>The learning rate and the weight decay on the sample counter.</returns>
    /// <exception cref="ScheduleArgumentException">Megatron's argument checks fail, or an argument is out of range.</exception>
    [ConfigurationName("megatron.training.training.get_optimizer_param_scheduler", Qualified = true)]
    public static MegatronSchedules GetOptimizerParamScheduler(
        double lr,
        long globalBatchSize,
        long? trainIters = null,
        long? trainSamples = null,
        double minLr = 0.0,
        string lrDecayStyle = "linear",
        long? lrDecayIters = null,
        long? lrDecaySamples = null,
        double? lrWarmupFraction = null,
        long lrWarmupIters = 0,
        long lrWarmupSamples = 0,
        double lrWarmupInit = 0.0,
        string lrWsdDecayStyle = "exponential",
        long? lrWsdDecayIters = null,
        long? lrWsdDecaySamples = null,
        double weightDecay = 0.01,
        double? startWeightDecay = null,
        double? endWeightDecay = null,
        string weightDecayIncrStyle = "constant")
    {
        Preconditions.Positive(globalBatchSize);
        long decay, wdIncr;
        long? wsd;
        double warmup;
        if (trainIters is long iters)
        {
            Port.OnlyDefault(trainSamples is null, nameof(trainSamples), trainSamples, "null with trainIters");
            Port.OnlyDefault(lrDecaySamples is null, nameof(lrDecaySamples), lrDecaySamples, "null with trainIters");
            Port.OnlyDefault(lrWarmupSamples == 0, nameof(lrWarmupSamples), lrWarmupSamples, "0 with trainIters");
            Port.OnlyDefault(lrWarmupFraction is null || lrWarmupIters == 0, nameof(lrWarmupIters), lrWarmupIters, "0 when lrWarmupFraction is given");
            // Found by the configuration fuzzer: an iteration count times global_batch_size past a long threw OverflowException.
            const string InSamples = "samples: times globalBatchSize";
            wdIncr = Port.Times(iters, globalBatchSize, nameof(trainIters), InSamples);
            decay = lrDecayIters is long di ? Port.Times(di, globalBatchSize, nameof(lrDecayIters), InSamples) : wdIncr;
            wsd = lrWsdDecayIters is long w ? Port.Times(w, globalBatchSize, nameof(lrWsdDecayIters), InSamples) : null;
            warmup = lrWarmupFraction is double f ? f * decay : Port.Times(lrWarmupIters, globalBatchSize, nameof(lrWarmupIters), InSamples);
        }
        else if (trainSamples is long samples)
        {
            Port.OnlyDefault(lrDecayIters is null, nameof(lrDecayIters), lrDecayIters, "null with trainSamples");
            Port.OnlyDefault(lrWarmupIters == 0, nameof(lrWarmupIters), lrWarmupIters, "0 with trainSamples");
            Port.OnlyDefault(lrWarmupFraction is null || lrWarmupSamples == 0, nameof(lrWarmupSamples), lrWarmupSamples, "0 when lrWarmupFraction is given");
            decay = lrDecaySamples ?? samples;
            wdIncr = samples;
            wsd = lrWsdDecaySamples;
            warmup = lrWarmupFraction is double f ? f * decay : lrWarmupSamples;
        }
        else
        {
            throw Preconditions.OutOfRange(nameof(trainIters), null, "given, or trainSamples given (either train-iters or train-samples should be provided.)");
        }

        double start, end;
        if (Port.OneOf(weightDecayIncrStyle, nameof(weightDecayIncrStyle), WdIncrStyles) == "constant")
        {
            Port.OnlyDefault(startWeightDecay is null, nameof(startWeightDecay), startWeightDecay, "null for the constant style");
            Port.OnlyDefault(endWeightDecay is null, nameof(endWeightDecay), endWeightDecay, "null for the constant style");
            start = end = weightDecay;
        }
        else
        {
            start = startWeightDecay ?? throw Preconditions.OutOfRange(nameof(startWeightDecay), null, "given for a rising weight decay");
            end = endWeightDecay ?? throw Preconditions.OutOfRange(nameof(endWeightDecay), null, "given for a rising weight decay");
        }

        MegatronSchedules built = OptimizerParamScheduler(lrWarmupInit, lr, minLr, warmup, decay, lrDecayStyle, start, end, wdIncr, weightDecayIncrStyle, wsdDecaySteps: wsd, lrWsdDecayStyle: lrWsdDecayStyle);
        return new MegatronSchedules(built.LearningRate.Ported(), built.WeightDecay.Ported()).Declared(
            nameof(GetOptimizerParamScheduler), lr, globalBatchSize, trainIters, trainSamples, minLr, lrDecayStyle, lrDecayIters, lrDecaySamples, lrWarmupFraction,
            lrWarmupIters, lrWarmupSamples, lrWarmupInit, lrWsdDecayStyle, lrWsdDecayIters, lrWsdDecaySamples, weightDecay, startWeightDecay, endWeightDecay, weightDecayIncrStyle);
    }

    /// <summary>
    /// The legacy <c>--rampup-batch-size &lt;start&gt; &lt;increment&gt; &lt;samples&gt;</c>: the global batch grows from
    /// <paramref name="startGlobalBatchSize"/> by <paramref name="batchSizeIncrement"/> in equal shares of
    /// <paramref name="rampupSamples"/> samples consumed, to <paramref name="globalBatchSize"/>.
    /// </summary>
    /// <remarks>
    /// <para><expression>BatchSchedule.LinearRamp(startGlobalBatchSize, batchSizeIncrement, rampupSamples, globalBatchSize)</expression></para>
    /// <para>Origin: <c>RampupBatchsizeNumMicroBatchesCalculator</c> in <c>megatron/core/num_microbatches_calculator.py</c>
    /// at 532ad926b4f2e50770841c120efcf70f686f74d9^ (deprecated and ignored at d98e8a64). Megatron's asserts are kept
    /// (positive sizes, the difference a multiple of the increment); its divisions by zero (equal sizes, 0 ramp samples)
    /// are rejected. Divergence: Megatron finds the increment as <c>int(consumed / (samples / n))</c> in floating point; the
    /// core counts in exact integers, which differs only where the float quotient rounds below a whole number.</para>
    /// </remarks>
    /// <param name="startGlobalBatchSize">The batch at 0 samples; &gt; 0.</param>
    /// <param name="batchSizeIncrement">The increment; &gt; 0 and a divisor of the difference.</param>
    /// <param name="rampupSamples">The samples of the ramp (<c>ramup_samples</c>); &gt; 0.</param>
    /// <param name="globalBatchSize">The final batch (<c>--global-batch-size</c>); &gt; <paramref name="startGlobalBatchSize"/>.</param>
    /// <returns>The batch-size schedule on samples consumed.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range.</exception>
    [ConfigurationName("megatron.training.arguments.rampup_batch_size", Qualified = true)]
    public static BatchSizeSchedule RampupBatchSize(long startGlobalBatchSize, long batchSizeIncrement, long rampupSamples, long globalBatchSize) =>
        BatchSchedule.LinearRamp(startGlobalBatchSize, batchSizeIncrement, rampupSamples, globalBatchSize)
            .Redeclared(nameof(RampupBatchSize), startGlobalBatchSize, batchSizeIncrement, rampupSamples, globalBatchSize);

    /// <summary>
    /// <c>--step-batch-size-schedule "THRESHOLD:BS THRESHOLD:BS ..."</c>: the global batch from each threshold on, the
    /// thresholds in tokens when <paramref name="seqLength"/> is given, else in samples, with K/M/B/T suffixes.
    /// </summary>
    /// <remarks>
    /// <para><expression>BatchSchedule.Piecewise(first batch, [(threshold, batch), …], TrainingClock.Samples)</expression></para>
    /// <para>Megatron's parser, reproduced: entries separated by whitespace or commas, each <c>THRESHOLD:BATCH</c> split at
    /// the first colon; suffixes <c>K</c> (1e3), <c>M</c> (1e6), <c>B</c> (1e9, billion), <c>T</c> (1e12), any case, on
    /// both numbers; each number is <c>int(float(text) · multiplier)</c>, truncated through binary64
    /// (<c>"1.005K"</c> → 1004); token thresholds become samples by floor division by the sequence length; entries are
    /// sorted by threshold; then the first threshold must be 0, the thresholds strictly increasing and the batch sizes
    /// positive. The batch for <c>consumed ≥ threshold</c> applies. Addition: every rejection names the entry's position
    /// (<see cref="ScheduleArgumentException.Index"/>, and the character offset in the requirement).</para>
    /// <para>Origin: <c>StepBatchsizeNumMicroBatchesCalculator._parse_schedule</c>, <c>_parse_numeric_value</c> and
    /// <c>_validate_schedule</c> in <c>megatron/core/num_microbatches_calculator.py</c> (commit d98e8a64).</para>
    /// </remarks>
    /// <param name="stepBatchSizeSchedule">The schedule string, e.g. <c>"0:768 250B:1536 500B:3072"</c>.</param>
    /// <param name="seqLength">The sequence length when thresholds are tokens; &gt; 0, or null for samples.</param>
    /// <returns>The batch-size schedule on samples consumed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stepBatchSizeSchedule"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">The string is malformed; the index is the entry's position.</exception>
    [ConfigurationName("megatron.training.arguments.step_batch_size_schedule", Qualified = true)]
    public static BatchSizeSchedule StepBatchSizeSchedule(string stepBatchSizeSchedule, long? seqLength = null)
    {
        Preconditions.NotNull(stepBatchSizeSchedule);
        if (seqLength is long length)
        {
            Preconditions.Positive(length, nameof(seqLength));
        }

        var entries = new List<(long Threshold, long BatchSize, int Index, int Offset)>();
        string text = stepBatchSizeSchedule.Replace(',', ' ');
        int index = 0;
        for (int i = 0; i < text.Length;)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            int startOffset = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            string entry = text[startOffset..i];
            int colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw Malformed(entry, index, startOffset, "an entry THRESHOLD:BATCH_SIZE");
            }

            long threshold = Numeric(entry[..colon], index, startOffset);
            long batch = Numeric(entry[(colon + 1)..], index, startOffset + colon + 1);
            if (seqLength is long tokensPerSample)
            {
                threshold = FloorDiv(threshold, tokensPerSample);
            }

            entries.Add((threshold, batch, index, startOffset));
            index++;
        }

        if (entries.Count == 0)
        {
            throw Preconditions.OutOfRange(nameof(stepBatchSizeSchedule), stepBatchSizeSchedule, "at least one entry THRESHOLD:BATCH_SIZE (schedule must have at least one entry)");
        }

        var sorted = entries.OrderBy(e => e.Threshold).ToList();
        if (sorted[0].Threshold != 0)
        {
            throw Malformed(stepBatchSizeSchedule, sorted[0].Index, sorted[0].Offset, $"a first threshold of 0 (got {sorted[0].Threshold})");
        }

        for (int k = 0; k < sorted.Count; k++)
        {
            if (k > 0 && sorted[k].Threshold <= sorted[k - 1].Threshold)
            {
                throw Malformed(stepBatchSizeSchedule, sorted[k].Index, sorted[k].Offset, $"strictly increasing thresholds (got {sorted[k - 1].Threshold} before {sorted[k].Threshold})");
            }

            if (sorted[k].BatchSize <= 0)
            {
                throw Malformed(stepBatchSizeSchedule, sorted[k].Index, sorted[k].Offset, $"a positive batch size (got {sorted[k].BatchSize})");
            }
        }

        BatchSizeChange[] changes = sorted.Skip(1).Select(e => new BatchSizeChange(e.Threshold, e.BatchSize)).ToArray();
        return BatchSchedule.Piecewise(sorted[0].BatchSize, changes, TrainingClock.Samples)
            .Redeclared(nameof(StepBatchSizeSchedule), stepBatchSizeSchedule, seqLength);
    }

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

    /// <summary><c>_parse_numeric_value</c>: an optional K/M/B/T suffix, then <c>int(float(text) * multiplier)</c>.</summary>
    private static long Numeric(string raw, int index, int offset)
    {
        string value = raw.Trim().ToUpperInvariant();
        double multiplier = 1;
        if (value.EndsWith('T'))
        {
            multiplier = 1e12;
        }
        else if (value.EndsWith('B'))
        {
            multiplier = 1e9;
        }
        else if (value.EndsWith('M'))
        {
            multiplier = 1e6;
        }
        else if (value.EndsWith('K'))
        {
            multiplier = 1e3;
        }

        if (multiplier != 1)
        {
            value = value[..^1];
        }

        if (!double.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            || !double.IsFinite(number * multiplier)
            || Math.Abs(number * multiplier) >= 9.2e18)
        {
            throw Malformed(raw, index, offset, "a finite number with an optional K, M, B or T suffix");
        }

        return (long)Math.Truncate(number * multiplier);
    }

    private static ScheduleArgumentException Malformed(string value, int index, int offset, string requirement) =>
        Preconditions.OutOfRange("stepBatchSizeSchedule", value, $"{requirement}, at entry {index} (character {offset})", index);
}

/// <summary>
/// The two series of Megatron-LM's <c>OptimizerParamScheduler</c>: the learning rate and the weight decay, both pure
/// functions of Megatron's counter (samples consumed).
/// </summary>
/// <remarks>Public because <see cref="Megatron.OptimizerParamScheduler"/> returns both series together. Immutable and thread-safe.
/// The weight decay is a schedule of a value that is not a learning rate; it is a <see cref="LearningRateSchedule"/>
/// only because that is the library's type of a pure function of the step.</remarks>
public sealed class MegatronSchedules
{
    internal MegatronSchedules(LearningRateSchedule learningRate, LearningRateSchedule weightDecay)
    {
        LearningRate = learningRate;
        WeightDecay = weightDecay;
    }

    /// <summary>Gets the learning rate at each value of Megatron's counter (<c>get_lr</c>).</summary>
    public LearningRateSchedule LearningRate { get; }

    /// <summary>Gets the weight decay at each value of Megatron's counter (<c>get_wd</c>).</summary>
    public LearningRateSchedule WeightDecay { get; }

    /// <summary>Reads both series per iteration for a constant global batch: iteration <c>k</c> gets the values at <c>k · globalBatchSize</c> samples.</summary>
    /// <param name="globalBatchSize">The constant global batch size; &gt; 0.</param>
    /// <returns>The series on the iteration clock.</returns>
    /// <exception cref="ScheduleArgumentException"><paramref name="globalBatchSize"/> is not positive.</exception>
    public MegatronSchedules PerIteration(long globalBatchSize)
    {
        Preconditions.Positive(globalBatchSize);
        return new MegatronSchedules(
            new ClockScaledSchedule(LearningRate, globalBatchSize),
            new ClockScaledSchedule(WeightDecay, globalBatchSize))
            .Declared(nameof(PerIteration), this, globalBatchSize);
    }
}
