using System.CommandLine;
using System.Globalization;
using LrSchedules.Batching;
using LrSchedules.Cli.Formatting;
using LrSchedules.Plateau;

namespace LrSchedules.Cli.Commands;

/// <summary>
/// <c>lrs table FILE --steps N [--every K] [--metrics FILE]</c>: CSV of the step and every series the description
/// defines: the learning rate; the momentum PyTorch's OneCycleLR and CyclicLR cycle; Megatron's weight decay
/// (<c>weight_decay</c>); the batch size, epoch and samples seen when the schedule runs on a training plan. A
/// metric-driven schedule (reduce-on-plateau) is replayed from <c>--metrics</c>: line <c>t</c> is the metric reported
/// after step <c>t</c> (PyTorch's <c>scheduler.step(metric)</c> after the optimizer step of step <c>t</c>).
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
        var metrics = new Option<string?>("--metrics")
        {
            Description = "A reduce-on-plateau schedule is replayed from this file: one metric per line, line t reported after step t.",
            HelpName = "FILE",
        };
        var command = new Command("table", "CSV: step and every series the description defines (learning rate, momentum, weight decay; batch size, epoch, samples seen for a training plan).") { file, steps, every, metrics };
        command.SetAction(result => Run(result, result.GetValue(file)!, result.GetValue(steps), result.GetValue(every) ?? 1, result.GetValue(metrics)));
        return command;
    }

    private static int Run(ParseResult result, string file, long steps, long every, string? metricsFile)
    {
        TextWriter error = result.InvocationConfiguration.Error;
        int status = Inputs.LoadAll(result, [file], "print", out var schedules);
        if (status != ExitCodes.Success)
        {
            return status;
        }

        Loaded loaded = schedules[0].Loaded;
        Func<long, double>? rate = loaded.LearningRate;
        if (metricsFile is not null)
        {
            if (loaded.MetricDriven is null)
            {
                error.WriteLine($"lrs: {file} describes a {loaded.Type}, which no metric drives: --metrics applies to a reduce-on-plateau schedule.");
                return ExitCodes.Usage;
            }

            if (!Files.TryRead(metricsFile, error, out string? text))
            {
                return ExitCodes.Usage;
            }

            if (!TryReadMetrics(text, metricsFile, error, out double[] values))
            {
                return ExitCodes.Invalid;
            }

            rate = Replay(loaded.MetricDriven, values, steps);
        }

        Column[] columns = [.. (rate is null ? [] : new[] { new Column(loaded.RateName, rate) }), .. loaded.Series.Select(s => new Column(s.Name, s.Value))];

        Write(result.InvocationConfiguration.Output, columns, loaded.Plan, steps, every);
        return ExitCodes.Success;
    }

    /// <summary>One metric per line (blank lines skipped), numbers in the invariant culture; a bad line is named.</summary>
    private static bool TryReadMetrics(string text, string file, TextWriter error, out double[] metrics)
    {
        var values = new List<double>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!double.TryParse(line, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                error.WriteLine($"lrs: {file}: line {(i + 1).ToString(CultureInfo.InvariantCulture)} must be a finite number but was '{line}'.");
                metrics = [];
                return false;
            }

            values.Add(value);
        }

        metrics = [.. values];
        return true;
    }

    /// <summary>
    /// The rate of each step of a metric-driven schedule fed the metrics: read step <c>t</c>, then report metric <c>t</c>
    /// (as a training loop does), for the steps the metrics cover; after the last metric the rate follows the schedule
    /// in its final state. Precomputed once, so that the rows can be formatted on two threads.
    /// </summary>
    private static Func<long, double> Replay(IMetricDrivenSchedule schedule, double[] metrics, long steps)
    {
        int replayed = (int)Math.Min(metrics.Length, steps);
        double[] rates = new double[replayed];
        for (int step = 0; step < replayed; step++)
        {
            rates[step] = schedule.GetLearningRate(step);
            schedule.Report(metrics[step]);
        }

        return step => step < replayed ? rates[step] : schedule.GetLearningRate(step);
    }

    /// <summary>A named series of the table.</summary>
    private sealed record Column(string Name, Func<long, double> Value);

    /// <summary>Rows per chunk: each chunk is formatted into a buffer of its own, two chunks at a time.</summary>
    private const int RowsPerChunk = 8192;

    /// <summary>The longest row: a step, up to four series and three whole numbers, each at most 24 characters.</summary>
    private const int MostBytesPerRow = 256;

    /// <remarks>
    /// Rows are formatted straight to UTF-8 (the rate by <see cref="ShortestDouble"/>: the shortest text that reads back
    /// as the same double, as .NET writes it, about five times faster than <c>double.TryFormat</c>), in chunks of <see cref="RowsPerChunk"/> rows: while this thread formats one chunk, a pool thread formats
    /// the next (a schedule and a plan are thread-safe by contract), then both are written in order. On the real
    /// standard output the bytes go to its stream with no encoder in between. A rate equal to the previous row's is
    /// copied rather than formatted again (constant phases and tails).
    /// </remarks>
    private static void Write(TextWriter output, Column[] columns, TrainingPlan? plan, long steps, long every)
    {
        output.Write("step");
        output.Write(string.Concat(columns.Select(c => "," + c.Name)));
        Func<long, double>? rate = columns.Length > 0 ? columns[0].Value : null;
        Func<long, double>[] others = [.. columns.Skip(1).Select(c => c.Value)];
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
            Task<int>? next = end > middle ? Task.Run(() => Format(second!, middle, end, every, rate, others, plan)) : null;
            Flush(output, stream, first, Format(first, from, middle, every, rate, others, plan));
            if (next is not null)
            {
                Flush(output, stream, second!, next.GetAwaiter().GetResult());
            }
        }
    }

    /// <summary>Formats rows <paramref name="from"/> to <paramref name="to"/> (exclusive) into <paramref name="buffer"/>; returns the bytes written.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int Format(byte[] buffer, long from, long to, long every, Func<long, double>? rate, Func<long, double>[] others, TrainingPlan? plan)
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

            foreach (Func<long, double> series in others)
            {
                line[at++] = (byte)',';
                at += ShortestDouble.Format(series(step), line[at..]);
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
