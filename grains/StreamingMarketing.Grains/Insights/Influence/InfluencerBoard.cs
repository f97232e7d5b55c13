using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Grains.Insights.Influence;

/// <summary>
/// Users ranked by the engagement other users give their posts, weighted by how far each action carries a post:
/// share 3, mention (quoting the post) 2, reply (comment) 2, follow 2, like 1. Space-Saving over the weighted score
/// with <see cref="Capacity"/> counters: a user above 1/capacity of all attributed engagement is always on the
/// board; a newcomer inherits the evicted score as <see cref="InfluenceCounter.Error"/> (its breakdown starts at 0).
/// </summary>
[GenerateSerializer]
public sealed class InfluencerBoard
{
    [Id(0)] public int Capacity { get; set; } = 200;
    [Id(1)] public Dictionary<string, InfluenceCounter> Users { get; set; } = [];

    public static double WeightOf(EventType type) => type switch
    {
        EventType.Share => 3,
        EventType.Mention or EventType.Comment or EventType.Follow => 2,
        EventType.Like => 1,
        _ => 0,
    };

    /// <summary>Counts an interaction of someone else with a post <paramref name="author"/> wrote.</summary>
    public void Credit(string author, EventType type)
    {
        var weight = WeightOf(type);
        if (weight == 0)
        {
            return;
        }

        var counter = CounterFor(author);
        counter.Score += weight;
        switch (type)
        {
            case EventType.Share: counter.Shares++; break;
            case EventType.Mention: counter.Mentions++; break;
            case EventType.Comment: counter.Replies++; break;
            case EventType.Follow: counter.Follows++; break;
            case EventType.Like: counter.Likes++; break;
        }
    }

    /// <summary>Counts a post the user wrote, when the user is on the board (a post alone earns no place on it).</summary>
    public void CountPost(string author)
    {
        if (Users.TryGetValue(author, out var counter))
        {
            counter.Posts++;
        }
    }

    public List<InfluencerView> Top(int top) => Users
        .OrderByDescending(pair => pair.Value.Score)
        .ThenBy(pair => pair.Key, StringComparer.Ordinal)
        .Take(top)
        .Select(pair => new InfluencerView
        {
            UserId = pair.Key,
            Score = pair.Value.Score,
            SharesReceived = pair.Value.Shares,
            MentionsReceived = pair.Value.Mentions,
            RepliesReceived = pair.Value.Replies,
            LikesReceived = pair.Value.Likes,
            FollowsGained = pair.Value.Follows,
            Posts = pair.Value.Posts,
            MaxOverestimate = pair.Value.Error,
        })
        .ToList();

    private InfluenceCounter CounterFor(string user)
    {
        if (Users.TryGetValue(user, out var counter))
        {
            return counter;
        }

        if (Users.Count < Capacity)
        {
            return Users[user] = new InfluenceCounter();
        }

        var weakest = Users.MinBy(pair => pair.Value.Score);
        Users.Remove(weakest.Key);
        return Users[user] = new InfluenceCounter { Score = weakest.Value.Score, Error = weakest.Value.Score };
    }
}

[GenerateSerializer]
public sealed class InfluenceCounter
{
    [Id(0)] public double Score { get; set; }
    [Id(1)] public double Error { get; set; }
    [Id(2)] public long Shares { get; set; }
    [Id(3)] public long Mentions { get; set; }
    [Id(4)] public long Replies { get; set; }
    [Id(5)] public long Likes { get; set; }
    [Id(6)] public long Follows { get; set; }
    [Id(7)] public long Posts { get; set; }
}
