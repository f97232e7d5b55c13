using System.Net;
using System.Net.Http.Json;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Observability;

/// <summary>
/// Ingest traffic that touches every instrument a dashboard panel reads: every event type, a few campaigns, a duplicate,
/// some rejected events, and texts for the sentiment scorer.
/// </summary>
public sealed class Traffic(HttpClient http)
{
    private static readonly string[] Types = ["impression", "view", "like", "comment", "share", "click", "follow", "mention", "conversion"];
    private static readonly string[] Texts = ["love this launch", "this is terrible, never again", "the event starts at noon"];

    private int round;

    /// <summary>Whether the host scored texts at <c>POST /api/sentiment</c> (200): false while no scorer is wired into it.</summary>
    public bool ScorerAnswers { get; private set; }

    public async Task PostRoundAsync()
    {
        var n = Interlocked.Increment(ref round);
        var batch = new List<object>();
        foreach (var type in Types)
        {
            batch.Add(Events.Json($"obs-{Guid.NewGuid():N}", type, $"obs-u{n % 7}", $"obs-c{n % 3}", value: type == "conversion" ? 4.5 : null));
        }

        // A repeat inside one request is dropped as a duplicate; rejected ones feed the reject-reason panel and the
        // rejection alert.
        batch.Add(batch[0]);
        batch.Add(Events.Json($"obs-{Guid.NewGuid():N}", "teleport", "obs-u0", "obs-c0"));
        batch.Add(Events.Json("", "like", "obs-u0", "obs-c0"));

        var ingest = await http.PostAsJsonAsync("/api/events", batch);
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);

        var sentiment = await http.PostAsJsonAsync("/api/sentiment", new { texts = Texts });
        ScorerAnswers = sentiment.IsSuccessStatusCode;
    }

    /// <summary>Posts rounds, a short pause apart, until cancelled.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await PostRoundAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }
}
