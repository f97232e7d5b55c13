using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace StreamingMarketing.Gateway.Live;

/// <summary>
/// Polls a snapshot once per <see cref="Period"/> and yields it as a Server-Sent Event when it changed, plus once every
/// <see cref="KeepAlive"/> regardless, so that proxies keep the connection and the page can tell a quiet campaign from a dead stream.
/// Polling grain state (a cheap interleaved read) keeps the grains free of any per-viewer subscription state.
/// </summary>
internal static class SnapshotStream
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static async IAsyncEnumerable<SseItem<string>> PollAsync<T>(
        Func<Task<T?>> read, string eventType, string missingEventType, JsonSerializerOptions json,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? last = null;
        var lastSentAt = DateTime.MinValue;
        using var timer = new PeriodicTimer(Period);
        do
        {
            var snapshot = await read();
            var (type, data) = snapshot is null ? (missingEventType, "{}") : (eventType, JsonSerializer.Serialize(snapshot, json));
            var now = DateTime.UtcNow;
            if (data != last || now - lastSentAt >= KeepAlive)
            {
                last = data;
                lastSentAt = now;
                yield return new SseItem<string>(data, type);
            }
        }
        while (await WaitAsync(timer, cancellationToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
