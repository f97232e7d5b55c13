using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Grains.Insights.Segments;

/// <summary>
/// The segment rules, in one place for the user answer and the campaign counts. Per campaign, a user's standing is
/// net = positive texts + shares − negative texts: advocate at net ≥ 2, detractor at net ≤ −2. Then, first match wins:
/// dormant (no event in the last <see cref="DormantAfterDays"/> days), detractor, advocate, new (first event within
/// the last <see cref="NewForDays"/> days), other. Days are UTC days of event time.
/// </summary>
public static class SegmentRules
{
    public const int AdvocateAt = 2;
    public const int DormantAfterDays = 14;
    public const int NewForDays = 7;

    public static int DayOf(DateTime timestamp) => (int)(timestamp.Ticks / TimeSpan.TicksPerDay);

    public static SentimentStanding Standing(long positive, long negative, long shares)
    {
        var net = positive + shares - negative;
        return net >= AdvocateAt ? SentimentStanding.Advocate : net <= -AdvocateAt ? SentimentStanding.Detractor : SentimentStanding.Neutral;
    }

    public static bool IsDormant(int lastDay, int today) => lastDay <= today - DormantAfterDays;

    public static bool IsNew(int firstDay, int today) => firstDay > today - NewForDays;

    public static string Name(SegmentSnapshot snapshot, int today) =>
        IsDormant(snapshot.LastDay, today) ? SegmentNames.Dormant
        : snapshot.Standing == SentimentStanding.Detractor ? SegmentNames.Detractor
        : snapshot.Standing == SentimentStanding.Advocate ? SegmentNames.Advocate
        : IsNew(snapshot.FirstDay, today) ? SegmentNames.New
        : SegmentNames.Other;

    public static SegmentChange? Change(SegmentSnapshot? before, SegmentSnapshot? after) =>
        after is { } now && before != now ? new SegmentChange(before, now) : null;
}
