using Microsoft.Extensions.DependencyInjection;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.Placement;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Scoring;

/// <summary>
/// The scorer as a grain: a stateless worker (activations scale out per silo under load) placed only on silos that
/// hold the scoring role. Every activation on a silo shares that silo's <see cref="SentimentService"/>, so
/// concurrent requests from many campaign grains meet in the same micro-batches.
/// </summary>
[StatelessWorker]
[RequiresRole(SiloRoles.Scoring)]
public sealed class SentimentScorerGrain(IServiceProvider services) : Grain, ISentimentScorerGrain
{
    private SentimentService Scorer => services.GetService<SentimentService>()
        ?? throw new ScoringUnavailableException("This silo holds the scoring role but has no sentiment service registered.");

    public async Task<SentimentScore[]> ScoreLabelsAsync(string[] texts)
    {
        var predictions = await ScoreOrThrowAsync(texts);
        var scores = new SentimentScore[predictions.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            var p = predictions[i];
            scores[i] = new SentimentScore(ToLabel(p.Label), (float)p.Score)
            {
                Emotion = ToEmotion(p.Emotion?.Label),
                BrandSafety = ToFlags(p.BrandSafety),
            };
        }

        return scores;
    }

    public async Task<SentimentResponse> ScoreAsync(string[] texts)
    {
        var predictions = await ScoreOrThrowAsync(texts);
        return new SentimentResponse
        {
            ModelVersion = Scorer.CurrentModel?.Version ?? "unknown",
            Results = predictions.Select(p => new SentimentResultView
            {
                Label = p.Label,
                Score = Math.Round(p.Score, 6),
                Probabilities = new Dictionary<string, double>
                {
                    ["negative"] = Math.Round(p.Probabilities.Negative, 6),
                    ["neutral"] = Math.Round(p.Probabilities.Neutral, 6),
                    ["positive"] = Math.Round(p.Probabilities.Positive, 6),
                },
                Emotion = p.Emotion is { } emotion
                    ? new EmotionView { Label = emotion.Label, Probabilities = emotion.Probabilities.ToDictionary(e => e.Key, e => Math.Round(e.Value, 6)) }
                    : null,
                BrandSafety = p.BrandSafety is { } safety
                    ? new BrandSafetyView { Offensive = Math.Round(safety.Offensive, 6), Hate = Math.Round(safety.Hate, 6) }
                    : null,
            }).ToList(),
        };
    }

    public Task<ModelView?> GetCurrentModelAsync()
    {
        var scorer = services.GetService<SentimentService>();
        if (scorer?.CurrentModel is not { } model)
        {
            return Task.FromResult<ModelView?>(null);
        }

        var metrics = new Dictionary<string, double>
        {
            ["macroRecall"] = model.Validation.MacroRecall,
            ["accuracy"] = model.Validation.Accuracy,
            ["macroF1"] = model.Validation.MacroF1,
            ["examples"] = model.Validation.Examples,
        };
        foreach (var (label, recall) in model.Validation.PerClassRecall)
        {
            metrics[$"recall.{label}"] = recall;
        }

        return Task.FromResult<ModelView?>(new ModelView
        {
            Version = model.Version,
            Labels = [.. model.Labels],
            ValidationMetrics = metrics,
            ValidationMethod = model.Validation.Method,
            CreatedAt = model.CreatedAt.UtcDateTime,
            ActivatedAt = model.ActivatedAt.UtcDateTime,
            ExecutionProvider = scorer.ExecutionProvider,
            ServedBy = RuntimeIdentity,
        });
    }

    private async Task<IReadOnlyList<SentimentPrediction>> ScoreOrThrowAsync(string[] texts)
    {
        try
        {
            return await Scorer.ScoreAsync(texts);
        }
        catch (Exception exception) when (exception is ScorerOverloadedException or ScorerNotReadyException)
        {
            // The library's exceptions are unknown to clients without it: translate to the contract's.
            throw new ScoringUnavailableException(exception.Message);
        }
    }

    private static SentimentLabel ToLabel(string label) => label switch
    {
        "negative" => SentimentLabel.Negative,
        "neutral" => SentimentLabel.Neutral,
        "positive" => SentimentLabel.Positive,
        _ => SentimentLabel.Unscored,
    };

    private static EmotionLabel ToEmotion(string? label) => label switch
    {
        "anger" => EmotionLabel.Anger,
        "joy" => EmotionLabel.Joy,
        "optimism" => EmotionLabel.Optimism,
        "sadness" => EmotionLabel.Sadness,
        _ => EmotionLabel.None,
    };

    /// <summary>
    /// Flags at each head's documented threshold, chosen on held-out data and recorded in the model package (its
    /// precision and recall are in sentiment/README.md), not at 0.5 of a calibrated probability.
    /// </summary>
    private static BrandSafetyFlags ToFlags(BrandSafetyPrediction? safety) =>
        safety is null
            ? BrandSafetyFlags.None
            : (safety.IsOffensive ? BrandSafetyFlags.Offensive : BrandSafetyFlags.None)
              | (safety.IsHate ? BrandSafetyFlags.Hate : BrandSafetyFlags.None);
}
