using System.Collections.ObjectModel;
using LrSchedules.Internal;

namespace LrSchedules.RangeTest;

/// <summary>
/// fastai's learning-rate finder (<c>Learner.lr_find</c>): the loss smoothed as fastai's <c>Recorder</c> smooths it,
/// the test stopped where fastai's <c>LRFinder</c> stops it, and the four suggestion functions
/// <c>valley</c>, <c>slide</c>, <c>minimum</c> and <c>steep</c> on the points <c>lr_find</c> hands them.
/// </summary>
/// <remarks>
/// <para><b>Smoothing</b> (<c>AvgSmoothLoss</c>, <c>fastai/learner.py</c>): after the <c>k</c>-th loss <c>x</c>,
/// <c>v ← torch.lerp(x, v, β)</c> from <c>v = 0</c>, and the recorded loss is the debiased <c>v / (1 − β^k)</c>;
/// β = 0.98 by default (<c>Recorder(beta=0.98)</c>).</para>
/// <para><b>Stopping</b> (<c>LRFinder.after_batch</c>, <c>fastai/callback/schedule.py</c>): the best smoothed loss so
/// far is kept; the test stops after the step whose smoothed loss is &gt; 4 × the best (when <c>stop_div</c>), and after
/// <c>max(6, num_it)</c> steps. The <c>Recorder</c> (order 50) records a step before <c>LRFinder</c> (order 60) decides
/// to stop, so the step that diverged is among the points.</para>
/// <para><b>Suggestions</b> (<c>lr_find</c>): the points <c>[num_it // 10 : −5]</c> (Python slicing), cut before the
/// first NaN loss, then <c>valley</c> (the rate about ½ of the way into the longest strictly descending run of losses,
/// by fastai's index arithmetic, Python's negative index included), <c>slide</c> (the interval slide rule with
/// <c>lr_diff = 15</c>, <c>thresh = 0.005</c>, <c>adjust_value = 1</c>), <c>minimum</c> (the rate at the lowest loss,
/// divided by 10) and <c>steep</c> (the rate where the loss falls fastest against <c>log(lr)</c>). A function with too
/// few points raises in fastai; here it has a <see cref="RangeTestSuggestion.Failure"/> naming that error: <c>valley</c>
/// and <c>minimum</c> need 1 point, <c>steep</c> 2, <c>slide</c> 16.</para>
/// <para><b>Single precision.</b> fastai holds the smoothed loss in a <c>float32</c> tensor and turns the recorded rates
/// and losses into <c>float32</c> tensors before suggesting, so this class does its arithmetic in <see cref="float"/>
/// where fastai does: the raw loss is rounded to <see cref="float"/> (a model's loss is a <c>float32</c>), <c>lerp</c>
/// is PyTorch's scalar kernel <c>v − (v − x) · (1 − β)</c> (<c>aten/src/ATen/native/Lerp.h</c>, for β ≥ 0.5), the
/// debiasing divisor <c>1 − β^k</c> is computed in double and rounded to <see cref="float"/> as PyTorch does with a
/// Python scalar, the 4 × best test, <c>valley</c>'s comparisons, <c>steep</c>'s slopes and <c>slide</c>'s
/// <c>numpy.gradient</c> are all <see cref="float"/>. Returned rates are the <see cref="float"/> rates widened to
/// <see cref="double"/>, as <c>float(tensor)</c> returns them (<c>minimum</c> then divides by 10 in double).
/// <c>slide</c>'s plotted loss is <c>numpy.interp</c> of the double <c>log10</c> of the suggestion against the
/// <c>float32</c> <c>log10</c> of the rates (NumPy applied to a <c>float32</c> tensor). Two divergences remain possible
/// in the last bit: <c>steep</c>'s <c>log</c> and <c>slide</c>'s <c>log10</c> are <c>(float)Math.Log(x)</c> and
/// <c>(float)Math.Log10(x)</c> (correctly rounded almost always; PyTorch's and NumPy's vectorized <c>float32</c>
/// logarithms are within 1 ulp), and a PyTorch build whose compiler fuses
/// <c>lerp</c>'s multiply and subtract into one FMA rounds once where this rounds twice. <c>slide</c> compares
/// <c>float32</c> gradients with <c>thresh</c> as NumPy ≥ 2 does (NEP 50: the Python float is cast to
/// <c>float32</c>).</para>
/// <para>Mutable and not thread-safe: one instance per test.</para>
/// </remarks>
public sealed class FastaiRangeTest : ILearningRateRangeTest
{
    /// <summary>fastai's smoothing factor β (<c>Recorder(beta=0.98)</c>).</summary>
    public const double DefaultBeta = 0.98;

