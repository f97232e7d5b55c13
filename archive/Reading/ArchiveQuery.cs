namespace StreamingMarketing.Archive.Reading;

/// <summary>What to read: event time in [<see cref="From"/>, <see cref="To"/>), and only these campaigns when any are named.</summary>
public sealed record ArchiveQuery(DateTime? From = null, DateTime? To = null, IReadOnlySet<string>? Campaigns = null)
{
    public static readonly ArchiveQuery All = new();

    public bool Covers(DateTime hour) =>
        (From is not { } from || hour >= Segments.SegmentName.HourOf(from)) && (To is not { } to || hour < to);

    public bool Matches(Segments.ArchivedEvent e) =>
        (From is not { } from || e.Timestamp >= from) && (To is not { } to || e.Timestamp < to) &&
        (Campaigns is not { Count: > 0 } campaigns || campaigns.Contains(e.CampaignId));
}
