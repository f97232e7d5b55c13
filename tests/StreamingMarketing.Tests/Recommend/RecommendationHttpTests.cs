using System.Net;
using System.Net.Http.Json;
using StreamingMarketing.Archive.Reading;
using StreamingMarketing.Archive.Segments;
using StreamingMarketing.Archive.Stores;
using StreamingMarketing.Archive.Writing;
using StreamingMarketing.Benchmarks.Recommend;
using StreamingMarketing.Contracts.Recommendations;
using StreamingMarketing.Recommend.Evaluation;
using StreamingMarketing.Recommend.Registry;
using StreamingMarketing.Recommend.Training;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Recommend;

/// <summary>
/// The whole loop on the real host: a silo receives likes, comments and the rest, archives them, the recommender is
/// trained on that archive and published the way <c>recommender train --publish</c> does, the running silo swaps it in,
/// and its answers find each user's held-out latest posts at least 3× as often as popularity does.
/// </summary>
[Trait("Category", "Functional")]
public sealed class RecommendationHttpTests
{
    private static readonly string Tweets = Path.Combine(RepositoryPaths.Root, "data", "tweeteval", "sentiment_val.tsv");

    [Fact]
    public async Task A_published_recommender_finds_held_out_posts_three_times_as_often_as_popularity()
    {
        var generated = new SyntheticInteractions(Tweets, users: 400, posts: 360, seed: 9).Generate(DateTime.UtcNow.AddMinutes(-5));
        var (sent, heldOut) = SyntheticInteractions.Split(generated);
        await using var silo = await RunningSilo.StartAsync(null, "--Recommender:RegistryPollInterval", "00:00:01");
        foreach (var chunk in sent.Select(SyntheticInteractions.ToJson).Chunk(1_000))
        {
            Assert.Equal(HttpStatusCode.OK, (await silo.Http.PostAsJsonAsync("/api/events", chunk)).StatusCode);
        }

        var events = await ArchivedAsync(silo, sent.Count);
        Assert.Equal("none", (await silo.GetAsync<RecommendationsView>("/api/users/su1/recommendations")).Basis);
        var model = new RecommenderTrainer(new AlsSettings(), new HoldoutSplit()).Train(events, "recommender-test-1");
        Assert.True(model.Evaluation.Single(e => e.Kind == "post").BeatsPopularity);
        var registry = RecommenderRegistry.ForDataDir(silo.DataDir);
        registry.Publish(model);
        registry.Promote("recommender-test-1");

        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            (await silo.GetAsync<RecommendationsView>("/api/users/su1/recommendations")).Model == "recommender-test-1", TimeSpan.FromSeconds(30)));

        var seenBy = sent.GroupBy(i => i.UserId).ToDictionary(g => g.Key, g => g.Select(i => i.PostId).ToHashSet(StringComparer.Ordinal));
        var popular = sent.GroupBy(i => i.PostId).OrderByDescending(g => g.Select(i => i.UserId).Distinct().Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        double modelRecall = 0, popularRecall = 0;
        foreach (var (user, held) in heldOut)
        {
            var answer = await silo.GetAsync<RecommendationsView>($"/api/users/{user}/recommendations?kind=post&k=10");
            Assert.Equal("model", answer.Basis);
            Assert.Equal(10, answer.Items.Count);
            Assert.DoesNotContain(answer.Items, item => seenBy[user].Contains(item.Id));
            Assert.All(answer.Items, item => Assert.Subset(seenBy[user], item.Because.ToHashSet()));
            modelRecall += RankingMetrics.Recall([.. answer.Items.Select(i => i.Id)], held, 10);
            popularRecall += RankingMetrics.Recall([.. popular.Where(p => !seenBy[user].Contains(p)).Take(10)], held, 10);
        }

        Assert.True(modelRecall >= 3 * popularRecall, $"recall@10 {modelRecall / heldOut.Count:0.000} against popularity's {popularRecall / heldOut.Count:0.000}");
    }

    [Fact]
    public async Task A_user_the_model_has_not_seen_gets_popular_posts_of_its_interests_and_an_unknown_user_404()
    {
        var generated = new SyntheticInteractions(Tweets, users: 120, posts: 120, seed: 4).Generate(DateTime.UtcNow.AddMinutes(-5));
        await using var silo = await RunningSilo.StartAsync(null, "--Recommender:RegistryPollInterval", "00:00:01");
        foreach (var chunk in generated.Select(SyntheticInteractions.ToJson).Chunk(1_000))
        {
            Assert.Equal(HttpStatusCode.OK, (await silo.Http.PostAsJsonAsync("/api/events", chunk)).StatusCode);
        }

        var events = await ArchivedAsync(silo, generated.Count);
        var registry = RecommenderRegistry.ForDataDir(silo.DataDir);
        registry.Publish(new RecommenderTrainer(new AlsSettings(Iterations: 4), new HoldoutSplit()).Train(events, "recommender-cold-1"));
        registry.Promote("recommender-cold-1");
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            (await silo.GetAsync<RecommendationsView>("/api/users/su1/recommendations")).Model == "recommender-cold-1", TimeSpan.FromSeconds(30)));

        // A newcomer after the training: one like on a topic-3 post.
        var like = Events.Json("newcomer-1", "like", "newcomer", "topic-3", hashtags: ["topic3"]);
        like["postId"] = "post-3";
        Assert.Equal(HttpStatusCode.OK, (await silo.Http.PostAsJsonAsync("/api/events", new[] { like })).StatusCode);
        RecommendationsView? cold = null;
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
        {
            using var response = await silo.Http.GetAsync("/api/users/newcomer/recommendations?k=5");
            cold = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<RecommendationsView>() : null;
            return cold is not null;
        }));

        Assert.Equal("popular-in-interests", cold!.Basis);
        Assert.Equal(5, cold.Items.Count);
        Assert.All(cold.Items, item => Assert.Equal(["topic3"], item.Because));
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Http.GetAsync("/api/users/never-seen/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await silo.Http.GetAsync("/api/users/su1/recommendations?k=101")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await silo.Http.GetAsync("/api/users/su1/recommendations?kind=song")).StatusCode);
        var hashtags = await silo.GetAsync<RecommendationsView>("/api/users/su1/recommendations?kind=hashtag&k=3");
        Assert.Equal(("hashtag", "model"), (hashtags.Kind, hashtags.Basis));
        var campaigns = await silo.GetAsync<RecommendationsView>("/api/users/su1/recommendations?kind=campaign&k=3");
        Assert.Equal("campaign", campaigns.Kind);
    }

    /// <summary>The archive's events once it holds all <paramref name="count"/> (campaigns hand events over at their writes).</summary>
    private static async Task<List<ArchivedEvent>> ArchivedAsync(RunningSilo silo, int count)
    {
        var reader = new ArchiveReader(new FileArchiveStore(Path.Combine(silo.DataDir, "archive")));
        var events = new List<ArchivedEvent>();
        var complete = await RunningSilo.EventuallyAsync(async () =>
        {
            await ((ArchiveWriter)silo.Services.GetService(typeof(ArchiveWriter))!).FlushAsync();
            events.Clear();
            await foreach (var e in reader.ReadAsync(ArchiveQuery.All))
            {
                events.Add(e);
            }

            return events.Count == count;
        }, TimeSpan.FromSeconds(30));
        Assert.True(complete, $"the archive holds {events.Count} of {count} events");
        return events;
    }
}
