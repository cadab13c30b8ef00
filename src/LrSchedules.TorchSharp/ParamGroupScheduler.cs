using System.Globalization;
using TorchSharp.Modules;
using IBetas = TorchSharp.torch.optim.IBetas;
using ILearningRateController = TorchSharp.torch.optim.ILearningRateController;
using IMomentum = TorchSharp.torch.optim.IMomentum;

namespace LrSchedules.TorchSharp;

/// <summary>
/// Sets the learning rate, the momentum or betas and the weight decay of every parameter group of an optimizer from
/// <see cref="HyperparameterSchedules"/>, for one step at a time: call <see cref="Apply"/> before
/// <c>optimizer.step()</c>.
/// </summary>
/// <remarks>
/// <para><b>Per step.</b> <see cref="Apply"/>(t) reads each scheduled series once at step <c>t</c> and writes, for
/// group <c>g</c>: <c>LearningRate = lr(t) · learningRateScales[g]</c>; <c>Momentum = m(t)</c> for a group with
/// momentum (<c>IMomentum</c>: SGD, RMSprop) or <c>Betas = (m(t), β2)</c> for an Adam-like group (<c>IBetas</c>);
/// <c>Betas = (β1, β2(t))</c> when β2 is scheduled; and <c>weight_decay = wd(t) · weightDecayScales[g]</c>. A series
/// that is not scheduled is left as the optimizer has it. The scales let groups have different peaks (a backbone at a
/// tenth of the head's rate, say) and switch the decay off for some groups (biases and norms, with scale 0).</para>
/// <para><b>No allocation.</b> The groups, what each supports and the scales are resolved once, in the constructor;
/// <see cref="Apply"/> is a loop over an array with interface calls and field writes, and allocates nothing (a test
/// checks it). Parameter groups added to the optimizer after construction are not seen: build a new scheduler.</para>
/// <para><b>Closed form.</b> Nothing is kept between calls: <see cref="Apply"/> may be called for any step in any
/// order, so resuming from a checkpoint at step <c>t</c> is <c>Apply(t)</c>. TorchSharp's optimizers read these
/// values from their groups' options on every <c>step()</c> (<c>src/TorchSharp/Optimizers/SGD.cs</c>,
/// <c>Adam.cs</c>: <c>var lr = options.LearningRate.Value</c>), so what <see cref="Apply"/> writes is what the next
/// update uses. <c>InitialLearningRate</c> is never touched.</para>
/// <para><b>Ranges.</b> Checked at construction: the scales (finite, ≥ 0, one per group) and that every group supports
/// each scheduled series. Checked on every <see cref="Apply"/>: each scheduled value is in its range (see
/// <see cref="HyperparameterSchedules"/>). Every value is read and checked before the first group is written, so a
/// failure leaves every group as it was.</para>
/// <para>Not thread-safe: it writes the optimizer's groups. One scheduler per optimizer.</para>
/// </remarks>
public sealed class ParamGroupScheduler
{
    private readonly Group[] _groups;

    /// <summary>Initializes a scheduler for the given parameter groups: <c>optimizer.ParamGroups</c> of a TorchSharp optimizer, or the groups of an optimizer of your own.</summary>
    /// <param name="paramGroups">The groups, read once, here.</param>
    /// <param name="schedules">The schedules to follow.</param>
    /// <param name="learningRateScales">One factor per group multiplying the learning rate, finite and ≥ 0; 1 for every group when null.</param>
    /// <param name="weightDecayScales">One factor per group multiplying the weight decay, finite and ≥ 0; 1 for every group when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="paramGroups"/> or <paramref name="schedules"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no group, a group is null, or a group does not support a scheduled series.</exception>
    /// <exception cref="ScheduleArgumentException">A scale is negative, NaN or infinite, or there is not one scale per group.</exception>
    public ParamGroupScheduler(
        IEnumerable<ILearningRateController> paramGroups,
        HyperparameterSchedules schedules,
        IEnumerable<double>? learningRateScales = null,
        IEnumerable<double>? weightDecayScales = null)
    {
        ArgumentNullException.ThrowIfNull(paramGroups);
        ArgumentNullException.ThrowIfNull(schedules);
        ILearningRateController[] groups = paramGroups.ToArray();
        if (groups.Length == 0)
        {
            throw new ArgumentException("paramGroups must hold at least one parameter group.", nameof(paramGroups));
        }

        double[] rateScales = Scales(learningRateScales, groups.Length, nameof(learningRateScales));
        double[] decayScales = Scales(weightDecayScales, groups.Length, nameof(weightDecayScales));
        _groups = new Group[groups.Length];
        for (int i = 0; i < groups.Length; i++)
        {
            _groups[i] = Resolve(groups[i], i, schedules, rateScales[i], decayScales[i]);
        }

        Schedules = schedules;
    }

    /// <summary>Gets the schedules the groups follow.</summary>
    public HyperparameterSchedules Schedules { get; }

    /// <summary>Gets the number of parameter groups the scheduler sets.</summary>
    public int GroupCount => _groups.Length;

