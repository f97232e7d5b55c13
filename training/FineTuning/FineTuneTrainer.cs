using System.Diagnostics;
using Spectre.Console;
using StreamingMarketing.Sentiment;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>What a run ends with: the best validation metrics (its weights are in the model), every evaluation, and the training loss before and after.</summary>
public sealed record FineTuneResult(ValidationMetrics Best, IReadOnlyList<FineTuneEvaluation> History, double TrainingLossBefore, double TrainingLossAfter,
    TimeSpan Elapsed, int Steps, bool StoppedEarly, ValidationMetrics? BestOffensive = null);

/// <summary>
/// Fine-tunes the top encoder layers and the sentiment head (with the offensive head in a multi-task run): AdamW
/// for the encoder and one for the heads (a head starts untrained, or from a package's, and takes a larger rate),
/// linear warm-up then linear decay, length-bucketed batches, class- and source-weighted cross entropy, gradients
/// clipped at norm 1, validation a few times per epoch with early stopping (<see cref="FineTuneEvaluation.Score"/>),
/// and a checkpoint after each validation pass so a killed run resumes where it was.
/// </summary>
public sealed class FineTuneTrainer(FineTuneOptions options, FineTuneData data, SentimentFineTuneModel model, FineTuneCheckpoint checkpoint)
{
    private const int EvaluationBatch = 64;
    private const int LossProbeExamples = 256;

