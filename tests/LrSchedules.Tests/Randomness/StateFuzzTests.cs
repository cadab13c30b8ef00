using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LrSchedules.Tests.Randomness;

/// <summary>
/// Fuzzed state (issue 15 point 5): every state a stateful type exports is saved, corrupted at random and restored.
/// Each case ends in success — a state the instance then holds and exports again unchanged — or in a
/// <see cref="ScheduleArgumentException"/> naming the field (<c>json.badEpochs</c>, <c>state</c> with the field in the
/// message), with the instance unchanged, compared value by value before and after. Never another exception.
/// Seeded (<see cref="TestSeed"/>): a failure names its case number, its corruption and the seed.
/// </summary>
public class StateFuzzTests
{
    private const int CasesPerType = 500;

    /// <summary>A stateful type: how to build and drive an instance, its JSON state, and the values a user reads from it.</summary>
    private sealed record Subject(
        string Name,
        Func<Random, bool, object> Make,
        Func<object, string> Export,
        Action<object, string> Import,
        Func<object, string> Observe);

    private static readonly Subject[] Subjects =
    [
        new(
            "ReduceLearningRateOnPlateau",
            (random, other) =>
            {
                var options = new ReduceOnPlateauOptions { Factor = other ? 0.3 : 0.5, Patience = other ? 5 : 2, Cooldown = other ? 3 : 1, MinimumLearningRate = 1e-5, IgnoredReports = other ? 7 : 3 };
                ReduceLearningRateOnPlateau plateau = Schedule.Cosine(0.1, 0.001, 500).WithLinearWarmup(10).ReduceOnPlateau(options);
                for (int i = random.Next(0, 200); i > 0; i--)
                {
                    plateau.Report(random.NextDouble());
                }

                return plateau;
            },
            o => ((ReduceLearningRateOnPlateau)o).ExportStateJson(),
            (o, json) => ((ReduceLearningRateOnPlateau)o).ImportStateJson(json),
            o =>
            {
                var p = (ReduceLearningRateOnPlateau)o;
                return Join(p.ExportStateJson(), p.ExportState(), p.CurrentLearningRate, p.GetLearningRate(0), p.GetLearningRate(250), p.GetLearningRate(long.MaxValue), p.Reductions, p.Scale, p.Best, p.ReportCount);
            }),
        new(
            "GradientNoiseScale",
            (random, other) =>
            {
                GradientNoiseScale estimator = AdaptiveBatching.NoiseScale(other ? 0.9 : 0.95);
                for (int i = random.Next(0, 60); i > 0; i--)
                {
                    estimator.Update(32, 1.0 + random.NextDouble(), 256, 0.2 + (0.5 * random.NextDouble()));
                }

                return estimator;
            },
            o => ((GradientNoiseScale)o).ExportStateJson(),
            (o, json) => ((GradientNoiseScale)o).ImportStateJson(json),
            o =>
            {
                var e = (GradientNoiseScale)o;
                return Join(e.ExportStateJson(), e.MeasurementCount, e.IsBiased, e.GradientSquaredNorm, e.CovarianceTrace, e.NoiseScale);
            }),
        new(
            "AdaScale",
            (random, other) =>
            {
                GradientNoiseScale statistics = AdaptiveBatching.NoiseScale(0.9);
                AdaScale adaScale = AdaptiveBatching.AdaScale(statistics, Schedule.Cosine(0.1, 0.001, 1_000), other ? 64 : 32, other ? 2_000 : 1_000);
                for (int i = random.Next(0, 80); i > 0; i--)
                {
                    statistics.Update(32, 1.0 + random.NextDouble(), 256, 0.2 + (0.5 * random.NextDouble()));
                    adaScale.Advance((other ? 64L : 32L) << random.Next(0, 4));
                }

                return adaScale;
            },
            o => ((AdaScale)o).ExportStateJson(),
            (o, json) => ((AdaScale)o).ImportStateJson(json),
            o =>
            {
                var a = (AdaScale)o;
                return Join(a.ExportStateJson(), a.Progress, a.IsComplete, a.GetGain(128), a.GetLearningRate(128));
            }),
        new(
            "AdaptiveBatchSizeController",
            (random, other) =>
            {
                AdaptiveBatchSizeController controller = AdaptiveBatching.Controller(
                    Schedule.Cosine(0.1, 0.001, 2_000), datasetSize: 10_000, initialBatchSize: 32, minimumBatchSize: 32, maximumBatchSize: other ? 2_048 : 1_024, decisionIntervalSteps: other ? 7 : 10);
                for (int i = random.Next(0, 150); i > 0; i--)
                {
                    controller.Report(10.0 + (random.NextDouble() * 3_000.0 * (1.0 + (i % 5))));
                }

                return controller;
            },
            o => ((AdaptiveBatchSizeController)o).ExportStateJson(),
            (o, json) => ((AdaptiveBatchSizeController)o).ImportStateJson(json),
            o =>
            {
                var c = (AdaptiveBatchSizeController)o;
                return Join(c.ExportStateJson(), c.ReportCount, c.CurrentBatchSize, c.CurrentLearningRate, c.PendingBatchSize, string.Join(';', c.Changes), c.GetBatchSize(5_000), c.GetLearningRate(5_000));
            }),
    ];

