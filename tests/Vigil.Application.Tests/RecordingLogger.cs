using Microsoft.Extensions.Logging;

namespace Vigil.Application.Tests;

/// <summary>Keeps every entry a use case logs: its event id and message.</summary>
public sealed class RecordingLogger : ILogger
{
    public List<(int EventId, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((eventId.Id, formatter(state, exception)));
}
