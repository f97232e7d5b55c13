using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>The options of one training run, shared by train, evaluate and serve.</summary>
public class TrainingSettings : DataDirSettings
{
    [CommandOption("--datasets <PATH>")]
    [Description("The labeled sets (default: data/ beside the tool).")]
    public string? Datasets { get; init; }

    [CommandOption("--folds <N>")]
    [Description("Cross-validation folds.")]
    [DefaultValue(5)]
    public int Folds { get; init; } = 5;

    [CommandOption("--device <DEVICE>")]
    [Description("auto, cuda or cpu.")]
    [DefaultValue(ExecutionDevice.Auto)]
    public ExecutionDevice Device { get; init; } = ExecutionDevice.Auto;

    [CommandOption("--sample <N>")]
    [Description("At most N examples per head, for quick runs.")]
    public int? Sample { get; init; }

    [CommandOption("--recipes <SPECS>")]
    [Description("Sentiment candidates, \"spec;spec\" (default: every built-in recipe).")]
    public string? Recipes { get; init; }

    [CommandOption("--sentiment-only")]
    [Description("Train the sentiment head only.")]
    public bool SentimentOnly { get; init; }

    public TrainingOptions ToOptions() => new(
        DataDirectory,
        Datasets ?? Path.Combine(AppContext.BaseDirectory, "data"),
        Folds,
        Device,
        Sample,
        Recipes?.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(HeadRecipe.Parse).ToList(),
        !SentimentOnly);

    public override ValidationResult Validate() =>
        Folds < 2 ? ValidationResult.Error($"--folds must be at least 2 (got {Folds}).")
        : Sample is < 1 ? ValidationResult.Error($"--sample must be at least 1 (got {Sample}).")
        : ValidRecipes();

    private ValidationResult ValidRecipes()
    {
        try
        {
            _ = Recipes?.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(HeadRecipe.Parse).ToList();
            return ValidationResult.Success();
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            return ValidationResult.Error($"--recipes: {exception.Message}");
        }
    }
}
