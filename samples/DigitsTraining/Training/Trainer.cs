using System.Diagnostics;
using LrSchedules;

namespace DigitsTraining.Training;

/// <summary>What drives one training run: the learning rate of every step, and the batch plan (batch size of every step, steps of every epoch).</summary>
/// <param name="LearningRate">Asked for the rate of each step, by the zero-based index of the update, after the step's gradient is computed.</param>
/// <param name="Batches">Asked for the batch size of each step and for the steps of each epoch.</param>
/// <param name="Observer">When set, shown the squared gradient norms of every step (measurement runs, adaptive runs); null for the plain runs.</param>
/// <param name="Optimizer">Makes the run's optimizer from the model's parameters; null for momentum SGD with the trainer's momentum.</param>
internal sealed record RunDrivers(ILearningRateSchedule LearningRate, IBatchPlan Batches, IGradientObserver? Observer = null, Func<IReadOnlyList<Parameter>, IOptimizer>? Optimizer = null);

/// <summary>The state of a run after an epoch (epoch 0 is the state before training).</summary>
/// <param name="Epoch">The number of epochs completed.</param>
/// <param name="Updates">The number of parameter updates made so far.</param>
/// <param name="Samples">The number of examples the updates so far have used.</param>
/// <param name="LearningRateFirst">The learning rate of the epoch's first step; null for epoch 0.</param>
/// <param name="LearningRateLast">The learning rate of the epoch's last step; null for epoch 0.</param>
/// <param name="BatchSizeFirst">The batch size of the epoch's first step; null for epoch 0.</param>
/// <param name="BatchSizeLast">The batch size of the epoch's last step; null for epoch 0.</param>
/// <param name="TrainLoss">The mean cross-entropy over the whole training set, with the labels the run trains on.</param>
/// <param name="TrainAccuracy">The fraction of the training set classified as labelled.</param>
/// <param name="TestLoss">The mean cross-entropy over the test set (clean labels).</param>
/// <param name="TestAccuracy">The fraction of the test set classified correctly.</param>
/// <param name="NoiseScale">The gradient noise scale measured at the end of the epoch, for runs with an <see cref="IGradientObserver"/>; else null.</param>
/// <param name="Progress">AdaScale's scale-invariant progress at the end of the epoch, in base-batch steps, for AdaScale runs; else null.</param>
internal sealed record EpochRecord(
    int Epoch,
    long Updates,
    long Samples,
    double? LearningRateFirst,
    double? LearningRateLast,
    int? BatchSizeFirst,
    int? BatchSizeLast,
    double TrainLoss,
    double TrainAccuracy,
    double TestLoss,
    double TestAccuracy,
    double? NoiseScale = null,
    double? Progress = null);

/// <summary>The outcome of <see cref="Trainer.Train"/>.</summary>
/// <param name="Epochs">One record per epoch, starting with epoch 0 (before training).</param>
/// <param name="Diverged">True when the training loss became NaN or infinite; training stopped at that epoch.</param>
/// <param name="Elapsed">The wall-clock time of the run, evaluation included.</param>
internal sealed record TrainingOutcome(IReadOnlyList<EpochRecord> Epochs, bool Diverged, TimeSpan Elapsed);

/// <summary>
/// Trains the digits perceptron with mini-batch momentum SGD, asking <see cref="RunDrivers"/> at every step for the
/// learning rate and the batch size: the loop a user of the library writes.
/// </summary>
/// <remarks>Each call of <see cref="Train"/> builds its own model, optimizer and generators, so runs are independent and
/// the same seed gives the same numbers. An instance may run several trainings at once on different threads.</remarks>
internal sealed class Trainer
{
    /// <summary>The width of the hidden layer the experiments use.</summary>
    public const int DefaultHidden = 64;

    /// <summary>The SGD momentum the experiments use.</summary>
    public const double DefaultMomentum = 0.9;

    public Trainer(Dataset training, Dataset test, int hidden = DefaultHidden, double momentum = DefaultMomentum)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(test);
        if (training.FeatureCount != test.FeatureCount || training.Classes != test.Classes)
        {
            throw new ArgumentException("The training and test sets differ in features or classes.", nameof(test));
        }

