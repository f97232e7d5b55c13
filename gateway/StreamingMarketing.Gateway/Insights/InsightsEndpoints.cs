using Microsoft.AspNetCore.Routing;
using StreamingMarketing.Gateway.Allocation;
using StreamingMarketing.Gateway.Experiments;

namespace StreamingMarketing.Gateway.Insights;

/// <summary>Campaign metadata, trends, alerts, influencers and share of voice: the insights campaign managers read.</summary>
public static class InsightsEndpoints
{
    /// <summary>Endpoint names (OpenAPI operationIds) and the scope each needs, for the auth table.</summary>
    public const string PutCampaignMetadata = "PutCampaignMetadata";
    public const string GetTrends = "GetTrends";
    public const string ListAlerts = "ListAlerts";
    public const string GetInfluencers = "GetInfluencers";
    public const string GetShareOfVoice = "GetShareOfVoice";

    public static IEndpointRouteBuilder MapInsights(this IEndpointRouteBuilder app)
    {
        app.MapCampaignMetadata();
        app.MapTrends();
        app.MapAlerts();
        app.MapInfluencers();
        app.MapShareOfVoice();
        app.MapVariants();
        app.MapAllocation();
        return app;
    }

    /// <summary>An optional positive count from the query string, or the problem with it.</summary>
    internal static string? CheckCount(string name, int? value, int max) =>
        value is null || (value >= 1 && value <= max) ? null : $"{name} must be between 1 and {max}.";
}
