using System.Globalization;
using LrSchedules.Plateau;
using LrSchedules.Porting;

namespace LrSchedules.Cli.Tests;

/// <summary>
/// <c>lrs table</c> prints every series a description defines (momentum, weight decay beside the rate), and replays a
/// metric-driven description from <c>--metrics</c>: line t is the metric reported after step t.
/// </summary>
public sealed class TableSeriesTests : LrsTestBase
{
    [Fact]
    public void OneCycleLR_prints_the_momentum_pytorch_cycles_beside_the_rate()
    {
        string path = Write("onecycle.json", """{ "Type": "torch.OneCycleLR", "max_lr": 0.1, "total_steps": 100, "pct_start": 0.25, "three_phase": true }""");

        (int exitCode, string output, string error) = Run("table", path, "--steps", "120");

        exitCode.Should().Be(ExitCodes.Success, error);
        Rows(output, out string header).Should().HaveCount(120);
        header.Should().Be("step,learning_rate,momentum");
        LearningRateSchedule rate = Torch.OneCycleLR(0.1, 100, pctStart: 0.25, threePhase: true);
        LearningRateSchedule momentum = Schedule.OneCycleMomentum(0.85, 0.95, 100, 0.25, Curve.Cosine, threePhase: true);
        foreach (double[] row in Rows(output, out _))
        {
            long step = (long)row[0];
            row[1].Should().Be(rate.GetLearningRate(step), $"the rate at step {step}");
            row[2].Should().Be(momentum.GetLearningRate(step), $"the momentum at step {step}");
        }
    }

    [Fact]
    public void CyclicLR_prints_its_momentum_and_without_cycle_momentum_none()
    {
        string cycled = Write("cyclic.json", """{ "Type": "torch.CyclicLR", "base_lr": 0.001, "max_lr": 0.1, "step_size_up": 10, "mode": "exp_range", "gamma": 0.97 }""");
        string plain = Write("plain.json", """{ "Type": "torch.CyclicLR", "base_lr": 0.001, "max_lr": 0.1, "step_size_up": 10, "cycle_momentum": false }""");

        (_, string output, _) = Run("table", cycled, "--steps", "50");
        (_, string without, _) = Run("table", plain, "--steps", "3");

        LearningRateSchedule momentum = Schedule.CyclicMomentum(0.8, 0.9, 10, null, CyclicMode.ExponentialRange, 0.97);
        Rows(output, out string header).Should().OnlyContain(row => row[2] == momentum.GetLearningRate((long)row[0]));
        header.Should().Be("step,learning_rate,momentum");
        without.Split('\n')[0].Should().Be("step,learning_rate");
    }

    [Fact]
    public void A_cycled_momentum_outside_zero_one_leaves_the_rate_alone_in_the_table()
    {
        // PyTorch accepts base_momentum 1.0 and the rate does not depend on it; a momentum series lies in [0, 1), so
        // Torch.GetMomentum rejects it and the table prints the rate only.
        string path = Write("onecycle.json", """{ "Type": "torch.OneCycleLR", "max_lr": 0.1, "total_steps": 10, "base_momentum": 1.0 }""");

        (int exitCode, string output, string error) = Run("table", path, "--steps", "3");

        exitCode.Should().Be(ExitCodes.Success, error);
        output.Split('\n')[0].Should().Be("step,learning_rate");
    }

    [Fact]
    public void Megatron_prints_its_weight_decay_as_a_weight_decay_column()
    {
        string path = Write("megatron.json", """
            { "Type": "megatron.core.optimizer_param_scheduler.OptimizerParamScheduler", "init_lr": 0.0, "max_lr": 3e-4,
              "min_lr": 3e-5, "lr_warmup_steps": 10, "lr_decay_steps": 100, "lr_decay_style": "cosine",
              "start_wd": 0.01, "end_wd": 0.1, "wd_incr_steps": 100, "wd_incr_style": "cosine" }
            """);

        (int exitCode, string output, string error) = Run("table", path, "--steps", "150", "--every", "7");

        exitCode.Should().Be(ExitCodes.Success, error);
        MegatronSchedules expected = Megatron.OptimizerParamScheduler(0.0, 3e-4, 3e-5, 10, 100, "cosine", 0.01, 0.1, 100, "cosine");
        List<double[]> rows = Rows(output, out string header);
        header.Should().Be("step,learning_rate,weight_decay");
        rows.Should().HaveCount(22);
        rows.Should().OnlyContain(row => row[1] == expected.LearningRate.GetLearningRate((long)row[0]) && row[2] == expected.WeightDecay.GetLearningRate((long)row[0]));
        rows[^1][2].Should().Be(0.1, "the weight decay holds end_wd past wd_incr_steps");
    }

