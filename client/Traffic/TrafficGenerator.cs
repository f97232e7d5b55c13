using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Client.Traffic;

/// <summary>
/// Realistic synthetic traffic: Zipf-distributed campaigns and users, an impression-heavy type mix, hashtags from a
/// small vocabulary, and real tweet texts on comments and mentions.
/// </summary>
public sealed class TrafficGenerator
{
    /// <summary>impressions ≫ views > likes > clicks > comments > shares > conversions (plus a few follows and mentions).</summary>
    private static readonly (EventType Type, double Weight)[] Mix =
    [
        (EventType.Impression, 70), (EventType.View, 12), (EventType.Like, 7), (EventType.Click, 4),
        (EventType.Comment, 2.5), (EventType.Share, 1.5), (EventType.Follow, 1), (EventType.Mention, 1), (EventType.Conversion, 1),
    ];

    private static readonly string[] Tags = ["sale", "launch", "summer", "blackfriday", "giveaway", "newin", "style", "tech", "fitness", "travel", "food", "music"];
    private static readonly Platform[] PlatformChoices = [Platform.Twitter, Platform.Instagram, Platform.Facebook, Platform.TikTok];

    private readonly Random random;
    private readonly Zipf campaigns;
    private readonly Zipf users;
    private readonly string[] texts;
    private readonly bool withText;
    private readonly double totalWeight = Mix.Sum(m => m.Weight);
    private readonly string runId = Guid.NewGuid().ToString("N")[..8];
    private long sequence;

    public TrafficGenerator(int campaignCount, int userCount, string[] texts, bool withText, int seed = 1)
    {
        random = new Random(seed);
        campaigns = new Zipf(campaignCount, 1.1, random);
        users = new Zipf(userCount, 0.9, random);
        this.texts = texts;
        this.withText = withText && texts.Length > 0;
    }

    public InteractionEvent Next()
    {
        var type = PickType();
        var hasText = withText && type.RequiresText();
        return new InteractionEvent
        {
            EventId = $"{runId}-{Interlocked.Increment(ref sequence)}",
            Platform = PlatformChoices[random.Next(PlatformChoices.Length)],
            Type = hasText || !type.RequiresText() ? type : EventType.Like,
            UserId = $"user-{users.Next()}",
            CampaignId = $"campaign-{campaigns.Next()}",
            PostId = $"post-{random.Next(500)}",
            Timestamp = DateTime.UtcNow,
            Text = hasText ? texts[random.Next(texts.Length)] : null,
            Hashtags = random.NextDouble() < 0.3 ? [Tags[random.Next(Tags.Length)]] : [],
            Value = type == EventType.Conversion ? Math.Round(random.NextDouble() * 100, 2) : 0,
            ReceivedAt = DateTime.UtcNow,
        };
    }

    public List<InteractionEvent> NextBatch(int size) => Enumerable.Range(0, size).Select(_ => Next()).ToList();

    private EventType PickType()
    {
        var x = random.NextDouble() * totalWeight;
        foreach (var (type, weight) in Mix)
        {
            if ((x -= weight) < 0)
            {
                return type;
            }
        }

        return EventType.Impression;
    }

    /// <summary>Real tweet texts shipped with the repository (data/tweeteval, see data/README.md).</summary>
    public static string[] LoadTweets()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "tweets.tsv");
        return File.Exists(path)
            ? File.ReadLines(path).Skip(1).Select(line => line[(line.IndexOf('\t') + 1)..]).Where(t => t.Length > 0).ToArray()
            : [];
    }
}
