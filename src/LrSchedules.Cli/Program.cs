using System.Text;

namespace LrSchedules.Cli;

/// <summary>The <c>lrs</c> tool's entry point; everything it does is in <see cref="Lrs"/>, which tests call in-process.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // One writer with a large buffer and no flush per line: Console.Out flushes after every write, which made
        // `lrs table` spend more time in system calls than in formatting (issue 14).
        using var output = new ConsoleOutput(Console.OpenStandardOutput());
        return Lrs.Run(args, output, Console.Error);
    }
}

/// <summary>
/// Standard output, buffered (64 KiB, flushed when the command ends) and marked as the real terminal so that charts may
/// use colour (<see cref="Charts.Terminal.UsesColor"/>).
/// </summary>
internal sealed class ConsoleOutput(Stream stream) : StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16)
{
    public override IFormatProvider FormatProvider => System.Globalization.CultureInfo.InvariantCulture;
}
