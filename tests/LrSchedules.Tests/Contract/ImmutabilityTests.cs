using System.Reflection;

namespace LrSchedules.Tests.Contract;

/// <summary>Immutability is a checked property (as in NodaTime), not a hope.</summary>
public class ImmutabilityTests
{
    /// <summary>Public types that hold state by design; each documents that it is mutable and how to share it.</summary>
    private static readonly HashSet<string> DeliberatelyMutable = ["ReduceLearningRateOnPlateau", "GradientNoiseScale", "AdaScale", "AdaptiveBatchSizeController", "FastaiRangeTest", "TorchLrFinderRangeTest"];

    private static IEnumerable<Type> LibraryTypes =>
        typeof(ILearningRateSchedule).Assembly.GetTypes().LibraryTypes()
            .Where(t => !t.IsInterface && !t.IsEnum && !t.Name.StartsWith('<') && !typeof(Delegate).IsAssignableFrom(t)
                        && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null);

    [Fact]
    public void Every_public_class_is_sealed_static_or_abstract_without_public_constructors()
    {
        var offenders = LibraryTypes
            .Where(t => t.IsPublic && t.IsClass && !t.IsSealed && !t.IsAbstract)
            .Select(t => t.FullName);
        offenders.Should().BeEmpty("concrete public types are sealed");

        var openAbstract = LibraryTypes
            .Where(t => t.IsPublic && t.IsAbstract && !t.IsSealed)
            .Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Length > 0)
            .Select(t => t.FullName);
        openAbstract.Should().BeEmpty("abstract bases cannot be derived outside the library");
    }

    [Fact]
    public void Every_schedule_type_has_only_readonly_instance_fields()
    {
        var offenders = LibraryTypes
            .Where(t => !DeliberatelyMutable.Contains(t.Name))
            .Where(t => !(t.IsValueType && t.Name.EndsWith("State", StringComparison.Ordinal)))
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsInitOnly && !f.IsLiteral)
                .Select(f => $"{t.FullName}.{f.Name}"))
            // The factory call record: written once (Interlocked) by the factory before it returns the schedule, never
            // read by a query. A field rather than a weak-table entry, because chained entries stall the GC.
            .Where(f => f != "LrSchedules.LearningRateSchedule.Call");
        offenders.Should().BeEmpty("schedules are immutable: every instance field is readonly");
    }

    [Fact]
    public void Every_schedule_type_has_no_public_setters()
    {
        var offenders = LibraryTypes
            .Where(t => t.IsPublic && !DeliberatelyMutable.Contains(t.Name))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } setter
                            && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
                .Select(p => $"{t.FullName}.{p.Name}"));
        offenders.Should().BeEmpty("schedules expose their parameters read-only");
    }
}
