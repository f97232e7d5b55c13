using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>A task's data, cross-validation, every variant's result and the chosen one.</summary>
public sealed record TrainedTask(TaskData Data, CrossValidation Validation, IReadOnlyList<VariantResult> Variants, VariantResult Chosen)
{
    public string Task => Data.Definition.Task;

    public IReadOnlyList<string> Labels => Data.Definition.Labels;

    public ValidationMetrics Metrics => Chosen.Metrics;
}
