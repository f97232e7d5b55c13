using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>What one training run uses; shared by train, evaluate and serve.</summary>
public sealed record TrainingOptions(
    string DataDirectory,
    string Datasets,
    int Folds,
    ExecutionDevice Device,
    int? Sample,
    IReadOnlyList<HeadRecipe>? SentimentRecipes,
    bool ExtraHeads)
{
    public const int Seed = 2017;
}
