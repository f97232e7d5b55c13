using Orleans.Runtime;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.EventHubs;

/// <summary>
/// The Event Hubs stream provider's adapter stack without a broker (issue 6): events generated in the silo pass
/// through EventData bodies, the Event Hubs data adapter, the partition cache and the pulling agents to implicit
/// subscribers, exactly as events read from a hub would after the receiver.
/// </summary>
[Trait("Category", "Functional")]
public sealed class EventDataGeneratorStreamTests(EventDataGeneratorClusterFixture fixture) : IClassFixture<EventDataGeneratorClusterFixture>
{
    [Fact]
    public async Task Orleans_generated_events_reach_an_implicit_subscriber_in_order_with_their_event_hub_sequence_numbers()
    {
        var key = $"ints-{Guid.NewGuid():N}";
        var stream = StreamId.Create(GeneratedIntsGrain.Namespace, key);
        var subscriber = fixture.Client.GetGrain<IGeneratedIntsGrain>(key);

        await fixture.PlaceStreamAsync(EventDataGeneratorClusterFixture.IntsProvider, stream);

        var all = await RunningSilo.EventuallyAsync(
            async () => (await subscriber.GetReceivedAsync()).Count >= GeneratedTraffic.SimpleLimit, TimeSpan.FromSeconds(30));
        Assert.True(all, "not every generated event reached the subscriber");
        var received = await subscriber.GetReceivedAsync();
        // The stream is alone on its provider, so its events are the partition's first: 1, 2, 3, ... none lost, none twice.
        Assert.Equal(Enumerable.Range(1, GeneratedTraffic.SimpleLimit), received.Select(item => item.Value));
        // The payload is the sequence number the generator gave the EventData; the token must carry the same one.
        Assert.All(received, item => Assert.Equal(item.Value, item.SequenceNumber));
        Assert.All(received, item => Assert.Equal("EventHubSequenceTokenV2", item.TokenType));
    }

    [Fact]
    public async Task Campaign_grains_count_interactions_from_the_event_hubs_adapter_once_even_when_a_batch_is_replayed()
    {
        var campaignId = $"eventhubs-{Guid.NewGuid():N}";
        var types = new[] { EventType.Impression, EventType.Like, EventType.Share, EventType.Click };
        var now = DateTime.UtcNow;
        var batches = Enumerable.Range(0, 3)
            .Select(b => new InteractionBatch(Enumerable.Range(0, 20)
                .Select(i => Events.Interaction($"{campaignId}-{b}-{i}", types[i % types.Length], $"{campaignId}-user-{i % 5}", campaignId, now))
                .ToArray()))
            .ToList();
        var stream = StreamId.Create(StreamNames.CampaignEvents, campaignId);
        // The second batch comes again at the end, as Event Hubs replays from its last checkpoint after a restart.
        GeneratedTraffic.Script(stream, [batches[0], batches[1], batches[2], batches[1]]);

        await fixture.PlaceStreamAsync(StreamNames.Provider, stream);

        var campaign = fixture.Client.GetGrain<ICampaignGrain>(campaignId);
        var allCounted = await RunningSilo.EventuallyAsync(async () => (await campaign.GetViewAsync())?.DuplicatesDropped == 20, TimeSpan.FromSeconds(30));
        Assert.True(allCounted, "the replayed batch did not reach the campaign grain");
        var view = (await campaign.GetViewAsync())!;
        foreach (var type in types)
        {
            Assert.Equal(15, view.Totals[type.ToWireName()]);
        }

        Assert.Equal(0, view.Totals[EventType.Comment.ToWireName()]);
        // The profile trails the campaign by a campaign write and a courier round; replayed events must not count twice.
        var profile = fixture.Client.GetGrain<IUserProfileGrain>($"{campaignId}-user-0");
        Assert.True(await RunningSilo.EventuallyAsync(async () => (await profile.GetViewAsync())?.Totals.Values.Sum() >= 12, TimeSpan.FromSeconds(30)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(12, (await profile.GetViewAsync())!.Totals.Values.Sum());
    }
}
