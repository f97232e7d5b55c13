using System.Text.Json;
using System.Text.Json.Nodes;
using StreamingMarketing.Gateway.Insights;
using StreamingMarketing.Gateway.Live;

namespace StreamingMarketing.Gateway.OpenApi;

/// <summary>
/// A request example (when the endpoint takes a body) and one response example per status, by endpoint name (the
/// OpenAPI operationId). <see cref="ExampleOperationTransformer"/> copies them into the document.
/// </summary>
internal static class EndpointExamples
{
    public sealed record Examples(object? Request, Dictionary<int, object> Responses);

    public static readonly Dictionary<string, Examples> ByName = new(StringComparer.Ordinal)
    {
        ["IngestEvents"] = new(ExampleValues.Events, new()
        {
            [200] = ExampleValues.Ingested,
            [400] = ExampleValues.Error("The body is empty: send a JSON array of events or NDJSON (one event per line)."),
            [413] = ExampleValues.Error("The body holds 5001 events, more than the 5000 allowed per request: split it."),
            [503] = ExampleValues.Saturated,
        }),
        ["ListCampaigns"] = new(null, new()
        {
            [200] = ExampleValues.CampaignList,
            [400] = ExampleValues.Error("page must be ≥ 1 and pageSize between 1 and 500"),
        }),
        ["GetCampaign"] = new(null, new()
        {
            [200] = ExampleValues.Campaign,
            [404] = ExampleValues.Error("No event was ever received for campaign 'spring-lunch'."),
        }),
        ["GetUser"] = new(null, new()
        {
            [200] = ExampleValues.User,
            [404] = ExampleValues.Error("No event was ever received for user 'u-0'."),
        }),
        ["ScoreSentiment"] = new(ExampleValues.ScoreRequest, new()
        {
            [200] = ExampleValues.Scores,
            [400] = ExampleValues.Error("texts[1] is empty."),
            [503] = ExampleValues.Error("No sentiment model is loaded yet."),
        }),
        ["GetCurrentModel"] = new(null, new()
        {
            [200] = ExampleValues.Model,
            [503] = ExampleValues.Error("No sentiment model is loaded yet."),
        }),
        ["LiveCampaigns"] = new(null, new() { [200] = new SseExample(LiveEndpoints.CampaignsEvent, ExampleValues.LiveList) }),
        ["LiveCampaign"] = new(null, new() { [200] = new SseExample(LiveEndpoints.CampaignEvent, ExampleValues.Campaign) }),
        ["PostFeedback"] = new(ExampleValues.Feedback, new()
        {
            [201] = ExampleValues.FeedbackStored,
            [400] = ExampleValues.Error("label must be negative, neutral or positive."),
        }),
        [InsightsEndpoints.PutCampaignMetadata] = new(InsightsExamples.MetadataRequest, new()
        {
            [200] = InsightsExamples.Metadata,
            [400] = ExampleValues.Error("name is required and must not be blank. end must not be before start."),
        }),
        [InsightsEndpoints.GetTrends] = new(null, new()
        {
            [200] = InsightsExamples.Trends,
            [400] = ExampleValues.Error("window '2h' is not one of 15m, 1h, 24h."),
        }),
        [InsightsEndpoints.ListAlerts] = new(null, new()
        {
            [200] = InsightsExamples.Alerts,
            [400] = ExampleValues.Error("state 'closed' is not one of open, resolved, all."),
        }),
        [InsightsEndpoints.GetInfluencers] = new(null, new()
        {
            [200] = InsightsExamples.Influencers,
            [400] = ExampleValues.Error("top must be between 1 and 200."),
            [404] = ExampleValues.Error("No event was ever received for campaign 'spring-lunch'."),
        }),
        [Experiments.VariantsEndpoints.GetVariants] = new(null, new()
        {
            [200] = Experiments.VariantsExamples.Variants,
            [400] = ExampleValues.Error("control 'contrl' is not a variant of campaign 'spring-launch' (variants: blue-banner, control)."),
            [404] = ExampleValues.Error("No event was ever received for campaign 'spring-lunch'."),
        }),
        [Allocation.AllocationEndpoints.GetAllocation] = new(null, new()
        {
            [200] = Allocation.AllocationExamples.Allocation,
            [400] = ExampleValues.Error("metric 'cpc' is not one of ctr, engagementRate, conversionRate."),
            [404] = ExampleValues.Error("No event was ever received for campaign 'spring-lunch'."),
        }),
        [People.PeopleEndpoints.PutPerson] = new(People.PeopleExamples.Request, new()
        {
            [200] = People.PeopleExamples.Links,
            [400] = ExampleValues.Error("ids[1] contains a space (U+0020)."),
            [409] = ExampleValues.Error("Some ids belong to another person ('ig-ana' by 'ana-2'): unlink them there first. Nothing was changed."),
        }),
        [People.PeopleEndpoints.GetPerson] = new(null, new()
        {
            [200] = People.PeopleExamples.Person,
            [404] = ExampleValues.Error("No ids were ever linked to person 'anna'."),
        }),
        [Erasure.ErasureEndpoints.EraseUser] = new(null, new()
        {
            [202] = Erasure.ErasureExamples.Accepted,
            [400] = ExampleValues.Error("user id contains a space (U+0020)."),
        }),
        [Erasure.ErasureEndpoints.ErasePerson] = new(null, new()
        {
            [202] = Erasure.ErasureExamples.PersonAccepted,
            [400] = ExampleValues.Error("person id contains a space (U+0020)."),
            [404] = ExampleValues.Error("No ids were ever linked to person 'anna'."),
        }),
        [Erasure.ErasureEndpoints.GetErasure] = new(null, new()
        {
            [200] = Erasure.ErasureExamples.Completed,
            [400] = ExampleValues.Error("'er-42' is not an erasure request id (er- and 32 hexadecimal digits)."),
            [404] = ExampleValues.Error("No erasure request 'er-3f2b8c1d9e0a4b7c8d6e5f4a3b2c1d0f' was ever made."),
        }),
        [Forecasts.ForecastEndpoints.GetForecast] = new(null, new()
        {
            [200] = Forecasts.ForecastExamples.Forecast,
            [400] = ExampleValues.Error("horizon must be a whole number from 1 to 30 for step 1d (got '48')."),
            [404] = ExampleValues.Error("No event was ever received for campaign 'spring-lunch'."),
        }),
        [Recommendations.RecommendationEndpoints.GetRecommendations] = new(null, new()
        {
            [200] = Recommendations.RecommendationExamples.Posts,
            [400] = ExampleValues.Error("k must be a whole number from 1 to 100 (got '500')."),
            [404] = ExampleValues.Error("No event was ever received for user 'u-0'."),
        }),
        [InsightsEndpoints.GetShareOfVoice] = new(null, new()
        {
            [200] = InsightsExamples.ShareOfVoice,
            [400] = ExampleValues.Error("window '2d' is not one of 1h, 24h, 7d, 30d."),
            [404] = ExampleValues.Error("No campaign names brand 'Acme' and no text mentioned it."),
        }),
    };

    /// <summary>The example as the document shows it for <paramref name="mediaType"/>: JSON as the API writes it, or raw text for NDJSON and event streams.</summary>
    public static JsonNode ToNode(object example, JsonSerializerOptions json, string mediaType) => example switch
    {
        SseExample sse => JsonValue.Create($"event: {sse.EventType}\ndata: {JsonSerializer.Serialize(sse.Data, json)}\n\n"),
        object[] items when mediaType == "application/x-ndjson" => JsonValue.Create(string.Join('\n', items.Select(item => JsonSerializer.Serialize(item, json)))),
        _ => JsonSerializer.SerializeToNode(example, example.GetType(), json)!,
    };

    /// <summary>One event of a Server-Sent Events stream.</summary>
    public sealed record SseExample(string EventType, object Data);
}
