using System.Net;
using System.Net.Http.Json;
using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Insights;
using static StreamingMarketing.Tests.Privacy.ErasureSteps;

namespace StreamingMarketing.Tests.Privacy;

/// <summary>An erasure cut by a clean stop between its passes completes after the restart, and stays complete after the next one.</summary>
[Trait("Category", "Functional")]
public sealed class ErasureRestartTests
{
    [Fact]
    public async Task An_erasure_stopped_between_its_passes_completes_after_a_restart_and_its_suppression_survives_the_next()
    {
        var dataDir = RunningSilo.NewDataDir();
        var (eve, bob, campaign) = (Burst.Id("tw-eve"), Burst.Id("tw-bob"), Burst.Id("restart"));
        var (eveText, bobText) = (NegativeText(0), NegativeText(1));
        string requestId;
        CampaignView before;
        await using (var silo = await RunningSilo.StartAsync(dataDir, Args(settle: "00:00:08")))
        {
            await PostAsync(silo.Http, [Event("comment", eve, campaign, eveText), Event("comment", bob, campaign, bobText), Event("like", eve, campaign)]);
            before = await SettledCampaignAsync(silo.Http, campaign, 3, texts: 2);
            await ProfileAsync(silo.Http, eve, 2);
            requestId = (await EraseAsync(silo.Http, $"/api/users/{eve}")).RequestId;
            Assert.True(await RunningSilo.EventuallyAsync(async () =>
                (await silo.Http.GetFromJsonAsync<ErasureStatus>($"/api/erasures/{requestId}"))!.PassesDone == 1));
            await silo.StopAsync();
        }

        await using (var restarted = await RunningSilo.StartAsync(dataDir, Args()))
        {
            var suppressedAtOnce = await PostAsync(restarted.Http, [Event("like", eve, campaign)]);
            var done = await CompletedAsync(restarted.Http, requestId, TimeSpan.FromSeconds(60));
            var view = (await restarted.Http.GetFromJsonAsync<CampaignView>($"/api/campaigns/{campaign}"))!;

            Assert.Equal((0, 1), (suppressedAtOnce.Accepted, suppressedAtOnce.Suppressed));
            Assert.Equal(ErasurePasses.Total, done.PassesDone);
            Assert.Equal(HttpStatusCode.NotFound, (await restarted.Http.GetAsync($"/api/users/{eve}")).StatusCode);
            Assert.Equal(before.Totals, view.Totals);
            Assert.Equal(before.Sentiment.Negative, view.Sentiment.Negative);
            Assert.Equal([bobText], view.MostNegativeComments.Select(c => c.Text));
            await restarted.StopAsync();
        }

        Assert.Empty(FilesHolding(dataDir, eveText[^32..]));
        Assert.Empty(FilesHolding(dataDir, eve));

        await using var again = await RunningSilo.StartAsync(dataDir, Args());
        var status = (await again.Http.GetFromJsonAsync<ErasureStatus>($"/api/erasures/{requestId}"))!;
        var later = await PostAsync(again.Http, [Event("comment", eve, campaign, NegativeText(2))]);

        Assert.Equal(ErasureStatus.Completed, status.State);
        Assert.Equal((0, 1), (later.Accepted, later.Suppressed));
        Assert.Equal(HttpStatusCode.NotFound, (await again.Http.GetAsync($"/api/users/{eve}")).StatusCode);
    }
}
