using Spectre.Console;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>The sentiment head a fine-tuned package ships, with its validation metrics on the served path.</summary>
public sealed record ChosenSentimentHead(string Spec, HeadReference Head, ValidationMetrics Validation);

/// <summary>
/// Picks the fine-tuned package's sentiment head on the validation tweets, all measured on the served path (ONNX
/// Runtime embeddings of the fine-tuned graph): the linear head trained with the encoder, and the frozen-encoder
/// recipes (VADER's valence scores beside the embedding gave the one clear lift there) fitted on the fine-tuned
/// embeddings of the in-distribution training tweets. The winner is exported and verified like every head.
/// </summary>
public static class SentimentHeadChoice
{
    public const string JointHeadSpec = "fine-tuned linear head";

    public static readonly IReadOnlyList<HeadRecipe> Recipes =
        [HeadRecipe.Parse("logreg(l2=100,l1=0,lexicon)"), HeadRecipe.Parse("logreg(l2=1000,l1=0,lexicon)"), HeadRecipe.Parse("logreg(l2=1000,l1=0)")];

    public static ChosenSentimentHead Choose(SentimentFineTuneModel model, SentenceEncoder fineTuned, FineTuneData data, string output, bool jointOnly)
    {
        var labels = SentimentService.SentimentLabels;
        var training = data.Training.Where(e => e.InDistribution).ToList();
        var trainingTexts = training.Select(e => e.Text).ToList();
        var validationTexts = data.Validation.Select(e => e.Text).ToList();
        var embeddings = CorpusEmbedder.EmbedUncached(fineTuned, [.. trainingTexts, .. validationTexts]);
        var trainingEmbeddings = embeddings[..training.Count];
        var validationEmbeddings = embeddings[training.Count..];
        var truth = data.Validation.Select(e => e.Label).ToArray();
        var method = $"TweetEval sentiment_val ({data.Validation.Count} tweets), held out of fine-tuning (it stops it early and picks the head); served path (ONNX Runtime)";

        var candidates = new List<(string Spec, HeadModel Head, IReadOnlyList<float[]> ValidationFeatures)>
        {
            (JointHeadSpec, new HeadModel([new DenseNetwork([model.ExportHead()])], Inputs: default), validationEmbeddings),
        };
        foreach (var recipe in jointOnly ? [] : Recipes)
        {
            var features = FeatureSet.Build(trainingEmbeddings, trainingTexts, recipe.Inputs);
            candidates.Add((recipe.Spec, recipe.Fit(features, training.Select(e => e.Label).ToArray(), labels.Count),
                FeatureSet.Build(validationEmbeddings, validationTexts, recipe.Inputs)));
        }

        var table = new Table().Title("sentiment head on the fine-tuned encoder, validation tweets").AddColumn("head")
            .AddColumn(new TableColumn("macro-recall").RightAligned()).AddColumn(new TableColumn("accuracy").RightAligned()).AddColumn(new TableColumn("macro-F1").RightAligned());
        (string Spec, HeadModel Head, IReadOnlyList<float[]> Features, ValidationMetrics Metrics)? best = null;
        foreach (var (spec, head, features) in candidates)
        {
            var predicted = head.Predict(features).Select(p => Array.IndexOf(p, p.Max())).ToArray();
            var metrics = ClassificationReport.Compute(method, labels, truth, predicted);
            table.AddRow(Markup.Escape(spec), $"{metrics.MacroRecall:F4}", $"{metrics.Accuracy:F4}", $"{metrics.MacroF1:F4}");
            if (best is null || metrics.MacroRecall > best.Value.Metrics.MacroRecall)
            {
                best = (spec, head, features, metrics);
            }
        }

        AnsiConsole.Write(table);
        var chosen = best!.Value;
        var reference = HeadExport.Write(chosen.Head, Path.Combine(output, "sentiment.onnx"), chosen.Features, "sentiment");
        return new ChosenSentimentHead(chosen.Spec, reference, chosen.Metrics with { Method = $"{method}; head: {chosen.Spec}" });
    }
}