        Training = training;
        Test = test;
        Hidden = hidden;
        Momentum = momentum;
    }

    public Dataset Training { get; }

    public Dataset Test { get; }

    public int Hidden { get; }

    public double Momentum { get; }

    /// <summary>Trains a new model from <paramref name="seed"/> as <paramref name="drivers"/> say.</summary>
    /// <param name="drivers">The learning rate and batch plan of the run.</param>
    /// <param name="seed">Seeds the initial weights and the order of the examples in each epoch.</param>
    /// <param name="maxEpochs">Stops after this many epochs when smaller than the plan's; the plan is not changed (smoke runs).</param>
    /// <param name="onEpoch">Called after each epoch, epoch 0 included, with the record and the time since the start.</param>
    /// <exception cref="InvalidOperationException">The plan has an epoch without steps, a batch size below 1, or more examples in an epoch than the training set has.</exception>
    public TrainingOutcome Train(RunDrivers drivers, long seed, int? maxEpochs = null, Action<EpochRecord, TimeSpan>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        var clock = Stopwatch.StartNew();
        ILearningRateSchedule schedule = drivers.LearningRate;
        IBatchPlan plan = drivers.Batches;
        IGradientObserver? observer = drivers.Observer;
        int epochs = Math.Min(plan.Epochs, maxEpochs ?? int.MaxValue);

        var model = new Mlp(Training.FeatureCount, Hidden, Training.Classes, new Rng(seed, RngStreams.Initialisation));
        IOptimizer optimizer = drivers.Optimizer?.Invoke(model.Parameters) ?? new MomentumSgd(model.Parameters, Momentum);
        var shuffle = new Rng(seed, RngStreams.Shuffle);
        int[] order = Enumerable.Range(0, Training.Count).ToArray();
        var gradients = observer is null ? null : new GradientNorms(model.Parameters, observer.Parts);

        var records = new List<EpochRecord>(epochs + 1);
        long samples = 0;
        Record(Evaluate(model, 0, 0, 0, null, null, null, null));

        for (int epoch = 0; epoch < epochs; epoch++)
        {
            shuffle.Shuffle(order.AsSpan());
            long first = plan.EpochStartStep(epoch);
            long end = plan.EpochStartStep(epoch + 1);
            if (end <= first)
            {
                throw new InvalidOperationException($"Epoch {epoch} of the plan has no step (steps {first} to {end}).");
            }

            int position = 0;
            double firstRate = double.NaN, lastRate = double.NaN;
            int firstBatch = 0, lastBatch = 0;
            for (long step = first; step < end; step++)
            {
                // The two questions a trainer asks the library every step (the rate after the gradient, so that a rate
                // computed from the gradient's statistics, AdaScale's, can use this step's; a schedule gives the same either way).
                int batchSize = plan.BatchSize(step);
                if (batchSize < 1 || batchSize > Training.Count - position)
                {
                    throw new InvalidOperationException(
                        $"Step {step} of epoch {epoch} asks for {batchSize} examples but {Training.Count - position} of the epoch's {Training.Count} are left.");
                }

                ReadOnlySpan<int> rows = order.AsSpan(position, batchSize);
                gradients?.MeasureParts(model, Training, rows);
                model.ForwardBackward(Training, rows);
                gradients?.Report(observer!, step, batchSize);
                double learningRate = schedule.GetLearningRate(step);
                optimizer.Step(learningRate);
                observer?.AfterStep(step, batchSize);
                position += batchSize;
                samples += batchSize;

                if (step == first)
                {
                    firstRate = learningRate;
                    firstBatch = batchSize;
                }

                lastRate = learningRate;
                lastBatch = batchSize;
            }

            // The examples left in `order` past `position` are this epoch's dropped partial batch.
            EpochRecord record = Evaluate(model, epoch + 1, optimizer.Updates, samples, firstRate, lastRate, firstBatch, lastBatch);
            if (observer is not null)
            {
                record = record with { NoiseScale = observer.NoiseScale, Progress = observer.Progress };
            }

            Record(record);
            if (!double.IsFinite(record.TrainLoss))
            {
                return new TrainingOutcome(records, Diverged: true, clock.Elapsed);
            }
        }

        return new TrainingOutcome(records, Diverged: false, clock.Elapsed);

        void Record(EpochRecord record)
        {
            records.Add(record);
            onEpoch?.Invoke(record, clock.Elapsed);
        }
    }

    private EpochRecord Evaluate(
        Mlp model, int epoch, long updates, long samples, double? firstRate, double? lastRate, int? firstBatch, int? lastBatch)
    {
        (double trainLoss, int trainCorrect) = model.Evaluate(Training);
        (double testLoss, int testCorrect) = model.Evaluate(Test);
        return new EpochRecord(
            epoch,
            updates,
            samples,
            firstRate,
            lastRate,
            firstBatch,
            lastBatch,
            trainLoss,
            (double)trainCorrect / Training.Count,
            testLoss,
            (double)testCorrect / Test.Count);
    }
}
