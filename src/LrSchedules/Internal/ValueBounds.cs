namespace LrSchedules.Internal;

/// <summary>
/// The least and greatest value a schedule can return over every position ≥ 0, or a conservative enclosure of them
/// (<see cref="Minimum"/> ≤ every value ≤ <see cref="Maximum"/>). Used once, at construction, by the typed hyper-parameter
/// schedules (<see cref="MomentumSchedule"/>, <see cref="BetaSchedule"/>, <see cref="WeightDecaySchedule"/>) to check a
/// whole schedule against the range of its hyper-parameter; never on a query.
/// </summary>
/// <param name="Minimum">A value ≤ every value of the schedule.</param>
/// <param name="Maximum">A value ≥ every value of the schedule.</param>
internal readonly record struct ValueBounds(double Minimum, double Maximum)
{
    // Margin, in units in the last place of the largest value, for shapes that compute with a few floating-point
    // operations: a + (b - a) * t rounds within about 1.5 ulps of max(|a|, |b|), which can be many ulps of the smaller.
    private const int RoundingUlps = 4;

    /// <summary>Bounds of a schedule that only ever returns values stored in it (no arithmetic): exact.</summary>
    public static ValueBounds Exact(ReadOnlySpan<double> values)
    {
        double minimum = values[0];
        double maximum = values[0];
        foreach (double value in values[1..])
        {
            minimum = Math.Min(minimum, value);
            maximum = Math.Max(maximum, value);
        }

        return new ValueBounds(minimum, maximum);
    }

    /// <summary>
    /// Bounds of a schedule whose values are computed between the given ones (interpolations, decays, cosines):
    /// their range widened by 4 ulps of the largest for rounding, never below 0 nor above <see cref="double.MaxValue"/>.
    /// </summary>
    public static ValueBounds Between(params ReadOnlySpan<double> values)
    {
        ValueBounds exact = Exact(values);
        double margin = RoundingUlps * (Math.BitIncrement(exact.Maximum) - exact.Maximum);
        return new ValueBounds(Math.Max(exact.Minimum - margin, 0.0), Math.Min(exact.Maximum + margin, double.MaxValue));
    }

    /// <summary>The smallest bounds enclosing both, or null when either is unknown.</summary>
    public static ValueBounds? Union(ValueBounds? first, ValueBounds? second) =>
        first is { } a && second is { } b
            ? new ValueBounds(Math.Min(a.Minimum, b.Minimum), Math.Max(a.Maximum, b.Maximum))
            : null;

    /// <summary>The bounds of a schedule that returns, at each position, a value of one of <paramref name="parts"/>; null when any is unknown.</summary>
    public static ValueBounds? Union(LearningRateSchedule[] parts)
    {
        ValueBounds? bounds = parts[0].Bounds;
        for (int i = 1; i < parts.Length; i++)
        {
            bounds = Union(bounds, parts[i].Bounds);
        }

        return bounds;
    }
}
