namespace LrSchedules.Porting;

/// <summary>
/// Keras' <c>keras.optimizers.schedules</c>, value for value: each class with its constructor parameters C#-cased
/// (<c>initial_learning_rate</c> → <c>initialLearningRate</c>) and its defaults. Keras schedules carry every value
/// themselves; the first optimizer update uses <c>schedule(0)</c>, as here.
/// </summary>
/// <remarks>
/// <para>Origin: <c>keras/src/optimizers/schedules/learning_rate_schedule.py</c> of keras-team/keras at commit
/// 3422977a5e38fb2f7709aaa9a08e47f0c43d0f60 (Keras 3.16). Keras computes in the dtype of
/// <c>initial_learning_rate</c>, float32 by default; these ports compute in binary64, equal to Keras with
/// <c>keras.config.set_floatx("float64")</c> and within about 1e-7 relative of float32 Keras. <c>name</c> only names a
/// scope; it is accepted so that a <c>get_config()</c> dictionary ports as it is.</para>
/// </remarks>
[ConfigurationFactories(Prefix = "keras.optimizers.schedules", Alias = "keras")]
public static class Keras
{
    /// <summary><c>ExponentialDecay(initial_learning_rate, decay_steps, decay_rate, staircase=False, name="ExponentialDecay")</c>: <c>init · rate^(t / decay_steps)</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Exponential(initialLearningRate, decayRate, decaySteps, staircase: staircase)</expression></para>
    /// <para>Origin: <c>ExponentialDecay</c> (commit 3422977a). Divergence: Keras accepts a growth (<c>decay_rate &gt; 1</c>),
    /// unbounded, and a negative rate (NaN); both are rejected.</para>
    /// </remarks>
    /// <param name="initialLearningRate">The rate at step 0; finite and ≥ 0.</param>
    /// <param name="decaySteps">The steps per factor of <paramref name="decayRate"/>; &gt; 0.</param>
    /// <param name="decayRate">The factor per <paramref name="decaySteps"/>; in (0, 1].</param>
    /// <param name="staircase">Whether the exponent is floored. Defaults to false.</param>
    /// <param name="name">Keras' name scope (no effect). Defaults to "ExponentialDecay".</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range.</exception>
    public static LearningRateSchedule ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate, bool staircase = false, string name = "ExponentialDecay") =>
        Schedule.Exponential(initialLearningRate, decayRate, decaySteps, staircase: staircase).Ported()
            .Declared(nameof(ExponentialDecay), initialLearningRate, decaySteps, decayRate, staircase, name);

    /// <summary><c>PiecewiseConstantDecay(boundaries, values, name="PiecewiseConstant")</c>: <c>values[i]</c> while <c>t ≤ boundaries[i]</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.PiecewiseConstant(values, boundaries + 1)</expression></para>
    /// <para>Origin: <c>PiecewiseConstantDecay</c> (commit 3422977a): a boundary belongs to the interval before it, so each
    /// switch happens one step after its boundary (reproduced). Keras sums indicators and does not check the order;
    /// unsorted or negative boundaries are rejected here.</para>
    /// </remarks>
    /// <param name="boundaries">The last step of each value but the last; ≥ 0 and strictly increasing.</param>
    /// <param name="values">The rates, one more than <paramref name="boundaries"/>; each finite and ≥ 0.</param>
    /// <param name="name">Keras' name scope (no effect). Defaults to "PiecewiseConstant".</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ScheduleArgumentException">The lengths do not match, a boundary is negative or out of order, or a value is out of range.</exception>
    public static LearningRateSchedule PiecewiseConstantDecay(IEnumerable<long> boundaries, IEnumerable<double> values, string name = "PiecewiseConstant")
    {
        long[] bounds = Preconditions.NotNull(boundaries).ToArray();
        double[] rates = Preconditions.NotNull(values).ToArray();
        if (bounds.Length != rates.Length - 1)
        {
            throw Preconditions.OutOfRange(nameof(boundaries), bounds.Length, $"of length len(values) - 1 = {rates.Length - 1} (The length of boundaries should be 1 less than the length of values)");
        }

        for (int i = 0; i < bounds.Length; i++)
        {
            if (bounds[i] < 0 || bounds[i] == long.MaxValue)
            {
                throw Preconditions.OutOfRange(nameof(boundaries), bounds[i], "a step in [0, long.MaxValue)", i);
            }
        }

        return Schedule.PiecewiseConstant(rates, bounds.Select(b => b + 1).ToArray()).Ported()
            .Declared(nameof(PiecewiseConstantDecay), bounds, rates, name);
    }

    /// <summary><c>PolynomialDecay(initial_learning_rate, decay_steps, end_learning_rate=0.0001, power=1.0, cycle=False, name="PolynomialDecay")</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Polynomial(initialLearningRate, endLearningRate, decaySteps, power)</expression>; with
    /// <c>cycle</c>, Keras' formula verbatim: <expression>Schedule.FromFunction(t =&gt; (init − end)·(1 − t / (d·m))^power + end)</expression>,
    /// <c>m = t == 0 ? 1 : ⌈t / d⌉</c>.</para>
    /// <para>Origin: <c>PolynomialDecay</c> (commit 3422977a). Quirk reproduced with <c>cycle=True</c>: the horizon grows to
    /// the next multiple of <c>decay_steps</c>, so the rate reaches <c>end</c> at each multiple and then restarts lower
    /// each time, near <c>(init − end)/(k + 1)^power + end</c>, not at <c>init</c>.</para>
    /// </remarks>
    /// <param name="initialLearningRate">The rate at step 0; finite and ≥ 0.</param>
    /// <param name="decaySteps">The length of the decay; &gt; 0.</param>
    /// <param name="endLearningRate">The final rate; finite and ≥ 0. Defaults to 1e-4.</param>
    /// <param name="power">The exponent; finite and &gt; 0. Defaults to 1.</param>
    /// <param name="cycle">Whether the decay restarts with a longer horizon. Defaults to false.</param>
    /// <param name="name">Keras' name scope (no effect). Defaults to "PolynomialDecay".</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range.</exception>
    public static LearningRateSchedule PolynomialDecay(double initialLearningRate, long decaySteps, double endLearningRate = 0.0001, double power = 1.0, bool cycle = false, string name = "PolynomialDecay")
    {
        LearningRateSchedule expression;
        if (!cycle)
        {
            expression = Schedule.Polynomial(initialLearningRate, endLearningRate, decaySteps, power);
        }
        else
        {
            Preconditions.NonNegative(initialLearningRate);
            Preconditions.NonNegative(endLearningRate);
            Preconditions.Positive(decaySteps);
            Preconditions.Positive(power);
            double d = decaySteps;
            expression = Schedule.FromFunction((long step) =>
            {
                double multiplier = step == 0 ? 1.0 : Math.Ceiling(step / d);
                double p = step / (d * multiplier);
                return ((initialLearningRate - endLearningRate) * Math.Pow(1 - p, power)) + endLearningRate;
            });
        }

        return expression.Ported()
            .Declared(nameof(PolynomialDecay), initialLearningRate, decaySteps, endLearningRate, power, cycle, name);
    }

    /// <summary><c>InverseTimeDecay(initial_learning_rate, decay_steps, decay_rate, staircase=False, name="InverseTimeDecay")</c>: <c>init / (1 + rate · t / decay_steps)</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.InverseTime(initialLearningRate, decaySteps, decayRate, staircase)</expression></para>
    /// <para>Origin: <c>InverseTimeDecay</c> (commit 3422977a). A negative rate, which can divide by zero in Keras, is rejected.</para>
    /// </remarks>
    /// <param name="initialLearningRate">The rate at step 0; finite and ≥ 0.</param>
    /// <param name="decaySteps">The step unit of the decay; &gt; 0.</param>
    /// <param name="decayRate">The additive rate of the denominator; finite and ≥ 0.</param>
    /// <param name="staircase">Whether <c>t / decay_steps</c> is floored. Defaults to false.</param>
    /// <param name="name">Keras' name scope (no effect). Defaults to "InverseTimeDecay".</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range.</exception>
    public static LearningRateSchedule InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate, bool staircase = false, string name = "InverseTimeDecay") =>
        Schedule.InverseTime(initialLearningRate, decaySteps, decayRate, staircase).Ported()
            .Declared(nameof(InverseTimeDecay), initialLearningRate, decaySteps, decayRate, staircase, name);

    /// <summary><c>CosineDecay(initial_learning_rate, decay_steps, alpha=0.0, name="CosineDecay", warmup_target=None, warmup_steps=0)</c>.</summary>
    /// <remarks>
    /// <para><expression>Schedule.Cosine(initialLearningRate, alpha * initialLearningRate, decaySteps)</expression>; with
    /// <c>warmup_target</c>: <expression>Schedule.Cosine(warmupTarget, alpha * warmupTarget, decaySteps).WithLinearWarmup(warmupSteps, initialLearningRate)</expression></para>
    /// <para>Origin: <c>CosineDecay</c> (commit 3422977a). Quirks reproduced: without <c>warmup_target</c>,
    /// <c>warmup_steps</c> is ignored; with it, the decay starts after the warmup (<c>decay_steps</c> does not include it,
    /// unlike optax) and <c>alpha</c> is a fraction of <c>warmup_target</c>; the floor holds after the end.</para>
    /// </remarks>
    /// <param name="initialLearningRate">The rate at step 0; finite and ≥ 0.</param>
    /// <param name="decaySteps">The length of the decay; &gt; 0.</param>
    /// <param name="alpha">The floor as a fraction of the decay's start; finite and ≥ 0. Defaults to 0.</param>
    /// <param name="name">Keras' name scope (no effect). Defaults to "CosineDecay".</param>
    /// <param name="warmupTarget">The rate the warmup reaches; or null for no warmup.</param>
    /// <param name="warmupSteps">The warmup; ≥ 0. Defaults to 0.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range.</exception>
    public static LearningRateSchedule CosineDecay(double initialLearningRate, long decaySteps, double alpha = 0.0, string name = "CosineDecay", double? warmupTarget = null, long warmupSteps = 0)
    {
        Preconditions.NonNegative(alpha);
        Preconditions.NonNegative(warmupSteps);
        LearningRateSchedule expression = warmupTarget is double target
            ? Schedule.Cosine(target, alpha * target, decaySteps).WithLinearWarmup(warmupSteps, initialLearningRate)
            : Schedule.Cosine(initialLearningRate, alpha * initialLearningRate, decaySteps);
        return expression.Ported()
            .Declared(nameof(CosineDecay), initialLearningRate, decaySteps, alpha, name, warmupTarget, warmupSteps);
    }

    /// <summary><c>CosineDecayRestarts(initial_learning_rate, first_decay_steps, t_mul=2.0, m_mul=1.0, alpha=0.0, name="SGDRDecay")</c>: SGDR.</summary>
    /// <remarks>
    /// <para><expression>Schedule.CosineWarmRestarts(initialLearningRate, alpha * initialLearningRate, firstDecaySteps, tMul, mMul)</expression>
    /// when <c>alpha = 0</c> or <c>m_mul = 1</c>; otherwise Keras' formula verbatim
    /// (<expression>Schedule.FromFunction(t =&gt; init · ((1 − alpha) · ½ m_mul^i (1 + cos(π f)) + alpha))</expression>, with
    /// Keras' float-log restart index <c>i</c>), because <c>m_mul</c> scales only the cosine part above the floor.</para>
    /// <para>Origin: <c>CosineDecayRestarts</c> (commit 3422977a). <c>t_mul</c> defaults to 2 (PyTorch's <c>T_mult</c> to 1);
    /// there is no cycle limit. Divergence: with the core's shape the restart index is found exactly, where Keras' float
    /// log can round down at a restart boundary.</para>
    /// </remarks>
    /// <param name="initialLearningRate">The rate at step 0; finite and ≥ 0.</param>
    /// <param name="firstDecaySteps">The first period; &gt; 0.</param>
    /// <param name="tMul">The growth of the period; ≥ 1. Defaults to 2.</param>
    /// <param name="mMul">The decay of the cosine amplitude per restart; in (0, 1]. Defaults to 1.</param>
    /// <param name="alpha">The floor as a fraction of <paramref name="initialLearningRate"/>; in [0, 1]. Defaults to 0.</param>
    /// <param name="name">Keras' name scope (no effect). Defaults to "SGDRDecay".</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ScheduleArgumentException">An argument is out of range.</exception>
    public static LearningRateSchedule CosineDecayRestarts(double initialLearningRate, long firstDecaySteps, double tMul = 2.0, double mMul = 1.0, double alpha = 0.0, string name = "SGDRDecay")
    {
        Preconditions.InClosedRange(alpha, 0.0, 1.0);
        LearningRateSchedule expression;
        if (alpha == 0.0 || mMul == 1.0)
        {
            expression = Schedule.CosineWarmRestarts(initialLearningRate, alpha * initialLearningRate, firstDecaySteps, tMul, mMul);
        }
        else
        {
            Preconditions.NonNegative(initialLearningRate);
            Preconditions.Positive(firstDecaySteps);
            if (!(tMul >= 1.0) || double.IsPositiveInfinity(tMul))
            {
                throw Preconditions.OutOfRange(nameof(tMul), tMul, "a finite number >= 1");
            }

            Preconditions.InRange(mMul, 0.0, false, 1.0, true);
            double first = firstDecaySteps;
            expression = Schedule.FromFunction((long step) =>
            {
                double completed = step / first;
                double restart;
                if (tMul == 1.0)
                {
                    restart = Math.Floor(completed);
                    completed -= restart;
                }
                else
                {
                    restart = Math.Floor(Math.Log(1.0 - (completed * (1.0 - tMul))) / Math.Log(tMul));
                    double sum = (1.0 - Math.Pow(tMul, restart)) / (1.0 - tMul);
                    completed = (completed - sum) / Math.Pow(tMul, restart);
                }

                double cosine = 0.5 * Math.Pow(mMul, restart) * (1.0 + Math.Cos(Math.PI * completed));
                return initialLearningRate * (((1 - alpha) * cosine) + alpha);
            });
        }

        return expression.Ported()
            .Declared(nameof(CosineDecayRestarts), initialLearningRate, firstDecaySteps, tMul, mMul, alpha, name);
    }
}
