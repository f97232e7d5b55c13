namespace StreamingMarketing.Tests.Observability;

/// <summary>Traffic posted round after round until disposed: the load a Prometheus server scrapes.</summary>
public sealed class BackgroundLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    private BackgroundLoad(Traffic traffic) => running = Task.Run(() => traffic.RunAsync(stop.Token));

    public static BackgroundLoad Start(Traffic traffic) => new(traffic);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await running;
        stop.Dispose();
    }
}
