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
    public static IReadOnlyList<TrainedTask> CrossValidate(TrainingOptions options, SentenceEncoder encoder) =>
        CrossValidate(options, encoder, [TaskDefinition.Sentiment(options.SentimentRecipes), .. options.ExtraHeads ? TaskDefinition.Extra : []]);

    /// <summary>The given tasks only (a fine-tuned package trains its sentiment head itself and the others here).</summary>
    public static IReadOnlyList<TrainedTask> CrossValidate(TrainingOptions options, SentenceEncoder encoder, IReadOnlyList<TaskDefinition> definitions)
    {
        var feedback = FeedbackLog.ForDataDirectory(options.DataDirectory).ReadAll();
        var data = definitions.Select(d => TaskData.Load(d, options.Datasets, feedback, options.Sample)).ToList();
        AnsiConsole.MarkupLine($"Data: {string.Join(", ", data.Select(d => $"{d.Definition.Task} {d.Texts.Count}"))} texts; {feedback.Count} feedback entries in {Markup.Escape(options.DataDirectory)}");

        var cache = new EmbeddingCache(Path.Combine(options.DataDirectory, "cache"), encoder.Sha256);
        var results = new List<TrainedTask>();
        Progress().Start(context =>
        {
            // One encoder pass for everything, held-out texts included: they are only embedded here, never fitted on.
            var all = data.SelectMany(d => (IEnumerable<string>)[.. d.Texts, .. d.HeldOut?.TestTexts ?? [], .. d.HeldOut?.SoberTexts ?? []]).ToList();
            var embeddings = CorpusEmbedder.Embed(encoder, all, cache, context);
            var offset = 0;
            float[][] Take(int count)
            {
                var rows = embeddings.AsSpan(offset, count).ToArray();
                offset += count;
                return rows;
            }

            foreach (var task in data)
            {
                var rows = Take(task.Texts.Count);
                var heldOut = task.HeldOut is { } texts ? new HeldOutEmbeddings(Take(texts.TestTexts.Count), Take(texts.SoberTexts.Count)) : null;
                var validation = new CrossValidation(rows, task.Texts, task.Labels, task.Definition.Labels.Count, options.Folds, TrainingOptions.Seed, groups: task.FoldGroups());
                var bar = context.AddTask($"Cross-validating {task.Definition.Candidates.Count} {task.Definition.Task} variants", maxValue: task.Definition.Candidates.Count);
                var method = $"{options.Folds}-fold stratified cross-validation (seed {TrainingOptions.Seed}), {string.Join(" + ", task.Description.Sources)}"
                    + (task.HardNegatives > 0 ? $"; scored on the {task.TaskRows} tweets only, hard negatives folded by document" : "");
                var variants = HeadSelection.Evaluate(validation, task.Definition.Candidates, task.Definition.Labels, method, task.TaskRows, _ => bar.Increment(1));
                results.Add(new TrainedTask(task, validation, variants, HeadSelection.Best(variants), heldOut));
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
        var table = new Table().Title($"{task.Task}: every variant, {task.Validation.FoldCount}-fold CV on {task.Data.TaskRows} texts" + (task.Data.HardNegatives > 0 ? $" (+{task.Data.HardNegatives} hard negatives in training)" : ""))
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
