using LrSchedules.Configuration;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>Every file of samples/configs reads without a problem, and what it builds describes itself back to a file that builds the same.</summary>
public class SampleConfigsTests
{
    private static readonly string Directory = FindConfigs();

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (string file in System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_sample_builds_and_round_trips(string name)
    {
        ScheduleLoadResult read = ScheduleConfiguration.Load(File.ReadAllText(Path.Combine(Directory, name)));

        read.Problems.Should().BeEmpty();
        string json = ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(read.Built!));
        ScheduleLoadResult again = ScheduleConfiguration.Load(json);
        again.Problems.Should().BeEmpty(json);
        ScheduleConfiguration.ToJson(ScheduleConfiguration.Describe(again.Built!)).Should().Be(json);
        if (read.Built is ILearningRateSchedule schedule)
        {
            ((ILearningRateSchedule)again.Built!).ShouldEqualEverywhere(schedule, name);
        }
    }

    private static string FindConfigs()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "samples", "configs");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/configs was not found above " + AppContext.BaseDirectory);
    }
}
