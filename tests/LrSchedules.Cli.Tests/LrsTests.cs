using System.Globalization;
using LrSchedules.Batching;
using LrSchedules.Configuration;

namespace LrSchedules.Cli.Tests;

/// <summary>The lrs commands run in-process: their output, their messages and their exit codes.</summary>
public sealed class LrsTests : LrsTestBase
{
    public static TheoryData<string> SampleConfigs()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Configs, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
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

        exitCode.Should().Be(ExitCodes.Success, error + output);
        output.Should().EndWith($"{name}: valid learning-rate schedule ({ScheduleConfiguration.FromJson(File.ReadAllText(Path.Combine(Configs, name))).Type})\n".Replace("valid learning-rate schedule (IncreaseBatchSizeInsteadOfDecay)", "valid batch growth plan (IncreaseBatchSizeInsteadOfDecay)", StringComparison.Ordinal));
        error.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(SampleConfigs))]
    public void Every_sample_prints_a_table_whose_rates_are_the_schedule_built_from_the_file(string name)
    {
        string path = Path.Combine(Configs, name);
        (int exitCode, string output, string error) = Run("table", path, "--steps", "2000", "--every", "7");

        exitCode.Should().Be(ExitCodes.Success, error);
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

        exitCode.Should().Be(ExitCodes.Success);
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

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Be("step,learning_rate\n0,0\n1,0.001\n2,0.002\n");
    }

    [Fact]
    public void Goyal_reaches_the_scaled_rate_after_five_epochs()
    {
        (int exitCode, string output, _) = Run("table", Path.Combine(Configs, "goyal.json"), "--steps", "800", "--every", "780");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Be("step,learning_rate,batch_size,epoch,samples_seen\n0,0.1,8192,0,0\n780,3.2,8192,5,6389760\n");
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

        exitCode.Should().Be(ExitCodes.Invalid);
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

        exitCode.Should().Be(ExitCodes.Invalid);
        output.Should().StartWith($"{path}: 1 problem\n  The text is not valid JSON at line 3, position 3.");
    }

    [Fact]
    public void Table_of_an_invalid_schedule_writes_the_problems_to_the_error_stream()
    {
        string path = Write("unknown.json", """{ "Type": "Cosinus" }""");

        (int exitCode, string output, string error) = Run("table", path, "--steps", "10");

        exitCode.Should().Be(ExitCodes.Invalid);
        output.Should().BeEmpty();
        error.Should().StartWith($"lrs: {path} is not a valid schedule (1 problem):\n  Type must be a type but was 'Cosinus' (did you mean 'Cosine'?); the types are ");
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("table")]
    [InlineData("plot")]
    [InlineData("show")]
    [InlineData("compare")]
    public void A_missing_file_is_a_usage_error(string command)
    {
        string missing = Path.Combine(TempDirectory, "missing.json");
        string[] args = command switch
        {
            "table" => [command, missing, "--steps", "10"],
            "plot" => [command, missing, "--steps", "10", "--out", Path.Combine(TempDirectory, "x.svg")],
            "compare" => [command, Path.Combine(Configs, "wsd.json"), missing],
            _ => [command, missing],
        };

        (int exitCode, string output, string error) = Run(args);

        exitCode.Should().Be(ExitCodes.Usage);
        output.Should().BeEmpty();
        error.Should().Be($"lrs: file not found: {missing}\n");
    }

    [Theory]
    [InlineData(new[] { "draw" }, "Unrecognized command or argument 'draw'.")]
    [InlineData(new[] { "table", "x.json" }, "Option '--steps' is required.")]
    [InlineData(new[] { "table", "x.json", "--steps", "ten" }, "Cannot parse argument 'ten' for option '--steps'")]
    [InlineData(new[] { "table", "x.json", "--steps", "0" }, "--steps must be a whole number >= 1 but was '0'.")]
    [InlineData(new[] { "table", "x.json", "--steps", "10", "--every", "0" }, "--every must be a whole number >= 1 but was '0'.")]
    [InlineData(new[] { "table", "--steps", "10" }, "Required argument 'schedule.json' missing for command: 'table'.")]
    [InlineData(new[] { "table", "a.json", "b.json", "--steps", "10" }, "Unrecognized command or argument 'b.json'.")]
    [InlineData(new[] { "validate", "x.json", "--steps", "10" }, "Unrecognized command or argument '--steps'.")]
    [InlineData(new[] { "plot", "x.json", "--steps", "10" }, "Option '--out' is required.")]
    [InlineData(new[] { "plot", "x.json", "--out", "x.jpg" }, "--out must end in .svg but was 'x.jpg'.")]
    [InlineData(new[] { "plot", "x.json", "--out", "x.png" }, "--out must end in .svg but was 'x.png' (lrs draws SVG only")]
    [InlineData(new[] { "show", "x.json", "--x", "hours" }, "Argument 'hours' not recognized. Must be one of:")]
    [InlineData(new[] { "table", "x.json", "--steps" }, "Required argument missing for option: '--steps'.")]
    public void Wrong_usage_exits_with_2_and_says_what_is_wrong(string[] args, string message)
    {
        (int exitCode, string output, string error) = Run(args);

        exitCode.Should().Be(ExitCodes.Usage);
        output.Should().BeEmpty();
        error.Should().Contain(message).And.EndWith("Run 'lrs --help' or 'lrs <command> --help' for usage.\n");
    }

    [Theory]
    [InlineData("tabel", "table")]
    [InlineData("valdate", "validate")]
    [InlineData("compar", "compare")]
    public void A_mistyped_command_gets_a_suggestion(string typed, string meant)
    {
        (int exitCode, _, string error) = Run(typed, "x.json");

        exitCode.Should().Be(ExitCodes.Usage);
        error.Should().Contain($"'{typed}' was not matched. Did you mean one of the following?\n{meant}\n");
    }

    [Fact]
    public void A_mistyped_option_gets_a_suggestion()
    {
        (int exitCode, _, string error) = Run("table", "x.json", "--stesp", "10");

        exitCode.Should().Be(ExitCodes.Usage);
        error.Should().Contain("'--stesp' was not matched. Did you mean one of the following?\n--steps\n");
    }

    [Fact]
    public void No_command_prints_the_help_on_the_error_stream_and_exits_with_2()
    {
        (int exitCode, string output, string error) = Run();

        exitCode.Should().Be(ExitCodes.Usage);
        output.Should().BeEmpty();
        error.Should().Contain("Usage:\n  lrs [command] [options]").And.Contain("Exit codes: 0 success, 1 invalid schedule or JSON, 2 wrong usage or missing file.");
    }

    [Fact]
    public void Help_goes_to_the_output_with_exit_code_0_and_lists_every_command()
    {
        (int exitCode, string output, _) = Run("--help");

        exitCode.Should().Be(ExitCodes.Success);
        foreach (string command in new[] { "table <schedule.json>", "plot <schedule.json>", "show <schedule.json>", "compare <a.json> <b.json>", "validate <schedule.json>", "list" })
        {
            output.Should().Contain($"\n  {command} ");
        }
    }

    [Theory]
    [InlineData("table", "--every <K>")]
    [InlineData("plot", "--out <FILE.svg> (REQUIRED)")]
    [InlineData("show", "--x <steps|epochs|samples|tokens>")]
    [InlineData("compare", "--log-y")]
    public void Every_command_has_its_own_help(string command, string option)
    {
        (int exitCode, string output, _) = Run(command, "--help");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain($"Usage:\n  lrs {command} ").And.Contain(option);
    }

    [Fact]
    public void A_response_file_supplies_the_arguments()
    {
        string arguments = Write("table.rsp", $"table\n{Path.Combine(Configs, "warmup-cosine.json")}\n--steps\n3\n");

        (int exitCode, string output, string error) = Run("@" + arguments);

        exitCode.Should().Be(ExitCodes.Success, error);
        output.Should().Be("step,learning_rate\n0,0\n1,0.001\n2,0.002\n");
    }

    [Fact]
    public void A_file_with_nothing_per_step_cannot_be_drawn_either()
    {
        string path = Write("rule.json", """{ "Type": "LinearScaling", "ReferenceBatchSize": 256 }""");

        (int exitCode, _, string error) = Run("show", path);

        exitCode.Should().Be(ExitCodes.Invalid);
        error.Should().Be($"lrs: {path} describes a LinearScaling (scaling rule), which has no value per step to draw.\n");
    }

    [Fact]
    public void The_suggest_directive_completes_command_names()
    {
        (int exitCode, string output, _) = Run("[suggest:6]", "lrs co");

        exitCode.Should().Be(ExitCodes.Success);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal("compare");
    }

    [Fact]
    public void The_suggest_directive_completes_options_of_a_command()
    {
        (int exitCode, string output, _) = Run("[suggest:18]", "lrs show a.json --");

        exitCode.Should().Be(ExitCodes.Success);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Contain(["--steps", "--log-y", "--x", "--width", "--height"]);
    }

    [Fact]
    public void List_names_every_type_with_its_parameters()
    {
        (int exitCode, string output, _) = Run("list");

        exitCode.Should().Be(ExitCodes.Success);
        foreach (ScheduleTypeInfo type in ScheduleConfiguration.Types)
        {
            output.Should().Contain($"\n{type.Name} — {type.Summary}\n");
        }

        output.Should().Contain("== learning-rate schedule types\n");
        output.Should().Contain("== training plan types\n");
        output.Should().Contain("\n  TotalSteps           integer (required; The number of steps from the initial to the final rate; > 0.)\n");
        output.Should().Contain("\n  Exponent             number (default 1; ");
    }

    [Fact]
    public void A_file_with_nothing_per_step_says_so()
    {
        string path = Write("rule.json", """{ "Type": "LinearScaling", "ReferenceBatchSize": 256 }""");

        (int exitCode, _, string error) = Run("table", path, "--steps", "10");

        exitCode.Should().Be(ExitCodes.Invalid);
        error.Should().Be($"lrs: {path} describes a LinearScaling (scaling rule), which has no value per step to print.\n");
    }

    [Fact]
    public void A_training_plan_alone_prints_its_batch_sizes()
    {
        string path = Write("plan.json", """
            { "Type": "Plan", "DatasetSize": 100, "LastBatch": "Keep", "BatchSizeSchedule": { "Type": "ConstantBatchSize", "BatchSize": 30 } }
            """);

        (int exitCode, string output, _) = Run("table", path, "--steps", "5");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Be("step,batch_size,epoch,samples_seen\n0,30,0,0\n1,30,0,30\n2,30,0,60\n3,10,0,90\n4,30,1,100\n");
    }
}
