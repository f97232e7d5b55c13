using System.Text.Json;
using StreamingMarketing.Client;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Web;

namespace StreamingMarketing.Tests.Cli;

[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class ReadCommandTests(KeyedSiloFixture fixture)
{
    private const string Reader = KeyedSiloFixture.ReadKey;

    private async Task<string> CampaignWithEventsAsync()
    {
        var campaign = $"cli-{Guid.NewGuid():N}";
        await fixture.PostEventsAsync(
            Events.Json($"e-{Guid.NewGuid():N}", "impression", "cli-user", campaign, hashtags: ["launch"]),
            Events.Json($"e-{Guid.NewGuid():N}", "click", "cli-user", campaign, hashtags: ["launch"]));
        Assert.True(await RunningSilo.EventuallyAsync(async () => (await Cli.RunAsync(fixture, Reader, "campaign", campaign)).ExitCode == ExitCodes.Ok));
        return campaign;
    }

    [Fact]
    public async Task Campaigns_lists_a_posted_campaign()
    {
        var campaign = await CampaignWithEventsAsync();

        var result = await Cli.RunAsync(fixture, Reader, "campaigns", "--page-size", "500");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains(campaign, result.Output);
    }

    [Fact]
    public async Task Campaign_shows_kpis_and_hashtags_and_json_gives_the_gateway_answer()
    {
        var campaign = await CampaignWithEventsAsync();

        var table = await Cli.RunAsync(fixture, Reader, "campaign", campaign);
        var json = await Cli.RunAsync(fixture, Reader, "campaign", campaign, "--json");

        Assert.Equal(ExitCodes.Ok, table.ExitCode);
        Assert.Contains("engagement rate", table.Output);
        Assert.Contains("#launch", table.Output);
        Assert.Equal(1, JsonDocument.Parse(json.Output).RootElement.GetProperty("totals").GetProperty("click").GetInt64());
    }

    [Fact]
    public async Task An_unknown_campaign_or_user_exits_3()
    {
        var campaign = await Cli.RunAsync(fixture, Reader, "campaign", "never-seen-campaign");
        var user = await Cli.RunAsync(fixture, Reader, "user", "never-seen-user");

        Assert.Equal(ExitCodes.NotFound, campaign.ExitCode);
        Assert.Equal(ExitCodes.NotFound, user.ExitCode);
        Assert.Contains("No event was ever received for campaign 'never-seen-campaign'", campaign.Output);
    }

    [Fact]
    public async Task User_shows_the_profile_with_its_campaigns()
    {
        var campaign = await CampaignWithEventsAsync();
        Cli.Result result = null!;

        // The user's profile is fed after the campaign's (the campaign grain forwards to it).
        await RunningSilo.EventuallyAsync(async () => (result = await Cli.RunAsync(fixture, Reader, "user", "cli-user")).Output.Contains(campaign));

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains(campaign, result.Output);
        Assert.Contains("#launch", result.Output);
    }

    /// <summary>A fresh silo loads its sentiment model in the background; until then both answer 503.</summary>
    private async Task ModelServingAsync()
    {
        Cli.Result last = null!;
        var serving = await RunningSilo.EventuallyAsync(async () => (last = await Cli.RunAsync(fixture, Reader, "models", "--json")).ExitCode == ExitCodes.Ok, TimeSpan.FromMinutes(2));
        Assert.True(serving, last.Output);
    }

    [Fact]
    public async Task Score_labels_each_text()
    {
        await ModelServingAsync();
        var result = await Cli.RunAsync(fixture, Reader, "score", "I love this, best purchase ever", "--json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var answer = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("positive", answer.GetProperty("results")[0].GetProperty("label").GetString());
    }

    [Fact]
    public async Task Models_shows_the_serving_version()
    {
        await ModelServingAsync();
        var json = await Cli.RunAsync(fixture, Reader, "models", "--json");
        var version = JsonDocument.Parse(json.Output).RootElement.GetProperty("version").GetString();

        var table = await Cli.RunAsync(fixture, Reader, "models");

        Assert.Equal(ExitCodes.Ok, table.ExitCode);
        Assert.Contains($"Serving model {version}", table.Output);
    }

    [Fact]
    public async Task No_key_exits_4_and_says_how_to_pass_one()
    {
        var result = await Cli.RunAsync(fixture, null, "campaigns");

        Assert.Equal(ExitCodes.Denied, result.ExitCode);
        Assert.Contains("--api-key", result.Output);
    }

    [Theory]
    [InlineData("campaign")]
    [InlineData("campaigns", "--page", "zero")]
    [InlineData("campaigns", "--colour", "red")]
    [InlineData("score")]
    [InlineData("send")]
    public async Task Bad_usage_exits_2_with_the_reason_and_where_help_is(params string[] args)
    {
        var result = await Cli.RunAsync(fixture, Reader, args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--help", result.Output);
    }

    [Fact]
    public async Task An_unreachable_gateway_exits_1()
    {
        var result = await Cli.RunAsync("models", "--url", $"http://127.0.0.1:{FreePorts.Next()}");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("cannot reach the gateway", result.Output);
    }
}
