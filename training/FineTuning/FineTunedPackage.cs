using System.Globalization;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>
/// One version holding a fine-tuned encoder (as a delta over the base graph) and every head trained on it: the
/// sentiment head trained with the encoder, and the other heads re-fitted on the fine-tuned embeddings by the
/// ordinary recipes, so one encoder pass serves them all. The manifest's encoder hash is the fine-tuned graph's.
/// </summary>
public static class FineTunedPackage
{
    /// <summary>Training setting naming the fine-tune spec; its presence marks a fine-tuned package.</summary>
    public const string FineTuneKey = "fineTune";

    public const string DeltaFile = "encoder-delta.pb";

    public static ModelManifest Write(string version, string output, WrittenEncoder encoder, string baseSha256, ChosenSentimentHead sentiment,
        FineTuneData data, FineTuneOptions options, FineTuneResult result, IReadOnlyList<(TrainedTask Task, TaskHead Head)> extraHeads)
    {
        var labels = SentimentService.SentimentLabels;
        var sentimentTraining = data.SentimentTraining;
        var counts = labels.ToDictionary(l => l, l => sentimentTraining.Count(e => labels[e.Label] == l));
        var manifest = new ModelManifest
        {
            Version = version,
            CreatedAt = DateTimeOffset.UtcNow,
            Labels = labels,
            Encoder = new EncoderReference(EncoderFiles.EncoderId, encoder.Sha256, "mean", Normalized: true, TextTokenizer.MaxTokens,
                new EncoderDeltaReference(Path.GetFileName(encoder.DeltaPath), EncoderFiles.HashFile(encoder.DeltaPath), baseSha256, encoder.Tensors)),
            Head = sentiment.Head,
            Validation = sentiment.Validation,
            Data = new DataDescription("Sentiment tweets the encoder and head were fine-tuned on (see data/README.md for attribution); validation tweets held out",
                [.. data.Sources, $"validation: data/{FineTuneData.ValidationFile} ({data.Validation.Count})"], sentimentTraining.Count, counts),
            Training = new Dictionary<string, string>
            {
                [FineTuneKey] = options.Spec,
                ["sentimentHead"] = sentiment.Spec,
                ["trainedLayers"] = $"top {options.Layers} of {BertSentenceEncoder.LayerCount} encoder layers + a linear sentiment head{(options.OffensiveWeight > 0 ? " + a linear offensive head (multi-task; the served offensive head is re-fitted below)" : "")}; embeddings and lower layers frozen",
                ["trainingSeconds"] = result.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture),
                ["steps"] = result.Steps.ToString(CultureInfo.InvariantCulture),
                ["stoppedEarly"] = result.StoppedEarly ? "true" : "false",
                ["trainingLoss"] = string.Create(CultureInfo.InvariantCulture, $"{result.TrainingLossBefore:F4} before, {result.TrainingLossAfter:F4} after (first {Math.Min(256, sentimentTraining.Count)} training texts of each task)"),
                ["validationHistory"] = string.Join("; ", result.History.Select(h => string.Create(CultureInfo.InvariantCulture, $"epoch {h.Epoch} step {h.Step}: {h.Validation.MacroRecall:F4}{(h.Offensive is { } o ? $", offensive macro-F1 {o.MacroF1:F4}" : "")}"))),
                ["encoderParity"] = string.Create(CultureInfo.InvariantCulture, $"ONNX Runtime on the rewritten graph vs TorchSharp: max |Δ| {encoder.MaxDifference:E2} on validation tweets"),
                ["export"] = "fine-tuned initializers written into the base graph (same names and operators) as an encoder delta; heads written directly as ONNX and verified with ONNX Runtime",
                ["extraHeadRecipes"] = string.Join("; ", extraHeads.Select(h => $"{h.Task.Task}={h.Task.Chosen.Recipe.Spec}")),
            },
            Heads = extraHeads.Count > 0 ? extraHeads.ToDictionary(h => h.Task.Task, h => h.Head, StringComparer.Ordinal) : null,
        };
        manifest.Write(output);
        ModelPackage.Verify(output);
        return manifest;
    }
}
