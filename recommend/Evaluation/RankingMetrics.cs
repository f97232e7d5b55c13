namespace StreamingMarketing.Recommend.Evaluation;

/// <summary>Top-k ranking metrics over held-out items, averaged over users.</summary>
public sealed record RankingMetrics(double RecallAtK, double NdcgAtK, int Users, int K)
{
    /// <summary>Recall@k = hits / min(k, |held out|), so a user with more held-out items than k can still reach 1.</summary>
    public static double Recall(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int k) =>
        relevant.Count == 0 ? 0 : (double)ranked.Take(k).Count(relevant.Contains) / Math.Min(k, relevant.Count);

    /// <summary>NDCG@k with binary relevance: Σ 1/log2(rank + 1) over hits, over the same for an ideal ranking.</summary>
    public static double Ndcg(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int k)
    {
        var dcg = 0.0;
        for (var r = 0; r < Math.Min(k, ranked.Count); r++)
        {
            if (relevant.Contains(ranked[r]))
            {
                dcg += 1 / Math.Log2(r + 2);
            }
        }

        var ideal = 0.0;
        for (var r = 0; r < Math.Min(k, relevant.Count); r++)
        {
            ideal += 1 / Math.Log2(r + 2);
        }

        return ideal == 0 ? 0 : dcg / ideal;
    }

    public static RankingMetrics Evaluate(IReadOnlyDictionary<string, HashSet<string>> heldOut, Func<string, IReadOnlyList<string>?> rank, int k)
    {
        double recall = 0, ndcg = 0;
        var users = 0;
        foreach (var (user, relevant) in heldOut)
        {
            if (rank(user) is not { } ranked)
            {
                continue;
            }

            recall += Recall(ranked, relevant, k);
            ndcg += Ndcg(ranked, relevant, k);
            users++;
        }

        return users == 0 ? new RankingMetrics(0, 0, 0, k) : new RankingMetrics(recall / users, ndcg / users, users, k);
    }
}
