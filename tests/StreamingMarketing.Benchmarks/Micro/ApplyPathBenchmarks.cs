using BenchmarkDotNet.Attributes;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Grains;
using StreamingMarketing.Grains.Campaigns;
using StreamingMarketing.Grains.Users;

namespace StreamingMarketing.Benchmarks.Micro;

/// <summary>
/// The two applies every event costs, 10,000 events per operation: the campaign's aggregates and the user profile's
/// (counters, windows, campaigns); the campaign's dedupe is <see cref="AggregationBenchmarks.DedupeRingOfCampaign"/>. The allocation column is the hot path's garbage per 10,000 events.
/// </summary>
[MemoryDiagnoser]
public class ApplyPathBenchmarks
{
    private const int Events = 10_000;
    private const int Users = 1_000;
    private readonly DateTime now = DateTime.UtcNow;
    private readonly AggregationOptions options = new();
    private InteractionEvent[] events = [];
    private UserInteraction[] interactions = [];
    private UserProfileState[] profiles = [];
    private CampaignAggregator campaign = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        events = Enumerable.Range(0, Events).Select(i => new InteractionEvent
        {
            EventId = $"event-{i}",
            Platform = (Platform)(i % Platforms.All.Length),
            Type = (EventType)random.Next(EventTypes.Count),
            UserId = $"user-{random.Next(Users)}",
            CampaignId = $"campaign-{random.Next(5)}",
            PostId = $"post-{random.Next(100)}",
            Timestamp = now.AddSeconds(-random.Next(3_600)),
            Hashtags = random.Next(4) == 0 ? [$"tag-{random.Next(50)}"] : [],
        }).ToArray();
        interactions = events.Select(e => new UserInteraction(e.CampaignId, e.Type, e.Platform, e.Timestamp, e.Hashtags, e.Value)).ToArray();

        // Profiles that already hold a day of activity: the steady state of a returning user, not a first event.
        profiles = Enumerable.Range(0, Users).Select(_ => new UserProfileState()).ToArray();
        campaign = new CampaignAggregator(new CampaignState());
        UserApply();
        CampaignApply();
    }

    [Benchmark]
    public long CampaignApply()
    {
        foreach (var e in events)
        {
            campaign.Apply(e, now);
        }

        return campaign.State.ByPlatform[0];
    }

    [Benchmark]
    public double UserApply()
    {
        for (var i = 0; i < interactions.Length; i++)
        {
            new UserProfileAggregator(profiles[i % Users], options).Apply(interactions[i], now);
        }

        return profiles[0].EngagementScore;
    }
}