    /// <summary>The factor over the best smoothed loss above which fastai stops the test (<c>4*self.best_loss</c>).</summary>
    public const float DivergenceFactor = 4f;

    private const int LrDiff = 15;
    private const float SlideThreshold = 0.005f;

    private readonly List<RangeTestPoint> _points = [];
    private readonly List<double> _rates = [];
    private readonly List<float> _losses = [];
    private readonly ReadOnlyCollection<RangeTestPoint> _view;
    private readonly float _weight;
    private readonly int _lastStep;
    private float _value;
    private float _best = float.PositiveInfinity;

    /// <summary>Initializes a test planned for <paramref name="plannedSteps"/> steps, as <c>lr_find(num_it=plannedSteps, stop_div=stopOnDivergence)</c>.</summary>
    /// <param name="plannedSteps">fastai's <c>num_it</c>: the number of steps of the sweep; &gt; 0. The test runs at least 6 steps, as fastai's <c>LRFinder</c> does.</param>
    /// <param name="stopOnDivergence">fastai's <c>stop_div</c>: whether to stop when the smoothed loss exceeds 4 × the best. Defaults to <see langword="true"/>.</param>
    /// <param name="beta">The smoothing factor β of the <c>Recorder</c>; in [0, 1). Defaults to 0.98.</param>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it.</exception>
    public FastaiRangeTest(int plannedSteps, bool stopOnDivergence = true, double beta = DefaultBeta)
    {
        Preconditions.Positive(plannedSteps);
        Preconditions.InRange(beta, 0.0, true, 1.0, false);
        PlannedSteps = plannedSteps;
        StopOnDivergence = stopOnDivergence;
        Beta = beta;
        _weight = (float)beta;
        _lastStep = Math.Max(6, plannedSteps);
        _view = _points.AsReadOnly();
    }

    /// <summary>Replays a recorded sweep — each step's learning rate and raw loss, in order — through this origin's smoothing, stopping rule and suggestions; the number of steps is the planned number.</summary>
    /// <param name="sweep">The steps in order: the learning rate each used (finite and &gt; 0) and its raw loss (any value; NaN is a diverged step). At least one.</param>
    /// <returns>The test after the origin stopped reading (diverged, or the steps ran out); its <see cref="Points"/> are the smoothed curve and <see cref="Suggest"/> its suggestions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sweep"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException"><paramref name="sweep"/> is empty, or a learning rate is not finite and &gt; 0.</exception>
    public static FastaiRangeTest Replay(IEnumerable<RangeTestPoint> sweep)
    {
        RangeTestPoint[] steps = RecordedSweep.Validate(sweep);
        return RecordedSweep.Feed(new FastaiRangeTest(steps.Length), steps);
    }

    /// <inheritdoc />
    public int PlannedSteps { get; }

    /// <summary>Gets a value indicating whether the test stops when the smoothed loss exceeds 4 × the best (fastai's <c>stop_div</c>).</summary>
    public bool StopOnDivergence { get; }

    /// <summary>Gets the smoothing factor β.</summary>
    public double Beta { get; }

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

