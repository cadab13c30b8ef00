namespace LrSchedules.Shapes;

/// <summary>A periodic cosine between an initial and a final learning rate that keeps oscillating past its nominal end.</summary>
/// <remarks>
/// <para><c>lr(t) = final + (initial − final) · ½ (1 + cos(π · cycles · 2 · t / totalSteps))</c> for every step
/// <c>t</c>, with no clamp at <c>totalSteps</c>: with the default half cycle the rate reaches the final rate at
/// <c>totalSteps</c> and rises again after it. For a cosine that holds its final rate use <c>Schedule.Cosine</c>.</para>
/// <para>Matches:</para>
/// <list type="bullet">
/// <item><description>PyTorch <c>CosineAnnealingLR(T_max, eta_min)</c> (<c>torch/optim/lr_scheduler.py</c>) at every
/// step, past <c>T_max</c> too: <c>Schedule.CosineWave(baseLr, etaMin, tMax)</c>. Its closed form is
/// <c>eta_min + (base_lr − eta_min) · (1 + cos(π · last_epoch / T_max)) / 2</c>, and its recursive form follows the
/// same wave (the branch <c>(last_epoch − 1 − T_max) % (2 · T_max) == 0</c> climbs out of the trough).</description></item>
/// <item><description>Hugging Face <c>get_cosine_schedule_with_warmup(num_warmup_steps, num_training_steps,
/// num_cycles)</c> (<c>src/transformers/optimization.py</c>) after its warmup:
/// <c>Schedule.CosineWave(lr, 0, numTrainingSteps - numWarmupSteps, numCycles)</c> behind
/// <c>WithLinearWarmup(numWarmupSteps, 0)</c>. Its <c>progress = (step − num_warmup_steps) / max(1,
/// num_training_steps − num_warmup_steps)</c> is not clamped, so its rate too rises again past
/// <c>num_training_steps</c>.</description></item>
/// <item><description>Hugging Face <c>get_cosine_with_min_lr_schedule_with_warmup</c>, whose multiplier is
/// <c>max(0, c · (1 − min_lr_rate) + min_lr_rate)</c> for the same cosine factor <c>c</c>: the final rate is
/// <c>min_lr_rate · lr</c>, or <c>min_lr</c> when that is given instead. The <c>max(0, …)</c> never acts: <c>c</c> is in
/// [0, 1] and <c>min_lr_rate ≥ 0</c>, so the multiplier is ≥ 0 already. (In <c>optimization.py</c> the second
/// definition of <c>_get_cosine_schedule_with_warmup_lr_lambda</c>, with <c>min_lr_rate = 0.0</c>, replaces the first, so
/// <c>get_cosine_schedule_with_warmup</c> runs this form with a rate of 0.)</description></item>
/// </list>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class CosineWaveSchedule : LearningRateSchedule
{
    internal CosineWaveSchedule(double initialLearningRate, long totalSteps, double finalLearningRate, double cycles)
    {
        InitialLearningRate = initialLearningRate;
        TotalSteps = totalSteps;
        FinalLearningRate = finalLearningRate;
        Cycles = cycles;
    }

    /// <summary>Gets the learning rate at step 0 and at each crest of the wave.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Gets the number of steps in which the wave completes <see cref="Cycles"/> periods.</summary>
    public long TotalSteps { get; }

    /// <summary>Gets the learning rate at each trough of the wave.</summary>
    public double FinalLearningRate { get; }

    /// <summary>Gets the number of full periods in <see cref="TotalSteps"/>; 0.5 is one decay from initial to final.</summary>
    public double Cycles { get; }

    internal override double Evaluate(double position)
    {
        double progress = position / TotalSteps;
        double angle = Math.PI * Cycles * 2.0 * progress;

        // Past ~2^53 turns a double no longer resolves the phase; an overflowing angle is read as a whole number of
        // turns so that the rate stays finite (cos(∞) is NaN).
        double factor = 0.5 * (1.0 + Math.Cos(double.IsFinite(angle) ? angle : 0.0));
        return FinalLearningRate + ((InitialLearningRate - FinalLearningRate) * factor);
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Between(InitialLearningRate, FinalLearningRate);
}
