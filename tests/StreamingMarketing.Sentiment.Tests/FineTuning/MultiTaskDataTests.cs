using StreamingMarketing.Training;
using StreamingMarketing.Training.FineTuning;

namespace StreamingMarketing.Sentiment.Tests.FineTuning;

/// <summary>What a multi-task fine-tune learns from and is stopped by; no LibTorch needed.</summary>
public sealed class MultiTaskDataTests
{
    private static readonly string Datasets = Path.Combine(AppContext.BaseDirectory, "data");
    private static readonly TextTokenizer Tokenizer = new(new EncoderFiles(EncoderFiles.DefaultDirectory).VocabularyPath);

    [Fact]
    public void The_offensive_task_trains_on_olid_train_and_sober_snippets_and_is_validated_on_olid_val_only()
    {
        var data = FineTuneData.Load(Datasets, Tokenizer, new FineTuneOptions { SemEvalTweets = 0, OffensiveWeight = 2 });

        var offensive = data.Training.Where(e => e.Task == FineTuneTask.Offensive).ToList();
        var olidTrain = LabeledText.ReadTsv(Path.Combine(Datasets, FineTuneData.OffensiveFile));
        var sober = SoberText.Load(Datasets);
        Assert.Equal(olidTrain.Count + sober.TrainingSnippets.Count, offensive.Count);
        Assert.All(offensive, e => Assert.Equal(2f, e.Weight));
        Assert.Equal(sober.Training, offensive.Skip(olidTrain.Count).Select(e => e.Text));
        Assert.All(offensive.Skip(olidTrain.Count), e => Assert.Equal(0, e.Label));

        Assert.Equal(LabeledText.ReadTsv(Path.Combine(Datasets, FineTuneData.OffensiveValidationFile)).Count, data.OffensiveValidation!.Count);
        Assert.Equal(data.Training.Count - offensive.Count, data.SentimentTraining.Count);
    }

    [Fact]
    public void Each_tasks_classes_weigh_the_same_in_total()
    {
        var data = FineTuneData.Load(Datasets, Tokenizer, new FineTuneOptions { SemEvalTweets = 0, Sample = 500, OffensiveWeight = 1 });

        foreach (var (task, classes) in new[] { (FineTuneTask.Sentiment, 3), (FineTuneTask.Offensive, 2) })
        {
            var weights = data.ClassWeights(task, classes);
            var totals = Enumerable.Range(0, classes)
                .Select(c => data.Training.Where(e => e.Task == task && e.Label == c).Sum(e => e.Weight * weights[c])).ToList();
            Assert.All(totals, total => Assert.Equal(totals[0], total, 1));
        }
    }

    [Fact]
    public void Without_an_offensive_weight_the_fine_tune_is_sentiment_only()
    {
        var data = FineTuneData.Load(Datasets, Tokenizer, new FineTuneOptions { SemEvalTweets = 0, Sample = 100 });

        Assert.All(data.Training, e => Assert.Equal(FineTuneTask.Sentiment, e.Task));
        Assert.Null(data.OffensiveValidation);
        Assert.DoesNotContain("offensiveWeight", new FineTuneOptions().Spec, StringComparison.Ordinal);
    }

    [Fact]
    public void The_best_step_of_a_multi_task_run_weighs_sentiment_macro_recall_and_offensive_macro_f1_alike()
    {
        var sentimentOnly = new FineTuneEvaluation(1, 10, 0.5, 40, Metrics(macroRecall: 0.70, macroF1: 0.1));
        var multiTask = sentimentOnly with { Offensive = Metrics(macroRecall: 0.1, macroF1: 0.80) };

        Assert.Equal(0.70, sentimentOnly.Score, 6);
        Assert.Equal(0.75, multiTask.Score, 6);
    }

    private static ValidationMetrics Metrics(double macroRecall, double macroF1) =>
        new("test", 10, macroRecall, 0.5, macroF1, new Dictionary<string, double>(), []);
}