    public FineTuneResult Run(ProgressContext? progress = null)
    {
        var started = Stopwatch.StartNew();
        var tasks = data.Training.Select(e => e.Task).Distinct().Order().ToList();
        var heads = tasks.Select(model.HeadFor).ToList();
        var encoderWeights = model.Encoder.TrainedWeights().ToList();
        IReadOnlyList<(string Name, Parameter Parameter)> allWeights =
            [.. encoderWeights, .. tasks.Zip(heads).SelectMany(h => new[] { ($"{HeadName(h.First)}.weight", h.Second.weight!), ($"{HeadName(h.First)}.bias", h.Second.bias!) })];
        using var encoderOptimizer = optim.AdamW(encoderWeights.Select(w => w.Parameter), options.LearningRate, 0.9, 0.999, 1e-8, options.WeightDecay);
        using var headOptimizer = optim.AdamW(heads.SelectMany(h => h.parameters()), options.HeadLearningRate, 0.9, 0.999, 1e-8, options.WeightDecay);

        var batchesPerEpoch = (data.Training.Count + options.BatchSize - 1) / options.BatchSize;
        var schedule = WarmupLinearSchedule.For(batchesPerEpoch * options.Epochs, options.WarmupShare);
        var evaluateEvery = Math.Max(1, (batchesPerEpoch + options.EvaluationsPerEpoch - 1) / options.EvaluationsPerEpoch);
        var classWeights = tasks.ToDictionary(t => t, t => data.ClassWeights(t, (int)model.HeadFor(t).weight!.shape[0]));
        var lossProbe = data.Training.GroupBy(e => e.Task).SelectMany(g => g.Take(LossProbeExamples)).ToList();
        var lossBefore = MeanLoss(lossProbe, classWeights);

        var state = checkpoint.TryLoad(options.Spec, allWeights, encoderOptimizer, headOptimizer)
            ?? new FineTuneProgress(options.Spec, 0, 0, 0, double.NegativeInfinity, 0, 0, []);
        if (state.Step > 0)
        {
            AnsiConsole.MarkupLine($"Resuming {Markup.Escape(checkpoint.Directory)} at epoch {state.Epoch + 1}, step {state.Step} (best validation score so far {state.BestScore:F4})");
        }

        var bar = progress?.AddTask("Fine-tuning", maxValue: schedule.TotalSteps);
        bar?.Value(state.Step);
        var history = state.History.ToList();
        var earlierSeconds = state.TrainingSeconds;
        var stoppedEarly = state.EvaluationsWithoutGain >= options.Patience;
        var segment = (Loss: 0.0, Batches: 0, Sequences: 0, Clock: Stopwatch.StartNew());
        for (var epoch = state.Epoch; epoch < options.Epochs && !stoppedEarly; epoch++)
        {
            var batches = LengthBuckets.Batches(data.Training, options.BatchSize, options.Seed + epoch);
            for (var b = epoch == state.Epoch ? state.NextBatch : 0; b < batches.Count && !stoppedEarly; b++)
            {
                var factor = schedule.Factor(state.Step);
                SetLearningRate(encoderOptimizer, options.LearningRate * factor);
                SetLearningRate(headOptimizer, options.HeadLearningRate * factor);
                var examples = batches[b].Select(i => data.Training[i]).ToList();
                segment.Loss += TrainStep(examples, classWeights, encoderOptimizer, headOptimizer);
                segment.Batches++;
                segment.Sequences += examples.Count;
                state = state with { Step = state.Step + 1, Epoch = epoch, NextBatch = b + 1 };
                bar?.Increment(1);
                if (bar is not null)
                {
                    bar.Description = $"Fine-tuning, epoch {epoch + 1}/{options.Epochs}, loss {segment.Loss / segment.Batches:F3}, {segment.Sequences / segment.Clock.Elapsed.TotalSeconds:F1} seq/s";
                }

                var outOfTime = options.TimeBudget is { } budget && started.Elapsed > budget;
                if (state.NextBatch % evaluateEvery != 0 && state.NextBatch != batches.Count && !outOfTime)
                {
                    continue;
                }

                var evaluation = new FineTuneEvaluation(epoch + 1, state.Step, segment.Loss / segment.Batches, segment.Sequences / segment.Clock.Elapsed.TotalSeconds,
                    EvaluateSentiment(), EvaluateOffensive());
                history.Add(evaluation);
                var isBest = evaluation.Score > state.BestScore;
                state = isBest
                    ? state with { BestScore = evaluation.Score, BestStep = state.Step, EvaluationsWithoutGain = 0, History = history }
                    : state with { EvaluationsWithoutGain = state.EvaluationsWithoutGain + 1, History = history };
                if (state.NextBatch == batches.Count)
                {
                    state = state with { Epoch = epoch + 1, NextBatch = 0 };
                }

                state = state with { TrainingSeconds = earlierSeconds + started.Elapsed.TotalSeconds };
                checkpoint.Save(state, allWeights, encoderOptimizer, headOptimizer, isBest);
                var validation = evaluation.Validation;
                var offensive = evaluation.Offensive is { } o ? $", offensive macro-F1 {o.MacroF1:F4}" : "";
                AnsiConsole.MarkupLine($"epoch {epoch + 1} step {state.Step}: training loss {evaluation.TrainingLoss:F4}, validation macro-recall {validation.MacroRecall:F4}, accuracy {validation.Accuracy:F4}, macro-F1 {validation.MacroF1:F4}{offensive}" +
                    $"{(isBest ? " [green](best)[/]" : "")}, {evaluation.SequencesPerSecond:F1} seq/s");
                stoppedEarly = state.EvaluationsWithoutGain >= options.Patience || outOfTime;
                if (outOfTime)
                {
                    AnsiConsole.MarkupLine($"Time budget of {options.TimeBudget:g} spent: training stops with the best weights so far (step {state.BestStep}).");
                }

                segment = (0, 0, 0, Stopwatch.StartNew());
            }
        }

        checkpoint.RestoreBest(allWeights);
        var best = history.LastOrDefault(h => h.Step == state.BestStep) ?? new FineTuneEvaluation(0, 0, double.NaN, 0, EvaluateSentiment(), EvaluateOffensive());
        return new FineTuneResult(best.Validation, history, lossBefore, MeanLoss(lossProbe, classWeights),
            TimeSpan.FromSeconds(Math.Max(state.TrainingSeconds, earlierSeconds + started.Elapsed.TotalSeconds)), state.Step, stoppedEarly, best.Offensive);
    }

    private ValidationMetrics EvaluateSentiment() =>
        Evaluate(data.Validation, SentimentService.SentimentLabels, FineTuneTask.Sentiment, $"TweetEval sentiment_val, {data.Validation.Count} tweets held out of fine-tuning");

    private ValidationMetrics? EvaluateOffensive() => data.OffensiveValidation is { } offensive
        ? Evaluate(offensive, SentimentService.ExtraHeadLabels[SentimentService.OffensiveTask], FineTuneTask.Offensive,
            $"TweetEval offensive_val (OLID), {offensive.Count} tweets held out of fine-tuning; argmax of the jointly trained head")
        : null;

    private static string HeadName(FineTuneTask task) => task == FineTuneTask.Sentiment ? "head" : "offensiveHead";

