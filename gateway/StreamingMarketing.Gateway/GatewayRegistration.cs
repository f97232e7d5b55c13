using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Options;
using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Validation;
using StreamingMarketing.Gateway.Auth;
using StreamingMarketing.Gateway.Dashboard;
using StreamingMarketing.Gateway.Erasure;
using StreamingMarketing.Gateway.Feedback;
using StreamingMarketing.Gateway.Forecasts;
using StreamingMarketing.Gateway.Recommendations;
using StreamingMarketing.Gateway.Health;
using StreamingMarketing.Gateway.Http;
using StreamingMarketing.Gateway.Hosting;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Gateway.Insights;
using StreamingMarketing.Gateway.Live;
using StreamingMarketing.Gateway.OpenApi;
using StreamingMarketing.Gateway.People;
using StreamingMarketing.Gateway.Privacy;
using StreamingMarketing.Gateway.Queries;
using StreamingMarketing.Gateway.Sentiment;
using StreamingMarketing.Gateway.Telemetry;

namespace StreamingMarketing.Gateway;

/// <summary>The one place both hosts (silo and standalone client) wire the HTTP API.</summary>
public static class GatewayRegistration
{
    /// <summary>Call after Orleans is added, so that the drain stops before Orleans does.</summary>
    public static IServiceCollection AddStreamingMarketingGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<IngestOptions, IngestOptionsValidator>(configuration, IngestOptions.SectionName);
        services.AddValidatedOptions<EventValidationOptions, EventValidationOptionsValidator>(configuration, EventValidationOptions.SectionName);
        services.AddValidatedOptions<PrivacyOptions, PrivacyOptionsValidator>(configuration, PrivacyOptions.SectionName);
        services.AddValidatedOptions<ErasureOptions, ErasureOptionsValidator>(configuration, ErasureOptions.SectionName);
        services.AddSingleton<UserIdPseudonymizer>();
        services.TryAddSingleton<SuppressionList>();
        services.AddHostedService<SuppressionListRefresher>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new EventValidator(sp.GetRequiredService<IOptions<EventValidationOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new EventBodyReader(sp.GetRequiredService<IOptions<IngestOptions>>().Value));
        services.AddSingleton<EventPublisher>();
        services.TryAddSingleton<IInFlightEvents, UncountedInFlightEvents>();
        services.AddSingleton<IngestGate>();
        services.AddSingleton<RejectionLog>();
        services.AddHostedService<IngestDrainService>();
        services.AddHealthChecks().AddCheck<ClusterReadinessCheck>("cluster", tags: [HealthEndpoints.ReadyTag]);
        services.AddStreamingMarketingTelemetry();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default);
            json.SerializerOptions.Converters.Add(new FiniteDoubleConverter());
        });
        services.AddApiKeyAuth(configuration);
        services.AddStreamingMarketingOpenApi();
        services.AddDashboardPage();
        services.AddSingleton<LiveStreamLimit>();
        return services;
    }

    /// <summary>Also puts key checks and rate limits in the request pipeline (both hosts are WebApplications).</summary>
    public static IEndpointRouteBuilder MapStreamingMarketingApi(this IEndpointRouteBuilder app)
    {
        if (app is IApplicationBuilder pipeline)
        {
            pipeline.UseStatusMessages();
            pipeline.UseApiKeyAuth();
        }

        app.MapIngest();
        app.MapQueries();
        app.MapPeople();
        app.MapErasure();
        app.MapInsights();
        app.MapForecasts();
        app.MapRecommendations();
        app.MapSentiment();
        app.MapFeedback();
        app.MapHealth();
        app.MapStreamingMarketingTelemetry();
        app.MapLive();
        app.MapSession();
        app.MapStreamingMarketingOpenApi();
        app.MapDashboardPage();
        return app;
    }
}
