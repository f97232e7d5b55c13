using StreamingMarketing.Grains.Campaigns;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using StreamingMarketing.Client.Gateway;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Http;

/// <summary>The same endpoints hosted by a standalone Orleans client: what it ingests the silo counts, and both read the same state.</summary>
[Trait("Category", "Functional")]
public sealed class StandaloneGatewayTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    [Fact]
    public async Task Events_posted_to_the_standalone_gateway_are_counted_by_the_cluster()
    {
        var gateway = StandaloneGateway.Build(["--urls", "http://127.0.0.1:0", "--gateway-port", fixture.Silo.GatewayPort.ToString(), "--Logging:LogLevel:Default", "Warning"]);
        await gateway.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(gateway.Urls.First()) };
            var campaign = $"standalone-{Guid.NewGuid():N}";

            var response = await http.PostAsJsonAsync("/api/events", new[]
            {
                Events.Json($"{campaign}-1", "impression", "u1", campaign),
                Events.Json($"{campaign}-2", "click", "u1", campaign),
            });
            var body = await response.Content.ReadFromJsonAsync<IngestResponse>();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(2, body!.Accepted);
            Assert.True(await RunningSilo.EventuallyAsync(async () =>
                (await fixture.Silo.Http.GetAsync($"/api/campaigns/{campaign}")).IsSuccessStatusCode));
            var viaSilo = await fixture.Silo.GetAsync<CampaignView>($"/api/campaigns/{campaign}");
            var viaGateway = await http.GetFromJsonAsync<CampaignView>($"/api/campaigns/{campaign}");
            Assert.Equal(1, viaGateway!.Totals["click"]);
            Assert.Equal(viaSilo.Totals, viaGateway.Totals);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            await gateway.StopAsync();
            await gateway.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_standalone_gateway_carries_more_events_than_the_embedded_in_flight_bound_and_the_silos_count_stays_whole()
    {
        var gateway = StandaloneGateway.Build(["--urls", "http://127.0.0.1:0", "--gateway-port", fixture.Silo.GatewayPort.ToString(), "--Logging:LogLevel:Default", "Warning"]);
        await gateway.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(gateway.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
            var campaign = $"standalone-load-{Guid.NewGuid():N}";
            const int Requests = 30, PerRequest = 5_000;
            var statuses = new List<HttpStatusCode>();

            // 150,000 events: half again the embedded profile's in-flight bound, whose deliveries this process never sees.
            await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (r, ct) =>
            {
                var batch = Enumerable.Range(0, PerRequest).Select(i => Events.Json($"{campaign}-{r}-{i}", "impression", $"u{i % 500}", campaign)).ToList();
                using var response = await http.PostAsJsonAsync("/api/events", batch, ct);
                lock (statuses)
                {
                    statuses.Add(response.StatusCode);
                }
            });

            Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
            Assert.True(await RunningSilo.EventuallyAsync(async () =>
                (await fixture.Silo.Http.GetFromJsonAsync<CampaignView>($"/api/campaigns/{campaign}"))?.Totals["impression"] == Requests * PerRequest,
                TimeSpan.FromSeconds(60)));
            Assert.True(fixture.Silo.Services.GetRequiredService<InProcessDelivery>().Pending >= 0, "the silo counted deliveries of events it never published");
        }
        finally
        {
            await gateway.StopAsync();
            await gateway.DisposeAsync();
        }
    }
}
