using MathNet.Numerics.LinearAlgebra;
using StreamingMarketing.Recommend.Evaluation;
using StreamingMarketing.Recommend.Model;
using StreamingMarketing.Recommend.Registry;
using StreamingMarketing.Recommend.Training;

namespace StreamingMarketing.Tests.Recommend;

public sealed class ImplicitAlsTests
{
    private static readonly DateTime At = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Two communities: users 0–5 like items a0–a4, users 6–11 like b0–b4, each user missing one item of its own.</summary>
    private static InteractionSet TwoBlocks()
    {
        var set = new InteractionSet();
        for (var u = 0; u < 12; u++)
        {
            var block = u < 6 ? "a" : "b";
            for (var i = 0; i < 5; i++)
            {
                if (i != u % 5)
                {
                    set.Add(new Interaction($"u{u}", $"{block}{i}", 1 + (i % 3), At.AddMinutes(i)));
                }
            }
        }

        return set;
    }

    [Fact]
    public void A_user_solve_equals_the_papers_closed_form_with_the_full_confidence_matrix()
    {
        // Hu, Koren, Volinsky (2008), eq. (4): x_u = (YᵀC^uY + λI)⁻¹ YᵀC^u p(u), here with C^u and p(u) spelled out
        // over every item, against the solver's shortcut through YᵀY and the user's own items only.
        var settings = new AlsSettings(Factors: 3, Regularization: 0.3, Alpha: 2);
        var random = new Random(1);
        var items = Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, 3).Select(_ => random.NextDouble() - 0.5).ToArray()).ToArray();
        List<(int, double)> observed = [(1, 2.0), (4, 5.0)];

        var fast = ImplicitAls.Solve(ImplicitAls.Gram(items, 3), items, observed, settings);

        var y = Matrix<double>.Build.DenseOfRowArrays(items);
        var c = Matrix<double>.Build.DenseIdentity(6);
        var p = Vector<double>.Build.Dense(6);
        foreach (var (i, r) in observed)
        {
            c[i, i] = 1 + settings.Alpha * r;
            p[i] = 1;
        }

        var exact = (y.Transpose() * c * y + Matrix<double>.Build.DenseIdentity(3) * settings.Regularization).Solve(y.Transpose() * c * p);
        for (var a = 0; a < 3; a++)
        {
            Assert.Equal(exact[a], fast[a], 10);
        }
    }

    [Fact]
    public void Each_user_is_recommended_the_missing_item_of_its_own_community_first()
    {
        // Two factors for a rank-two structure: with more, twelve users are too few to keep ALS from memorising them.
        var model = FactorModel.Train(TwoBlocks(), new AlsSettings(Factors: 2, Iterations: 15, Regularization: 0.05, Alpha: 5));

        for (var u = 0; u < 12; u++)
        {
            var top = model.Recommend($"u{u}", 1).Single();
            Assert.Equal($"{(u < 6 ? "a" : "b")}{u % 5}", top.Id);
            Assert.All(top.Because, item => Assert.StartsWith(u < 6 ? "a" : "b", item));
            Assert.NotEmpty(top.Because);
        }
    }

    [Fact]
    public void Recommendations_leave_out_what_the_user_already_has()
    {
        var model = FactorModel.Train(TwoBlocks(), new AlsSettings(Factors: 4, Iterations: 10));

        var items = model.Recommend("u0", 10).Select(r => r.Id).ToList();

        Assert.DoesNotContain("a1", items);
        Assert.Contains("a0", items);
        Assert.Equal(6, items.Count);
    }

    [Fact]
    public void Ranking_metrics_match_hand_computed_values()
    {
        HashSet<string> relevant = ["x", "y"];

        Assert.Equal(0.5, RankingMetrics.Recall(["a", "x", "b"], relevant, 10));
        Assert.Equal(1 / Math.Log2(3) / (1 + 1 / Math.Log2(3)), RankingMetrics.Ndcg(["a", "x", "b"], relevant, 10), 12);
        Assert.Equal(1.0, RankingMetrics.Ndcg(["y", "x"], relevant, 10), 12);
    }

    [Fact]
    public void The_held_out_items_are_each_users_latest()
    {
        var interactions = Enumerable.Range(0, 5).Select(i => (new Interaction("u", $"p{i}", 1, At.AddHours(i)), Array.Empty<string>())).ToList();
        interactions.Add((new Interaction("short", "p0", 1, At), []));

        var (train, heldOut) = new HoldoutSplit(Fraction: 0.4).Split(interactions);

        Assert.Equal(["p3", "p4"], heldOut["u"].Order());
        Assert.False(heldOut.ContainsKey("short"));
        Assert.Equal(4, train.InteractionCount);
    }

    [Fact]
    public void A_published_package_loads_back_with_the_same_recommendations_and_a_corrupt_one_is_refused()
    {
        var root = Directory.CreateTempSubdirectory("sm-recommender-").FullName;
        try
        {
            var registry = new RecommenderRegistry(root);
            var kinds = new Dictionary<RecommendationKind, FactorModel> { [RecommendationKind.Post] = FactorModel.Train(TwoBlocks(), new AlsSettings(Factors: 4)) };
            registry.Publish(new RecommenderModel("rec-1", DateTimeOffset.UtcNow, kinds, []));
            registry.Promote("rec-1");

            var loaded = registry.Load(registry.PromotedVersion()!);

            Assert.Equal(
                kinds[RecommendationKind.Post].Recommend("u3", 3).Select(r => (r.Id, Math.Round(r.Score, 4))),
                loaded.Kinds[RecommendationKind.Post].Recommend("u3", 3).Select(r => (r.Id, Math.Round(r.Score, 4))));
            File.AppendAllText(Path.Combine(root, "rec-1", RecommenderPackage.FactorsFile), "x");
            Assert.Throws<InvalidDataException>(() => registry.Load("rec-1"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
