using System.CommandLine;
using System.Globalization;

namespace LrSchedules.Cli.Commands;

/// <summary>
/// <c>lrs table FILE --steps N [--every K]</c>: CSV of the step and the learning rate, and the batch size, epoch and
/// samples seen when the schedule runs on a training plan.
/// </summary>
/// <remarks>
/// Fast by construction: each row is formatted into a stack buffer with invariant <c>TryFormat</c> (the shortest text
/// that round-trips a double) and handed to the one output writer, which buffers 64 KiB per write to the terminal.
/// </remarks>
internal static class TableCommand
{
    public static Command Create()
    {
        Argument<string> file = CommonOptions.File();
        Option<long> steps = CommonOptions.Steps(required: true);
        Option<long?> every = CommonOptions.Every();
        var command = new Command("table", "CSV: step, learning rate (and batch size, epoch, samples seen for a training plan).") { file, steps, every };
        command.SetAction(result => Run(result, result.GetValue(file)!, result.GetValue(steps), result.GetValue(every) ?? 1));
        return command;
    }

    private static int Run(ParseResult result, string file, long steps, long every)
    {
        TextWriter output = result.InvocationConfiguration.Output;
        TextWriter error = result.InvocationConfiguration.Error;
        int status = Loaded.Read(file, error, out Loaded? loaded);
        if (loaded is null)
        {
            return status;
        }

        if (loaded.LearningRate is null && loaded.Plan is null)
        {
            error.WriteLine($"lrs: {file} describes a {loaded.Type} ({loaded.Kind}), which has no value per step to print.");
            return ExitCodes.Invalid;
        }

        Write(output, loaded.LearningRate, loaded.Plan, steps, every);
        return ExitCodes.Success;
    }

    private static void Write(TextWriter output, Func<long, double>? rate, TrainingPlan? plan, long steps, long every)
    {
        output.Write("step");
        output.Write(rate is null ? string.Empty : ",learning_rate");
        output.Write(plan is null ? "\n" : ",batch_size,epoch,samples_seen\n");
        Span<char> line = stackalloc char[160];
        for (long step = 0; step < steps; step += every)
        {
            int length = Append(line, 0, step);
            if (rate is not null)
            {
                line[length++] = ',';
                rate(step).TryFormat(line[length..], out int written, default, CultureInfo.InvariantCulture);
                length += written;
            }

            if (plan is not null)
            {
                TrainingPosition position = plan.GetPosition(step);
                line[length++] = ',';
                length = Append(line, length, position.BatchSize);
                line[length++] = ',';
                length = Append(line, length, position.Epoch);
                line[length++] = ',';
                length = Append(line, length, position.SamplesSeen);
            }

            line[length++] = '\n';
            output.Write(line[..length]);
            if (step > long.MaxValue - every)
            {
                break;
            }
        }
    }

    private static int Append(Span<char> line, int at, long value)
    {
        value.TryFormat(line[at..], out int written, default, CultureInfo.InvariantCulture);
        return at + written;
    }
}
