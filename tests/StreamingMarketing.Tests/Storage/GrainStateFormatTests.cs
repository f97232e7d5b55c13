using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Grains.Campaigns;
using StreamingMarketing.Silo.Hosting;

namespace StreamingMarketing.Tests.Storage;

/// <summary>
/// The blob grain state format of the persistent profiles: written in Orleans' binary form, and a state an earlier
/// release wrote as Newtonsoft JSON still reads. The serializers come from a real (unstarted) silo host, configured as
/// Orleans configures them.
/// </summary>
public sealed class GrainStateFormatTests : IDisposable
{
    private readonly IHost host = Host.CreateApplicationBuilder().UseOrleans(silo => silo.UseLocalhostClustering()).Build();

    private Serializer Binary => host.Services.GetRequiredService<Serializer>();

    private OrleansJsonSerializer Json => host.Services.GetRequiredService<OrleansJsonSerializer>();

    public void Dispose() => host.Dispose();

    [Fact]
    public void State_is_written_in_binary_and_reads_back()
    {
        var format = GrainStateFormat.Binary(Binary, Json);
        var written = format.Serialize(BusyCampaign());

        Assert.NotEqual((byte)'{', written.ToMemory().Span[0]);
        AssertSameCampaign(BusyCampaign(), format.Deserialize<CampaignState>(written));
    }

    [Fact]
    public void State_an_earlier_release_wrote_as_json_still_reads()
    {
        var json = new JsonGrainStorageSerializer(Json).Serialize(BusyCampaign());
        Assert.Equal((byte)'{', json.ToMemory().Span[0]);

        AssertSameCampaign(BusyCampaign(), GrainStateFormat.Binary(Binary, Json).Deserialize<CampaignState>(json));
    }

    [Fact]
    public void Binary_is_several_times_smaller_than_json_for_a_busy_campaign()
    {
        var binary = GrainStateFormat.Binary(Binary, Json).Serialize(BusyCampaign()).ToMemory().Length;
        var json = new JsonGrainStorageSerializer(Json).Serialize(BusyCampaign()).ToMemory().Length;

        Assert.True(binary * 2 < json, $"binary {binary:N0} bytes, JSON {json:N0} bytes");
    }

    /// <summary>A campaign that counted 2,000 events: its dedupe memory is what grows.</summary>
    private static CampaignState BusyCampaign()
    {
        var state = new CampaignState { Applied = new(capacity: 100_000), Registered = true, NextPartSequence = 42 };
        var aggregator = new CampaignAggregator(state);
        var start = new DateTime(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 2_000; i++)
        {
            var e = new InteractionEvent
            {
                EventId = $"event-{i}", Platform = Platform.Twitter, Type = i % 3 == 0 ? EventType.Like : EventType.Share,
                UserId = $"user-{i % 97}", CampaignId = "spring", Timestamp = start.AddSeconds(i), Hashtags = [$"tag{i % 5}"],
            };
            if (aggregator.Fresh([e]).Count == 1)
            {
                aggregator.Apply(e, start.AddSeconds(i));
            }
        }

        return state;
    }

    private static void AssertSameCampaign(CampaignState expected, CampaignState? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Totals.ByType, actual.Totals.ByType);
        Assert.Equal(expected.Applied.Count, actual.Applied.Count);
        Assert.Equal(expected.Applied.Ring.Take(expected.Applied.Count), actual.Applied.Ring.Take(actual.Applied.Count));
        Assert.Equal(expected.NextPartSequence, actual.NextPartSequence);
        Assert.Equal(expected.Hashtags.Top(5), actual.Hashtags.Top(5));
        Assert.True(actual.Registered);
    }
}
