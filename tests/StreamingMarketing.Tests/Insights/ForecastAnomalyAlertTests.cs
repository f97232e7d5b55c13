using System.Net.Http.Json;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Gateway.Insights;
using StreamingMarketing.Grains.Insights.Webhooks;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Insights;

/// <summary>
/// The anomaly rule through the real host: nine days of backdated traffic with a daily cycle, then a burst in the last
/// complete hour → a volume-anomaly alert in <c>GET /api/alerts</c> whose message says what was expected and what
/// came, delivered once to a webhook.
/// </summary>
[Trait("Category", "Functional")]
public sealed class ForecastAnomalyAlertTests : IAsyncLifetime
{
    private WebhookReceiver receiver = null!;
    private RunningSilo silo = null!;

    public async Task InitializeAsync()
    {
        receiver = await WebhookReceiver.StartAsync();
        silo = await RunningSilo.StartAsync(extraArgs: ["--Alerts:Webhooks:0:Url", receiver.Url]);
    }

    public async Task DisposeAsync()
    {
        await silo.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_burst_in_the_last_hour_after_nine_days_of_daily_cycle_opens_an_anomaly_alert_and_delivers_it()
    {
        await AnomalyTraffic.AwayFromTheHourEndAsync();
        var campaign = Burst.Id("anomaly");
        var now = DateTime.UtcNow;
        var currentHour = AnomalyTraffic.CurrentHour(now);
        var events = AnomalyTraffic.NineDaysThenABurst(campaign, now);
        foreach (var chunk in events.Chunk(1_000))
        {
            using var response = await silo.Http.PostAsJsonAsync("/api/events", chunk);
            response.EnsureSuccessStatusCode();
        }

        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            (await AlertsAsync(campaign)).Any(a => a.Rule == AlertRuleNames.VolumeAnomaly), TimeSpan.FromSeconds(60)));
        var alert = (await AlertsAsync(campaign)).Single(a => a.Rule == AlertRuleNames.VolumeAnomaly);
        var burstHour = currentHour.AddHours(-1);
        Assert.Equal(burstHour, alert.Hour);
        Assert.Equal(AnomalyTraffic.BurstCount, alert.Value);
        Assert.StartsWith("expected ", alert.Message, StringComparison.Ordinal);
        Assert.Contains($"events {burstHour:HH:mm}–{currentHour:HH:mm} UTC", alert.Message, StringComparison.Ordinal);
        Assert.Contains("saw 600 ", alert.Message, StringComparison.Ordinal);

        Assert.True(await RunningSilo.EventuallyAsync(() => Task.FromResult(
            receiver.Deliveries.Any(d => d.AlertId == alert.AlertId && d.Event == AlertNotification.Opened))));
        var delivery = receiver.Deliveries.Single(d => d.AlertId == alert.AlertId && d.Event == AlertNotification.Opened);
        Assert.Equal(AlertRuleNames.VolumeAnomaly, delivery.Json.GetProperty("alert").GetProperty("rule").GetString());
        Assert.Equal(alert.Message, delivery.Json.GetProperty("alert").GetProperty("message").GetString());
    }

    private async Task<List<AlertView>> AlertsAsync(string campaign) =>
        (await silo.GetAsync<AlertListResponse>("/api/alerts?state=open")).Alerts.Where(a => a.CampaignId == campaign).ToList();
}
