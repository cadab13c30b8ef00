namespace LrSchedules.Tests.Batching;

/// <summary>
/// The ground truth for <see cref="TrainingPlan"/>: a data loader walked one step at a time, exactly as the plan's
/// remarks describe it. The plan must agree with it at every step, in closed form.
/// </summary>
public static class LoaderSimulation
{
    public readonly record struct SimulatedStep(
        long Step,
        long Epoch,
        long StepInEpoch,
        long SamplesSeen,
        long SamplesSeenInEpoch,
        long BatchSize,
        long ScheduledBatchSize);

    public static SimulatedStep[] Run(long datasetSize, BatchSizeSchedule schedule, LastBatch lastBatch, int steps)
    {
        var result = new SimulatedStep[steps];
        long epoch = 0, stepInEpoch = 0, samplesInEpoch = 0, samplesSeen = 0;
        for (long step = 0; step < steps; step++)
        {
            if (samplesInEpoch == datasetSize)
            {
                (epoch, stepInEpoch, samplesInEpoch) = (epoch + 1, 0, 0);
            }

            long scheduled = BatchSizeAt(schedule, step, samplesSeen, epoch);
            if (lastBatch == LastBatch.Drop && datasetSize - samplesInEpoch < scheduled)
            {
                // Too few samples left for a full batch: they are dropped and this step starts the next epoch.
                (epoch, stepInEpoch, samplesInEpoch) = (epoch + 1, 0, 0);
                scheduled = BatchSizeAt(schedule, step, samplesSeen, epoch);
            }

            long drawn = lastBatch == LastBatch.Keep ? Math.Min(scheduled, datasetSize - samplesInEpoch) : scheduled;
            result[step] = new SimulatedStep(step, epoch, stepInEpoch, samplesSeen, samplesInEpoch, drawn, scheduled);
            samplesInEpoch += drawn;
            samplesSeen += drawn;
            stepInEpoch++;
        }

        return result;
    }

    private static long BatchSizeAt(BatchSizeSchedule schedule, long step, long samplesSeen, long epoch) => schedule.Clock switch
    {
        TrainingClock.Steps => schedule.GetBatchSize(step),
        TrainingClock.Samples => schedule.GetBatchSize(samplesSeen),
        _ => schedule.GetBatchSize(epoch),
    };

    /// <summary>Asserts that every query of the plan agrees with the simulation, forwards and backwards.</summary>
    public static void ShouldMatchSimulation(this TrainingPlan plan, int steps, string? random = null)
    {
        SimulatedStep[] expected = Run(plan.DatasetSize, plan.BatchSizeSchedule, plan.LastBatch, steps);
        var failures = new List<string>();
        void Check<T>(T actual, T wanted, string what, long step)
        {
            if (!EqualityComparer<T>.Default.Equals(actual, wanted) && failures.Count < 20)
            {
                failures.Add($"step {step}: {what} was {actual} but the loader gives {wanted}");
            }
        }

        foreach (SimulatedStep s in expected)
        {
            TrainingPosition p = plan.GetPosition(s.Step);
            Check(p.Epoch, s.Epoch, "epoch", s.Step);
            Check(p.StepInEpoch, s.StepInEpoch, "step in epoch", s.Step);
            Check(p.SamplesSeen, s.SamplesSeen, "samples seen", s.Step);
            Check(p.SamplesSeenInEpoch, s.SamplesSeenInEpoch, "samples seen in epoch", s.Step);
            Check(p.BatchSize, s.BatchSize, "batch size", s.Step);
            Check(p.ScheduledBatchSize, s.ScheduledBatchSize, "scheduled batch size", s.Step);
            Check(p.FractionalEpoch, s.Epoch + ((double)s.SamplesSeenInEpoch / plan.DatasetSize), "fractional epoch", s.Step);
            Check(plan.GetEpoch(s.Step), s.Epoch, "GetEpoch", s.Step);
            Check(plan.GetStepInEpoch(s.Step), s.StepInEpoch, "GetStepInEpoch", s.Step);
            Check(plan.GetSamplesSeen(s.Step), s.SamplesSeen, "GetSamplesSeen", s.Step);
            Check(plan.GetBatchSize(s.Step), s.BatchSize, "GetBatchSize", s.Step);
            Check(plan.GetScheduledBatchSize(s.Step), s.ScheduledBatchSize, "GetScheduledBatchSize", s.Step);
            Check(plan.GetFractionalEpoch(s.Step), p.FractionalEpoch, "GetFractionalEpoch", s.Step);
            if (s.StepInEpoch == 0)
            {
                Check(plan.GetFirstStepOfEpoch(s.Epoch), s.Step, $"the first step of epoch {s.Epoch}", s.Step);
            }

            // Backwards: the first step with at least n samples seen, around the samples seen before this step.
            for (long samples = Math.Max(0, s.SamplesSeen - 1); samples <= s.SamplesSeen + 1; samples++)
            {
                int first = FirstWithSamplesSeen(expected, samples);
                if (first < expected.Length)
                {
                    Check(plan.GetFirstStepWithSamplesSeen(samples), (long)first, $"the first step with {samples} samples seen", s.Step);
                }
            }
        }

        failures.Should().BeEmpty($"the plan of {plan.BatchSizeSchedule.GetType().Name} ({plan.LastBatch}, N = {plan.DatasetSize}) must agree with a step-by-step loader{(random is null ? string.Empty : $" ({random})")}");
    }

    private static int FirstWithSamplesSeen(SimulatedStep[] steps, long samples)
    {
        int low = 0, high = steps.Length;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (steps[middle].SamplesSeen >= samples)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
