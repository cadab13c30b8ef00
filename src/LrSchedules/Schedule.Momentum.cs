namespace LrSchedules;

public static partial class Schedule
{
    /// <summary>
    /// Creates the momentum that PyTorch's <c>OneCycleLR</c> cycles with the rate (<c>cycle_momentum=True</c>): from
    /// <paramref name="maximumMomentum"/> down to <paramref name="minimumMomentum"/> while the rate rises, and back up
    /// while it falls. Give it the same <paramref name="totalSteps"/>, <paramref name="warmupFraction"/>,
    /// <paramref name="curve"/> and <paramref name="threePhase"/> as <see cref="OneCycle"/>.
    /// </summary>
    /// <param name="minimumMomentum">The momentum at the rate's peak (PyTorch's <c>base_momentum</c>, 0.85 by default there); in [0, 1).</param>
    /// <param name="maximumMomentum">The momentum at the start and the end (PyTorch's <c>max_momentum</c>, 0.95 by default there); in [0, 1).</param>
    /// <param name="totalSteps">The number of steps of the cycle (<c>total_steps</c>); &gt; 0.</param>
    /// <param name="warmupFraction">The fraction of the steps in the first phase (<c>pct_start</c>); in [0, 1]. Defaults to 0.3.</param>
    /// <param name="curve">The annealing curve (<c>anneal_strategy</c>): <see cref="Curve.Cosine"/> or <see cref="Curve.Linear"/>. Defaults to cosine.</param>
    /// <param name="threePhase">PyTorch's <c>three_phase</c>. Defaults to false.</param>
    /// <returns>
    /// The momentum of every step, also β1 for Adam-like optimizers (PyTorch sets <c>betas[0]</c> when the optimizer has
    /// betas), as a schedule that composes with every combinator; end it with
    /// <see cref="ScheduleExtensions.AsMomentum"/> for a <see cref="MomentumSchedule"/> (it always passes: its values lie
    /// between the two momenta).
    /// </returns>
    /// <remarks>
    /// <para>PyTorch's momentum phases (<c>torch/optim/lr_scheduler.py</c>, <c>OneCycleLR.__init__</c>): two phases,
    /// <c>max → base</c> until step <c>pct_start · T − 1</c> and <c>base → max</c> until <c>T − 1</c>; three phases,
    /// <c>max → base</c>, <c>base → max</c> until <c>2 · pct_start · T − 2</c>, then <c>max → max</c>. Each is annealed with the
    /// rate's function and progress (<c>_annealing_cos</c>, <c>_annealing_linear</c>), so the momentum is the
    /// <see cref="OneCycle"/> curve with <c>initial = final = maximumMomentum</c> and <c>peak = minimumMomentum</c>, and
    /// takes the same values as PyTorch's bit for bit, with the rate's two divergences: from step <c>T − 1</c> on it holds
    /// <paramref name="maximumMomentum"/> (PyTorch extrapolates at step <c>T</c> and raises after), and a first phase of zero
    /// length is complete (PyTorch divides by zero).</para>
    /// <para>PyTorch does not require <c>base_momentum ≤ max_momentum</c>, and neither does this factory: with the two
    /// swapped the momentum rises with the rate.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule OneCycleMomentum(
        double minimumMomentum,
        double maximumMomentum,
        long totalSteps,
        double warmupFraction = 0.3,
        Curve curve = Curve.Cosine,
        bool threePhase = false)
    {
        Preconditions.InRange(minimumMomentum, 0.0, true, 1.0, false);
        Preconditions.InRange(maximumMomentum, 0.0, true, 1.0, false);
        Preconditions.Positive(totalSteps);
        Preconditions.InClosedRange(warmupFraction, 0.0, 1.0);
        Preconditions.OneOf(curve, [Curve.Linear, Curve.Cosine]);

        // The divisors are only recorded by OneCycleSchedule; the phases are built from the three momenta given.
        var shape = new OneCycleSchedule(
            minimumMomentum,
            totalSteps,
            warmupFraction,
            curve,
            initialDivisor: 1.0,
            finalDivisor: 1.0,
            threePhase,
            initialLearningRate: maximumMomentum,
            finalLearningRate: maximumMomentum);
        return new CycledMomentumSchedule(shape, minimumMomentum, maximumMomentum)
            .Declared(nameof(OneCycleMomentum), minimumMomentum, maximumMomentum, totalSteps, warmupFraction, curve, threePhase);
    }

    /// <summary>
    /// Creates the momentum that PyTorch's <c>CyclicLR</c> cycles with the rate (<c>cycle_momentum=True</c>): triangles
    /// from <paramref name="maximumMomentum"/> down towards <paramref name="minimumMomentum"/> in <paramref name="stepsUp"/>
    /// steps and back in <paramref name="stepsDown"/>, their depth scaled per <paramref name="mode"/>. Give it the same
    /// steps, mode and decay factor as <see cref="Cyclic"/>.
    /// </summary>
    /// <param name="minimumMomentum">The momentum at the top of the rate's first triangle (PyTorch's <c>base_momentum</c>, 0.8 by default there); in [0, 1).</param>
    /// <param name="maximumMomentum">The momentum at the start of every cycle (PyTorch's <c>max_momentum</c>, 0.9 by default there); in [0, 1).</param>
    /// <param name="stepsUp">The steps of the rate's rising half (<c>step_size_up</c>); &gt; 0.</param>
    /// <param name="stepsDown">The steps of its falling half (<c>step_size_down</c>); &gt; 0, or null for <paramref name="stepsUp"/>.</param>
    /// <param name="mode">How the depth changes (<c>mode</c>). Defaults to <see cref="CyclicMode.Triangular"/>.</param>
    /// <param name="decayFactor">The per-step factor of <see cref="CyclicMode.ExponentialRange"/> (<c>gamma</c>); in (0, 1]. Defaults to 1.</param>
    /// <returns>The momentum of every step, also β1 for Adam-like optimizers; <see cref="ScheduleExtensions.AsMomentum"/> makes it a <see cref="MomentumSchedule"/>.</returns>
    /// <remarks>
    /// PyTorch (<c>CyclicLR.get_lr</c>): <c>momentum = max_momentum − (max_momentum − base_momentum) · scale_factor ·
    /// scale_fn(cycle or step)</c>, with the rate's triangle <c>scale_factor</c> and scale function, so the triangle2 and
    /// exp_range modes shrink the momentum's swing as they shrink the rate's. That is the <see cref="Cyclic"/> curve with
    /// <c>initial = maximumMomentum</c> and <c>peak = minimumMomentum</c>, and equal to PyTorch's bit for bit
    /// (<c>a + (−d)·s = a − d·s</c> exactly in floating point). A custom <c>scale_fn</c> is not modelled.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given for it.</exception>
    public static LearningRateSchedule CyclicMomentum(
        double minimumMomentum,
        double maximumMomentum,
        long stepsUp,
        long? stepsDown = null,
        CyclicMode mode = CyclicMode.Triangular,
        double decayFactor = 1.0)
    {
        Preconditions.InRange(minimumMomentum, 0.0, true, 1.0, false);
        Preconditions.InRange(maximumMomentum, 0.0, true, 1.0, false);
        var shape = CyclicShape(maximumMomentum, minimumMomentum, stepsUp, stepsDown, mode, decayFactor);
        return new CycledMomentumSchedule(shape, minimumMomentum, maximumMomentum)
            .Declared(nameof(CyclicMomentum), minimumMomentum, maximumMomentum, stepsUp, stepsDown, mode, decayFactor);
    }
}
