using LrSchedules.Internal;

namespace LrSchedules.Batching;

/// <content>The transform of Smith et al. 2017: increase the batch size instead of decaying the learning rate.</content>
public static partial class BatchSchedule
{
    /// <summary>The most epochs <see cref="IncreaseBatchSizeInsteadOfDecay"/> computes a batch size for.</summary>
    private const long MostGrowthEpochs = 1_000_000;

    /// <summary>
    /// Turns a decaying learning-rate schedule into a growing batch size with the same SGD noise scale at every step:
    /// "Don't Decay the Learning Rate, Increase the Batch Size" (Smith, Kindermans, Ying and Le 2017).
    /// </summary>
    /// <param name="learningRate">The source schedule (step, multi-step, exponential, cosine, ...), written on <paramref name="clock"/> for <paramref name="initialBatchSize"/>; finite and &gt; 0 at the start of each of the first <paramref name="epochs"/> epochs, because the transform divides by it. Where the source rises above its initial rate (a warmup, a cycle) the formula gives a batch below <c>B0</c>, down to the granularity's smallest size: the same noise scale, as the paper's rule implies. To keep a warmup at <c>B0</c>, transform the decay alone and put the warmup on <see cref="BatchGrowthPlan.LearningRate"/>.</param>
    /// <param name="clock">The clock <paramref name="learningRate"/> is written on: <see cref="TrainingClock.Epochs"/> or <see cref="TrainingClock.Samples"/> (a schedule in steps changes meaning when the batch grows).</param>
    /// <param name="datasetSize">The number of samples in one epoch; &gt; 0 and ≥ <paramref name="maximumBatchSize"/>.</param>
    /// <param name="lastBatch">Whether the last, partial batch of an epoch is kept or dropped.</param>
    /// <param name="initialBatchSize"><c>B0</c>, the batch size the source schedule is for; &gt; 0 and allowed by <paramref name="granularity"/>.</param>
    /// <param name="maximumBatchSize">The ceiling of the batch size (memory, or the gradient noise scale); ≥ <paramref name="initialBatchSize"/> and allowed by <paramref name="granularity"/>.</param>
    /// <param name="epochs">The number of epochs at whose start the batch size is computed, usually the length of training; in [1, 1 000 000]. Later epochs keep the last batch size.</param>
    /// <param name="granularity">The batch sizes allowed; <see cref="BatchSizeGranularity.Any"/> when null.</param>
    /// <param name="learningRateScale">The <c>B ∝ lr</c> variant: the initial rate and batch size are both multiplied by this factor, which keeps the noise scale and cuts the number of updates further; finite and ≥ 1. Defaults to 1.</param>
    /// <param name="momentum"><c>m0</c>, the momentum the source schedule is for; in [0, 1). Defaults to 0.</param>
    /// <param name="increasedMomentum">The momentum variant: <c>m1</c>, the momentum to train with; in [<paramref name="momentum"/>, 1). The batch grows by <c>(1 − m0) / (1 − m1)</c> at once (<c>B ∝ 1 / (1 − m)</c>). Defaults to <paramref name="momentum"/>.</param>
    /// <returns>A <see cref="BatchGrowthPlan"/>: <c>B(e) = min(Bmax, round(B0 · c · lr(0) / lr(e)))</c> with <c>c = learningRateScale · (1 − m0) / (1 − m1)</c>, and <c>lr'(t) = lr(x(t)) · B(t) / B0 · (1 − m1) / (1 − m0)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="learningRate"/> is null.</exception>
    /// <exception cref="ScheduleArgumentException">An argument is outside the range given for it, or <paramref name="learningRate"/> is 0, negative or not finite where the transform divides by it.</exception>
    public static BatchGrowthPlan IncreaseBatchSizeInsteadOfDecay(
        ILearningRateSchedule learningRate,
        TrainingClock clock,
        long datasetSize,
        LastBatch lastBatch,
        long initialBatchSize,
        long maximumBatchSize,
        long epochs,
        BatchSizeGranularity? granularity = null,
        double learningRateScale = 1.0,
        double momentum = 0.0,
        double? increasedMomentum = null)
    {
        LearningRateSchedule source = LearningRateSchedule.From(learningRate, nameof(learningRate));
        granularity ??= BatchSizeGranularity.Any;
        RequireGrowthArguments(clock, datasetSize, lastBatch, initialBatchSize, maximumBatchSize, epochs, granularity);
        Preconditions.InRange(learningRateScale, 1.0, true, double.MaxValue, true);
        Preconditions.InRange(momentum, 0.0, true, 1.0, false);
        double trainingMomentum = increasedMomentum ?? momentum;
        Preconditions.InRange(trainingMomentum, momentum, true, 1.0, false, nameof(increasedMomentum));

        double growth = learningRateScale * (1.0 - momentum) / (1.0 - trainingMomentum);
        TrainingPlan plan = GrowBatchWhereRateDecays(source, clock, datasetSize, lastBatch, initialBatchSize, maximumBatchSize, epochs, granularity, growth);
        return new BatchGrowthPlan(learningRate, source, clock, plan, initialBatchSize, maximumBatchSize, epochs, granularity, learningRateScale, momentum, trainingMomentum)
            .Declared(nameof(IncreaseBatchSizeInsteadOfDecay), learningRate, clock, datasetSize, lastBatch, initialBatchSize, maximumBatchSize, epochs, granularity, learningRateScale, momentum, increasedMomentum);
    }

