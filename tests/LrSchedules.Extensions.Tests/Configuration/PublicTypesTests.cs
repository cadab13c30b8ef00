using LrSchedules.Configuration;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>
/// What a user sees of the public configuration types: the message and problems of <see cref="ScheduleConfigurationException"/>,
/// the path and message of a <see cref="ScheduleProblem"/>, the text of a <see cref="ScheduleDescription"/>, and the
/// argument checks of <see cref="ScheduleConfiguration"/>.
/// </summary>
public class PublicTypesTests
{
    private const string Cosine = """{ "Type": "Cosine", "InitialLearningRate": 0.1, "FinalLearningRate": 0, "TotalSteps": 100 }""";

    [Fact]
    public void One_problem_is_the_whole_message_after_a_lead_in()
    {
        var problem = new ScheduleProblem("S:TotalSteps", "S:TotalSteps must be > 0 but was 0.");

        var exception = new ScheduleConfigurationException([problem]);

        exception.Message.Should().Be("The schedule description is invalid: S:TotalSteps must be > 0 but was 0.");
        exception.Problems.Should().Equal(problem);
    }

    [Fact]
    public void Several_problems_are_counted_and_listed_one_a_line_indented()
    {
        var first = new ScheduleProblem("A", "A is wrong.");
        var second = new ScheduleProblem("B:0", "B:0 is wrong too.");
        List<ScheduleProblem> problems = [first, second];

        var exception = new ScheduleConfigurationException(problems);
        problems.Clear();

        string nl = Environment.NewLine;
        exception.Message.Should().Be($"The schedule description has 2 problems:{nl}  A is wrong.{nl}  B:0 is wrong too.");
        exception.Problems.Should().Equal([first, second], "the exception keeps its own copy");
    }

    [Fact]
    public void An_exception_needs_at_least_one_problem()
    {
        FluentActions.Invoking(() => new ScheduleConfigurationException(null!))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("problems");
        FluentActions.Invoking(() => new ScheduleConfigurationException([]))
            .Should().Throw<ArgumentException>().Which.Should().Match<ArgumentException>(e =>
                e.ParamName == "problems" && e.Message.StartsWith("problems must contain at least one problem but was empty.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_problem_keeps_its_path_and_message_and_shows_the_message()
    {
        var problem = new ScheduleProblem("Training:Schedule:TotalSteps", "Training:Schedule:TotalSteps must be > 0 but was 0.");

        problem.Path.Should().Be("Training:Schedule:TotalSteps");
        problem.Message.Should().Be("Training:Schedule:TotalSteps must be > 0 but was 0.");
        problem.ToString().Should().Be(problem.Message);
        FluentActions.Invoking(() => new ScheduleProblem(null!, "m")).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("path");
        FluentActions.Invoking(() => new ScheduleProblem("p", null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("message");
    }

    [Fact]
    public void A_description_shows_itself_as_json_on_one_line()
    {
        var description = new ScheduleDescription("Constant") { Parameters = { ["LearningRate"] = 0.25 } };

        description.ToString().Should().Be("""{"Type":"Constant","LearningRate":0.25}""");
    }

    [Fact]
    public void Text_that_is_not_json_is_rejected_with_its_one_based_line_and_position()
    {
        // The bad token x is on the second line (line 2), after the two spaces and "Type": (10 bytes), so at position 11.
        var act = () => ScheduleConfiguration.FromJson("{\n  \"Type\": x\n}");

        ScheduleConfigurationException exception = act.Should().Throw<ScheduleConfigurationException>().Which;
        exception.Message.Should().Be("The schedule description is invalid: The text is not valid JSON at line 2, position 11.");
        exception.Problems.Should().ContainSingle().Which.Path.Should().BeEmpty();
    }

    [Fact]
    public void A_description_with_a_problem_is_not_read_from_json()
    {
        var act = () => ScheduleConfiguration.FromJson("""{ "Type": "Cosine", "InitialLearningRate": 0.1, "FinalLearningRate": 0, "TotalSteps": 0 }""");

        act.Should().Throw<ScheduleConfigurationException>().Which.Problems.Should().ContainSingle()
            .Which.Message.Should().Be("TotalSteps must be > 0 but was 0.");
    }

    [Fact]
    public void A_description_made_in_code_is_checked_against_the_expected_type_at_its_path()
    {
        ScheduleDescription cosine = ScheduleConfiguration.FromJson(Cosine);

        ScheduleLoadResult result = ScheduleConfiguration.LoadDescription(cosine, "Training:Plan", typeof(TrainingPlan));

        result.Succeeded.Should().BeFalse();
        result.Problems.Should().ContainSingle().Which.Should().Match<ScheduleProblem>(p =>
            p.Path == "Training:Plan:Type"
            && p.Message.StartsWith("Training:Plan:Type must be the name of a type that builds a TrainingPlan", StringComparison.Ordinal));
        ScheduleConfiguration.LoadDescription(cosine, "Training:Schedule").Succeeded.Should().BeTrue("any type is expected by default");
    }

    [Fact]
    public void A_result_that_builds_something_else_names_the_type_parameter()
    {
        ScheduleLoadResult result = ScheduleConfiguration.Load(Cosine);

        var act = () => result.Get<TrainingPlan>();

        act.Should().Throw<ScheduleConfigurationException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Match<ScheduleProblem>(p => p.Path == "Type" && p.Message.StartsWith("Type must be the name of a type that builds a TrainingPlan but was 'Cosine', which builds ", StringComparison.Ordinal));
    }

    [Fact]
    public void Null_arguments_are_rejected_by_name()
    {
        FluentActions.Invoking(() => ScheduleConfiguration.FindType(null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("name");
        FluentActions.Invoking(() => ScheduleConfiguration.LoadSection(null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("configuration");
        FluentActions.Invoking(() => ScheduleConfiguration.LoadDescription(null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("description");
        FluentActions.Invoking(() => ScheduleConfiguration.LoadDescription(new ScheduleDescription("Cosine"), null!))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("path");
    }
}
