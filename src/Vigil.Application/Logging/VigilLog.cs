using Microsoft.Extensions.Logging;

namespace Vigil.Application.Logging;

/// <summary>
/// Vigil's log events, one source-generated method each with a stable event id (1xxx imports, 2xxx merges,
/// 3xxx access, 4xxx performance, 5xxx failures), shared by the command line and the server so that a log
/// reader can follow one id whichever door the action came through.
/// </summary>
public static partial class VigilLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "imported {File} as {Format}: {Rows} rows read, {Created} created, {Updated} updated, {Rejected} rejected, in {Seconds:0.00} s (import #{ImportId}, by {Author})")]
    public static partial void ImportCompleted(ILogger logger, string file, string format, long rows, long created, long updated, long rejected,
        double seconds, long importId, string author);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "import of {File} refused, nothing written: {Problem}")]
    public static partial void ImportRefused(ILogger logger, string file, string problem);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "merge {MergeId}: candidates {Candidates} into {Target} incident {IncidentId}, by {Author}")]
    public static partial void MergeApplied(ILogger logger, long mergeId, string candidates, string target, long incidentId, string author);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "merge {MergeId} undone by {Author}")]
    public static partial void MergeUndone(ILogger logger, long mergeId, string author);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "authentication failed for {Method} {Path} from {Remote}: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string method, string path, string? remote, string reason);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "slow request: {Method} {Path} took {Milliseconds} ms (status {Status})")]
    public static partial void SlowRequest(ILogger logger, string method, string path, long milliseconds, int status);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "unhandled error in {Method} {Path}")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string method, string path);
}
