using StreamingMarketing.Archive.Segments;

namespace StreamingMarketing.Recommend.Training;

/// <summary>
/// A user × item matrix of summed interaction weights, with dense indices both ways; each user's items also keep the
/// time of their latest interaction, which the held-out split needs.
/// </summary>
public sealed class InteractionSet
{
    private readonly Dictionary<string, int> userIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> itemIndex = new(StringComparer.Ordinal);

    public List<string> Users { get; } = [];
    public List<string> Items { get; } = [];

    /// <summary>Per user: item index → (summed weight, latest time).</summary>
    public List<Dictionary<int, (double Weight, DateTime Latest)>> Rows { get; } = [];

    /// <summary>Per item: the tags seen on it (posts: their hashtags), for cold-start answers.</summary>
    public List<HashSet<string>> ItemTags { get; } = [];

    public long InteractionCount { get; private set; }

    public static IEnumerable<Interaction> FromEvent(ArchivedEvent e, RecommendationKind kind)
    {
        var weight = InteractionWeights.Of(e.Type);
        if (weight <= 0)
        {
            yield break;
        }

        switch (kind)
        {
            case RecommendationKind.Post when e.PostId is { } post:
                yield return new Interaction(e.UserId, post, weight, e.Timestamp);
                break;
            case RecommendationKind.Campaign:
                yield return new Interaction(e.UserId, e.CampaignId, weight, e.Timestamp);
                break;
            case RecommendationKind.Hashtag:
                foreach (var tag in e.Hashtags)
                {
                    yield return new Interaction(e.UserId, tag, weight, e.Timestamp);
                }

                break;
        }
    }

    public void Add(Interaction interaction, IEnumerable<string>? tags = null)
    {
        if (!userIndex.TryGetValue(interaction.User, out var u))
        {
            userIndex[interaction.User] = u = Users.Count;
            Users.Add(interaction.User);
            Rows.Add([]);
        }

        if (!itemIndex.TryGetValue(interaction.Item, out var i))
        {
            itemIndex[interaction.Item] = i = Items.Count;
            Items.Add(interaction.Item);
            ItemTags.Add(new HashSet<string>(StringComparer.Ordinal));
        }

        var row = Rows[u];
        row[i] = row.TryGetValue(i, out var cell)
            ? (cell.Weight + interaction.Weight, interaction.At > cell.Latest ? interaction.At : cell.Latest)
            : (interaction.Weight, interaction.At);
        if (tags is not null)
        {
            ItemTags[i].UnionWith(tags);
        }

        InteractionCount++;
    }

    public int? UserIndex(string user) => userIndex.TryGetValue(user, out var u) ? u : null;

    public int? ItemIndex(string item) => itemIndex.TryGetValue(item, out var i) ? i : null;
}
