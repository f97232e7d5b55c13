using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Gateway.Auth;

namespace StreamingMarketing.Gateway.Live;

/// <summary>
/// Server-Sent Events for the dashboard page: the campaign list and one campaign, each the same JSON as its REST
/// answer, pushed when it changes. A browser authenticates them with the page's session cookie (EventSource cannot set
/// headers); each stream polls a grain every second, so a key may hold only so many open at once.
/// </summary>
public static class LiveEndpoints
{
    public const string CampaignsEvent = "campaigns";
    public const string CampaignEvent = "campaign";

    /// <summary>Sent instead of <see cref="CampaignEvent"/> while the campaign has received no event yet.</summary>
    public const string MissingEvent = "missing";

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/live", Campaigns)
            .WithName("LiveCampaigns")
            .WithSummary("Server-Sent Events: the 100 newest campaigns with headline KPIs, whenever they change")
            .WithDescription("Event 'campaigns', data {items, total} with items as in GET /api/campaigns. Checked every second; repeated every 15 s as a keep-alive. " +
                             "A browser's EventSource cannot set headers: it authenticates with the session cookie of POST /api/session. " +
                             "At most Live:MaxStreamsPerKey (default 8) streams per key at once; one more is a 429.")
            .Produces<LiveCampaignList>(contentType: "text/event-stream")
            .Produces<Ingest.ErrorResponse>(StatusCodes.Status429TooManyRequests);

        app.MapGet("/api/campaigns/{campaignId}/live", Campaign)
            .WithName("LiveCampaign")
            .WithSummary("Server-Sent Events: one campaign whenever it changes")
            .WithDescription("Event 'campaign', data as GET /api/campaigns/{campaignId}; event 'missing' while the campaign has no event yet. " +
                             "Checked every second; repeated every 15 s as a keep-alive. Authenticates with a header key or the session cookie; " +
                             "at most Live:MaxStreamsPerKey (default 8) streams per key at once.")
            .Produces<CampaignView>(contentType: "text/event-stream")
            .Produces<Ingest.ErrorResponse>(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static IResult Campaigns(HttpContext context, LiveStreamLimit limit, IClusterClient client, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        limit.TryOpen(context) ?? TypedResults.ServerSentEvents(SnapshotStream.PollAsync(
            () => LiveCampaignList.ReadAsync(client), CampaignsEvent, MissingEvent, json.Value.SerializerOptions, cancellationToken));

    private static IResult Campaign(
        string campaignId, HttpContext context, LiveStreamLimit limit, IClusterClient client, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        limit.TryOpen(context) ?? TypedResults.ServerSentEvents(SnapshotStream.PollAsync(
            () => client.GetGrain<ICampaignGrain>(campaignId).GetViewAsync(), CampaignEvent, MissingEvent, json.Value.SerializerOptions, cancellationToken));
}

