using System.Globalization;
using DigitsTraining;

// Numbers in files and on the console are written the same way on every machine.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Each run is single-threaded (runs are parallelised with --parallel instead): cheaper for these small matrices and
// kinder to a shared machine.
MathNet.Numerics.Control.UseSingleThread();

Options? options;
try
{
    options = CommandLine.Parse(args);
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

if (options is null)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

try
{
    Runner.Run(options, Console.Out);
    return 0;
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
