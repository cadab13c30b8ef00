using System.Collections.ObjectModel;
using LrSchedules.Internal;

namespace LrSchedules.Shapes;

/// <summary>A learning rate through a list of knots, interpolated linearly or along half a cosine between them.</summary>
/// <remarks>
/// <para>For knots <c>(x_i, y_i)</c> with <c>x</c> strictly increasing: <c>lr(t) = y_0</c> for <c>t &lt; x_0</c>;
/// for <c>x_i ≤ t &lt; x_{i+1}</c>, with <c>p = (t − x_i) / (x_{i+1} − x_i)</c>,
/// <c>lr(t) = (y_{i+1} − y_i) · p + y_i</c> (<see cref="Curve.Linear"/>) or
/// <c>y_{i+1} + (y_i − y_{i+1}) / 2 · (cos(π · p) + 1)</c> (<see cref="Curve.Cosine"/>); and
/// <c>lr(t) = y_last</c> for <c>t ≥ x_last</c>. These are optax's <c>_linear_interpolate</c> and
/// <c>_cosine_interpolate</c> evaluated in the same order, which is why the cosine form at a knot can differ from
/// <c>y_i</c> in the last bit, as optax's does.</para>
/// <para>Matches optax <c>piecewise_interpolate_schedule(interpolate_type, init_value, boundaries_and_scales)</c>
/// (<c>optax/schedules/_schedule.py</c>, version 0.2.7 and later) through
/// <c>Schedule.PiecewiseInterpolated(initialLearningRate, boundariesAndScales, curve)</c>. optax's first interval
/// starts at 0 (<c>bounds = (0,) + boundaries</c>, no −1 offset): the knots are <c>(0, init_value)</c> and
/// <c>(b_i, init_value · s_1 · … · s_i)</c> for the sorted boundaries, so each scaled value is reached <i>at</i> its
/// boundary and approached from the previous one. A boundary at 0 replaces the knot <c>(0, init_value)</c> (optax's
/// <c>max(interval, 1)</c> makes that empty interval harmless; before 0.2.7 it divided by zero and returned NaN).</para>
/// <para>optax's one-cycle schedules are this shape
/// (<c>int(…)</c> truncates toward zero; write it <c>(long)(pctStart * transitionSteps)</c>):</para>
/// <list type="bullet">
/// <item><description><c>linear_onecycle_schedule(transition_steps, peak_value, pct_start, pct_final, div_factor,
/// final_div_factor)</c> is <c>PiecewiseInterpolated(peakValue / divFactor, {
/// (long)(pctStart * transitionSteps): divFactor, (long)(pctFinal * transitionSteps): 1.0 / divFactor,
/// transitionSteps: 1.0 / finalDivFactor }, Curve.Linear)</c>: up to the peak, back down to <c>peak / div</c>, then to
/// <c>peak / div / final_div</c>.</description></item>
/// <item><description><c>cosine_onecycle_schedule(transition_steps, peak_value, pct_start, div_factor,
/// final_div_factor)</c> is <c>PiecewiseInterpolated(peakValue / divFactor, {
/// (long)(pctStart * transitionSteps): divFactor, transitionSteps: 1.0 / (divFactor * finalDivFactor) }, Curve.Cosine)</c>.</description></item>
/// </list>
/// <para>optax builds those dictionaries from literals, so two boundaries that truncate to the same step collapse into
/// the later entry; this library rejects a repeated boundary, so pass only the surviving one.</para>
/// <para>Each query is a binary search over the knots: O(log n), allocation-free. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class PiecewiseInterpolatedSchedule : LearningRateSchedule
{
    private readonly double[] _positions;
    private readonly double[] _learningRates;
    private readonly ReadOnlyCollection<double> _positionsView;
    private readonly ReadOnlyCollection<double> _learningRatesView;

    internal PiecewiseInterpolatedSchedule(double[] positions, double[] learningRates, Curve curve)
    {
        _positions = positions;
        _learningRates = learningRates;
        _positionsView = Array.AsReadOnly(positions);
        _learningRatesView = Array.AsReadOnly(learningRates);
        Curve = curve;
    }

    /// <summary>Gets the positions of the knots, finite and strictly increasing.</summary>
    public IReadOnlyList<double> Positions => _positionsView;

    /// <summary>Gets the learning rates at the knots, one per position.</summary>
    public IReadOnlyList<double> LearningRates => _learningRatesView;

    /// <summary>Gets how the rate moves between two knots.</summary>
    public Curve Curve { get; }

    internal override double Evaluate(double position)
    {
        int next = SortedSearch.CountAtOrBelow(_positions, position);
        if (next == 0)
        {
            return _learningRates[0];
        }

        if (next == _positions.Length)
        {
            return _learningRates[next - 1];
        }

        double start = _positions[next - 1];
        double progress = (position - start) / (_positions[next] - start);
        double from = _learningRates[next - 1];
        double to = _learningRates[next];
        return Curve == Curve.Linear
            ? ((to - from) * progress) + from
            : to + ((from - to) / 2.0 * (Math.Cos(Math.PI * progress) + 1.0));
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => ValueBounds.Between(_learningRates);
}
