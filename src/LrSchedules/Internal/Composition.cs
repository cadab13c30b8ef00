using System.Globalization;

namespace LrSchedules.Internal;

/// <summary>
/// Bounds how deeply schedules nest, so that a query cannot overflow the stack: every combinator evaluates its children
/// by a call, one stack frame per level, and a process cannot catch a stack overflow.
/// </summary>
/// <remarks>
/// <para>The depth of a shape (and of a user implementation of <see cref="ILearningRateSchedule"/>) is 1; the depth of a
/// combinator is 1 + the depth of its deepest child. A factory that would build a schedule deeper than
/// <see cref="MaxDepth"/> throws a <see cref="ScheduleArgumentException"/> naming the schedule parameter, the depth the
/// result would have and the limit, before any query runs.</para>
/// <para>The limit is measured, not guessed: <c>CompositionDepthTests</c> queries the deepest allowed composition of every
/// combinator on a thread with a 256 KiB stack (smaller than any default: 1 MiB on Windows, 8 MiB on Linux, 512 KiB for
/// a macOS secondary thread) in a Debug build, whose frames are the largest, and it fits with room to spare.
/// Combinators that fold into one node when they are built (a clamp of an overlapping clamp, a join whose first schedule
/// is a join, a product whose first factor is a product, an overlaid warmup over a shorter overlaid warmup) add no depth.
/// A user implementation that itself calls other schedules adds depth the library cannot see.</para>
/// </remarks>
internal static class Composition
{
    /// <summary>The deepest composition a factory builds; documented in the README and in <see cref="ScheduleExtensions"/>.</summary>
    public const int MaxDepth = 1_000;

    /// <summary>The depth of a schedule with one child: 1 + the child's depth, rejected past <see cref="MaxDepth"/>.</summary>
    public static int Over(int childDepth, string paramName) => Checked(childDepth + 1, paramName);

    /// <summary>The depth of a schedule with several children: 1 + the deepest child's depth, rejected past <see cref="MaxDepth"/>.</summary>
    public static int Over(LearningRateSchedule[] children, string paramName)
    {
        int deepest = 0;
        foreach (LearningRateSchedule child in children)
        {
            deepest = Math.Max(deepest, child.Depth);
        }

        return Checked(deepest + 1, paramName);
    }

    private static int Checked(int depth, string paramName) =>
        depth <= MaxDepth
            ? depth
            : throw Preconditions.OutOfRange(
                paramName,
                depth,
                $"a composition at most {MaxDepth.ToString(CultureInfo.InvariantCulture)} schedules deep (the depth the result would have is shown)");
}
