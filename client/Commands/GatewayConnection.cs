using Microsoft.Extensions.DependencyInjection;

namespace StreamingMarketing.Client.Commands;

/// <summary>One command's way to the gateway: a client for reads and a sender for event batches, from one HTTP client factory.</summary>
public sealed class GatewayConnection : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private GatewayConnection(ServiceProvider services, Uri baseAddress)
    {
        this.services = services;
        var factory = services.GetRequiredService<IHttpClientFactory>();
        Client = new GatewayClient(factory.CreateClient(GatewayHttp.Reads));
        Events = new EventSender(new GatewayClient(factory.CreateClient(GatewayHttp.EventBatches)), services.GetRequiredService<RetryCounter>());
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public GatewayClient Client { get; }

    internal EventSender Events { get; }

    public static GatewayConnection Open(Uri baseAddress, string? apiKey, int eventRetries) =>
        new(new ServiceCollection().AddGatewayHttp(baseAddress, apiKey, eventRetries).BuildServiceProvider(), baseAddress);

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
