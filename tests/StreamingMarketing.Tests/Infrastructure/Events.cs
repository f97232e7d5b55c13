using System.Globalization;
using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Tests.Infrastructure;

/// <summary>Builders for test events, valid unless a test says otherwise.</summary>
public static class Events
{
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static IncomingEvent Incoming(
        string eventId = "e-1", string type = "like", string userId = "u-1", string campaignId = "c-1", DateTime? at = null,
        string? text = null, string platform = "twitter", List<string?>? hashtags = null) => new()
        {
            EventId = eventId,
            Type = type,
            UserId = userId,
            CampaignId = campaignId,
            Platform = platform,
            Timestamp = Iso(at ?? DateTime.UtcNow),
            Text = text ?? (type is "comment" or "mention" ? "nice post" : null),
            Hashtags = hashtags,
        };

    public static Dictionary<string, object?> Json(
        string eventId, string type, string userId, string campaignId, DateTime? at = null, string? text = null, string[]? hashtags = null, double? value = null, string? variant = null)
    {
        var json = new Dictionary<string, object?>
        {
            ["eventId"] = eventId,
            ["platform"] = "twitter",
            ["type"] = type,
            ["userId"] = userId,
            ["campaignId"] = campaignId,
            ["timestamp"] = Iso(at ?? DateTime.UtcNow),
        };
        if (text is not null || type is "comment" or "mention")
        {
            json["text"] = text ?? "what a campaign";
        }

        if (hashtags is not null)
        {
            json["hashtags"] = hashtags;
        }

        if (value is not null)
        {
            json["value"] = value;
        }

        if (variant is not null)
        {
            json["variant"] = variant;
        }

        return json;
    }

    public static InteractionEvent Interaction(string eventId, EventType type, string userId, string campaignId, DateTime at, string? text = null) => new()
    {
        EventId = eventId,
        Platform = Platform.Twitter,
        Type = type,
        UserId = userId,
        CampaignId = campaignId,
        Timestamp = at,
        Text = text,
        ReceivedAt = DateTime.UtcNow,
    };
}
