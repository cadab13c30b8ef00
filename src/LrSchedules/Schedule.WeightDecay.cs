namespace LrSchedules;

public static partial class Schedule
{
    /// <summary>
    /// Creates Megatron-LM's weight-decay increment: from <paramref name="initialWeightDecay"/> up to
    /// <paramref name="finalWeightDecay"/> over <paramref name="increaseSteps"/> steps, linear or along half a cosine,
    /// then <paramref name="finalWeightDecay"/> for ever.
    /// </summary>
    /// <param name="initialWeightDecay">The weight decay at step 0 (<c>start_wd</c>, <c>--start-weight-decay</c>); finite and ≥ 0.</param>
    /// <param name="finalWeightDecay">The weight decay from step <paramref name="increaseSteps"/> on (<c>end_wd</c>, <c>--end-weight-decay</c>); finite and ≥ <paramref name="initialWeightDecay"/>.</param>
    /// <param name="increaseSteps">The steps of the increase (<c>wd_incr_steps</c>, which Megatron sets to the training iterations or samples); &gt; 0.</param>
    /// <param name="curve">The curve (<c>wd_incr_style</c>): <see cref="Curve.Linear"/> (<c>"linear"</c>) or <see cref="Curve.Cosine"/> (<c>"cosine"</c>). Defaults to linear.</param>
    /// <returns>The weight decay of every step, as a schedule (values ≥ 0) that composes with every combinator; <see cref="ScheduleExtensions.AsWeightDecay"/> makes it the <see cref="WeightDecaySchedule"/> that a weight-decay series such as <c>HyperparameterSchedules.WeightDecay</c> of LrSchedules.TorchSharp takes.</returns>
    /// <remarks>
    /// <para>With <c>r = t / increaseSteps</c> and <c>Δ = final − initial</c>: <c>initial + r · Δ</c> (linear) or
    /// <c>initial + ½ (cos(π (1 − r)) + 1) · Δ</c> (cosine) for <c>t ≤ increaseSteps</c>, <c>final</c> after. This is
    /// <c>OptimizerParamScheduler.get_wd</c> of Megatron-LM (<c>megatron/core/optimizer_param_scheduler.py</c>) with
    /// <c>num_steps = t</c> (Megatron counts the steps taken before the update), its arithmetic in its order, so the
    /// values are equal bit for bit. Megatron's third style, <c>"constant"</c>, asserts <c>start_wd == end_wd</c> and
    /// returns it: that is <see cref="Constant"/>. Megatron's per-group <c>wd_mult</c> is a per-group scale
    /// (<c>weightDecayScales</c> in LrSchedules.TorchSharp).</para>
    /// <para>Megatron asserts <c>start_wd ≥ 0</c> and <c>end_wd ≥ start_wd</c>; so does this factory.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule WeightDecayIncrease(
        double initialWeightDecay,
        double finalWeightDecay,
        long increaseSteps,
        Curve curve = Curve.Linear)
    {
        Preconditions.NonNegative(initialWeightDecay);
        Preconditions.NonNegative(finalWeightDecay);
        if (finalWeightDecay < initialWeightDecay)
        {
            throw Preconditions.OutOfRange(
                nameof(finalWeightDecay),
                finalWeightDecay,
                $">= initialWeightDecay = {Preconditions.Format(initialWeightDecay)}");
        }

        Preconditions.Positive(increaseSteps);
        Preconditions.OneOf(curve, [Curve.Linear, Curve.Cosine]);
        return new WeightDecayIncreaseSchedule(initialWeightDecay, finalWeightDecay, increaseSteps, curve)
            .Declared(nameof(WeightDecayIncrease), initialWeightDecay, finalWeightDecay, increaseSteps, curve);
    }
}
