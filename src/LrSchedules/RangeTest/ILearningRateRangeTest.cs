namespace LrSchedules.RangeTest;

/// <summary>
/// A learning-rate range test in progress: it takes the loss of each step of the sweep, smooths it, says when to stop,
/// and suggests rates from what it recorded.
/// </summary>
/// <remarks>Implementations are mutable and not thread-safe: one instance per test, fed from the training loop.</remarks>
public interface ILearningRateRangeTest
{
    /// <summary>Gets the number of steps the sweep was planned for.</summary>
    int PlannedSteps { get; }

    /// <summary>Gets a value indicating whether the test has stopped (diverged, or the planned steps are done); <see cref="Record"/> then throws.</summary>
    bool IsStopped { get; }

    /// <summary>Gets a value indicating whether the test stopped because the smoothed loss diverged.</summary>
    bool HasDiverged { get; }

    /// <summary>Gets the points recorded so far: each step's learning rate and smoothed loss, as the origin records them, including the step that stopped the test.</summary>
    IReadOnlyList<RangeTestPoint> Points { get; }

    /// <summary>Records the loss of the next step of the sweep.</summary>
    /// <param name="learningRate">The learning rate the step used; finite and &gt; 0.</param>
    /// <param name="loss">The raw loss of the step; NaN and infinities are data (a diverged network), not errors.</param>
    /// <returns><see langword="true"/> to go on with the next step, <see langword="false"/> when the test has stopped.</returns>
    /// <exception cref="ScheduleArgumentException"><paramref name="learningRate"/> is not finite and &gt; 0.</exception>
    /// <exception cref="InvalidOperationException">The test has already stopped.</exception>
    bool Record(double learningRate, double loss);

    /// <summary>Suggests learning rates from the points recorded so far, by each method of the origin.</summary>
    /// <returns>One suggestion per method, in the origin's order; a method with too few points has a <see cref="RangeTestSuggestion.Failure"/> instead.</returns>
    IReadOnlyList<RangeTestSuggestion> Suggest();
}
