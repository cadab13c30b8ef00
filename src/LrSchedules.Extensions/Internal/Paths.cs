using System.Globalization;

namespace LrSchedules.Configuration.Internal;

/// <summary>Configuration paths, <c>Training:Schedule:Schedules:1:TotalSteps</c>, as <c>IConfiguration</c> writes them.</summary>
internal static class Paths
{
    public static string Child(string path, string key) => path.Length == 0 ? key : path + ":" + key;

    public static string Index(string path, int index) => Child(path, index.ToString(CultureInfo.InvariantCulture));

    /// <summary>How a node is named at the start of a message: its path, or "The description" at the root.</summary>
    public static string Subject(string path) => path.Length == 0 ? "The description" : path;
}
