namespace LrSchedules.Batching;

/// <summary>The clocks of a training run. With a changing batch size they advance at different rates, so a schedule says which one it is written in.</summary>
/// <remarks>
/// <para>A <see cref="TrainingPlan"/> converts between them: for every step it knows the epoch and the samples seen, and back.</para>
/// </remarks>
public enum TrainingClock
{
    /// <summary>Optimizer steps (parameter updates), counted from 0.</summary>
    Steps = 0,

    /// <summary>Epochs (passes over the dataset), counted from 0; a fractional epoch is the share of the current pass already drawn.</summary>
    Epochs = 1,

    /// <summary>Samples seen: the number of training samples drawn by all earlier steps, counted from 0.</summary>
    Samples = 2,

    /// <summary>Tokens seen: the tokens of the samples drawn by all earlier steps (samples × sequence length), counted from 0; only on a plan with a sequence length (<see cref="BatchSchedule.TokenPlan"/>).</summary>
    Tokens = 3,
}
