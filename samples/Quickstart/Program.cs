using System.Globalization;
using LrSchedules;

// Two schedules a training run typically uses, built the way the math reads.
const long TotalSteps = 1_000;

// 100 steps of linear warmup from 0 to 0.1, then a cosine decay to 0.001 over the remaining 900 steps.
ILearningRateSchedule warmupCosine = Schedule.Cosine(0.1, 0.001, 900)
    .WithLinearWarmup(warmupSteps: 100);

// Step decay: 0.1, divided by 10 every 300 steps.
ILearningRateSchedule stepDecay = Schedule.Step(initialLearningRate: 0.1, stepSize: 300, decayFactor: 0.1);

Console.WriteLine("Learning rate at chosen steps");
Console.WriteLine($"{"step",14} {"warmup+cosine",15} {"step decay",12}");
foreach (long step in new long[] { 0, 1, 50, 99, 100, 101, 299, 300, 550, 999, 1_000, 1_000_000_000_000 })
{
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{step,14} {warmupCosine.GetLearningRate(step),15:0.000000} {stepDecay.GetLearningRate(step),12:0.000000}"));
}

Console.WriteLine();
PrintChart("warmup + cosine", warmupCosine, TotalSteps);
Console.WriteLine();
PrintChart("step decay", stepDecay, TotalSteps);

// A small text chart: one column per 20 steps, the rate scaled to 10 rows.
static void PrintChart(string title, ILearningRateSchedule schedule, long totalSteps)
{
    const int Rows = 10;
    const int Columns = 50;
    double[] rates = Enumerable.Range(0, Columns)
        .Select(column => schedule.GetLearningRate(column * totalSteps / Columns))
        .ToArray();
    double peak = rates.Max();

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title} (peak {peak:0.###}, steps 0..{totalSteps})"));
    for (int row = Rows; row >= 1; row--)
    {
        double threshold = peak * (row - 0.5) / Rows;
        Console.WriteLine("  |" + new string(rates.Select(rate => rate >= threshold ? '#' : ' ').ToArray()));
    }

    Console.WriteLine("  +" + new string('-', Columns));
}
