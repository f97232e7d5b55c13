using System.Net.Http.Json;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Insights;
using static StreamingMarketing.Tests.Privacy.ErasureSteps;

namespace StreamingMarketing.Tests.Privacy;

/// <summary><c>Privacy:TextRetention</c> on the real silo: the sweeper purges texts past retention and leaves the counts.</summary>
[Trait("Category", "Functional")]
public sealed class TextRetentionTests
{
    [Fact]
    public async Task Negative_comments_older_than_the_retention_are_purged_and_their_counts_stay()
    {
        var campaign = Burst.Id("retention");
        var (oldText, newText) = (NegativeText(0), NegativeText(1));
        await using var silo = await RunningSilo.StartAsync(extraArgs: Args(pseudonymize: false, extra:
            ["--Privacy:TextRetention", "1.00:00:00", "--Privacy:RetentionSweepInterval", "00:00:00.5000000"]));

        await PostAsync(silo.Http,
        [
            Event("comment", Burst.Id("u"), campaign, oldText, at: DateTime.UtcNow.AddDays(-2)),
            Event("comment", Burst.Id("u"), campaign, newText),
        ]);
        await SettledCampaignAsync(silo.Http, campaign, 2, texts: 2);
        CampaignView? view = null;
        var purged = await RunningSilo.EventuallyAsync(async () =>
            (view = await silo.Http.GetFromJsonAsync<CampaignView>($"/api/campaigns/{campaign}"))!.MostNegativeComments.All(c => c.Text != oldText));

        Assert.True(purged, "the old comment was not purged");
        Assert.Equal([newText], view!.MostNegativeComments.Select(c => c.Text));
        Assert.Equal(2, view.Sentiment.Negative);
        Assert.Equal(2, view.Totals["comment"]);
    }
}
