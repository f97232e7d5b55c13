using Orleans.Runtime;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Tests.Cluster;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Insights;

/// <summary>Emotion and brand-safety counts from the real scorer's extra heads, in totals and per window.</summary>
[Trait("Category", "Cluster")]
public sealed class EmotionCountTests(ScoringClusterFixture fixture) : IClassFixture<ScoringClusterFixture>
{
    [Fact]
    public async Task Scored_texts_are_counted_by_emotion_and_offensive_ones_are_flagged()
    {
        var campaign = $"emotion-{Guid.NewGuid():N}";
        await fixture.Client.GetStreamProvider(StreamNames.Provider)
            .GetStream<InteractionBatch>(StreamId.Create(StreamNames.CampaignEvents, campaign))
            .OnNextAsync(new InteractionBatch(
            [
                Events.Interaction($"{campaign}-1", EventType.Comment, "u1", campaign, DateTime.UtcNow, "So happy with my new phone, love it!"),
                Events.Interaction($"{campaign}-2", EventType.Comment, "u2", campaign, DateTime.UtcNow, "You are a disgusting idiot, get lost"),
            ]));

        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            await fixture.Client.GetGrain<ICampaignGrain>(campaign).GetViewAsync() is { Sentiment: var s } && s.Positive + s.Neutral + s.Negative + s.Unscored == 2,
            TimeSpan.FromSeconds(30)));
        var view = await fixture.Client.GetGrain<ICampaignGrain>(campaign).GetViewAsync();
        var emotion = view!.Sentiment.Emotion!;
        Assert.Equal(2, emotion.Anger + emotion.Joy + emotion.Optimism + emotion.Sadness);
        Assert.True(emotion.Joy >= 1);
        Assert.True(view.Sentiment.BrandSafety!.Offensive >= 1);
        Assert.Equal(emotion, view.Windows["1h"].Sentiment.Emotion);
        Assert.Equal(view.Sentiment.BrandSafety, view.Windows["24h"].Sentiment.BrandSafety);
    }
}
