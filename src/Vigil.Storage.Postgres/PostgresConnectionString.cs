using Npgsql;
using Vigil.Domain.Errors;

namespace Vigil.Storage.Postgres;

/// <summary>Reads the two ways people write a PostgreSQL address: a URI, or Npgsql's keywords.</summary>
public static class PostgresConnectionString
{
    /// <summary>True when <paramref name="text"/> names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool Looks(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || (text.Contains('=', StringComparison.Ordinal) && text.Contains("host", StringComparison.OrdinalIgnoreCase));

    public static NpgsqlConnectionStringBuilder Parse(string text)
    {
        NpgsqlConnectionStringBuilder builder;
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
                throw new VigilException($"'{Redact(text)}' is not a valid postgres:// address");
            builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port };
            var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            if (database.Length > 0)
                builder.Database = database;
            if (uri.UserInfo.Length > 0)
            {
                var parts = uri.UserInfo.Split(':', 2);
                builder.Username = Uri.UnescapeDataString(parts[0]);
                if (parts.Length == 2)
                    builder.Password = Uri.UnescapeDataString(parts[1]);
            }
            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "true";
            }
        }
        else
        {
            try
            {
                builder = new NpgsqlConnectionStringBuilder(text);
            }
            catch (ArgumentException e)
            {
                throw new VigilException($"'{Redact(text)}' is not a valid PostgreSQL connection string: {e.Message}", e);
            }
        }
        // Statements run often (imports, the API) are prepared by the driver after a few uses.
        if (builder.MaxAutoPrepare == 0)
            builder.MaxAutoPrepare = 64;
        return builder;
    }

    /// <summary>How to name the database in messages: host, port and database, never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"postgresql://{builder.Username}{(builder.Username is null ? "" : "@")}{builder.Host}:{builder.Port}/{builder.Database}";

    private static string Redact(string text) => System.Text.RegularExpressions.Regex.Replace(
        text, "(?i)(password=)[^;]*|(://[^:/@]*:)[^@]*@", m => m.Groups[1].Success ? m.Groups[1].Value + "***" : m.Groups[2].Value + "***@",
        System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
}
