using System.Net;
using System.Net.Http.Json;
using System.Text;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Gateway.Privacy;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Insights;

namespace StreamingMarketing.Tests.Privacy;

/// <summary>
/// <c>Privacy:PseudonymizeUserIds</c> on the real silo: reads take the raw handle, answers show only its pseudonym, and
/// after a clean stop no file under the data dir holds the handle.
/// </summary>
[Trait("Category", "Functional")]
public sealed class PseudonymousIdsHttpTests
{
    private const string Key = "pseudonym-key-7c1e0b9a4f2d8e6c3b5a7f9e1d2c4b6a";

    [Fact]
    public async Task Raw_handles_are_read_through_their_pseudonym_and_never_stored()
    {
        var dataDir = RunningSilo.NewDataDir();
        var handle = $"tw-ana{Guid.NewGuid():N}";
        var campaign = Burst.Id("pseudo");
        await using (var silo = await RunningSilo.StartAsync(dataDir, "--Privacy:PseudonymizeUserIds", "true", "--Privacy:UserIdKey", Key))
        {
            var events = Enumerable.Range(0, 20).Select(i => Events.Json(Burst.Id("e"), i % 2 == 0 ? "like" : "impression", handle, campaign, hashtags: ["spring"]));
            (await silo.Http.PostAsJsonAsync("/api/events", events)).EnsureSuccessStatusCode();

            Assert.True(await RunningSilo.EventuallyAsync(async () => (await silo.Http.GetAsync($"/api/users/{handle}")).StatusCode == HttpStatusCode.OK));
            var byHandle = (await silo.Http.GetFromJsonAsync<UserView>($"/api/users/{handle}"))!;
            var byPseudonym = (await silo.Http.GetFromJsonAsync<UserView>($"/api/users/{byHandle.UserId}"))!;
            using var other = await silo.Http.GetAsync($"/api/users/{handle}x");

            Assert.True(UserIdPseudonymizer.IsPseudonym(byHandle.UserId));
            Assert.Equal(10, byHandle.Totals["like"]);
            Assert.Equal(byHandle.UserId, byPseudonym.UserId);
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
            await silo.StopAsync();
        }

        var raw = Encoding.UTF8.GetBytes(handle);
        var holders = Directory.EnumerateFiles(dataDir, "*", SearchOption.AllDirectories)
            .Where(file => File.ReadAllBytes(file).AsSpan().IndexOf(raw) >= 0)
            .ToList();
        Assert.Empty(holders);
    }

    [Fact]
    public async Task A_silo_told_to_pseudonymize_without_a_key_does_not_start_and_says_which_key_is_missing()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var silo = await RunningSilo.StartAsync(extraArgs: ["--Privacy:PseudonymizeUserIds", "true"]);
        });

        Assert.Contains("Privacy:UserIdKey", failure.ToString(), StringComparison.Ordinal);
    }
}
