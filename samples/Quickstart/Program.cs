using LrSchedules;

// A cosine decay and a step decay, printed at chosen steps.
var cosine = Schedule.Cosine(initialLearningRate: 0.1, totalSteps: 1_000, finalLearningRate: 0.001);
var step = Schedule.Step(initialLearningRate: 0.1, stepSize: 300, decayRate: 0.1);

Console.WriteLine($"{"step",8} {"cosine",12} {"step decay",12}");
foreach (long s in new long[] { 0, 1, 100, 299, 300, 500, 999, 1_000, 5_000 })
{
    Console.WriteLine($"{s,8} {cosine.GetLearningRate(s),12:G6} {step.GetLearningRate(s),12:G6}");
}
