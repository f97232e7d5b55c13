using StreamingMarketing.Gateway;
using StreamingMarketing.Gateway.Auth;
using StreamingMarketing.Contracts;
using StreamingMarketing.Hosting;

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
        await Build(args).RunAsync();
        return CommandLine.Ok;
    }

    public static WebApplication Build(string[] args)
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

        var profile = Profiles.RequireKnown(builder.Configuration.GetValue("Client:Profile", Profiles.Embedded)!);
        var azure = builder.Configuration.GetSection(AzureSettings.SectionName).Get<AzureSettings>() ?? new AzureSettings();
        var endpoints = new ClusterEndpoints(
            builder.Configuration.GetValue("Client:ClusterId", "streamingmarketing")!, builder.Configuration.GetValue("Client:ServiceId", "streamingmarketing")!,
            SiloPort: 0, builder.Configuration.GetValue("Client:GatewayPort", 30000));
        builder.UseOrleansClient(client => client
            .UseStreamingMarketingClustering(profile, azure, endpoints)
            .AddStreamingMarketingStreams(profile, azure, StreamNames.DefaultMemoryQueues));
        builder.Services.AddStreamingMarketingGateway(builder.Configuration);
        builder.Services.AddProfileIngestLimits(profile);

        var app = builder.Build();
        binding.Log(app.Logger);
        app.MapStreamingMarketingApi();
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
            "Standalone gateway started: profile {Profile}, streams {Streams}, HTTP {Urls}",
            profile, Profiles.DescribeStreams(profile), string.Join(", ", app.Urls)));
        return app;
    }
}
