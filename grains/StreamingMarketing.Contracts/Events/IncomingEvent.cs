using System.Text.Json;

namespace StreamingMarketing.Contracts.Events;

/// <summary>
/// An event exactly as a connector sent it: every field optional so that validation, not the JSON reader,
/// decides what is missing and says so per event.
/// </summary>
public sealed class IncomingEvent
{
    public string? EventId { get; set; }
    public string? Platform { get; set; }
    public string? Type { get; set; }
    public string? UserId { get; set; }
    public string? CampaignId { get; set; }
    public string? PostId { get; set; }
    public string? Timestamp { get; set; }
    public string? Text { get; set; }
    public List<string?>? Hashtags { get; set; }

    /// <summary>The creative or arm of an A/B test that produced the event; optional, same characters as ids.</summary>
    public string? Variant { get; set; }

    /// <summary>Kept as raw JSON so "value": "abc" is a validation error for this event, not a 400 for the batch.</summary>
    public JsonElement? Value { get; set; }
}
