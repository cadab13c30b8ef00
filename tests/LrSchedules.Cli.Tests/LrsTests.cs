using System.Globalization;
using LrSchedules.Batching;
using LrSchedules.Configuration;

namespace LrSchedules.Cli.Tests;

/// <summary>The lrs commands run in-process: their output, their messages and their exit codes.</summary>
public sealed class LrsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lrs-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Configs => Path.Combine(RepositoryRoot(), "samples", "configs");

    public static TheoryData<string> SampleConfigs()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Configs, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int exitCode = Lrs.Run(args, output, error);
        return (exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_samples_are_the_seven_documented_configurations()
    {
        Directory.GetFiles(Configs, "*.json").Select(Path.GetFileName).Should().BeEquivalentTo(
            ["goyal.json", "megatron-wsd.json", "olmo-power.json", "one-cycle.json", "smith-plan.json", "warmup-cosine.json", "wsd.json"]);
    }

    [Theory]
    [MemberData(nameof(SampleConfigs))]
    public void Every_sample_validates(string name)
    {
        (int exitCode, string output, string error) = Run("validate", Path.Combine(Configs, name));

        exitCode.Should().Be(Lrs.Success, error + output);
        output.Should().EndWith($"{name}: valid learning-rate schedule ({ScheduleConfiguration.FromJson(File.ReadAllText(Path.Combine(Configs, name))).Type})\n".Replace("valid learning-rate schedule (IncreaseBatchSizeInsteadOfDecay)", "valid batch growth plan (IncreaseBatchSizeInsteadOfDecay)", StringComparison.Ordinal));
        error.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(SampleConfigs))]
    public void Every_sample_prints_a_table_whose_rates_are_the_schedule_built_from_the_file(string name)
    {
        string path = Path.Combine(Configs, name);
        (int exitCode, string output, string error) = Run("table", path, "--steps", "2000", "--every", "7");

        exitCode.Should().Be(Lrs.Success, error);
        string[] lines = output.TrimEnd('\n').Split('\n');
        lines.Should().HaveCount(1 + ((2000 + 6) / 7));
        object built = ScheduleConfiguration.Load(File.ReadAllText(path)).Built!;
        ILearningRateSchedule schedule = built as ILearningRateSchedule ?? ((BatchGrowthPlan)built).LearningRate;
        foreach (string line in lines.Skip(1))
        {
            string[] cells = line.Split(',');
            long step = long.Parse(cells[0], CultureInfo.InvariantCulture);
            (step % 7).Should().Be(0);
            double.Parse(cells[1], CultureInfo.InvariantCulture).Should().Be(schedule.GetLearningRate(step));
        }
    }

    [Fact]
    public void A_training_plan_adds_batch_size_epoch_and_samples_seen()
    {
        (int exitCode, string output, _) = Run("table", Path.Combine(Configs, "smith-plan.json"), "--steps", "4695", "--every", "500");

        exitCode.Should().Be(Lrs.Success);
        output.Split('\n').Take(3).Should().Equal(
            "step,learning_rate,batch_size,epoch,samples_seen",
            "0,0.1,10,0,0",
            "500,0.1,10,3,5000");
        output.Should().Contain("\n4500,0.10000000000000002,50,40,57000\n");
    }

    [Fact]
    public void A_plain_schedule_has_only_step_and_learning_rate()
    {
        (int exitCode, string output, _) = Run("table", Path.Combine(Configs, "warmup-cosine.json"), "--steps", "3");

        exitCode.Should().Be(Lrs.Success);
        output.Should().Be("step,learning_rate\n0,0\n1,0.001\n2,0.002\n");
    }

    [Fact]
    public void Goyal_reaches_the_scaled_rate_after_five_epochs()
    {
        (int exitCode, string output, _) = Run("table", Path.Combine(Configs, "goyal.json"), "--steps", "800", "--every", "780");

        exitCode.Should().Be(Lrs.Success);
        output.Should().Be("step,learning_rate,batch_size,epoch,samples_seen\n0,0.1,8192,0,0\n780,3.2,8192,5,6389760\n");
    }

    [Theory]
    [InlineData("png")]
    [InlineData("svg")]
    public void Plot_writes_an_image(string format)
    {
        string target = Path.Combine(_directory, "out", "schedule." + format);

        (int exitCode, string output, string error) = Run("plot", Path.Combine(Configs, "smith-plan.json"), "--steps", "4695", "--out", target);

        exitCode.Should().Be(Lrs.Success, error);
        output.Should().Be($"wrote {target}\n");
        byte[] bytes = File.ReadAllBytes(target);
        if (format == "png")
        {
            bytes.Take(8).Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
            bytes.Length.Should().BeGreaterThan(10_000);
        }
        else
        {
            string svg = File.ReadAllText(target);
            svg.Should().Contain("<svg").And.Contain("batch size").And.Contain("learning rate");
        }
    }

    [Fact]
    public void Plot_rejects_an_unknown_image_format()
    {
        (int exitCode, _, string error) = Run("plot", Path.Combine(Configs, "wsd.json"), "--steps", "10", "--out", Path.Combine(_directory, "x.jpg"));

        exitCode.Should().Be(Lrs.Usage);
        error.Should().StartWith("lrs: --out must end in .png or .svg but was ");
    }

    [Fact]
    public void Validate_prints_every_problem_with_its_path_and_exits_with_1()
    {
        string path = Write("bad.json", """
            {
              "Type": "Join",
              "Boundaries": [ 100 ],
              "Schedules": [
                { "Type": "Linear", "InitialLearningRate": -1, "FinalLearningRate": 0.1, "TotalSteps": 100 },
                { "Type": "Cosine", "InitialLearningRate": 0.1, "FinalLearningRate": 0, "TotalSteps": 0, "Power": 2 }
              ]
            }
            """);

        (int exitCode, string output, string error) = Run("validate", path);

        exitCode.Should().Be(Lrs.Invalid);
        error.Should().BeEmpty();
        output.Should().Be($"""
            {path}: 3 problems
              Schedules:0:InitialLearningRate must be a finite number >= 0 but was -1.
              Schedules:1:Power is not a parameter of Cosine; its parameters are InitialLearningRate, FinalLearningRate, TotalSteps, Exponent.
              Schedules:1:TotalSteps must be > 0 but was 0.

            """);
    }

    [Fact]
    public void Invalid_json_is_reported_with_its_line_and_position()
    {
        string path = Write("broken.json", "{\n  \"Type\": \"Cosine\"\n  \"TotalSteps\": 10\n}\n");

        (int exitCode, string output, _) = Run("validate", path);

        exitCode.Should().Be(Lrs.Invalid);
        output.Should().StartWith($"{path}: 1 problem\n  The text is not valid JSON at line 3, position 3.");
    }

    [Fact]
    public void Table_of_an_invalid_schedule_writes_the_problems_to_the_error_stream()
    {
        string path = Write("unknown.json", """{ "Type": "Cosinus" }""");

        (int exitCode, string output, string error) = Run("table", path, "--steps", "10");

        exitCode.Should().Be(Lrs.Invalid);
        output.Should().BeEmpty();
        error.Should().StartWith($"lrs: {path} is not a valid schedule (1 problem):\n  Type must be a type but was 'Cosinus' (did you mean 'Cosine'?); the types are ");
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("table")]
    [InlineData("plot")]
    public void A_missing_file_is_a_usage_error(string command)
    {
        string missing = Path.Combine(_directory, "missing.json");
        string[] args = command switch
        {
            "validate" => [command, missing],
            "table" => [command, missing, "--steps", "10"],
            _ => [command, missing, "--steps", "10", "--out", Path.Combine(_directory, "x.png")],
        };

        (int exitCode, string output, string error) = Run(args);

        exitCode.Should().Be(Lrs.Usage);
        output.Should().BeEmpty();
        error.Should().Be($"lrs: file not found: {missing}\n");
    }

    [Theory]
    [InlineData(new string[0], "usage:")]
    [InlineData(new[] { "draw" }, "lrs: unknown command 'draw'; the commands are table, plot, validate, list, noise-scale and suggest.")]
    [InlineData(new[] { "table", "x.json" }, "lrs: --steps is required.")]
    [InlineData(new[] { "table", "x.json", "--steps", "ten" }, "lrs: --steps must be a whole number >= 1 but was 'ten'.")]
    [InlineData(new[] { "table", "x.json", "--steps", "10", "--every", "0" }, "lrs: --every must be a whole number >= 1 but was '0'.")]
    [InlineData(new[] { "table", "--steps", "10" }, "lrs: missing the schedule file (a JSON description).")]
    [InlineData(new[] { "table", "a.json", "b.json", "--steps", "10" }, "lrs: expected one schedule file but got 2: a.json b.json.")]
    [InlineData(new[] { "validate", "x.json", "--steps", "10" }, "lrs: unknown option '--steps': this command takes none.")]
    [InlineData(new[] { "plot", "x.json", "--steps", "10" }, "lrs: plot needs --out FILE.png or FILE.svg.")]
    [InlineData(new[] { "table", "x.json", "--steps" }, "lrs: --steps needs a value.")]
    public void Wrong_usage_exits_with_2_and_says_what_is_wrong(string[] args, string message)
    {
        (int exitCode, string output, string error) = Run(args);

        exitCode.Should().Be(Lrs.Usage);
        output.Should().BeEmpty();
        error.Should().Contain(message);
    }

    [Fact]
    public void Help_goes_to_the_output_with_exit_code_0()
    {
        (int exitCode, string output, _) = Run("--help");

        exitCode.Should().Be(Lrs.Success);
        output.Should().Contain("lrs table <schedule.json> --steps N [--every K]");
    }

    [Fact]
    public void List_names_every_type_with_its_parameters()
    {
        (int exitCode, string output, _) = Run("list");

        exitCode.Should().Be(Lrs.Success);
        foreach (ScheduleTypeInfo type in ScheduleConfiguration.Types)
        {
            output.Should().Contain($"\n{type.Name} — {type.Summary}\n");
        }

        output.Should().Contain("== LearningRateSchedule types\n");
        output.Should().Contain("== TrainingPlan types\n");
        output.Should().Contain("\n  TotalSteps           integer (required; The number of steps from the initial to the final rate; > 0.)\n");
        output.Should().Contain("\n  Exponent             number (default 1; ");
    }

    [Fact]
    public void A_file_with_nothing_per_step_says_so()
    {
        string path = Write("rule.json", """{ "Type": "LinearScaling", "ReferenceBatchSize": 256 }""");

        (int exitCode, _, string error) = Run("table", path, "--steps", "10");

        exitCode.Should().Be(Lrs.Invalid);
        error.Should().Be($"lrs: {path} describes a LinearScaling (scaling rule), which has no value per step to print.\n");
    }

    [Fact]
    public void A_training_plan_alone_prints_its_batch_sizes()
    {
        string path = Write("plan.json", """
            { "Type": "Plan", "DatasetSize": 100, "LastBatch": "Keep", "BatchSizeSchedule": { "Type": "ConstantBatchSize", "BatchSize": 30 } }
            """);

        (int exitCode, string output, _) = Run("table", path, "--steps", "5");

        exitCode.Should().Be(Lrs.Success);
        output.Should().Be("step,batch_size,epoch,samples_seen\n0,30,0,0\n1,30,0,30\n2,30,0,60\n3,10,0,90\n4,30,1,100\n");
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LrSchedules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"LrSchedules.sln not found above {AppContext.BaseDirectory}.");
    }
}
