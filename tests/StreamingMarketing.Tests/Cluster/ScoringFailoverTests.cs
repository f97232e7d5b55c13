using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Grains;
using StreamingMarketing.Grains.Placement;
using StreamingMarketing.Grains.Storage;
using StreamingMarketing.Sentiment;
using StreamingMarketing.Silo.Hosting;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Cluster;

/// <summary>
/// Three silos, two of them scoring. A scoring silo dies: scoring carries on at the other. The last one dies: events
/// are still counted, their texts as unscored, and nothing waits for a scorer that will not come.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class ScoringFailoverTests : IAsyncLifetime
{
    private InProcessTestCluster cluster = null!;
    private readonly List<string> scoringSilos = [];
    private int configured;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        var configuration = new ConfigurationBuilder().Build();
        builder.ConfigureSilo((options, silo) =>
        {
            // The first silo configured (the primary, which holds the test cluster's membership) holds no scoring role,
            // so killing both scoring silos leaves the cluster up.
            var scoring = Interlocked.Increment(ref configured) > 1;
            if (scoring)
            {
                lock (scoringSilos)
                {
                    scoringSilos.Add(options.SiloName);
                }
            }

            ScoringClusterFixture.ConfigureSilo(silo, scoring, configuration);
        });
        ScoringClusterFixture.ConfigureClient(builder);
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task Scoring_moves_to_the_remaining_scoring_silo_and_without_any_texts_are_applied_unscored()
    {
        var scorers = cluster.Silos.Where(s => scoringSilos.Contains(s.Name)).ToList();
        Assert.Equal(2, scorers.Count);

        await cluster.KillSiloAsync(scorers[0]);
        var survivor = scorers[1].SiloAddress.ToString();
        var afterFirstDeath = await RunningSilo.EventuallyAsync(async () =>
        {
            try
            {
                var model = await cluster.Client.GetGrain<ISentimentScorerGrain>(0).GetCurrentModelAsync();
                return model?.ServedBy == survivor;
            }
            catch (Exception exception) when (exception is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60));
        Assert.True(afterFirstDeath, "no scorer answered from the surviving scoring silo");

        var scored = $"failover-scored-{Guid.NewGuid():N}";
        await PublishAsync(scored, Events.Interaction($"{scored}-1", EventType.Comment, "u1", scored, DateTime.UtcNow, "I hate this, worst ever"));
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            await cluster.Client.GetGrain<ICampaignGrain>(scored).GetViewAsync() is { Sentiment.Negative: 1 }, TimeSpan.FromSeconds(60)));

        await cluster.KillSiloAsync(scorers[1]);
        var unscored = $"failover-unscored-{Guid.NewGuid():N}";
        await PublishAsync(unscored,
            Events.Interaction($"{unscored}-1", EventType.Comment, "u2", unscored, DateTime.UtcNow, "I love it"),
            Events.Interaction($"{unscored}-2", EventType.Like, "u2", unscored, DateTime.UtcNow));

        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            await cluster.Client.GetGrain<ICampaignGrain>(unscored).GetViewAsync() is { Sentiment: { Unscored: 1, Pending: 0 } } view
            && view.Totals["comment"] == 1 && view.Totals["like"] == 1, TimeSpan.FromSeconds(90)));
    }

    private async Task PublishAsync(string campaignId, params InteractionEvent[] events)
    {
        // The stream queue of this campaign may have lived on a killed silo: retry until its agent moved.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await cluster.Client.GetStreamProvider(StreamNames.Provider)
                    .GetStream<InteractionBatch>(StreamId.Create(StreamNames.CampaignEvents, campaignId))
                    .OnNextAsync(new InteractionBatch(events));
                return;
            }
            catch (Exception) when (attempt < 30)
            {
                await Task.Delay(1_000);
            }
        }
    }
}
