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

    public static TrainingOptions From(CommandLine commandLine) => new(
        Path.GetFullPath(commandLine.Value("data-dir", ".data")),
        commandLine.Value("datasets", Path.Combine(AppContext.BaseDirectory, "data")),
        commandLine.Number("folds", 5),
        Enum.Parse<ExecutionDevice>(commandLine.Value("device", "auto"), ignoreCase: true),
        commandLine.Value("sample") is { } sample ? int.Parse(sample, System.Globalization.CultureInfo.InvariantCulture) : null,
        commandLine.Value("recipes") is { } recipes ? recipes.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(HeadRecipe.Parse).ToList() : null,
        !commandLine.Flag("sentiment-only"));

    public static readonly string[] OptionNames = ["data-dir", "datasets", "folds", "device", "sample", "recipes", "sentiment-only"];
}
