using LrSchedules.Internal;

namespace LrSchedules.Shapes;

/// <summary>Cosine annealing with warm restarts (SGDR): a cosine wave per cycle, cycles growing longer and peaks lower.</summary>
/// <remarks>
/// <para>Cycle <c>i</c> (from 0) has length <c>T_i = periodSteps · periodMultiplier^i</c> and peak
/// <c>peak_i = initialLearningRate · restartDecay^i</c>. With <c>t_cur</c> the steps since the cycle began,</para>
/// <para><c>lr(t) = final + ½ (peak_i − final) (1 + cos(π · t_cur^k / T_i^k))</c>, <c>k = kDecay</c>;</para>
/// <para>from the end of cycle <c>cycleLimit − 1</c> on (never, when <see cref="CycleLimit"/> is null) <c>lr(t) = final</c>.</para>
/// <para>Matches:</para>
/// <list type="bullet">
/// <item><description>PyTorch <c>CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)</c> (<c>torch/optim/lr_scheduler.py</c>) as
/// <c>CosineWarmRestarts(base_lr, eta_min, T_0, T_mult)</c>, stepped with <c>scheduler.step()</c>: its integer
/// <c>T_cur</c> counter (<c>if self.T_cur &gt;= self.T_i: self.T_cur = self.T_cur % self.T_i; self.T_i = self.T_i * self.T_mult</c>)
/// restarts exactly at <c>T_0 · (T_mult^n − 1) / (T_mult − 1)</c>, and so does this schedule, at every whole step below 2^53.
/// PyTorch's <c>step(epoch)</c> path finds the cycle with <c>int(math.log(epoch / T_0 * (T_mult - 1) + 1, T_mult))</c> and can
/// land one cycle short exactly on a restart (e.g. <c>T_0 = 1, T_mult = 3</c> at epoch 121); this schedule does not.</description></item>
/// <item><description>timm <c>CosineLRScheduler(t_initial, lr_min, cycle_mul, cycle_decay, cycle_limit, k_decay)</c>
/// (<c>timm/scheduler/cosine_lr.py</c>) as <c>CosineWarmRestarts(base_lr, lr_min, t_initial, cycle_mul, cycle_decay,
/// cycle_limit, k_decay)</c>; timm's default <c>cycle_limit</c> is 1, so pass it. Its warmup is
/// <c>.WithLinearWarmup(warmup_t, warmup_lr_init, warmup_prefix ? Prefix : Overlay)</c>; its noise is not modelled.
/// timm locates a cycle with <c>i = math.floor(math.log(1 - t / self.t_initial * (1 - self.cycle_mul), self.cycle_mul))</c>,
/// which at some exact restarts rounds one cycle short and returns <c>lr_min</c> instead of the new peak (e.g.
/// <c>cycle_mul = 3, t_initial = 1</c> at t = 121; <c>cycle_mul = 10</c> at t = 111; <c>cycle_mul = 1.5, t_initial = 16</c>
/// at t = 211; never for <c>cycle_mul</c> 2 or 4 in whole-step ranges tried). Its cycle start
/// <c>(1 - self.cycle_mul ** i) / (1 - self.cycle_mul) * self.t_initial</c> also rounds once <c>cycle_mul ** i</c> passes
/// 2^53, which for <c>t_initial &lt; cycle_mul − 1</c> happens below 2^53 steps. Here restarts are exact (for a whole
/// period and multiplier the starts are PyTorch's integers); wherever timm's own cycle index and start are exact, the values
/// are timm's expressions bit for bit.</description></item>
/// <item><description>Hugging Face <c>get_cosine_with_hard_restarts_schedule_with_warmup(num_warmup_steps, num_training_steps, num_cycles)</c>
/// (<c>src/transformers/optimization.py</c>) as
/// <c>CosineWarmRestarts(base_lr, 0, (num_training_steps − num_warmup_steps) / num_cycles, cycleLimit: num_cycles)
/// .WithLinearWarmup(num_warmup_steps, 0, Prefix)</c>: its lambda returns <c>0.0</c> once <c>progress &gt;= 1.0</c>, which is
/// the final rate 0 after <c>num_cycles</c> cycles. Hugging Face computes the phase as
/// <c>(float(num_cycles) * progress) % 1.0</c>; the two agree to a few ulps. The period is a whole number of steps, so
/// this holds when <c>num_cycles</c> divides <c>num_training_steps − num_warmup_steps</c>; otherwise Hugging Face's
/// cycles are fractional and have no exact form here (a divergence of issue 10's "every step count is a long").</description></item>
/// </list>
/// <para>Between whole steps the wave is continuous inside a cycle and restarts at the exact cycle start. Beyond 2^53 steps
/// positions are doubles, so cycle boundaries are as exact as the doubles allow (PyTorch keeps Python integers).</para>
/// <para>Each query is O(1) (closed-form cycle index), allocation-free. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class CosineWarmRestartsSchedule : LearningRateSchedule
{
    private readonly RestartCycles _cycles;

    internal CosineWarmRestartsSchedule(double initialLearningRate, RestartCycles cycles, double finalLearningRate, double kDecay)
    {
        InitialLearningRate = initialLearningRate;
        _cycles = cycles;
        FinalLearningRate = finalLearningRate;
        KDecay = kDecay;
    }

    /// <summary>Gets the learning rate at step 0, the peak of cycle 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Gets the length of cycle 0, in steps.</summary>
    public double PeriodSteps => _cycles.PeriodSteps;

    /// <summary>Gets the learning rate each cycle anneals to, and the rate held after the last cycle.</summary>
    public double FinalLearningRate { get; }

    /// <summary>Gets the factor by which each cycle is longer than the one before (PyTorch's <c>T_mult</c>, timm's <c>cycle_mul</c>).</summary>
    public double PeriodMultiplier => _cycles.PeriodMultiplier;

    /// <summary>Gets the factor by which each cycle's peak is lower than the one before (timm's <c>cycle_decay</c>).</summary>
    public double RestartDecay => _cycles.RestartDecay;

    /// <summary>Gets the number of cycles before the rate stays at <see cref="FinalLearningRate"/>; null for unlimited restarts.</summary>
    public int? CycleLimit => _cycles.CycleLimit;

    /// <summary>Gets the k-decay exponent applied to both the position in the cycle and its length (timm's <c>k_decay</c>).</summary>
    public double KDecay { get; }

    internal override double Evaluate(double position)
    {
        if (!_cycles.TryLocate(position, out double positionInCycle, out double cycleLength, out double peakScale))
        {
            return FinalLearningRate;
        }

        RestartCycles.Powers(positionInCycle, cycleLength, KDecay, out double numerator, out double denominator);
        double peak = InitialLearningRate * peakScale;
        return FinalLearningRate + (0.5 * (peak - FinalLearningRate) * (1.0 + Math.Cos(Math.PI * numerator / denominator)));
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => _cycles.Bounds(InitialLearningRate, FinalLearningRate);
}
