using System.Net.Http.Json;
using StreamingMarketing.Contracts.Allocation;
using StreamingMarketing.Grains.Insights.Webhooks;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Insights;

namespace StreamingMarketing.Tests.Allocation;

/// <summary>
/// <c>allocation-changed</c> deliveries to a real loopback receiver: one when a read moves the split past the threshold,
/// and one more when new traffic moves it again while nobody reads (the grain's own refresh).
/// </summary>
[Trait("Category", "Functional")]
public sealed class AllocationWebhookTests : IAsyncLifetime
{
    private const string Secret = "alloc-secret-19";
    private WebhookReceiver receiver = null!;
    private RunningSilo silo = null!;

    public async Task InitializeAsync()
    {
        receiver = await WebhookReceiver.StartAsync();
        silo = await RunningSilo.StartAsync(extraArgs:
        [
            "--Alerts:Webhooks:0:Url", receiver.Url,
            "--Alerts:Webhooks:0:Secret", Secret,
            "--Allocation:RefreshInterval", "00:00:00.5",
        ]);
    }

    public async Task DisposeAsync()
    {
        await silo.DisposeAsync();
        await receiver.DisposeAsync();
    }

    private List<WebhookReceiver.Delivery> Moves(string campaign) =>
        [.. receiver.Deliveries.Where(d => d.Event == AllocationChangedNotification.EventName && d.Json.GetProperty("campaignId").GetString() == campaign)];

    [Fact]
    public async Task A_move_past_the_threshold_is_delivered_signed_with_the_split_before_and_after_and_later_moves_arrive_without_a_read()
    {
        var campaign = Burst.Id("alloc-hook");
        var platform = new AdPlatform(silo.Http, campaign, new Dictionary<string, double> { ["a"] = 0.01, ["b"] = 0.04 }, seed: 11);
        await platform.RoundAsync(4_000);

        var read = (await platform.ReadAllocationAsync())!;

        Assert.True(await RunningSilo.EventuallyAsync(() => Task.FromResult(Moves(campaign).Count == 1)));
        var first = Moves(campaign)[0];
        Assert.True(WebhookSignature.IsValid(Secret, first.Body, first.Signature));
        Assert.Equal(0.5, first.Json.GetProperty("previous").GetProperty("b").GetDouble());
        var announced = first.Json.GetProperty("allocation").GetProperty("variants").EnumerateArray()
            .ToDictionary(v => v.GetProperty("variant").GetString()!, v => v.GetProperty("share").GetDouble());
        Assert.Equal(read.Variants.ToDictionary(v => v.Variant, v => v.Share), announced);

        // More traffic, and no read: the grain's refresh takes the next step and announces it.
        var more = Enumerable.Range(0, 3_000).Select(i => Events.Json(Burst.Id("i"), "impression", $"u{i}", campaign, variant: i % 2 == 0 ? "a" : "b"));
        (await silo.Http.PostAsJsonAsync("/api/events", more)).EnsureSuccessStatusCode();

        Assert.True(await RunningSilo.EventuallyAsync(() => Task.FromResult(Moves(campaign).Count >= 2), TimeSpan.FromSeconds(20)));
        var second = Moves(campaign)[1];
        Assert.Equal(announced["b"], second.Json.GetProperty("previous").GetProperty("b").GetDouble(), precision: 12);
        Assert.True(second.Json.GetProperty("allocation").GetProperty("variants").EnumerateArray()
            .Single(v => v.GetProperty("variant").GetString() == "b").GetProperty("share").GetDouble() > announced["b"]);
    }
}
