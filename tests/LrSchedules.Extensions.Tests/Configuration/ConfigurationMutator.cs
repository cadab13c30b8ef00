using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LrSchedules.Extensions.Tests.Configuration;

/// <summary>
/// Mutates valid configuration descriptions for the fuzzers (<c>ConfigurationFuzzTests</c> here and the <c>lrs</c>
/// fuzzer, which links this file): truncation, byte flips, type swaps, huge, tiny and non-finite numbers, duplicate and
/// unknown keys, deep nesting, wrong shapes.
/// </summary>
internal static class ConfigurationMutator
{
    internal static readonly string[] BadValues =
    [
        "-1", "0", "-0", "0.5", "1.5", "-1e308", "1e308", "1e400", "-1e400", "5e-324", "1e-320", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "2147483648", "123456789012345678901234567890", "\"NaN\"",
        "\"Infinity\"", "\"-Infinity\"", "\"1e5\"", "\"\"", "\"Cosine\"", "\"Linear\"", "\"x\"", "true", "false", "null", "[]",
        "{}", "[1, 2]", "[-1]", "{\"Type\": \"Constant\"}", "{\"Type\": \"Constant\", \"LearningRate\": 0.1}",
        string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)),
        string.Concat(Enumerable.Repeat("{\"Type\":\"Scale\",\"Factor\":1,\"Schedule\":", 50)) + "{\"Type\":\"Constant\",\"LearningRate\":0.1}" + new string('}', 50),
    ];

    /// <summary>The valid descriptions mutated: the gallery (one per configuration type) and the sample configurations.</summary>
    internal static string[] Corpus()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "LrSchedules.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("LrSchedules.sln not found.");
        }

        string configs = Path.Combine(root, "samples", "configs");
        return Directory.EnumerateFiles(configs, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
    }

    /// <summary>One random mutation of <paramref name="original"/>, named.</summary>
    internal static (string Mutation, string Text) Mutate(Random random, string original, string[] typeNames)
    {
        switch (random.Next(12))
        {
            case 0:
                return ("truncated", original[..random.Next(original.Length)]);
            case 1:
            {
                char[] chars = original.ToCharArray();
                int flips = 1 + random.Next(3);
                for (int k = 0; k < flips; k++)
                {
                    chars[random.Next(chars.Length)] = (char)random.Next(1, 127);
                }

                return ("bytes flipped", new string(chars));
            }

            case 2:
                return ("wrong shape", random.Next(5) switch
                {
                    0 => "[" + original + "]",
                    1 => "\"" + original.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
                    2 => "42",
                    3 => "null",
                    _ => string.Empty,
                });
            case 3:
            {
                string key = "Unknown" + random.Next(100).ToString(CultureInfo.InvariantCulture);
                return ("unknown key", Insert(random, original, $"\"{key}\": 1,"));
            }

            case 4:
            {
                JsonObject node = RandomObject(random, Parse(original));
                if (node.Count == 0)
                {
                    return ("unchanged", original);
                }

                string key = node.ElementAt(random.Next(node.Count)).Key;
                return ($"{key} duplicated", Insert(random, original, $"\"{key}\": {BadValues[random.Next(BadValues.Length)]},"));
            }

            case 5:
            {
                JsonNode root = Parse(original);
                JsonObject node = RandomObject(random, root);
                if (node.Count == 0)
                {
                    return ("unchanged", original);
                }

                string key = node.ElementAt(random.Next(node.Count)).Key;
                node.Remove(key);
                return ($"{key} removed", root.ToJsonString());
            }

            case 6:
            {
                JsonNode root = Parse(original);
                JsonObject node = RandomObject(random, root);
                string type = typeNames[random.Next(typeNames.Length)];
                node["Type"] = random.Next(4) == 0 ? type.ToUpperInvariant() + "X" : type;
                return ($"type swapped to {node["Type"]}", root.ToJsonString());
            }

            case 7:
            {
                // Nesting: the description wrapped as a schedule of a combinator, many levels deep.
                int depth = random.Next(2) == 0 ? random.Next(1, 70) : random.Next(900, 1_100);
                string wrapped = original;
                for (int k = 0; k < depth; k++)
                {
                    wrapped = "{\"Type\":\"Delay\",\"Steps\":1,\"Schedule\":" + wrapped + "}";
                }

                return ($"nested {depth} deep", wrapped);
            }

            default:
            {
                JsonNode root = Parse(original);
                JsonObject node = RandomObject(random, root);
                if (node.Count == 0)
                {
                    return ("unchanged", original);
                }

                string key = node.ElementAt(random.Next(node.Count)).Key;
                string value = BadValues[random.Next(BadValues.Length)];
                node[key] = JsonNode.Parse(value, documentOptions: new JsonDocumentOptions { MaxDepth = 1_000 });
                return ($"{key} = {Abbreviate(value)}", root.ToJsonString(new JsonSerializerOptions { MaxDepth = 1_000 }));
            }
        }
    }

    private static JsonNode Parse(string json) => JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;

    /// <summary>A random object of the tree: the root or a nested description, an element of a list or an options object.</summary>
    private static JsonObject RandomObject(Random random, JsonNode root)
    {
        var objects = new List<JsonObject>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    objects.Add(o);
                    foreach (KeyValuePair<string, JsonNode?> p in o)
                    {
                        Walk(p.Value);
                    }

                    break;
                case JsonArray a:
                    foreach (JsonNode? e in a)
                    {
                        Walk(e);
                    }

                    break;
            }
        }

        Walk(root);
        return objects.Count == 0 ? new JsonObject() : objects[random.Next(objects.Count)];
    }

    private static string Insert(Random random, string text, string property)
    {
        int[] braces = Enumerable.Range(0, text.Length).Where(i => text[i] == '{').ToArray();
        return braces.Length == 0 ? text : text.Insert(braces[random.Next(braces.Length)] + 1, property);
    }

    internal static string Abbreviate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
