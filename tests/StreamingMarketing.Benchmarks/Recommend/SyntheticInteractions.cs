using StreamingMarketing.Client.Traffic;
using System.Globalization;

namespace StreamingMarketing.Benchmarks.Recommend;

/// <summary>
/// A synthetic but realistic interaction set, since no public interaction data set (MovieLens included) is served
/// here: posts are real tweets (TweetEval's validation split, data/tweeteval), comments quote other real tweets, and
/// what is synthetic is the structure: each post belongs to one of <see cref="Topics"/> topics (its hashtag), each
/// user follows one or two topics, picks posts within them by Zipf popularity most of the time and from the global
/// Zipf popularity otherwise, and interacts as like &gt; comment &gt; share &gt; click &gt; conversion in frequency.
/// Users' interactions run forward in event time, so the latest are the ones a recommender is asked to predict.
/// </summary>
public sealed class SyntheticInteractions(string tweetsTsv, int users = 600, int posts = 500, int topics = 20, double onTopic = 0.85, int seed = 42)
{
    public int Topics => topics;

    public sealed record Interaction(string EventId, string Type, string UserId, string CampaignId, string PostId, DateTime At, string? Text, string Hashtag);

    public List<Interaction> Generate(DateTime end)
    {
        var random = new Random(seed);
        var tweets = File.ReadLines(tweetsTsv).Skip(1).Select(line => line[(line.IndexOf('\t') + 1)..].Trim('"')).Where(t => t.Length > 0).ToArray();
        var topicOf = Enumerable.Range(0, posts).Select(p => p % topics).ToArray();
        var byTopic = Enumerable.Range(0, topics).Select(t => Enumerable.Range(0, posts).Where(p => topicOf[p] == t).ToArray()).ToArray();
        var global = new Zipf(posts, 1.0, random);
        var within = byTopic.Select(list => new Zipf(list.Length, 0.9, random)).ToArray();
        var interactions = new List<Interaction>();
        var start = end.AddHours(-20);
        for (var u = 0; u < users; u++)
        {
            var tastes = random.Next(3) == 0 ? new[] { random.Next(topics), random.Next(topics) } : [random.Next(topics)];
            var count = 6 + (int)(random.NextDouble() * random.NextDouble() * 40);
            var at = start.AddMinutes(random.Next(120));
            for (var n = 0; n < count; n++)
            {
                int post;
                if (random.NextDouble() < onTopic)
                {
                    var topic = tastes[random.Next(tastes.Length)];
                    post = byTopic[topic][within[topic].Next()];
                }
                else
                {
                    post = global.Next();
                }

                var roll = random.NextDouble();
                var type = roll < 0.6 ? "like" : roll < 0.85 ? "comment" : roll < 0.93 ? "share" : roll < 0.98 ? "click" : "conversion";
                at = at.AddMinutes(1 + random.Next(30));
                if (at >= end)
                {
                    at = end.AddSeconds(-count + n);
                }

                interactions.Add(new Interaction($"syn-{seed}-{u}-{n}", type, $"su{u}", $"topic-{topicOf[post] % 4}",
                    $"post-{post}", at, type == "comment" ? tweets[random.Next(tweets.Length)] : null, $"topic{topicOf[post]}"));
            }
        }

        return interactions;
    }

    /// <summary>The event as <c>POST /api/events</c> takes it.</summary>
    public static Dictionary<string, object?> ToJson(Interaction i)
    {
        var json = new Dictionary<string, object?>
        {
            ["eventId"] = i.EventId,
            ["platform"] = "twitter",
            ["type"] = i.Type,
            ["userId"] = i.UserId,
            ["campaignId"] = i.CampaignId,
            ["postId"] = i.PostId,
            ["timestamp"] = i.At.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["hashtags"] = new[] { i.Hashtag },
        };
        if (i.Text is not null)
        {
            json["text"] = i.Text;
        }

        if (i.Type == "conversion")
        {
            json["value"] = 10;
        }

        return json;
    }

    /// <summary>Leave-latest-out by user, as the trainer does: the latest 20% of each user's posts (at least one) for users with 3 or more.</summary>
    public static (List<Interaction> Train, Dictionary<string, HashSet<string>> HeldOut) Split(List<Interaction> interactions)
    {
        var heldOut = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var user in interactions.GroupBy(i => i.UserId))
        {
            var posts = user.GroupBy(i => i.PostId).Select(g => (Post: g.Key, Latest: g.Max(i => i.At))).OrderByDescending(p => p.Latest).ThenBy(p => p.Post, StringComparer.Ordinal).ToList();
            if (posts.Count >= 3)
            {
                heldOut[user.Key] = [.. posts.Take(Math.Max(1, (int)(posts.Count * 0.2))).Select(p => p.Post)];
            }
        }

        return ([.. interactions.Where(i => !(heldOut.TryGetValue(i.UserId, out var held) && held.Contains(i.PostId)))], heldOut);
    }
}
