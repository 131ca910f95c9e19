using Microsoft.Extensions.Logging;
using Vigil.Ingestion;

namespace Vigil.Application.Logging;

public static class VigilLogExtensions
{
    /// <summary>Event 1001 for a finished import (file name only: server paths are not for logs read by others).</summary>
    public static void Imported(this ILogger logger, ImportResult r, string author) =>
        VigilLog.ImportCompleted(logger, Path.GetFileName(r.File), r.Format, r.RowsRead, r.Summary.Created, r.Summary.Updated, r.Summary.Rejected,
            r.Elapsed.TotalSeconds, r.Summary.ImportId, author);
}
