using LrSchedules.Internal;

namespace LrSchedules.Combinators;

/// <summary>A schedule written in epochs, read at optimizer steps.</summary>
/// <remarks>
/// <para>With <c>n = stepsPerEpoch</c>: <c>lr(t) = s(floor(t / n))</c> for <see cref="EpochProgress.Staircase"/>
/// (integer division, exact at every step) and <c>lr(t) = s(t / n)</c> for <see cref="EpochProgress.Fractional"/>.</para>
/// <para>The fractional reading uses the wrapped schedule's continuous clock
/// (<see cref="LearningRateSchedule.GetLearningRate(double)"/>); a user implementation of
/// <see cref="ILearningRateSchedule"/> is defined at whole epochs only, so it reads as a staircase either way.
/// Immutable and thread-safe.</para>
/// </remarks>
internal sealed class EpochSchedule : LearningRateSchedule
{
    private readonly LearningRateSchedule _inner;
    private readonly bool _fractional;

    internal EpochSchedule(LearningRateSchedule inner, long stepsPerEpoch, EpochProgress progress)
    {
        _inner = inner;
        Depth = Composition.Over(inner.Depth, "schedule");
        _fractional = progress == EpochProgress.Fractional;
        StepsPerEpoch = stepsPerEpoch;
        Progress = progress;
    }

    /// <summary>Gets the schedule written in epochs, as it was given.</summary>
    public ILearningRateSchedule Inner => Children.Original(_inner);

    /// <summary>Gets the number of optimizer steps in one epoch; &gt; 0.</summary>
    public long StepsPerEpoch { get; }

    /// <summary>Gets whether the epoch is read whole or fractional.</summary>
    public EpochProgress Progress { get; }

    internal override double Evaluate(double position)
    {
        if (_fractional)
        {
            return _inner.Evaluate(position / StepsPerEpoch);
        }

        long step = Preconditions.ToStep(position);
        return _inner.Evaluate(step / StepsPerEpoch);
    }

    /// <inheritdoc/>
    internal override ValueBounds? Bounds => _inner.Bounds;
}
