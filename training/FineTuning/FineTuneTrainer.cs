using System.Diagnostics;
using Spectre.Console;
using StreamingMarketing.Sentiment;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>What a run ends with: the best validation metrics (its weights are in the model), every evaluation, and the training loss before and after.</summary>
public sealed record FineTuneResult(ValidationMetrics Best, IReadOnlyList<FineTuneEvaluation> History, double TrainingLossBefore, double TrainingLossAfter,
    TimeSpan Elapsed, int Steps, bool StoppedEarly);

/// <summary>
/// Fine-tunes the top encoder layers and the sentiment head: AdamW for each (the head starts from nothing and takes
/// a larger rate), linear warm-up then linear decay, length-bucketed batches, class- and source-weighted cross
/// entropy, gradients clipped at norm 1, validation macro-recall a few times per epoch with early stopping, and a
/// checkpoint after each validation pass so a killed run resumes where it was.
/// </summary>
public sealed class FineTuneTrainer(FineTuneOptions options, FineTuneData data, SentimentFineTuneModel model, FineTuneCheckpoint checkpoint)
{
    private const int EvaluationBatch = 64;
    private const int LossProbeExamples = 256;

    public FineTuneResult Run(ProgressContext? progress = null)
    {
        var started = Stopwatch.StartNew();
        var labels = SentimentService.SentimentLabels;
        var encoderWeights = model.Encoder.TrainedWeights().ToList();
        IReadOnlyList<(string Name, Parameter Parameter)> allWeights = [.. encoderWeights, ("head.weight", model.Head.weight!), ("head.bias", model.Head.bias!)];
        using var encoderOptimizer = optim.AdamW(encoderWeights.Select(w => w.Parameter), options.LearningRate, 0.9, 0.999, 1e-8, options.WeightDecay);
        using var headOptimizer = optim.AdamW(model.Head.parameters(), options.HeadLearningRate, 0.9, 0.999, 1e-8, options.WeightDecay);

        var batchesPerEpoch = (data.Training.Count + options.BatchSize - 1) / options.BatchSize;
        var schedule = WarmupLinearSchedule.For(batchesPerEpoch * options.Epochs, options.WarmupShare);
        var evaluateEvery = Math.Max(1, (batchesPerEpoch + options.EvaluationsPerEpoch - 1) / options.EvaluationsPerEpoch);
        var classWeights = data.ClassWeights(labels.Count);
        var lossProbe = data.Training.Take(LossProbeExamples).ToList();
        var lossBefore = MeanLoss(lossProbe, classWeights);

        var state = checkpoint.TryLoad(options.Spec, allWeights, encoderOptimizer, headOptimizer)
            ?? new FineTuneProgress(options.Spec, 0, 0, 0, double.NegativeInfinity, 0, 0, []);
        if (state.Step > 0)
        {
            AnsiConsole.MarkupLine($"Resuming {Markup.Escape(checkpoint.Directory)} at epoch {state.Epoch + 1}, step {state.Step} (best macro-recall so far {state.BestMacroRecall:F4})");
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

                var validation = Evaluate(data.Validation, labels, $"TweetEval sentiment_val, {data.Validation.Count} tweets held out of fine-tuning");
                var evaluation = new FineTuneEvaluation(epoch + 1, state.Step, segment.Loss / segment.Batches, segment.Sequences / segment.Clock.Elapsed.TotalSeconds, validation);
                history.Add(evaluation);
                var isBest = validation.MacroRecall > state.BestMacroRecall;
                state = isBest
                    ? state with { BestMacroRecall = validation.MacroRecall, BestStep = state.Step, EvaluationsWithoutGain = 0, History = history }
                    : state with { EvaluationsWithoutGain = state.EvaluationsWithoutGain + 1, History = history };
                if (state.NextBatch == batches.Count)
                {
                    state = state with { Epoch = epoch + 1, NextBatch = 0 };
                }

                state = state with { TrainingSeconds = earlierSeconds + started.Elapsed.TotalSeconds };
                checkpoint.Save(state, allWeights, encoderOptimizer, headOptimizer, isBest);
                AnsiConsole.MarkupLine($"epoch {epoch + 1} step {state.Step}: training loss {evaluation.TrainingLoss:F4}, validation macro-recall {validation.MacroRecall:F4}, accuracy {validation.Accuracy:F4}, macro-F1 {validation.MacroF1:F4}" +
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
        var best = history.Where(h => h.Step == state.BestStep).Select(h => h.Validation).LastOrDefault()
            ?? Evaluate(data.Validation, labels, "TweetEval sentiment_val (no training step)");
        return new FineTuneResult(best, history, lossBefore, MeanLoss(lossProbe, classWeights),
            TimeSpan.FromSeconds(Math.Max(state.TrainingSeconds, earlierSeconds + started.Elapsed.TotalSeconds)), state.Step, stoppedEarly);
    }

    private double TrainStep(IReadOnlyList<FineTuneExample> examples, float[] classWeights, OptimizerHelper encoderOptimizer, OptimizerHelper headOptimizer)
    {
        using var scope = NewDisposeScope();
        model.TrainTrainable();
        encoderOptimizer.zero_grad();
        headOptimizer.zero_grad();
        var loss = Loss(examples, classWeights);
        loss.backward();
        nn.utils.clip_grad_norm_(model.parameters().Where(p => p.requires_grad), 1.0);
        encoderOptimizer.step();
        headOptimizer.step();
        return loss.item<float>();
    }

    /// <summary>Σ wᵢ·CE(xᵢ) / Σ wᵢ, wᵢ = class weight × source weight.</summary>
    private Tensor Loss(IReadOnlyList<FineTuneExample> examples, float[] classWeights)
    {
        var device = model.Encoder.Device;
        var (ids, mask) = TokenBatch.Pad(examples.Select(e => e.Tokens).ToList(), device);
        var logits = model.forward(ids, mask);
        var targets = tensor(examples.Select(e => (long)e.Label).ToArray(), device: device);
        var weights = tensor(examples.Select(e => classWeights[e.Label] * e.Weight).ToArray(), device: device);
        var perExample = nn.functional.cross_entropy(logits, targets, reduction: nn.Reduction.None);
        return perExample.mul(weights).sum().div(weights.sum());
    }

    private double MeanLoss(IReadOnlyList<FineTuneExample> examples, float[] classWeights)
    {
        model.eval();
        using var noGrad = no_grad();
        var total = 0.0;
        var weight = 0.0;
        foreach (var batch in examples.OrderBy(e => e.Tokens.Length).Chunk(EvaluationBatch))
        {
            using var scope = NewDisposeScope();
            var batchWeight = batch.Sum(e => classWeights[e.Label] * e.Weight);
            total += Loss(batch, classWeights).item<float>() * batchWeight;
            weight += batchWeight;
        }

        return total / weight;
    }

    /// <summary>Validation metrics of the current weights (eval mode, no dropout).</summary>
    public ValidationMetrics Evaluate(IReadOnlyList<FineTuneExample> examples, IReadOnlyList<string> labels, string method)
    {
        var probabilities = Predict(examples.Select(e => e.Tokens).ToList());
        var predicted = probabilities.Select(p => Array.IndexOf(p, p.Max())).ToArray();
        return ClassificationReport.Compute(method, labels, examples.Select(e => e.Label).ToArray(), predicted);
    }

    /// <summary>Class probabilities per sequence, in input order.</summary>
    public float[][] Predict(IReadOnlyList<long[]> sequences)
    {
        model.eval();
        using var noGrad = no_grad();
        var result = new float[sequences.Count][];
        var order = Enumerable.Range(0, sequences.Count).OrderBy(i => sequences[i].Length).ToArray();
        foreach (var chunk in order.Chunk(EvaluationBatch))
        {
            using var scope = NewDisposeScope();
            var (ids, mask) = TokenBatch.Pad(chunk.Select(i => sequences[i]).ToList(), model.Encoder.Device);
            var probabilities = model.forward(ids, mask).softmax(-1).cpu().data<float>().ToArray();
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
