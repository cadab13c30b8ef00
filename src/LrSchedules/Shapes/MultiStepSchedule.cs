using System.Collections.ObjectModel;
using LrSchedules.Internal;

namespace LrSchedules.Shapes;

/// <summary>Multiplies the learning rate by a decay rate at each of a list of milestone steps.</summary>
/// <remarks>
/// <para><c>lr(t) = initialLearningRate · decayFactor^k</c>, where <c>k</c> is the number of milestones ≤ <c>t</c>.</para>
/// <para>Matches PyTorch <c>MultiStepLR(milestones, gamma)</c> (<c>torch/optim/lr_scheduler.py</c>: the closed form uses
/// <c>bisect_right(milestones, last_epoch)</c>). timm <c>MultiStepLRScheduler</c> decays one step earlier
/// (<c>bisect_right(decay_t, t + 1)</c>, <c>timm/scheduler/multistep_lr.py</c>): port it with every milestone minus one.</para>
/// <para>Each query is a binary search over the milestones: O(log n), allocation-free. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class MultiStepSchedule : LearningRateSchedule
{
    private readonly ReadOnlyCollection<long> _milestones;
    private readonly double[] _boundaries;
    private readonly double[] _learningRates;

    internal MultiStepSchedule(double initialLearningRate, long[] milestones, double decayFactor)
    {
        InitialLearningRate = initialLearningRate;
        DecayFactor = decayFactor;
        _milestones = Array.AsReadOnly(milestones);
        _boundaries = Array.ConvertAll(milestones, m => (double)m);
        _learningRates = new double[milestones.Length + 1];
        _learningRates[0] = initialLearningRate;
        for (int i = 1; i < _learningRates.Length; i++)
        {
            // Repeated multiplication, as PyTorch's chained form does at each milestone.
            _learningRates[i] = _learningRates[i - 1] * decayFactor;
            if (!double.IsFinite(_learningRates[i]))
            {
                throw Preconditions.OutOfRange(
                    nameof(decayFactor),
                    decayFactor,
                    $"small enough that initialLearningRate * decayFactor^{i} is finite");
            }
        }
    }

    /// <summary>Gets the learning rate before the first milestone.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Gets the steps at which the rate is multiplied by <see cref="DecayFactor"/>, strictly increasing.</summary>
    public IReadOnlyList<long> Milestones => _milestones;

    /// <summary>Gets the factor applied at each milestone.</summary>
    public double DecayFactor { get; }

    internal override double Evaluate(double position) =>
        _learningRates[SortedSearch.CountAtOrBelow(_boundaries, position)];

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Exact(_learningRates);
}
