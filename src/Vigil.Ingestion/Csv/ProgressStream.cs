using System.Security.Cryptography;

namespace Vigil.Ingestion.Csv;

/// <summary>
/// A forward-only pass-through over a file that counts the bytes read (for the progress bar, readable from
/// another thread) and hashes them (SHA-256, recorded with the import), so the file is read once.
/// </summary>
internal sealed class ProgressStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _position;
    private string? _finalHash;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => Interlocked.Read(ref _position);
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _hash.AppendData(buffer[..n]);
        Interlocked.Add(ref _position, n);
        return n;
    }

    /// <summary>The SHA-256 of everything read so far, as lower-case hex; call after reading to the end.</summary>
    public string Sha256() => _finalHash ?? Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _finalHash is null)
        {
            // Readers close their stream when they finish; the hash outlives them.
            _finalHash = Convert.ToHexStringLower(_hash.GetCurrentHash());
            inner.Dispose();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
