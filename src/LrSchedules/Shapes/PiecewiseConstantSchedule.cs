using System.Collections.ObjectModel;
using LrSchedules.Internal;

namespace LrSchedules.Shapes;

/// <summary>A learning rate that is constant between boundaries and jumps at each one.</summary>
/// <remarks>
/// <para><c>lr(t) = learningRates[i]</c> where <c>i</c> is the number of boundaries ≤ <c>t</c>: <c>learningRates[0]</c>
/// before <c>boundaries[0]</c>, <c>learningRates[i]</c> for <c>boundaries[i − 1] ≤ t &lt; boundaries[i]</c>, and the last
/// rate from the last boundary on.</para>
/// <para>Matches optax <c>piecewise_constant_schedule(init_value, boundaries_and_scales)</c>
/// (<c>optax/schedules/_schedule.py</c>) through <c>Schedule.PiecewiseConstant(initialLearningRate, boundariesAndScales)</c>:
/// optax multiplies in the scale of each boundary <c>b</c> once <c>count ≥ b</c> (its indicator
/// <c>max(0, sign(b − count))</c> is 0 at <c>count == b</c>), so the rates are the running products of the scales.
/// Keras <c>PiecewiseConstantDecay(boundaries, values)</c> (<c>keras/src/optimizers/schedules/learning_rate_schedule.py</c>)
/// switches one step later (<c>values[0]</c> while <c>step ≤ boundaries[0]</c>, <c>values[i]</c> for
/// <c>boundaries[i − 1] &lt; step ≤ boundaries[i]</c>): port it with every boundary plus one,
/// <c>Schedule.PiecewiseConstant(values, boundaries.Select(b =&gt; b + 1))</c>.</para>
/// <para>Each query is a binary search over the boundaries: O(log n), allocation-free. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class PiecewiseConstantSchedule : LearningRateSchedule
{
    private readonly double[] _positions;
    private readonly double[] _learningRates;
    private readonly ReadOnlyCollection<long> _boundaries;
    private readonly ReadOnlyCollection<double> _learningRatesView;

    internal PiecewiseConstantSchedule(long[] boundaries, double[] learningRates)
    {
        _positions = Array.ConvertAll(boundaries, boundary => (double)boundary);
        _learningRates = learningRates;
        _boundaries = Array.AsReadOnly(boundaries);
        _learningRatesView = Array.AsReadOnly(learningRates);
    }

    /// <summary>Gets the steps at which the rate changes, strictly increasing and ≥ 0.</summary>
    public IReadOnlyList<long> Boundaries => _boundaries;

    /// <summary>Gets the rates: <c>LearningRates[i]</c> applies from <c>Boundaries[i − 1]</c> (or step 0) up to <c>Boundaries[i]</c>; one more than <see cref="Boundaries"/>.</summary>
    public IReadOnlyList<double> LearningRates => _learningRatesView;

    internal override double Evaluate(double position) =>
        _learningRates[SortedSearch.CountAtOrBelow(_positions, position)];

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Exact(_learningRates);
}
