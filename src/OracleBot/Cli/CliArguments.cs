namespace OracleBot.Cli;

/// <summary>Options (<c>--name value</c>, repeatable) and positional arguments of a verb.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    private CliArguments(List<string> positional) => Positional = positional;

    public IReadOnlyList<string> Positional { get; }

    /// <summary>Parses <paramref name="arguments"/>; <paramref name="flags"/> take no value.</summary>
    public static CliArguments Parse(IReadOnlyList<string> arguments, params string[] flags) => ParseWithLists(arguments, [], flags);

    /// <summary>
    /// Like <see cref="Parse(IReadOnlyList{string}, string[])"/>, where an option named in <paramref name="lists"/>
    /// takes every value up to the next option (<c>--corpus a b c</c>), as a shell glob expands.
    /// </summary>
    public static CliArguments ParseWithLists(IReadOnlyList<string> arguments, IReadOnlyCollection<string> lists, params string[] flags)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(lists);
        var parsed = new CliArguments([]);
        var positional = (List<string>)parsed.Positional;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal) || argument == "--")
            {
                positional.Add(argument);
                continue;
            }

            var name = argument[2..];
            var value = flags.Contains(name) ? "true"
                : i + 1 < arguments.Count ? arguments[++i]
                : throw new ArgumentException($"--{name} needs a value.");
            var values = parsed._options.TryGetValue(name, out var list) ? list : parsed._options[name] = [];
            values.Add(value);
            while (lists.Contains(name) && i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                values.Add(arguments[++i]);
            }
        }

        return parsed;
    }

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var values) ? values : [];

    public string? One(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public bool Has(string name) => _options.ContainsKey(name);
}
