using Orleans.Runtime;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Cluster;

[Trait("Category", "Cluster")]
public sealed class ScoringPlacementTests(ScoringClusterFixture fixture) : IClassFixture<ScoringClusterFixture>
{
    [Fact]
    public async Task Every_scorer_activation_runs_on_the_silo_with_the_scoring_role()
    {
        var scoringSilo = fixture.Cluster.Silos.Single(s => s.Name == fixture.ScoringSiloName).SiloAddress;

        // Calls from the client and from grains on both silos (campaign grains spread over the cluster).
        var servedBy = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => fixture.Client.GetGrain<ISentimentScorerGrain>(0).GetCurrentModelAsync()));
        for (var i = 0; i < 20; i++)
        {
            var campaign = $"placement-{Guid.NewGuid():N}";
            await Publish(campaign, Events.Interaction($"{campaign}-1", EventType.Comment, "u1", campaign, DateTime.UtcNow, "I love it"));
        }

        Assert.All(servedBy, model => Assert.Equal(scoringSilo.ToString(), model!.ServedBy));
        var nonScoring = fixture.Cluster.Silos.Single(s => s.Name != fixture.ScoringSiloName);
        var statistics = (await fixture.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics())
            .Where(stat => stat.GrainType.Contains(nameof(Scoring.SentimentScorerGrain), StringComparison.Ordinal) && stat.ActivationCount > 0)
            .ToList();
        Assert.NotEmpty(statistics);
        Assert.All(statistics, stat => Assert.Equal(scoringSilo, stat.SiloAddress));
        Assert.DoesNotContain(statistics, stat => stat.SiloAddress.Equals(nonScoring.SiloAddress));
    }

    [Fact]
    public async Task Comments_are_scored_into_the_campaign_sentiment_mix()
    {
        var campaign = $"sentiment-{Guid.NewGuid():N}";
        await Publish(campaign,
            Events.Interaction($"{campaign}-1", EventType.Comment, "u1", campaign, DateTime.UtcNow, "I absolutely love this, best purchase ever!"),
            Events.Interaction($"{campaign}-2", EventType.Comment, "u2", campaign, DateTime.UtcNow, "Terrible. Broke after one day, worst service ever."),
            Events.Interaction($"{campaign}-3", EventType.Mention, "u2", campaign, DateTime.UtcNow, "Awful experience, I want a refund"),
            Events.Interaction($"{campaign}-4", EventType.Like, "u3", campaign, DateTime.UtcNow));

        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            await fixture.Client.GetGrain<ICampaignGrain>(campaign).GetViewAsync() is { Sentiment: { Positive: 1, Negative: 2, Pending: 0 } }));
        var view = await fixture.Client.GetGrain<ICampaignGrain>(campaign).GetViewAsync();
        Assert.Equal(0, view!.Sentiment.Unscored);
        Assert.Equal(2, view.MostNegativeComments.Count);
        Assert.True(view.MostNegativeComments[0].Score < 0);
        Assert.Equal(2, view.Windows["1h"].Sentiment.Negative);
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            await fixture.Client.GetGrain<IUserProfileGrain>("u2").GetViewAsync() is { Sentiment.Negative: 2 }));
    }

    private Task Publish(string campaignId, params InteractionEvent[] events) =>
        fixture.Client.GetStreamProvider(StreamNames.Provider)
            .GetStream<InteractionBatch>(StreamId.Create(StreamNames.CampaignEvents, campaignId))
            .OnNextAsync(new InteractionBatch(events));
}