    /// <summary>Sets every group's scheduled hyper-parameters to their values at <paramref name="step"/>.</summary>
    /// <param name="step">The zero-based step of the update that follows; ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">A schedule returned a value outside its range (see <see cref="HyperparameterSchedules"/>).</exception>
    public void Apply(long step)
    {
        if (step < 0)
        {
            ThrowNegativeStep(step);
        }

        HyperparameterSchedules schedules = Schedules;
        double learningRate = schedules.GetLearningRate(step);
        bool hasMomentum = schedules.Momentum is not null;
        bool hasBeta2 = schedules.Beta2 is not null;
        bool hasWeightDecay = schedules.WeightDecay is not null;
        double momentum = hasMomentum ? schedules.GetMomentum(step) : 0.0;
        double beta2 = hasBeta2 ? schedules.GetBeta2(step) : 0.0;
        double weightDecay = hasWeightDecay ? schedules.GetWeightDecay(step) : 0.0;

        foreach (Group group in _groups)
        {
            group.Controller.LearningRate = learningRate * group.LearningRateScale;
            if (hasMomentum && group.Momentum is { } withMomentum)
            {
                withMomentum.Momentum = momentum;
            }

            // β1 follows the momentum series only in a group without momentum of its own (PyTorch's rule).
            bool setBeta1 = hasMomentum && group.Momentum is null;
            if ((setBeta1 || hasBeta2) && group.Betas is { } withBetas)
            {
                (double currentBeta1, double currentBeta2) = withBetas.Betas;
                withBetas.Betas = (setBeta1 ? momentum : currentBeta1, hasBeta2 ? beta2 : currentBeta2);
            }

            if (hasWeightDecay)
            {
                group.SetWeightDecay!(weightDecay * group.WeightDecayScale);
            }
        }
    }

    /// <summary>Copies the groups' current learning rates into <paramref name="destination"/>, one per group.</summary>
    internal void CopyLearningRates(IList<double> destination)
    {
        for (int i = 0; i < _groups.Length && i < destination.Count; i++)
        {
            destination[i] = _groups[i].Controller.LearningRate;
        }
    }

    private static double[] Scales(IEnumerable<double>? scales, int groupCount, string parameterName)
    {
        if (scales is null)
        {
            return Enumerable.Repeat(1.0, groupCount).ToArray();
        }

        double[] copy = scales.ToArray();
        if (copy.Length != groupCount)
        {
            throw new ScheduleArgumentException(
                parameterName,
                copy.Length,
                $"one scale per parameter group ({groupCount.ToString(CultureInfo.InvariantCulture)})");
        }

        for (int i = 0; i < copy.Length; i++)
        {
            if (!(copy[i] >= 0.0) || double.IsPositiveInfinity(copy[i]))
            {
                throw new ScheduleArgumentException(parameterName, copy[i], "a finite number >= 0", i);
            }
        }

        return copy;
    }

    private static Group Resolve(ILearningRateController? controller, int index, HyperparameterSchedules schedules, double rateScale, double decayScale)
    {
        if (controller is null)
        {
            throw new ArgumentException($"paramGroups[{index.ToString(CultureInfo.InvariantCulture)}] is null.", "paramGroups");
        }

        IMomentum? momentum = controller as IMomentum;
        IBetas? betas = controller as IBetas;
        if (schedules.Momentum is not null && momentum is null && betas is null)
        {
            throw Unsupported(controller, index, "momentum or betas (IMomentum or IBetas)", "a momentum schedule");
        }

        if (schedules.Beta2 is not null && betas is null)
        {
            throw Unsupported(controller, index, "betas (IBetas)", "a beta2 schedule");
        }

        Action<double>? setWeightDecay = null;
        if (schedules.WeightDecay is not null)
        {
            setWeightDecay = WeightDecaySetter(controller)
                ?? throw Unsupported(controller, index, "weight decay (the weight_decay option of a TorchSharp optimizer, or IWeightDecay)", "a weight-decay schedule");
        }

        return new Group(controller, momentum, betas, setWeightDecay, rateScale, decayScale);
    }

    /// <summary>The setter of a group's weight decay: <see cref="IWeightDecay"/>, or the <c>weight_decay</c> field of a TorchSharp optimizer's options (read from the group on each call, so a replaced options object is still set).</summary>
    internal static Action<double>? WeightDecaySetter(ILearningRateController controller) => controller switch
    {
        IWeightDecay custom => value => custom.WeightDecay = value,
        ParamGroup { Options: SGD.Options } g => value => ((SGD.Options)g.Options).weight_decay = value,
        ParamGroup { Options: Adam.Options } g => value => ((Adam.Options)g.Options).weight_decay = value,
        ParamGroup { Options: AdamW.Options } g => value => ((AdamW.Options)g.Options).weight_decay = value,
        ParamGroup { Options: Adamax.Options } g => value => ((Adamax.Options)g.Options).weight_decay = value,
        ParamGroup { Options: NAdam.Options } g => value => ((NAdam.Options)g.Options).weight_decay = value,
        ParamGroup { Options: RAdam.Options } g => value => ((RAdam.Options)g.Options).weight_decay = value,
        ParamGroup { Options: RMSProp.Options } g => value => ((RMSProp.Options)g.Options).weight_decay = value,
        ParamGroup { Options: Adagrad.Options } g => value => ((Adagrad.Options)g.Options).weight_decay = value,
        ParamGroup { Options: Adadelta.Options } g => value => ((Adadelta.Options)g.Options).weight_decay = value,
        ParamGroup { Options: ASGD.Options } g => value => ((ASGD.Options)g.Options).weight_decay = value,
        _ => null,
    };

    private static ArgumentException Unsupported(ILearningRateController controller, int index, string what, string schedule) =>
        new(
            $"paramGroups[{index.ToString(CultureInfo.InvariantCulture)}] ({controller.GetType().FullName}) has no {what}, " +
            $"so it cannot follow {schedule}.",
            "paramGroups");

    private static void ThrowNegativeStep(long step) =>
        throw new ArgumentOutOfRangeException(nameof(step), step, $"step must be >= 0 but was {step.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>One parameter group and what it supports, resolved once.</summary>
    private readonly record struct Group(
        ILearningRateController Controller,
        IMomentum? Momentum,
        IBetas? Betas,
        Action<double>? SetWeightDecay,
        double LearningRateScale,
        double WeightDecayScale);
}
