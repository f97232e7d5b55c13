using System.Net.Http.Json;
using StreamingMarketing.Contracts.People;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Insights;

namespace StreamingMarketing.Tests.People;

/// <summary>Links survive a restart on the same data dir, and pseudonymized ids link by their raw handles.</summary>
[Trait("Category", "Functional")]
public sealed class PeopleRestartTests
{
    private static readonly string[] Privacy = ["--Privacy:PseudonymizeUserIds", "true", "--Privacy:UserIdKey", "people-key-0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a"];

    [Fact]
    public async Task A_persons_links_and_merged_counts_survive_a_restart_with_pseudonymized_ids()
    {
        var dataDir = RunningSilo.NewDataDir();
        var (tw, ig, campaign, person) = (Burst.Id("tw"), Burst.Id("ig"), Burst.Id("c"), Burst.Id("person"));
        List<string> linked;
        await using (var silo = await RunningSilo.StartAsync(dataDir, Privacy))
        {
            linked = (await (await silo.Http.PutAsJsonAsync($"/api/people/{person}", new { ids = new[] { tw, ig } })).Content.ReadFromJsonAsync<PersonLinks>())!.Ids;
            var events = new[] { tw, tw, ig }.Select(user => Events.Json(Burst.Id("e"), "like", user, campaign));
            (await silo.Http.PostAsJsonAsync("/api/events", events)).EnsureSuccessStatusCode();
            Assert.True(await RunningSilo.EventuallyAsync(async () =>
                (await silo.Http.GetFromJsonAsync<PersonView>($"/api/people/{person}"))!.Totals.GetValueOrDefault("like") == 3));
            await silo.StopAsync();
        }

        await using var restarted = await RunningSilo.StartAsync(dataDir, Privacy);
        var view = (await restarted.Http.GetFromJsonAsync<PersonView>($"/api/people/{person}"))!;

        Assert.Equal(linked, view.Ids);
        Assert.DoesNotContain(tw, view.Ids);
        Assert.Equal(3, view.Totals["like"]);
        Assert.Empty(view.UnseenIds);
    }
}
