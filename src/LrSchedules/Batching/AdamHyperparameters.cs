namespace LrSchedules.Batching;

/// <summary>The four hyper-parameters of Adam that depend on the batch size, as returned by <see cref="BatchScaling.ScaleAdam"/>.</summary>
/// <remarks>Immutable. Public because it is the result a caller sets on the optimizer.</remarks>
public readonly struct AdamHyperparameters : IEquatable<AdamHyperparameters>
{
    internal AdamHyperparameters(double learningRate, double beta1, double beta2, double epsilon)
    {
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>Gets the learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>Gets the decay rate of the first-moment (mean) estimate.</summary>
    public double Beta1 { get; }

    /// <summary>Gets the decay rate of the second-moment (uncentred variance) estimate.</summary>
    public double Beta2 { get; }

    /// <summary>Gets the constant added to the denominator for numerical stability.</summary>
    public double Epsilon { get; }

    /// <summary>Compares two sets of hyper-parameters by value.</summary>
    public static bool operator ==(AdamHyperparameters left, AdamHyperparameters right) => left.Equals(right);

    /// <summary>Compares two sets of hyper-parameters by value.</summary>
    public static bool operator !=(AdamHyperparameters left, AdamHyperparameters right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(AdamHyperparameters other) =>
        LearningRate.Equals(other.LearningRate) && Beta1.Equals(other.Beta1) && Beta2.Equals(other.Beta2) && Epsilon.Equals(other.Epsilon);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AdamHyperparameters other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(LearningRate, Beta1, Beta2, Epsilon);

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"learning rate {LearningRate:R}, beta1 {Beta1:R}, beta2 {Beta2:R}, epsilon {Epsilon:R}");
}
