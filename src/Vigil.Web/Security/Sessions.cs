using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Web.Security;

/// <summary>
/// The dashboard's sign-in sessions, kept on the server: the browser's cookie holds only a random session
/// id (256 bits), never the API key. A session ends when it expires, when its key is revoked (every request
/// checks the key is still live), at sign-out, and when the same browser signs in again (the id is
/// rotated). Sessions live in this process's memory: a restart signs everyone out, which is safe.
/// Only the SHA-256 of an id is kept, so a memory dump does not hand out live sessions either.
/// </summary>
public sealed class Sessions(TimeProvider clock, ServerOptions options)
{
    /// <summary>Held at most; the oldest are dropped first when a sign-in would exceed it.</summary>
    public const int MaxSessions = 10_000;

    private readonly ConcurrentDictionary<string, Session> _byIdHash = new(StringComparer.Ordinal);

    private sealed record Session(string KeyHash, DateTimeOffset Expires);

    /// <summary>Starts a session for a key (by its hash); ends <paramref name="replacing"/> (the browser's old id) first. Returns the new id.</summary>
    public string Start(string keyHash, string? replacing)
    {
        if (replacing is not null)
            End(replacing);
        var now = clock.GetUtcNow();
        if (_byIdHash.Count >= MaxSessions)
            Prune(now);
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _byIdHash[Hash(id)] = new Session(keyHash, now + options.SessionLifetime);
        return id;
    }

    /// <summary>The hash of the key a live session was started with, or null (unknown, expired or ended).</summary>
    public string? KeyHashOf(string id)
    {
        var hash = Hash(id);
        if (!_byIdHash.TryGetValue(hash, out var session))
            return null;
        if (session.Expires <= clock.GetUtcNow())
        {
            _byIdHash.TryRemove(hash, out _);
            return null;
        }
        return session.KeyHash;
    }

    public void End(string id) => _byIdHash.TryRemove(Hash(id), out _);

    /// <summary>Ends every session of a key (called when the key is revoked).</summary>
    public void EndAllOf(string keyHash)
    {
        foreach (var (idHash, session) in _byIdHash)
        {
            if (session.KeyHash == keyHash)
                _byIdHash.TryRemove(idHash, out _);
        }
    }

    public int Count => _byIdHash.Count;

    private void Prune(DateTimeOffset now)
    {
        foreach (var (idHash, session) in _byIdHash)
        {
            if (session.Expires <= now)
                _byIdHash.TryRemove(idHash, out _);
        }
        foreach (var (idHash, _) in _byIdHash.OrderBy(s => s.Value.Expires).Take(Math.Max(0, _byIdHash.Count - MaxSessions + 1)))
            _byIdHash.TryRemove(idHash, out _);
    }

    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
