using System.CommandLine;
using System.Globalization;
using LrSchedules.Cli.Charts;

namespace LrSchedules.Cli.Commands;

/// <summary>
/// <c>lrs compare A.json B.json [--steps N]</c>: draws two schedules together in the terminal and prints the largest
/// difference of their learning rates (of their batch sizes when neither has a learning rate) and its step — to check a
/// port against the original.
/// </summary>
internal static class CompareCommand
{
    /// <summary>Up to this many steps every step is compared; beyond it, this many evenly spaced steps (and it says so).</summary>
    public const long MostComparedSteps = 10_000_000;

    public static Command Create()
    {
        Argument<string> first = CommonOptions.File("a.json", "The first schedule file.");
        Argument<string> second = CommonOptions.File("b.json", "The second schedule file.");
        var chart = new ChartOptions();
        (Option<long> width, Option<long> height) = ShowCommand.TerminalSize();
        var command = new Command("compare", "Draws two schedules together in the terminal and prints their largest difference and its step.") { first, second, width, height };
        chart.AddTo(command);
        command.SetAction(result => Run(result, result.GetValue(first)!, result.GetValue(second)!, chart, (int)result.GetValue(width), (int)result.GetValue(height)));
        return command;
    }

    private static int Run(ParseResult result, string first, string second, ChartOptions options, int width, int height)
    {
        int status = Inputs.LoadAll(result, [first, second], "draw", out var schedules);
        if (status != ExitCodes.Success)
        {
            return status;
        }

        TextWriter output = result.InvocationConfiguration.Output;
        TextWriter error = result.InvocationConfiguration.Error;
        (Loaded a, Loaded b) = (schedules[0].Loaded, schedules[1].Loaded);
        string quantity;
        Func<long, double> valueA;
        Func<long, double> valueB;
        if (a.LearningRate is { } rateA && b.LearningRate is { } rateB)
        {
            (quantity, valueA, valueB) = ("learning rate", rateA, rateB);
        }
        else if (a.Plan is { } planA && b.Plan is { } planB)
        {
            (quantity, valueA, valueB) = ("batch size", step => planA.GetBatchSize(step), step => planB.GetBatchSize(step));
        }
        else
        {
            error.WriteLine($"lrs: {first} ({a.Type}) and {second} ({b.Type}) have no quantity in common to compare (a learning rate, or a training plan's batch size).");
            return ExitCodes.Invalid;
        }

        if (!options.TryResolve(result, schedules, out long steps, out XAxis axis))
        {
            return ExitCodes.Usage;
        }

        (string nameA, string nameB) = Names(first, second);
        long[] sampled = Sampling.Steps(steps, options.Every(result), mostPoints: width * 8);
        double[] xs = [.. sampled.Select(step => axis.At(a.Plan ?? b.Plan, step))];
        var chart = new Chart(
            $"{quantity}: {nameA} vs {nameB}, steps 0 to {steps - 1}",
            axis.Label,
            [new Series(nameA, xs, [.. sampled.Select(valueA)]), new Series(nameB, xs, [.. sampled.Select(valueB)])],
            options.LogY(result));
        Terminal.Render(output, chart, width, height, Terminal.UsesColor(output));
        WriteLargestDifference(output, quantity, steps, valueA, valueB, nameA, nameB);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Writes "largest difference in the learning rate: D at step S (A: a, B: b; relative r)", or that the two agree at
    /// every step compared. Differences are |a − b| at each step; the first step with the largest one is named.
    /// </summary>
    public static void WriteLargestDifference(TextWriter output, string quantity, long steps, Func<long, double> valueA, Func<long, double> valueB, string nameA, string nameB)
    {
        long stride = Math.Max(1, (steps + MostComparedSteps - 1) / MostComparedSteps);
        double largest = -1;
        long at = 0;
        for (long step = 0; step < steps; step += stride)
        {
            double difference = Math.Abs(valueA(step) - valueB(step));
            if (difference > largest || double.IsNaN(difference))
            {
                largest = difference;
                at = step;
            }

            if (step > long.MaxValue - stride)
            {
                break;
            }
        }

        string compared = stride == 1
            ? $"every step from 0 to {steps - 1}"
            : $"every {stride}th step from 0 to {steps - 1} (give --steps up to {MostComparedSteps} to compare every step)";
        if (largest == 0)
        {
            output.WriteLine($"no difference in the {quantity}: equal at {compared}");
            return;
        }

        double a = valueA(at);
        double b = valueB(at);
        double relative = largest / Math.Max(Math.Abs(a), Math.Abs(b));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"largest difference in the {quantity}: {largest:G6} at step {at} ({nameA}: {a:R}, {nameB}: {b:R}; relative {relative:G3}), over {compared}"));
    }

    /// <summary>The file names, or the paths when the names are the same.</summary>
    private static (string A, string B) Names(string first, string second)
    {
        string a = Path.GetFileName(first);
        string b = Path.GetFileName(second);
        return a == b ? (first, second) : (a, b);
    }
}
