using System.Collections.ObjectModel;
using LrSchedules.Internal;

namespace LrSchedules.RangeTest;

/// <summary>
/// torch-lr-finder's range test (<c>LRFinder.range_test</c> and <c>LRFinder.plot</c>,
/// <c>torch_lr_finder/lr_finder.py</c>): exponential smoothing of the loss, a stop at 5 × the best, and the steepest
/// gradient as the suggestion.
/// </summary>
/// <remarks>
/// <para><b>Smoothing and stopping</b> (<c>range_test</c>): the first loss is recorded as it is and is the first best;
/// after it, <c>loss ← f · loss + (1 − f) · previous recorded loss</c> with <c>f = smooth_f</c> (0.05; 0 turns smoothing
/// off), the best is the lowest recorded loss, and the test stops after the step whose recorded loss is
/// <c>&gt; diverge_th · best</c> (5), or after <c>num_iter</c> steps. A NaN loss never compares, so it neither becomes
/// the best nor stops the test; the smoothing carries it to every later step, as in the origin.</para>
/// <para><b>Suggestion</b> (<c>plot(skip_start=10, skip_end=5, suggest_lr=True)</c>): the points
/// <c>[skip_start : −skip_end]</c> (all from <c>skip_start</c> when <c>skip_end</c> is 0), then the rate at
/// <c>numpy.argmin(numpy.gradient(losses))</c> — the steepest fall per point, not per unit of <c>log lr</c>; NumPy's
/// <c>argmin</c> returns the first NaN when there is one. With fewer than 2 points <c>numpy.gradient</c> raises and the
/// origin prints that it failed; here the suggestion has a <see cref="RangeTestSuggestion.Failure"/>.</para>
/// <para>torch-lr-finder records Python floats, so everything is in <see cref="double"/>, as in the origin.</para>
/// <para>Mutable and not thread-safe: one instance per test.</para>
/// </remarks>
public sealed class TorchLrFinderRangeTest : ILearningRateRangeTest
{
    /// <summary>torch-lr-finder's <c>smooth_f</c>.</summary>
    public const double DefaultSmoothing = 0.05;

    /// <summary>torch-lr-finder's <c>diverge_th</c>.</summary>
    public const double DefaultDivergenceThreshold = 5.0;

    private readonly List<RangeTestPoint> _points = [];
    private readonly ReadOnlyCollection<RangeTestPoint> _view;
    private double _best;

    /// <summary>Initializes a test planned for <paramref name="plannedSteps"/> steps, as <c>range_test(num_iter=plannedSteps, smooth_f=smoothing, diverge_th=divergenceThreshold)</c>.</summary>
    /// <param name="plannedSteps">torch-lr-finder's <c>num_iter</c>; &gt; 0.</param>
    /// <param name="smoothing"><c>smooth_f</c>, the weight of the new loss; in [0, 1). Defaults to 0.05.</param>
    /// <param name="divergenceThreshold"><c>diverge_th</c>; finite and &gt; 0. Defaults to 5.</param>
    /// <param name="skipStart"><c>plot</c>'s <c>skip_start</c>, the points left out at the start before suggesting; ≥ 0. Defaults to 10.</param>
    /// <param name="skipEnd"><c>plot</c>'s <c>skip_end</c>, the points left out at the end; ≥ 0. Defaults to 5.</param>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public TorchLrFinderRangeTest(int plannedSteps, double smoothing = DefaultSmoothing, double divergenceThreshold = DefaultDivergenceThreshold, int skipStart = 10, int skipEnd = 5)
    {
        Preconditions.Positive(plannedSteps);
        Preconditions.InRange(smoothing, 0.0, true, 1.0, false);
        Preconditions.Positive(divergenceThreshold);
        Preconditions.NonNegative(skipStart);
        Preconditions.NonNegative(skipEnd);
        PlannedSteps = plannedSteps;
        Smoothing = smoothing;
        DivergenceThreshold = divergenceThreshold;
        SkipStart = skipStart;
        SkipEnd = skipEnd;
        _view = _points.AsReadOnly();
    }

