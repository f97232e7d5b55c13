using StreamingMarketing.Contracts;
using StreamingMarketing.Grains.Aggregation;

namespace StreamingMarketing.Grains.Insights.Influence;

/// <summary>
/// Who wrote which post, as far as events tell: the user of the first <c>mention</c> event carrying a post id is
/// taken as that post's author (a mention is a user's own post naming the campaign). Posts first seen through any
/// other event are the campaign's own and have no author here. The last <see cref="Capacity"/> posts are kept,
/// forgotten oldest first; engagement on a forgotten post is not attributed.
/// </summary>
[GenerateSerializer]
public sealed class PostAuthors
{
    [Id(0)] public int Capacity { get; set; } = 5_000;
    [Id(1)] public Dictionary<ulong, string> Authors { get; set; } = [];

    /// <summary>Post hashes in the order they were learnt, as a ring once full.</summary>
    [Id(2)] public List<ulong> Order { get; set; } = [];
    [Id(3)] public int Next { get; set; }

    public string? AuthorOf(string postId) => Authors.GetValueOrDefault(StableStringHash.Of(postId));

    /// <summary>True when the post had no author yet and now has <paramref name="userId"/>.</summary>
    public bool TryClaim(string postId, string userId)
    {
        var post = StableStringHash.Of(postId);
        if (!Authors.TryAdd(post, userId))
        {
            return false;
        }

        if (Order.Count < Capacity)
        {
            Order.Add(post);
            return true;
        }

        Authors.Remove(Order[Next]);
        Order[Next] = post;
        Next = (Next + 1) % Capacity;
        return true;
    }
}
