using System.Text.RegularExpressions;

namespace OracleBot.Tests.Infra;

/// <summary>Every log event of the product has its own event id, so operators can filter and alert on it.</summary>
public sealed partial class LogEventTests
{
    [Fact]
    public void Every_logger_message_has_a_unique_event_id()
    {
        var events = Directory.EnumerateFiles(RepositoryRoot.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LoggerMessage().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Attribute: m.Value)))
            .ToList();
        Assert.True(events.Count > 40, $"only {events.Count} [LoggerMessage] attributes found");

        var withoutId = events.Where(e => !EventId().IsMatch(e.Attribute)).Select(e => $"{e.File}: {e.Attribute}").ToList();
        Assert.True(withoutId.Count == 0, "no EventId:\n" + string.Join("\n", withoutId));

        var duplicates = events.GroupBy(e => EventId().Match(e.Attribute).Groups[1].Value)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.File))}")
            .ToList();
        Assert.True(duplicates.Count == 0, "event ids used twice:\n" + string.Join("\n", duplicates));
    }

    [GeneratedRegex(@"\[LoggerMessage\([^\]]*\)\]")]
    private static partial Regex LoggerMessage();

    [GeneratedRegex(@"EventId = (\d+)")]
    private static partial Regex EventId();
}