    /// <summary>Validates the arguments the growth transforms share (Smith's and Seesaw), naming each as the factories declare it.</summary>
    private static void RequireGrowthArguments(TrainingClock clock, long datasetSize, LastBatch lastBatch, long initialBatchSize, long maximumBatchSize, long epochs, BatchSizeGranularity granularity)
    {
        if (clock is not (TrainingClock.Epochs or TrainingClock.Samples))
        {
            throw Preconditions.OutOfRange(nameof(clock), clock, "Epochs or Samples: a schedule written in steps changes meaning when the batch size grows");
        }

        Preconditions.Positive(datasetSize);
        Preconditions.Defined(lastBatch);
        Preconditions.Positive(initialBatchSize);
        RequireAllowed(initialBatchSize, granularity);
        Preconditions.AtLeast(maximumBatchSize, initialBatchSize);
        RequireAllowed(maximumBatchSize, granularity);
        if (datasetSize < maximumBatchSize)
        {
            throw Preconditions.OutOfRange(nameof(datasetSize), datasetSize, $">= maximumBatchSize ({Preconditions.Format(maximumBatchSize)}), so that every epoch has at least one full batch");
        }

        if (epochs < 1 || epochs > MostGrowthEpochs)
        {
            throw Preconditions.OutOfRange(nameof(epochs), epochs, $"in [1, {Preconditions.Format(MostGrowthEpochs)}]");
        }
    }

    /// <summary>
    /// The batch plan of a growth transform: at the first step of each of the first <paramref name="epochs"/> epochs,
    /// <c>B(e) = min(Bmax, round(B0 · growth · lr(0) / lr(x_e)))</c>, with <c>x_e</c> that step's position on
    /// <paramref name="clock"/> (samples seen counted exactly as the plan will count them).
    /// </summary>
    private static TrainingPlan GrowBatchWhereRateDecays(
        LearningRateSchedule source, TrainingClock clock, long datasetSize, LastBatch lastBatch, long initialBatchSize, long maximumBatchSize, long epochs, BatchSizeGranularity granularity, double growth)
    {
        double initialRate = RateToDivideBy(source, 0.0, 0, epochs);
        long initial = 0;
        long previous = 0;
        Int128 samplesSeen = 0;
        var changes = new List<BatchSizeChange>();
        for (long epoch = 0; epoch < epochs; epoch++)
        {
            double position = clock == TrainingClock.Epochs ? epoch : (double)samplesSeen;
            double target = initialBatchSize * growth * (initialRate / RateToDivideBy(source, position, epoch, epochs));
            long batchSize = target >= maximumBatchSize ? maximumBatchSize : Math.Min(maximumBatchSize, granularity.RoundUnchecked(target));
            if (epoch == 0)
            {
                initial = batchSize;
            }
            else if (batchSize != previous)
            {
                changes.Add(new BatchSizeChange(epoch, batchSize));
            }

            previous = batchSize;
            samplesSeen += lastBatch == LastBatch.Keep ? datasetSize : datasetSize / batchSize * batchSize;
        }

        var batchSizes = new PiecewiseBatchSizeSchedule(initial, changes.ToArray(), TrainingClock.Epochs);
        return new TrainingPlan(datasetSize, batchSizes, lastBatch);
    }

    private static double RateToDivideBy(LearningRateSchedule source, double position, long epoch, long epochs)
    {
        double rate = source.Evaluate(position);
        if (!(rate > 0.0) || double.IsPositiveInfinity(rate))
        {
            throw Preconditions.OutOfRange(
                "learningRate",
                rate,
                $"a schedule whose rate is a finite number > 0 at the start of each of the first {Preconditions.Format(epochs)} epochs, because the transform divides by it; its rate at epoch {Preconditions.Format(epoch)} (position {Preconditions.Format(position)}) is shown");
        }

        return rate;
    }
}
