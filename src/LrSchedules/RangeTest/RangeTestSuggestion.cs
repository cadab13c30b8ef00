namespace LrSchedules.RangeTest;

/// <summary>
/// A rate suggested by one method of a range test, or why the method has none, with the point its origin marks on the
/// plot of the sweep.
/// </summary>
/// <remarks>Immutable. A method has no suggestion exactly where its origin raises an error (too few points left after
/// its slicing); <see cref="Failure"/> then names that error.</remarks>
public sealed class RangeTestSuggestion
{
    internal RangeTestSuggestion(string method, double learningRate, double markerLearningRate, double markerLoss)
    {
        Method = method;
        LearningRate = learningRate;
        MarkerLearningRate = markerLearningRate;
        MarkerLoss = markerLoss;
    }

    internal RangeTestSuggestion(string method, string failure)
    {
        Method = method;
        Failure = failure;
    }

    /// <summary>Gets the method: <c>fastai.valley</c>, <c>fastai.slide</c>, <c>fastai.minimum</c>, <c>fastai.steep</c> or <c>torch_lr_finder.steepest</c>.</summary>
    public string Method { get; }

    /// <summary>Gets the suggested learning rate.</summary>
    /// <value><see langword="null"/> when the method has none (see <see cref="Failure"/>).</value>
    public double? LearningRate { get; }

    /// <summary>Gets the learning rate of the point the origin marks on its plot (for <c>fastai.minimum</c> the rate at the lowest loss, ten times the suggestion).</summary>
    /// <value><see langword="null"/> when the method has no suggestion.</value>
    public double? MarkerLearningRate { get; }

    /// <summary>Gets the loss of the point the origin marks on its plot.</summary>
    /// <value><see langword="null"/> when the method has no suggestion.</value>
    public double? MarkerLoss { get; }

    /// <summary>Gets why the method has no suggestion: the error its origin raises on the same points.</summary>
    /// <value><see langword="null"/> when there is a suggestion.</value>
    public string? Failure { get; }
}
