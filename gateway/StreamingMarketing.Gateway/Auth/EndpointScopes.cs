using Microsoft.AspNetCore.Routing;

namespace StreamingMarketing.Gateway.Auth;

/// <summary>
/// The one table of which scope each endpoint needs, by endpoint name (the OpenAPI operationId). Enforcement and the
/// OpenAPI document both read it, so they cannot disagree. Endpoints outside <c>/api/</c> (the page, health, metrics,
/// the OpenAPI document, the Orleans dashboard) need none: cluster probes and scrapers carry no key.
/// </summary>
public static class EndpointScopes
{
    private static readonly Dictionary<string, string> ByName = new(StringComparer.Ordinal)
    {
        ["IngestEvents"] = ApiScopes.Ingest,
        ["ListCampaigns"] = ApiScopes.Read,
        ["GetCampaign"] = ApiScopes.Read,
        ["GetUser"] = ApiScopes.Read,
        ["ScoreSentiment"] = ApiScopes.Read,
        ["GetCurrentModel"] = ApiScopes.Read,
        ["LiveCampaigns"] = ApiScopes.Read,
        ["LiveCampaign"] = ApiScopes.Read,
        ["PostFeedback"] = ApiScopes.Admin,
        [Insights.InsightsEndpoints.GetTrends] = ApiScopes.Read,
        [Insights.InsightsEndpoints.ListAlerts] = ApiScopes.Read,
        [Insights.InsightsEndpoints.GetInfluencers] = ApiScopes.Read,
        [Insights.InsightsEndpoints.GetShareOfVoice] = ApiScopes.Read,
        [Insights.InsightsEndpoints.PutCampaignMetadata] = ApiScopes.Admin,
    };

    /// <summary>
    /// The scope <paramref name="endpoint"/> needs, or null when it is open. An <c>/api/</c> endpoint missing from the
    /// table needs admin: a new endpoint starts closed until its author says who may call it.
    /// </summary>
    public static string? For(Endpoint? endpoint)
    {
        if (endpoint is null)
        {
            return null;
        }

        if (endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is { } name && ByName.TryGetValue(name, out var scope))
        {
            return scope;
        }

        var pattern = (endpoint as RouteEndpoint)?.RoutePattern.RawText;
        return pattern is not null && pattern.TrimStart('/').StartsWith("api/", StringComparison.OrdinalIgnoreCase) ? ApiScopes.Admin : null;
    }
}
