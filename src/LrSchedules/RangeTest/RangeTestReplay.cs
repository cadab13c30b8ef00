namespace LrSchedules.RangeTest;

/// <summary>A recorded sweep replayed through both origins' range tests (<see cref="RangeTestFinder.Replay"/>).</summary>
/// <remarks>The two tests have stopped; their state no longer changes.</remarks>
public sealed class RangeTestReplay
{
    internal RangeTestReplay(FastaiRangeTest fastai, TorchLrFinderRangeTest torchLrFinder, IReadOnlyList<RangeTestSuggestion> suggestions)
    {
        Fastai = fastai;
        TorchLrFinder = torchLrFinder;
        Suggestions = suggestions;
    }

    /// <summary>Gets fastai's test: its smoothed curve, where it stopped, its four suggestions.</summary>
    public FastaiRangeTest Fastai { get; }

    /// <summary>Gets torch-lr-finder's test: its smoothed curve, where it stopped, its suggestion.</summary>
    public TorchLrFinderRangeTest TorchLrFinder { get; }

    /// <summary>Gets every suggestion: <c>fastai.valley</c>, <c>fastai.slide</c>, <c>fastai.minimum</c>, <c>fastai.steep</c>, <c>torch_lr_finder.steepest</c>.</summary>
    public IReadOnlyList<RangeTestSuggestion> Suggestions { get; }
}
