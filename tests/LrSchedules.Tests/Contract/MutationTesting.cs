using System.Reflection;

namespace LrSchedules.Tests.Contract;

/// <summary>
/// What Stryker.NET's mutation testing (<c>scripts/mutation.sh</c>) changes in the core assembly the tests load: it
/// compiles helper types of its own (<c>MutantControl</c> and the types beside it, in a namespace with a random name)
/// into the assembly, and routes every expression through a switch on the active mutant, which makes each stack frame
/// several times larger. A test that enumerates the assembly's types must leave the helpers out, and a test that needs
/// a small stack must not run the instrumented code on one: otherwise it fails (or crashes the test host) on every
/// mutant Stryker runs it against, and the report counts each such mutant killed (or loses the coverage of every test
/// that had not run yet). See CONTRIBUTING.md, "Mutation testing".
/// </summary>
internal static class MutationTesting
{
    /// <summary>The namespace of the helpers Stryker compiled into the core; null in the assembly this repository builds.</summary>
    public static string? HelperNamespace { get; } =
        typeof(ILearningRateSchedule).Assembly.GetTypes().FirstOrDefault(t => t.Name == "MutantControl")?.Namespace;

    /// <summary>Whether the core assembly is Stryker's instrumented build.</summary>
    public static bool IsInstrumented => HelperNamespace is not null;

    /// <summary>The types of the core, without Stryker's helpers.</summary>
    public static IEnumerable<Type> LibraryTypes(this IEnumerable<Type> types) =>
        HelperNamespace is null ? types : types.Where(t => t.Namespace != HelperNamespace);
}
