using System.Net;
using System.Net.Http.Json;
using StreamingMarketing.Contracts.Allocation;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Insights;

namespace StreamingMarketing.Tests.Allocation;

/// <summary>
/// An ad platform driving a campaign through the real HTTP API round by round: read the recommended split, serve a
/// round's impressions in it, post the impressions and the clicks its creatives' true CTRs draw, and wait until the
/// campaign has counted them. It keeps the clicks the split was expected to lose against serving only the best.
/// </summary>
internal sealed class AdPlatform(HttpClient http, string campaignId, IReadOnlyDictionary<string, double> trueCtr, int seed)
{
    private readonly Random random = new(seed);
    private long sent;

    public double ExpectedClicksLost { get; private set; }

    /// <summary>The split read before each round, in order.</summary>
    public List<Dictionary<string, double>> Splits { get; } = [];

    public async Task<AllocationView?> ReadAllocationAsync()
    {
        using var response = await http.GetAsync($"/api/campaigns/{campaignId}/allocation?metric=ctr");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<AllocationView>();
    }

    public async Task RoundAsync(int impressions)
    {
        // Before the first event the campaign is unknown (404): a platform starts from an even split.
        var split = (await ReadAllocationAsync())?.Variants.ToDictionary(v => v.Variant, v => v.Share)
            ?? trueCtr.Keys.ToDictionary(name => name, _ => 1.0 / trueCtr.Count);
        Splits.Add(split);

        var events = new List<Dictionary<string, object?>>();
        var best = trueCtr.Values.Max();
        foreach (var (variant, served) in Serve(split, impressions))
        {
            ExpectedClicksLost += served * (best - trueCtr[variant]);
            for (var i = 0; i < served; i++)
            {
                var user = $"u{random.Next(2_000)}";
                events.Add(Events.Json(Burst.Id("imp"), "impression", user, campaignId, variant: variant));
                if (random.NextDouble() < trueCtr[variant])
                {
                    events.Add(Events.Json(Burst.Id("clk"), "click", user, campaignId, variant: variant));
                }
            }
        }

        foreach (var chunk in events.Chunk(5_000))
        {
            (await http.PostAsJsonAsync("/api/events", chunk)).EnsureSuccessStatusCode();
        }

        sent += events.Count;
        Assert.True(await RunningSilo.EventuallyAsync(async () => await CountedAsync() == sent, TimeSpan.FromSeconds(30)));
    }

    /// <summary>The events the campaign has counted (0 while its first events are still on their way: a 404).</summary>
    private async Task<long> CountedAsync()
    {
        using var response = await http.GetAsync($"/api/campaigns/{campaignId}");
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<CampaignView>())!.Totals.Values.Sum() : 0;
    }

    /// <summary>Largest remainder, so the round's impressions add up exactly.</summary>
    private static Dictionary<string, int> Serve(Dictionary<string, double> split, int total)
    {
        var exact = split.ToDictionary(pair => pair.Key, pair => pair.Value * total);
        var served = exact.ToDictionary(pair => pair.Key, pair => (int)Math.Floor(pair.Value));
        foreach (var name in exact.Keys.OrderByDescending(name => exact[name] - served[name]).Take(total - served.Values.Sum()))
        {
            served[name]++;
        }

        return served;
    }
}
