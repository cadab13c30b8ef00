using FsCheck.Xunit;

namespace LrSchedules.Tests.Randomness;

/// <summary>
/// A FsCheck property that runs on <see cref="TestSeed.Replay"/>: the fixed default seed unless <c>LRSCHEDULES_SEED</c>
/// overrides it. Use it instead of <see cref="PropertyAttribute"/>; a failure prints the replay pair and the shrunk case.
/// </summary>
public sealed class SeededPropertyAttribute : PropertyAttribute
{
    public SeededPropertyAttribute() => Replay = TestSeed.Replay;
}
