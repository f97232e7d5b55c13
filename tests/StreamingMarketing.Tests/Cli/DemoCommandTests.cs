using System.Net.Http.Json;
using StreamingMarketing.Client;
using StreamingMarketing.Gateway.Queries;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Web;

namespace StreamingMarketing.Tests.Cli;

[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class DemoCommandTests(KeyedSiloFixture fixture)
{
    [Fact]
    public async Task Demo_sends_the_asked_number_of_events_spread_over_zipf_campaigns_and_summarises()
    {
        var result = await Cli.RunAsync(fixture, KeyedSiloFixture.FullKey, "demo", "--events", "400", "--rate", "4000", "--campaigns", "5", "--seed", "7");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Matches(@"sent\s+│\s+400\s", result.Output);
        Assert.Matches(@"accepted\s+│\s+400\s", result.Output);
        Assert.Contains("comment", result.Output);
        using var http = fixture.Client(KeyedSiloFixture.ReadKey);
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
        {
            var list = await http.GetFromJsonAsync<CampaignListResponse>($"/api/campaigns?pageSize={QueryEndpoints.MaxPageSize}");
            return list!.Items.Any(c => c.CampaignId == "campaign-0");
        }));
    }
}
