namespace LrSchedules.Tests.Combinators;

/// <summary>A schedule written by a user against the interface only: <c>1 / (1 + t)</c>, defined at whole steps.</summary>
internal sealed class UserSchedule : ILearningRateSchedule
{
    public double GetLearningRate(long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        return 1.0 / (1.0 + step);
    }
}
