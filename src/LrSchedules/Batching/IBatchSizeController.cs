namespace LrSchedules.Batching;

/// <summary>
/// A batch size and learning rate that depend on a statistic reported during training, such as the measured gradient
/// noise scale: the batch-size counterpart of <see cref="IMetricDrivenSchedule"/>.
/// </summary>
/// <remarks>
/// <para>An implementation is <b>stateful</b>: every <see cref="Report(double)"/> may change the batch sizes and rates of
/// the steps after it. Use one instance per training run, from one thread, and save its state with the checkpoint.</para>
/// <para>Its clock counts reports: after <c>n</c> calls to <see cref="Report(double)"/> the current step is <c>n</c>. The
/// usual loop reads <see cref="CurrentBatchSize"/> and <see cref="CurrentLearningRate"/>, trains one step with them,
/// measures the statistic and reports it.</para>
/// </remarks>
public interface IBatchSizeController
{
    /// <summary>Gets the number of statistics reported so far, which is the current step.</summary>
    long ReportCount { get; }

    /// <summary>Gets the global batch size of the current step, <see cref="ReportCount"/>.</summary>
    long CurrentBatchSize { get; }

    /// <summary>Gets the learning rate of the current step, <see cref="ReportCount"/>.</summary>
    double CurrentLearningRate { get; }

    /// <summary>Reports the statistic measured at the current step and advances to the next step.</summary>
    /// <param name="statistic">The statistic, e.g. the gradient noise scale <c>B_simple</c>.</param>
    void Report(double statistic);
}
