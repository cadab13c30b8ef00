namespace DigitsTraining.Training;

/// <summary>An optimizer the trainer steps with the rate the schedule gives each step (<see cref="MomentumSgd"/>, <see cref="Adam"/>).</summary>
internal interface IOptimizer
{
    /// <summary>Gets the number of updates made so far.</summary>
    long Updates { get; }

    /// <summary>Updates every parameter from its current gradient with learning rate <paramref name="learningRate"/>.</summary>
    void Step(double learningRate);
}
