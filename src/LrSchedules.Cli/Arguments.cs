using System.Globalization;

namespace LrSchedules.Cli;

/// <summary>The command line of a command: positional arguments and <c>--name value</c> options from a fixed list.</summary>
internal sealed class Arguments
{
    private readonly List<string> _positional = [];
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    private Arguments()
    {
    }

    public static Arguments Parse(string[] args, string[] options)
    {
        var parsed = new Arguments();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                string name = arg;
                string? value = null;
                int equals = arg.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    name = arg[..equals];
                    value = arg[(equals + 1)..];
                }

                if (!options.Contains(name))
                {
                    throw new UsageException(options.Length == 0
                        ? $"unknown option '{name}': this command takes none."
                        : $"unknown option '{name}'; the options are {string.Join(", ", options)}.");
                }

                if (value is null)
                {
                    if (i + 1 >= args.Length)
                    {
                        throw new UsageException($"{name} needs a value.");
                    }

                    value = args[++i];
                }

                parsed._options[name] = value;
            }
            else
            {
                parsed._positional.Add(arg);
            }
        }

        return parsed;
    }

    /// <summary>The one file the command reads.</summary>
    public string SingleFile() => _positional.Count switch
    {
        1 => _positional[0],
        0 => throw new UsageException("missing the schedule file (a JSON description)."),
        _ => throw new UsageException($"expected one schedule file but got {_positional.Count}: {string.Join(" ", _positional)}."),
    };

    public void NoFile()
    {
        if (_positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{_positional[0]}'.");
        }
    }

    public string? Text(string name) => _options.GetValueOrDefault(name);

    public long? Long(string name, bool required, long minimum)
    {
        if (!_options.TryGetValue(name, out string? text))
        {
            return required ? throw new UsageException($"{name} is required.") : null;
        }

        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) || value < minimum)
        {
            throw new UsageException($"{name} must be a whole number >= {minimum.ToString(CultureInfo.InvariantCulture)} but was '{text}'.");
        }

        return value;
    }
}

/// <summary>The command line is wrong: the message says how; exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
