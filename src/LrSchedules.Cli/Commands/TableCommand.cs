using System.CommandLine;
using System.Globalization;

namespace LrSchedules.Cli.Commands;

/// <summary>
/// <c>lrs table FILE --steps N [--every K]</c>: CSV of the step and the learning rate, and the batch size, epoch and
/// samples seen when the schedule runs on a training plan.
/// </summary>
/// <remarks>
/// Fast by construction: rows are formatted with invariant <c>TryFormat</c> into one 64 KiB UTF-8 buffer, written
/// out when full; no flush per line (the old version's 10^6 rows spent more time in system calls than formatting).
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

    /// <summary>Rows are formatted as UTF-8 into a buffer of this size, written out whenever it is nearly full.</summary>
    private const int BufferBytes = 1 << 16;

    private const int MostBytesPerRow = 160;

    /// <remarks>
    /// Formatted straight to UTF-8 (<see cref="IUtf8SpanFormattable"/>: the shortest text that round-trips a double) in
    /// one 64 KiB buffer; on the real standard output the bytes go to its stream with no encoder in between. Optimised
    /// by the JIT at once rather than after tiering up: the loop is the whole of a long table's run time.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Write(TextWriter output, Func<long, double>? rate, TrainingPlan? plan, long steps, long every)
    {
        output.Write("step");
        output.Write(rate is null ? string.Empty : ",learning_rate");
        output.Write(plan is null ? "\n" : ",batch_size,epoch,samples_seen\n");
        output.Flush();
        Stream? stream = output is ConsoleOutput console ? console.BaseStream : null;
        byte[] buffer = new byte[BufferBytes];
        int length = 0;
        for (long step = 0; step < steps; step += every)
        {
            Span<byte> line = buffer.AsSpan(length);
            int at = Append(line, 0, step);
            if (rate is not null)
            {
                line[at++] = (byte)',';
                rate(step).TryFormat(line[at..], out int written, default, CultureInfo.InvariantCulture);
                at += written;
            }

            if (plan is not null)
            {
                TrainingPosition position = plan.GetPosition(step);
                line[at++] = (byte)',';
                at = Append(line, at, position.BatchSize);
                line[at++] = (byte)',';
                at = Append(line, at, position.Epoch);
                line[at++] = (byte)',';
                at = Append(line, at, position.SamplesSeen);
            }

            line[at++] = (byte)'\n';
            length += at;
            if (length > BufferBytes - MostBytesPerRow)
            {
                Flush(output, stream, buffer, length);
                length = 0;
            }

            if (step > long.MaxValue - every)
            {
                break;
            }
        }

        Flush(output, stream, buffer, length);
    }

    private static void Flush(TextWriter output, Stream? stream, byte[] buffer, int length)
    {
        if (stream is not null)
        {
            stream.Write(buffer, 0, length);
        }
        else
        {
            // Any other writer (a test's StringWriter): the rows are ASCII, so each byte is one char.
            output.Write(System.Text.Encoding.ASCII.GetString(buffer, 0, length));
        }
    }

    private static int Append(Span<byte> line, int at, long value)
    {
        value.TryFormat(line[at..], out int written, default, CultureInfo.InvariantCulture);
        return at + written;
    }
}
