using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Validation;
using StreamingMarketing.Gateway.Privacy;

namespace StreamingMarketing.Gateway.Ingest;

public static class IngestEndpoints
{
    public static IEndpointConventionBuilder MapIngest(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/events", HandleAsync)
            .WithName("IngestEvents")
            .WithSummary("Ingest interaction events")
            .WithDescription("Body: a JSON array of events, or NDJSON (application/x-ndjson), at most 5,000 events and 4 MiB. " +
                             "Each event is validated on its own; the answer counts accepted, duplicate (an eventId repeated for the same campaignId inside the request), " +
                             "suppressed (a user id erased by DELETE /api/users/{userId}) and rejected events. " +
                             "Validation: RFC 3339 timestamps with an offset; ids of letters, digits and -_.:@~+ (no '/', whitespace, control, zero-width or bidi characters); " +
                             "hashtags without control, zero-width or bidi characters; value from 0 to 1e9.")
            .Accepts<IncomingEvent[]>("application/json", "application/x-ndjson")
            .Produces<IngestResponse>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status413PayloadTooLarge)
            .Produces<IngestResponse>(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        EventBodyReader reader,
        EventValidator validator,
        EventPublisher publisher,
        UserIdPseudonymizer pseudonyms,
        SuppressionList suppression,
        IOptions<ErasureOptions> erasure,
        IngestGate gate,
        RejectionLog rejections,
        CancellationToken cancellationToken)
    {
        if (!gate.TryEnter())
        {
            return Results.Json(new ErrorResponse("The gateway is shutting down: retry against another gateway or later."), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        try
        {
            var body = await reader.ReadAsync(context.Request, cancellationToken);
            if (!body.IsValid)
            {
                IngestMetrics.Rejected.Add(1, new KeyValuePair<string, object?>("reason", body.StatusCode == 413 ? "too_large" : "malformed_body"));
                return Results.Json(new ErrorResponse(body.Problem!), statusCode: body.StatusCode);
            }

            var suppressed = erasure.Value.SuppressErasedUsers ? suppression : null;
            return await IngestAsync(body.Items, validator, publisher, pseudonyms, suppressed, rejections, cancellationToken);
        }
        finally
        {
            gate.Exit();
        }
    }

    private static async Task<IResult> IngestAsync(
        List<ParsedItem> items, EventValidator validator, EventPublisher publisher, UserIdPseudonymizer pseudonyms, SuppressionList? erased,
        RejectionLog rejections, CancellationToken cancellationToken)
    {
        IngestMetrics.Received.Add(items.Count);
        IngestMetrics.RequestSize.Record(items.Count);

        var errors = new List<IngestError>();
        var duplicates = 0;
        var suppressed = 0;
        // The grains deduplicate per campaign, so the request does too: one eventId under two campaigns is two events.
        var seenIds = new HashSet<(string CampaignId, string EventId)>(items.Count);
        var byCampaign = new Dictionary<string, List<InteractionEvent>>(StringComparer.Ordinal);
        var indexesByCampaign = new Dictionary<string, List<int>>(StringComparer.Ordinal);

        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            if (item.Event is null)
            {
                Reject(index, "malformed_event", item.Error!);
                continue;
            }

            if (!validator.TryValidate(item.Event, out var accepted, out var failure))
            {
                Reject(index, failure!.Reason, failure.Message);
                continue;
            }

            // Before anything keeps it: no stream item, grain or dead letter ever holds the raw handle.
            if (pseudonyms.Enabled)
            {
                accepted = accepted! with { UserId = pseudonyms.Stored(accepted.UserId) };
            }

            // An erased user's later events are dropped before any stream sees them, so the profile does not come back.
            if (erased is not null && erased.Contains(accepted!.UserId))
            {
                suppressed++;
                IngestMetrics.Suppressed.Add(1);
                continue;
            }

            if (!seenIds.Add((accepted!.CampaignId, accepted.EventId)))
            {
                duplicates++;
                IngestMetrics.Duplicates.Add(1);
                continue;
            }

            if (!byCampaign.TryGetValue(accepted.CampaignId, out var campaignEvents))
            {
                byCampaign[accepted.CampaignId] = campaignEvents = [];
                indexesByCampaign[accepted.CampaignId] = [];
            }

            campaignEvents.Add(accepted);
            indexesByCampaign[accepted.CampaignId].Add(index);
        }

        var failedCampaigns = byCampaign.Count == 0 ? [] : await publisher.PublishAsync(byCampaign, cancellationToken);

        var acceptedCount = 0;
        var acceptedByKind = new AcceptedTally();
        foreach (var (campaignId, campaignEvents) in byCampaign)
        {
            if (failedCampaigns.Contains(campaignId))
            {
                foreach (var index in indexesByCampaign[campaignId])
                {
                    errors.Add(new IngestError(index, "not published: the stream is saturated (back-pressure); retry this event with the same eventId"));
                }

                continue;
            }

            acceptedCount += campaignEvents.Count;
            acceptedByKind.Add(campaignEvents);
        }

        acceptedByKind.Record();
        errors.Sort((a, b) => a.Index.CompareTo(b.Index));
        var unpublished = failedCampaigns.Sum(id => byCampaign[id].Count);
        var rejected = items.Count - acceptedCount - duplicates - unpublished - suppressed;
        var response = new IngestResponse(acceptedCount, duplicates, rejected, errors) { Unpublished = unpublished, Suppressed = suppressed };
        return Results.Json(response, GatewayJsonContext.Default.IngestResponse,
            statusCode: unpublished > 0 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);

        void Reject(int index, string reason, string message)
        {
            errors.Add(new IngestError(index, message));
            IngestMetrics.Rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
            rejections.Record(reason, message);
        }
    }
}

public sealed record ErrorResponse(string Error);
