using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Gateway.Ingest;

/// <summary>
/// Counts a request's accepted events per (platform, type) and records them with one counter update per pair:
/// a tagged counter update per event cost more than validating the event.
/// </summary>
internal sealed class AcceptedTally
{
    private readonly int[,] counts = new int[Platforms.All.Length, EventTypes.Count];

    public void Add(List<InteractionEvent> events)
    {
        foreach (var e in events)
        {
            counts[(int)e.Platform, (int)e.Type]++;
        }
    }

    public void Record()
    {
        for (var platform = 0; platform < counts.GetLength(0); platform++)
        {
            for (var type = 0; type < counts.GetLength(1); type++)
            {
                if (counts[platform, type] > 0)
                {
                    IngestMetrics.Accepted.Add(counts[platform, type],
                        new KeyValuePair<string, object?>("platform", Platforms.WireNames[platform]),
                        new KeyValuePair<string, object?>("type", EventTypes.WireNames[type]));
                }
            }
        }
    }
}
