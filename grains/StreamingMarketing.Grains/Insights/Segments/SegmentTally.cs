using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Grains.Insights.Segments;

/// <summary>
/// A campaign's segment counts without a row per user: users counted by (last day seen, standing) and by (first day
/// seen, standing), moved between cells by the <see cref="SegmentChange"/>s user grains report. Segments that
/// depend on time (new, dormant) are read off the day cells at query time, so nobody has to tell the campaign that a
/// user went quiet. Days older than <see cref="KeptDays"/> fold into one cell: bounded at ~40 × 2 × 3 counters.
/// </summary>
[GenerateSerializer]
public sealed class SegmentTally
{
    public const int KeptDays = 40;
    private const int Standings = 3;

    [Id(0)] public Dictionary<int, long[]> ByLastDay { get; set; } = [];
    [Id(1)] public Dictionary<int, long[]> ByFirstDay { get; set; } = [];
    [Id(2)] public long[] OlderLast { get; set; } = new long[Standings];
    [Id(3)] public long[] OlderFirst { get; set; } = new long[Standings];

    public void Apply(SegmentChange change, int today)
    {
        if (change.Before is { } before)
        {
            Cell(ByLastDay, OlderLast, before.LastDay, today)[(int)before.Standing]--;
            Cell(ByFirstDay, OlderFirst, before.FirstDay, today)[(int)before.Standing]--;
        }

        Cell(ByLastDay, OlderLast, change.After.LastDay, today)[(int)change.After.Standing]++;
        Cell(ByFirstDay, OlderFirst, change.After.FirstDay, today)[(int)change.After.Standing]++;
        Fold(ByLastDay, OlderLast, today);
        Fold(ByFirstDay, OlderFirst, today);
    }

    public SegmentCounts Count(int today)
    {
        var dormant = new long[Standings];
        var total = new long[Standings];
        for (var s = 0; s < Standings; s++)
        {
            dormant[s] = total[s] = OlderLast[s];
        }

        foreach (var (day, cell) in ByLastDay)
        {
            for (var s = 0; s < Standings; s++)
            {
                total[s] += cell[s];
                dormant[s] += SegmentRules.IsDormant(day, today) ? cell[s] : 0;
            }
        }

        // New users are neutral ones first seen lately; having been seen lately, none of them is dormant.
        var fresh = ByFirstDay.Where(pair => SegmentRules.IsNew(pair.Key, today)).Sum(pair => pair.Value[(int)SentimentStanding.Neutral]);
        long Active(SentimentStanding s) => Math.Max(0, total[(int)s] - dormant[(int)s]);
        return new SegmentCounts
        {
            Advocates = Active(SentimentStanding.Advocate),
            Detractors = Active(SentimentStanding.Detractor),
            New = Math.Max(0, fresh),
            Dormant = Math.Max(0, dormant.Sum()),
            Other = Math.Max(0, Active(SentimentStanding.Neutral) - Math.Max(0, fresh)),
        };
    }

    private static long[] Cell(Dictionary<int, long[]> days, long[] older, int day, int today)
    {
        if (day <= today - KeptDays)
        {
            return older;
        }

        if (!days.TryGetValue(day, out var cell))
        {
            days[day] = cell = new long[Standings];
        }

        return cell;
    }

    private static void Fold(Dictionary<int, long[]> days, long[] older, int today)
    {
        foreach (var day in days.Keys.Where(day => day <= today - KeptDays).ToList())
        {
            for (var s = 0; s < Standings; s++)
            {
                older[s] += days[day][s];
            }

            days.Remove(day);
        }
    }
}
