using System.CommandLine;
using System.Globalization;
using LrSchedules.Batching;
using LrSchedules.Cli.Formatting;

namespace LrSchedules.Cli.Commands;

/// <summary>
/// <c>lrs table FILE --steps N [--every K]</c>: CSV of the step and the learning rate, and the batch size, epoch and
/// samples seen when the schedule runs on a training plan.
/// </summary>
/// <remarks>
/// Fast by construction: rows are formatted (rates by Ryū, <see cref="ShortestDouble"/>) into UTF-8 buffers of 8,192 rows, two
/// at a time on two threads, and written out a buffer at a time; no flush per line (the old version's 10^6 rows spent
/// more time in system calls than in formatting).
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
        int status = Inputs.LoadAll(result, [file], "print", out var schedules);
        if (status != ExitCodes.Success)
        {
            return status;
        }

        Loaded loaded = schedules[0].Loaded;
        Write(result.InvocationConfiguration.Output, loaded.LearningRate, loaded.Plan, steps, every);
        return ExitCodes.Success;
    }

    /// <summary>Rows per chunk: each chunk is formatted into a buffer of its own, two chunks at a time.</summary>
    private const int RowsPerChunk = 8192;

    /// <summary>The longest row: a step, a learning rate and three whole numbers, each at most 24 characters.</summary>
    private const int MostBytesPerRow = 128;

    /// <remarks>
    /// Rows are formatted straight to UTF-8 (the rate by <see cref="ShortestDouble"/>: the shortest text that reads back
    /// as the same double, as .NET writes it, about five times faster than <c>double.TryFormat</c>), in chunks of <see cref="RowsPerChunk"/> rows: while this thread formats one chunk, a pool thread formats
    /// the next (a schedule and a plan are thread-safe by contract), then both are written in order. On the real
    /// standard output the bytes go to its stream with no encoder in between. A rate equal to the previous row's is
    /// copied rather than formatted again (constant phases and tails).
    /// </remarks>
    private static void Write(TextWriter output, Func<long, double>? rate, TrainingPlan? plan, long steps, long every)
    {
        output.Write("step");
        output.Write(rate is null ? string.Empty : ",learning_rate");
        output.Write(plan is null ? "\n" : ",batch_size,epoch,samples_seen\n");
        output.Flush();
        Stream? stream = output is ConsoleOutput console ? console.BaseStream : null;
        long rows = ((steps - 1) / every) + 1;
        byte[] first = new byte[RowsPerChunk * MostBytesPerRow];
        byte[]? second = rows > RowsPerChunk ? new byte[first.Length] : null;
        for (long row = 0; row < rows; row += 2 * RowsPerChunk)
        {
            long middle = Math.Min(rows, row + RowsPerChunk);
            long end = Math.Min(rows, middle + RowsPerChunk);
            long from = row;
            Task<int>? next = end > middle ? Task.Run(() => Format(second!, middle, end, every, rate, plan)) : null;
            Flush(output, stream, first, Format(first, from, middle, every, rate, plan));
            if (next is not null)
            {
                Flush(output, stream, second!, next.GetAwaiter().GetResult());
            }
        }
    }

    /// <summary>Formats rows <paramref name="from"/> to <paramref name="to"/> (exclusive) into <paramref name="buffer"/>; returns the bytes written.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int Format(byte[] buffer, long from, long to, long every, Func<long, double>? rate, TrainingPlan? plan)
    {
        Span<byte> previousRate = stackalloc byte[32];
        int previousLength = 0;
        long previousBits = 0;
        int length = 0;
        for (long row = from; row < to; row++)
        {
            long step = row * every;
            Span<byte> line = buffer.AsSpan(length);
            int at = Append(line, 0, step);
            if (rate is not null)
            {
                line[at++] = (byte)',';
                double value = rate(step);
                long bits = BitConverter.DoubleToInt64Bits(value);
                if (previousLength == 0 || bits != previousBits)
                {
                    previousLength = ShortestDouble.Format(value, previousRate);
                    previousBits = bits;
                }

                previousRate[..previousLength].CopyTo(line[at..]);
                at += previousLength;
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
        }

        return length;
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