    public static TheoryData<string> SubjectNames => new(Subjects.Select(s => s.Name));

    /// <summary>Values that break a field: out of range, non-finite, huge, tiny, of another JSON type, deeply nested.</summary>
    private static readonly string[] BadValues =
    [
        "-1", "0", "1.5", "-1e308", "1e308", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "5e-324", "1e-320", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"text\"", "\"\"", "true", "false", "null", "[]", "{}",
        "[1]", "{\"a\":1}", string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200)),
    ];

    [Theory]
    [MemberData(nameof(SubjectNames))]
    public void Corrupted_json_state_is_restored_whole_or_rejected_naming_the_field_leaving_the_instance_unchanged(string name)
    {
        Subject subject = Subjects.Single(s => s.Name == name);
        int seed = TestSeed.Or(15_005 + Array.IndexOf(Subjects, subject));
        var random = new Random(seed);
        var outcomes = new Dictionary<string, int>();
        for (int n = 0; n < CasesPerType; n++)
        {
            object source = subject.Make(random, false);
            string saved = subject.Export(source);
            object target = subject.Make(random, false);
            string before = subject.Observe(target);
            (string corruption, string json, string? field, bool mustAccept, bool mustName) = Corrupt(random, saved, subject, out object? otherSource);
            string because = $"case {n} of {name} ({corruption}) with {TestSeed.Describe(seed)}: {Abbreviate(json)}";

            try
            {
                subject.Import(target, json);
            }
            catch (ScheduleArgumentException rejected)
            {
                mustAccept.Should().BeFalse($"{because} is the saved state in another form, but was rejected: {rejected.Message}");
                rejected.ParamName.Should().StartWith("json", because);
                if (mustName)
                {
                    rejected.ParamName.Should().Be($"json.{field}", $"{because} broke that field: {rejected.Message}");
                }

                subject.Observe(target).Should().Be(before, $"{because} was rejected, so the instance must be as it was");
                Count(outcomes, $"rejected {corruption}");
                continue;
            }
            catch (Exception other)
            {
                throw new Xunit.Sdk.XunitException($"{because} threw {other.GetType().Name}: {other.Message}", other);
            }

            // Accepted: the instance holds exactly the imported state, which a fresh instance imports to the same values.
            if (mustAccept)
            {
                // The state, not everything observed: AdaScale's gain reads a statistics object that saves its own state.
                subject.Export(target).Should().Be(subject.Export(otherSource ?? source), because);
            }

            string exported = subject.Export(target);
            object again = subject.Make(random, false);
            subject.Import(again, exported);
            subject.Export(again).Should().Be(exported, $"{because} was accepted, so its state must round-trip");
            Count(outcomes, $"accepted {corruption}");
        }

        outcomes.Keys.Should().Contain(k => k.StartsWith("rejected", StringComparison.Ordinal)).And.Contain(k => k.StartsWith("accepted", StringComparison.Ordinal), string.Join(", ", outcomes));
    }

    [Fact]
    public void Corrupted_plateau_states_are_restored_whole_or_rejected_naming_the_field()
    {
        int seed = TestSeed.Or(15_009);
        var random = new Random(seed);
        var options = new ReduceOnPlateauOptions { Factor = 0.5, Patience = 2, Cooldown = 1, MinimumLearningRate = 1e-5, IgnoredReports = 3 };
        LearningRateSchedule schedule = Schedule.Cosine(0.1, 0.001, 500).WithLinearWarmup(10);
        long[] longs = [-1, 0, 1, 2, 3, 1_000, long.MaxValue, long.MinValue];
        double[] doubles = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1e308, 1e308, double.Epsilon, 0.0, -0.0, 0.5];
        string[] fields = [nameof(ReduceOnPlateauState.ReportCount), nameof(ReduceOnPlateauState.Best), nameof(ReduceOnPlateauState.BadEpochs), nameof(ReduceOnPlateauState.CooldownCounter), nameof(ReduceOnPlateauState.Reductions)];
        int rejected = 0;
        for (int n = 0; n < CasesPerType; n++)
        {
            ReduceLearningRateOnPlateau source = schedule.ReduceOnPlateau(options);
            for (int i = random.Next(0, 200); i > 0; i--)
            {
                source.Report(random.NextDouble());
            }

            ReduceOnPlateauState saved = source.ExportState();
            string sourceBefore = Join(saved, source.CurrentLearningRate, source.Scale);
            string field = fields[random.Next(fields.Length)];
            ReduceOnPlateauState corrupt = field switch
            {
                nameof(ReduceOnPlateauState.ReportCount) => saved with { ReportCount = longs[random.Next(longs.Length)] },
                nameof(ReduceOnPlateauState.Best) => saved with { Best = doubles[random.Next(doubles.Length)] },
                nameof(ReduceOnPlateauState.BadEpochs) => saved with { BadEpochs = longs[random.Next(longs.Length)] },
                nameof(ReduceOnPlateauState.CooldownCounter) => saved with { CooldownCounter = (int)Math.Clamp(longs[random.Next(longs.Length)], int.MinValue, int.MaxValue) },
                _ => saved with { Reductions = longs[random.Next(longs.Length)] },
            };
            string because = $"case {n}: {field} of {corrupt} with {TestSeed.Describe(seed)}";

            ReduceLearningRateOnPlateau restored;
            try
            {
                restored = schedule.ReduceOnPlateau(options, corrupt);
            }
            catch (ScheduleArgumentException e)
            {
                e.ParamName.Should().Be("state", because);
                string named = field == nameof(ReduceOnPlateauState.ReportCount) && !e.Message.Contains("ReduceOnPlateauState.ReportCount", StringComparison.Ordinal)
                    ? nameof(ReduceOnPlateauState.Reductions) // a smaller report count leaves too many reductions
                    : field;
                e.Message.Should().Contain($"ReduceOnPlateauState.{named} must be", because);
                rejected++;
                continue;
            }
            finally
            {
                Join(source.ExportState(), source.CurrentLearningRate, source.Scale).Should().Be(sourceBefore, $"{because}: the exporting instance is untouched");
            }

            restored.ExportState().Should().Be(corrupt, $"{because} was accepted, so the instance holds it");
            double rate = restored.CurrentLearningRate;
            (double.IsFinite(rate) && rate >= 0.0).Should().BeTrue($"{because} was accepted, so its rate is a rate, not {rate}");
        }

        rejected.Should().BeInRange(1, CasesPerType - 1, "the cases mix states in and out of range");
    }

    [Theory]
    [InlineData("GradientNoiseScale", "biased", "1", "json.biased must be true or false but was 1.")]
    [InlineData("AdaptiveBatchSizeController", "configuration.growOnly", "\"yes\"", "json.configuration.growOnly must be true or false but was \"yes\".")]
    [InlineData("AdaptiveBatchSizeController", "configuration.growOnly", "false", "json.configuration.growOnly must be this instance's true but was False.")]
    [InlineData("AdaptiveBatchSizeController", "configuration.integerFactors", "true", "json.configuration.integerFactors must be this instance's false but was True.")]
    [InlineData("AdaptiveBatchSizeController", "changes", "{}", "json.changes must be an array but was {}.")]
    [InlineData("AdaptiveBatchSizeController", "configuration", "[]", "json.configuration must be an object but was [].")]
    public void A_field_of_another_kind_or_value_is_rejected_naming_its_path_its_saved_text_and_what_it_must_be(string name, string path, string value, string message)
    {
        Subject subject = Subjects.Single(s => s.Name == name);
        var random = new Random(TestSeed.Or(15_010));
        JsonNode root = JsonNode.Parse(subject.Export(subject.Make(random, false)))!;
        string[] keys = path.Split('.');
        JsonNode parent = keys[..^1].Aggregate(root, (node, key) => node[key]!);
        parent[keys[^1]].Should().NotBeNull($"{path} is a field of {name}'s state");
        parent[keys[^1]] = JsonNode.Parse(value);
        object target = subject.Make(random, false);
        string before = subject.Observe(target);

        ((Action)(() => subject.Import(target, root.ToJsonString()))).Should().Throw<ScheduleArgumentException>().Which.Message.Should().Be(message);
        subject.Observe(target).Should().Be(before);
    }

    private static (string Corruption, string Json, string? Field, bool MustAccept, bool MustName) Corrupt(Random random, string saved, Subject subject, out object? otherSource)
    {
        otherSource = null;
        switch (random.Next(10))
        {
            case 0:
                return ("truncated", saved[..random.Next(saved.Length)], null, false, false);
            case 1:
            {
                char[] chars = saved.ToCharArray();
                int at = random.Next(chars.Length);
                chars[at] = (char)random.Next(32, 127);
                return ($"byte {at} flipped", new string(chars), null, false, false);
            }

            case 2:
            {
                var root = JsonNode.Parse(saved)!.AsObject();
                var shuffled = new JsonObject(root.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).OrderBy(_ => random.Next()));
                return ("reordered", shuffled.ToJsonString(), null, true, false);
            }

            case 3:
            case 4:
            case 5:
            {
                (string path, JsonNode parent, string key) = PickField(random, JsonNode.Parse(saved)!);
                JsonValueKind original = parent[key]?.GetValueKind() ?? JsonValueKind.Null;
                string value = BadValues[random.Next(BadValues.Length)];
                parent[key] = JsonNode.Parse(value, documentOptions: new JsonDocumentOptions { MaxDepth = 1_000 });
                JsonValueKind now = parent[key]?.GetValueKind() ?? JsonValueKind.Null;
                bool otherShape = now is JsonValueKind.Array or JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False
                                  && original is not (JsonValueKind.True or JsonValueKind.False);
                // A value nested deeper than JSON's 64 levels is rejected as malformed JSON as a whole ("json"), naming the depth.
                bool deep = value.StartsWith("[[", StringComparison.Ordinal);
                return ($"{path} = {Abbreviate(value)}", Root(parent).ToJsonString(), path, false, otherShape && !deep && path is not "type");
            }

            case 6:
            {
                (string path, JsonNode parent, string key) = PickField(random, JsonNode.Parse(saved)!);
                parent.AsObject().Remove(key);
                return ($"{path} removed", Root(parent).ToJsonString(), path, false, path is not ("type" or "version"));
            }

            case 7:
            {
                var root = JsonNode.Parse(saved)!.AsObject();
                string key = root.ElementAt(random.Next(root.Count)).Key;
                string duplicate = saved.Insert(1, $"\"{key}\":{BadValues[random.Next(BadValues.Length)]},");
                string unknown = saved.Insert(1, "\"unknownField\":1,");
                return random.Next(2) == 0 ? ($"{key} duplicated", duplicate, null, false, false) : ("unknown key", unknown, null, false, false);
            }

            case 8:
                otherSource = subject.Make(random, true);
                return ("another configuration's state", subject.Export(otherSource), null, false, false);
            default:
            {
                string[] shapes = ["[]", "\"state\"", "42", "null", "", " ", "{}", "[" + saved + "]", "{\"type\":" + saved + "}"];
                string shape = shapes[random.Next(shapes.Length)];
                return ($"wrong shape {Abbreviate(shape)}", shape, null, false, false);
            }
        }
    }

    /// <summary>A random leaf field, top level or nested one object deep (the options or configuration a state carries).</summary>
    private static (string Path, JsonNode Parent, string Key) PickField(Random random, JsonNode root)
    {
        JsonObject parent = root.AsObject();
        string path = string.Empty;
        while (true)
        {
            KeyValuePair<string, JsonNode?> field = parent.ElementAt(random.Next(parent.Count));
            path = path.Length == 0 ? field.Key : $"{path}.{field.Key}";
            if (field.Value is JsonObject inner && inner.Count > 0)
            {
                parent = inner;
                continue;
            }

            return (path, parent, field.Key);
        }
    }

    private static JsonNode Root(JsonNode node) => node.Root;

    private static void Count(Dictionary<string, int> outcomes, string key)
    {
        string kind = key.Split(' ')[0] + " " + key.Split(' ', 2)[1].Split(' ')[0];
        outcomes[kind] = outcomes.GetValueOrDefault(kind) + 1;
    }

    private static string Join(params object?[] values) =>
        string.Join("|", values.Select(v => v is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture)));

    private static string Abbreviate(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
