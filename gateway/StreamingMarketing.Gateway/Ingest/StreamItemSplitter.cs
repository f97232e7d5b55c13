using System.Text;
using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Gateway.Ingest;

/// <summary>Splits one campaign's events into stream items whose estimated serialized size stays under a bound.</summary>
public static class StreamItemSplitter
{
    /// <summary>Per-event framing, enum fields, timestamps and numbers in Orleans' binary format, rounded up.</summary>
    private const int FixedBytesPerEvent = 64;

    public static IEnumerable<InteractionBatch> Split(List<InteractionEvent> events, int maxBytes)
    {
        if (maxBytes <= 0)
        {
            yield return new InteractionBatch([.. events]);
            yield break;
        }

        var current = new List<InteractionEvent>();
        var size = 0;
        foreach (var e in events)
        {
            var eventSize = EstimateBytes(e);
            if (current.Count > 0 && size + eventSize > maxBytes)
            {
                yield return new InteractionBatch([.. current]);
                current.Clear();
                size = 0;
            }

            current.Add(e);
            size += eventSize;
        }

        if (current.Count > 0)
        {
            yield return new InteractionBatch([.. current]);
        }
    }

    public static int EstimateBytes(InteractionEvent e)
    {
        var size = FixedBytesPerEvent + Utf8(e.EventId) + Utf8(e.UserId) + Utf8(e.CampaignId) + Utf8(e.PostId) + Utf8(e.Text);
        foreach (var tag in e.Hashtags)
        {
            size += Utf8(tag) + 2;
        }

        return size;
    }

    private static int Utf8(string? value) => value is null ? 0 : Encoding.UTF8.GetByteCount(value) + 2;
}
