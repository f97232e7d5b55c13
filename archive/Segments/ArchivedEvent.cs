using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Archive.Segments;

/// <summary>
/// One accepted event as a Parquet row: the wire names of platform and type rather than enum numbers, so the files
/// read the same in DuckDB, pandas or Spark as over the API.
/// </summary>
public sealed class ArchivedEvent
{
    public string EventId { get; set; } = "";
    public string Platform { get; set; } = "";
    public string Type { get; set; } = "";
    public string UserId { get; set; } = "";
    public string CampaignId { get; set; } = "";
    public string? PostId { get; set; }
    public DateTime Timestamp { get; set; }
    public string? Text { get; set; }
    public List<string> Hashtags { get; set; } = [];
    public double Value { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string? Variant { get; set; }

    public static ArchivedEvent From(InteractionEvent e) => new()
    {
        EventId = e.EventId,
        Platform = e.Platform.ToWireName(),
        Type = e.Type.ToWireName(),
        UserId = e.UserId,
        CampaignId = e.CampaignId,
        PostId = e.PostId,
        Timestamp = DateTime.SpecifyKind(e.Timestamp, DateTimeKind.Utc),
        Text = e.Text,
        Hashtags = [.. e.Hashtags],
        Value = e.Value,
        ReceivedAt = DateTime.SpecifyKind(e.ReceivedAt, DateTimeKind.Utc),
        Variant = e.Variant,
    };

    /// <summary>The event as <c>POST /api/events</c> takes it back (replay): the same id, so the normal path dedupes it.</summary>
    public Dictionary<string, object?> ToWire()
    {
        var wire = new Dictionary<string, object?>
        {
            ["eventId"] = EventId,
            ["platform"] = Platform,
            ["type"] = Type,
            ["userId"] = UserId,
            ["campaignId"] = CampaignId,
            ["timestamp"] = DateTime.SpecifyKind(Timestamp, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (PostId is not null)
        {
            wire["postId"] = PostId;
        }

        if (Text is not null)
        {
            wire["text"] = Text;
        }

        if (Hashtags.Count > 0)
        {
            wire["hashtags"] = Hashtags;
        }

        if (Value != 0)
        {
            wire["value"] = Value;
        }

        if (Variant is not null)
        {
            wire["variant"] = Variant;
        }

        return wire;
    }
}
