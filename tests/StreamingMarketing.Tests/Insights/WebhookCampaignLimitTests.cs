using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Insights;
using StreamingMarketing.Grains.Insights.Webhooks;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Insights;

/// <summary>One campaign flapping through alerts cannot crowd the webhook queue that other campaigns' alerts wait in.</summary>
public sealed class WebhookCampaignLimitTests
{
    private static AlertView Opened(string campaignId) => new()
    {
        AlertId = Guid.NewGuid().ToString("N"), CampaignId = campaignId, Rule = "volume-spike", State = AlertStates.Open,
        OpenedAt = DateTime.UtcNow, Value = 5, Threshold = 3, Message = "test",
    };

    [Fact]
    public async Task A_campaign_past_its_queued_limit_loses_its_extra_notifications_and_no_other_campaigns()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerts:Webhooks:0:Url"] = receiver.Url,
            ["Alerts:MaxQueuedPerCampaign"] = "10",
        }).Build();
        // The silo's own registration, so the dispatcher gets its HTTP client and retry pipeline the way it does there.
        await using var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddInsights(configuration).BuildServiceProvider();
        var dispatcher = services.GetRequiredService<AlertWebhookDispatcher>();

        // Queued before any worker runs, as when receivers are slow and a campaign keeps opening alerts.
        foreach (var _ in Enumerable.Range(0, 25))
        {
            dispatcher.Enqueue(Opened("flapping"));
        }

        dispatcher.Enqueue(Opened("quiet"));
        await dispatcher.StartAsync(CancellationToken.None);

        Assert.True(await RunningSilo.EventuallyAsync(() => Task.FromResult(receiver.Deliveries.Count == 11)));
        await Task.Delay(500);
        await dispatcher.StopAsync(CancellationToken.None);
        Assert.Equal(10, receiver.Deliveries.Count(d => d.CampaignId == "flapping"));
        Assert.Single(receiver.Deliveries, d => d.CampaignId == "quiet");
    }
}