        // AvgSmoothLoss.accumulate: val = torch.lerp(loss, val, beta) in float32, then value = val / (1 - beta**count).
        float x = (float)loss;
        _value = Math.Abs(_weight) < 0.5f ? x + (_weight * (_value - x)) : _value - ((_value - x) * (1f - _weight));
        int count = _points.Count + 1;
        float smoothed = _value / (float)(1.0 - Math.Pow(Beta, count));
        _points.Add(new RangeTestPoint(learningRate, smoothed));
        _rates.Add(learningRate);
        _losses.Add(smoothed);

        // LRFinder.after_batch.
        // Stryker disable once Equality : at smoothed == _best the assignment stores the same value (±0 compare and scale alike)
        if (smoothed < _best)
        {
            _best = smoothed;
        }

        if (smoothed > DivergenceFactor * _best && StopOnDivergence)
        {
            IsStopped = true;
            HasDiverged = true;
        }
        else if (count >= _lastStep)
        {
            IsStopped = true;
        }

        return !IsStopped;
    }

    /// <inheritdoc />
    /// <remarks>The order of fastai's <c>SuggestionMethod</c>: <c>fastai.valley</c>, <c>fastai.slide</c>, <c>fastai.minimum</c>, <c>fastai.steep</c>.</remarks>
    public IReadOnlyList<RangeTestSuggestion> Suggest()
    {
        // lr_find: tensor(recorder.lrs[num_it//10:-5]), tensor(recorder.losses[num_it//10:-5]), cut at the first NaN.
        (int from, int length) = PythonArrays.Slice(_points.Count, PlannedSteps / 10, 5);
        var rates = new float[length];
        var losses = new float[length];
        int kept = 0;
        while (kept < length && !float.IsNaN(_losses[from + kept]))
        {
            rates[kept] = (float)_rates[from + kept];
            losses[kept] = _losses[from + kept];
            kept++;
        }

        RangeTestSuggestion[] suggestions = [Valley(rates.AsSpan(0, kept), losses.AsSpan(0, kept)), Slide(rates.AsSpan(0, kept), losses.AsSpan(0, kept)),
            Minimum(rates.AsSpan(0, kept), losses.AsSpan(0, kept)), Steep(rates.AsSpan(0, kept), losses.AsSpan(0, kept))];
        return suggestions;
    }

    /// <summary>fastai <c>valley</c>: the longest strictly descending run of losses (by its O(n²) search), then the index <c>start + int(s) + int(s / 2)</c> with <c>s = (end − start) / 3</c>.</summary>
    internal static RangeTestSuggestion Valley(ReadOnlySpan<float> rates, ReadOnlySpan<float> losses)
    {
        const string method = "fastai.valley";
        int n = losses.Length;
        if (n == 0)
        {
            return new RangeTestSuggestion(method, "no points left after fastai's slicing (IndexError in valley)");
        }

        int maxStart = 0;
        int maxEnd = 0;
        var lds = new int[n];
        lds.AsSpan().Fill(1);
        for (int i = 1; i < n; i++)
        {
            // fastai's range(0, i); written j != i because a j == i pass would change nothing (losses[i] < losses[i] is false
            // and lds[maxEnd] < lds[i] was settled at j = i − 1), which would leave j <= i an equivalent mutant.
            for (int j = 0; j != i; j++)
            {
                // fastai: if losses[i] < losses[j] and lds[i] < lds[j] + 1: lds[i] = lds[j] + 1.
                if (losses[i] < losses[j])
                {
                    lds[i] = Math.Max(lds[i], lds[j] + 1);
                }

                if (lds[maxEnd] < lds[i])
                {
                    maxEnd = i;
                    maxStart = maxEnd - lds[maxEnd];
                }
            }
        }

        double sections = (maxEnd - maxStart) / 3.0;
        int index = maxStart + (int)sections + (int)(sections / 2);
        if (index < 0)
        {
            index += n; // Python's lrs[-1]
        }

        return new RangeTestSuggestion(method, rates[index], rates[index], losses[index]);
    }

    /// <summary>fastai <c>slide</c>: walk a window of <c>lr_diff</c> points down from the end while the gradients at its two ends differ by more than <c>thresh</c>.</summary>
    internal static RangeTestSuggestion Slide(ReadOnlySpan<float> rates, ReadOnlySpan<float> losses)
    {
        const string method = "fastai.slide";
        int n = losses.Length;
        if (n < 2)
        {
            return new RangeTestSuggestion(method, $"{n} point(s) left after fastai's slicing; numpy.gradient needs 2 (ValueError in slide)");
        }

        if (n < LrDiff + 1)
        {
            return new RangeTestSuggestion(method, $"{n} points left after fastai's slicing; slide reads lrs[-16] (IndexError)");
        }

        float[] gradient = PythonArrays.Gradient(losses);
        int right = -1;
        int left = right - LrDiff;
        float localMinimum = rates[n + left];
        while (left >= -n && Math.Abs(gradient[n + right] - gradient[n + left]) > SlideThreshold)
        {
            localMinimum = rates[n + left];
            right--;
            left--;
        }

        // Stryker disable once Arithmetic : fastai's adjust_value = 1; x * 1.0 and x / 1.0 are both exactly x
        double suggestion = localMinimum * 1.0;

        // The plotted point: numpy.interp(np.log10(suggestion), np.log10(lrs), losses). lrs is a float32 tensor, so its
        // log10 is float32 (widened by interp); the suggestion is a Python float, so its log10 is double.
        var logRates = new double[n];
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            logRates[i] = (float)Math.Log10(rates[i]);
            values[i] = losses[i];
        }

        return new RangeTestSuggestion(method, suggestion, suggestion, PythonArrays.Interpolate(Math.Log10(suggestion), logRates, values));
    }

    /// <summary>fastai <c>minimum</c>: a tenth of the rate at the lowest loss.</summary>
    internal static RangeTestSuggestion Minimum(ReadOnlySpan<float> rates, ReadOnlySpan<float> losses)
    {
        const string method = "fastai.minimum";
        if (losses.Length == 0)
        {
            return new RangeTestSuggestion(method, "no points left after fastai's slicing (argmin of an empty tensor in minimum)");
        }

        double lowest = rates[PythonArrays.ArgMin(losses)];
        return new RangeTestSuggestion(method, lowest / 10, lowest, losses[Nearest(rates, lowest)]);
    }

    /// <summary>fastai <c>steep</c>: the rate at the start of the steepest fall of <c>(loss[i+1] − loss[i]) / (log lr[i+1] − log lr[i])</c>.</summary>
    internal static RangeTestSuggestion Steep(ReadOnlySpan<float> rates, ReadOnlySpan<float> losses)
    {
        const string method = "fastai.steep";
        int n = losses.Length;
        if (n < 2)
        {
            return new RangeTestSuggestion(method, $"{n} point(s) left after fastai's slicing; steep needs 2 (argmin of an empty tensor)");
        }

        var slopes = new float[n - 1];
        for (int i = 0; i < n - 1; i++)
        {
            slopes[i] = (losses[i + 1] - losses[i]) / ((float)Math.Log(rates[i + 1]) - (float)Math.Log(rates[i]));
        }

        double steepest = rates[PythonArrays.ArgMin(slopes)];
        return new RangeTestSuggestion(method, steepest, steepest, losses[Nearest(rates, steepest)]);
    }

    /// <summary><c>min(range(len(lrs)), key=lambda i: abs(lrs[i] - lr))</c>, in float32 as the tensor arithmetic is.</summary>
    private static int Nearest(ReadOnlySpan<float> rates, double rate)
    {
        int best = 0;
        for (int i = 1; i < rates.Length; i++)
        {
            if (Math.Abs(rates[i] - (float)rate) < Math.Abs(rates[best] - (float)rate))
            {
                best = i;
            }
        }

        return best;
    }
}
