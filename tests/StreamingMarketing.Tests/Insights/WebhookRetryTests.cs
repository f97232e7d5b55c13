using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Insights;
using StreamingMarketing.Grains.Insights.Webhooks;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Insights;

/// <summary>The webhook client's retry pipeline, as the silo registers it, against a real loopback receiver.</summary>
public sealed class WebhookRetryTests
{
    private static AlertView Opened() => new()
    {
        AlertId = Guid.NewGuid().ToString("N"), CampaignId = "spring", Rule = "volume-spike", State = AlertStates.Open,
        OpenedAt = DateTime.UtcNow, Value = 5, Threshold = 3, Message = "test",
    };

    private static ServiceProvider Silo(string url, int maxAttempts) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddInsights(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Alerts:Webhooks:0:Url"] = url,
                ["Alerts:InitialBackoff"] = "00:00:00.05",
                ["Alerts:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).Build())
            .BuildServiceProvider();

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_the_same_delivery_again_until_it_takes_it_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        await using var services = Silo(receiver.Url, maxAttempts: 6);
        var dispatcher = services.GetRequiredService<AlertWebhookDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);

        dispatcher.Enqueue(Opened());

        Assert.True(await RunningSilo.EventuallyAsync(() => Task.FromResult(receiver.Deliveries.Count == 1)));
        await dispatcher.StopAsync(CancellationToken.None);
        Assert.Equal(3, receiver.Attempts.Count);
        Assert.Single(receiver.Attempts.Distinct());
        Assert.Equal(receiver.Attempts.First(), receiver.Deliveries.Single().DeliveryId);
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_is_given_up_after_max_attempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: int.MaxValue);
        await using var services = Silo(receiver.Url, maxAttempts: 3);
        var dispatcher = services.GetRequiredService<AlertWebhookDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);

        dispatcher.Enqueue(Opened());

        Assert.True(await RunningSilo.EventuallyAsync(() => Task.FromResult(receiver.Attempts.Count == 3)));
        await Task.Delay(500);   // room for a fourth attempt, if there were one
        await dispatcher.StopAsync(CancellationToken.None);
        Assert.Equal(3, receiver.Attempts.Count);
        Assert.Empty(receiver.Deliveries);
    }
}
