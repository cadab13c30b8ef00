namespace DigitsTraining.Training;

/// <summary>
/// The batch side of a run: how many examples each optimizer step uses and which steps make up each epoch. With the
/// learning rate (an <see cref="LrSchedules.ILearningRateSchedule"/>) it is all the trainer needs to know about a run.
/// </summary>
/// <remarks>
/// <para>Like a schedule, a plan is a pure function: the same step always gives the same batch size.</para>
/// <para>The trainer walks epoch <c>e</c> (zero-based) over the steps <c>EpochStartStep(e)</c> to
/// <c>EpochStartStep(e + 1) − 1</c>, each taking the next <c>BatchSize(step)</c> examples of that epoch's shuffled
/// order; what is left at the end of the epoch is dropped (PyTorch's <c>drop_last=True</c>). A plan whose steps ask
/// for more examples in one epoch than the training set has is an error the trainer reports.</para>
/// </remarks>
internal interface IBatchPlan
{
    /// <summary>Gets the number of epochs the plan covers.</summary>
    int Epochs { get; }

    /// <summary>Gets the first step of the zero-based <paramref name="epoch"/>; <c>EpochStartStep(Epochs)</c> is the total number of steps.</summary>
    /// <param name="epoch">An epoch in 0..<see cref="Epochs"/>.</param>
    long EpochStartStep(int epoch);

    /// <summary>Gets the number of examples the zero-based <paramref name="step"/> uses; ≥ 1.</summary>
    int BatchSize(long step);
}
