using Orleans.Configuration;
using StreamingMarketing.Contracts;
using StreamingMarketing.Gateway;
using StreamingMarketing.Gateway.Auth;

namespace StreamingMarketing.Client.Gateway;

/// <summary>
/// The HTTP API hosted by an Orleans client instead of a silo: the same endpoints (one implementation), for
/// deployments that scale gateways apart from silos.
/// </summary>
public static class StandaloneGateway
{
    public const string DefaultUrl = "http://127.0.0.1:5081";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
        {
            ["--gateway-port"] = "Client:GatewayPort",
            ["--profile"] = "Client:Profile",
        });
        // Without API keys the API is open, so it listens on loopback only (GatewayBinding refuses other addresses).
        var binding = GatewayBinding.Decide(builder.Configuration, DefaultUrl);
        builder.WebHost.UseUrls(binding.Urls);

        var gatewayPort = builder.Configuration.GetValue("Client:GatewayPort", 30000);
        var clusterId = builder.Configuration.GetValue("Client:ClusterId", "streamingmarketing")!;
        var serviceId = builder.Configuration.GetValue("Client:ServiceId", "streamingmarketing")!;
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering(gatewayPort, serviceId, clusterId);
            client.AddMemoryStreams(StreamNames.Provider, streams => streams.ConfigurePartitioning(StreamNames.DefaultMemoryQueues));
            client.Configure<GatewayOptions>(gateway => gateway.GatewayListRefreshPeriod = TimeSpan.FromSeconds(10));
        });
        builder.Services.AddStreamingMarketingGateway(builder.Configuration);

        var app = builder.Build();
        binding.Log(app.Logger);
        app.MapStreamingMarketingApi();
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
            "Standalone gateway started: profile embedded (localhost cluster, silo gateway port {GatewayPort}), HTTP {Urls}",
            gatewayPort, string.Join(", ", app.Urls)));
        await app.RunAsync();
        return CommandLine.Ok;
    }
}
