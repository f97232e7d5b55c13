using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Gateway.Insights;
using StreamingMarketing.Sentiment;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Insights;
using static StreamingMarketing.Tests.Privacy.ErasureSteps;

namespace StreamingMarketing.Tests.Privacy;

/// <summary>
/// <c>DELETE /api/users/{id}</c> on the real silo with pseudonymized ids: the profile and the user's texts go from every
/// answer and, after a clean stop, from every byte under the data dir; campaign aggregates stay exact; later events are
/// suppressed and the profile does not come back.
/// </summary>
[Trait("Category", "Functional")]
public sealed class ErasureHttpTests
{
    [Fact]
    public async Task Erasing_a_user_removes_the_profile_texts_influence_and_feedback_while_campaign_totals_stay_exact()
    {
        var dataDir = RunningSilo.NewDataDir();
        var (eve, bob, campaign, post) = ($"tw-eve{Guid.NewGuid():N}", Burst.Id("tw-bob"), Burst.Id("erase"), Burst.Id("post"));
        var (eveText, eveOtherText, bobText) = (NegativeText(0), NegativeText(1), NegativeText(2));
        await using (var silo = await RunningSilo.StartAsync(dataDir, Args()))
        {
            var http = silo.Http;
            await PostAsync(http,
            [
                Event("mention", eve, campaign, "my new post about the launch", post),
                Event("share", bob, campaign, postId: post), Event("like", bob, campaign, postId: post),
                Event("comment", eve, campaign, eveText), Event("comment", eve, campaign, eveOtherText),
                Event("comment", bob, campaign, bobText), Event("impression", eve, campaign),
            ]);
            (await http.PostAsJsonAsync("/api/feedback", new { text = eveText, label = "negative", campaignId = campaign })).EnsureSuccessStatusCode();
            var before = await SettledCampaignAsync(http, campaign, 7, texts: 4);
            var eveStored = (await ProfileAsync(http, eve, 4)).UserId;
            await ProfileAsync(http, bob, 3);
            Assert.Contains(before.MostNegativeComments, c => c.UserId == eveStored);
            Assert.Contains((await http.GetFromJsonAsync<InfluencersResponse>($"/api/campaigns/{campaign}/influencers"))!.Influencers, i => i.UserId == eveStored);

            var accepted = await EraseAsync(http, $"/api/users/{eve}");
            var done = await CompletedAsync(http, accepted.RequestId);

            Assert.Equal((1, ErasurePasses.Total, 1), (done.Ids, done.PassesDone, done.Campaigns));
            Assert.True(done.ItemsRemoved >= 4, $"removed {done.ItemsRemoved}");
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/users/{eve}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/users/{eveStored}")).StatusCode);
            var after = (await http.GetFromJsonAsync<CampaignView>($"/api/campaigns/{campaign}"))!;
            Assert.Equal(before.Totals, after.Totals);
            Assert.Equal(before.UniqueUsers, after.UniqueUsers);
            Assert.Equal((before.Sentiment.Positive, before.Sentiment.Neutral, before.Sentiment.Negative), (after.Sentiment.Positive, after.Sentiment.Neutral, after.Sentiment.Negative));
            Assert.Equal(before.Windows["24h"].Totals, after.Windows["24h"].Totals);
            Assert.DoesNotContain(after.MostNegativeComments, c => c.UserId == eveStored);
            Assert.Contains(after.MostNegativeComments, c => c.Text == bobText);
            Assert.DoesNotContain((await http.GetFromJsonAsync<InfluencersResponse>($"/api/campaigns/{campaign}/influencers"))!.Influencers, i => i.UserId == eveStored);
            Assert.DoesNotContain(FeedbackLog.ForDataDirectory(dataDir).ReadAll(), f => f.Text == eveText);
            foreach (var path in new[] { $"/api/campaigns/{campaign}", $"/api/campaigns/{campaign}/influencers", "/api/campaigns?pageSize=500", "/api/alerts?state=all", "/api/trends?window=1h" })
            {
                var answer = await http.GetStringAsync(path);
                Assert.DoesNotContain(eveStored, answer, StringComparison.Ordinal);
                Assert.DoesNotContain(eveText[^32..], answer, StringComparison.Ordinal);
            }

            // Later: suppressed, never counted, and the profile does not come back.
            var later = await PostAsync(http, [Event("comment", eve, campaign, NegativeText(3)), Event("like", bob, campaign)]);
            Assert.Equal((1, 1, 0), (later.Accepted, later.Suppressed, later.Rejected));
            await SettledCampaignAsync(http, campaign, 8, texts: 4);
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/users/{eve}")).StatusCode);
            Assert.Contains("streamingmarketing_events_suppressed", await http.GetStringAsync("/metrics"), StringComparison.Ordinal);
            await silo.StopAsync();
        }

        foreach (var needle in new[] { eveText, eveOtherText, eveText[^32..], eveOtherText[^32..], eve })
        {
            Assert.Empty(FilesHolding(dataDir, needle));
        }

        Assert.NotEmpty(FilesHolding(dataDir, bobText[^32..]));
    }