    private double TrainStep(IReadOnlyList<FineTuneExample> examples, Dictionary<FineTuneTask, float[]> classWeights, OptimizerHelper encoderOptimizer, OptimizerHelper headOptimizer)
    {
        using var scope = NewDisposeScope();
        model.TrainTrainable();
        encoderOptimizer.zero_grad();
        headOptimizer.zero_grad();
        var loss = Loss(examples, classWeights);
        loss.backward();
        nn.utils.clip_grad_norm_(model.parameters().Where(p => p.requires_grad && p.grad is not null), 1.0);
        encoderOptimizer.step();
        headOptimizer.step();
        return loss.item<float>();
    }

    /// <summary>
    /// Σ wᵢ·CE(xᵢ) / Σ wᵢ, wᵢ = class weight of xᵢ's task × its example weight. One encoder pass per batch; each
    /// task's rows go through that task's head, so a batch may mix tasks.
    /// </summary>
    private Tensor Loss(IReadOnlyList<FineTuneExample> examples, Dictionary<FineTuneTask, float[]> classWeights)
    {
        var device = model.Encoder.Device;
        var (ids, mask) = TokenBatch.Pad(examples.Select(e => e.Tokens).ToList(), device);
        var pooled = model.Pooled(ids, mask);
        Tensor? total = null;
        var weightSum = 0.0;
        foreach (var group in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Task))
        {
            var rows = group.ToArray();
            var logits = model.Logits(group.Key, rows.Length == examples.Count ? pooled : pooled.index_select(0, tensor(rows.Select(i => (long)i).ToArray(), device: device)));
            var targets = tensor(rows.Select(i => (long)examples[i].Label).ToArray(), device: device);
            var rowWeights = rows.Select(i => classWeights[group.Key][examples[i].Label] * examples[i].Weight).ToArray();
            var weighted = nn.functional.cross_entropy(logits, targets, reduction: nn.Reduction.None).mul(tensor(rowWeights, device: device)).sum();
            total = total is null ? weighted : total.add(weighted);
            weightSum += rowWeights.Sum();
        }

        return total!.div(weightSum);
    }

    private double MeanLoss(IReadOnlyList<FineTuneExample> examples, Dictionary<FineTuneTask, float[]> classWeights)
    {
        model.eval();
        using var noGrad = no_grad();
        var total = 0.0;
        var weight = 0.0;
        foreach (var batch in examples.OrderBy(e => e.Tokens.Length).Chunk(EvaluationBatch))
        {
            using var scope = NewDisposeScope();
            var batchWeight = batch.Sum(e => classWeights[e.Task][e.Label] * e.Weight);
            total += Loss(batch, classWeights).item<float>() * batchWeight;
            weight += batchWeight;
        }

        return total / weight;
    }

    /// <summary>One task's validation metrics of the current weights (eval mode, no dropout), by the argmax of its head.</summary>
    public ValidationMetrics Evaluate(IReadOnlyList<FineTuneExample> examples, IReadOnlyList<string> labels, FineTuneTask task, string method)
    {
        var probabilities = Predict(examples.Select(e => e.Tokens).ToList(), task);
        var predicted = probabilities.Select(p => Array.IndexOf(p, p.Max())).ToArray();
        return ClassificationReport.Compute(method, labels, examples.Select(e => e.Label).ToArray(), predicted);
    }

    /// <summary>Class probabilities of one task's head per sequence, in input order.</summary>
    public float[][] Predict(IReadOnlyList<long[]> sequences, FineTuneTask task = FineTuneTask.Sentiment)
    {
        model.eval();
        using var noGrad = no_grad();
        var result = new float[sequences.Count][];
        var order = Enumerable.Range(0, sequences.Count).OrderBy(i => sequences[i].Length).ToArray();
        foreach (var chunk in order.Chunk(EvaluationBatch))
        {
            using var scope = NewDisposeScope();
            var (ids, mask) = TokenBatch.Pad(chunk.Select(i => sequences[i]).ToList(), model.Encoder.Device);
            var probabilities = model.Logits(task, model.Pooled(ids, mask)).softmax(-1).cpu().data<float>().ToArray();
            var classes = probabilities.Length / chunk.Length;
            for (var row = 0; row < chunk.Length; row++)
            {
                result[chunk[row]] = probabilities.AsSpan(row * classes, classes).ToArray();
            }
        }

        return result;
    }

    private static void SetLearningRate(OptimizerHelper optimizer, double rate)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }
    }
}
