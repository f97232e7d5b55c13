namespace StreamingMarketing.Gateway.Auth;

/// <summary>What an API key may do. Each endpoint needs at most one of these (see <see cref="EndpointScopes"/>).</summary>
public static class ApiScopes
{
    /// <summary>Connectors: <c>POST /api/events</c>.</summary>
    public const string Ingest = "ingest";

    /// <summary>Campaign managers and dashboards: campaigns, users, models, sentiment scoring, live streams.</summary>
    public const string Read = "read";

    /// <summary>Changing what the product learns from (sentiment feedback, campaign metadata) and the Orleans dashboard.</summary>
    public const string Admin = "admin";

    /// <summary>Prometheus: <c>GET /metrics</c> and nothing else, so the scraper's key (often in a plain file) reads no data.</summary>
    public const string Metrics = "metrics";

    public static readonly string[] All = [Ingest, Read, Admin, Metrics];

    /// <summary>The claim type that carries one scope on an authenticated key's principal.</summary>
    public const string ClaimType = "scope";
}
