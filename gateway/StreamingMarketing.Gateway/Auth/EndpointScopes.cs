using Microsoft.AspNetCore.Routing;

namespace StreamingMarketing.Gateway.Auth;

/// <summary>
/// The one table of which scope each endpoint needs, by endpoint name (the OpenAPI operationId). Enforcement and the
/// OpenAPI document both read it, so they cannot disagree. Endpoints outside <c>/api/</c> say what they need where they
/// are mapped (<see cref="RequiredScope"/>: metrics, the OpenAPI document, the Orleans dashboard) or that they need
/// nothing (<see cref="OpenWithoutKey"/>: health probes, the page shell without data, the key exchange).
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
        [SessionEndpoints.CreateSession] = ApiScopes.Read,
        [Insights.InsightsEndpoints.GetTrends] = ApiScopes.Read,
        [Insights.InsightsEndpoints.ListAlerts] = ApiScopes.Read,
        [Insights.InsightsEndpoints.GetInfluencers] = ApiScopes.Read,
        [Insights.InsightsEndpoints.GetShareOfVoice] = ApiScopes.Read,
        [Experiments.VariantsEndpoints.GetVariants] = ApiScopes.Read,
        [Allocation.AllocationEndpoints.GetAllocation] = ApiScopes.Read,
        [People.PeopleEndpoints.GetPerson] = ApiScopes.Read,
        [People.PeopleEndpoints.PutPerson] = ApiScopes.Admin,
        [Erasure.ErasureEndpoints.EraseUser] = ApiScopes.Admin,
        [Erasure.ErasureEndpoints.ErasePerson] = ApiScopes.Admin,
        [Erasure.ErasureEndpoints.GetErasure] = ApiScopes.Admin,
        [Forecasts.ForecastEndpoints.GetForecast] = ApiScopes.Read,
        [Recommendations.RecommendationEndpoints.GetRecommendations] = ApiScopes.Read,
        [Insights.InsightsEndpoints.PutCampaignMetadata] = ApiScopes.Admin,
    };

    /// <summary>
    /// The scope <paramref name="endpoint"/> needs, or null when it is open (or when no endpoint matched: that is a 404).
    /// Any endpoint that says nothing needs admin: a new endpoint, ours or a library's, starts closed until its author
    /// says who may call it.
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

        if (endpoint.Metadata.GetMetadata<RequiredScope>() is { } required)
        {
            return required.Scope;
        }

        return endpoint.Metadata.GetMetadata<OpenWithoutKey>() is not null ? null : ApiScopes.Admin;
    }
}
