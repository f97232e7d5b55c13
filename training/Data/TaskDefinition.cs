using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// A head the training service trains: its labels (graph output order), the shipped TweetEval files it learns
/// from, and the recipes cross-validation chooses among. A brand-safety head (<see cref="TestFile"/> set) also
/// learns from sober hard negatives (<see cref="SoberText"/>), is calibrated and gets a documented threshold,
/// and is measured on its test split, which stays out of training and calibration.
/// </summary>
public sealed record TaskDefinition(string Task, IReadOnlyList<string> Labels, IReadOnlyList<string> Files, IReadOnlyList<HeadRecipe> Candidates, string? TestFile = null)
{
    public bool IsBrandSafety => TestFile is not null;

    /// <summary>
    /// Every variant measured for the sentiment head (README lists their scores). Ties go to the earlier, simpler
    /// recipe; the MLP and ensemble settings are the best of a wider search (training/README.md, "Sentiment quality").
    /// </summary>
    public static readonly IReadOnlyList<HeadRecipe> SentimentCandidates =
    [
        .. new[]
        {
            "logreg(l2=300,l1=1)",
            "logreg(l2=1000,l1=0)",
            "logreg(l2=100,l1=0,lexicon)",
            "logreg(l2=300,l1=0,lexicon)",
            "logreg(l2=1000,l1=0,lexicon)",
            "logreg(l2=3000,l1=0,lexicon)",
            "mlp(hidden=256,epochs=8,dropout=0.5,decay=0.001,lr=0.0005,seed=1)",
            "mlp(hidden=128,epochs=10,dropout=0.5,decay=0.001,lr=0.0005,seed=1,lexicon)",
            "mlp(hidden=256,epochs=8,dropout=0.5,decay=0.001,lr=0.0005,seed=1,lexicon)",
            "ensemble(mlp(hidden=256,epochs=8,dropout=0.5,decay=0.001,lr=0.0005,seed=1,lexicon)+mlp(hidden=256,epochs=8,dropout=0.5,decay=0.001,lr=0.0005,seed=2,lexicon)+mlp(hidden=256,epochs=8,dropout=0.5,decay=0.001,lr=0.0005,seed=3,lexicon))",
            "ensemble(logreg(l2=1000,l1=0,lexicon)+mlp(hidden=256,epochs=8,dropout=0.5,decay=0.001,lr=0.0005,seed=1,lexicon)+mlp(hidden=256,epochs=8,dropout=0.5,decay=0.001,lr=0.0005,seed=2,lexicon)+mlp(hidden=256,epochs=8,dropout=0.5,decay=0.001,lr=0.0005,seed=3,lexicon))",
        }.Select(HeadRecipe.Parse),
    ];

    /// <summary>The further heads: logistic regression with and without the lexicon, whichever cross-validates better.</summary>
    private static readonly IReadOnlyList<HeadRecipe> ExtraCandidates =
        [HeadRecipe.Parse("logreg(l2=1000,l1=0)"), HeadRecipe.Parse("logreg(l2=1000,l1=0,lexicon)")];

    /// <summary>
    /// The brand-safety heads' candidates: the further heads', and the lexicon head with insult cues beside it (see
    /// training/README.md for the search behind them).
    /// </summary>
    private static readonly IReadOnlyList<HeadRecipe> BrandSafetyCandidates =
        [.. ExtraCandidates, HeadRecipe.Parse("logreg(l2=1000,l1=0,lexicon,insults)")];

    public static TaskDefinition Sentiment(IReadOnlyList<HeadRecipe>? candidates = null) => new(
        "sentiment", SentimentService.SentimentLabels,
        ["tweeteval/sentiment_train.tsv", "tweeteval/sentiment_val.tsv"], candidates ?? SentimentCandidates);

    public static IReadOnlyList<TaskDefinition> Extra { get; } =
    [
        new(SentimentService.EmotionTask, SentimentService.ExtraHeadLabels[SentimentService.EmotionTask],
            ["tweeteval/emotion_train.tsv", "tweeteval/emotion_val.tsv", "tweeteval/emotion_test.tsv"], ExtraCandidates),
        new(SentimentService.OffensiveTask, SentimentService.ExtraHeadLabels[SentimentService.OffensiveTask],
            ["tweeteval/offensive_train.tsv", "tweeteval/offensive_val.tsv"], BrandSafetyCandidates, TestFile: "tweeteval/offensive_test.tsv"),
        new(SentimentService.HateTask, SentimentService.ExtraHeadLabels[SentimentService.HateTask],
            ["tweeteval/hate_train.tsv", "tweeteval/hate_val.tsv"], BrandSafetyCandidates, TestFile: "tweeteval/hate_test.tsv"),
    ];
}
