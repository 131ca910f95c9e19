using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Vigil.Domain.Incidents;

namespace Vigil.Ingestion;

/// <summary>
/// Hands parsed incidents to a writer on a second thread, in batches, so that reading and normalising the
/// file overlaps with the database writes. The writer is the only thread that touches the store while the
/// pipeline runs. If it fails, the next <see cref="Add"/> (or <see cref="Complete"/>) rethrows its error.
/// </summary>
internal sealed class WritePipeline : IDisposable
{
    private const int BatchSize = 512;

    private readonly Channel<(Incident Incident, long Line)[]> _channel =
        Channel.CreateBounded<(Incident, long)[]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
    private readonly Task _writer;
    private readonly CancellationTokenSource _stop = new();
    private (Incident, long)[] _batch = new (Incident, long)[BatchSize];
    private int _count;

    public WritePipeline(Action<Incident, long> write)
    {
        _writer = Task.Factory.StartNew(() => Drain(write), _stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Add(Incident incident, long line)
    {
        _batch[_count++] = (incident, line);
        if (_count == BatchSize)
            Flush();
    }

    /// <summary>Waits until everything added is written; rethrows the writer's error if it failed.</summary>
    public void Complete()
    {
        if (_count > 0)
            Flush();
        _channel.Writer.TryComplete();
        Wait();
    }

    private void Flush()
    {
        var batch = _count == BatchSize ? _batch : _batch[.._count];
        _batch = new (Incident, long)[BatchSize];
        _count = 0;
        while (!_channel.Writer.TryWrite(batch))
        {
            if (_writer.IsCompleted)
                Wait();
            _channel.Writer.WaitToWriteAsync().AsTask().Wait(50);
        }
    }

    private void Drain(Action<Incident, long> write)
    {
        var reader = _channel.Reader;
        while (reader.WaitToReadAsync(_stop.Token).AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var batch))
            {
                foreach (var (incident, line) in batch)
                    write(incident, line);
            }
        }
    }

    private void Wait()
    {
        try
        {
            _writer.Wait();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerException!).Throw();
        }
    }

    /// <summary>Stops the writer (after a failure on the reading side) and waits for it to let go of the store.</summary>
    public void Dispose()
    {
        if (!_writer.IsCompleted)
        {
            _channel.Writer.TryComplete();
            _stop.Cancel();
            try
            {
                _writer.Wait();
            }
            catch (AggregateException)
            {
                // The reading side's error is the one that is reported.
            }
        }
        _stop.Dispose();
    }
}
