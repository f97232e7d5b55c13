using System.Net.Http.Json;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Web;

/// <summary>
/// One real silo with API keys on, shared by the web and command-line tests: a key with the ingest, read and admin
/// scopes, a read-only key (what a dashboard gets), a key with a tiny rate limit for the 429 test, so no other test can
/// trip it, and Prometheus' metrics-only key.
/// </summary>
public sealed class KeyedSiloFixture : IAsyncLifetime
{
    public const string FullKey = "full-5b1f0c7e9d";
    public const string ReadKey = "read-8a2e4d6b1c";
    public const string LimitedKey = "limited-3c9d7e";
    public const string MetricsKey = "metrics-7d2a9f4e1b";

    /// <summary>The limited key may send this many requests, then one every 100 s.</summary>
    public const int LimitedBurst = 3;

    public RunningSilo Silo { get; private set; } = null!;

    public Uri BaseAddress => Silo.Http.BaseAddress!;

    public async Task InitializeAsync() => Silo = await RunningSilo.StartAsync(extraArgs:
    [
        "--Auth:ApiKeys:0:Name", "full", "--Auth:ApiKeys:0:Key", FullKey, "--Auth:ApiKeys:0:Scopes", "ingest,read,admin",
        "--Auth:ApiKeys:1:Name", "dashboard", "--Auth:ApiKeys:1:Key", ReadKey, "--Auth:ApiKeys:1:Scopes:0", "read",
        "--Auth:ApiKeys:2:Name", "limited", "--Auth:ApiKeys:2:Key", LimitedKey, "--Auth:ApiKeys:2:Scopes", "read",
        "--Auth:ApiKeys:2:PermitsPerSecond", "0.01", "--Auth:ApiKeys:2:Burst", LimitedBurst.ToString(),
        "--Auth:ApiKeys:3:Name", "prometheus", "--Auth:ApiKeys:3:Key", MetricsKey, "--Auth:ApiKeys:3:Scopes", "metrics",
    ]);

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    /// <summary>A client of its own (not the silo's shared one) carrying <paramref name="key"/> as X-Api-Key.</summary>
    public HttpClient Client(string? key = null)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return http;
    }

    /// <summary>Posts events with the full key and fails the test unless all were accepted.</summary>
    public async Task PostEventsAsync(params object[] events)
    {
        using var http = Client(FullKey);
        using var response = await http.PostAsJsonAsync("/api/events", events);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal(events.Length.ToString(), body!["accepted"].ToString());
    }
}

[CollectionDefinition(Name)]
public sealed class KeyedSiloCollection : ICollectionFixture<KeyedSiloFixture>
{
    public const string Name = "silo with API keys";
}
