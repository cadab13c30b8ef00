using LrSchedules.Batching;

namespace LrSchedules.Cli.Charts;

/// <summary>
/// A unit for the x axis of <c>lrs plot</c>, <c>show</c> and <c>compare</c> (<c>--x NAME</c>): where a step falls on
/// that clock. Steps need nothing; the other clocks read the schedule's training plan.
/// </summary>
/// <remarks>
/// Extension point: a new clock is one more instance here, added to <see cref="All"/>. The option's accepted values,
/// its help text and the axis label all follow from <see cref="All"/>. Tokens need a plan that counts them
/// (<see cref="TrainingPlan.CountsTokens"/>, <c>BatchSchedule.TokenPlan</c>).
/// </remarks>
internal sealed class XAxis(string name, string label, bool needsPlan, Func<TrainingPlan?, long, double> at)
{
    public static readonly XAxis Steps = new("steps", "step", needsPlan: false, (_, step) => step);

    public static readonly XAxis Epochs = new("epochs", "epoch", needsPlan: true, (plan, step) => plan!.GetFractionalEpoch(step));

    public static readonly XAxis Samples = new("samples", "samples seen", needsPlan: true, (plan, step) => plan!.GetSamplesSeen(step));

    public static readonly XAxis Tokens = new("tokens", "tokens seen", needsPlan: true, (plan, step) => plan!.GetTokensSeen(step));

    /// <summary>Every clock <c>--x</c> accepts, in the order the help lists them.</summary>
    public static readonly IReadOnlyList<XAxis> All = [Steps, Epochs, Samples, Tokens];

    /// <summary>The value of <c>--x</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The axis title under the chart.</summary>
    public string Label { get; } = label;

    /// <summary>Whether a schedule whose plan is <paramref name="plan"/> can be drawn on this clock.</summary>
    public bool Fits(TrainingPlan? plan) => !NeedsPlan || (plan is not null && (this != Tokens || plan.CountsTokens));

    /// <summary>True when the clock needs a training plan (a schedule without one can be drawn in steps only).</summary>
    public bool NeedsPlan { get; } = needsPlan;

    /// <summary>Where <paramref name="step"/> falls on this clock.</summary>
    public double At(TrainingPlan? plan, long step) => at(plan, step);

    public static XAxis Named(string name) => All.First(a => a.Name == name);
}
