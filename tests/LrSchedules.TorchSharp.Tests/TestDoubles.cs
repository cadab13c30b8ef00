using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace LrSchedules.TorchSharp.Tests;

/// <summary>A schedule <c>a + b · step</c>, so that expected values are written by hand.</summary>
internal sealed class AffineSchedule(double intercept, double slope) : ILearningRateSchedule
{
    public double GetLearningRate(long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        return intercept + (slope * step);
    }
}

/// <summary>A group with a learning rate only (what TorchSharp's Rprop and LBFGS groups support).</summary>
internal class RateOnlyGroup : ILearningRateController
{
    public double LearningRate { get; set; } = -1;

    public double InitialLearningRate { get; set; } = -2;
}

/// <summary>A group with momentum and weight decay, like an SGD group of an optimizer of one's own.</summary>
internal sealed class MomentumGroup : RateOnlyGroup, IMomentum, IWeightDecay
{
    public double Momentum { get; set; } = -3;

    public double WeightDecay { get; set; } = -4;
}

/// <summary>A group with betas and weight decay, like an Adam group of an optimizer of one's own.</summary>
internal sealed class BetasGroup : RateOnlyGroup, IBetas, IWeightDecay
{
    public (double, double) Betas { get; set; } = (0.9, 0.999);

    public double WeightDecay { get; set; } = -4;
}

/// <summary>
/// A managed optimizer over the given groups, no parameter and no native handle: enough for TorchSharp's
/// <c>LRScheduler</c> base class, which reads <c>ParamGroups</c>.
/// </summary>
internal sealed class GroupsOnlyOptimizer : OptimizerHelper
{
    public GroupsOnlyOptimizer(params ParamGroup[] groups)
    {
        _parameter_groups = groups.ToList();
    }
}