    [Fact]
    public async Task An_erasure_under_concurrent_ingest_completes_and_the_campaign_counts_exactly_what_was_accepted()
    {
        var (eve, campaign) = (Burst.Id("tw-eve"), Burst.Id("busy"));
        await using var silo = await RunningSilo.StartAsync(extraArgs: Args(settle: "00:00:03"));
        var http = silo.Http;
        await PostAsync(http, [Event("comment", eve, campaign, NegativeText())]);
        await SettledCampaignAsync(http, campaign, 1, texts: 1);
        await ProfileAsync(http, eve, 1);
        long texts = 1;

        long accepted = 1;
        using var stop = new CancellationTokenSource();
        var ingest = Task.Run(async () =>
        {
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                // 15 events of other users, always accepted, and 5 comments of the user being erased.
                var answer = await PostAsync(http, Enumerable.Range(0, 20).Select(i =>
                    i % 4 == 0 ? Event("comment", eve, campaign, NegativeText(i)) : Event(i % 2 == 0 ? "like" : "impression", Burst.Id("u"), campaign)));
                Interlocked.Add(ref accepted, answer.Accepted);
                Interlocked.Add(ref texts, answer.Accepted - 15);
                await Task.Delay(20);
            }
        });

        await Task.Delay(300);
        var done = await CompletedAsync(http, (await EraseAsync(http, $"/api/users/{eve}")).RequestId);
        await Task.Delay(500);
        await stop.CancelAsync();
        await ingest;