    /// <summary>Replays a recorded sweep — each step's learning rate and raw loss, in order — through this origin's smoothing, stopping rule and suggestions; the number of steps is the planned number.</summary>
    /// <param name="sweep">The steps in order: the learning rate each used (finite and &gt; 0) and its raw loss (any value; NaN is a diverged step). At least one.</param>
    /// <returns>The test after the origin stopped reading (diverged, or the steps ran out); its <see cref="Points"/> are the smoothed curve and <see cref="Suggest"/> its suggestions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sweep"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException"><paramref name="sweep"/> is empty, or a learning rate is not finite and &gt; 0.</exception>
    public static TorchLrFinderRangeTest Replay(IEnumerable<RangeTestPoint> sweep)
    {
        RangeTestPoint[] steps = RecordedSweep.Validate(sweep);
        return RecordedSweep.Feed(new TorchLrFinderRangeTest(steps.Length), steps);
    }

    /// <inheritdoc />
    public int PlannedSteps { get; }

    /// <summary>Gets <c>smooth_f</c>, the weight of each new loss.</summary>
    public double Smoothing { get; }

    /// <summary>Gets <c>diverge_th</c>: the test stops when the recorded loss exceeds this many times the best.</summary>
    public double DivergenceThreshold { get; }

    /// <summary>Gets the number of points left out at the start before suggesting.</summary>
    public int SkipStart { get; }

    /// <summary>Gets the number of points left out at the end before suggesting.</summary>
    public int SkipEnd { get; }

    /// <inheritdoc />
    public bool IsStopped { get; private set; }

    /// <inheritdoc />
    public bool HasDiverged { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<RangeTestPoint> Points => _view;

    /// <inheritdoc />
    public bool Record(double learningRate, double loss)
    {
        Preconditions.Positive(learningRate);
        if (IsStopped)
        {
            throw new InvalidOperationException("The range test has stopped; start a new one to record more steps.");
        }

        if (_points.Count == 0)
        {
            _best = loss;
        }
        else
        {
            if (Smoothing > 0)
            {
                loss = (Smoothing * loss) + ((1 - Smoothing) * _points[^1].Loss);
            }

            // Stryker disable once Equality : at loss == _best the assignment stores the same value (±0 compare and scale alike)
            if (loss < _best)
            {
                _best = loss;
            }
        }

        _points.Add(new RangeTestPoint(learningRate, loss));
        if (loss > DivergenceThreshold * _best)
        {
            IsStopped = true;
            HasDiverged = true;
        }
        else if (_points.Count >= PlannedSteps)
        {
            IsStopped = true;
        }

        return !IsStopped;
    }

    /// <inheritdoc />
    /// <remarks>One method: <c>torch_lr_finder.steepest</c>.</remarks>
    public IReadOnlyList<RangeTestSuggestion> Suggest()
    {
        const string method = "torch_lr_finder.steepest";
        (int from, int length) = PythonArrays.Slice(_points.Count, SkipStart, SkipEnd);
        if (length < 2)
        {
            RangeTestSuggestion[] none = [new RangeTestSuggestion(method, $"{length} point(s) left after skipping {SkipStart} at the start and {SkipEnd} at the end; numpy.gradient needs 2")];
            return none;
        }

        var losses = new double[length];
        for (int i = 0; i < length; i++)
        {
            losses[i] = _points[from + i].Loss;
        }

        int steepest = PythonArrays.ArgMin(PythonArrays.Gradient(losses));
        RangeTestPoint point = _points[from + steepest];
        RangeTestSuggestion[] suggestion = [new RangeTestSuggestion(method, point.LearningRate, point.LearningRate, point.Loss)];
        return suggestion;
    }
}
