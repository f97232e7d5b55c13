using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Client.Commands;

/// <summary>An <see cref="InteractionEvent"/> as a connector writes it on the wire (docs/api.md event fields).</summary>
internal static class WireEvent
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Json(InteractionEvent e) => JsonSerializer.Serialize(new
    {
        eventId = e.EventId,
        platform = e.Platform.ToWireName(),
        type = e.Type.ToWireName(),
        userId = e.UserId,
        campaignId = e.CampaignId,
        postId = e.PostId,
        timestamp = e.Timestamp.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        text = e.Text,
        hashtags = e.Hashtags.Length > 0 ? e.Hashtags : null,
        value = e.Type == EventType.Conversion ? e.Value : (double?)null,
        variant = e.Variant,
    }, Options);
}