    [Theory]
    [InlineData("""{ "Type": "OneCycleMomentum", "MinimumMomentum": 0.85, "MaximumMomentum": 0.95, "TotalSteps": 10 }""", "step,momentum")]
    [InlineData("""{ "Type": "WeightDecayIncrease", "InitialWeightDecay": 0.01, "FinalWeightDecay": 0.1, "IncreaseSteps": 10 }""", "step,weight_decay")]
    [InlineData("""{ "Type": "AsMomentum", "Schedule": { "Type": "Cosine", "InitialLearningRate": 0.95, "FinalLearningRate": 0.85, "TotalSteps": 10 } }""", "step,momentum")]
    [InlineData("""{ "Type": "AsBeta", "Schedule": { "Type": "Constant", "LearningRate": 0.999 } }""", "step,beta")]
    [InlineData("""{ "Type": "AsWeightDecay", "Schedule": { "Type": "Linear", "InitialLearningRate": 0.0, "FinalLearningRate": 0.1, "TotalSteps": 10 } }""", "step,weight_decay")]
    public void A_schedule_of_another_value_is_named_for_it(string json, string header)
    {
        (int exitCode, string output, string error) = Run("table", Write("other.json", json), "--steps", "2");

        exitCode.Should().Be(ExitCodes.Success, error);
        output.Split('\n')[0].Should().Be(header);
    }

    [Fact]
    public void A_plateau_schedule_is_replayed_from_the_metrics_file_line_t_after_step_t()
    {
        string path = Write("plateau.json", """{ "Type": "torch.ReduceLROnPlateau", "lr": 0.1, "patience": 1, "threshold_mode": "abs", "threshold": 0.001 }""");
        double[] metrics = [1.0, 0.9, 0.95, 0.96, 0.97, 0.5, 0.6, 0.7];
        string file = Write("metrics.txt", string.Join("\n", metrics.Select(m => m.ToString(CultureInfo.InvariantCulture))) + "\n\n");

        (int exitCode, string output, string error) = Run("table", path, "--steps", "12", "--metrics", file);

        exitCode.Should().Be(ExitCodes.Success, error);
        ReduceLearningRateOnPlateau reference = Torch.ReduceLROnPlateau(0.1, patience: 1, thresholdMode: "abs", threshold: 0.001);
        var expected = new List<double>();
        for (int step = 0; step < 12; step++)
        {
            expected.Add(reference.CurrentLearningRate);
            if (step < metrics.Length)
            {
                reference.Report(metrics[step]);
            }
        }

        Rows(output, out _).Select(row => row[1]).Should().Equal(expected);
        expected[4].Should().BeApproximately(0.01, 1e-15, "two bad reports after step 3 exceed patience 1: reduced from step 4 on");
        expected[^1].Should().BeApproximately(0.001, 1e-15, "after the last metric the rate stays where the replay left it");
    }

    [Fact]
    public void A_get_scheduler_reduce_lr_on_plateau_is_replayed_like_a_torch_one()
    {
        string path = Write("hf-plateau.json", """
            { "Type": "transformers.get_scheduler", "name": "reduce_lr_on_plateau", "lr": 0.1,
              "scheduler_specific_kwargs": { "patience": 1, "threshold_mode": "abs", "threshold": 0.001 } }
            """);
        string torch = Write("plateau.json", """{ "Type": "torch.ReduceLROnPlateau", "lr": 0.1, "patience": 1, "threshold_mode": "abs", "threshold": 0.001 }""");
        double[] metrics = [1.0, 0.9, 0.95, 0.96, 0.97, 0.5, 0.6, 0.7];
        string file = Write("metrics.txt", string.Join("\n", metrics.Select(m => m.ToString(CultureInfo.InvariantCulture))) + "\n");

        (int exitCode, string output, string error) = Run("table", path, "--steps", "12", "--metrics", file);
        (_, string viaTorch, _) = Run("table", torch, "--steps", "12", "--metrics", file);

        exitCode.Should().Be(ExitCodes.Success, error);
        output.Should().Be(viaTorch);
        Rows(output, out _)[4][1].Should().BeApproximately(0.01, 1e-15, "two bad reports after step 3 exceed patience 1");
    }

    [Fact]
    public void Metrics_for_a_schedule_no_metric_drives_is_a_usage_error()
    {
        string path = Write("step.json", """{ "Type": "torch.StepLR", "lr": 0.1, "step_size": 3 }""");
        string metrics = Write("metrics.txt", "1\n2\n");

        (int exitCode, string output, string error) = Run("table", path, "--steps", "5", "--metrics", metrics);

        exitCode.Should().Be(ExitCodes.Usage);
        output.Should().BeEmpty();
        error.Should().Contain("which no metric drives");
    }

    [Fact]
    public void A_metrics_line_that_is_not_a_number_is_named()
    {
        string path = Write("plateau.json", """{ "Type": "torch.ReduceLROnPlateau", "lr": 0.1 }""");
        string metrics = Write("metrics.txt", "1\n0.5\nloss=0.4\n");

        (int exitCode, _, string error) = Run("table", path, "--steps", "5", "--metrics", metrics);

        exitCode.Should().Be(ExitCodes.Invalid);
        error.Should().Contain("line 3 must be a finite number but was 'loss=0.4'");
    }

    private static List<double[]> Rows(string output, out string header)
    {
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        header = lines[0];
        return [.. lines.Skip(1).Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];
    }
}
