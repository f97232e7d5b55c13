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
        return ExitCodes.Ok;
    }

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(args, GatewaySettings.CommandLineSwitches);
        // Without API keys the API is open, so it listens on loopback only (GatewayBinding refuses other addresses).
        var binding = GatewayBinding.Decide(builder.Configuration, DefaultUrl);
        builder.WebHost.UseUrls(binding.Urls);

        var settings = HostSettings.Read<GatewaySettings, GatewaySettingsValidator>(builder, GatewaySettings.SectionName);
        var profile = settings.Profile;
        var azure = HostSettings.Read<AzureSettings, AzureSettingsValidator>(builder, AzureSettings.SectionName);
        builder.UseOrleansClient(client => client
            .UseStreamingMarketingClustering(profile, azure, settings.Endpoints)
            .AddStreamingMarketingStreams(profile, azure, StreamNames.DefaultMemoryQueues));
        builder.Services.AddProfileIngestLimits(profile, azure);
        builder.Services.AddStreamingMarketingGateway(builder.Configuration);

        var app = builder.Build();
        binding.Log(app.Logger);
        app.MapStreamingMarketingApi();
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
            "Standalone gateway started: profile {Profile}, streams {Streams}, HTTP {Urls}",
            profile, Profiles.DescribeStreams(profile), string.Join(", ", app.Urls)));
        return app;
    }
}
