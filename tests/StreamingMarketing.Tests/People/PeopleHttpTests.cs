using System.Net;
using System.Net.Http.Json;
using System.Text;
using StreamingMarketing.Contracts.People;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Tests.Http;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Insights;

namespace StreamingMarketing.Tests.People;

/// <summary>Linking platform ids to one person and reading the merged profile through the real silo's HTTP API.</summary>
[Trait("Category", "Functional")]
public sealed class PeopleHttpTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    private HttpClient Http => fixture.Silo.Http;

    private async Task PostAsync(string user, string campaign, int likes, int comments, string tag)
    {
        var events = Enumerable.Range(0, likes).Select(_ => Events.Json(Burst.Id("l"), "like", user, campaign, hashtags: [tag]))
            .Concat(Enumerable.Range(0, comments).Select(_ => Events.Json(Burst.Id("c"), "comment", user, campaign, text: "love it")));
        (await Http.PostAsJsonAsync("/api/events", events)).EnsureSuccessStatusCode();
    }

    private async Task<UserView?> UserAsync(string id)
    {
        using var response = await Http.GetAsync($"/api/users/{id}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<UserView>() : null;
    }

    [Fact]
    public async Task A_persons_merged_profile_reads_the_sum_of_its_linked_ids()
    {
        var (tw, ig, other) = (Burst.Id("tw-ana"), Burst.Id("ig-ana"), Burst.Id("tw-bob"));
        var (spring, summer) = (Burst.Id("spring"), Burst.Id("summer"));
        var person = Burst.Id("ana");
        using var put = await Http.PutAsJsonAsync($"/api/people/{person}", new { ids = new[] { tw, ig } });
        await PostAsync(tw, spring, likes: 7, comments: 2, "sneakers");
        await PostAsync(ig, spring, likes: 3, comments: 0, "sneakers");
        await PostAsync(ig, summer, likes: 4, comments: 1, "beach");
        await PostAsync(other, spring, likes: 50, comments: 0, "other");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            (await UserAsync(tw))?.Totals.Values.Sum() == 9 && (await UserAsync(ig))?.Totals.Values.Sum() == 8));
        var view = (await Http.GetFromJsonAsync<PersonView>($"/api/people/{person}"))!;
        var (twView, igView) = ((await UserAsync(tw))!, (await UserAsync(ig))!);

        Assert.Equal([tw, ig], view.Ids);
        foreach (var type in twView.Totals.Keys)
        {
            Assert.Equal(twView.Totals[type] + igView.Totals[type], view.Totals[type]);
        }

        Assert.Equal(14, view.Totals["like"]);
        Assert.Equal(12, view.Campaigns.Single(c => c.CampaignId == spring).Events);
        Assert.Equal(5, view.Campaigns.Single(c => c.CampaignId == summer).Events);
        Assert.Contains(view.Interests, t => t.Tag == "beach");
        Assert.DoesNotContain(view.Interests, t => t.Tag == "other");
        Assert.Equal(new[] { twView.FirstSeen!.Value, igView.FirstSeen!.Value }.Min(), view.FirstSeen);
        Assert.Equal(twView.Sentiment.Unscored + twView.Sentiment.Positive + twView.Sentiment.Neutral + twView.Sentiment.Negative
            + igView.Sentiment.Unscored + igView.Sentiment.Positive + igView.Sentiment.Neutral + igView.Sentiment.Negative,
            view.Sentiment.Unscored + view.Sentiment.Positive + view.Sentiment.Neutral + view.Sentiment.Negative);
    }

    [Fact]
    public async Task Linking_is_idempotent_unlinking_frees_an_id_and_an_id_held_by_another_person_is_a_conflict_that_changes_nothing()
    {
        var (tw, ig) = (Burst.Id("tw"), Burst.Id("ig"));
        var (ana, anna) = (Burst.Id("ana"), Burst.Id("anna"));

        var first = await (await Http.PutAsJsonAsync($"/api/people/{ana}", new { ids = new[] { tw, ig } })).Content.ReadFromJsonAsync<PersonLinks>();
        var again = await (await Http.PutAsJsonAsync($"/api/people/{ana}", new { ids = new[] { tw, ig, tw } })).Content.ReadFromJsonAsync<PersonLinks>();
        using var conflict = await Http.PutAsJsonAsync($"/api/people/{anna}", new { ids = new[] { Burst.Id("fresh"), ig } });
        using var annaBefore = await Http.GetAsync($"/api/people/{anna}");
        await Http.PutAsJsonAsync($"/api/people/{ana}", new { ids = new[] { tw } });
        using var taken = await Http.PutAsJsonAsync($"/api/people/{anna}", new { ids = new[] { ig } });

        Assert.Equal([tw, ig], first!.Ids);
        Assert.Equal(first.Ids, again!.Ids);
        Assert.Equal(first.UpdatedAt, again.UpdatedAt);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains($"'{ig}' by '{ana}'", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, annaBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal([tw], (await Http.GetFromJsonAsync<PersonView>($"/api/people/{ana}"))!.Ids);
        Assert.Equal([ig], (await Http.GetFromJsonAsync<PersonView>($"/api/people/{anna}"))!.Ids);
    }

    [Theory]
    [InlineData("{\"ids\": [\"ok\", \"has space\"]}", "ids[1] contains")]
    [InlineData("{}", "ids is required")]
    [InlineData("{\"ids\": ", "is not a JSON object")]
    [InlineData("{\"ids\": [\"\"]}", "ids[0] must be 1 to 128 characters")]
    public async Task Bad_link_requests_are_refused_with_the_reason(string body, string reason)
    {
        using var response = await Http.PutAsync($"/api/people/{Burst.Id("p")}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_ids_and_an_unknown_person_are_refused()
    {
        using var many = await Http.PutAsJsonAsync($"/api/people/{Burst.Id("p")}", new { ids = Enumerable.Range(0, 51).Select(i => $"id{i}") });
        using var unknown = await Http.GetAsync($"/api/people/{Burst.Id("nobody")}");

        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Contains("at most 50", await many.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