        var view = await SettledCampaignAsync(http, campaign, Interlocked.Read(ref accepted), Interlocked.Read(ref texts));
        Assert.Equal(ErasureStatus.Completed, done.State);
        var stored = silo.Services.GetRequiredService<Gateway.Privacy.UserIdPseudonymizer>().Stored(eve);
        Assert.DoesNotContain(view.MostNegativeComments, c => c.UserId == stored);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/users/{eve}")).StatusCode);
    }

    [Fact]
    public async Task A_resent_event_of_an_erased_user_stays_a_duplicate_in_the_campaigns_dedupe_memory_and_recreates_nothing()
    {
        var (eve, campaign) = (Burst.Id("tw-eve"), Burst.Id("dedupe"));
        var events = Enumerable.Range(0, 5).Select(i => Event(i == 0 ? "comment" : "like", eve, campaign, i == 0 ? NegativeText() : null)).ToList();
        // Suppression off, so the resend reaches the campaign grain, whose dedupe memory still holds the event ids.
        await using var silo = await RunningSilo.StartAsync(extraArgs: Args(extra: ["--Privacy:SuppressErasedUsers", "false"]));
        var http = silo.Http;
        await PostAsync(http, events);
        var before = await SettledCampaignAsync(http, campaign, 5, texts: 1);
        await ProfileAsync(http, eve, 5);
        await CompletedAsync(http, (await EraseAsync(http, $"/api/users/{eve}")).RequestId);

        var resent = await PostAsync(http, events);
        await PostAsync(http, [Event("impression", Burst.Id("u"), campaign)]);
        var after = await SettledCampaignAsync(http, campaign, 6, texts: 1);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal((5, 0), (resent.Accepted, resent.Suppressed));
        Assert.Equal(before.Totals["like"], after.Totals["like"]);
        Assert.Equal(before.Totals["comment"], after.Totals["comment"]);
        Assert.Equal(before.Sentiment.Negative, after.Sentiment.Negative);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/users/{eve}")).StatusCode);
    }

    [Fact]
    public async Task Erasing_a_person_erases_every_linked_id_and_the_links()
    {
        var (tw, ig, campaign, person) = (Burst.Id("tw"), Burst.Id("ig"), Burst.Id("c"), Burst.Id("person"));
        await using var silo = await RunningSilo.StartAsync(extraArgs: Args());
        var http = silo.Http;
        (await http.PutAsJsonAsync($"/api/people/{person}", new { ids = new[] { tw, ig } })).EnsureSuccessStatusCode();
        var (twText, igText) = (NegativeText(0), NegativeText(1));
        await PostAsync(http, [Event("comment", tw, campaign, twText), Event("comment", ig, campaign, igText), Event("like", ig, campaign)]);
        await SettledCampaignAsync(http, campaign, 3, texts: 2);
        await ProfileAsync(http, tw, 1);
        await ProfileAsync(http, ig, 2);

        var accepted = await EraseAsync(http, $"/api/people/{person}");
        var done = await CompletedAsync(http, accepted.RequestId);
        var later = await PostAsync(http, [Event("like", tw, campaign), Event("like", ig, campaign)]);
        var view = (await http.GetFromJsonAsync<CampaignView>($"/api/campaigns/{campaign}"))!;

        Assert.Equal(2, done.Ids);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/users/{tw}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/users/{ig}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/people/{person}")).StatusCode);
        Assert.Equal((0, 2), (later.Accepted, later.Suppressed));
        Assert.Empty(view.MostNegativeComments);
        Assert.Equal(3, view.Totals.Values.Sum());
        Assert.Equal(2, SentimentCount(view));
    }

    [Fact]
    public async Task Bad_ids_are_400_and_unknown_requests_or_people_404()
    {
        await using var silo = await RunningSilo.StartAsync(extraArgs: Args(pseudonymize: false));
        var http = silo.Http;

        using var badUser = await http.DeleteAsync("/api/users/a%20b");
        using var dots = await http.DeleteAsync("/api/users/...");
        using var badPerson = await http.DeleteAsync("/api/people/a%20b");
        using var unknownPerson = await http.DeleteAsync($"/api/people/{Burst.Id("nobody")}");
        using var badRequest = await http.GetAsync("/api/erasures/er-42");
        using var unknownRequest = await http.GetAsync($"/api/erasures/er-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.BadRequest, badUser.StatusCode);
        Assert.Contains("user id", await badUser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, dots.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPerson.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownPerson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRequest.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownRequest.StatusCode);
    }

    [Fact]
    public async Task Bad_retention_and_settle_settings_stop_the_host_naming_the_key()
    {
        var retention = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var silo = await RunningSilo.StartAsync(extraArgs: ["--Privacy:TextRetention", "00:10:00"]);
        });
        var settle = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var silo = await RunningSilo.StartAsync(extraArgs: ["--Privacy:ErasureSettleTime", "00:10:00"]);
        });

        Assert.Contains("Privacy:TextRetention must be at least 01:00:00", retention.ToString(), StringComparison.Ordinal);
        Assert.Contains("Privacy:ErasureSettleTime must be between", settle.ToString(), StringComparison.Ordinal);
    }
}
