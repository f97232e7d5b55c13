using System.Net;
using System.Net.Http.Json;
using System.Text;
using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Privacy;

/// <summary>What the erasure tests do on the real silo: fast settings, erase and wait, search the data dir's bytes.</summary>
internal static class ErasureSteps
{
    public const string Key = "erasure-key-4e8b1c7d2f9a0e3b6c5d8f1a2b4c6d8e";

    /// <summary>A settle time and refresh short enough for tests; the order (refresh below settle) is the documented one.</summary>
    public static string[] Args(bool pseudonymize = true, string settle = "00:00:01", params string[] extra) =>
    [
        "--Privacy:ErasureSettleTime", settle,
        "--Privacy:SuppressionRefreshInterval", "00:00:00.5000000",
        .. pseudonymize ? new[] { "--Privacy:PseudonymizeUserIds", "true", "--Privacy:UserIdKey", Key } : [],
        .. extra,
    ];

    /// <summary>A negative text no other test writes: its 32-digit tail is too long to become a trend keyword.</summary>
    public static string NegativeText(int variant = 0) =>
        $"{Insights.Burst.Negative[variant % Insights.Burst.Negative.Length]} {Guid.NewGuid():N}";

    public static Dictionary<string, object?> Event(string type, string userId, string campaignId, string? text = null, string? postId = null, string? eventId = null, DateTime? at = null)
    {
        var e = Events.Json(eventId ?? Insights.Burst.Id("e"), type, userId, campaignId, at, text);
        if (postId is not null)
        {
            e["postId"] = postId;
        }

        return e;
    }

    public static async Task<IngestResponse> PostAsync(HttpClient http, IEnumerable<Dictionary<string, object?>> events)
    {
        using var response = await http.PostAsJsonAsync("/api/events", events);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IngestResponse>())!;
    }

    /// <summary>Waits until the campaign counted <paramref name="events"/> events and its insights applied <paramref name="texts"/> texts' sentiment.</summary>
    public static async Task<CampaignView> SettledCampaignAsync(HttpClient http, string campaignId, long events, long texts)
    {
        CampaignView? view = null;
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
        {
            using var response = await http.GetAsync($"/api/campaigns/{campaignId}");
            view = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<CampaignView>() : null;
            return view is not null && view.Totals.Values.Sum() == events && view.Sentiment.Pending == 0 && SentimentCount(view) == texts;
        }, TimeSpan.FromSeconds(90)), $"campaign {campaignId} did not settle at {events} events and {texts} texts: {view?.Totals.Values.Sum()} counted, {(view is null ? 0 : SentimentCount(view))} texts");
        return view!;
    }

    public static long SentimentCount(CampaignView view) => view.Sentiment.Positive + view.Sentiment.Neutral + view.Sentiment.Negative + view.Sentiment.Unscored;

    /// <summary>Waits until the user's profile counted <paramref name="events"/> events; answers it.</summary>
    public static async Task<UserView> ProfileAsync(HttpClient http, string userId, long events)
    {
        UserView? view = null;
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
        {
            using var response = await http.GetAsync($"/api/users/{userId}");
            view = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<UserView>() : null;
            return view is not null && view.Totals.Values.Sum() == events;
        }, TimeSpan.FromSeconds(60)), $"user {userId} did not reach {events} events");
        return view!;
    }

    public static async Task<ErasureStatus> EraseAsync(HttpClient http, string path)
    {
        using var response = await http.DeleteAsync(path);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = (await response.Content.ReadFromJsonAsync<ErasureStatus>())!;
        Assert.Equal($"/api/erasures/{status.RequestId}", response.Headers.Location?.OriginalString);
        return status;
    }

    public static async Task<ErasureStatus> CompletedAsync(HttpClient http, string requestId, TimeSpan? timeout = null)
    {
        ErasureStatus? status = null;
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            (status = await http.GetFromJsonAsync<ErasureStatus>($"/api/erasures/{requestId}"))!.State == ErasureStatus.Completed,
            timeout ?? TimeSpan.FromSeconds(60)), $"erasure {requestId} did not complete: {status}");
        return status!;
    }

    /// <summary>Every file under the data dir whose bytes contain <paramref name="needle"/> (UTF-8).</summary>
    public static List<string> FilesHolding(string dataDir, string needle)
    {
        var bytes = Encoding.UTF8.GetBytes(needle);
        return Directory.EnumerateFiles(dataDir, "*", SearchOption.AllDirectories)
            .Where(file => File.ReadAllBytes(file).AsSpan().IndexOf(bytes) >= 0)
            .ToList();
    }
}
