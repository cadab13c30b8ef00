namespace LrSchedules.Tests.Conformance;

/// <summary>
/// PyTorch <c>ReduceLROnPlateau</c>: the one stateful case. <c>lr[t]</c> is read before <c>step(metrics[t])</c>.
/// </summary>
public static partial class GoldenMapper
{
    private static double[] RunPlateau(GoldenCase goldenCase)
    {
        const string Api = "torch.optim.lr_scheduler.ReduceLROnPlateau";
        double baseLr = RequireBase(Api, goldenCase.BaseLearningRate);
        double[] metrics = goldenCase.Metrics
            ?? throw new UnmappableCaseException($"{Api}: the case has no metrics.");

        var p = new GoldenParameters(goldenCase.Parameters, Api);
        string mode = p.String("mode", "min");
        string thresholdMode = p.String("threshold_mode", "rel");
        var options = new ReduceOnPlateauOptions
        {
            Mode = mode switch
            {
                "min" => PlateauMode.Min,
                "max" => PlateauMode.Max,
                _ => throw new UnmappableCaseException($"{Api}: unknown mode '{mode}'."),
            },
            Factor = p.Double("factor", 0.1),
            Patience = checked((int)p.Long("patience", 10)),
            Threshold = p.Double("threshold", 1e-4),
            ThresholdMode = thresholdMode switch
            {
                "rel" => PlateauThresholdMode.Relative,
                "abs" => PlateauThresholdMode.Absolute,
                _ => throw new UnmappableCaseException($"{Api}: unknown threshold_mode '{thresholdMode}'."),
            },
            Cooldown = checked((int)p.Long("cooldown", 0)),
            MinimumLearningRate = p.Double("min_lr", 0.0),
            Epsilon = p.Double("eps", 1e-8),
        };
        p.Ignore("verbose");
        p.EnsureAllRead();

        ReduceLearningRateOnPlateau plateau = Schedule.Constant(baseLr).ReduceOnPlateau(options);
        var rates = new double[goldenCase.Steps];
        for (int step = 0; step < rates.Length; step++)
        {
            rates[step] = plateau.CurrentLearningRate;
            plateau.Report(metrics[step]);
        }

        return rates;
    }
}
