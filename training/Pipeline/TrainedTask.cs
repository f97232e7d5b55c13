using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>A task's data, cross-validation, every variant's result and the chosen one; brand-safety tasks also carry their held-out embeddings.</summary>
public sealed record TrainedTask(TaskData Data, CrossValidation Validation, IReadOnlyList<VariantResult> Variants, VariantResult Chosen, HeldOutEmbeddings? HeldOut = null)
{
    public string Task => Data.Definition.Task;

    public IReadOnlyList<string> Labels => Data.Definition.Labels;

    public ValidationMetrics Metrics => Chosen.Metrics;
}

/// <summary>Embeddings of <see cref="HeldOutTexts"/>, row for row.</summary>
public sealed record HeldOutEmbeddings(float[][] Test, float[][] Sober);
