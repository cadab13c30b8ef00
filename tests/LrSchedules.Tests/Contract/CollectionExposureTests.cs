using System.Collections;
using System.Reflection;

namespace LrSchedules.Tests.Contract;

/// <summary>
/// A public collection property must not hand out the instance's own array: a caller could cast it back and change an
/// immutable schedule under every thread that shares it.
/// </summary>
public class CollectionExposureTests
{
    private static readonly TrainingPlan Plan =
        BatchSchedule.Plan(1400, BatchSchedule.StepGrowth(10, 5.0, [30, 45], TrainingClock.Epochs, 250), LastBatch.Drop);

    /// <summary>One instance of every public type that has a collection-valued property.</summary>
    private static readonly object[] Instances =
    [
        Schedule.MultiStep(0.1, [10, 20], 0.5),
        Schedule.PiecewiseConstant([0.3, 0.2, 0.1], [10, 20]),
        Schedule.PiecewiseInterpolated([0.1, 0.2], [0.0, 10.0]),
        Schedule.Join([Schedule.Constant(0.1), Schedule.Constant(0.2)], [10]),
        Schedule.Product(Schedule.Constant(0.1), Schedule.Constant(0.5)),
        BatchSchedule.StepGrowth(10, 5.0, [30, 45], TrainingClock.Epochs, 250),
        BatchSchedule.Piecewise(10, [new BatchSizeChange(5, 20)], TrainingClock.Epochs),
        BatchSchedule.LinearRamp(10, 10, 1000, 50),
        BatchSchedule.ConstantBatchSize(10),
        Plan,
        BatchSchedule.IncreaseBatchSizeInsteadOfDecay(Schedule.MultiStep(0.1, [30, 45, 55], 0.2), TrainingClock.Epochs, 1400, LastBatch.Drop, 10, 250, 60),
        BatchSchedule.DataParallel(Plan, 2, 32),
        BatchSchedule.Seesaw(Schedule.MultiStep(0.01, [10], 0.5), TrainingClock.Epochs, 1400, LastBatch.Drop, 10, 40, 20),
        LrSchedules.RangeTest.TorchLrFinderRangeTest.Replay([new(1e-3, 1.0), new(2e-3, 0.9)]),
        new LrSchedules.RangeTest.FastaiRangeTest(10),
        new LrSchedules.RangeTest.TorchLrFinderRangeTest(10),
        LrSchedules.Batching.AdaptiveBatching.Controller(Schedule.Constant(0.1), 100, 10, 10, 80, 5),
    ];

    private static bool IsCollection(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    [Fact]
    public void No_collection_property_returns_the_instances_own_array()
    {
        var offenders = new List<string>();
        foreach (object instance in Instances)
        {
            foreach (PropertyInfo property in instance.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public))
            {
                if (IsCollection(property.PropertyType) && property.GetValue(instance) is Array)
                {
                    offenders.Add($"{instance.GetType().Name}.{property.Name}");
                }
            }
        }

        offenders.Should().BeEmpty("collections are exposed read-only (Array.AsReadOnly), never as the array itself");
    }

    [Fact]
    public void Every_public_type_with_a_collection_property_is_checked()
    {
        HashSet<Type> checkedTypes = Instances.Select(i => i.GetType()).ToHashSet();
        var missing = typeof(ILearningRateSchedule).Assembly.GetExportedTypes().LibraryTypes()
            .Where(t => !t.IsAbstract && !typeof(Exception).IsAssignableFrom(t) && t.GetProperties(BindingFlags.Instance | BindingFlags.Public).Any(p => IsCollection(p.PropertyType)))
            .Where(t => !checkedTypes.Contains(t))
            .Select(t => t.FullName);
        missing.Should().BeEmpty("add an instance of each such type to the list above");
    }
}
