using Spectre.Console;
using StreamingMarketing.Sentiment;
using TorchSharp;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>Where a fine-tune run reads and writes, and whether it publishes.</summary>
public sealed record FineTuneRequest(TrainingOptions Training, FineTuneOptions FineTune, string Version, string Output, string CheckpointDirectory, bool Publish, bool Force);

/// <summary>What a run produced: the package's manifest, the training result and, when publishing was asked, the gate's decision.</summary>
public sealed record FineTuneOutcome(ModelManifest Manifest, FineTuneResult Result, GateDecision? Gate, bool Published);

/// <summary>
/// One fine-tuning run from data to (optionally) a promoted version: the base encoder read out of its ONNX graph into
/// TorchSharp (or a fine-tuned package's, to continue it), its top layers and a sentiment head (and an offensive head,
/// multi-task) fine-tuned, the weights written back into the graph as a delta
/// and checked against ONNX Runtime, the other heads re-fitted on the fine-tuned encoder, one package written, and
/// with publishing the gate decides on the validation tweets (<see cref="FineTuneGate"/>).
/// </summary>
public static class FineTuneRun
{
    private const int ParityCheckTexts = 256;

    public static async Task<FineTuneOutcome> RunAsync(FineTuneRequest request, CancellationToken cancellationToken = default)
    {
        var options = request.FineTune;
        if (options.Threads > 0)
        {
            torch.set_num_threads(options.Threads);
        }

        torch.manual_seed(options.Seed);
        using var baseEncoder = TrainingRun.OpenEncoder(request.Training.Device);
        var startWeights = StartingEncoder.Read(options.FromPackage, baseEncoder, options.Layers);
        var data = FineTuneData.Load(request.Training.Datasets, baseEncoder.Tokenizer, options);
        AnsiConsole.MarkupLine($"Fine-tuning data: {data.Training.Count} training texts ({Markup.Escape(string.Join(" + ", data.Sources))}), {data.Validation.Count} validation tweets; {Markup.Escape(options.Spec)}");

        using var encoder = new BertSentenceEncoder();
        encoder.LoadFrom(startWeights);
        encoder.TrainTopLayers(options.Layers);
        using var model = new SentimentFineTuneModel(encoder, SentimentService.SentimentLabels.Count);
        if (StartingEncoder.ReadLinearSentimentHead(options.FromPackage) is { } startingHead)
        {
            model.LoadHead(startingHead);
            AnsiConsole.MarkupLine("The sentiment head starts from the package's linear head.");
        }

        var device = TorchDevices.Resolve(options.TorchDevice);
        model.to(device);
        AnsiConsole.MarkupLine($"LibTorch {torch.__version__} trains on {device.type}");
        var trainer = new FineTuneTrainer(options, data, model, new FineTuneCheckpoint(request.CheckpointDirectory));
        FineTuneResult result = null!;
        Progress().Start(context => result = trainer.Run(context));
        var offensive = result.BestOffensive is { } o ? $", offensive macro-F1 {o.MacroF1:F4} on {o.Examples} OLID validation tweets" : "";
        AnsiConsole.MarkupLine($"Best validation macro-recall {result.Best.MacroRecall:F4}{offensive} (TorchSharp), {result.Steps} steps in {result.Elapsed.TotalMinutes:F1} min; training loss {result.TrainingLossBefore:F4} → {result.TrainingLossAfter:F4}");

        Directory.CreateDirectory(request.Output);
        var validationTexts = data.Validation.Select(e => e.Text).ToList();
        var written = EncoderWriteBack.Write(encoder, startWeights, baseEncoder, Path.Combine(request.Output, FineTunedPackage.DeltaFile), validationTexts.Take(ParityCheckTexts).ToList());
        AnsiConsole.MarkupLine($"Encoder written back: {written.Tensors} initializers ({new FileInfo(written.DeltaPath).Length / 1048576.0:F1} MiB delta), ONNX Runtime vs TorchSharp max |Δ| {written.MaxDifference:E2}");

        using var fineTuned = baseEncoder.WithGraph(written.Graph, written.Sha256);
        var sentiment = SentimentHeadChoice.Choose(model, fineTuned, data, request.Output, jointOnly: options.SentimentHead == "joint");
        var validation = sentiment.Validation;
        AnsiConsole.Write(ClassificationReport.Render(validation, SentimentService.SentimentLabels, $"sentiment, fine-tuned encoder + {Markup.Escape(sentiment.Spec)}, served path (ONNX Runtime), validation tweets"));

        var extraHeads = new List<(TrainedTask, TaskHead)>();
        if (request.Training.ExtraHeads)
        {
            foreach (var task in TrainingRun.CrossValidate(request.Training, fineTuned, TaskDefinition.Extra))
            {
                extraHeads.Add((task, PackageBuilder.BuildHead(task, request.Output)));
            }
        }

        var manifest = FineTunedPackage.Write(request.Version, request.Output, written, baseEncoder.Files.Sha256, sentiment, data, options, result, extraHeads);
        AnsiConsole.MarkupLine($"Package [bold]{request.Version}[/] written to {Markup.Escape(request.Output)}");
        if (!request.Publish)
        {
            return new FineTuneOutcome(manifest, result, null, false);
        }

        var registry = RegistryFromEnvironment.Create(request.Training.DataDirectory);
        var serving = await TrainCommand.ServingManifestAsync(registry, cancellationToken);
        var servingMetrics = serving is null ? null
            : await ServingOnValidation.MeasureAsync(serving, registry, baseEncoder, data, Path.Combine(request.Training.DataDirectory, "cache"));
        var decision = FineTuneGate.Decide(validation, serving, servingMetrics, request.Force);
        if (decision.Serving is { } replay)
        {
            AnsiConsole.Write(ClassificationReport.Render(replay, SentimentService.SentimentLabels, $"serving {serving!.Version}, same validation tweets"));
        }

        if (!decision.Publish)
        {
            AnsiConsole.MarkupLine($"[yellow]Not published:[/] {Markup.Escape(decision.Reason)}");
            return new FineTuneOutcome(manifest, result, decision, false);
        }

        await registry.PublishAsync(request.Output, cancellationToken);
        await registry.PromoteAsync(request.Version, cancellationToken);
        AnsiConsole.MarkupLine($"[green]Published and promoted {request.Version}[/] (was {serving?.Version ?? "none"}): {Markup.Escape(decision.Reason)}");
        return new FineTuneOutcome(manifest, result, decision, true);
    }

    private static Progress Progress() => AnsiConsole.Progress()
        .AutoClear(false)
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn());
}
