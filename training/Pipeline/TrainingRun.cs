using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// Loads every task's data (shipped sets + stored feedback), embeds all texts in one encoder pass through the
/// cache, and cross-validates each task's candidate recipes on fixed folds, with progress bars for both.
/// </summary>
public static class TrainingRun
{
    public static IReadOnlyList<TrainedTask> CrossValidate(TrainingOptions options, SentenceEncoder encoder)
    {
        var feedback = FeedbackLog.ForDataDirectory(options.DataDirectory).ReadAll();
        IEnumerable<TaskDefinition> definitions = [TaskDefinition.Sentiment(options.SentimentRecipes), .. options.ExtraHeads ? TaskDefinition.Extra : []];
        var data = definitions.Select(d => TaskData.Load(d, options.Datasets, feedback, options.Sample)).ToList();
        AnsiConsole.MarkupLine($"Data: {string.Join(", ", data.Select(d => $"{d.Definition.Task} {d.Texts.Count}"))} texts; {feedback.Count} feedback entries in {Markup.Escape(options.DataDirectory)}");

        var cache = new EmbeddingCache(Path.Combine(options.DataDirectory, "cache"), encoder.Files.Sha256);
        var results = new List<TrainedTask>();
        Progress().Start(context =>
        {
            var all = data.SelectMany(d => d.Texts).ToList();
            var embeddings = CorpusEmbedder.Embed(encoder, all, cache, context);
            var offset = 0;
            foreach (var task in data)
            {
                var rows = embeddings.AsSpan(offset, task.Texts.Count).ToArray();
                offset += task.Texts.Count;
                var validation = new CrossValidation(rows, task.Texts, task.Labels, task.Definition.Labels.Count, options.Folds, TrainingOptions.Seed);
                var bar = context.AddTask($"Cross-validating {task.Definition.Candidates.Count} {task.Definition.Task} variants", maxValue: task.Definition.Candidates.Count);
                var method = $"{options.Folds}-fold stratified cross-validation (seed {TrainingOptions.Seed}), {string.Join(" + ", task.Description.Sources)}";
                var variants = HeadSelection.Evaluate(validation, task.Definition.Candidates, task.Definition.Labels, method, _ => bar.Increment(1));
                results.Add(new TrainedTask(task, validation, variants, HeadSelection.Best(variants)));
            }
        });

        foreach (var task in results)
        {
            AnsiConsole.Write(VariantTable(task));
        }

        return results;
    }

    public static SentenceEncoder OpenEncoder(ExecutionDevice device) =>
        new(new EncoderFiles(EncoderFiles.DefaultDirectory), device, 0, NullLogger.Instance);

    private static Progress Progress() => AnsiConsole.Progress()
        .AutoClear(false)
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn());

    private static Table VariantTable(TrainedTask task)
    {
        var table = new Table().Title($"{task.Task}: every variant, {task.Validation.FoldCount}-fold CV on {task.Data.Texts.Count} texts")
            .AddColumn("").AddColumn("recipe").AddColumn(new TableColumn("macro-recall").RightAligned()).AddColumn(new TableColumn("accuracy").RightAligned())
            .AddColumn(new TableColumn("macro-F1").RightAligned()).AddColumn(new TableColumn("seconds").RightAligned());
        foreach (var variant in task.Variants)
        {
            table.AddRow(variant == task.Chosen ? "[green]*[/]" : "", Markup.Escape(variant.Recipe.Spec), $"{variant.Metrics.MacroRecall:F4}", $"{variant.Metrics.Accuracy:F4}",
                $"{variant.Metrics.MacroF1:F4}", $"{variant.Elapsed.TotalSeconds:F1}");
        }

        return table.Caption("* chosen: best macro-recall, ties to the earlier recipe");
    }
}
