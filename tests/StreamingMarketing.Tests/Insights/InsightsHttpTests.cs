using System.Net;
using System.Net.Http.Json;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Gateway.Insights;
using StreamingMarketing.Tests.Http;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Insights;

/// <summary>Campaign metadata, trends, influencers, segments and share of voice through the real silo's HTTP API.</summary>
[Trait("Category", "Functional")]
public sealed class InsightsHttpTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    private HttpClient Http => fixture.Silo.Http;

    /// <summary>The answer, or null while the campaign has not applied its first event yet (404).</summary>
    private async Task<T?> TryGetAsync<T>(string path)
    {
        using var response = await Http.GetAsync(path);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<T>() : default;
    }

    [Fact]
    public async Task Metadata_is_stored_listed_and_shown_even_before_the_first_event()
    {
        var campaign = Burst.Id("described");

        using var put = await Http.PutAsJsonAsync($"/api/campaigns/{campaign}", new
        {
            name = "Spring launch", brand = "Acme", competitors = new[] { "Globex" }, start = "2025-04-01", end = "2025-06-30", budget = 1500.5,
            alertRules = new { negativeSentiment = new { threshold = 0.6 } },
        });
        var view = await Http.GetFromJsonAsync<CampaignView>($"/api/campaigns/{campaign}");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(("Spring launch", "Acme", 1500.5), (view!.Metadata!.Name, view.Metadata.Brand, view.Metadata.Budget));
        Assert.Equal(0.6, view.Metadata.AlertRules!.NegativeSentiment!.Threshold);
        Assert.Equal(0, view.Totals.Values.Sum());
        var list = await Http.GetStringAsync("/api/campaigns?pageSize=500");
        Assert.Contains(campaign, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_metadata_gets_a_400_naming_every_problem()
    {
        var campaign = Burst.Id("bad");

        using var invalid = await Http.PutAsJsonAsync($"/api/campaigns/{campaign}", new { brand = "Acme", start = "2025-06-01", end = "2025-05-01", budget = -5 });
        using var notJson = await Http.PutAsync($"/api/campaigns/{campaign}", new StringContent("{name:", System.Text.Encoding.UTF8, "application/json"));
        using var wrongType = await Http.PutAsJsonAsync($"/api/campaigns/{campaign}", new { name = "x", budget = "lots" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var error = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("name is required", error, StringComparison.Ordinal);
        Assert.Contains("end must not be before start", error, StringComparison.Ordinal);
        Assert.Contains("budget", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/campaigns/{campaign}")).StatusCode);
    }

    [Fact]
    public async Task A_bursting_hashtag_trends_above_a_steady_one_in_the_campaign_and_across_campaigns()
    {
        var campaign = Burst.Id("trending");
        var (steady, flash) = ($"steady{Guid.NewGuid():N}"[..20], $"flash{Guid.NewGuid():N}"[..20]);
        var now = DateTime.UtcNow;
        var events = Enumerable.Range(2, 60)
            .SelectMany(minute => Enumerable.Range(0, 3).Select(_ => Events.Json(Burst.Id("e"), "like", "u1", campaign, now.AddMinutes(-minute), hashtags: [steady])))
            .Concat(Enumerable.Range(0, 40).Select(i => Events.Json(Burst.Id("e"), "share", $"u{i}", campaign, now.AddSeconds(-i), hashtags: [flash])))
            .ToList();
        (await Http.PostAsJsonAsync("/api/events", events)).EnsureSuccessStatusCode();

        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            (await Http.GetFromJsonAsync<TrendsView>("/api/trends?window=15m"))!.Hashtags.FirstOrDefault()?.Item == flash));
        var view = await Http.GetFromJsonAsync<CampaignView>($"/api/campaigns/{campaign}");
        var quarter = view!.Trending!["15m"].Hashtags;
        Assert.Equal(flash, quarter[0].Item);
        Assert.True(quarter[0].Burst > quarter.Single(t => t.Item == steady).Burst);
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.GetAsync("/api/trends?window=2h")).StatusCode);
    }

    [Fact]
    public async Task Influencers_are_the_authors_whose_posts_others_share_reply_to_and_like()
    {
        var campaign = Burst.Id("influence");
        var now = DateTime.UtcNow;
        Dictionary<string, object?> On(string post, string type, string user)
        {
            var e = Events.Json(Burst.Id("e"), type, user, campaign, now, type is "mention" or "comment" ? "check this out" : null);
            e["postId"] = post;
            return e;
        }

        var events = new List<Dictionary<string, object?>>
        {
            On("p-star", "mention", "star"), On("p-minor", "mention", "minor"),
            On("p-star", "share", "f1"), On("p-star", "share", "f2"), On("p-star", "comment", "f3"), On("p-star", "like", "f4"),
            On("p-star", "like", "star"), On("p-minor", "like", "f1"),
        };
        (await Http.PostAsJsonAsync("/api/events", events)).EnsureSuccessStatusCode();

        InfluencersResponse? answer = null;
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            (answer = await TryGetAsync<InfluencersResponse>($"/api/campaigns/{campaign}/influencers"))?.Influencers.Count == 2));
        var star = answer!.Influencers[0];
        Assert.Equal(("star", 2L, 1L, 1L, 9.0), (star.UserId, star.SharesReceived, star.RepliesReceived, star.LikesReceived, star.Score));
        Assert.Equal("minor", answer.Influencers[1].UserId);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/campaigns/{Burst.Id("nobody")}/influencers")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.GetAsync($"/api/campaigns/{campaign}/influencers?top=0")).StatusCode);
    }

    [Fact]
    public async Task Users_split_into_advocates_detractors_new_dormant_and_other()
    {
        var campaign = Burst.Id("segments");
        var now = DateTime.UtcNow;
        var events = new List<Dictionary<string, object?>>
        {
            Events.Json(Burst.Id("e"), "share", "fan", campaign, now.AddDays(-10)),
            Events.Json(Burst.Id("e"), "share", "fan", campaign, now),
            Events.Json(Burst.Id("e"), "comment", "critic", campaign, now.AddDays(-10), Burst.Negative[0]),
            Events.Json(Burst.Id("e"), "comment", "critic", campaign, now, Burst.Negative[1]),
            Events.Json(Burst.Id("e"), "like", "newcomer", campaign, now),
            Events.Json(Burst.Id("e"), "like", "sleeper", campaign, now.AddDays(-20)),
            Events.Json(Burst.Id("e"), "like", "regular", campaign, now.AddDays(-10)),
        };
        (await Http.PostAsJsonAsync("/api/events", events)).EnsureSuccessStatusCode();

        var expected = new SegmentCounts { Advocates = 1, Detractors = 1, New = 1, Dormant = 1, Other = 1 };
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            (await TryGetAsync<CampaignView>($"/api/campaigns/{campaign}"))?.Segments == expected, TimeSpan.FromSeconds(30)));
        var critic = await Http.GetFromJsonAsync<UserView>("/api/users/critic");
        Assert.Equal(SegmentNames.Detractor, critic!.Campaigns.Single(c => c.CampaignId == campaign).Segment);
        var sleeper = await Http.GetFromJsonAsync<UserView>("/api/users/sleeper");
        Assert.Equal(SegmentNames.Dormant, sleeper!.Campaigns.Single(c => c.CampaignId == campaign).Segment);
    }

    [Fact]
    public async Task Share_of_voice_weighs_a_brand_against_the_competitors_its_texts_name()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (brand, rival) = ($"Acme{suffix}", $"Globex {suffix}");
        var campaign = Burst.Id("voice");
        (await Http.PutAsJsonAsync($"/api/campaigns/{campaign}", new { name = "Voice", brand, competitors = new[] { rival } })).EnsureSuccessStatusCode();
        var now = DateTime.UtcNow;
        var events = new List<Dictionary<string, object?>>
        {
            Events.Json(Burst.Id("e"), "comment", "u1", campaign, now, $"{brand} is great"),
            Events.Json(Burst.Id("e"), "mention", "u2", campaign, now, "loving this launch"),
            Events.Json(Burst.Id("e"), "comment", "u3", campaign, now, $"I prefer {rival.ToUpperInvariant()} honestly"),
            Events.Json(Burst.Id("e"), "like", "u4", campaign, now),
        };
        (await Http.PostAsJsonAsync("/api/events", events)).EnsureSuccessStatusCode();

        ShareOfVoiceView? voice = null;
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            (voice = await Http.GetFromJsonAsync<ShareOfVoiceView>($"/api/brands/{brand}/share-of-voice?window=24h"))!.Total == 4));
        Assert.Equal((3L, 0.75), (voice!.Mentions, voice.Share));
        Assert.Equal(new BrandVoice(rival, 1, 0.25), voice.Competitors.Single());
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.GetAsync($"/api/brands/{brand}/share-of-voice?window=2d")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/brands/never-{suffix}/share-of-voice")).StatusCode);
    }
}
