using System.Globalization;
using System.Runtime.CompilerServices;

namespace LrSchedules.TorchSharp;

/// <summary>
/// The schedules an optimizer's hyper-parameters follow, each a pure function of the optimizer step: the learning rate,
/// and optionally the momentum (β1 for Adam-like optimizers), β2 and the weight decay.
/// </summary>
/// <remarks>
/// <para><b>Which value goes where.</b> The <see cref="Momentum"/> series sets <c>IMomentum.Momentum</c> of SGD and
/// RMSprop groups and the first beta of Adam-like groups (<c>IBetas</c>), as PyTorch's <c>OneCycleLR</c> and
/// <c>CyclicLR</c> do with <c>cycle_momentum</c> (<c>torch/optim/lr_scheduler.py</c>: "if 'betas' in defaults, beta1
/// is set"). <see cref="Beta2"/> sets the second beta of Adam-like groups. <see cref="WeightDecay"/> sets the
/// <c>weight_decay</c> option of every group.</para>
/// <para><b>Ranges.</b> Momentum, β2 and weight decay are typed schedules (<see cref="MomentumSchedule"/>,
/// <see cref="BetaSchedule"/>, <see cref="WeightDecaySchedule"/>, built with <c>.AsMomentum()</c>, <c>.AsBeta()</c>,
/// <c>.AsWeightDecay()</c> from any learning-rate expression), whose range ([0, 1), [0, 1), ≥ 0) is checked when they
/// are built, from the bounds of the expression. Only a schedule whose values are not known in advance (a user's own
/// <see cref="ILearningRateSchedule"/>, <c>Schedule.FromFunction</c>) is checked where each value is read: it throws
/// <see cref="InvalidOperationException"/> naming the schedule type, the step and the value. The learning rate of a
/// user's own schedule is checked finite and ≥ 0 on each query, naming the series.</para>
/// <para>Immutable and thread-safe; reading a value allocates nothing.</para>
/// </remarks>
public sealed class HyperparameterSchedules
{
    /// <summary>Initializes the schedules of an optimizer's hyper-parameters.</summary>
    /// <param name="learningRate">The learning rate of each step (the peak group's; per-group scales multiply it).</param>
    /// <param name="momentum">The momentum of each step for SGD and RMSprop, β1 for Adam-like optimizers, e.g. <c>Schedule.OneCycleMomentum(0.85, 0.95, total).AsMomentum()</c>. <see langword="null"/> leaves it as the optimizer has it.</param>
    /// <param name="beta2">β2 of each step for Adam-like optimizers, e.g. <c>Schedule.Constant(0.999).AsBeta()</c>. <see langword="null"/> leaves it as the optimizer has it.</param>
    /// <param name="weightDecay">The weight decay of each step (the <c>weight_decay</c> option, coupled or decoupled as the optimizer defines it), e.g. <c>Schedule.WeightDecayIncrease(0.01, 0.1, total).AsWeightDecay()</c>. <see langword="null"/> leaves it as the optimizer has it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="learningRate"/> is null.</exception>
    public HyperparameterSchedules(
        ILearningRateSchedule learningRate,
        MomentumSchedule? momentum = null,
        BetaSchedule? beta2 = null,
        WeightDecaySchedule? weightDecay = null)
    {
        ArgumentNullException.ThrowIfNull(learningRate);
        LearningRate = learningRate;
        Momentum = momentum;
        Beta2 = beta2;
        WeightDecay = weightDecay;
    }

    /// <summary>Gets the learning-rate schedule.</summary>
    public ILearningRateSchedule LearningRate { get; }

    /// <summary>Gets the momentum (or β1) schedule.</summary>
    /// <value><see langword="null"/> when the momentum is not scheduled.</value>
    public MomentumSchedule? Momentum { get; }

    /// <summary>Gets the β2 schedule.</summary>
    /// <value><see langword="null"/> when β2 is not scheduled.</value>
    public BetaSchedule? Beta2 { get; }

    /// <summary>Gets the weight-decay schedule.</summary>
    /// <value><see langword="null"/> when the weight decay is not scheduled.</value>
    public WeightDecaySchedule? WeightDecay { get; }

    /// <summary>The learning rate of a step ≥ 0, checked finite and ≥ 0.</summary>
    internal double GetLearningRate(long step) => NonNegative(LearningRate.GetLearningRate(step), step, nameof(LearningRate));

    /// <summary>The momentum (β1) of a step ≥ 0, checked in [0, 1); only when <see cref="Momentum"/> is set.</summary>
    internal double GetMomentum(long step) => Momentum!.GetValue(step);

    /// <summary>β2 of a step ≥ 0, checked in [0, 1); only when <see cref="Beta2"/> is set.</summary>
    internal double GetBeta2(long step) => Beta2!.GetValue(step);

    /// <summary>The weight decay of a step ≥ 0, checked finite and ≥ 0; only when <see cref="WeightDecay"/> is set.</summary>
    internal double GetWeightDecay(long step) => WeightDecay!.GetValue(step);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double NonNegative(double value, long step, string series)
    {
        if (!(value >= 0.0) || double.IsPositiveInfinity(value))
        {
            ThrowOutOfRange(series, step, value, "a finite number >= 0");
        }

        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfRange(string series, long step, double value, string requirement) =>
        throw new InvalidOperationException(
            $"The {series} schedule returned {value.ToString("R", CultureInfo.InvariantCulture)} at step " +
            $"{step.ToString(CultureInfo.InvariantCulture)}; a {series} value must be {requirement}.");
}
