using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OracleBot.FunctionalTests.Security;

/// <summary>Every log entry the bot writes at Information and above, with its rendered message and every structured value.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    /// <summary>Settings that let every category through at Information, overriding the quieter defaults.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Information",
        ["Logging:LogLevel:Polly"] = "Information",
    };

    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" | ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            owner._entries.Enqueue(new CapturedLogEntry(logLevel, category, formatter(state, exception), values, exception));
        }
    }
}

public sealed record CapturedLogEntry(LogLevel Level, string Category, string Message, string Values, Exception? Exception)
{
    public string AllText => $"{Category} {Message} {Values} {Exception}";
}
