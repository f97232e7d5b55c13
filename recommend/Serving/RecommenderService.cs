using StreamingMarketing.Recommend.Model;

namespace StreamingMarketing.Recommend.Serving;

/// <summary>The silo's serving recommender: swapped whole by <see cref="RecommenderWatcher"/>, read lock-free by grains.</summary>
public sealed class RecommenderService
{
    private volatile RecommenderModel? current;

    public RecommenderModel? Current => current;

    public void Activate(RecommenderModel model) => current = model;
}
