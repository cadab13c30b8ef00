namespace LrSchedules.Cli;

/// <summary>The <c>lrs</c> tool's entry point; everything it does is in <see cref="Lrs"/>, which tests call in-process.</summary>
internal static class Program
{
    private static int Main(string[] args) => Lrs.Run(args, Console.Out, Console.Error);
}
