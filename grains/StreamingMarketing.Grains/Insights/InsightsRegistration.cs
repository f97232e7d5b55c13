using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StreamingMarketing.Contracts.Options;
using StreamingMarketing.Grains.Insights.Alerts;
using StreamingMarketing.Grains.Insights.Webhooks;

namespace StreamingMarketing.Grains.Insights;

public static class InsightsRegistration
{
    /// <summary>Alert rule defaults and the webhook dispatcher every silo runs (alerts are delivered from the registry's silo).</summary>
    public static IServiceCollection AddInsights(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AlertOptions, AlertOptionsValidator>(configuration, AlertOptions.SectionName);
        services.AddAlertWebhookHttp();
        services.AddSingleton<AlertWebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertWebhookDispatcher>());
        return services;
    }
}
