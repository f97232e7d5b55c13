using System.Net.Http.Json;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Gateway.Insights;
using StreamingMarketing.Grains.Insights.Webhooks;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Insights;

/// <summary>
/// The acceptance scenario against the real silo with the real scorer: a calm hour, then 200 clearly negative comments
/// within a minute → one open negative-sentiment alert and exactly one signed delivery per open alert to a loopback
/// receiver; calm returns → the alert resolves. A second webhook that refuses connections is retried and counted.
/// </summary>
[Trait("Category", "Functional")]
public sealed class AlertWebhookTests : IAsyncLifetime
{
    private const string Secret = "hook-secret-7f3a";
    private WebhookReceiver receiver = null!;
    private RunningSilo silo = null!;

    public async Task InitializeAsync()
    {
        receiver = await WebhookReceiver.StartAsync();
        silo = await RunningSilo.StartAsync(extraArgs:
        [
            "--Alerts:Webhooks:0:Url", receiver.Url,
            "--Alerts:Webhooks:0:Secret", Secret,
            "--Alerts:Webhooks:1:Url", $"http://127.0.0.1:{FreePorts.Next()}/nobody-listens",
            "--Alerts:InitialBackoff", "00:00:00.1",
            "--Alerts:MaxAttempts", "3",
        ]);
    }

    public async Task DisposeAsync()
    {
        await silo.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_negative_burst_after_a_calm_hour_opens_one_alert_delivers_it_once_signed_and_resolves_when_calm_returns()
    {
        var campaign = Burst.Id("crisis");
        var now = DateTime.UtcNow;
        var calm = Burst.CalmHour(campaign, now);
        var calmTexts = calm.Count(e => e.ContainsKey("text"));
        await PostAsync(calm);
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            (await CampaignAsync(campaign))?.Sentiment is { } s && s.Positive + s.Neutral + s.Negative + s.Unscored == calmTexts, TimeSpan.FromSeconds(60)));
        Assert.Empty(await AlertsAsync("open", campaign));

        await PostAsync(Burst.Comments(campaign, 200, Burst.Negative, DateTime.UtcNow, "angry"));

        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            (await AlertsAsync("open", campaign)).Any(a => a.Rule == AlertRuleNames.NegativeSentiment), TimeSpan.FromSeconds(30)));
        var open = await AlertsAsync("open", campaign);
        Assert.Single(open, a => a.Rule == AlertRuleNames.NegativeSentiment);
        Assert.True(await RunningSilo.EventuallyAsync(() => Task.FromResult(Opened(campaign).Count >= open.Count)));
        await Task.Delay(TimeSpan.FromSeconds(2));   // room for a duplicate to show up, if there were one

        // A volume-spike alert may open beside the sentiment one a moment later: compare against what is open now.
        open = await AlertsAsync("open", campaign);
        Assert.True(await RunningSilo.EventuallyAsync(() => Task.FromResult(Opened(campaign).Count >= open.Count)));
        var opened = Opened(campaign);
        Assert.Equal(open.Select(a => a.AlertId).Order(), opened.Select(d => d.AlertId).Order());
        Assert.All(opened, d => Assert.True(WebhookSignature.IsValid(Secret, d.Body, d.Signature), $"bad signature '{d.Signature}'"));
        var negative = open.Single(a => a.Rule == AlertRuleNames.NegativeSentiment);
        Assert.True(negative.Value >= 0.4, negative.Message);
        Assert.Contains((await CampaignAsync(campaign))!.Alerts!, a => a.AlertId == negative.AlertId && a.State == AlertStates.Open);

        // The alert says why, in the API and in the payload: the angry authors and their words, not the calm hour's.
        Assert.Equal(AlertDriverBasis.NegativeTexts, negative.Drivers?.Basis);
        Assert.NotEmpty(negative.Drivers!.Authors);
        Assert.All(negative.Drivers.Authors, a => Assert.StartsWith("angry-", a.Item, StringComparison.Ordinal));
        var payloadDrivers = opened.Single(d => d.AlertId == negative.AlertId).Json.GetProperty("alert").GetProperty("drivers");
        Assert.Equal(negative.Drivers.Authors[0].Item, payloadDrivers.GetProperty("authors")[0].GetProperty("item").GetString());
        Assert.NotEqual(0, payloadDrivers.GetProperty("keywords").GetArrayLength());

        await PostAsync(Burst.Comments(campaign, 700, Burst.Positive, DateTime.UtcNow, "happy"));

        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            (await AlertsAsync("resolved", campaign)).Any(a => a.AlertId == negative.AlertId), TimeSpan.FromSeconds(60)));
        Assert.True(await RunningSilo.EventuallyAsync(() => Task.FromResult(
            receiver.Deliveries.Any(d => d.AlertId == negative.AlertId && d.Event == AlertNotification.Resolved))));
        Assert.Single(receiver.Deliveries, d => d.AlertId == negative.AlertId && d.Event == AlertNotification.Opened);
        Assert.True(await RunningSilo.EventuallyAsync(async () => await WebhookFailuresAsync() > 0),
            "the webhook that refuses connections is counted in streamingmarketing_alerts_webhook_failures_total");
    }

    [Fact]
    public async Task Alerts_answer_400_for_an_unknown_state()
    {
        using var response = await silo.Http.GetAsync("/api/alerts?state=closed");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("open, resolved, all", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private List<WebhookReceiver.Delivery> Opened(string campaign) =>
        receiver.Deliveries.Where(d => d.CampaignId == campaign && d.Event == AlertNotification.Opened).ToList();

    private async Task PostAsync(List<Dictionary<string, object?>> events)
    {
        using var response = await silo.Http.PostAsJsonAsync("/api/events", events);
        response.EnsureSuccessStatusCode();
    }

    private async Task<Contracts.Views.CampaignView?> CampaignAsync(string campaign)
    {
        using var response = await silo.Http.GetAsync($"/api/campaigns/{campaign}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<Contracts.Views.CampaignView>() : null;
    }

    private async Task<List<AlertView>> AlertsAsync(string state, string campaign) =>
        (await silo.GetAsync<AlertListResponse>($"/api/alerts?state={state}")).Alerts.Where(a => a.CampaignId == campaign).ToList();

    private async Task<double> WebhookFailuresAsync()
    {
        var metrics = await silo.Http.GetStringAsync("/metrics");
        return metrics.Split('\n')
            .Where(line => line.StartsWith("streamingmarketing_alerts_webhook_failures_total", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
