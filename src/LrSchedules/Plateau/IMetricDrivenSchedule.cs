namespace LrSchedules.Plateau;

/// <summary>
/// A learning-rate schedule that also depends on a metric reported during training, such as the validation loss.
/// </summary>
/// <remarks>
/// <para>Unlike <see cref="ILearningRateSchedule"/>, an implementation is <b>stateful</b>: every
/// <see cref="Report(double)"/> may change the rates it returns afterwards. It is therefore deliberately not an
/// <see cref="ILearningRateSchedule"/> and cannot be put inside a combinator (PyTorch likewise refuses
/// <c>ReduceLROnPlateau</c> inside <c>SequentialLR</c> and <c>ChainedScheduler</c>). Use one instance per training run,
/// from one thread, and save it with the run's checkpoint.</para>
/// <para>Its clock counts reports: after <c>n</c> calls to <see cref="Report(double)"/> the current step is <c>n</c>.
/// The usual loop reads <see cref="CurrentLearningRate"/>, trains one step (or one epoch) at that rate, measures the
/// metric and reports it.</para>
/// <para>Public because a training loop reports its metric through it, whatever controller sits behind it.</para>
/// </remarks>
public interface IMetricDrivenSchedule
{
    /// <summary>Gets the number of metrics reported so far, which is the current step.</summary>
    long ReportCount { get; }

    /// <summary>Gets the learning rate for the current step, <see cref="ReportCount"/>: <c>GetLearningRate(ReportCount)</c>.</summary>
    double CurrentLearningRate { get; }

    /// <summary>Gets the learning rate at <paramref name="step"/> given the metrics reported so far.</summary>
    /// <param name="step">A zero-based step, ≥ 0.</param>
    /// <returns>The learning rate, finite and non-negative.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    double GetLearningRate(long step);

    /// <summary>Reports the metric measured after the current step and advances to the next step.</summary>
    /// <param name="metric">The metric, e.g. a validation loss.</param>
    void Report(double metric);
}
