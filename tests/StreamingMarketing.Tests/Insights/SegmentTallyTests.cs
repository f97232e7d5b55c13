using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Insights.Segments;

namespace StreamingMarketing.Tests.Insights;

public sealed class SegmentTallyTests
{
    private const int Today = 20_000;

    [Fact]
    public void Every_user_falls_in_one_segment_and_time_alone_makes_users_dormant()
    {
        var tally = new SegmentTally();
        tally.Apply(new SegmentChange(null, new SegmentSnapshot(SentimentStanding.Advocate, Today - 30, Today)), Today);
        tally.Apply(new SegmentChange(null, new SegmentSnapshot(SentimentStanding.Detractor, Today - 30, Today - 1)), Today);
        tally.Apply(new SegmentChange(null, new SegmentSnapshot(SentimentStanding.Neutral, Today - 2, Today)), Today);
        tally.Apply(new SegmentChange(null, new SegmentSnapshot(SentimentStanding.Neutral, Today - 20, Today - 20)), Today);
        tally.Apply(new SegmentChange(null, new SegmentSnapshot(SentimentStanding.Neutral, Today - 10, Today - 10)), Today);

        Assert.Equal(new SegmentCounts { Advocates = 1, Detractors = 1, New = 1, Dormant = 1, Other = 1 }, tally.Count(Today));
        Assert.Equal(new SegmentCounts { Dormant = 5 }, tally.Count(Today + 60));
    }

    [Fact]
    public void A_user_who_moves_is_counted_once_in_the_new_place()
    {
        var tally = new SegmentTally();
        var before = new SegmentSnapshot(SentimentStanding.Neutral, Today - 10, Today - 10);
        tally.Apply(new SegmentChange(null, before), Today);
        tally.Apply(new SegmentChange(before, before with { Standing = SentimentStanding.Advocate, LastDay = Today }), Today);

        Assert.Equal(new SegmentCounts { Advocates = 1 }, tally.Count(Today));
    }
}
