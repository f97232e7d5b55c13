using StreamingMarketing.Gateway;
using StreamingMarketing.Gateway.Auth;
using StreamingMarketing.Gateway.Health;
using StreamingMarketing.Gateway.Telemetry;
using StreamingMarketing.Gateway.Hosting;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Grains;
using StreamingMarketing.Scoring.Feedback;
using StreamingMarketing.Hosting;
using StreamingMarketing.Recommend;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>Builds the silo process: Orleans per profile, the co-hosted gateway, health. Tests build it the same way.</summary>
public static class SiloHost
{
    /// <param name="configure">Runs last before the app is built: tests add their log capture there.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(args, SiloSettings.CommandLineSwitches);
        var settings = HostSettings.Read<SiloSettings, SiloSettingsValidator>(builder, SiloSettings.SectionName);
        // Without API keys the API is open, so it listens on loopback only (GatewayBinding refuses other addresses).
        var binding = GatewayBinding.Decide(builder.Configuration, SiloSettings.DefaultUrl);
        builder.WebHost.UseUrls(binding.Urls);

        var azure = HostSettings.Read<AzureSettings, AzureSettingsValidator>(builder, AzureSettings.SectionName);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(60));

        builder.UseOrleans(silo =>
        {
            silo.UseStreamingMarketingClustering(settings.Profile, azure, settings.Endpoints);
            silo.AddStreamingMarketingStreams(settings.Profile, azure, settings.MemoryStreams);
            silo.AddStreamingMarketingGrains(builder.Configuration);
            ProfileStorage.Configure(silo, settings, azure, builder.Configuration);

            // Every profile: flush unsaved grain state on a clean stop (after the stream drain, registered above), then
            // write what those writes handed the archive;
            // feedback is kept under the data dir of the silo whose feedback grain receives it.
            silo.Services.AddSingleton<IShutdownDrain, UnsavedStateDrain>();
            silo.Services.AddSingleton<IShutdownDrain, ArchiveDrain>();
            silo.Services.AddFileFeedbackStore(settings.FullDataDir);
            silo.Services.AddRecommender(builder.Configuration, settings.FullDataDir);

            SiloRoleSetup.Configure(silo, settings, builder.Configuration);
        });

        builder.Services.AddSingleton<IInFlightEvents, SiloInFlightEvents>();
        builder.Services.AddProfileIngestLimits(settings.Profile, azure);
        builder.Services.AddStreamingMarketingGateway(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        binding.Log(app.Logger);
        app.MapStreamingMarketingApi();
        app.Lifetime.ApplicationStarted.Register(() => LogStartup(app, settings));
        return app;
    }

    private static void LogStartup(WebApplication app, SiloSettings settings)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("StreamingMarketing.Silo");
        var sentiment = app.Services.GetService<SentimentService>();
        logger.LogInformation(
            "Silo started: profile {Profile}, data dir {DataDir}, HTTP {Urls}, silo port {SiloPort}, gateway port {GatewayPort}, roles {Roles}, " +
            "streams {StreamProvider}, grain state {GrainStorage}, sentiment {ExecutionProvider} model {ModelVersion}",
            settings.Profile, settings.FullDataDir, string.Join(", ", app.Urls), settings.SiloPort, settings.GatewayPort, settings.Roles,
            Profiles.DescribeStreams(settings.Profile), Profiles.DescribeGrainState(settings.Profile),
            sentiment?.ExecutionProvider ?? "off (no scoring role)", sentiment?.CurrentModel?.Version ?? "none yet");
    }
}
