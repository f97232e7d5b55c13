using MathNet.Numerics.LinearAlgebra;
using StreamingMarketing.Recommend.Training;

namespace StreamingMarketing.Recommend.Model;

/// <summary>One recommendation of an item, its score and the user's own items that led to it, strongest first.</summary>
public sealed record ScoredItem(string Id, double Score, IReadOnlyList<string> Because);

/// <summary>
/// One kind's trained factors (users × k, items × k), each user's items, and item popularity and tags for users the
/// model has not seen. Immutable once built; safe to read from many threads.
/// </summary>
public sealed class FactorModel
{
    private readonly Dictionary<string, int> userIndex;
    private readonly Matrix<double> itemGram;

    public FactorModel(AlsSettings settings, string[] users, double[][] userFactors, string[] items, double[][] itemFactors,
        (int Item, double Weight)[][] history, double[] popularity, string[][] itemTags)
    {
        Settings = settings;
        Users = users;
        UserFactors = userFactors;
        Items = items;
        ItemFactors = itemFactors;
        History = history;
        Popularity = popularity;
        ItemTags = itemTags;
        userIndex = new Dictionary<string, int>(users.Length, StringComparer.Ordinal);
        for (var u = 0; u < users.Length; u++)
        {
            userIndex[users[u]] = u;
        }

        itemGram = ImplicitAls.Gram(itemFactors, settings.Factors);
        PopularOrder = [.. Enumerable.Range(0, items.Length).OrderByDescending(i => popularity[i]).ThenBy(i => items[i], StringComparer.Ordinal)];
    }

    public AlsSettings Settings { get; }
    public string[] Users { get; }
    public double[][] UserFactors { get; }
    public string[] Items { get; }
    public double[][] ItemFactors { get; }
    public (int Item, double Weight)[][] History { get; }
    public double[] Popularity { get; }
    public string[][] ItemTags { get; }

    /// <summary>Item indices, most popular first.</summary>
    public int[] PopularOrder { get; }

    public static FactorModel Train(InteractionSet set, AlsSettings settings, CancellationToken cancellationToken = default)
    {
        var (users, items) = ImplicitAls.Fit(set, settings, cancellationToken);
        var popularity = new double[set.Items.Count];
        foreach (var row in set.Rows)
        {
            foreach (var (i, _) in row)
            {
                popularity[i]++;
            }
        }

        return new FactorModel(settings, [.. set.Users], users, [.. set.Items], items,
            [.. set.Rows.Select(r => r.Select(p => (p.Key, p.Value.Weight)).ToArray())], popularity,
            [.. set.ItemTags.Select(t => t.Order(StringComparer.Ordinal).ToArray())]);
    }

    public bool Knows(string user) => userIndex.ContainsKey(user);

    /// <summary>The <paramref name="k"/> best items the user has not interacted with, each with its reasons.</summary>
    public List<ScoredItem> Recommend(string user, int k, int because = 3)
    {
        var u = userIndex[user];
        var x = UserFactors[u];
        var seen = History[u].Select(h => h.Item).ToHashSet();
        var top = TopItems(i => Dot(x, ItemFactors[i]), seen, k);
        var weights = ImplicitAls.WeightedSystem(itemGram, ItemFactors, [.. History[u].Select(h => (h.Item, h.Weight))], Settings).Inverse();
        return [.. top.Select(t => new ScoredItem(Items[t.Item], t.Score, Explain(weights, u, t.Item, because)))];
    }

    /// <summary>
    /// Why item i scores for user u: Hu, Koren and Volinsky (2008, §5) write the score as Σ_j s_ij c_uj over the user's
    /// items j, with s_ij = y_iᵀ W^u y_j and W^u = (YᵀC^uY + λI)⁻¹; the largest terms are the items that led to it.
    /// </summary>
    public List<string> Explain(Matrix<double> weights, int u, int item, int count)
    {
        var yi = Vector<double>.Build.DenseOfArray(ItemFactors[item]) * weights;
        return [.. History[u]
            .Select(h => (h.Item, Contribution: yi.DotProduct(Vector<double>.Build.DenseOfArray(ItemFactors[h.Item])) * (1 + Settings.Alpha * h.Weight)))
            .Where(c => c.Contribution > 0)
            .OrderByDescending(c => c.Contribution)
            .Take(count)
            .Select(c => Items[c.Item])];
    }

    /// <summary>The most popular items, those carrying one of <paramref name="tags"/> first when any are given.</summary>
    public List<ScoredItem> Popular(int k, IReadOnlyCollection<string>? tags = null, IReadOnlySet<string>? exclude = null)
    {
        IEnumerable<int> order = PopularOrder;
        if (tags is { Count: > 0 })
        {
            var wanted = tags.ToHashSet(StringComparer.Ordinal);
            order = PopularOrder.Where(i => ItemTags[i].Any(wanted.Contains)).Concat(PopularOrder.Where(i => !ItemTags[i].Any(wanted.Contains)));
        }

        return [.. order.Where(i => exclude is null || !exclude.Contains(Items[i])).Take(k)
            .Select(i => new ScoredItem(Items[i], Popularity[i], ItemTags[i].Where(t => tags?.Contains(t) == true).ToArray()))];
    }

    public List<(int Item, double Score)> TopItems(Func<int, double> score, IReadOnlySet<int> exclude, int k)
    {
        var heap = new PriorityQueue<int, double>(k + 1);
        for (var i = 0; i < Items.Length; i++)
        {
            if (exclude.Contains(i))
            {
                continue;
            }

            var s = score(i);
            if (heap.Count < k)
            {
                heap.Enqueue(i, s);
            }
            else if (heap.TryPeek(out _, out var lowest) && s > lowest)
            {
                heap.DequeueEnqueue(i, s);
            }
        }

        var top = new List<(int, double)>(heap.Count);
        while (heap.TryDequeue(out var i, out var s))
        {
            top.Add((i, s));
        }

        top.Reverse();
        return top;
    }

    public static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
