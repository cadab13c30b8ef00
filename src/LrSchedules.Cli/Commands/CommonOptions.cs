using System.CommandLine;
using System.Globalization;
using LrSchedules.Cli.Charts;

namespace LrSchedules.Cli.Commands;

/// <summary>The arguments and options that several commands share, declared once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The schedule file, a JSON description (positional).</summary>
    public static Argument<string> File(string name = "schedule.json", string description = "The schedule file: a JSON description (see lrs list).") =>
        new(name) { Description = description };

    /// <summary><c>--steps N</c>: how many steps, from step 0.</summary>
    public static Option<long> Steps(bool required) => Positive("--steps", "How many steps to cover, from step 0.", required);

    /// <summary><c>--every K</c>: every K-th step only.</summary>
    public static Option<long?> Every() => PositiveOrNull("--every", "Every K-th step only (default: every step for table; evenly sampled for charts).");

    /// <summary><c>--log-y</c>: a logarithmic y axis.</summary>
    public static Option<bool> LogY() => new("--log-y") { Description = "Logarithmic y axis (values <= 0 are left out)." };

    /// <summary><c>--x steps|epochs|samples</c>: the unit of the x axis.</summary>
    public static Option<string> XAxisOption()
    {
        var option = new Option<string>("--x")
        {
            Description = "The x axis: " + string.Join(", ", XAxis.All.Select(a => a.Name)) + " (all but steps need a training plan).",
            DefaultValueFactory = _ => XAxis.Steps.Name,
            HelpName = string.Join("|", XAxis.All.Select(a => a.Name)),
        };
        option.AcceptOnlyFromAmong([.. XAxis.All.Select(a => a.Name)]);
        return option;
    }

    /// <summary>An option whose value is a whole number >= 1, required or with no default.</summary>
    public static Option<long> Positive(string name, string description, bool required, long? defaultValue = null, long minimum = 1)
    {
        var option = new Option<long>(name) { Description = description, Required = required, HelpName = "N" };
        if (defaultValue is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }

        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && long.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) && parsed < minimum)
            {
                result.AddError($"{name} must be a whole number >= {minimum.ToString(CultureInfo.InvariantCulture)} but was '{result.Tokens[0].Value}'.");
            }
        });
        return option;
    }

    private static Option<long?> PositiveOrNull(string name, string description)
    {
        var option = new Option<long?>(name) { Description = description, HelpName = "K" };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && long.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) && parsed < 1)
            {
                result.AddError($"{name} must be a whole number >= 1 but was '{result.Tokens[0].Value}'.");
            }
        });
        return option;
    }
}
